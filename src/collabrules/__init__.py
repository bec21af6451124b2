"""collabrules: executable guiding principles for customer/supplier collaboration.

The small public API::

    import collabrules

    case = collabrules.load_case("examples/office-cleaning.yaml")
    report = collabrules.evaluate(case)           # default engine: installed plugins
    for finding in report.findings:
        print(finding.code, finding.status.value)
    print(collabrules.render(report, "markdown", "nl"))  # or sarif, junit, html, ...

    engine = collabrules.Engine(plugins=[my_plugin])  # a plugin for this engine only
    report = engine.evaluate("case.yaml")

    view = collabrules.options(case)               # every model for the case, side by side

Names are imported on first use, so ``import collabrules`` stays cheap. Plugin authors
import from :mod:`collabrules.plugin`, which holds everything a plugin needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from pathlib import Path

    from .assessment import Assessment
    from .case import Case
    from .choosing import Option, Options
    from .compact import Catalogue, CompactWriter, expand, read_compact, report_to_compact
    from .design import AlternativeDesign
    from .engine import Engine
    from .errors import InputError, Issue
    from .finding import Condition, Fact, Finding
    from .hookspecs import hookimpl
    from .models import CollaborationModel, ModelRecommendation, Stage, Taxonomy
    from .principle import Example, Observation, Principle
    from .render import render as render
    from .report import Report
    from .serialize import report_to_dict, report_to_json
    from .settings import Settings
    from .signals import Signal, SignalBook, SignalValue
    from .text import Text
    from .vocab import Outcome, Severity, Status

_LAZY = {
    "AlternativeDesign": "design",
    "Assessment": "assessment",
    "Case": "case",
    "Catalogue": "compact",
    "CollaborationModel": "models",
    "CompactWriter": "compact",
    "Condition": "finding",
    "Engine": "engine",
    "Example": "principle",
    "Fact": "finding",
    "Finding": "finding",
    "InputError": "errors",
    "Issue": "errors",
    "ModelRecommendation": "models",
    "Observation": "principle",
    "Option": "choosing",
    "Options": "choosing",
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
    "expand": "compact",
    "hookimpl": "hookspecs",
    "read_compact": "compact",
    "render": "render",
    "report_to_compact": "compact",
    "report_to_dict": "serialize",
    "report_to_json": "serialize",
}

__all__ = [
    "AlternativeDesign",
    "Assessment",
    "Case",
    "Catalogue",
    "CollaborationModel",
    "CompactWriter",
    "Condition",
    "Engine",
    "Example",
    "Fact",
    "Finding",
    "InputError",
    "Issue",
    "ModelRecommendation",
    "Observation",
    "Option",
    "Options",
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
    "expand",
    "hookimpl",
    "load_case",
    "options",
    "read_compact",
    "render",
    "report_to_compact",
    "report_to_dict",
    "report_to_json",
]

_default: Engine | None = None


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'collabrules' has no attribute {name!r}")
    value = import_module(f".{module}", __name__)
    if name != module:  # ``render`` is the (callable) renderers package itself
        value = getattr(value, name)
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


def load_case(case: str | Path | Mapping[str, Any]) -> Case:
    """Read, validate and structure a case: a file path (JSON or YAML) or a mapping.

    A mapping is checked like a file (its source is ``<case>``); anything invalid, or any
    other kind of value, raises ``InputError``.
    """
    from collections.abc import Mapping
    from os import PathLike

    from .loading import Document
    from .plain import check_plain

    if isinstance(case, (str, PathLike)):
        return default_engine().load(case)
    if isinstance(case, Mapping):
        check_plain(case, "<case>")
        return default_engine().structure(Document(dict(case), "<case>"))
    from .errors import InputError, Issue
    from .text import Text

    raise InputError([Issue(
        file="<case>", path="$",
        message=Text("load_case takes a file path or a mapping, not {kind}",
                     "load_case verwacht een bestandspad of een mapping, geen {kind}"
                     ).format(kind=type(case).__name__),
        hint=Text("pass the path of a YAML/JSON case file, or the case as a dict",
                  "geef het pad van een YAML/JSON-casusbestand, of de casus als dict"))])


def evaluate(case: Case | str | Path | dict[str, Any]) -> Report:
    """Evaluate a case (object, file path or mapping) with the default engine."""
    return default_engine().evaluate(case)


def options(
    case: Case | str | Path | dict[str, Any],
    *,
    models: Sequence[str] | None = None,
    designs: Iterable[AlternativeDesign | str | Path] = (),
    engine: Engine | None = None,
) -> Options:
    """Every collaboration model evaluated for the case, beside the design as it is today.

    ``models`` limits the options to these model ids; ``designs`` add alternative
    relationship designs (partial cases, files or :class:`AlternativeDesign`) as extra
    columns. Evaluated by ``engine`` (default: the default engine). Raises ``InputError``
    for a bad case or design, ``UsageError`` for a model the taxonomy does not have.
    """
    from .choosing import evaluate_options

    return evaluate_options(engine or default_engine(), case, models=models, designs=designs)
