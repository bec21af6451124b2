"""The case: one customer/supplier relationship under assessment.

Every optional field is ``None`` when the case file leaves it out: *unknown*, never a
default that could change a verdict. An empty list is a known "none".
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import attrs

from .records import shared_repr
from .vocab import (
    Attitude,
    Conduct,
    DeliveryKind,
    Direction,
    Horizon,
    InterestKind,
    Level,
    Net,
    Phase,
    Posture,
    Power,
    Reach,
    Replaceability,
    Role,
    Size,
    Standardisation,
)

SCHEMA_VERSION = "1.2"
SCHEMA_VERSIONS = ("1.0", "1.1", "1.2")


@attrs.frozen(kw_only=True)
@shared_repr
class Interest:
    """A driver of a party: a need, a wish or a hesitation."""

    description: str
    kind: InterestKind | None = None
    disclosed: bool | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class Goal:
    """What a party (or one of its departments) wants to achieve on a topic.

    A goal with an ``owner`` department is that department's target ("procurement: 20%
    discount", with the wording in ``target``). ``opposes`` names, by ``id``, goals of
    another party this goal works against. A goal without topic or direction pushes an
    unknown way: comparisons it could change stay unknown.
    """

    topic: str | None = None
    direction: Direction | None = None
    owner: str | None = None
    horizon: Horizon | None = None
    disclosed: bool | None = None
    description: str | None = None
    id: str | None = None
    target: str | None = None
    opposes: tuple[str, ...] | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class DepartmentalTarget:
    """A narrow target of one department ("procurement: 20% discount").

    Read as a goal owned by the department (see ``standard.goals.party_goals``); schema
    1.1 states it among the goals, with ``owner`` and ``target``.
    """

    department: str
    target: str
    topic: str | None = None
    direction: Direction | None = None
    horizon: Horizon | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class Benefit:
    """The benefit a party expects from the relationship."""

    net: Net | None = None
    description: str | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class Respondent:
    """Who answered the perception questionnaire for a party."""

    name: str
    role: str | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class PerceptionAnswer:
    """Agreement (1-5) with one statement, about the answering party and about the other."""

    statement: str
    us: int | None = None
    them: int | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class Perceptions:
    """A party's answers to the perception questionnaire: who answered, when, and what."""

    respondent: Respondent
    date: str
    answers: tuple[PerceptionAnswer, ...]
    questionnaire_version: str | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class Party:
    """One organisation in the relationship."""

    id: str
    name: str
    role: Role
    size: Size | None = None
    reach: Reach | None = None
    sector: str | None = None
    attitude: Attitude | None = None
    power: Power | None = None
    replaceability: Replaceability | None = None
    interests: tuple[Interest, ...] | None = None
    goals: tuple[Goal, ...] | None = None
    departmental_targets: tuple[DepartmentalTarget, ...] | None = None
    capabilities_offered: tuple[str, ...] | None = None
    capabilities_needed: tuple[str, ...] | None = None
    expected_benefit: Benefit | None = None
    conduct: tuple[Conduct, ...] | None = None
    notes: str | None = None
    perceptions: Perceptions | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class Delivery:
    """What the relationship is about."""

    kind: DeliveryKind | None = None
    description: str | None = None
    standardisation: Standardisation | None = None
    complexity: Level | None = None
    risk: Level | None = None
    uncertainty: Level | None = None
    strategic_importance: Level | None = None
    spend_impact: Level | None = None
    annual_spend: float | None = None
    currency: str | None = None
    duration_months: float | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class Safeguards:
    """Formal safeguards in the contract."""

    price_guarantee: bool | None = None
    time_guarantee: bool | None = None
    quality_guarantee: bool | None = None
    service_levels: bool | None = None
    penalties: bool | None = None
    escalation: bool | None = None
    exit_plan: bool | None = None
    legal_capacity: bool | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class Governance:
    """Joint governance of the relationship."""

    mixed_teams: bool | None = None
    knowledge_sharing: bool | None = None
    joint_steering: bool | None = None
    commercial_review: bool | None = None
    open_book: bool | None = None
    performance_incentives: bool | None = None
    gain_sharing: bool | None = None
    joint_innovation: bool | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class Resistance:
    """A signal of resistance: who resists what, why, and what was done about it."""

    who: str
    against: str
    reasons: tuple[str, ...] | None = None
    rational: bool | None = None
    investigated: bool | None = None
    addressed: bool | None = None
    outcome: str | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class Development:
    """How the relationship is developed over time."""

    structured_process: bool | None = None
    stages: tuple[str, ...] | None = None
    stage_count: int | None = None
    planned_months: float | None = None
    done_at_signing: bool | None = None

    @property
    def staged(self) -> bool | None:
        """Whether the plan has stages: named ones, or a count of them."""
        if self.stages or self.stage_count:
            return True
        if self.stages is None and self.stage_count is None:
            return None
        return False


@attrs.frozen(kw_only=True)
@shared_repr
class Relationship:
    """How the relationship is, or is planned to be, organised."""

    model: str | None = None
    label: str | None = None
    posture: Posture | None = None
    trust: Level | None = None
    safeguards: Safeguards | None = None
    governance: Governance | None = None
    resistance: tuple[Resistance, ...] | None = None
    phase: Phase | None = None
    development: Development | None = None
    notes: str | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class Endorsement:
    """One stakeholder's fiat on a principle set."""

    stakeholder: str
    role: str | None = None
    date: str | None = None
    digest: str | None = None
    phase: Phase | None = None
    """The lifecycle phase the relationship was in when this stakeholder endorsed (1.2)."""


@attrs.frozen(kw_only=True)
@shared_repr
class CaseCharter:
    """Who endorsed the principle set applied to this relationship."""

    endorsements: tuple[Endorsement, ...] | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class Case:
    """One relationship under assessment, seen from the perspective party."""

    schema_version: str
    perspective: str
    parties: tuple[Party, ...]
    id: str | None = None
    title: str | None = None
    assessed_on: str | None = None
    """The date (YYYY-MM-DD) the facts were assessed; orders a relationship's history (1.2)."""
    delivery: Delivery | None = None
    relationship: Relationship | None = None
    charter: CaseCharter | None = None
    extensions: dict[str, Any] | None = None

    # cached: principles and signals ask for them dozens of times per case
    @cached_property
    def own(self) -> Party:
        """The perspective party ("I/we")."""
        return next(p for p in self.parties if p.id == self.perspective)

    @cached_property
    def others(self) -> tuple[Party, ...]:
        """The other parties ("they")."""
        return tuple(p for p in self.parties if p.id != self.perspective)

    def path_of(self, party: Party) -> str:
        """The JSON path of a party in the case file, e.g. ``$.parties[1]``."""
        for index, candidate in enumerate(self.parties):
            if candidate is party:
                return f"$.parties[{index}]"
        raise ValueError(f"party {party.id!r} is not part of this case")
