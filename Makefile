# Two commands do everything on a fresh machine:
#   make run   - set up .venv if missing, open the app on a fresh copy of the bundled demo
#   make test  - set up .venv if missing, lint, check the layers, type-check and run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint soak bench snapshots clean

$(STAMP): pyproject.toml constraints-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints-dev.txt -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/nextgen-tui --demo

# Four pytest workers on two CPUs: a UI test waits on the event loop about a third of its
# time. Tests marked slow are started first and tests are handed out one at a time, so the
# workers finish together (tests/conftest.py). The app's modules are compiled first, as an
# installed app's are: with PYTHONDONTWRITEBYTECODE set, every command a CLI test runs (and
# every worker) would compile them again.
test: $(STAMP)
	$(BIN)/ruff check nextgen_tui screens tests benchmarks
	$(BIN)/ruff format --check nextgen_tui screens tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m compileall -q nextgen_tui screens
	$(BIN)/pytest -n 4 --maxschedchunk 1

# The random-key walks with ten times the keys (same seeds), for a longer hunt than make test.
soak: $(STAMP)
	ROSTER_SOAK=10 $(BIN)/pytest -n auto -k random_keys tests/robustness tests/ui/test_meeting_app.py

lint: $(STAMP)
	$(BIN)/ruff check nextgen_tui screens tests benchmarks
	$(BIN)/ruff format --check nextgen_tui screens tests benchmarks

# Every script in benchmarks/ but the helpers they share (which measure nothing).
BENCH_HELPERS := benchmarks/timing.py benchmarks/rosters.py benchmarks/terminal.py
BENCHMARKS := $(filter-out $(BENCH_HELPERS),$(sort $(wildcard benchmarks/*.py)))

bench: $(STAMP)
	for b in $(BENCHMARKS); do echo "== $$b"; $(BIN)/python $$b || exit 1; done

snapshots: $(STAMP)
	$(BIN)/pytest tests/ui/test_snapshots.py --snapshot-update

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
