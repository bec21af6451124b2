"""Issue 11 part 3: the domain logic the principles weigh (done-when items b and c, the
topic vocabulary and its plugin hook, required depth and trust as signals)."""

from __future__ import annotations

from typing import Any

import pytest

from collabrules import Engine, hookimpl
from collabrules.model.finding import Finding
from collabrules.model.signals import SignalBook
from collabrules.model.topics import TopicAxis, TopicVocabulary
from collabrules.model.vocab import Outcome, Status
from collabrules.standard.topic_axes import standard_vocabulary

from ..principles.helpers import engine, patched

FUEL = {
    "delivery.standardisation": "commodity", "delivery.complexity": "low",
    "delivery.uncertainty": "low", "delivery.risk": "high",
    "relationship.model": "transactional", "relationship.trust": "low",
    "relationship.safeguards.price_guarantee": True,
    "relationship.safeguards.time_guarantee": True,
    "relationship.safeguards.quality_guarantee": True,
    "relationship.safeguards.exit_plan": True,
}


def _finding(data: dict[str, Any], code: str, with_engine: Engine | None = None) -> Finding:
    report = (with_engine or engine()).evaluate(data)
    return next(f for f in report.findings if f.code == code)


def _condition(finding: Finding, condition: str) -> Outcome:
    return next(c.outcome for c in finding.conditions if c.id == condition)


def test_b_fuel_supply_is_not_violated_for_low_trust() -> None:
    finding = _finding(patched("office-cleaning", FUEL), "CR05")
    assert finding.status is not Status.VIOLATED
    assert finding.status is Status.UPHELD
    assert _condition(finding, "trust_sufficient") is Outcome.HELD


def test_b_the_same_supply_without_its_exit_route_needs_trust() -> None:
    finding = _finding(patched("office-cleaning", {
        **FUEL, "relationship.safeguards.exit_plan": False}), "CR05")
    assert _condition(finding, "trust_sufficient") is Outcome.FAILED
    # A businesslike transactional contract does not rely on the trust it lacks: a risk.
    assert finding.status is Status.AT_RISK


HOSTING = {"relationship.governance.commercial_review": False}


def _hosting(target: dict[str, Any]) -> dict[str, Any]:
    data = patched("office-cleaning", {**HOSTING, "parties[0].departmental_targets": [target]},
                   ["parties[0].goals[0].owner"])
    return data


def test_c_a_target_without_topic_is_unknown_in_cr01() -> None:
    finding = _finding(_hosting({"department": "IT", "target": "15% lower hosting cost"}),
                       "CR01")
    assert _condition(finding, "no_departmental_conflict") is Outcome.UNKNOWN
    assert finding.status is Status.UNDETERMINED
    assert "$.parties[0].departmental_targets[0].topic" in finding.missing
    assert "$.parties[0].departmental_targets[0].direction" in finding.missing


def test_c_with_topic_cost_to_minimise_it_counts_against_the_margin() -> None:
    finding = _finding(_hosting({"department": "IT", "target": "15% lower hosting cost",
                                 "topic": "cost", "direction": "minimise"}), "CR01")
    assert _condition(finding, "no_departmental_conflict") is Outcome.FAILED
    assert finding.status is Status.AT_RISK
    used = next(c for c in finding.conditions if c.id == "no_departmental_conflict")
    assert used.signals[0].value == ["IT: 15% lower hosting cost"]


@pytest.mark.parametrize(("ours", "theirs", "relation"), [
    (("cost", "minimise"), ("margin", "maximise"), "conflicting"),
    (("spend", "minimise"), ("profit", "maximise"), "conflicting"),
    (("discount", "maximise"), ("price", "maximise"), "conflicting"),
    (("speed", "maximise"), ("thoroughness", "maximise"), "conflicting"),
    (("hosting costs", "minimise"), ("revenue", "maximise"), "conflicting"),
    (("lead time", "minimise"), ("speed", "maximise"), "shared"),
    (("Price", "minimise"), ("discount", "maximise"), "shared"),
    (("quality", "maximise"), ("quality", "maximise"), "shared"),
    (("quality", "maximise"), ("growth", "maximise"), None),
])
def test_topics_are_compared_through_the_vocabulary(ours: tuple[str, str],
                                                    theirs: tuple[str, str],
                                                    relation: str | None) -> None:
    data = patched("office-cleaning", {
        "parties[0].goals": [{"topic": ours[0], "direction": ours[1]}],
        "parties[1].goals": [{"topic": theirs[0], "direction": theirs[1]}]})
    value = SignalBook(_structure(data), engine().signals)["goal_alignment"].value
    for kind in ("shared", "conflicting"):
        assert bool(getattr(value, kind)) is (kind == relation), (kind, value)


def _structure(data: dict[str, Any]) -> Any:
    from collabrules.pipeline.loading import Document

    return engine().structure(Document(data, "<test>"))


class TopicPlugin:
    """A house vocabulary: 'uptime' against 'maintenance windows'."""

    @hookimpl
    def collabrules_add_topics(self, register: Any) -> None:
        register(TopicAxis(id="availability", rising=("uptime",),
                           falling=("maintenance windows",)))


def test_a_plugin_extends_the_topic_vocabulary() -> None:
    data = patched("office-cleaning", {
        "parties[0].goals": [{"topic": "uptime", "direction": "maximise"}],
        "parties[1].goals": [{"topic": "maintenance windows", "direction": "maximise"}]})
    extended = Engine(plugins=[TopicPlugin()])
    case = _structure(data)
    assert SignalBook(case, extended.signals)["goal_alignment"].value.conflicting == (
        "availability",)
    assert SignalBook(case, engine().signals)["goal_alignment"].value.conflicting == ()


def test_a_word_on_two_axes_is_a_plugin_problem_not_a_crash() -> None:
    class Clash:
        @hookimpl
        def collabrules_add_topics(self, register: Any) -> None:
            register(TopicAxis(id="speedy", rising=("price",)))

    extended = Engine(plugins=[Clash()])
    assert any("price" in p.detail for p in extended.problems)
    assert extended.signals["topic_vocabulary"].compute  # the standard axes still stand


def test_the_vocabulary_places_phrases_by_their_last_word() -> None:
    vocabulary = standard_vocabulary()
    assert vocabulary.place("Hosting costs") == vocabulary.place("cost")
    assert vocabulary.place("cost reduction")[1] == -vocabulary.place("cost")[1]
    assert vocabulary.place("cleanliness") == ("cleanliness", 1)
    with pytest.raises(ValueError, match="already on the axis"):
        TopicVocabulary.of([TopicAxis(id="a", rising=("x",)), TopicAxis(id="b", rising=("x",))])


def _signal(name: str, sets: dict[str, Any], removes: list[str] | None = None) -> Any:
    return SignalBook(_structure(patched("office-cleaning", sets, removes)),
                      engine().signals)[name]


def test_required_depth_does_not_hinge_on_complexity_when_others_settle_it() -> None:
    value = _signal("required_depth", {"delivery.risk": "high"}, ["delivery.complexity"])
    assert value.value == 1
    value = _signal("required_depth", {"delivery.standardisation": "bespoke"},
                    ["delivery.complexity", "delivery.risk", "delivery.uncertainty"])
    assert value.value == 2
    # a standard delivery is settled by its standardisation: complexity refines only a
    # configurable one (DOMAIN.md; casebook4's rule), so only there is it waited on
    settled = _signal("required_depth", {}, ["delivery.complexity"])
    assert settled.value == 0 and settled.missing == ()
    unknown = _signal("required_depth", {"delivery.standardisation": "configurable"},
                      ["delivery.complexity"])
    assert unknown.value is None and unknown.missing == ("$.delivery.complexity",)


@pytest.mark.parametrize("raise_by", ["delivery.risk", "delivery.uncertainty",
                                      "delivery.strategic_importance"])
@pytest.mark.parametrize("standardisation", ["commodity", "standard", "configurable"])
def test_a_high_risk_supply_never_calls_for_transactional_depth(raise_by: str,
                                                                standardisation: str) -> None:
    value = _signal("required_depth", {raise_by: "high",
                                       "delivery.standardisation": standardisation,
                                       "parties[1].replaceability": "hard"})
    assert value.value >= 1


def test_required_trust_names_only_the_facts_that_matter() -> None:
    value = _signal("required_trust", {**FUEL}, ["relationship.safeguards.exit_plan"])
    assert value.value is None
    assert value.missing == ("$.relationship.safeguards.exit_plan",)


@pytest.mark.parametrize("raise_by", ["delivery.risk", "delivery.uncertainty"])
@pytest.mark.parametrize("standardisation", ["commodity", "standard", "configurable"])
def test_a_strategic_hard_to_replace_risky_supply_is_never_advised_transactional(
        raise_by: str, standardisation: str) -> None:
    report = engine().evaluate(patched("office-cleaning", {
        raise_by: "high", "delivery.strategic_importance": "high",
        "delivery.standardisation": standardisation, "parties[1].replaceability": "hard"}))
    assert report.recommendation is not None
    assert report.recommendation.model != "transactional"
