"""Verdicts: a finding reduced to what portfolio summaries and trends compare, and the one
order in which statuses are counted and shown (worst first)."""

from __future__ import annotations

import attrs

from .finding import Finding
from .records import shared_repr
from .text import Text
from .vocab import Severity, Status

STATUS_ORDER = (Status.VIOLATED, Status.AT_RISK, Status.ERROR, Status.UNDETERMINED,
                Status.UPHELD, Status.NOT_APPLICABLE)
"""Statuses worst first: the order of summary counts, portfolio tables and charts."""


@attrs.frozen(kw_only=True)
@shared_repr
class Verdict:
    """One principle's verdict on one case: code, title, status, severity, waived or not."""

    code: str
    title: Text
    status: Status
    severity: Severity
    waived: bool = False

    @classmethod
    def of(cls, finding: Finding) -> Verdict:
        """The verdict of a finding (waived while its waiver is active)."""
        waiver = finding.waiver
        return cls(code=finding.code, title=finding.title, status=finding.status,
                   severity=finding.severity,
                   waived=waiver is not None and bool(getattr(waiver, "active", True)))
