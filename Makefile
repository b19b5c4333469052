# frontlines — set-up, demo and tests.  Every target installs what it needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench bench-large eval repin clean

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

# throughput, per-stage time and peak memory against the spaCy yardstick (bench/run.py);
# synthetic corpora are written to out/bench/ (bench/make_corpus.py), never to the repository
bench: $(STAMP)
	$(BIN)/python bench/run.py

bench-large: $(STAMP)
	$(BIN)/python bench/run.py --large

clean:
	rm -rf out $(VENV) build src/*.egg-info

# every accuracy figure of the README, beside its floor (src/frontlines/evaluate/floors.json):
# the seeds (publication dates from the gold's docs.jsonl, since the texts carry none), FA-KES dev,
# the stage-level measures, and any gold set under ./corpus (X/texts + X/gold*/).  Exit 1 if a
# figure drops below its floor.  `make repin` raises the floors to what is measured (never lowers).
CORPUS ?= ../shared/corpus
EVAL_CORPORA = --corpus $(CORPUS) $(if $(wildcard corpus),--corpus corpus)
eval: $(STAMP)
	$(BIN)/frontlines eval $(EVAL_CORPORA) --out out/eval

repin: $(STAMP)
	$(BIN)/frontlines eval $(EVAL_CORPORA) --out out/eval --repin
