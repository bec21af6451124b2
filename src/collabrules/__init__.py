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

from ._moved import install as _install_moved
from ._version import __version__

_install_moved()  # old import paths of moved modules still work, with a warning

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from pathlib import Path

    from .alternatives.choosing import Option, Options
    from .alternatives.design import AlternativeDesign
    from .host.hookspecs import hookimpl
    from .io.serialize import report_to_dict, report_to_json
    from .model.case import Case
    from .model.errors import InputError, Issue
    from .model.finding import Condition, Fact, Finding
    from .model.models import CollaborationModel, ModelRecommendation, Stage, Taxonomy
    from .model.principle import Example, Observation, Principle
    from .model.report import Report
    from .model.signals import Signal, SignalBook, SignalValue
    from .model.text import Text
    from .model.vocab import Outcome, Severity, Status
    from .pipeline.assessment import Assessment
    from .pipeline.engine import Engine
    from .pipeline.settings import Settings
    from .render import render as render

_LAZY = {
    "AlternativeDesign": "alternatives.design",
    "Assessment": "pipeline.assessment",
    "Case": "model.case",
    "CollaborationModel": "model.models",
    "Condition": "model.finding",
    "Engine": "pipeline.engine",
    "Example": "model.principle",
    "Fact": "model.finding",
    "Finding": "model.finding",
    "InputError": "model.errors",
    "Issue": "model.errors",
    "ModelRecommendation": "model.models",
    "Observation": "model.principle",
    "Option": "alternatives.choosing",
    "Options": "alternatives.choosing",
    "Outcome": "model.vocab",
    "Principle": "model.principle",
    "Report": "model.report",
    "Settings": "pipeline.settings",
    "Severity": "model.vocab",
    "Signal": "model.signals",
    "SignalBook": "model.signals",
    "SignalValue": "model.signals",
    "Stage": "model.models",
    "Status": "model.vocab",
    "Taxonomy": "model.models",
    "Text": "model.text",
    "hookimpl": "host.hookspecs",
    "render": "render",
    "report_to_dict": "io.serialize",
    "report_to_json": "io.serialize",
}

__all__ = [
    "AlternativeDesign",
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
    "hookimpl",
    "load_case",
    "options",
    "render",
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
        from .house.config import build_engine

        _default = build_engine(None)
    return _default


def load_case(case: str | Path | Mapping[str, Any]) -> Case:
    """Read, validate and structure a case: a file path (JSON or YAML) or a mapping.

    A mapping is checked like a file (its source is ``<case>``); anything invalid, or any
    other kind of value, raises ``InputError``.
    """
    from collections.abc import Mapping
    from os import PathLike

    from .pipeline.loading import Document
    from .pipeline.plain import check_plain

    if isinstance(case, (str, PathLike)):
        return default_engine().load(case)
    if isinstance(case, Mapping):
        check_plain(case, "<case>")
        return default_engine().structure(Document(dict(case), "<case>"))
    from .model.errors import InputError, Issue
    from .model.text import Text

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
    from .alternatives.choosing import evaluate_options

    return evaluate_options(engine or default_engine(), case, models=models, designs=designs)
