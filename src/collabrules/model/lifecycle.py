"""Lifecycle phases: which actions apply in which phase, and the advice for a case's phase.

The phases' order, the phase that usually follows each and the three stages are the
model's data (``model/lifecycle.json``), and so is the mapping of the phases onto the eight
ISO 44001 lifecycle stages (``model/iso44001.json``). Which phases an action applies in is
the plugins' to say: each tags its actions, keyed by action id ``CODE/condition-id``,
through the ``collabrules_add_phase_tags`` hook (the standard plugin its
``standard/phases.json``); an untagged action applies in every phase. An engine collects
the tags into :class:`PhaseTags`, which each report it makes carries, so a phase plan is
derived from a finished report alone. A :class:`PhasePlan` orders a report's actions:
those for the current phase first, then what the next phase will need.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any, Protocol

import attrs

from .finding import Finding
from .records import shared_repr
from .text import Text
from .vocab import Outcome, Phase, Status

ADVISED = (Status.VIOLATED, Status.AT_RISK, Status.UNDETERMINED)
"""The statuses whose actions a phase plan lists."""


@attrs.frozen(slots=False)
@shared_repr
class PhaseTag:
    """An action's phases and a short bilingual label of what it is about."""

    label: Text
    phases: frozenset[Phase]


@attrs.frozen(slots=False)
@shared_repr
class IsoStage:
    """One ISO 44001 lifecycle stage and the case phases it covers."""

    id: str
    number: int
    label: Text
    phases: frozenset[Phase]


@attrs.frozen(slots=False)
@shared_repr
class Stage:
    """One of the three stages the principles are applied in: analysis, restructuring, operation."""

    id: str
    label: Text
    phases: frozenset[Phase]


def _read(name: str) -> Mapping[str, Any]:
    """One of the model's data files."""
    loaded: Mapping[str, Any] = json.loads(
        resources.files(__package__).joinpath(name).read_text("utf-8"))
    return loaded


@cache
def _lifecycle() -> Mapping[str, Any]:
    return _read("lifecycle.json")


def tags_from_data(data: Mapping[str, Any]) -> dict[str, PhaseTag]:
    """Tags by action id from their JSON form (as in ``standard/phases.json``'s ``actions``)."""
    return {key: PhaseTag(Text(v["en"], v["nl"]), frozenset(Phase(p) for p in v["phases"]))
            for key, v in data.items()}


class PhaseTagRegistrar(Protocol):
    """The ``register`` callback passed to ``collabrules_add_phase_tags``."""

    def __call__(self, action: str, tag: PhaseTag) -> None: ...


@cache
def iso_stages() -> tuple[IsoStage, ...]:
    """The eight ISO 44001 stages, in order."""
    return tuple(IsoStage(s["id"], s["number"], Text(s["en"], s["nl"]),
                          frozenset(Phase(p) for p in s["phases"]))
                 for s in _read("iso44001.json")["stages"])


@cache
def stages() -> tuple[Stage, ...]:
    """Analysis, restructuring and operation, with the phases each covers."""
    return tuple(Stage(key, Text(v["en"], v["nl"]), frozenset(Phase(p) for p in v["phases"]))
                 for key, v in _lifecycle()["stages"].items())


@cache
def phase_order() -> tuple[Phase, ...]:
    """The phases in lifecycle order."""
    return tuple(Phase(p) for p in _lifecycle()["order"])


def next_phase(phase: Phase) -> Phase | None:
    """The phase that usually follows ``phase`` (``None`` after exiting)."""
    following = _lifecycle()["next"].get(phase.value)
    return Phase(following) if following else None


def stage_of(phase: Phase) -> Stage:
    """The stage (analysis, restructuring, operation) a phase belongs to."""
    return next(s for s in stages() if phase in s.phases)


def iso_stages_of(phase: Phase) -> tuple[IsoStage, ...]:
    """The ISO 44001 stages a phase falls in."""
    return tuple(s for s in iso_stages() if phase in s.phases)


def action_id(code: str, condition_id: str) -> str:
    """The id of the action a principle's condition recommends (``CR05/trust_sufficient``)."""
    return f"{code}/{condition_id}"


@attrs.frozen(slots=False, eq=False)
@shared_repr
class PhaseTags:
    """The tags an engine's plugins registered, by action id (``CR05/trust_sufficient``).

    Equal when their tags are: reports of two engines with the same tags compare equal.
    """

    tags: Mapping[str, PhaseTag] = attrs.field(factory=dict)

    def __eq__(self, other: object) -> bool:
        return self is other or (isinstance(other, PhaseTags) and self.tags == other.tags)

    def __hash__(self) -> int:
        return len(self.tags)  # cheap, and equal for equal tags (a report may be hashed)

    def phases_of(self, code: str, condition_id: str | None) -> frozenset[Phase]:
        """The phases an action applies in; every phase when it is not tagged."""
        tag = self.tags.get(action_id(code, condition_id)) if condition_id else None
        return tag.phases if tag is not None else frozenset(phase_order())

    def checks_for(self, code: str, phase: Phase | None = None
                   ) -> tuple[tuple[str, PhaseTag], ...]:
        """A principle's tagged actions (id, tag), those that apply in ``phase`` if given."""
        prefix = f"{code}/"
        return tuple((key, tag) for key, tag in self.tags.items()
                     if key.startswith(prefix) and (phase is None or phase in tag.phases))


def add_tag(tags: dict[str, PhaseTag], action: str, tag: PhaseTag) -> None:
    """Add one action's tag to ``tags``; an id that is not ``CODE/condition-id``, a phase
    that is not a case phase or an action already in ``tags`` is a ``ValueError``."""
    code, _, condition = action.partition("/")
    if not code or not condition or "/" in condition:
        raise ValueError(f"the action id {action!r} is not CODE/condition-id "
                         "(the principle's code and the condition's id)")
    if action in tags:
        raise ValueError(f"the action {action!r} is already tagged")
    tags[action] = PhaseTag(tag.label, frozenset(Phase(p) for p in tag.phases))


NO_PHASE_TAGS = PhaseTags()
"""No action tagged: every action applies in every phase (a report no engine made)."""


@attrs.frozen
@shared_repr
class Advice:
    """One action of a report, with the principle it comes from and where it applies."""

    code: str
    title: Text
    status: Status
    action: Text
    phases: frozenset[Phase]


@attrs.frozen
@shared_repr
class PhasePlan:
    """A report's actions by phase: for the current phase, and what the next will need."""

    phase: Phase
    next: Phase | None
    now: tuple[Advice, ...]
    later: tuple[Advice, ...]

    def to_dict(self, lang: str) -> dict[str, Any]:
        """The plan as a JSON-ready mapping, its texts in one language."""
        def items(advice: tuple[Advice, ...]) -> list[dict[str, Any]]:
            return [{"code": a.code, "status": a.status.value, "action": a.action.get(lang),
                     "phases": list(_phase_values(a.phases))}
                    for a in advice]

        return {"phase": self.phase.value, "stage": stage_of(self.phase).id,
                "iso44001": [s.id for s in iso_stages_of(self.phase)],
                "next_phase": self.next.value if self.next else None,
                "now": items(self.now), "next": items(self.later)}


@cache
def _phase_values(phases: frozenset[Phase]) -> tuple[str, ...]:
    """The values of ``phases`` in lifecycle order (a report's actions share a few sets)."""
    return tuple(p.value for p in phase_order() if p in phases)


def _advice(finding: Finding, tags: PhaseTags) -> list[Advice]:
    sources: dict[Text, str] = {}
    for condition in finding.conditions:
        if condition.outcome is Outcome.FAILED and condition.action is not None:
            sources.setdefault(condition.action, condition.id)
    return [Advice(finding.code, finding.title, finding.status, action,
                   tags.phases_of(finding.code, sources.get(action)))
            for action in finding.actions]


def phase_plan(findings: tuple[Finding, ...], phase: Phase | None,
               tags: PhaseTags) -> PhasePlan | None:
    """The actions of open findings ordered by phase (the phases ``tags`` gives them);
    ``None`` when the phase is unknown."""
    if phase is None:
        return None
    following = next_phase(phase)
    advice = [a for f in findings if f.status in ADVISED for a in _advice(f, tags)]
    now = tuple(a for a in advice if phase in a.phases)
    later = tuple(a for a in advice
                  if following is not None and phase not in a.phases and following in a.phases)
    return PhasePlan(phase=phase, next=following, now=now, later=later)
