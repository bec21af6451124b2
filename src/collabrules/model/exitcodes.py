"""Exit codes: what a run's reports mean for the calling process (CLI and batch workers).

0 nothing at or above ``fail_on``; 1 a violated or at-risk finding at or above it (an
active waiver exempts a finding); 2 bad input or usage; 3 an internal or plugin error.
The highest that applies wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a run's reports are judged, not at start-up
    from collections.abc import Sequence

    from .finding import Finding
    from .report import Report

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def exit_code(reports: Sequence[Report], bad_input: bool, fail_on: str) -> int:
    """The exit code for these reports; ``fail_on`` is a severity name or ``never``."""
    from .vocab import Status

    if any(r.problems for r in reports) or any(
            f.status is Status.ERROR for r in reports for f in r.findings):
        return EXIT_INTERNAL
    if bad_input:
        return EXIT_INPUT
    if fail_on == "never":
        return EXIT_OK
    if any(fails(finding, fail_on) for report in reports for finding in report.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def fails(finding: Finding, fail_on: str) -> bool:
    """Whether a finding makes the run fail: violated or at risk, at or above ``fail_on``,
    and not exempted by an active waiver."""
    if fail_on == "never":
        return False
    from .vocab import Severity, Status

    if finding.waiver is not None and getattr(finding.waiver, "active", True):
        return False
    return finding.status in (Status.VIOLATED, Status.AT_RISK) and \
        finding.severity.rank >= Severity(fail_on).rank
