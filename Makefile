# `make run` starts the app (`make dev`: reloading on save); `make serve` starts one app process per core behind nginx (for a
# class); `make test` runs lint, unit, page and browser tests. All create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
# make serve: how many Streamlit processes nginx spreads the learners over (0: one per core)
REPLICAS ?= 0

.PHONY: run dev serve test lint bench weights clean

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
	$(PY) -m scripts.start_app --server.port $(PORT)

# A developer's own session: Streamlit's file watcher on, the page rerun when a file is saved
# (off in .streamlit/config.toml, which is what learners are served).
dev: $(VENV)/.app-installed
	$(PY) -m scripts.start_app --server.port $(PORT) --server.fileWatcherType auto --server.runOnSave true

serve: $(VENV)/.app-installed
	bash scripts/ensure_nginx.sh
	$(PY) -m scripts.serve --port $(PORT) --replicas $(REPLICAS)

lint: $(VENV)/.dev-installed
	$(PY) -m ruff check .

test: $(VENV)/.dev-installed
	bash scripts/ensure_chromium.sh
	bash scripts/ensure_postgres.sh  # PostgreSQL 15, for the workspace store's tests
	bash scripts/ensure_axe.sh  # axe-core, pinned in package.json, for the accessibility test
	-bash scripts/ensure_nginx.sh  # for the nginx config test; without nginx that test is skipped
	$(PY) -m ruff check .
	$(PY) -m pytest -q -n 2  # two workers (pytest-xdist): 9.5 min here; three measured no faster

bench: $(VENV)/.app-installed
	for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

weights: $(VENV)/.app-installed
	$(PY) -m scripts.train_robust

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts
