"""Choosing between options: every collaboration model evaluated for the case, side by side.

An *option* is the case with its relationship design changed as one model of the taxonomy
implies (the model id, plus the posture, safeguards, governance and development the
model's ``implies`` data gives); the parties, the delivery and every other fact stay as
they are, and a fact the case leaves out stays unknown. The trust a model needs is shown
as a requirement beside the trust the case states; it is never set on the case.

Each option is evaluated by the ordinary engine (:meth:`Engine.evaluate`), so it gets the
same principles, hooks and rules as a normal report. "As it is today" is the unchanged
case: its column is the normal report.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..model.case import Case
from ..model.errors import UsageError
from ..model.models import CollaborationModel, ModelRecommendation, Stage, Taxonomy
from ..model.records import shared_repr
from ..model.report import Report
from ..model.text import Text
from ..model.vocab import Level, Status
from ..pipeline.engine import Engine
from ..pipeline.loading import Document, read_document
from ..pipeline.plain import check_plain
from ..pipeline.structure import converter, unstructure_case
from ..pipeline.validation import did_you_mean
from .design import AlternativeDesign, load_design

TODAY = "today"
_TODAY_NAME = Text("As it is today", "Zoals het nu is")


@attrs.frozen
@shared_repr
class Change:
    """One field of the relationship design an option changes (``None``: unknown)."""

    path: str
    before: Any
    after: Any


@attrs.frozen(kw_only=True)
@shared_repr
class Option:
    """One column: a design (today's, a model's, or an alternative) and its verdicts."""

    key: str
    name: Text
    report: Report
    model: CollaborationModel | None = None
    changes: tuple[Change, ...] = ()
    path: tuple[Stage, ...] = ()
    trust_actual: Level | None = None
    recommended: bool = False

    @property
    def trust_needed(self) -> Level | None:
        """The trust the option's model needs (a requirement, not a fact of the case)."""
        return self.model.trust if self.model is not None else None

    @property
    def trust_gap(self) -> int | None:
        """Steps of trust to build (negative: more trust than needed); ``None``: unknown."""
        needed = self.trust_needed
        if needed is None or self.trust_actual is None:
            return None
        return needed.rank - self.trust_actual.rank

    @property
    def months(self) -> float:
        """The months of the staged path from today's model to this option."""
        return sum(stage.months for stage in self.path)

    @property
    def open_facts(self) -> tuple[str, ...]:
        """The missing facts that could still change a verdict of this option."""
        return tuple(dict.fromkeys(
            path for f in self.report.findings if f.status is Status.UNDETERMINED
            for path in f.missing))

    def status(self, code: str) -> Status | None:
        """This option's verdict on one principle (``None``: the principle is not in it)."""
        return next((f.status for f in self.report.findings if f.code == code), None)


@attrs.frozen(kw_only=True)
@shared_repr
class Options:
    """The design as it is today, then one option per model (and per alternative design)."""

    today: Option
    options: tuple[Option, ...]
    recommendation: ModelRecommendation | None
    taxonomy: str | None

    @property
    def columns(self) -> tuple[Option, ...]:
        """Today first, then the options."""
        return (self.today, *self.options)

    @property
    def codes(self) -> tuple[str, ...]:
        """The principles, in report order (the rows)."""
        return tuple(f.code for f in self.today.report.findings)


def evaluate_options(
    engine: Engine,
    case: Case | Document | Mapping[str, Any] | str | Path,
    *,
    models: Sequence[str] | None = None,
    designs: Iterable[AlternativeDesign | str | Path] = (),
) -> Options:
    """Evaluate the case as it is and as every model (or the ``models`` named) would run it.

    ``designs`` add alternative relationship designs (files or :class:`AlternativeDesign`)
    as extra columns. Raises :class:`InputError` for an invalid case or design and
    :class:`UsageError` for a model the taxonomy does not have.
    """
    if isinstance(case, (str, Path)):
        case = read_document(case)
    elif not isinstance(case, (Case, Document)):
        check_plain(case, "<case>")
        case = Document(dict(case), "<case>")
    alternatives = [d if isinstance(d, AlternativeDesign) else load_design(d) for d in designs]
    chosen = _chosen(engine.taxonomy, models)
    today_report = engine.evaluate(case)
    data = unstructure_case(case) if isinstance(case, Case) else engine.validate(case)
    source = case.source if isinstance(case, Document) else "<case>"
    relationship: dict[str, Any] = data.get("relationship") or {}
    current = relationship.get("model")
    recommendation = today_report.recommendation
    taxonomy = engine.taxonomy

    def option(key: str, name: Text, change: Mapping[str, Any],
               model: CollaborationModel | None) -> Option:
        proposed = overlay(relationship, change)
        report = engine.evaluate(Document({**data, "relationship": proposed}, source))
        path = taxonomy.path(current, model) if taxonomy and model else ()
        return Option(key=key, name=name, report=report, model=model,
                      changes=tuple(changes(relationship, change)), path=path,
                      trust_actual=_trust(proposed),
                      recommended=recommendation is not None and model is not None
                      and key == recommendation.model)

    columns = [option(m.id, m.name, implied_change(m), m) for m in chosen]
    for design in alternatives:
        model_id = design.relationship.get("model")
        columns.append(option(f"design:{design.source}", Text(design.title, design.title),
                              design.relationship, taxonomy.get(model_id) if taxonomy else None))
    today = Option(key=TODAY, name=_TODAY_NAME, report=today_report,
                   model=taxonomy.get(current) if taxonomy else None,
                   trust_actual=_trust(relationship))
    return Options(today=today, options=tuple(columns), recommendation=recommendation,
                   taxonomy=taxonomy.name if taxonomy else None)


def model_ids(text: str | None) -> list[str] | None:
    """Model ids from a comma-separated list (``--model``, ``?model=``); ``None``: every model."""
    return None if text is None else [m.strip() for m in text.split(",") if m.strip()]


def implied_change(model: CollaborationModel) -> dict[str, Any]:
    """The relationship fields choosing ``model`` sets: its id and its ``implies`` data."""
    implied = converter().unstructure(model.implies) if model.implies else {}
    plain: dict[str, Any] = json.loads(json.dumps(implied))  # vocabulary members -> values
    return {"model": model.id, **plain}


def overlay(base: Mapping[str, Any], change: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``change`` laid over it, object by object; other fields stay as they are."""
    out = dict(base)
    for key, value in change.items():
        below = out.get(key)
        out[key] = overlay(below, value) if isinstance(value, Mapping) and isinstance(
            below, Mapping) else value
    return out


def changes(base: Mapping[str, Any], change: Mapping[str, Any],
            prefix: str = "$.relationship") -> Iterable[Change]:
    """The fields ``change`` gives a different value than ``base`` (before: ``None`` = unknown)."""
    for key, value in change.items():
        path = f"{prefix}.{key}"
        before = base.get(key)
        if isinstance(value, Mapping):
            yield from changes(before if isinstance(before, Mapping) else {}, value, path)
        elif before != value:
            yield Change(path, before, value)


def _trust(relationship: Mapping[str, Any]) -> Level | None:
    return Level(relationship["trust"]) if "trust" in relationship else None


def _chosen(taxonomy: Taxonomy | None, models: Sequence[str] | None) -> list[CollaborationModel]:
    every = taxonomy.ordered() if taxonomy else []
    if models is None:
        return every
    known = [m.id for m in every]
    for wanted in models:
        if wanted not in known:
            hint = did_you_mean(wanted, known)
            raise UsageError(Text(
                "model {wanted!r} is not a model of the taxonomy in use; choose from: {known}",
                "model {wanted!r} is geen model van de gebruikte taxonomie; kies uit: {known}"
            ).format(wanted=wanted, known=", ".join(known)) + (
                Text(" (", " (") + hint + Text(")", ")") if hint else Text("", "")))
    return [m for m in every if m.id in models]
