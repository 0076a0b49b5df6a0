# presslens: `make help` lists the targets. Everything runs from the repo root.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORY  ?= data/stories/bytedance-openai-2023
STAMP  := $(VENV)/.installed-stamp
# JupyterLab's settings overrides in the venv: never ask about (or fetch) the Jupyter news, no update check
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json
CHROMIUM ?= /usr/bin/chromium

.DEFAULT_GOAL := help
.PHONY: help install lock run test test-hostile test-browser chromium lab notebooks bench bench-scale check eval eval-facts clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'
	@echo "  variables: STORY=path/to/story (default $(STORY)), PYTHON=python3"

# Exact versions come from requirements.lock (made by `make lock`), so the committed notebooks'
# expected outputs do not drift when a library releases; the package itself installs without deps.
$(STAMP): pyproject.toml requirements.lock
	@echo "presslens install [1/4]: a Python environment in $(VENV)/"
	$(PYTHON) -m venv $(VENV)
	@echo "presslens install [2/4]: the pinned libraries of requirements.lock (the longest step: a line per package)"
	$(BIN)/python -m pip install --disable-pip-version-check --progress-bar off -r requirements.lock
	@echo "presslens install [3/4]: presslens itself"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@echo "presslens install [4/4]: the pronunciation dictionary textstat needs (cmudict)"
	$(BIN)/presslens provision
	@touch $(STAMP)
	@echo "presslens install: done. Commands: make help, or .venv/bin/presslens --help"

install: $(STAMP) ## create .venv and install everything (cmudict for textstat included)

run: $(STAMP) ## run every notebook on STORY: reports/SLUG/ and figures/SLUG/
	$(BIN)/presslens run $(STORY)

test: $(STAMP) ## the whole test suite: unit tests, notebooks (nbval), batch runs
	$(BIN)/python -m pytest

test-hostile: $(STAMP) ## the hostile-input tests alone (bad files, FIFOs, alias bombs, foreign folders; part of make test)
	$(BIN)/python -m pytest tests/test_hostile*.py -p no:nbval -o addopts="-p no:cacheprovider" -v

test-browser: $(STAMP) $(LAB_OVERRIDES) chromium ## real-browser test: JupyterLab + headless Chromium, reports (screenshots: reports/browser-test/)
	PRESSLENS_CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest tests_browser -p no:cacheprovider -o addopts="" -v

chromium: ## install Debian's chromium when missing (apt as root; otherwise say how)
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing chromium (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "no $(CHROMIUM): install Debian's chromium (sudo apt-get install chromium), or give CHROMIUM=/path/to/chromium" >&2; exit 1; fi

$(LAB_OVERRIDES): scripts/lab-overrides.json $(STAMP)
	mkdir -p $(dir $@)
	cp scripts/lab-overrides.json $@

lock: ## refresh requirements.lock from pyproject.toml (needs the package index)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv>=0.5"
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 --no-header --quiet -o requirements.lock
	@echo "requirements.lock refreshed: run make test (nbval) before committing it"

lab: $(STAMP) $(LAB_OVERRIDES) ## open JupyterLab on the notebooks, widgets working (as root too; no news prompt)
	@# the committed notebooks are trusted on this machine, so their interactive tables load without
	@# itables' "is your notebook trusted?" message (trust lives in Jupyter's local database, not the file)
	$(BIN)/jupyter trust notebooks/*.ipynb >/dev/null
	$(BIN)/jupyter lab --notebook-dir=notebooks $$( [ "$$(id -u)" = 0 ] && echo --allow-root ) \
	  --LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate

notebooks: $(STAMP) ## re-execute the committed notebooks in place (after changing the package)
	$(BIN)/presslens notebooks

eval-facts: $(STAMP) ## discovered facts vs the hand-written claims (bundled story, eval dev; test stories: aggregate only)
	$(BIN)/python scripts/eval_facts.py

check: $(STAMP) ## validate STORY and report every problem at once
	$(BIN)/presslens check $(STORY)

eval: $(STAMP) ## score every analysis on data/eval/ (truth files): scoreboard, reports/eval/, docs/accuracy.md, README
	$(BIN)/presslens eval

bench: $(STAMP) ## benchmarks: full run against the bare-kernel floor, word choice, tone, naming, quotes, reuse
	$(BIN)/python scripts/bench_run.py
	@for s in scripts/bench_wordchoice.py scripts/bench_tone.py scripts/bench_naming.py scripts/bench_quotes.py scripts/bench_claims.py scripts/bench_facts.py scripts/bench_reuse.py; do [ -f $$s ] && $(BIN)/python $$s || true; done

bench-scale: $(STAMP) ## scale benchmark: whole suite on 1,000 and 10,000 resampled articles, cold and warm
	$(BIN)/python scripts/bench_scale.py

clean: ## remove the environment, caches and reports (figures are kept: they are committed)
	rm -rf $(VENV) .cache reports
