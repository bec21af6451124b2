#!/usr/bin/env bash
# The README's test command; .ci/run calls it without arguments.
#
#   bash scripts/test.sh           everything: install into .venv, ruff, mypy --strict, the
#                                  whole pytest suite in parallel, the documentation site
#                                  built with warnings as errors
#   bash scripts/test.sh --quick   the loop while working: ruff and the tests not marked
#                                  slow, browser or install, in parallel; installs only when
#                                  pyproject.toml changed
#
# Further arguments go to pytest (bash scripts/test.sh --quick tests/core -x). pytest runs
# with pytest-xdist, one worker per core, each test file whole on one worker (its module
# fixtures are built once). Any non-zero pytest exit code, 5 ("no tests ran") included,
# fails the script. Hypothesis uses the "dev" profile with --quick and the "ci" profile
# otherwise (tests/conftest.py; HYPOTHESIS_PROFILE overrides).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
if [ "${1:-}" = "--quick" ]; then
  quick=1
  shift
fi

# Bytecode is cached under .venv/pycache (out of the source tree): the suite starts
# hundreds of interpreters (CLI runs, servers, workers), and without the cache each one
# compiles collabrules and rewrites the test modules again, about 0.6 s of CPU per
# `python -m collabrules` run. PYTHONDONTWRITEBYTECODE (set to keep trees free of
# __pycache__) would forbid the cache, so it is lifted here; the tree stays clean.
export PYTHONPYCACHEPREFIX=${PYTHONPYCACHEPREFIX:-$PWD/.venv/pycache}
unset PYTHONDONTWRITEBYTECODE

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.collabrules-installed
if [ "$quick" = 0 ] || [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  # uv installs the dev extra in about 12 s where pip took 50 s (ADR 0029); pip only
  # bootstraps it. --compile-bytecode does what pip does by default, into the cache above.
  .venv/bin/python -m pip install --quiet "uv>=0.13"
  .venv/bin/uv pip install --quiet --python .venv/bin/python --compile-bytecode -e ".[dev]"
  touch "$stamp"
fi

# benchmarks/ is linted once it exists (a fresh clone of an early branch may not have it).
lint=(src tests)
if [ -d benchmarks ]; then lint+=(benchmarks); fi
.venv/bin/ruff check "${lint[@]}"

parallel=(-n auto --dist loadfile)
if [ "$quick" = 1 ]; then
  export HYPOTHESIS_PROFILE=${HYPOTHESIS_PROFILE:-dev}
  .venv/bin/python -m pytest "${parallel[@]}" -m "not slow and not browser and not install" "$@"
  exit 0
fi

# The HTML report is tested in a real browser: install chromium as root with apt-get,
# unless COLLABRULES_NO_APT=1 (see the README).
bash scripts/install-browser.sh
export HYPOTHESIS_PROFILE=${HYPOTHESIS_PROFILE:-ci}

.venv/bin/mypy
.venv/bin/python -m pytest "${parallel[@]}" "$@"
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --quiet
