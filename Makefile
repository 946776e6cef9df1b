# hadath: `make help` lists every target.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.hadath-installed
# Packages of the `data` extra installed without their dependencies: arabic-name-romanizer would drag
# onnxruntime in, and hadath only reads the name database inside its wheel.
NO_DEPS := arabic-name-romanizer

.PHONY: help install run test eval lint schemas data verify-dashboards chaos bench

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}'

install: $(STAMP) ## Create .venv and install hadath with its pinned dependencies (idempotent)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -c 'import tomllib; data = tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["data"]; \
	  skip = "$(NO_DEPS)".split(); \
	  open("$(VENV)/data-deps.txt", "w").write("\n".join(r for r in data if not any(r.startswith(s) for s in skip)) + "\n"); \
	  open("$(VENV)/data-nodeps.txt", "w").write("\n".join(r for r in data if any(r.startswith(s) for s in skip)) + "\n")'
	$(BIN)/python -m pip install --quiet -r $(VENV)/data-deps.txt
	$(BIN)/python -m pip install --quiet --no-deps -r $(VENV)/data-nodeps.txt
	touch $(STAMP)

run: install ## Start broker + services, publish seeds/, print events; stops 20 s after the last event
	$(BIN)/hadath up --publish seeds/ --exit-when-idle 20

test: install ## Run every test suite (unit, golden, integration, e2e)
	$(BIN)/python -m pytest -q

eval: install ## Score `hadath extract` on the dev articles, the team's held-out, blind, blind2 and wire sets against their gold
	@echo "== dev (21 real articles, tests/data/dev_*.jsonl)"
	@$(BIN)/hadath extract tests/data/dev_articles.jsonl 2>/dev/null | $(BIN)/python tests/data/score.py tests/data/dev_gold.jsonl -
	@echo "== holdout (14 wire-style articles written by the team, tests/data/holdout_*.jsonl)"
	@$(BIN)/hadath extract tests/data/holdout_articles.jsonl 2>/dev/null | $(BIN)/python tests/data/score.py tests/data/holdout_gold.jsonl -
	@echo "== blind (12 articles written and annotated apart from the rules, tests/data/blind_*.jsonl)"
	@$(BIN)/hadath extract tests/data/blind_articles.jsonl 2>/dev/null | $(BIN)/python tests/data/score.py tests/data/blind_gold.jsonl -
	@echo "== blind2 (15 articles written and annotated apart from the rules, sealed: never opened by the team, tests/data/blind2_*.jsonl)"
	@$(BIN)/hadath extract tests/data/blind2_articles.jsonl 2>/dev/null | $(BIN)/python tests/data/score.py tests/data/blind2_gold.jsonl -
	@echo "== wire (20 articles written and annotated apart from the rules, open for error analysis, tests/data/wire_*.jsonl)"
	@$(BIN)/hadath extract tests/data/wire_articles.jsonl 2>/dev/null | $(BIN)/python tests/data/score.py tests/data/wire_gold.jsonl -

lint: install ## ruff and mypy
	$(BIN)/ruff check shared services tests
	$(BIN)/mypy shared services

schemas: install ## Regenerate shared/jsonschema/*.json from the pydantic models
	$(BIN)/hadath schemas

data: install ## Rebuild the derived data in shared/resources/ (name lexicon, common words, gazetteer) from its sources
	$(BIN)/python -m shared.build.names
	$(BIN)/python -m shared.build.common_words
	$(BIN)/python -m shared.build.gazetteer

verify-dashboards: install ## Check the Grafana dashboards query metrics hadath exports
	$(BIN)/python deploy/verify_dashboards.py

chaos: install ## Kill workers at random while 2,000 articles flow; ends with CHAOS lost=N duplicated=N
	$(BIN)/python -m tests.chaos.run_chaos

bench: install ## Measure throughput and latency of the pipeline on the embedded broker
	$(BIN)/python -m tests.bench.run_bench
