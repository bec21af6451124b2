"""Everything a collabrules plugin needs, from one module.

A house plugin imports only from here::

    from collabrules.plugin import Assessment, Principle, Status, Text, hookimpl

It holds the hook marker and the registrar types, the building blocks of principles,
signals and models, ``reads`` (what a signal reads, so completed cases can reuse it),
topic axes, the phase tags of actions, what an engine produces (findings, reports), the
vocabularies of a case, three-valued logic (``and3``/``or3``/``not3``/``is3``) and the
test helpers of :mod:`collabrules.testing`. Names are imported on first use, so
importing this module is cheap and does not import pytest. The other modules are internal
and may move.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .host.hookspecs import hookimpl
    from .host.plugins import standard_plugins, standard_principle
    from .host.registry import ModelRegistrar, PrincipleRegistrar, SignalRegistrar
    from .house.declarative import load_principles
    from .model.case import Case
    from .model.finding import Condition, Fact, Finding, SignalUse
    from .model.kleene import Truth, and3, is3, not3, or3
    from .model.lifecycle import PhaseTag, PhaseTagRegistrar, action_id
    from .model.models import CollaborationModel, ModelRecommendation, Stage, Taxonomy
    from .model.principle import Check, Example, Observation, Principle
    from .model.questionnaire import Statement, StatementRegistrar, Theme
    from .model.report import Report
    from .model.signal_reads import reads
    from .model.signals import Signal, SignalBook, SignalValue
    from .model.text import Text
    from .model.topics import TopicAxis, TopicRegistrar
    from .model.vocab import (
        Attitude,
        Conduct,
        DeliveryKind,
        Direction,
        Horizon,
        InterestKind,
        Level,
        Net,
        Outcome,
        Phase,
        Posture,
        Power,
        Reach,
        Replaceability,
        Role,
        Severity,
        Size,
        Standardisation,
        Status,
        Vocabulary,
    )
    from .pipeline.assessment import Assessment
    from .pipeline.engine import Engine
    from .pipeline.settings import Settings
    from .testing import case_with, check_fixtures, evaluate_with, make_engine

# Names of the top-level package's API that a plugin needs, taken from there.
_FROM_PACKAGE = frozenset({
    "Assessment", "Case", "CollaborationModel", "Condition", "Engine", "Example", "Fact",
    "Finding", "ModelRecommendation", "Observation", "Outcome", "Principle", "Report",
    "Settings", "Severity", "Signal", "SignalBook", "SignalValue", "Stage", "Status",
    "Taxonomy", "Text", "hookimpl",
})
# Names only this module exports, by the module that defines them.
_LAZY = {
    "Check": "model.principle",
    "ModelRegistrar": "host.registry",
    "PhaseTag": "model.lifecycle",
    "PhaseTagRegistrar": "model.lifecycle",
    "PrincipleRegistrar": "host.registry",
    "SignalRegistrar": "host.registry",
    "Statement": "model.questionnaire",
    "StatementRegistrar": "model.questionnaire",
    "Theme": "model.questionnaire",
    "TopicAxis": "model.topics",
    "TopicRegistrar": "model.topics",
    "SignalUse": "model.finding",
    "Truth": "model.kleene",
    "action_id": "model.lifecycle",
    "and3": "model.kleene",
    "is3": "model.kleene",
    "case_with": "testing",
    "check_fixtures": "testing",
    "evaluate_with": "testing",
    "load_principles": "house.declarative",
    "make_engine": "testing",
    "not3": "model.kleene",
    "or3": "model.kleene",
    "reads": "model.signal_reads",
    "standard_plugins": "host.plugins",
    "standard_principle": "host.plugins",
}

__all__ = [
    "Assessment", "Attitude", "Case", "Check", "CollaborationModel", "Condition", "Conduct",
    "DeliveryKind", "Direction", "Engine", "Example", "Fact", "Finding", "Horizon",
    "InterestKind", "Level", "ModelRecommendation", "ModelRegistrar", "Net", "Observation",
    "Outcome", "Phase", "PhaseTag", "PhaseTagRegistrar", "Posture", "Power", "Principle",
    "PrincipleRegistrar", "Reach",
    "Replaceability", "Report", "Role", "Settings", "Severity", "Signal", "SignalBook",
    "SignalRegistrar", "SignalUse", "SignalValue", "Size", "Stage", "Standardisation",
    "Statement", "StatementRegistrar", "Status", "Taxonomy", "Text", "Theme", "TopicAxis",
    "TopicRegistrar", "Truth", "Vocabulary", "action_id", "and3", "case_with",
    "check_fixtures",
    "evaluate_with", "hookimpl", "is3", "load_principles", "make_engine", "not3", "or3",
    "reads", "standard_plugins", "standard_principle",
]


def __getattr__(name: str) -> Any:
    """Import a public name on first use; every vocabulary of :mod:`.vocab` is public."""
    if name in _FROM_PACKAGE:
        module = import_module(__package__)
    else:
        module = import_module(f".{_LAZY.get(name, 'model.vocab')}", __package__)
    value = getattr(module, name, None)
    if value is None or (name not in _LAZY and name not in _FROM_PACKAGE
                         and not _is_vocabulary(value)):
        raise AttributeError(f"module 'collabrules.plugin' has no attribute {name!r}")
    globals()[name] = value
    return value


def _is_vocabulary(value: object) -> bool:
    from .model.vocab import Vocabulary

    return isinstance(value, type) and issubclass(value, Vocabulary)


def __dir__() -> list[str]:
    vocab = import_module(".model.vocab", __package__)
    vocabularies = [n for n, v in vars(vocab).items() if _is_vocabulary(v)]
    return sorted({*globals(), *__all__, *vocabularies})
