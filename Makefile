# srbrief — the two set-up commands are `make run` and `make test`; `make setup` is the step both share.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.srbrief-installed

.PHONY: setup run test fuzz lint bench bundle schema system-deps clean

setup: system-deps $(STAMP)

# Debian packages the app and the tests need (installed only when missing, only as root).
system-deps:
	@sh packaging/install-system-deps.sh packaging/apt-packages.txt

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	@touch $(STAMP)

run: setup
	$(BIN)/srbrief gui --builtin

test: setup
	$(BIN)/python -m pytest

# The property test of tests/hardening/test_property.py with 2,000 generated briefings (`make test` runs 10),
# each through charts, PPTX, PDF and the offscreen window. Slow: about 3-6 s per briefing on 2 cores.
FUZZ_EXAMPLES ?= 2000
fuzz: setup
	SRBRIEF_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/hardening/test_property.py -q

lint: setup
	$(BIN)/ruff check src tests benchmarks packaging docs
	$(BIN)/mypy
	$(BIN)/lint-imports

# Speed benchmarks (not part of `make test`): each figure beside its floor, saved to benchmarks/results/.
bench: setup
	$(BIN)/python benchmarks/bench_export.py
	$(BIN)/python benchmarks/bench_growth.py
	$(BIN)/python benchmarks/bench_draft.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_gui.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_edit.py
	@if [ -x dist/srbrief/srbrief ]; then QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_bundle.py; \
	else echo "(no bundle: 'make bundle' first to measure it)"; fi

# The double-click app: dist/srbrief/srbrief (PyInstaller onedir), symbols stripped (see packaging/).
bundle: setup
	$(BIN)/python -m pip install --quiet 'pyinstaller>=6.5'
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/pyinstaller/srbrief.spec
	$(BIN)/python packaging/pyinstaller/slim.py dist/srbrief
	@du -sm dist/srbrief

# Regenerate the JSON Schema from the model after changing it.
schema: setup
	$(BIN)/srbrief schema -o resources/schema/srbrief-1.schema.json

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
