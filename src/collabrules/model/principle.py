"""Observations and principles: the guidelines a case is assessed against."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import attrs

from .records import shared_repr
from .text import Text
from .vocab import Severity

if TYPE_CHECKING:
    from ..pipeline.assessment import Assessment

CODE_PATTERN = r"^[A-Z]{1,4}[0-9]{1,4}$"


@attrs.frozen(slots=False)
@shared_repr
class Observation:
    """The general truth a principle rests on: a value, belief or regularity."""

    text: Text


@attrs.frozen(slots=False)
@shared_repr
class Example:
    """A short illustration of a principle upheld or violated, for its page."""

    upheld: bool
    text: Text


@attrs.frozen(slots=False)
@shared_repr
class Check:
    """A condition a principle records, declared with the principle so that its summary
    (:attr:`Principle.checks`) is derived from what it really checks.

    ``applicability`` marks a condition that decides whether the principle applies.
    """

    id: str
    text: Text
    applicability: bool = False


def summary(applies: Iterable[Text], checks: Iterable[Text]) -> Text:
    """What a principle checks, from the texts of its conditions, in both languages."""
    parts = list(checks)
    listed = Text("; ".join(p.en for p in parts), "; ".join(p.nl for p in parts))
    when = list(applies)
    if not when:
        return listed
    return Text("Applies when {when}. Checks: {checks}.",
                "Geldt als {when}. Toetst: {checks}.").format(
        when=Text(" or ".join(w.en for w in when), " of ".join(w.nl for w in when)),
        checks=listed)


def _summary(principle: Principle) -> Text:
    conditions = principle.conditions
    return summary((c.text for c in conditions if c.applicability),
                   (c.text for c in conditions if not c.applicability))


Assess = Callable[["Assessment"], None]
"""A principle's logic: it records conditions on the assessment it is given."""


@attrs.frozen(kw_only=True, slots=False)
@shared_repr
class Principle:
    """A guideline derived from an observation, with the logic that assesses a case.

    ``code`` is stable (``CR01``); ``slug`` is a readable name (``reciprocity``).
    ``replaces`` names the code of a principle this one explicitly overrides.
    ``checks`` summarises what it checks; by default it is derived from ``conditions``.
    """

    code: str
    slug: str
    theme: Text
    title: Text
    observation: Observation
    statement: Text
    assess: Assess = attrs.field(eq=False, repr=False)
    conditions: tuple[Check, ...] = ()
    checks: Text = attrs.field(default=attrs.Factory(_summary, takes_self=True))
    source: str = "collabrules"
    severity: Severity = Severity.MEDIUM
    examples: tuple[Example, ...] = ()
    replaces: str | None = None
