PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo serve browser test lint typecheck pytest acceptance bench sdist clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@# metadata left by the distribution's old name ("composer"), which pip would still list
	rm -rf src/composer.egg-info
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m composer demo

# the page for network leaders and the HTTP API on http://127.0.0.1:8000 (issue 17)
serve: $(STAMP)
	$(BIN)/composer serve

# Debian's chromium and chromedriver for the browser tests (tests/test_web_browser.py,
# tests/test_page.py), poppler-utils (pdftoppm) for the PDF's first page and Pango for
# WeasyPrint (the pdf extra): installed
# when missing and we are root; otherwise those tests skip (and fail under CI)
browser: $(STAMP)
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null \
		&& command -v pdftoppm >/dev/null && $(BIN)/python -c "import weasyprint" 2>/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			chromium chromium-driver poppler-utils libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; \
	else echo "chromium, chromedriver or pdftoppm missing and not root: browser tests cannot run"; fi

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy src

pytest: $(STAMP) browser
	$(BIN)/pytest

# the workspace's shared acceptance check, when it sits beside the repo (see the script)
acceptance: $(STAMP)
	$(BIN)/python scripts/acceptance.py

test: lint typecheck acceptance pytest

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

sdist: $(STAMP)
	$(BIN)/python -m build --sdist

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache src/*.egg-info
