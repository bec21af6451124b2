"""Portfolio summaries: verdict counts per principle, who needs attention, model spread.

A :class:`PortfolioTally` is fed one report (or one skipped input) at a time, so a
portfolio of any size is summarised in constant memory apart from the per-principle table.
"""

from __future__ import annotations

import functools
import heapq
from collections import Counter
from typing import Any

import attrs

from ..model.errors import Issue
from ..model.problems import Problem
from ..model.records import shared_repr
from ..model.report import Report
from ..model.text import Text
from ..model.verdict import STATUS_ORDER, Verdict
from ..model.vocab import Severity, Status

ATTENTION_SIZE = 10


@attrs.frozen(kw_only=True)
@shared_repr
class CaseDigest:
    """A report reduced to what a portfolio summary needs (cheap to send between processes)."""

    source: str | None
    case_id: str | None
    title: str | None
    worst: Severity
    verdicts: tuple[Verdict, ...]
    recommended: str | None = None
    current: str | None = None
    problems: tuple[Problem, ...] = ()

    @classmethod
    def of(cls, report: Report) -> CaseDigest:
        """The digest of a report."""
        rec = report.recommendation
        return cls(
            source=report.source, case_id=report.case_id, title=report.title,
            worst=report.summary.worst,
            verdicts=tuple(Verdict.of(f)
                           for f in report.findings),
            recommended=rec.model if rec else None, current=rec.current if rec else None,
            problems=report.problems)

    def __reduce__(self) -> tuple[Any, ...]:
        # Worker processes send one digest per case: plain values pickle in half the time of
        # attrs' state dictionaries, and the few distinct verdicts are rebuilt from a cache.
        return (_digest, (self.source, self.case_id, self.title, self.worst.value,
                          tuple((v.code, v.title, v.status.value, v.severity.value, v.waived)
                                for v in self.verdicts),
                          self.recommended, self.current, self.problems))


def _digest(source: str | None, case_id: str | None, title: str | None, worst: str,
            verdicts: tuple[tuple[str, Text, str, str, bool], ...], recommended: str | None,
            current: str | None, problems: tuple[Problem, ...]) -> CaseDigest:
    """A digest from its pickled values."""
    return CaseDigest(source=source, case_id=case_id, title=title, worst=Severity(worst),
                      verdicts=tuple(_verdict(*v) for v in verdicts), recommended=recommended,
                      current=current, problems=problems)


@functools.cache
def _verdict(code: str, title: Text, status: str, severity: str, waived: bool) -> Verdict:
    return Verdict(code=code, title=title, status=Status(status), severity=Severity(severity),
                   waived=waived)


_WEIGHTS = {Status.VIOLATED: 2, Status.AT_RISK: 1, Status.ERROR: 1}


def attention_score(digest: CaseDigest) -> int:
    """How urgently a relationship needs attention: violations weigh double, by severity.

    Each finding adds its status weight (violated 2, at risk or error 1) times its
    severity weight (none 1 ... critical 6); waived findings add nothing.
    """
    score = 0
    for verdict in digest.verdicts:
        if verdict.waived:
            continue
        score += _WEIGHTS.get(verdict.status, 0) * (verdict.severity.rank + 1)
    return score


def attention_maximum(principles: int) -> int:
    """The highest attention score a case assessed by this many principles can reach."""
    return principles * max(_WEIGHTS.values()) * (Severity.CRITICAL.rank + 1)


@attrs.frozen(kw_only=True)
@shared_repr
class Attention:
    """One relationship on the attention list."""

    score: int
    order: int
    source: str | None
    case_id: str | None
    title: str | None
    worst: Severity
    violated: tuple[str, ...]
    at_risk: tuple[str, ...]


@attrs.define
@shared_repr
class PortfolioTally:
    """Running totals over a portfolio of reports."""

    cases: int = 0
    per_principle: dict[str, Counter[str]] = attrs.field(factory=dict)
    titles: dict[str, Text] = attrs.field(factory=dict)
    recommended: Counter[str] = attrs.field(factory=Counter)
    current: Counter[str] = attrs.field(factory=Counter)
    skipped: list[tuple[str, tuple[Issue, ...]]] = attrs.field(factory=list)
    _heap: list[tuple[int, int, Attention]] = attrs.field(factory=list)

    def add(self, case: Report | CaseDigest) -> None:
        """Count one evaluated case."""
        digest = CaseDigest.of(case) if isinstance(case, Report) else case
        order = self.cases + len(self.skipped)
        self.cases += 1
        for verdict in digest.verdicts:
            counts = self.per_principle.get(verdict.code)
            if counts is None:  # (``setdefault`` would make a Counter for every verdict)
                counts = self.per_principle[verdict.code] = Counter()
                self.titles[verdict.code] = verdict.title
            counts[verdict.status.value] += 1
        self.recommended[digest.recommended or ""] += 1
        self.current[digest.current or ""] += 1
        score = attention_score(digest)
        if score <= 0:
            return
        entry = Attention(
            score=score, order=order, source=digest.source, case_id=digest.case_id,
            title=digest.title, worst=digest.worst,
            violated=tuple(v.code for v in digest.verdicts if v.status is Status.VIOLATED),
            at_risk=tuple(v.code for v in digest.verdicts if v.status is Status.AT_RISK))
        item = (score, -order, entry)
        if len(self._heap) < ATTENTION_SIZE:
            heapq.heappush(self._heap, item)
        elif item[:2] > self._heap[0][:2]:
            heapq.heapreplace(self._heap, item)

    def skip(self, source: str, issues: tuple[Issue, ...]) -> None:
        """Record an input that could not be evaluated (it stays visible in the summary)."""
        self.skipped.append((source, issues))

    def attention(self) -> list[Attention]:
        """The relationships that need attention first, most urgent first."""
        return [entry for _, _, entry in sorted(self._heap, key=lambda i: (-i[0], -i[1]))]

    def to_dict(self, lang: str) -> dict[str, Any]:
        """The summary as a JSON-ready mapping, texts in one language."""
        return {
            "kind": "portfolio_summary",
            "lang": lang,
            "cases": self.cases,
            "skipped": len(self.skipped),
            "per_principle": {
                code: {
                    "title": self.titles[code].get(lang),
                    "counts": {s.value: self.per_principle[code].get(s.value, 0)
                               for s in STATUS_ORDER},
                }
                for code in sorted(self.per_principle)
            },
            "attention": [
                {"case_id": a.case_id, "title": a.title, "source": a.source, "score": a.score,
                 "worst_severity": a.worst.value, "violated": list(a.violated),
                 "at_risk": list(a.at_risk)}
                for a in self.attention()
            ],
            "recommended_models": _counts(self.recommended),
            "current_models": _counts(self.current),
            "skipped_inputs": [
                {"source": source, "issues": [i.render(lang) for i in issues]}
                for source, issues in self.skipped
            ],
        }


def _counts(counter: Counter[str]) -> dict[str, int]:
    """Counts sorted by frequency, then name; the empty key means 'none'."""
    return {(k or "none"): n for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))}

