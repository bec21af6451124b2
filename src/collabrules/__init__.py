"""collabrules: executable guiding principles for customer/supplier collaboration.

The small public API::

    import collabrules

    case = collabrules.load_case("examples/office-cleaning.yaml")
    report = collabrules.evaluate(case)           # default engine: installed plugins
    for finding in report.findings:
        print(finding.code, finding.status.value)

    engine = collabrules.Engine(plugins=[my_plugin])  # a plugin for this engine only
    report = engine.evaluate("case.yaml")

Names are imported on first use, so ``import collabrules`` stays cheap. Plugin authors
import from :mod:`collabrules.plugin`, which holds everything a plugin needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from .assessment import Assessment
    from .case import Case
    from .engine import Engine
    from .errors import InputError, Issue
    from .finding import Condition, Fact, Finding
    from .hookspecs import hookimpl
    from .models import CollaborationModel, ModelRecommendation, Stage, Taxonomy
    from .principle import Example, Observation, Principle
    from .report import Report
    from .serialize import report_to_dict, report_to_json
    from .settings import Settings
    from .signals import Signal, SignalBook, SignalValue
    from .text import Text
    from .vocab import Outcome, Severity, Status

_LAZY = {
    "Assessment": "assessment",
    "Case": "case",
    "CollaborationModel": "models",
    "Condition": "finding",
    "Engine": "engine",
    "Example": "principle",
    "Fact": "finding",
    "Finding": "finding",
    "InputError": "errors",
    "Issue": "errors",
    "ModelRecommendation": "models",
    "Observation": "principle",
    "Outcome": "vocab",
    "Principle": "principle",
    "Report": "report",
    "Settings": "settings",
    "Severity": "vocab",
    "Signal": "signals",
    "SignalBook": "signals",
    "SignalValue": "signals",
    "Stage": "models",
    "Status": "vocab",
    "Taxonomy": "models",
    "Text": "text",
    "hookimpl": "hookspecs",
    "report_to_dict": "serialize",
    "report_to_json": "serialize",
}

__all__ = [
    "Assessment",
    "Case",
    "CollaborationModel",
    "Condition",
    "Engine",
    "Example",
    "Fact",
    "Finding",
    "InputError",
    "Issue",
    "ModelRecommendation",
    "Observation",
    "Outcome",
    "Principle",
    "Report",
    "Settings",
    "Severity",
    "Signal",
    "SignalBook",
    "SignalValue",
    "Stage",
    "Status",
    "Taxonomy",
    "Text",
    "__version__",
    "default_engine",
    "evaluate",
    "hookimpl",
    "load_case",
    "report_to_dict",
    "report_to_json",
]

_default: Engine | None = None


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'collabrules' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def default_engine() -> Engine:
    """The engine the CLI uses without a configuration file: every installed plugin, default
    settings, and the charter check of a case's own endorsements (built once)."""
    global _default
    if _default is None:
        from .config import build_engine

        _default = build_engine(None)
    return _default


def load_case(path: str | Path) -> Case:
    """Read, validate and structure a case file (JSON or YAML); raises ``InputError``."""
    return default_engine().load(path)


def evaluate(case: Case | str | Path | dict[str, Any]) -> Report:
    """Evaluate a case (object, file path or mapping) with the default engine."""
    return default_engine().evaluate(case)
