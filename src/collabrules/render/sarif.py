"""Reports as one SARIF 2.1.0 log, for code-scanning and code-review tools.

Principles are the rules (``tool.driver.rules``, texts in the chosen language); each
violated, at-risk or undetermined finding is a result located at the case-file line of
the fact that decided it. Violated and at-risk findings are ``kind: fail`` with a level
from their severity; undetermined ones are ``kind: open`` (the case lacks the facts) with
level ``none``; upheld and not-applicable findings are left out. A waived finding carries
an external suppression with the waiver's reason.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .._version import __version__
from ..model.finding import Finding
from ..model.principle import Principle
from ..model.report import Report
from ..model.vocab import Severity, Status
from .locate import locate

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning",
          Severity.LOW: "warning", Severity.INFO: "note", Severity.NONE: "note"}
REPORTED = (Status.VIOLATED, Status.AT_RISK, Status.UNDETERMINED)


def level(severity: Severity) -> str:
    """The SARIF level of a finding's severity."""
    return LEVELS[severity]


def render_sarif(reports: Sequence[Report], lang: str = "en", *,
                 principles: Sequence[Principle] = ()) -> str:
    """The reports as one SARIF log (one run); ``principles`` give the rules' full texts."""
    return json.dumps(sarif_log(reports, lang, principles=principles), ensure_ascii=False,
                      indent=2) + "\n"


def sarif_log(reports: Sequence[Report], lang: str = "en", *,
              principles: Sequence[Principle] = ()) -> dict[str, Any]:
    """The SARIF log as plain data."""
    rules: dict[str, dict[str, Any]] = {}
    for principle in principles:
        rules[principle.code] = _rule(principle, lang)
    for report in reports:
        for finding in report.findings:
            rules.setdefault(finding.code, _rule_of_finding(finding, lang))
    index = {code: i for i, code in enumerate(rules)}
    results = [_result(report, finding, index[finding.code], lang)
               for report in reports for finding in report.findings
               if finding.status in REPORTED]
    errors = [{"level": "error", "message": {"text": f.rationale.get(lang)},
               "associatedRule": {"id": f.code, "index": index[f.code]}}
              for report in reports for f in report.findings if f.status is Status.ERROR]
    errors += [{"level": "error", "message": {"text": p.message.get(lang)}}
               for report in reports for p in report.problems]
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = errors
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "collabrules", "version": __version__,
                                "semanticVersion": __version__, "language": lang,
                                "rules": list(rules.values())}},
            "invocations": [invocation],
            "language": lang,
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def _rule(principle: Principle, lang: str) -> dict[str, Any]:
    return {
        "id": principle.code,
        "name": principle.slug,
        "shortDescription": {"text": principle.title.get(lang)},
        "fullDescription": {"text": principle.statement.get(lang)},
        "help": {"text": principle.checks.get(lang)},
        "defaultConfiguration": {"level": level(principle.severity)},
        "properties": {"theme": principle.theme.get(lang), "source": principle.source,
                       "severity": principle.severity.value},
    }


def _rule_of_finding(finding: Finding, lang: str) -> dict[str, Any]:
    return {"id": finding.code, "name": finding.slug,
            "shortDescription": {"text": finding.title.get(lang)}}


def _result(report: Report, finding: Finding, rule_index: int, lang: str) -> dict[str, Any]:
    text = "\n".join([finding.rationale.get(lang), *(f"- {a.get(lang)}" for a in
                                                     finding.actions)])
    fail = finding.status is not Status.UNDETERMINED
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "kind": "fail" if fail else "open",
        "level": level(finding.severity) if fail else "none",
        "message": {"text": text},
        "partialFingerprints": {"collabrulesFinding/v1": _fingerprint(report, finding)},
        "properties": {"status": finding.status.value, "severity": finding.severity.value,
                       "case": report.case_id, "missing": list(finding.missing)},
    }
    where = locate(report.source, finding)
    if where is not None:
        physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(where.file)}}
        if where.line is not None:
            physical["region"] = {"startLine": where.line}
        result["locations"] = [{
            "physicalLocation": physical,
            "logicalLocations": [{"fullyQualifiedName": where.path, "kind": "member"}],
        }]
    waiver = finding.waiver
    if waiver is not None and getattr(waiver, "active", True):
        result["suppressions"] = [{"kind": "external", "status": "accepted",
                                   "justification": str(getattr(waiver, "reason", ""))}]
    return result


def _fingerprint(report: Report, finding: Finding) -> str:
    key = f"{report.case_id or report.source}\0{finding.code}\0{finding.status.value}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _uri(file: str) -> str:
    path = Path(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix())
