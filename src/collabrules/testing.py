"""The plugin author kit: build engines with chosen plugins and evaluate cases in tests.

Installed as a pytest plugin (entry point ``pytest11``), so a plugin's own test suite
gets the fixtures ``collabrules_engine``, ``collabrules_evaluate`` and
``collabrules_fixtures`` without importing anything; the functions below work in any
test runner. An engine built here holds the standard plugins plus the plugins you pass,
not whatever else happens to be installed, so tests do not change when another house
plugin is installed (pass ``entry_points=True`` to load every installed plugin).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest

from .authoring.fixtures import fixture_files, read_fixtures
from .authoring.testrun import Outcome, run_fixtures
from .host.plugins import standard_plugins
from .house.config import Config, build_engine, load_config
from .model.report import Report
from .pipeline.engine import Engine
from .pipeline.loading import read_document
from .pipeline.settings import Settings

Plugin = object | tuple[str, object]

__all__ = ["case_with", "check_fixtures", "collabrules_engine", "collabrules_evaluate",
           "collabrules_fixtures", "evaluate_with", "make_engine", "standard_plugins"]


def make_engine(plugins: Iterable[Plugin] = (), *, entry_points: bool = False,
                standard: bool = True, settings: Settings | None = None,
                config: Config | str | Path | None = None, block: Iterable[str] = (),
                today: dt.date | None = None) -> Engine:
    """An engine with the standard plugins (unless ``standard=False``) plus ``plugins``.

    ``config`` is a :class:`~collabrules.house.config.Config` or the path of a
    ``collabrules.toml`` (its declarative principles, waivers and charter take part);
    ``settings`` replaces its settings; ``today`` fixes the date waivers expire against.
    """
    if isinstance(config, (str, Path)):
        config = load_config(config)
    config = config or Config()
    if settings is not None:
        config = Config(settings=settings, waivers=config.waivers,
                        endorsements=config.endorsements, charter=config.charter)
    extra: list[Plugin] = [] if entry_points or not standard else list(standard_plugins())
    extra.extend(plugins)
    return build_engine(config, block=block, plugins=extra, entry_points=entry_points,
                        today=(lambda: today) if today else dt.date.today)


def evaluate_with(plugins: Iterable[Plugin], case: Any, **options: Any) -> Report:
    """Evaluate ``case`` (mapping or path) with :func:`make_engine` ``(plugins, **options)``."""
    return make_engine(plugins, **options).evaluate(case)


def case_with(case: str | Path | Mapping[str, Any],
              edit: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    """A copy of a case document (path or mapping) changed by ``edit`` (which mutates it)."""
    if isinstance(case, (str, Path)):
        document: dict[str, Any] = read_document(case).data
    else:
        document = copy.deepcopy(dict(case))
    edit(document)
    return document


def check_fixtures(folder: str | Path, plugins: Iterable[Plugin] = (), **options: Any
                   ) -> Outcome:
    """Run ``collabrules test`` fixtures in-process; ``assert not outcome.failed``."""
    fixtures = [f for file in fixture_files(folder) for f in read_fixtures(file)]
    return run_fixtures(make_engine(plugins, **options), fixtures)


@pytest.fixture
def collabrules_engine() -> Callable[..., Engine]:
    """Build an engine: ``collabrules_engine(plugins=[...], config=..., settings=...)``."""
    return make_engine


@pytest.fixture
def collabrules_evaluate() -> Callable[..., Report]:
    """Evaluate a case: ``collabrules_evaluate(case, plugins=[...], **engine_options)``."""
    def run(case: Any, plugins: Iterable[Plugin] = (), **options: Any) -> Report:
        return evaluate_with(plugins, case, **options)

    return run


@pytest.fixture
def collabrules_fixtures() -> Callable[..., Outcome]:
    """Run a folder of fixtures: ``collabrules_fixtures(folder, plugins=[...])``."""
    return check_fixtures
