"""Perceptions in reports and the ``collabrules survey`` command, run for real.

Golden reports (every format, en and nl) of the bespoke-software example with both
parties' answers; the JSON report validates with its perception summary; the HTML chart
per theme is accessible and renders in headless Chromium; the survey writes the
questionnaire and a template, and merges returned answers with located errors.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

import collabrules
from collabrules.io.serialize import report_to_dict
from collabrules.pipeline.schemas import load_schema
from collabrules.render.html import render_html

from .helpers import LANGS, ROOT, check_golden, run_cli, run_cli_here
from .test_browser import _chromium, _run, console_errors

SCENARIO = "bespoke-software-perceptions"
EXAMPLE = ROOT / "examples" / f"{SCENARIO}.yaml"
SUFFIX = {"text": "txt", "json": "json", "markdown": "md", "html": "html"}


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # report.source is the relative path, as in the CLI examples


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_golden(fmt: str, lang: str) -> None:
    result = run_cli_here("evaluate", f"examples/{SCENARIO}.yaml", "--format", fmt,
                          "--lang", lang, "--fail-on", "never", env={"NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    check_golden(f"{SCENARIO}.{lang}.{SUFFIX[fmt]}", result.stdout)


def test_text_and_markdown_show_the_largest_gaps_in_both_languages() -> None:
    report = collabrules.default_engine().evaluate(EXAMPLE)
    for fmt in ("text", "markdown"):
        en = collabrules.render(report, fmt, "en")
        nl = collabrules.render(report, fmt, "nl")
        assert "Largest perception gaps" in en
        assert "Fairness of the contract: Codeworks rates itself 1, Harbour Logistics " \
               "rates" in en.replace("\n  ", " ").replace("\n", " ")
        assert "Grootste verschillen in percepties" in nl and "punten verschil" in nl


def _appendix(text: str) -> str:
    """The evidence appendix of a text report, its wrapped lines joined."""
    return " ".join(line.strip() for line in text.split("\n\n")[-1].splitlines())


def test_the_evidence_appendix_sums_up_perception_signals_and_the_json_keeps_them() -> None:
    report = collabrules.default_engine().evaluate(EXAMPLE)
    en = _appendix(collabrules.render(report, "text", "en"))
    nl = _appendix(collabrules.render(report, "text", "nl"))
    assert "perception_gaps = 16 pairs of views, 3 of them 2 points or more apart: " \
           "contract_fairness: developer 1 / customer 4; trust: customer 4 / developer 1.5; " \
           "openness: customer 4 / developer 2 (the JSON report lists them all)" in en
    assert "perception_asymmetries = 8 pairs of views, 3 of them 2 points or more apart" in en
    assert "perception_scores = 16 theme scores, 7 of them 2 or lower (disagreement): " \
           "developer, contract_fairness: 1 about itself;" in en
    assert "perception_gaps = 16 paren oordelen, waarvan 3 met 2 punten of meer verschil" in nl
    for appendix in (en, nl):
        assert "own_view" not in appendix and "party_about_other" not in appendix
    markdown = collabrules.render(report, "markdown", "en")
    assert "own_view" not in markdown and "16 pairs of views, 3 of them" in markdown
    data = report_to_dict(report)
    signals = {s["name"]: s["value"] for f in data["findings"] for c in f["conditions"]
               for s in c["signals"]}
    assert len(signals["perception_gaps"]) == 16
    assert {"theme", "party", "seen_by", "own_view", "other_view"} <= set(
        signals["perception_gaps"][0])


def test_the_json_report_carries_the_perception_summary_and_validates() -> None:
    report = collabrules.default_engine().evaluate(EXAMPLE)
    data = report_to_dict(report, "nl")
    jsonschema.validate(data, load_schema("report"))
    [pair] = data["perceptions"]
    assert (pair["us"], pair["them"]) == ("customer", "developer")
    trust = next(t for t in pair["themes"] if t["theme"] == "trust")
    assert trust == {"theme": "trust", "title": "Vertrouwen", "us_about_us": 4.0,
                     "us_about_them": 4.0, "them_about_them": 4.5, "them_about_us": 1.5}
    assert pair["largest_gaps"][0]["size"] == 3.0
    assert [r["name"] for r in pair["respondents"]] == ["Marit Jansen", "Sander Bakker"]


def test_the_html_chart_per_theme_is_accessible_and_self_contained() -> None:
    report = collabrules.default_engine().evaluate(EXAMPLE)
    page = render_html(report, "en")
    charts = re.findall(r'<svg class="chart perception-chart".*?</svg>', page, re.S)
    assert len(charts) == 8  # one per theme the parties answered
    for chart in charts:
        labelled = re.search(r'aria-labelledby="([^" ]+) ([^"]+)"', chart)
        assert labelled is not None
        assert f'<title id="{labelled[1]}">' in chart and f'<desc id="{labelled[2]}">' in chart
        assert "http" not in chart.replace('xmlns="http://www.w3.org/2000/svg"', "")
    trust = next(c for c in charts if "<title id" in c and ">Trust</title>" in c)
    assert "Codeworks about Harbour Logistics 1.5" in trust
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))


@pytest.mark.browser
def test_the_perception_charts_render_in_chromium(tmp_path: Path) -> None:
    browser = _chromium()
    report = collabrules.default_engine().evaluate(EXAMPLE)
    page = tmp_path / "perceptions.html"
    page.write_text(render_html(report, "nl"), encoding="utf-8")
    dom = _run(browser, page, tmp_path, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert console_errors(dom.stderr) == []
    assert dom.stdout.count('<svg class="chart perception-chart"') == 8
    assert "Codeworks over Harbour Logistics" in dom.stdout


def test_survey_writes_the_questionnaire_for_a_party(tmp_path: Path) -> None:
    result = run_cli("survey", "examples/bespoke-software.yaml", "--party", "developer",
                     "--lang", "nl")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Vragenlijst over percepties: Bespoke claims-handling")
    assert "Voor Codeworks" in result.stdout and 'over Harbour Logistics ("zij")' in result.stdout
    assert "| Zij komen hun toezeggingen aan ons na, ook als dat hen iets kost." in result.stdout
    out = tmp_path / "q.html"
    result = run_cli("survey", "examples/bespoke-software.yaml", "--party", "Harbour Logistics",
                     "--format", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    html = out.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'name="keeps_commitments.them"' in html
    assert "For Harbour Logistics" in html and "http" not in html.replace(
        "<!DOCTYPE html>", "")


def test_survey_names_an_unknown_party() -> None:
    result = run_cli_here("survey", "examples/bespoke-software.yaml", "--party", "nobody")
    assert result.returncode == 2
    assert "no party 'nobody'" in result.stderr and "customer, developer" in result.stderr
    assert "Traceback" not in result.stderr


def _filled(template: str) -> str:
    data = yaml.safe_load(template)
    developer = data["parties"]["developer"]
    developer["respondent"] = {"name": "Sander Bakker", "role": "account manager"}
    developer["date"] = "2026-11-18"
    for answer in developer["answers"]:
        answer["us"], answer["them"] = 4, 2
    return yaml.safe_dump(data, sort_keys=False)


def test_survey_template_and_merge_round_trip(tmp_path: Path) -> None:
    template = run_cli_here("survey", "examples/bespoke-software.yaml", "--template")
    assert template.returncode == 0, template.stderr
    assert "parties:\n  customer:" in template.stdout
    answers = tmp_path / "answers.yaml"
    answers.write_text(_filled(template.stdout), encoding="utf-8")
    merged = tmp_path / "case.yaml"
    result = run_cli_here("survey", "examples/bespoke-software.yaml", "--merge", str(answers),
                          "-o", str(merged))
    assert result.returncode == 0, result.stderr
    case = yaml.safe_load(merged.read_text("utf-8"))
    assert case["schema_version"] == "1.2"
    assert "perceptions" not in case["parties"][0]  # the customer has not answered yet
    perceptions = case["parties"][1]["perceptions"]
    assert perceptions["respondent"]["name"] == "Sander Bakker"
    assert perceptions["date"] == "2026-11-18" and perceptions["questionnaire_version"] == "1"
    assert len(perceptions["answers"]) == 10
    assert list(case) == list(yaml.safe_load(
        (ROOT / "examples" / "bespoke-software.yaml").read_text("utf-8")))  # order kept
    evaluated = run_cli_here("evaluate", str(merged), "--format", "json", "--fail-on", "never")
    assert evaluated.returncode == 0, evaluated.stderr
    assert json.loads(evaluated.stdout)["case"]["id"] == "bespoke-software"


@pytest.mark.parametrize("lang", LANGS)
def test_survey_merge_reports_each_problem_where_it_is(tmp_path: Path, lang: str) -> None:
    template = run_cli_here("survey", "examples/bespoke-software.yaml", "--template").stdout
    data = yaml.safe_load(_filled(template))
    developer = data["parties"]["developer"]
    developer["date"] = "18-11-2026"
    developer["answers"][2]["statement"] = "contract_fiar"
    developer["answers"][3]["us"] = 7
    data["parties"]["supplier"] = data["parties"].pop("customer")
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    out = tmp_path / "case.yaml"
    result = run_cli_here("survey", "examples/bespoke-software.yaml", "--merge", str(answers),
                          "-o", str(out), "--lang", lang)
    assert result.returncode == 2 and not out.exists()
    lines = result.stderr.splitlines()
    assert any("$.parties.developer.date" in line for line in lines)
    assert any("$.parties.developer.answers[2].statement" in line and "contract_fair" in line
               for line in lines)
    assert any("$.parties.developer.answers[3].us" in line and "7" in line for line in lines)
    assert any("$.parties.supplier" in line for line in lines)
    assert all(re.match(r".*answers\.yaml:\d+: ", line) for line in lines if "$." in line)
    word = {"en": "not in the questionnaire", "nl": "staat niet in de vragenlijst"}[lang]
    assert word in result.stderr and "Traceback" not in result.stderr


def test_survey_wants_exactly_one_action() -> None:
    result = run_cli_here("survey", "examples/bespoke-software.yaml", "--template", "--party", "x")
    assert result.returncode == 2 and "exactly one" in result.stderr
