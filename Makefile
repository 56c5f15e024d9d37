# Two commands for a new machine: `make serve` (the site with a working checker on
# http://127.0.0.1:8000) and `make test` (every test). Both set up what is missing.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: setup browser build serve dev test test-fast bench lint clean

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
	@bash site_scripts/ensure_browser.sh >/dev/null

build: $(VENV)/.installed node_modules/.installed
	$(PY) -m mkdocs build --strict

serve: build
	@echo "Serving the built site on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory site

# Live-reloading author mode (rebuilds on every change).
dev: $(VENV)/.installed node_modules/.installed
	$(PY) -m mkdocs serve -a 127.0.0.1:$(PORT)

test: setup build
	$(PY) -m ruff check pycore site_scripts tests bench
	$(PY) -m mypy
	$(PY) -m pytest

bench: setup build
	$(PY) bench/bench_core.py
	$(PY) bench/bench_site.py

# Merge IRCC's rounds JSON into pycore/data/draws.toml (default: the official file):
# make update-draws FILE_OR_URL=path/or/https-url
.PHONY: update-draws
update-draws:
	$(PY) -m site_scripts.rounds_import $(FILE_OR_URL)

clean:
	rm -rf site build dist *.egg-info
