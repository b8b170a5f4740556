# The two commands that matter: `make run` and `make test`. Both do their own
# set-up (a Python 3.10 virtual environment in .venv with pinned packages).
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
RASA := source scripts/quiet_env.sh && $(VENV)/bin/rasa

.PHONY: help setup train run test lint validate pytest test-stories evaluate format lock clean routing-table benchmark spacy-model compare-nlu widget widget-check widget-tools browser explain-danger delete-old-conversations console-user console-screenshots

help:
	@echo "make run    set up, train if needed, start the whole product"
	@echo "make test   set up, train if needed, lint, validate and run all tests"
	@echo "make train  train the model (components restored from Rasa's cache when unchanged)"
	@echo "make lint   ruff;  make format  ruff format;  make lock  regenerate constraints.txt"
	@echo "make evaluate  held-out NLU, danger and name figures;  make test-stories  rasa test core"
	@echo "make explain-danger TEXT=...  why the danger detector decides as it does"
	@echo "make console-user NAME=... ROLE=reviewer|admin  an operator account;  make console-screenshots"
	@echo "make widget  rebuild widget/dist (commit it);  make widget-check  type-check, fail if dist is stale"
	@echo "make routing-table  write docs/routing_table.md;  make benchmark  time routing and places"
	@echo "make spacy-model  rebuild the Swedish spaCy wheel (~30 min);  make compare-nlu  with/without spaCy"

setup:
	@scripts/setup.sh

# Rasa fingerprints every part of the model and keeps the parts in .rasa/cache:
# a part whose inputs did not change is restored, not retrained.
train: setup
	@$(RASA) train --fixed-model-name resursguiden

run: train
	@scripts/run.sh

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

validate: setup
	@$(VENV)/bin/python scripts/validate_data.py

# The browser tests need Debian's Chromium and the widget's npm tools (axe-core).
pytest: train browser widget-tools
	@source scripts/quiet_env.sh && $(VENV)/bin/pytest

browser:
	@scripts/setup_browser.sh

widget-tools:
	@scripts/setup_widget.sh

# The committed bundle is what the product serves: rebuild it after changing widget/src.
widget: widget-tools
	@cd widget && npm run --silent build

widget-check: widget-tools
	@cd widget && npm run --silent check

# Whole conversations: every predicted action must match (actions are not run).
test-stories: train
	@$(RASA) test core --stories tests/stories --fail-on-prediction-errors --out results/core

# Held-out sets (never tuned on): NLU intents, danger (recall and false alarms), person
# names, redaction. Each prints its figures and fails below its targets.
evaluate: train
	@source scripts/quiet_env.sh && $(VENV)/bin/python scripts/evaluate_nlu.py
	@$(VENV)/bin/python scripts/evaluate_danger.py
	@source scripts/quiet_env.sh && $(VENV)/bin/python scripts/evaluate_names.py
	@source scripts/quiet_env.sh && $(VENV)/bin/python scripts/evaluate_redaction.py

# Deletes conversations older than RETENTION_DAYS (settings.env); the Rasa server also
# does this every hour while it runs.
delete-old-conversations: setup
	@source scripts/quiet_env.sh && source scripts/settings.sh && $(VENV)/bin/python -m rasa_extensions.retention

# An operator account for the console: make console-user NAME=anna ROLE=admin (or reviewer);
# asks for the password. Disable one: .venv/bin/python -m console.cli disable anna
console-user: setup
	@test -n "$(NAME)" || { echo "usage: make console-user NAME=anna ROLE=reviewer|admin" >&2; exit 2; }
	@source scripts/settings.sh && $(VENV)/bin/python -m console.cli add "$(NAME)" --role "$(or $(ROLE),reviewer)"

# Regenerates docs/console/*.png (the README's screenshots) from conversations with the bot.
console-screenshots: train browser
	@source scripts/quiet_env.sh && $(VENV)/bin/python scripts/console_screenshots.py

# Why the danger detector decides as it does: make explain-danger TEXT="pappa slår mig"
explain-danger: setup
	@$(VENV)/bin/python -m resursguiden.danger "$(TEXT)"

test: lint widget-check validate pytest test-stories evaluate

lock:
	@scripts/lock.sh

routing-table: setup
	@$(VENV)/bin/python -m resursguiden.routing_table > /dev/null
	@echo "wrote docs/routing_table.md"

benchmark: setup
	@$(VENV)/bin/python benchmarks/bench_core.py

# Rebuilds spacy_model/dist/*.whl from ../shared/data/spacy (or $$SPACY_DATA) and prints
# its held-out figures. Deliberate: not part of set-up or tests. Bump spacy_model/VERSION
# (and the wheel's name in requirements.txt) first.
spacy-model: setup
	@source scripts/quiet_env.sh && $(VENV)/bin/python spacy_model/build.py

compare-nlu: setup
	@source scripts/quiet_env.sh && $(VENV)/bin/python benchmarks/compare_nlu_pipelines.py

clean:
	rm -rf models .rasa results .pytest_cache .ruff_cache
