# Two commands do all set-up on a fresh machine:
#   make run    install, ingest the sample corpus (data/), serve the chat page on http://127.0.0.1:7860
#   make test   install everything the tests need (Chromium included) and run lint, types and tests
PY ?= python3
PIP = $(PY) -m pip
HOST ?= 127.0.0.1
PORT ?= 7860

.PHONY: run install install-test test lint bench bench-scale eval

install:
	$(PIP) install -q -e .

run: install
	factbot ingest data/
	factbot serve --host $(HOST) --port $(PORT)

install-test:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; }
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e ".[test,st]"

lint:
	ruff check bot tests bench eval
	mypy

test: install-test lint
	$(PY) -m pytest -q

bench: install
	$(PY) bench/bench_core.py

bench-scale: install
	$(PY) bench/scale.py --scale-chunks 100000 --chroma-server --out bench/results/scale.json

eval: install
	factbot eval
