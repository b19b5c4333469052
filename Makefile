# frontlines — set-up, demo and tests.  Every target installs what it needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test fuzz bench bench-large eval repin clean chromium frontend basemap serve bench-web postgres-bin

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
	$(BIN)/frontlines report --db out/example.db --from 2017-01-01 --to 2017-12-31 -o out/report.html
	$(BIN)/frontlines report --db out/example.db --from 2017-01-01 --to 2017-12-31 -o out/report.md
	@echo "database: out/example.db  exports: out/events_acled.csv out/events.geojson out/events.jsonl out/claims.jsonl out/events.parquet"
	@echo "situation report: out/report.html (and out/report.md with out/report_files/)"
	@echo "the map: $(BIN)/frontlines serve --db out/example.db   then open http://127.0.0.1:8000/  (or: make serve)"

# the PostgreSQL store's tests start a server of their own from the server binaries (installed
# here from Debian's package when absent)
postgres-bin:
	bash scripts/ensure-postgres

test: $(STAMP) chromium postgres-bin
	$(BIN)/python -m pytest

# the fuzz tests (tests/fuzz) with many more examples than CI runs; FUZZ_EXAMPLES=N to change
FUZZ_EXAMPLES ?= 500
fuzz: $(STAMP)
	FRONTLINES_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/fuzz -q
# Debian's Chromium for the browser tests (Playwright drives it; no browser is downloaded)
chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium) \
	  || echo "chromium could not be installed: the browser tests will skip (and fail under CI=true)"

# the map page: sources in frontend/, built (with npm packages) into src/frontlines/web/static, which is committed
frontend:
	cd frontend && npm ci --no-audit --no-fund && npm run build

# the offline basemap (src/frontlines/data/basemap.geojson, committed) from ../shared/data/gazetteer; needs shapely
basemap: $(STAMP)
	$(BIN)/pip install -q 'shapely>=2,<3'
	$(BIN)/python scripts/build_basemap.py

serve: $(STAMP)
	test -f out/example.db || $(MAKE) demo
	$(BIN)/frontlines serve --db out/example.db

# bounded load test of `frontlines serve` on loopback (see bench/web_load.py for the options)
bench-web: $(STAMP)
	$(BIN)/python bench/web_load.py

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
