# The two commands of the README: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Exact versions of every dependency (see README, "Dependencies"); pyproject.toml keeps the bounds.
LOCK := requirements.lock
HOST ?= 127.0.0.1
PORT ?= 5000
# Links sent to delegates must point where this server listens, unless configured otherwise.
export VISITPLANNER_BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test lint lock clean

$(STAMP): pyproject.toml $(LOCK)
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -c $(LOCK) --upgrade pip
	$(PY) -m pip install --quiet -c $(LOCK) -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/pybabel compile -d translations
	@# Bytecode written once, as pip does for an installed package: with PYTHONDONTWRITEBYTECODE
	@# set, every start would otherwise compile the sources again (a sixth of create_app()).
	$(PY) -m compileall -q visitplanner
	$(VENV)/bin/visitplanner db upgrade
	$(VENV)/bin/visitplanner demo --if-empty
	@# The worker delivers mail (and other background jobs) beside the web server; both stop together.
	$(VENV)/bin/visitplanner worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/visitplanner run --host $(HOST) --port $(PORT)

test: $(STAMP)
	$(VENV)/bin/pybabel compile -d translations
	$(PY) -m pytest

# The checks CI and the pre-commit hook run: ruff (style, imports, bugs) and mypy (types).
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

# Re-solve the lock after a change of pyproject.toml's dependencies; pins already there stay
# unless LOCK_ARGS says otherwise (--upgrade, or --upgrade-package NAME).
# The next `make run`/`make test` installs from the new lock.
lock:
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -c $(LOCK) pip-tools
	CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile --quiet --extra test --extra dev --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links $(LOCK_ARGS) -o $(LOCK) pyproject.toml

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
