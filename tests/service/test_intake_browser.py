"""The web intake in headless Chromium (Debian's, driven by Playwright): fill the form for
the office cleaning scenario, submit, check the verdicts, download the case and validate
it, upload a case file, add perception scores and see the perception chart; no console
errors; no serious accessibility violations (axe-core).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import collabrules
from collabrules.authoring.intake import QUESTIONS, build_case

from .live import OFFICE, Server

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# The office cleaning scenario (examples/office-cleaning.yaml) as intake answers.
ANSWERS: dict[str, str] = {
    "id": "office-cleaning", "title": "Office cleaning for the head office",
    "perspective": "customer",
    "us.name": "Northwind Insurance", "us.size": "large", "us.reach": "national",
    "us.attitude": "cooperative", "us.power": "high", "us.replaceability": "moderate",
    "us.benefit": "positive", "us.capabilities_offered": "steady payment, building access",
    "us.capabilities_needed": "cleaning", "us.goal.topic": "price",
    "us.goal.direction": "minimise", "us.goal.disclosed": "yes",
    "them.name": "Sparkle Facility Services", "them.size": "medium",
    "them.reach": "regional", "them.attitude": "cooperative", "them.power": "medium",
    "them.replaceability": "easy", "them.benefit": "positive",
    "them.capabilities_offered": "cleaning, trained staff",
    "them.capabilities_needed": "steady payment", "them.goal.topic": "margin",
    "them.goal.direction": "maximise", "them.goal.disclosed": "no",
    "delivery.kind": "service", "delivery.standardisation": "standard",
    "delivery.complexity": "low", "delivery.risk": "low", "delivery.uncertainty": "low",
    "delivery.strategic_importance": "low", "relationship.model": "transactional",
    "relationship.label": "service contract", "relationship.posture": "businesslike",
    "relationship.trust": "medium", "relationship.phase": "operating",
    "relationship.safeguards.price_guarantee": "yes",
    "relationship.safeguards.time_guarantee": "yes",
    "relationship.safeguards.quality_guarantee": "yes",
    "relationship.governance.mixed_teams": "no",
    "relationship.governance.knowledge_sharing": "no",
    "relationship.governance.joint_steering": "no",
    "relationship.development.structured_process": "yes",
    "relationship.development.planned_months": "2",
    "relationship.development.done_at_signing": "no",
}


def _chromium() -> str:
    debian = Path("/usr/bin/chromium")
    found = str(debian) if debian.exists() else shutil.which("chromium")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed (scripts/test.sh installs it as root)")
    pytest.skip("chromium is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, through Playwright (never a downloaded browser)."""
    executable = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("playwright is not installed (it is in the test extra)")
        pytest.skip("playwright is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        yield launched
        launched.close()


class Console:
    """Console errors and uncaught exceptions of a page."""

    def __init__(self, page: Any) -> None:
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))


def _serious(page: Any) -> list[str]:
    """Serious or critical axe-core violations of the intake page.

    The embedded report is left out: its markup and colours are the HTML renderer's
    (``render/html.py``), checked with the report itself; this checks the intake.
    """
    from axe_playwright_python.sync_playwright import Axe

    response = Axe().run(page, context={"exclude": [["#report"]]}).response
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            f"{[n['target'] for n in v['nodes']][:3]}"
            for v in response["violations"] if v["impact"] in ("serious", "critical")]


def _expected() -> dict[str, str]:
    from collabrules.service.intake_page import parse_answers

    parsed, issues = parse_answers(dict(ANSWERS))
    assert not issues
    report = collabrules.evaluate(build_case(parsed))
    return {f.code: f.status.label.get("en") for f in report.findings}


def _fill(page: Any) -> None:
    for key, value in ANSWERS.items():
        field = page.locator(f'[name="{key}"]')
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)


def test_form_to_report_and_downloads(server: Server, browser: Any, tmp_path: Path) -> None:
    context = browser.new_context(accept_downloads=True, locale="en-GB")
    page = context.new_page()
    console = Console(page)
    page.goto(server.url + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("label").count() >= len(QUESTIONS)
    assert not _serious(page)

    # Keyboard: the first question is reachable with Tab.
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "id":
            break
    assert page.evaluate("document.activeElement.name") == "id"

    # Validation as the user types, from the same rules as the schema.
    page.keyboard.type("not an id!")
    error = page.locator("#q-id-error")
    assert "not a valid identifier" in error.inner_text()
    assert page.locator("#q-id").get_attribute("aria-invalid") == "true"
    # A follow-up question opens only once its lead question is answered.
    assert page.locator('[name="us.goal.direction"]').is_disabled()

    _fill(page)
    assert error.inner_text() == ""
    assert page.locator('[name="us.goal.direction"]').is_enabled()
    page.locator("#intake button[type=submit]").focus()
    page.keyboard.press("Enter")
    page.locator("#result").wait_for(state="visible", timeout=60_000)
    report = page.locator("#report")
    report.locator(".finding").first.wait_for(timeout=60_000)
    for code, label in _expected().items():
        finding = report.locator(f"[id='{code}']")
        assert label in finding.inner_text(), (code, label)
    assert not _serious(page)

    with page.expect_download() as caught:
        page.get_by_role("button", name="Case (YAML)").click()
    saved = tmp_path / caught.value.suggested_filename
    caught.value.save_as(saved)
    assert saved.name == "office-cleaning.yaml"
    case = collabrules.load_case(saved)  # raises when the downloaded case is invalid
    assert case.id == "office-cleaning"

    with page.expect_download() as caught:
        page.get_by_role("button", name="Report (JSON)").click()
    report_file = tmp_path / "report.json"
    caught.value.save_as(report_file)
    import json

    statuses = {f["code"]: f["status"] for f in json.loads(report_file.read_text())["findings"]}
    assert len(statuses) == len(_expected())
    for name, suffix in (("Report (HTML)", ".html"), ("Report (Markdown)", ".md")):
        with page.expect_download() as caught:
            page.get_by_role("button", name=name).click()
        assert caught.value.suggested_filename.endswith(suffix)
    assert console.errors == []
    context.close()


def test_upload_shows_the_report_in_dutch(server: Server, browser: Any) -> None:
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    console = Console(page)
    page.goto(server.url + "/?lang=nl")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "Relatie-intake" in page.locator("h1").inner_text()
    assert page.locator("#perceptions summary").inner_text() == "Percepties (optioneel)"
    page.locator("#case-file").set_input_files(str(OFFICE))
    page.get_by_role("button", name="Toon het rapport").click()
    report = page.locator("#report")
    report.locator(".finding").first.wait_for(timeout=60_000)
    text = page.evaluate("document.getElementById('report').shadowRoot.textContent")
    assert "Office cleaning for the head office" in text
    assert "Bevindingen" in text or "Samenvatting" in text
    assert not _serious(page)
    assert console.errors == []
    context.close()


def test_wrong_answers_are_marked_at_their_question(server: Server, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url + "/?lang=en")
    page.locator('[name="id"]').fill("case-1")
    page.locator('[name="perspective"]').select_option("customer")
    page.locator('[name="us.name"]').fill("Us")
    page.locator('[name="them.name"]').fill("Them")
    page.locator('[name="relationship.development.planned_months"]').fill("soon")
    page.locator("#intake button[type=submit]").click()
    months = page.locator("#q-relationship-development-planned-months-error")
    assert "is not a number" in months.inner_text()
    assert page.evaluate("document.activeElement.name") == \
        "relationship.development.planned_months"
    assert page.locator("#result").is_hidden()
    context.close()


def test_interactive_api_page_works_offline(server: Server, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    console = Console(page)
    elsewhere: list[str] = []
    page.on("request", lambda r: elsewhere.append(r.url)
            if not r.url.startswith((server.url, "data:", "blob:")) else None)
    page.goto(server.url + "/docs")
    page.get_by_text("/v1/evaluate/batch").first.wait_for(timeout=60_000)
    assert elsewhere == []
    assert console.errors == []
    context.close()


def test_perception_scores_reach_the_report(server: Server, browser: Any,
                                            tmp_path: Path) -> None:
    context = browser.new_context(accept_downloads=True, locale="en-GB")
    page = context.new_page()
    console = Console(page)
    page.goto(server.url + "/")
    _fill(page)
    page.locator("#perceptions summary").click()
    assert not _serious(page)
    step = page.locator("#perceptions [data-side=us]")
    step.get_by_label("Answered by (name)").fill("Ada Vos")
    step.get_by_label("Date answered").fill("2026-11-30")
    # Keyboard: a score is chosen from its labelled select with the arrow keys.
    score = page.locator("#p-us-contract_fair-them")
    score.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert score.input_value() == "2"
    # The chart compares both sides: the other party's answers too.
    for control, value in (("us-contract_fair-us", "5"), ("us-keeps_commitments-them", "1"),
                           ("them-contract_fair-us", "2"), ("them-contract_fair-them", "4")):
        page.locator(f"#p-{control}").select_option(value)
    other = page.locator("#perceptions [data-side=them]")
    other.get_by_label("Role").fill("account manager")
    other.get_by_label("Date answered").fill("2026-11-29")
    # Scores without who answered: the merge's located problem is shown, nothing evaluated.
    page.locator("#intake button[type=submit]").click()
    status = page.locator("#form-status")
    status.get_by_text("who answered is missing").wait_for(timeout=60_000)
    assert "$.answers.parties.supplier.respondent.name" in status.inner_text()
    assert page.locator("#result").is_hidden()
    other.get_by_label("Answered by (name)").fill("Bo de Wit")
    page.locator("#intake button[type=submit]").click()
    report = page.locator("#report")
    report.locator(".finding").first.wait_for(timeout=60_000)
    assert report.locator("svg.perception-chart").count() >= 1
    with page.expect_download() as caught:
        page.get_by_role("button", name="Case (YAML)").click()
    saved = tmp_path / "case.yaml"
    caught.value.save_as(saved)
    case = collabrules.load_case(saved)
    assert case.id == "office-cleaning"
    import yaml

    data = yaml.safe_load(saved.read_text(encoding="utf-8"))
    perceptions = data["parties"][0]["perceptions"]
    assert perceptions["respondent"] == {"name": "Ada Vos"}
    assert perceptions["answers"] == [{"statement": "contract_fair", "us": 5, "them": 2},
                                      {"statement": "keeps_commitments", "them": 1}]
    assert data["parties"][1]["perceptions"]["respondent"] == {
        "name": "Bo de Wit", "role": "account manager"}
    assert data["parties"][1]["perceptions"]["answers"] == [
        {"statement": "contract_fair", "us": 2, "them": 4}]
    # The only console entry is the browser's note of the refused merge above.
    assert console.errors == ["Failed to load resource: the server responded with a status "
                              "of 422 (Unprocessable Entity)"]
    context.close()
