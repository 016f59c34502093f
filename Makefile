# bluehelmet: quick start and developer tasks. `make help` lists them.
# DATABASE_URL, SECRET_KEY, DEBUG, ALLOWED_HOSTS ... pass through from the environment.

PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
# Two workers (the machines have two cores); TEST_ARGS="-n 0 -k api" runs in one process.
TEST_WORKERS ?= 2
TEST_ARGS ?=
BENCH_ARGS ?=
JOC_BENCH_ARGS ?=
INGEST_BENCH_ARGS ?=

BIN := $(VENV)/bin
STAMP := $(VENV)/.bluehelmet-installed
BLUEHELMET := $(BIN)/bluehelmet
PIP := $(BIN)/python -m pip --disable-pip-version-check
LOCK := requirements.lock

.DEFAULT_GOAL := help
.PHONY: help install lock run test lint lint-ruff lint-format lint-migrations lint-types lint-imports lint-i18n messages format bench clean distclean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Install exactly the pinned, hashed versions of requirements.lock, then bluehelmet itself
# without resolving again; reinstall only when the lock or pyproject.toml changed. `pip check`
# catches a dependency added to pyproject.toml but not yet locked.
$(STAMP): $(LOCK) pyproject.toml | $(BIN)/python
	$(PIP) install -q --require-hashes -r $(LOCK)
	$(PIP) install -q --no-deps -e .
	@$(PIP) check >/dev/null || { $(PIP) check; \
	  echo "make install: $(LOCK) lacks what pyproject.toml asks for: run 'make lock'" >&2; exit 1; }
	@touch $@

install: $(STAMP) ## create .venv and install bluehelmet with its dev tools from requirements.lock

# Re-run after any change to the dependencies in pyproject.toml (main and dev): pins already in
# the lock are kept, new ones resolved. LOCK_ARGS=--upgrade (or --upgrade-package NAME) moves pins.
lock: | $(BIN)/python ## regenerate requirements.lock (pinned, hashed) from pyproject.toml
	@test -x $(BIN)/uv || $(PIP) install -q "$$(grep -o '"uv==[^"]*"' pyproject.toml | tr -d '"')"
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
	  --python-platform linux --custom-compile-command 'make lock' --quiet $(LOCK_ARGS) -o $(LOCK)

run: install ## migrate, load the demo if the database is empty, serve on 127.0.0.1:PORT (8000)
	$(BLUEHELMET) migrate --noinput
	$(BLUEHELMET) demo --if-empty
	@echo "bluehelmet: http://127.0.0.1:$(PORT)/  (demo users: $(BLUEHELMET) demo --json)"
	@# The background worker runs imports and forecasts started from the pages. A loop starts it
	@# again 2 s after it dies; the loop (and with it the worker) stops with the server.
	@( trap 'kill $$w 2>/dev/null; exit 0' TERM; \
	  while :; do $(BLUEHELMET) worker --no-reload --queue-name '*' & w=$$!; wait $$w; \
	    echo "bluehelmet: the worker exited (status $$?); starting it again in 2 s" >&2; sleep 2; \
	  done ) & loop=$$!; \
	trap 'kill $$loop 2>/dev/null' EXIT INT TERM; \
	$(BLUEHELMET) runserver 127.0.0.1:$(PORT)

test: install ## run the whole test suite on TEST_WORKERS (2) workers (TEST_ARGS="-k api" to narrow)
	$(BIN)/pytest -n $(TEST_WORKERS) $(TEST_ARGS)

lint: lint-ruff lint-format lint-migrations lint-types lint-imports lint-i18n ## ruff, format, migrations, mypy, import contracts, French catalogue

lint-ruff: install
	$(BIN)/ruff check .

lint-format: install
	$(BIN)/ruff format --check .

lint-types: install ## mypy with the Django and DRF plugins
	$(BIN)/mypy src

lint-imports: install ## import-linter: core is a kernel, the apps form layers (pyproject.toml)
	$(BIN)/lint-imports

lint-migrations: install
	$(BLUEHELMET) makemigrations --check --dry-run

lint-i18n: install ## every string translated into French, django.mo compiled (GNU gettext)
	$(BIN)/python scripts/check_translations.py

messages: install ## merge new strings into the French catalogue, then compile it
	cd src/bluehelmet && ../../$(BIN)/python -m bluehelmet makemessages -l fr --no-location --ignore "static/*"
	msgfmt -c -o src/bluehelmet/locale/fr/LC_MESSAGES/django.mo src/bluehelmet/locale/fr/LC_MESSAGES/django.po

format: install ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install ## start-up, API reads, JOC with 1M incidents, ingest against DuckDB, forecast fit, pages on the demo; figures to docs/benchmarks.md (JOC_BENCH_ARGS="--rows 100000")
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/api_reads.py $(BENCH_ARGS)
	$(BIN)/python benchmarks/incidents.py $(JOC_BENCH_ARGS)
	$(BIN)/python benchmarks/ingest.py $(INGEST_BENCH_ARGS)
	$(BIN)/python benchmarks/forecast.py $(FORECAST_BENCH_ARGS)
	$(BIN)/python benchmarks/pages.py $(PAGES_BENCH_ARGS)

clean: ## remove caches, build output and benchmark databases (keeps var/ data and .venv)
	rm -rf .pytest_cache .ruff_cache .mypy_cache build dist test-results var/bench var/static
	rm -rf src/*.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean ## clean, and remove the virtual environment too
	rm -rf $(VENV)
