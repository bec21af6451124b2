#!/usr/bin/env bash
# Install collabrules with everything its tests need into .venv, then run the whole suite:
# ruff, mypy --strict and pytest, then build the documentation site with warnings as errors. This is the README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]"

# The HTML report is tested in a real browser: install chromium as root with apt-get,
# unless COLLABRULES_NO_APT=1 (see the README).
bash scripts/install-browser.sh

# benchmarks/ is linted once it exists (a fresh clone of an early branch may not have it).
lint=(src tests)
if [ -d benchmarks ]; then lint+=(benchmarks); fi
.venv/bin/ruff check "${lint[@]}"
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --quiet
