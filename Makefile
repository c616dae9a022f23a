# caredesk — `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.DEFAULT_GOAL := help
.PHONY: help install run test test-fast check lint format typecheck migrations-check bench clean

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "caredesk needs Python 3.11 or newer")'
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

install: $(STAMP) ## create .venv and install the locked dependencies

run: $(STAMP) ## set up (SQLite, demo data on first run) and start web + worker
	@HTTPS=$${HTTPS:-0} $(BIN)/caredesk setup
	@echo
	@echo "  caredesk is starting on http://127.0.0.1:$${CAREDESK_PORT:-8000}/"
	@echo "  sign in as lead / caredesk-demo  (or agent: alice / caredesk-demo; admin: admin / caredesk-demo)"
	@echo
	@HTTPS=$${HTTPS:-0} $(BIN)/caredesk serve --with-worker

test: $(STAMP) ## run the whole suite (browser and mail-server tests included)
	@$(BIN)/python -m caredesk.lib.testenv
	$(BIN)/pytest -n $(PYTEST_WORKERS) -p no:cacheprovider

test-fast: $(STAMP) ## the suite without browser and mail-server tests
	$(BIN)/pytest -n $(PYTEST_WORKERS) -p no:cacheprovider -m "not browser and not mailserver"

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check src training
	$(BIN)/ruff format --check src training

format: $(STAMP) ## apply ruff's formatting and fixes
	$(BIN)/ruff format src training
	$(BIN)/ruff check --fix src training

typecheck: $(STAMP) ## mypy, strict
	$(BIN)/mypy src/caredesk

migrations-check: $(STAMP) ## fail if a model change has no migration
	DJANGO_SETTINGS_MODULE=caredesk.config.test_settings $(BIN)/caredesk makemigrations --check --dry-run

check: lint typecheck migrations-check test ## what CI runs

bench: $(STAMP) ## benchmarks: care engine and demo data
	$(BIN)/caredesk bench care
	$(BIN)/caredesk bench demo

clean: ## remove the virtualenv and local data
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
