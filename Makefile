# presslens: `make help` lists the targets. Everything runs from the repo root.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORY  ?= data/stories/bytedance-openai-2023
STAMP  := $(VENV)/.installed-stamp

.DEFAULT_GOAL := help
.PHONY: help install run test lab notebooks bench check clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'
	@echo "  variables: STORY=path/to/story (default $(STORY)), PYTHON=python3"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/presslens provision
	@touch $(STAMP)

install: $(STAMP) ## create .venv and install everything (cmudict for textstat included)

run: $(STAMP) ## run every notebook on STORY: reports/SLUG/ and figures/SLUG/
	$(BIN)/presslens run $(STORY)

test: $(STAMP) ## the whole test suite: unit tests, notebooks (nbval), batch runs
	$(BIN)/python -m pytest

lab: $(STAMP) ## open JupyterLab on the notebooks
	$(BIN)/jupyter lab notebooks/

notebooks: $(STAMP) ## re-execute the committed notebooks in place (after changing the package)
	$(BIN)/presslens notebooks

check: $(STAMP) ## validate STORY and report every problem at once
	$(BIN)/presslens check $(STORY)

bench: $(STAMP) ## benchmarks: full run against the bare-kernel floor, word choice, tone
	$(BIN)/python scripts/bench_run.py
	@for s in scripts/bench_wordchoice.py scripts/bench_tone.py; do [ -f $$s ] && $(BIN)/python $$s || true; done

clean: ## remove the environment, caches and reports (figures are kept: they are committed)
	rm -rf $(VENV) .cache reports
