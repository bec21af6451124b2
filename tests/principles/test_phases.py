"""Lifecycle phases: every standard action is tagged, reports order actions by phase."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from hypothesis import given
from hypothesis import strategies as st

import collabrules
from collabrules.io.serialize import report_to_dict
from collabrules.model.lifecycle import (
    action_id,
    iso_stages,
    next_phase,
    phase_order,
    phase_plan,
    stages,
)
from collabrules.model.vocab import Phase, Status
from collabrules.pipeline.schemas import load_schema
from collabrules.testing import case_with

from ..conftest import ci_examples
from ..reports.helpers import run_cli_here

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
CASEBOOK = sorted((ROOT / "tests" / "casebook" / "cases").glob("*.yaml"))
ENGINE = collabrules.Engine()
TAGS = ENGINE.phase_tags.tags


def _case(path: Path) -> Any:
    if path in CASEBOOK:
        return yaml.safe_load(path.read_text(encoding="utf-8"))["case"]
    return str(path)


@functools.cache
def _report(path: Path) -> collabrules.Report:
    """The report of an example or casebook case, evaluated when a test first needs it
    (not while collecting the module)."""
    return ENGINE.evaluate(_case(path))


def test_every_standard_action_is_tagged_and_every_tag_is_an_action() -> None:
    seen = set()
    for path in EXAMPLES + CASEBOOK:
        for finding in _report(path).findings:
            seen |= {action_id(finding.code, c.id) for c in finding.conditions
                     if c.action is not None and finding.code.startswith("CR")}
    assert seen, "the corpus produced no actions"
    assert seen <= set(TAGS), f"untagged actions: {sorted(seen - set(TAGS))}"
    assert set(TAGS) <= seen, f"tags of unknown actions: {sorted(set(TAGS) - seen)}"


def test_phase_data_is_complete() -> None:
    assert set(phase_order()) == set(Phase)
    covered = [p for stage in stages() for p in stage.phases]
    assert sorted(covered) == sorted(Phase), "each phase belongs to exactly one stage"
    assert [s.number for s in iso_stages()] == list(range(1, 9))
    assert {p for s in iso_stages() for p in s.phases} == set(Phase)
    assert next_phase(Phase.EXITING) is None
    assert next_phase(Phase.CONTRACTING) is Phase.TRANSITION
    assert all(tag.label.en and tag.label.nl and tag.phases for tag in TAGS.values())


def test_untagged_actions_apply_in_every_phase() -> None:
    tags = ENGINE.phase_tags
    assert tags.phases_of("HOUSE1", "anything") == frozenset(Phase)
    assert tags.phases_of("CR05", None) == frozenset(Phase)
    assert tags.phases_of("CR05", "trust_sufficient") == TAGS["CR05/trust_sufficient"].phases
    assert TAGS["CR05/trust_sufficient"].phases != frozenset(Phase)


def _bespoke(phase: str) -> dict[str, Any]:
    return case_with(ROOT / "examples" / "bespoke-software.yaml",
                     lambda d: d["relationship"].update(phase=phase))


def test_report_lists_the_actions_of_its_phase_first() -> None:
    contracting = ENGINE.evaluate(_bespoke("contracting"))
    operating = ENGINE.evaluate(_bespoke("operating"))
    assert contracting.phase is Phase.CONTRACTING
    plan = phase_plan(contracting.findings, contracting.phase, contracting.phase_tags)
    later = phase_plan(operating.findings, operating.phase, operating.phase_tags)
    assert plan is not None and later is not None
    now_ids = {(a.code, a.action.en) for a in plan.now}
    assert any(a.code == "CR09" for a in plan.now), "a staged process is contracting work"
    assert not any(a.code == "CR09" for a in later.now), "and not operating work"
    assert {(a.code, a.action.en) for a in plan.later} & now_ids == set()
    assert all(Phase.TRANSITION in a.phases for a in plan.later)
    data = report_to_dict(contracting, "nl")
    jsonschema.validate(data, load_schema("report"))
    assert data["phase_plan"]["phase"] == "contracting"
    assert data["phase_plan"]["iso44001"] == ["working_together"]
    assert data["case"]["phase"] == "contracting"


def test_no_phase_no_plan() -> None:
    report = ENGINE.evaluate(case_with(ROOT / "examples" / "bespoke-software.yaml",
                                       lambda d: d["relationship"].pop("phase")))
    assert report.phase is None
    assert report_to_dict(report)["phase_plan"] is None
    assert "Actions for this phase" not in collabrules.render(report, "text", "en")


@ci_examples(60)
@given(source=st.sampled_from(EXAMPLES + CASEBOOK), phase=st.sampled_from(list(Phase)))
def test_plan_is_a_partition_of_the_open_actions_by_phase(source: Path, phase: Phase) -> None:
    report = _report(source)
    plan = phase_plan(report.findings, phase, report.phase_tags)
    assert plan is not None
    open_actions = {(f.code, a) for f in report.findings
                    if f.status in (Status.VIOLATED, Status.AT_RISK, Status.UNDETERMINED)
                    for a in f.actions}
    now = {(a.code, a.action) for a in plan.now}
    later = {(a.code, a.action) for a in plan.later}
    assert now <= open_actions and later <= open_actions
    assert not now & later
    assert all(phase in a.phases for a in plan.now)
    assert all(phase not in a.phases and plan.next in a.phases for a in plan.later)
    missed = {(a.code, a.action) for a in plan.now + plan.later}
    for finding in report.findings:
        for condition in finding.conditions:
            if (condition.action in finding.actions
                    and phase in report.phase_tags.phases_of(finding.code, condition.id)
                    and finding.status is not Status.UPHELD
                    and (finding.code, condition.action) in open_actions):
                assert (finding.code, condition.action) in missed


def test_principles_by_phase_on_the_command_line() -> None:
    result = run_cli_here("principles", "--phase", "operating")
    assert result.returncode == 0, result.stderr
    assert "ISO 44001: value creation, staying together" in result.stdout
    assert "CR05/trust_sufficient" in result.stdout
    assert "CR09" not in result.stdout, "the process principle has no operating checks"
    data = json.loads(run_cli_here("principles", "--phase", "exploring", "--format", "json",
                                   "--lang", "nl").stdout)
    assert data["stage"] == "analysis"
    assert [s["label"] for s in data["iso44001"]] == ["bewustwording", "kennis",
                                                       "interne beoordeling"]
    assert "CR05" not in [p["code"] for p in data["principles"]]
    wrong = run_cli_here("principles", "--phase", "operatng", "--lang", "nl")
    assert wrong.returncode == 2
    assert "onbekende fase 'operatng'" in wrong.stderr
    assert "bedoelde u 'operating'?" in wrong.stderr
    assert "Traceback" not in wrong.stderr
