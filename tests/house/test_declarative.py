"""Declarative house principles: loading, errors with file/path/position, and verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collabrules.house.declarative import HousePrinciples, load_principles
from collabrules.model.errors import InputError
from collabrules.model.vocab import Outcome, Status
from collabrules.pipeline.engine import Engine
from collabrules.testing import evaluate_with, make_engine

from ..conftest import ci_examples
from .conftest import house_file, minimal_case, principle_doc, write_yaml


def test_a_file_becomes_principles(tmp_path: Path) -> None:
    (principle,) = load_principles(house_file(tmp_path / "p.yaml"))
    assert principle.code == "HP01"
    assert principle.title.nl == "Exitplan"
    assert principle.checks.en == "Applies when high risk. Checks: an exit plan exists."
    assert principle.checks.nl == "Geldt als hoog risico. Toetst: er is een exitplan."
    assert principle.severity.value == "high"


def test_schema_errors_name_file_path_line_and_suggestion(tmp_path: Path) -> None:
    bad = principle_doc(severty="high")
    del bad["statement"]
    path = house_file(tmp_path / "bad.yaml", bad)
    with pytest.raises(InputError) as caught:
        load_principles(path)
    rendered = [issue.render() for issue in caught.value.issues]
    assert any("bad.yaml:" in r and "$.principles[0].severty" in r and "'severity'" in r
               for r in rendered), rendered
    assert any("$.principles[0]" in r and "'statement' is missing" in r for r in rendered)


def test_syntax_error_names_file_path_and_position(tmp_path: Path) -> None:
    broken = principle_doc(conditions=[{"id": "c", "expression": "relationship.trust ==",
                                        "text": {"en": "t", "nl": "t"}}])
    path = house_file(tmp_path / "syntax.yaml", broken)
    with pytest.raises(InputError) as caught:
        load_principles(path)
    (issue,) = caught.value.issues
    assert issue.file.endswith("syntax.yaml")
    assert issue.path == "$.principles[0].conditions[0].expression"
    assert issue.line is not None
    assert "character 22" in issue.message.en


def test_duplicate_code_in_one_file_is_rejected(tmp_path: Path) -> None:
    path = house_file(tmp_path / "dup.yaml", principle_doc(), principle_doc())
    with pytest.raises(InputError, match=r"\$\.principles\[1\]\.code"):
        load_principles(path)


@pytest.fixture
def plugin(tmp_path: Path) -> HousePrinciples:
    return HousePrinciples([house_file(tmp_path / "p.yaml")])


@pytest.mark.parametrize(("changes", "status"), [
    ({"delivery": {"risk": "low"}}, Status.NOT_APPLICABLE),
    ({}, Status.UNDETERMINED),
    ({"delivery": {"risk": "high"}}, Status.UNDETERMINED),
    ({"delivery": {"risk": "high"}, "relationship": {"safeguards": {"exit_plan": False}}},
     Status.VIOLATED),
    ({"delivery": {"risk": "high"}, "relationship": {"safeguards": {"exit_plan": True}}},
     Status.UPHELD),
])
def test_verdicts(plugin: HousePrinciples, changes: dict[str, object], status: Status) -> None:
    report = evaluate_with([("house", plugin)], minimal_case(**changes))
    assert report.finding("HP01").status is status


def test_a_failed_condition_explains_itself(plugin: HousePrinciples) -> None:
    case = minimal_case(delivery={"risk": "high"},
                        relationship={"safeguards": {"exit_plan": False}})
    finding = evaluate_with([("house", plugin)], case).finding("HP01")
    applies, check = finding.conditions
    assert applies.applicability and applies.outcome is Outcome.HELD
    assert [(f.path, f.value) for f in applies.facts] == [("$.delivery.risk", "high")]
    assert check.outcome is Outcome.FAILED
    assert [a.en for a in finding.actions] == ["Agree one.", "Talk to risk."]
    assert finding.severity.value == "high"


def test_unknown_names_the_missing_field(plugin: HousePrinciples) -> None:
    finding = evaluate_with([("house", plugin)],
                            minimal_case(delivery={"risk": "high"})).finding("HP01")
    assert finding.missing == ("$.relationship.safeguards.exit_plan",)
    assert [a.en for a in finding.actions] == [
        "Find out whether there is an exit plan: see the questions to ask."]
    assert [p.result for p in finding.possible] == ["upheld", "violated"]


def test_conditions_can_read_signals(tmp_path: Path) -> None:
    doc = principle_doc(conditions=[{
        "id": "they_gain", "expression": "signals.counterpart_benefit == 'positive'",
        "text": {"en": "they gain", "nl": "zij winnen"}}])
    del doc["applies_when"]
    plugin = HousePrinciples([house_file(tmp_path / "s.yaml", doc)])
    case = minimal_case()
    case["parties"][1]["expected_benefit"] = {"net": "negative"}
    finding = evaluate_with([("house", plugin)], case).finding("HP01")
    assert finding.status is Status.AT_RISK
    assert [(s.name, s.value) for s in finding.conditions[0].signals] == [
        ("counterpart_benefit", "negative")]
    del case["parties"][1]["expected_benefit"]
    unknown = evaluate_with([("house", plugin)], case).finding("HP01")
    assert unknown.status is Status.UNDETERMINED
    assert unknown.missing == ("$.parties[1].expected_benefit.net",)


@pytest.mark.parametrize(("expression", "status"), [
    ("contains(signals.goal_alignment.shared, 'quality') && signals.model_in_use.depth >= `0`",
     Status.UPHELD),
    ("signals.model_in_use.id == 'transactional' && length(signals.adversarial_counterpart) == "
     "`0`", Status.UPHELD),
    ("starts_with(signals.required_trust, 'hi')", Status.AT_RISK),
])
def test_typed_signal_values_reach_expressions_as_plain_data(tmp_path: Path, expression: str,
                                                             status: Status) -> None:
    doc = principle_doc(conditions=[{"id": "reads", "expression": expression,
                                     "text": {"en": "reads", "nl": "leest"}}])
    del doc["applies_when"]
    plugin = HousePrinciples([house_file(tmp_path / "t.yaml", doc)])
    case = minimal_case()
    case["relationship"] = {"model": "transactional"}
    case["delivery"] = {"standardisation": "commodity", "complexity": "low", "risk": "low",
                        "uncertainty": "low", "strategic_importance": "low"}
    case["parties"][0]["goals"] = [{"topic": "quality", "direction": "maximise"}]
    case["parties"][1]["goals"] = [{"topic": "quality", "direction": "maximise"}]
    case["parties"][1]["attitude"] = "cooperative"
    finding = evaluate_with([("house", plugin)], case).finding("HP01")
    assert finding.status is status, finding.conditions


def test_unregistered_signal_is_an_input_error_when_the_engine_is_built(tmp_path: Path
                                                                        ) -> None:
    doc = principle_doc(conditions=[{"id": "x", "expression": "signals.goal_alignmnt == `1`",
                                     "text": {"en": "x", "nl": "x"}}])
    del doc["applies_when"]
    plugin = HousePrinciples([house_file(tmp_path / "s.yaml", doc)])
    with pytest.raises(InputError) as caught:
        make_engine([("house", plugin)])
    (issue,) = caught.value.issues
    assert issue.path == "$.principles[0].conditions[0].expression"
    assert issue.message.en == "no plugin provides the signal 'goal_alignmnt'"
    assert issue.hint is not None and "goal_alignment" in issue.hint.en
    # An engine built without the check (directly from Python) still contains the fault.
    report = Engine(plugins=[("house", plugin)]).evaluate(minimal_case())
    assert report.finding("HP01").status is Status.ERROR
    assert report.finding("CR01").status is not Status.ERROR


def test_a_declarative_principle_can_replace_a_standard_one(tmp_path: Path) -> None:
    plugin = HousePrinciples([house_file(tmp_path / "r.yaml",
                                         principle_doc("CR01", replaces="CR01"))])
    engine = make_engine([("house", plugin)])
    assert engine.principle("CR01").title.en == "Exit plan"
    assert not engine.problems


def test_an_undeclared_duplicate_names_both_plugins(tmp_path: Path) -> None:
    plugin = HousePrinciples([house_file(tmp_path / "d.yaml", principle_doc("CR01"))])
    engine = make_engine([("house", plugin)])
    (problem,) = engine.problems
    assert problem.kind.value == "duplicate"
    assert "house" in problem.message.en and "reciprocity" in problem.message.en
    assert "replaces" in problem.message.en


def test_case_file_as_data_is_rejected_with_the_file_name(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "notes.yaml", {"principles": "none"})
    with pytest.raises(InputError) as caught:
        HousePrinciples([path])
    assert all(i.file.endswith("notes.yaml") for i in caught.value.issues)


def test_changing_a_condition_changes_the_principle_set_digest(tmp_path: Path) -> None:
    path = house_file(tmp_path / "p.yaml")
    before = make_engine([("house", HousePrinciples([path]))]).principle_set.digest
    stricter = principle_doc()
    stricter["conditions"][0]["expression"] = "relationship.safeguards.exit_plan == `true`"
    house_file(path, stricter)
    after = make_engine([("house", HousePrinciples([path]))]).principle_set.digest
    assert before != after


FACT = st.one_of(st.none(), st.booleans())
_ENGINE = make_engine([("house", HousePrinciples(
    [Path(__file__).resolve().parent / "data" / "exit-plan.yaml"]))])


@ci_examples(80)
@given(risk=st.sampled_from([None, "low", "high"]), exit_plan=FACT,
       drop=st.sampled_from(["risk", "exit_plan"]))
def test_leaving_a_fact_out_never_worsens_a_verdict(
        risk: str | None, exit_plan: bool | None, drop: str) -> None:
    full = minimal_case()
    if risk is not None:
        full["delivery"] = {"risk": risk}
    if exit_plan is not None:
        full["relationship"] = {"safeguards": {"exit_plan": exit_plan}}
    before = _ENGINE.evaluate(full).finding("HP01").status
    if drop == "risk":
        full.pop("delivery", None)
    else:
        full.pop("relationship", None)
    after = _ENGINE.evaluate(full).finding("HP01").status
    if after in (Status.VIOLATED, Status.AT_RISK):
        assert before is after


def test_a_field_missing_inside_a_filter_leaves_the_principle_undetermined(
        tmp_path: Path) -> None:
    condition = {"id": "benefit", "effect": "violated",
                 "expression":
                     "!(parties[?role=='supplier' && expected_benefit.net != 'positive'])",
                 "text": {"en": "every supplier gains", "nl": "elke leverancier wint"}}
    doc = principle_doc(conditions=[condition])
    del doc["applies_when"]
    plugin = HousePrinciples([house_file(tmp_path / "p.yaml", doc)])
    finding = evaluate_with([("house", plugin)], minimal_case()).finding("HP01")
    assert finding.status is Status.UNDETERMINED
    assert "$.parties[1].expected_benefit.net" in finding.conditions[0].decided_by


def test_a_path_the_case_schema_cannot_have_is_rejected_at_load(tmp_path: Path) -> None:
    condition = {"id": "exit_plan", "expression": "relationship.safeguard.exit_plan",
                 "text": {"en": "an exit plan exists", "nl": "er is een exitplan"}}
    path = house_file(tmp_path / "typo.yaml", principle_doc(conditions=[condition]))
    with pytest.raises(InputError) as caught:
        load_principles(path)
    (issue,) = caught.value.issues
    assert issue.location() == f"{path}:{issue.line}" and issue.line is not None
    assert issue.path == "$.principles[0].conditions[0].expression"
    assert "'safeguard'" in issue.message.en and "'safeguard'" in issue.message.nl
    assert issue.hint is not None
    assert "'safeguards'" in issue.hint.en and "bedoelde u 'safeguards'" in issue.hint.nl


@pytest.mark.parametrize("expression", [
    "parties[?role=='supplier' && expected_benefit.nett != 'positive']",
    "max_by(parties, &scor).id", "parties[].goals[].topc == 'price'",
    "length(delivery.riks) > `0`",
])
def test_impossible_paths_inside_filters_functions_and_projections_are_rejected(
        tmp_path: Path, expression: str) -> None:
    condition = {"id": "c", "expression": expression, "text": {"en": "t", "nl": "t"}}
    path = house_file(tmp_path / "p.yaml", principle_doc(conditions=[condition]))
    with pytest.raises(InputError, match="the case format has no field"):
        load_principles(path)


@pytest.mark.parametrize("expression", [
    "extensions.anything.goes", "relationship.safeguards.exit_plan",
    "parties[?role=='supplier'].expected_benefit.net | [0] == 'positive'",
])
def test_paths_the_case_schema_allows_load(tmp_path: Path, expression: str) -> None:
    condition = {"id": "c", "expression": expression, "text": {"en": "t", "nl": "t"}}
    assert load_principles(house_file(tmp_path / "p.yaml", principle_doc(conditions=[condition])))
