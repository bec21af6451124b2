"""Reports as GitHub Actions workflow commands: one annotation per finding that needs work.

A finding that makes the run fail (``--fail-on``) is an ``error``, another violated or
at-risk finding a ``warning``, an undetermined or waived one a ``notice``; each is placed
at the case-file line of the fact that decided it.
"""

from __future__ import annotations

from ..model.exitcodes import fails
from ..model.report import Report
from ..model.vocab import Status
from .locate import locate


def render_github(report: Report, lang: str = "en", *, fail_on: str = "high") -> str:
    """The annotations for one report, one workflow command per line."""
    out = []
    for finding in report.findings:
        if finding.status not in (Status.VIOLATED, Status.AT_RISK, Status.UNDETERMINED,
                                  Status.ERROR):
            continue
        waived = finding.waiver is not None and getattr(finding.waiver, "active", True)
        if finding.status is Status.ERROR or fails(finding, fail_on):
            command = "error"
        elif finding.status is Status.UNDETERMINED or waived:
            command = "notice"
        else:
            command = "warning"
        title = f"{finding.code} {finding.title.get(lang)} ({finding.status.label.get(lang)})"
        properties = [f"title={_property(title)}"]
        where = locate(report.source, finding)
        if where is not None:
            properties.insert(0, f"file={_property(where.file)}")
            if where.line is not None:
                properties.insert(1, f"line={where.line}")
        message = "\n".join([finding.rationale.get(lang),
                             *(f"- {a.get(lang)}" for a in finding.actions)])
        out.append(f"::{command} {','.join(properties)}::{_data(message)}\n")
    return "".join(out)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
