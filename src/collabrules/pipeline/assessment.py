"""The assessment a principle writes into: conditions in, a finding out.

A principle records each check it makes with :meth:`Assessment.check` (and, when a
principle only applies to some cases, :meth:`Assessment.applies`). The status follows
from the conditions by one rule, the same for every principle:

* a failed applicability condition -> ``not_applicable``; an unknown one -> ``undetermined``;
* otherwise a failed condition whose effect is ``violated`` -> ``violated``;
* otherwise a failed ``at_risk`` condition -> ``at_risk``;
* otherwise an unknown condition -> ``undetermined`` (naming the fields that would decide);
* otherwise -> ``upheld``.

Because an unknown condition can never produce ``violated``, leaving a fact out of a case
can only make a verdict less certain, never worse.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from ..model.case import Case
from ..model.finding import Condition, Fact, Finding, SignalUse
from ..model.principle import Principle
from ..model.records import shared_repr
from ..model.signals import SignalBook, SignalValue, cited_value
from ..model.text import SCALARS, Text, join
from ..model.vocab import Outcome, Severity, Status
from .questions import labels

_SEVERITIES = list(Severity)
_HELD, _FAILED, _UNKNOWN = Outcome.HELD, Outcome.FAILED, Outcome.UNKNOWN
_AT_RISK, _VIOLATED = Status.AT_RISK, Status.VIOLATED

FIND_OUT = Text("Find out {fields}: see the questions to ask.",
                "Zoek uit: {fields}; zie de vragen om te stellen.")
NO_CONDITIONS = Text(
    "The principle recorded no condition for this case.",
    "Het principe legde voor deze casus geen enkele voorwaarde vast.",
)


_USES = object()
"""Where a case's book keeps the signals cited, by tuple of names and by name."""


def _signal_uses(book: SignalBook, signals: tuple[str, ...]) -> tuple[SignalUse, ...]:
    """The signals a condition cites, with their values: each made once per case, and
    each tuple of names once per case (the book keeps them)."""
    uses: dict[Any, Any] | None = book.derived.get(_USES)
    if uses is None:
        uses = book.derived[_USES] = {}
    used: tuple[SignalUse, ...] | None = uses.get(signals)
    if used is None:
        found = []
        for name in signals:
            use = uses.get(name)
            if use is None:
                use = uses[name] = SignalUse(name, cited_value(book[name].value))
            found.append(use)
        used = uses[signals] = tuple(found)
    return used


class Assessment:
    """What one principle is told about one case, and what it concludes."""

    __slots__ = ("_actions", "_conditions", "_rationale", "case", "signals")

    def __init__(self, case: Case, signals: SignalBook) -> None:
        self.case = case
        self.signals = signals
        self._conditions: list[Condition] = []
        self._actions: list[Text] = []
        self._rationale: Text | None = None

    def signal(self, name: str) -> SignalValue:
        """The value of a shared signal for this case (computed on first use)."""
        return self.signals[name]

    @staticmethod
    def fact(path: str, value: Any) -> Fact:
        """Cite a case value by its JSON path."""
        return Fact(path, value if value.__class__ in SCALARS else cited_value(value))

    def applies(
        self,
        id: str,
        when: bool | None,
        text: Text,
        *,
        facts: Iterable[Fact] = (),
        signals: Iterable[str] = (),
        decided_by: Iterable[str] = (),
    ) -> bool | None:
        """Record whether the principle applies to this case; returns ``when``."""
        self._record(id, when, text, Status.NOT_APPLICABLE, True, facts, signals, None,
                     decided_by, ())
        return when

    def check(
        self,
        id: str,
        held: bool | None,
        text: Text,
        *,
        effect: Status = Status.AT_RISK,
        facts: Iterable[Fact] = (),
        signals: Iterable[str] = (),
        action: Text | None = None,
        decided_by: Iterable[str] = (),
        effect_decided_by: Iterable[str] = (),
    ) -> bool | None:
        """Record one decisive condition: held (True), failed (False) or unknown (None).

        ``effect`` is the status a failure leads to; ``action`` is what to do about a
        failure; ``decided_by`` names the case paths that would decide an unknown;
        ``effect_decided_by`` the missing paths that would decide the effect, when it
        depends on facts the case leaves out (give the mildest effect then).
        Returns ``held`` so checks can be chained.
        """
        if effect is not _AT_RISK and effect is not _VIOLATED:
            raise ValueError(f"a condition's effect is at_risk or violated, not {effect.value}")
        self._record(id, held, text, effect, False, facts, signals, action, decided_by,
                     tuple(effect_decided_by) if effect_decided_by and held is not True
                     else ())
        return held

    def recommend(self, action: Text) -> None:
        """Add an action that does not belong to one condition."""
        self._actions.append(action)

    def explain(self, rationale: Text) -> None:
        """Replace the generated rationale with the principle's own."""
        self._rationale = rationale

    def _record(
        self,
        id: str,
        held: bool | None,
        text: Text,
        effect: Status,
        applicability: bool,
        facts: Iterable[Fact],
        signals: Iterable[str],
        action: Text | None,
        decided_by: Iterable[str],
        effect_decided_by: tuple[str, ...],
    ) -> None:
        book = self.signals
        # Iterables may be generators: take each once (a tuple is taken as it is).
        if facts.__class__ is not tuple:
            facts = tuple(facts)
        if signals.__class__ is not tuple:
            signals = tuple(signals)
        used = self._used(book, signals) if signals else ()
        decided = decided_by if decided_by.__class__ is tuple else tuple(decided_by)
        if held is None and not decided:
            decided = tuple([f.path for f in facts if f.value is None]) + tuple(
                [path for name in signals for path in book[name].missing])
        self._conditions.append(Condition(
            id=id, outcome=_UNKNOWN if held is None else _HELD if held else _FAILED,
            text=text, effect=effect,
            applicability=applicability, facts=facts, signals=used,
            action=action, decided_by=decided,
            effect_decided_by=effect_decided_by))

    def _used(self, book: SignalBook, signals: tuple[str, ...]) -> tuple[SignalUse, ...]:
        """The signals a condition cites, with their values."""
        return _signal_uses(book, signals)

    def finish(self, principle: Principle, severity: Severity | None = None, *,
               find_out: bool = True) -> Finding:
        """Turn the recorded conditions into the principle's finding.

        ``find_out=False`` leaves out the action naming the missing facts (the engine's
        completions of a case need the verdict, not the advice).
        """
        conditions = tuple(self._conditions)
        status = derive_status(conditions)
        base = severity or principle.severity
        missing = _missing(status, conditions)
        actions = _actions(status, conditions, self._actions)
        if status is Status.UNDETERMINED and missing and find_out:
            actions.append(FIND_OUT.format(fields=labels(missing, self.case)))
        return Finding(
            code=principle.code,
            slug=principle.slug,
            title=principle.title,
            status=status,
            severity=severity_for(status, base),
            rationale=self._rationale or rationale_for(status, conditions),
            conditions=conditions,
            actions=tuple(_unique(actions)),
            missing=missing,
        )


class QuietAssessment(Assessment):
    """An assessment for a completed case of the completion rule: the principle runs as
    ever, but its conditions keep no signal values and its result is a :class:`Verdict`
    (status, missing facts; rationale and actions only when asked), not a finding
    (see ADR 0019).
    """

    __slots__ = ()

    def _used(self, book: SignalBook, signals: tuple[str, ...]) -> tuple[SignalUse, ...]:
        for name in signals:  # computed (or failing) as when a full assessment cites them
            book[name]
        return ()

    def verdict(self, principle: Principle, severity: Severity | None = None) -> Verdict:
        """What the recorded conditions conclude (as :meth:`Assessment.finish` with
        ``find_out=False`` would, without the evidence)."""
        conditions = tuple(self._conditions)
        status = derive_status(conditions)
        return Verdict(status, severity_for(status, severity or principle.severity),
                       _missing(status, conditions), conditions, self._rationale,
                       tuple(self._actions))


@attrs.frozen
@shared_repr
class Verdict:
    """A quiet assessment's conclusion: what the completion rule reads of a finding."""

    status: Status
    severity: Severity
    missing: tuple[str, ...]
    conditions: tuple[Condition, ...]
    explained: Text | None = None
    recommended: tuple[Text, ...] = ()

    @property
    def rationale(self) -> Text:
        """The rationale the finding would have."""
        return self.explained or rationale_for(self.status, self.conditions)

    @property
    def actions(self) -> tuple[Text, ...]:
        """The actions the finding would have (without the one naming missing facts)."""
        return tuple(_unique(_actions(self.status, self.conditions, self.recommended)))


def _missing(status: Status, conditions: Sequence[Condition]) -> tuple[str, ...]:
    """The facts that would decide the unknown conditions (and, short of a violation,
    the effect of a failed one)."""
    missing: dict[str, None] = {}
    for c in conditions:  # a dict keeps the first place of each path
        if c.outcome is _UNKNOWN and c.decided_by:
            missing.update(dict.fromkeys(c.decided_by))
    if status is Status.AT_RISK or status is Status.UNDETERMINED:
        for c in conditions:
            if c.effect_decided_by:
                missing.update(dict.fromkeys(c.effect_decided_by))
    return tuple(missing)


def _actions(status: Status, conditions: Sequence[Condition],
             recommended: Iterable[Text]) -> list[Text]:
    actions = list(recommended)
    if status in (Status.VIOLATED, Status.AT_RISK):
        actions = [c.action for c in conditions
                   if c.outcome is Outcome.FAILED and c.action is not None] + actions
    return actions


def derive_status(conditions: Sequence[Condition]) -> Status:
    """The status the recorded conditions lead to (see the module docstring)."""
    gate_unknown = violated = failed = unknown = decisive = False
    for c in conditions:  # one pass: the rule's order is kept by the returns below
        outcome = c.outcome
        if c.applicability:
            if outcome is _FAILED:
                return Status.NOT_APPLICABLE
            gate_unknown = gate_unknown or outcome is _UNKNOWN
            continue
        decisive = True
        if outcome is _FAILED:
            failed = True
            violated = violated or c.effect is Status.VIOLATED
        elif outcome is _UNKNOWN:
            unknown = True
    if gate_unknown:
        return Status.UNDETERMINED
    if violated:
        return Status.VIOLATED
    if failed:
        return Status.AT_RISK
    if unknown:
        return Status.UNDETERMINED
    return Status.UPHELD if decisive else Status.NOT_APPLICABLE


def severity_for(status: Status, base: Severity) -> Severity:
    """A finding's severity: the principle's for a violation, one step lower at risk."""
    if status is Status.VIOLATED or status is Status.ERROR:
        return base
    if status is Status.AT_RISK:
        return _SEVERITIES[max(_SEVERITIES.index(base) - 1, _SEVERITIES.index(Severity.LOW))]
    if status is Status.UNDETERMINED:
        return Severity.INFO
    return Severity.NONE


def rationale_for(status: Status, conditions: Sequence[Condition]) -> Text:
    """Join the texts of the conditions that decided the status."""
    if status is Status.NOT_APPLICABLE:
        chosen = [c for c in conditions if c.applicability and c.outcome is Outcome.FAILED]
    elif status in (Status.VIOLATED, Status.AT_RISK):
        chosen = [c for c in conditions if c.outcome is Outcome.FAILED]
        chosen.sort(key=lambda c: c.effect is not Status.VIOLATED)
    elif status is Status.UNDETERMINED:
        chosen = [c for c in conditions if c.outcome is Outcome.UNKNOWN]
    else:
        chosen = [c for c in conditions if c.outcome is Outcome.HELD]
    if not chosen:
        return NO_CONDITIONS
    return _LEAD[status] + join([c.text for c in chosen])


_LEAD = {
    Status.NOT_APPLICABLE: Text("Applies only when: ", "Geldt alleen als: "),
    Status.VIOLATED: Text("Not met: ", "Niet voldaan: "),
    Status.AT_RISK: Text("Not met: ", "Niet voldaan: "),
    Status.UNDETERMINED: Text("Not known: ", "Niet bekend: "),
    Status.UPHELD: Text("Met: ", "Voldaan: "),
}


def _unique(items: Iterable[Any]) -> list[Any]:
    seen: dict[Any, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
