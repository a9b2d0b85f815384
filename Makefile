# The two commands of the contract: `make book` and `make test`.
# Bare `make` prints this help.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The venv is a real file target: it is rebuilt only when the pins change.
STAMP := $(VENV)/.installed-stamp

.PHONY: help book serve rebuild test test-browser clean validate prepare execute add-article extract bench

help:  ## show this help
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'
	@echo "  make add-article FILE=path LANG=ar|fa|en [OUTLET=... TITLE=... DATE=...]"

$(STAMP): requirements.txt pyproject.toml
	@echo "[setup] virtual environment $(VENV) and pinned requirements"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# The extractor's hot modules compiled (Cython), only those whose source has
# no build yet: a no-op in milliseconds when nothing changed; pure Python
# runs, with a one-line note, where there is no C compiler.
COMPILED := $(PY) -m analysis compile

book: $(STAMP)  ## set up and build the HTML book into _build/html
	@$(COMPILED)
	@$(PY) -m analysis build

# Search (Pagefind) needs the book over HTTP, not opened as a file. Loopback only.
PORT ?= 8000
serve:  ## serve _build/html on http://127.0.0.1:8000/ (PORT=...): search needs HTTP
	@test -f _build/html/index.html || { echo "no book yet: run make book first" >&2; exit 1; }
	@echo "The book: http://127.0.0.1:$(PORT)/  (search: http://127.0.0.1:$(PORT)/search.html); Ctrl+C stops"
	@$(PYTHON) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

rebuild: $(STAMP)  ## re-execute every chapter and rebuild from scratch
	@$(COMPILED)
	@$(PY) -m analysis build --clean

test-browser: $(STAMP)  ## only the browser tests (Chromium; BOOK_BROWSER_HTML=_build/html skips their build)
	@$(COMPILED)
	@$(PY) -m pytest tests/browser

test: $(STAMP)  ## set up and run every test
	@$(COMPILED)
	@$(PY) -m pytest

validate: $(STAMP)  ## check the manifest, checksums, encodings and annotations only
	@$(PY) -m analysis validate

prepare: $(STAMP)  ## cleaned texts and tables into data/processed/
	@$(PY) -m analysis prepare

execute: $(STAMP)  ## execute the chapter notebooks (those whose inputs changed)
	@$(PY) -m analysis execute

# A variable's value as one shell word, exactly as given: $(value) stops make
# expanding $ in it, and single quotes (each ' written '\'') stop the shell
# from running backticks or $(...) or expanding $HOME. Never paste a
# user's value into a recipe any other way.
shell-word = '$(subst ','\'',$(value $(1)))'

add-article: $(STAMP)  ## add FILE to the corpus (LANG=ar|fa|en)
	@# LANG is also the locale variable: accept it only when given on the command line.
	$(if $(and $(value FILE),$(filter command line,$(origin LANG))),,\
	  @echo "usage: make add-article FILE=path LANG=ar|fa|en [OUTLET=... TITLE=... DATE=...]" >&2; exit 2)
	@LANG=C.UTF-8 $(PY) -m analysis add-article --lang=$(call shell-word,LANG) \
	  --outlet=$(call shell-word,OUTLET) --title=$(call shell-word,TITLE) \
	  --date=$(call shell-word,DATE) -- $(call shell-word,FILE)

extract: $(STAMP)  ## mentions in FILES=... as JSON Lines
	@$(COMPILED)
	@$(PY) -m analysis extract $(FILES)

bench: $(STAMP)  ## throughput of extraction and of the build, as printed tables
	@$(COMPILED)
	@$(PY) bench/bench_extract.py
	@echo
	@$(PY) bench/bench_build.py

clean:  ## remove build outputs and caches (keeps .venv)
	rm -rf _build data/processed book/*.ipynb book/figures book/articles book/status.md .pytest_cache .hypothesis .build
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +
