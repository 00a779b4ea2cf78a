# The two commands of the README: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000
# Links sent to delegates must point where this server listens, unless configured otherwise.
export VISITPLANNER_BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test lint clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/pybabel compile -d translations
	$(VENV)/bin/visitplanner db upgrade
	$(VENV)/bin/visitplanner demo --if-empty
	$(VENV)/bin/visitplanner run --host $(HOST) --port $(PORT)

test: $(STAMP)
	$(VENV)/bin/pybabel compile -d translations
	$(PY) -m pytest

# The checks CI and the pre-commit hook run: ruff (style, imports, bugs) and mypy (types).
lint: $(STAMP)
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
