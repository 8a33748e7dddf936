# kgbuild: `make run` builds the seed graph; `make test` installs, starts Neo4j, runs every test, stops it.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
KGBUILD := $(VENV)/bin/kgbuild
OUT ?= out
PYTEST_ARGS ?=
BENCH_SIZES ?= 1000,10000

.PHONY: help install install-test run test test-fast browser notebook bench clean neo4j-start neo4j-stop neo4j-status bench-neo4j

help:  ## list the targets
	@grep -E '^[a-z0-9-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 18

$(VENV)/.installed: setup.cfg pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e ".[model]"
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q -e ".[model,test]"
	$(PY) -m ipykernel install --user --name python3 >/dev/null
	touch $@

install: $(VENV)/.installed  ## the package and the spaCy model, in .venv

install-test: $(VENV)/.installed-test browser  ## what the tests need too

browser:  ## Debian's chromium (for graph.html tests), when missing
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium chromium-driver; \
	  else echo "chromium is missing: sudo apt-get install chromium chromium-driver" >&2; exit 1; fi; }

run: install  ## build the seed graph into out/ (no server needed)
	$(KGBUILD) build seeds/ --out $(OUT)

test: install-test  ## start Neo4j, run every test, stop Neo4j (also when tests fail)
	@scripts/neo4j.sh start
	@set +e; KGBUILD_NEO4J_REQUIRED=1 KGBUILD_BROWSER_REQUIRED=1 $(VENV)/bin/pytest -q $(PYTEST_ARGS); rc=$$?; \
	  scripts/neo4j.sh stop; exit $$rc

test-fast: install-test  ## the tests that need no server
	$(VENV)/bin/pytest -q -m "not neo4j" $(PYTEST_ARGS)

neo4j-start: install  ## start the local Neo4j 5.26 (downloads it once into .neo4j/), wait until it answers
	scripts/neo4j.sh start

neo4j-stop:  ## stop the local Neo4j
	scripts/neo4j.sh stop

neo4j-status:  ## is the local Neo4j answering on bolt://127.0.0.1:7687?
	scripts/neo4j.sh status

bench-neo4j: install  ## kgbuild's Neo4j writer vs a naive MERGE loop on 100k relationships (starts Neo4j)
	scripts/neo4j.sh start
	$(PY) bench/bench_neo4j.py

bench: install  ## bare spaCy vs kgbuild, workers, memory, graph.html, Neo4j -> bench/results.md (BENCH_SIZES=300 is quick)
	$(PIP) install -q -e ".[model,bench]"
	-scripts/neo4j.sh start
	$(PY) bench/run.py --sizes $(BENCH_SIZES) --out $(OUT)/bench

notebook: install-test  ## open the notebooks in JupyterLab
	$(VENV)/bin/pip install -q -e ".[notebook]"
	$(VENV)/bin/jupyter lab notebooks/

clean:  ## remove outputs (keeps .venv and the Neo4j download)
	rm -rf $(OUT) .pytest_cache build *.egg-info
