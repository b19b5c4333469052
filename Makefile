# frontlines — set-up, demo and tests.  Every target installs what it needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test fuzz bench eval clean

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

# the fuzz tests (tests/fuzz) with many more examples than CI runs; FUZZ_EXAMPLES=N to change
FUZZ_EXAMPLES ?= 500
fuzz: $(STAMP)
	FRONTLINES_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/fuzz -q

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf out $(VENV) build src/*.egg-info

# the README's accuracy figures: the seeds (publication dates from the gold's docs.jsonl, since the
# texts carry none) and FA-KES dev, from ../shared/corpus
CORPUS ?= ../shared/corpus
eval: $(STAMP)
	mkdir -p out
	$(BIN)/python -c "import json,sys; [print(json.dumps({'file': d['file'], 'published': d['published_estimate']})) for d in map(json.loads, open('$(CORPUS)/seeds-gold/docs.jsonl'))]" > out/seeds_manifest.jsonl
	rm -f out/seeds.db* out/fakes.db*
	$(BIN)/frontlines run $(CORPUS)/seeds --manifest out/seeds_manifest.jsonl --db out/seeds.db --quiet
	$(BIN)/frontlines eval --db out/seeds.db --gold $(CORPUS)/seeds-gold
	$(BIN)/frontlines run $(CORPUS)/fa-kes-dev/articles.jsonl --db out/fakes.db --quiet
	$(BIN)/frontlines eval --db out/fakes.db --gold $(CORPUS)/fa-kes-dev/gold.jsonl
