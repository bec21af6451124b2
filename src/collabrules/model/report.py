"""The report: all findings for one case, a summary, the recommended model, provenance."""

from __future__ import annotations

import attrs

from .finding import Finding
from .lifecycle import NO_PHASE_TAGS, PhaseTags
from .models import ModelRecommendation
from .perception_summary import PerceptionPair
from .problems import Problem
from .records import shared_repr
from .text import Text
from .vocab import Phase, Role, Severity, Status

REPORT_SCHEMA_VERSION = "1.0"


@attrs.frozen(kw_only=True)
@shared_repr
class PluginRecord:
    """A plugin that took part in the evaluation."""

    name: str
    distribution: str
    version: str


@attrs.frozen(kw_only=True)
@shared_repr
class PrincipleSetRecord:
    """The principle set applied: codes, each one's origin, and a digest of it all."""

    codes: tuple[str, ...]
    digest: str
    endorsed: bool | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class Provenance:
    """Where a report comes from, so that it can be reproduced and trusted."""

    engine: str
    engine_version: str
    plugins: tuple[PluginRecord, ...]
    principle_set: PrincipleSetRecord
    taxonomy: str
    input_digest: str


@attrs.frozen(kw_only=True)
@shared_repr
class Summary:
    """Counts per status, the worst severity, and a one-line headline."""

    counts: tuple[tuple[Status, int], ...]
    worst: Severity
    headline: Text

    def count(self, status: Status) -> int:
        """How many findings have this status."""
        return dict(self.counts).get(status, 0)


@attrs.frozen(kw_only=True)
@shared_repr
class Note:
    """A remark about the evaluation that is not a finding (charter, waivers, ...)."""

    id: str
    text: Text


@attrs.frozen(kw_only=True)
@shared_repr
class PartyName:
    """A party as a report names it: the id the case uses, its name and its role."""

    id: str
    name: str
    role: Role | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class Question:
    """A fact to find out, asked as a person would ask it, and the verdicts it would settle.

    ``verdicts`` are the codes of the open findings that wait on it (``model`` for an
    undecided recommendation); questions are ranked by how many.
    """

    path: str
    text: Text
    verdicts: tuple[str, ...]


@attrs.frozen(kw_only=True)
@shared_repr
class Report:
    """The outcome of evaluating one case.

    :ivar case_id: the case's ``id``, if it has one.
    :ivar title: the case's title, if it has one.
    :ivar perspective: the id of the party whose view the case takes.
    :ivar findings: one finding per principle in use, in code order.
    :ivar summary: counts per status, the worst severity and a headline.
    :ivar recommendation: the collaboration model recommended, with the path to it
        (``None`` when no taxonomy is loaded).
    :ivar provenance: engine version, plugins, principle set and input digest.
    :ivar problems: plugin problems met during the evaluation (conflicts, crashes).
    :ivar notes: remarks that are not findings (charter, waivers).
    :ivar source: the file the case came from, if any.
    :ivar perceptions: per other party that answered the perception questionnaire, the
        views of both parties per theme and the largest gaps (empty without answers).
    :ivar phase: the relationship's lifecycle phase, if the case states it.
    :ivar assessed_on: the date the case's facts were assessed (YYYY-MM-DD), if stated.
    :ivar phase_tags: the lifecycle phases of the actions, as the engine's plugins tagged
        them; the phase plan is derived from them (not written out: a report read back
        from compact results takes them from its reader).
    """

    case_id: str | None
    title: str | None
    perspective: str
    findings: tuple[Finding, ...]
    summary: Summary
    recommendation: ModelRecommendation | None
    provenance: Provenance
    problems: tuple[Problem, ...] = ()
    notes: tuple[Note, ...] = ()
    source: str | None = None
    parties: tuple[PartyName, ...] = ()
    questions: tuple[Question, ...] = ()
    perceptions: tuple[PerceptionPair, ...] = ()
    phase: Phase | None = None
    assessed_on: str | None = None
    phase_tags: PhaseTags = attrs.field(default=NO_PHASE_TAGS, repr=False)

    def party(self, party_id: str) -> PartyName | None:
        """The party with this id, as the report names it, or ``None``."""
        return next((p for p in self.parties if p.id == party_id), None)

    def finding(self, code: str) -> Finding:
        """The finding of one principle, by code."""
        for finding in self.findings:
            if finding.code == code:
                return finding
        raise KeyError(code)
