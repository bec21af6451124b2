"""The summary of a report: counts per status, the worst severity, a headline."""

from __future__ import annotations

from collections.abc import Iterable

from .finding import Finding
from .models import ModelRecommendation
from .report import Summary
from .text import Text, join
from .verdict import STATUS_ORDER
from .vocab import Severity

_SEVERITIES = list(Severity)
_NONE = Text("no principles were assessed", "er zijn geen principes beoordeeld")
_MODEL = Text("recommended model: {model}", "aanbevolen model: {model}")


def summarise(findings: Iterable[Finding], recommendation: ModelRecommendation | None) -> Summary:
    """Count the findings per status and say the result in one line."""
    counts = dict.fromkeys(STATUS_ORDER, 0)
    worst = Severity.NONE
    for finding in findings:
        counts[finding.status] += 1
        if _SEVERITIES.index(finding.severity) > _SEVERITIES.index(worst):
            worst = finding.severity
    parts = [Text(f"{n} ", f"{n} ") + status.label for status, n in counts.items() if n]
    headline = join(parts, ", ") if parts else _NONE
    if recommendation is not None:
        headline = headline + Text("; ", "; ") + _MODEL.format(model=recommendation.name)
    return Summary(counts=tuple(counts.items()), worst=worst, headline=headline)
