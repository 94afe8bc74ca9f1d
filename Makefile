# Two entry points: `make site` and `make test`. Everything installs into .venv/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test golden serve bench train clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	# pip first: the one venv bundles (23.2) misreads lxml's normalised extra `html-clean` (PEP 685).
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/briefing build

# axe-core, from the npm registry (integrity pinned), injected by the browser tests from this local file.
AXE := build/vendor/axe.min.js

$(AXE): tests/browser/fetch_axe.py
	$(BIN)/python tests/browser/fetch_axe.py $@

test: $(STAMP) $(AXE)
	$(BIN)/ruff check generator tests bench train
	$(BIN)/mypy
	# one test worker per core (pytest-xdist): every test owns its temporary folders
	$(BIN)/python -m pytest -n auto

# Regenerate the golden Markdown tree after a deliberate rendering change; review the diff.
golden: $(STAMP)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_golden.py

# Quality and speed figures on ../shared/bench/ (the data stays there).
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test,bench]'
	$(BIN)/python bench/quotes.py --kinds
	$(BIN)/python bench/keypoints.py --baseline
	$(BIN)/python bench/cleaning.py
	$(BIN)/python bench/stories.py
	$(BIN)/python bench/questions.py

# Fit the shipped models (generator/extract/models/*.json) from the training splits under ../shared/bench/.
# Deterministic: the same data gives byte-identical model files.
train: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test,bench,train]'
	$(BIN)/python train/speakers.py
	$(BIN)/python train/keypoints.py

serve: $(STAMP)
	$(BIN)/briefing serve

clean:
	rm -rf build site
