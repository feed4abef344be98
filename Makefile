# The README's commands. Both bootstrap .venv on a fresh machine, so each works alone.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
REFERENCE := ../shared/corpus/tomahawk-2025-10-17.json

.PHONY: demo test lint bench bench-serve clean dev-eval

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,ray]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/tidings extract examples/*.json --format table
	@if [ -f $(REFERENCE) ]; then $(BIN)/tidings extract $(REFERENCE) --format table; fi

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	bash .ci/chromium.sh
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/resolver_share.py

# The serving bars: filtered event pages under load on a million generated events, and the
# dashboard's first view on a hundred thousand.
bench-serve: $(STAMP)
	bash benchmarks/setup.sh
	$(BIN)/python benchmarks/serve_load.py --events 1000000 --connections 4 8 16 --seconds 30
	$(BIN)/python benchmarks/dashboard_first_view.py --events 100000 --loads 5

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info

# Accuracy on labelled sets written by other people (../shared/dev, skipped when absent): one
# table, the figures in gold/dev-figures.json, and exit 1 when a figure falls below its floor.
DEV ?= ../shared/dev
dev-eval: $(STAMP)
	$(BIN)/tidings dev-eval $(DEV) --json gold/dev-figures.json --floors gold/floors-dev.json
