# Two commands for a new machine: `make serve` (the site with a working checker on
# http://127.0.0.1:8000) and `make test` (every test). Both set up what is missing.
# While working: `make check` (format, lint, types, core and JavaScript unit tests; no site
# build, no browser, no Pyodide), under a minute.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PY_SOURCES := pycore site_scripts tests bench tools

.PHONY: setup browser build serve dev check lint test bench clean

setup: $(VENV)/.installed node_modules/.installed browser

$(VENV)/.installed: requirements-dev.txt pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	$(PY) -m pip install -q --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

browser:
	@bash tools/ensure_browser.sh >/dev/null

build: $(VENV)/.installed node_modules/.installed
	$(PY) -m mkdocs build --strict

serve: build
	@echo "Serving the built site on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory site

# Live-reloading author mode (rebuilds on every change).
dev: $(VENV)/.installed node_modules/.installed
	$(PY) -m mkdocs serve -a 127.0.0.1:$(PORT)

# Python format, lint and types (ruff, mypy strict on pycore and site_scripts), and the layers
# of pycore/ (import-linter's contracts in pyproject.toml).
lint: $(VENV)/.installed
	$(PY) -m ruff format --check $(PY_SOURCES)
	$(PY) -m ruff check $(PY_SOURCES)
	$(PY) -m mypy
	$(VENV)/bin/lint-imports --no-cache

# The fast loop: lint, then every test but those marked browser (Chromium), node (Pyodide under
# Node) and site (a site build or its runtime). The front end's Node unit tests and its linter
# run as pytest tests (tests/test_front_end.py), so they are in both loops.
check: lint node_modules/.installed
	$(PY) -m pytest -q -n auto -m "not browser and not node and not site"

# Everything, as CI runs it (.ci/run).
test: setup build lint
	$(PY) -m pytest

bench: setup build
	$(PY) bench/bench_core.py
	$(PY) bench/bench_site.py

# Merge IRCC's rounds JSON into pycore/data/draws.toml (default: the official file):
# make update-draws FILE_OR_URL=path/or/https-url
.PHONY: update-draws
update-draws:
	$(PY) -m tools.rounds_import $(FILE_OR_URL)

# The other maintainers' commands in tools/, each also `python -m tools.<name> --help`:
# fetch every official source and the rounds JSON and report what changed (ARGS="--record"
# to accept the new digests); regenerate the NOC 2021 table from Statistics Canada's files
# (ARGS="--en FILE --fr FILE").
.PHONY: source-watch noc-table
source-watch:
	$(PY) -m tools.source_watch $(ARGS)

noc-table:
	$(PY) -m tools.noc_table $(ARGS)

clean:
	rm -rf site build dist *.egg-info
