"""The suite's own lists in tests/conftest.py name files and tests that exist."""

from __future__ import annotations

import pytest

from .conftest import FIRST, ROOT, SLOW


def test_every_first_file_exists_once() -> None:
    assert len(set(FIRST)) == len(FIRST), "a file is listed twice"
    missing = [path for path in FIRST if not (ROOT / path).is_file()]
    assert not missing, f"FIRST names files that do not exist: {missing}"


def test_every_slow_entry_names_an_existing_file() -> None:
    missing = [entry for entry in SLOW if not (ROOT / entry.split("::", 1)[0]).is_file()]
    assert not missing, f"SLOW names files that do not exist: {missing}"


def test_files_are_handed_out_in_collection_order(pytestconfig: pytest.Config) -> None:
    """pytest-xdist would sort the files by their number of tests; FIRST needs its order."""
    assert getattr(pytestconfig.option, "loadscopereorder", False) is False
