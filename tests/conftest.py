"""Shared test helpers: paths to the repository's examples and schemas."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture
def examples() -> Path:
    """The folder with the worked scenarios."""
    return EXAMPLES
