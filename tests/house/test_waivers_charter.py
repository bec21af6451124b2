"""Waivers (active, expired, unused) and the charter (endorsed, never, changed)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema

import collabrules
from collabrules.house.charter import CharterPlugin
from collabrules.house.waivers import Waiver, WaiverPlugin
from collabrules.model.case import Endorsement
from collabrules.model.vocab import Severity, Status
from collabrules.pipeline.schemas import load_schema
from collabrules.testing import evaluate_with, make_engine

ROOT = Path(__file__).resolve().parents[2]
BESPOKE = ROOT / "examples" / "bespoke-software.yaml"
EXPIRES = dt.date(2027, 1, 31)


def _waiver(code: str = "CR01", case: str = "bespoke-software") -> Waiver:
    return Waiver(case=case, code=code, reason="accepted until the new contract",
                  owner="Head of Procurement", expires=EXPIRES)


def _valid(report: collabrules.Report) -> dict[str, object]:
    document: dict[str, object] = json.loads(collabrules.report_to_json(report, "nl"))
    jsonschema.Draft202012Validator(load_schema("report")).validate(document)
    return document


def test_active_waiver_keeps_the_finding_visible_as_waived() -> None:
    plugin = WaiverPlugin([_waiver()], today=lambda: dt.date(2027, 1, 31))
    report = evaluate_with([("waivers", plugin)], BESPOKE)
    finding = report.finding("CR01")
    assert finding.status is Status.AT_RISK  # the verdict stays as it is, marked waived
    assert finding.waiver.active
    document = _valid(report)
    waived = next(f for f in document["findings"] if f["code"] == "CR01")  # type: ignore
    assert waived["waiver"]["status"] == "active"
    assert "VRIJGESTELD" in finding.waiver.describe("nl")
    assert not report.notes


def test_expired_waiver_resurfaces() -> None:
    plugin = WaiverPlugin([_waiver()], today=lambda: dt.date(2027, 2, 1))
    finding = evaluate_with([("waivers", plugin)], BESPOKE).finding("CR01")
    assert finding.waiver is not None and not finding.waiver.active
    assert "EXPIRED" in finding.waiver.describe("en")


def test_unused_waivers_are_reported() -> None:
    waivers = [_waiver("ZZ99"), _waiver("CR01", case="another-case")]
    report = evaluate_with([("waivers", WaiverPlugin(waivers))], BESPOKE)
    assert [n.id for n in report.notes] == ["waiver-unused-ZZ99"]
    assert report.finding("CR01").waiver is None
    _valid(report)


def test_a_waiver_on_an_upheld_finding_is_unused() -> None:
    office = ROOT / "examples" / "office-cleaning.yaml"
    waiver = _waiver(case="office-cleaning")
    report = evaluate_with([("waivers", WaiverPlugin([waiver]))], office)
    assert report.finding("CR01").status is Status.UPHELD
    assert [n.id for n in report.notes] == ["waiver-unused-CR01"]


def test_never_endorsed() -> None:
    report = evaluate_with([("charter", CharterPlugin())], BESPOKE)
    assert report.provenance.principle_set.endorsed is False
    assert "never endorsed" in report.notes[0].text.en
    assert _valid(report)["provenance"]["principle_set"]["endorsed"] is False  # type: ignore


def test_endorsed_and_then_changed() -> None:
    digest = make_engine([("charter", CharterPlugin())]).principle_set.digest
    board = Endorsement(stakeholder="Board", role="sponsor", date="2026-11-01", digest=digest)
    endorsed = evaluate_with([("charter", CharterPlugin([board]))], BESPOKE)
    assert endorsed.provenance.principle_set.endorsed is True
    assert "Board (sponsor, 2026-11-01)" in endorsed.notes[0].text.en
    stricter = make_engine([("charter", CharterPlugin([board]))],
                           settings=collabrules.Settings(severities={"CR01": Severity.CRITICAL}))
    changed = stricter.evaluate(BESPOKE)
    assert changed.provenance.principle_set.endorsed is False
    assert "changed after it was endorsed" in changed.notes[0].text.en


def test_case_charter_counts_and_silent_without_any() -> None:
    plugin = CharterPlugin(required=False)
    assert evaluate_with([("charter", plugin)], BESPOKE).notes == ()
    digest = make_engine([("charter", plugin)]).principle_set.digest
    case = collabrules.testing.case_with(BESPOKE, lambda d: d.update(charter={"endorsements": [
        {"stakeholder": "Account team", "date": "2026-10-01", "digest": digest}]}))
    report = evaluate_with([("charter", plugin)], case)
    assert report.provenance.principle_set.endorsed is True
