"""Reports and fixture runs as JUnit XML, for CI test-result viewers.

``evaluate``: one ``testsuite`` per case, one ``testcase`` per principle. A finding that
makes the run fail (violated or at risk at or above ``--fail-on``, not waived) is a
``failure``; undetermined and not-applicable findings are ``skipped`` with the reason (the
facts to find out); a principle that crashed is an ``error``; everything else passes, its
rationale in ``system-out``. ``collabrules test``: one ``testcase`` per fixture, a
mismatch a ``failure`` and an invalid fixture case an ``error``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ..authoring.testrun import Outcome
from ..model.exitcodes import fails
from ..model.report import Report
from ..model.vocab import Status

# Characters XML 1.0 cannot hold at all (a case title may contain them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_junit(reports: Sequence[Report], lang: str = "en", *, fail_on: str = "high") -> str:
    """The reports as one ``testsuites`` document."""
    root = ET.Element("testsuites", name="collabrules evaluate")
    for report in reports:
        name = report.title or report.case_id or report.source or "case"
        suite = ET.SubElement(root, "testsuite", name=name)
        if report.source:
            suite.set("file", report.source)
        classname = f"collabrules.{report.case_id or report.source or 'case'}"
        for finding in report.findings:
            case = ET.SubElement(suite, "testcase", classname=classname,
                                 name=f"{finding.code} {finding.title.get(lang)}", time="0")
            status = f"{finding.status.label.get(lang)} ({finding.severity.value})"
            rationale = finding.rationale.get(lang)
            if finding.status is Status.ERROR:
                _child(case, "error", status, rationale)
            elif fails(finding, fail_on):
                _child(case, "failure", status, rationale, kind=finding.status.value)
            elif finding.status in (Status.UNDETERMINED, Status.NOT_APPLICABLE):
                reason = ", ".join(finding.missing)
                _child(case, "skipped", f"{status}: {reason}" if reason else status, None)
            else:
                ET.SubElement(case, "system-out").text = f"{status}: {rationale}"
        _count(suite)
    _count(root)
    return _document(root)


def render_junit_fixtures(outcome: Outcome, lang: str = "en") -> str:
    """A ``collabrules test`` run as one ``testsuites`` document, a suite per fixture file."""
    root = ET.Element("testsuites", name="collabrules test")
    suites: dict[str, ET.Element] = {}
    for result in outcome.results:
        fixture = result.fixture
        file = str(fixture.file)
        suite = suites.get(file)
        if suite is None:
            suite = suites[file] = ET.SubElement(root, "testsuite", name=file, file=file)
        case = ET.SubElement(suite, "testcase", classname=f"{file}:{fixture.path}",
                             name=str(fixture.name), time="0")
        if result.error is not None:
            text = "\n".join(issue.render(lang) for issue in result.error.issues)
            _child(case, "error", text.splitlines()[0] if text else "", text)
            continue
        wrong = [c for c in result.checks if not c.ok]
        if wrong:
            lines = [f"{c.code}: {c.expected.value} -> {c.got.value if c.got else '-'}"
                     for c in wrong]
            _child(case, "failure", "; ".join(lines), "\n".join(lines), kind="mismatch")
    for suite in suites.values():
        _count(suite)
    _count(root)
    return _document(root)


def _child(case: ET.Element, tag: str, message: str, text: str | None, *,
           kind: str | None = None) -> None:
    element = ET.SubElement(case, tag, message=message)
    if kind is not None:
        element.set("type", kind)
    if text:
        element.text = text


def _count(element: ET.Element) -> None:
    cases = list(element.iter("testcase"))
    element.set("tests", str(len(cases)))
    for tag, attribute in (("failure", "failures"), ("error", "errors"),
                           ("skipped", "skipped")):
        element.set(attribute, str(sum(case.find(tag) is not None for case in cases)))
    element.set("time", "0")


def _document(root: ET.Element) -> str:
    for element in root.iter():
        for key, value in element.attrib.items():
            element.set(key, _NOT_XML.sub("\ufffd", value))
        if element.text:
            element.text = _NOT_XML.sub("\ufffd", element.text)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") \
        + "\n"
