"""Fixtures: one shared default server per module (a real subprocess)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .live import Server, serve


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``collabrules serve`` with defaults, in an empty folder (no configuration)."""
    folder: Path = tmp_path_factory.mktemp("serve")
    with serve(folder) as running:
        yield running
