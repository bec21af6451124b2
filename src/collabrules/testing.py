"""The plugin author kit: pytest fixtures to build engines and evaluate cases.

Installed as a pytest plugin (entry point ``pytest11``), so a plugin's own test suite
can use the fixtures without importing anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest

from .engine import Engine
from .report import Report
from .settings import Settings


def make_engine(plugins: Iterable[object] = (), *, entry_points: bool = True,
                settings: Settings | None = None) -> Engine:
    """An engine with the installed plugins (unless ``entry_points=False``) plus ``plugins``."""
    return Engine(plugins=plugins, entry_points=entry_points, settings=settings)


@pytest.fixture
def collabrules_engine() -> Callable[..., Engine]:
    """Build an engine: ``collabrules_engine(plugins=[...], entry_points=True, settings=...)``."""
    return make_engine


@pytest.fixture
def collabrules_evaluate() -> Callable[..., Report]:
    """Evaluate a case (mapping or path) with a fresh engine and optional extra plugins."""
    def run(case: Any, plugins: Iterable[object] = (), **kwargs: Any) -> Report:
        return make_engine(plugins, **kwargs).evaluate(case)

    return run
