"""Findings: one principle's verdict on one case, explained condition by condition."""

from __future__ import annotations

from typing import Any

import attrs

from .records import shared_repr
from .text import Text
from .vocab import Outcome, Severity, Status


@attrs.frozen
@shared_repr
class Fact:
    """A case value a condition used, cited by its JSON path (``$.relationship.trust``).

    ``value`` is ``None`` when the case leaves the field out (unknown).
    """

    path: str
    value: Any = None


@attrs.frozen
@shared_repr
class SignalUse:
    """A signal a condition used, with the value it had for this case."""

    name: str
    value: Any = None


@attrs.frozen(kw_only=True)
@shared_repr
class Condition:
    """One check a principle made: held, failed or unknown, with its evidence.

    ``effect`` is the status a failure leads to (``at_risk`` or ``violated``);
    ``applicability`` conditions decide whether the principle applies at all.
    """

    id: str
    outcome: Outcome
    text: Text
    effect: Status = Status.AT_RISK
    applicability: bool = False
    facts: tuple[Fact, ...] = ()
    signals: tuple[SignalUse, ...] = ()
    action: Text | None = None
    decided_by: tuple[str, ...] = ()
    effect_decided_by: tuple[str, ...] = ()
    """Missing facts that decide whether a failure is at_risk or violated (``effect`` is
    then the mildest it could be)."""


@attrs.frozen
@shared_repr
class Possibility:
    """A result some completions of the missing facts lead to, and those completions.

    ``result`` is a status value (for a finding) or a model id (for a recommendation);
    each item of ``when`` is one completion: ``(path, value)`` pairs.
    """

    result: str
    when: tuple[tuple[tuple[str, Any], ...], ...] = ()


@attrs.frozen(kw_only=True)
@shared_repr
class Finding:
    """A principle's verdict on one case.

    :ivar code: the principle's code (``CR05``).
    :ivar slug: the principle's short name (``trust-fits-depth``).
    :ivar title: the principle's title, in English and Dutch.
    :ivar status: upheld, at risk, violated, not applicable, undetermined or error.
    :ivar severity: how much it matters: the principle's severity when violated, one step
        less when at risk, ``none`` otherwise.
    :ivar rationale: why, in one sentence per condition that decided it (en and nl).
    :ivar conditions: every check the principle made, with the facts and signals it used.
    :ivar actions: what to do about it, most important first.
    :ivar missing: the JSON paths of the case fields that would settle an undetermined
        finding.
    :ivar waiver: the waiver that accepts this finding for this case, if any.
    """

    code: str
    slug: str
    title: Text
    status: Status
    severity: Severity
    rationale: Text
    conditions: tuple[Condition, ...] = ()
    actions: tuple[Text, ...] = ()
    missing: tuple[str, ...] = ()
    waiver: Any = None
    settled_over: tuple[str, ...] = ()
    """Missing facts the verdict holds for whatever their values (the completion rule)."""
    possible: tuple[Possibility, ...] = ()
    """For an undetermined verdict: what each completion of the missing facts gives."""
