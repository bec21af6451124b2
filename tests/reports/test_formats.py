"""Each format renders each worked scenario, in both languages, byte for byte as approved."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

import collabrules
from collabrules.model.vocab import Status
from collabrules.pipeline.schemas import load_schema
from collabrules.render.choose import Render
from collabrules.render.html import render_html
from collabrules.render.markdown import render_markdown
from collabrules.render.text import render_text

from .helpers import LANGS, ROOT, SCENARIOS, check_golden, run_cli_here

SUFFIX = {"text": "txt", "json": "json", "markdown": "md", "html": "html"}


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # report.source is the relative path, as in the CLI examples


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_golden(fmt: str, scenario: str, lang: str) -> None:
    engine = collabrules.default_engine()
    report = engine.evaluate(f"examples/{scenario}.yaml")
    output = Render(fmt, lang, width=88, indent=2)(report, engine.taxonomy)
    check_golden(f"{scenario}.{lang}.{SUFFIX[fmt]}", output)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_cli_matches_api(scenario: str) -> None:
    engine = collabrules.default_engine()
    report = engine.evaluate(f"examples/{scenario}.yaml")
    for fmt in ("markdown", "html", "json"):
        result = run_cli_here("evaluate", f"examples/{scenario}.yaml", "--format", fmt,
                              "--lang", "nl", "--fail-on", "never")
        assert result.returncode == 0, result.stderr
        assert result.stdout == Render(fmt, "nl", indent=2)(report, engine.taxonomy)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_format_shows_every_finding(scenario: str, lang: str) -> None:
    report = collabrules.evaluate(f"examples/{scenario}.yaml")
    text = render_text(report, lang)
    markdown = render_markdown(report, lang)
    html = render_html(report, lang)
    document = json.loads(collabrules.report_to_json(report, lang))
    jsonschema.Draft202012Validator(load_schema("report")).validate(document)
    for finding in report.findings:
        status = finding.status.label.get(lang)
        assert f"{finding.code} {finding.title.get(lang)}" in text
        assert status.upper() in text
        assert f"### {finding.code} {finding.title.get(lang)}: {status}" in markdown
        assert f'id="{finding.code}"' in html and f"status-{finding.status.value}" in html
        for condition in finding.conditions:
            assert condition.text.get(lang) in markdown
    assert report.summary.headline.get(lang) in markdown


def test_bespoke_software_puts_reciprocity_at_risk_in_every_format() -> None:
    report = collabrules.evaluate("examples/bespoke-software.yaml")
    assert report.finding("CR01").status is Status.AT_RISK  # only our own benefit is stated
    assert "in gevaar" in render_markdown(report, "nl")
    assert 'class="cell status-at_risk"' in render_html(report, "en")


def test_html_is_self_contained_and_escaped(tmp_path: Path) -> None:
    case = collabrules.load_case("examples/office-cleaning.yaml")
    data = json.loads(json.dumps(collabrules.report_to_dict(collabrules.evaluate(case))))
    assert data["findings"]
    raw = (ROOT / "examples/office-cleaning.yaml").read_text(encoding="utf-8")
    evil = raw.replace("title: ", "title: <script>alert(1)</script> ", 1)
    tmp = tmp_path / "evil.yaml"
    tmp.write_text(evil, encoding="utf-8")
    html = render_html(collabrules.evaluate(tmp), "en")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "<script" not in html and "@media print" in html
    assert html.count("<svg") == 2  # the verdict chart and the model chart


def test_text_wraps_to_width() -> None:
    report = collabrules.evaluate("examples/bespoke-software.yaml")
    for width in (60, 88):
        lines = render_text(report, "en", width=width).splitlines()
        assert max(len(line) for line in lines) <= width
