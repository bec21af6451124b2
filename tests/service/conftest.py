"""Fixtures: one shared default server per test process (a real subprocess)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .live import Server, serve


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``collabrules serve`` with defaults, in an empty folder (no configuration).

    One per pytest worker: the modules that use it only send requests, and each start
    costs about two seconds of CPU (ADR 0024)."""
    folder: Path = tmp_path_factory.mktemp("serve")
    with serve(folder) as running:
        yield running
