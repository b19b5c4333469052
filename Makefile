# frontlines — set-up, demo and tests.  Every target installs what it needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,parquet]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	rm -rf out && mkdir -p out
	$(BIN)/frontlines run examples/reports --manifest examples/manifest.jsonl --db out/example.db
	$(BIN)/frontlines export --db out/example.db --format acled -o out/events_acled.csv
	$(BIN)/frontlines export --db out/example.db --format geojson -o out/events.geojson
	$(BIN)/frontlines export --db out/example.db --format jsonl -o out/events.jsonl
	$(BIN)/frontlines export --db out/example.db --format claims -o out/claims.jsonl
	$(BIN)/frontlines export --db out/example.db --format parquet -o out/events.parquet
	@echo "database: out/example.db  exports: out/events_acled.csv out/events.geojson out/events.jsonl out/claims.jsonl out/events.parquet"

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf out $(VENV) build src/*.egg-info
