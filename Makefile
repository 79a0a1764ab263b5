# Two commands do everything: `make` (install and render every map) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
LINT_PATHS := src tests $(wildcard benchmarks)

.PHONY: all install install-test validate render render-all check-renders test lint typecheck unit fuzz bench clean

# The main job: validate every map, then render it (SVG, HTML report, two handouts).
all: validate render

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[pdf]'
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,pdf]'
	touch $@

install: $(STAMP)

install-test: $(TEST_STAMP)

validate: $(STAMP)
	$(BIN)/argmap validate arguments/

# Like make itself, it redraws only what is missing or stale: a committed render drawn by
# another Graphviz (or the embedded one) is left as it is, so a fresh clone stays clean.
# To redraw everything: make render-all.
render: $(STAMP)
	$(BIN)/argmap render --stale-only arguments/ -o renders/
	$(BIN)/argmap report --stale-only arguments/ -o renders/
	$(BIN)/argmap handout --stale-only arguments/ --variant teacher -o renders/
	$(BIN)/argmap handout --stale-only arguments/ --variant student -o renders/

render-all: $(STAMP)
	$(BIN)/argmap render arguments/ -o renders/
	$(BIN)/argmap report arguments/ -o renders/
	$(BIN)/argmap handout arguments/ --variant teacher -o renders/
	$(BIN)/argmap handout arguments/ --variant student -o renders/

# Exit 1 when a file in renders/ is stale (for CI, like black --check).
check-renders: $(STAMP)
	$(BIN)/argmap render --check arguments/ -o renders/
	$(BIN)/argmap report --check arguments/ -o renders/
	$(BIN)/argmap handout --check arguments/ --variant teacher -o renders/
	$(BIN)/argmap handout --check arguments/ --variant student -o renders/

lint: $(TEST_STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

unit: $(TEST_STAMP)
	$(BIN)/pytest

test: lint typecheck unit check-renders

# Benchmarks side by side with Argdown 1.7.5 and bare dot / C-YAML (3-7 minutes);
# writes benchmarks/RESULTS.md. Installs @argdown/cli into benchmarks/.cache/ on first use.
# argmap is installed editable, so its modules have no bytecode until Python writes it, which it
# does not where PYTHONDONTWRITEBYTECODE is set; compile them first, as 'pip install argmap' does.
bench: $(STAMP)
	$(BIN)/python -m compileall -q src/argmap
	$(BIN)/python benchmarks/run.py

# Thousands of fuzzed maps through load -> check -> render -> report, and hundreds through
# export -> import -> export in Argdown and AIF (about 7 minutes).
fuzz: $(TEST_STAMP)
	ARGMAP_FUZZ_EXAMPLES=5000 $(BIN)/pytest tests/fuzz tests/interchange/test_round_trips.py -q --timeout=0

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
