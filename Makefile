# `make run` starts the app; `make test` runs lint, unit, page and browser tests.
# Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test lint bench weights clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.app-installed: requirements.txt | $(PY)
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.app-installed
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

run: $(VENV)/.app-installed
	$(PY) -m streamlit run app.py --server.port $(PORT) --browser.gatherUsageStats false

lint: $(VENV)/.dev-installed
	$(PY) -m ruff check .

test: $(VENV)/.dev-installed
	bash scripts/ensure_chromium.sh
	$(PY) -m ruff check .
	$(PY) -m pytest -q

bench: $(VENV)/.app-installed
	for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

weights: $(VENV)/.app-installed
	$(PY) -m scripts.train_pretrained

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts
