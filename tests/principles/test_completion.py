"""The completion rule: a verdict settles when every completion of its missing facts agrees.

Examples for the standard principles, a Python house principle, a declarative house
principle and the model recommendation; the cap; the hooks seeing the final finding; and
the soundness property on generated cases: whatever the engine settles on a partial case
is what it says once the facts are back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from collabrules import Engine
from collabrules.host.hookspecs import hookimpl
from collabrules.host.registry import PrincipleRegistrar
from collabrules.house.declarative import HousePrinciples
from collabrules.model.errors import InputError
from collabrules.model.finding import Finding
from collabrules.model.principle import Observation, Principle
from collabrules.model.text import Text
from collabrules.model.vocab import Status
from collabrules.pipeline.assessment import Assessment
from collabrules.pipeline.completion import domain, explore, fill
from collabrules.pipeline.settings import Settings
from collabrules.render.text import render_text

from ..house.conftest import house_file, minimal_case, principle_doc
from .helpers import engine, key_paths, patched, remove_path, statuses
from .test_properties import SETTINGS, variations

ONLY_PARTIES: dict[str, Any] = {
    "schema_version": "1.0", "perspective": "us",
    "parties": [{"id": "us", "name": "Acme", "role": "customer"},
                {"id": "fuel", "name": "Fuel Co", "role": "supplier"}],
}
ADVICE = ("move to", "goes deeper than needed", "over-investment", "Deepen from", "Switch from",
          "stap over op", "overinvestering")


def test_an_alliance_with_only_the_parties_known_gets_no_move_advice() -> None:
    report = engine().evaluate({**ONLY_PARTIES, "relationship": {"model": "strategic-alliance"}})
    rec = report.recommendation
    assert rec is not None and rec.model is None
    assert rec.path == ()
    assert rec.missing
    for lang in ("en", "nl"):
        text = render_text(report, lang)
        assert not [a for a in ADVICE if a in text], text


def test_a_fact_no_value_of_which_changes_the_verdict_settles_it() -> None:
    # A commodity bought transactionally, low risk and uncertainty: any level of trust meets
    # what it needs (the example, complexity, no longer matters to a commodity at all).
    document = patched("office-cleaning", {"delivery.standardisation": "commodity",
                                           "delivery.risk": "low",
                                           "delivery.uncertainty": "low",
                                           "relationship.model": "transactional"},
                       ["relationship.trust"])
    off = Engine(settings=Settings(completions=0)).evaluate(document).finding("CR05")
    on = engine().evaluate(document).finding("CR05")
    assert off.status is Status.UNDETERMINED
    assert on.status is Status.UPHELD
    assert "$.relationship.trust" in on.settled_over  # (and the exit plan CR05 also reads)
    assert on.missing == ()
    assert "level of mutual trust" in on.rationale.en and "whatever" in on.rationale.en
    assert "niveau van wederzijds vertrouwen" in on.rationale.nl


def test_disagreeing_completions_say_what_each_value_gives() -> None:
    report = engine().evaluate(patched("office-cleaning", removes=["delivery.risk"]))
    finding = report.finding("CR05")
    assert finding.status is Status.UNDETERMINED
    # Guarantees and an exit route carry any risk; without the exit plan high risk does not.
    assert [(p.result, [dict(w) for w in p.when]) for p in finding.possible] == [
        ("upheld", [{"$.delivery.risk": "low"},
                    {"$.delivery.risk": "medium", "$.relationship.safeguards.exit_plan": True},
                    {"$.delivery.risk": "medium", "$.relationship.safeguards.exit_plan": False},
                    {"$.delivery.risk": "high", "$.relationship.safeguards.exit_plan": True}]),
        ("at_risk", [{"$.delivery.risk": "high", "$.relationship.safeguards.exit_plan": False}])]
    assert ("Upheld or at risk, depending on the impact when the delivery fails and whether "
            "there is an exit plan.") in finding.rationale.en
    assert "nageleefd of in gevaar, afhankelijk van de impact als de levering faalt" in \
        finding.rationale.nl.lower()


def test_a_deep_supply_run_with_unknown_complexity_is_not_advised_transactional() -> None:
    document = patched("office-cleaning", {"delivery.risk": "high", "delivery.uncertainty": "high",
                                           "delivery.strategic_importance": "high",
                                           "relationship.trust": "high",
                                           "relationship.model": "collaborative"},
                       ["delivery.complexity"])
    rec = engine().evaluate(document).recommendation
    assert rec is not None
    # Risk, uncertainty and strategic importance settle the depth: complexity is not needed.
    assert rec.model not in (None, "transactional")
    assert "$.delivery.complexity" not in rec.missing


def test_a_recommendation_settles_when_every_completion_gives_the_same_model() -> None:
    # Bespoke: the delivery needs the deepest depth whatever its complexity is.
    document = patched("bespoke-software", removes=["delivery.complexity"])
    rec = engine().evaluate(document).recommendation
    full = engine().evaluate(patched("bespoke-software")).recommendation
    assert rec is not None and full is not None
    assert rec.model == full.model
    assert rec.missing == ()


def _probe(decides: bool) -> Principle:
    def assess(a: Assessment) -> None:
        relationship = a.case.relationship
        guards = relationship.safeguards if relationship else None
        plan = guards.exit_plan if guards else None
        held = None if plan is None else (plan if decides else True)
        a.check("probe", held, Text("probe", "probe"), effect=Status.VIOLATED,
                decided_by=("$.relationship.safeguards.exit_plan",) if plan is None else ())

    return Principle(code="HX01", slug="probe", theme=Text("t", "t"),
                     title=Text("Probe", "Probe"), observation=Observation(Text("o", "o")),
                     statement=Text("s", "s"), checks=Text("c", "c"), assess=assess)


class _Plugin:
    def __init__(self, principle: Principle) -> None:
        self.principle = principle

    @hookimpl
    def collabrules_add_principles(self, register: PrincipleRegistrar) -> None:
        register(self.principle)


def test_a_python_house_principle_is_settled_or_described() -> None:
    settles = Engine(plugins=[("probe", _Plugin(_probe(False)))])
    finding = settles.evaluate(minimal_case()).finding("HX01")
    assert finding.status is Status.UPHELD
    assert finding.settled_over == ("$.relationship.safeguards.exit_plan",)
    splits = Engine(plugins=[("probe", _Plugin(_probe(True)))])
    report = splits.evaluate(minimal_case())
    finding = report.finding("HX01")
    assert finding.status is Status.UNDETERMINED
    assert [p.result for p in finding.possible] == ["upheld", "violated"]
    assert 'violated if it is no' in finding.rationale.en
    asked = {q.path: q for q in report.questions}
    assert asked["$.relationship.safeguards.exit_plan"].text.en == "Is there an exit plan?"
    assert "HX01" in asked["$.relationship.safeguards.exit_plan"].verdicts


def test_a_declarative_house_principle_settles_over_a_fact_it_does_not_need(
        tmp_path: Path) -> None:
    doc = principle_doc(conditions=[{
        "id": "plan_or_low_risk",
        "expression": "relationship.safeguards.exit_plan || delivery.risk != 'high'",
        "text": {"en": "an exit plan, or no high risk", "nl": "een exitplan, of geen hoog risico"},
    }])
    del doc["applies_when"]
    plugin = HousePrinciples([house_file(tmp_path / "p.yaml", doc)])
    case = minimal_case(delivery={"risk": "low"})
    finding = Engine(plugins=[("house", plugin)]).evaluate(case).finding("HP01")
    assert finding.status is Status.UPHELD, finding.rationale.en
    case = minimal_case(relationship={"safeguards": {"exit_plan": True}})
    finding = Engine(plugins=[("house", plugin)]).evaluate(case).finding("HP01")
    assert finding.status is Status.UPHELD, finding.rationale.en


def test_the_cap_keeps_a_verdict_open_and_zero_turns_the_rule_off() -> None:
    document = patched("office-cleaning", removes=["relationship.trust"])
    assert engine().evaluate(document).finding("CR05").status is Status.UPHELD
    capped = Engine(settings=Settings(completions=1)).evaluate(document).finding("CR05")
    assert capped.status is Status.UNDETERMINED
    assert capped.possible == ()
    off = Engine(settings=Settings(completions=0)).evaluate(document).finding("CR05")
    assert off.status is Status.UNDETERMINED and off.settled_over == ()


class _Seen:
    def __init__(self) -> None:
        self.findings: list[Finding] = []

    @hookimpl
    def collabrules_adjust_finding(self, finding: Finding) -> Finding:
        self.findings.append(finding)
        return attrs.evolve(finding, actions=(*finding.actions, Text("seen", "gezien")))


def test_adjust_finding_hooks_see_the_settled_finding() -> None:
    seen = _Seen()
    report = Engine(plugins=[("seen", seen)]).evaluate(
        patched("office-cleaning", removes=["relationship.trust"]))
    hooked = next(f for f in seen.findings if f.code == "CR05")
    assert hooked.status is Status.UPHELD and hooked.settled_over
    assert report.finding("CR05").actions[-1].en == "seen"


def test_domains_come_from_the_schema_and_respect_required_fields() -> None:
    document = {**ONLY_PARTIES}
    assert domain(document, "$.delivery.complexity") == ("low", "medium", "high")
    assert domain(document, "$.relationship.safeguards.exit_plan") == (True, False)
    assert domain(document, "$.parties[1].expected_benefit.net") == (
        "positive", "neutral", "negative", "unknown")
    assert domain(document, "$.parties[1].goals") is None  # a list: open
    assert domain(document, "$.delivery.duration_months") is None  # a number: open
    assert domain(document, "$.parties[5].attitude") is None  # no such party
    assert domain(document, "$.parties[1].role") is None  # present already
    # A resistance item needs "who" and "against": a new one cannot be invented.
    assert domain(document, "$.relationship.resistance[0].rational") is None
    filled = fill(document, "$.parties[1].expected_benefit.net", "positive")
    assert filled["parties"][1]["expected_benefit"] == {"net": "positive"}
    assert "expected_benefit" not in document["parties"][1]  # the original is untouched


def test_exploration_recurses_into_facts_a_completion_names() -> None:
    def evaluate(doc: dict[str, Any], when: Any) -> tuple[str | None, tuple[str, ...], None]:
        delivery = doc.get("delivery", {})
        if delivery.get("risk") != "high":
            return "upheld", (), None
        if "uncertainty" not in delivery:
            return None, ("$.delivery.uncertainty",), None
        return ("upheld" if delivery["uncertainty"] != "high" else "at_risk"), (), None

    found = explore({**ONLY_PARTIES}, ("$.delivery.risk",), evaluate)
    assert found.settled is None
    assert found.paths == ("$.delivery.risk", "$.delivery.uncertainty")
    assert len(found.leaves) == 2 + 3
    assert explore({**ONLY_PARTIES}, ("$.delivery.risk",), evaluate, cap=3).exhausted


@SETTINGS
@given(data=variations(), picks=st.lists(st.integers(min_value=0), min_size=1, max_size=4))
def test_what_a_partial_case_settles_is_what_its_completion_says(
        data: dict[str, Any], picks: list[int]) -> None:
    full = engine().evaluate(data)
    for pick in picks:
        paths = key_paths(data)
        remove_path(data, paths[pick % len(paths)])
    try:
        partial = engine().evaluate(data)
    except InputError:  # a required key was removed: not a case
        return
    before, after = statuses(full), statuses(partial)
    for code, status in after.items():
        if status == "at_risk" and partial.finding(code).missing:
            # at least at risk: the missing facts decide whether it is violated
            assert before[code] in ("at_risk", "violated", "undetermined"), (code, before[code])
        elif status != "undetermined":
            assert before[code] in (status, "undetermined"), (code, status, before[code])
    rec, whole = partial.recommendation, full.recommendation
    if rec is not None and rec.model is not None and whole is not None:
        assert whole.model in (rec.model, None)


def test_a_fact_the_declared_version_cannot_state_keeps_the_completion_open() -> None:
    """A 1.0 file cannot state joint innovation (new in 1.1): a completion that waits on it
    stays open instead of vanishing, so the other completions cannot settle the verdict."""
    innovation = "$.relationship.governance.joint_innovation"
    document = {**ONLY_PARTIES, "relationship": {"governance": {}}}
    assert domain(document, innovation) is not None  # a closed domain: only the version bars it

    def evaluate(doc: dict[str, Any], when: Any) -> tuple[str | None, tuple[str, ...], None]:
        if doc.get("delivery", {}).get("risk") != "high":
            return "upheld", (), None
        return None, (innovation, "$.delivery.uncertainty"), None

    found = explore(document, ("$.delivery.risk",), evaluate)
    assert found.settled is None  # the old rule dropped the open completions: "upheld"
    # the fact it can state is still explored; the one it cannot is passed over, not dropped
    assert found.paths == ("$.delivery.risk", "$.delivery.uncertainty")
    assert [leaf.result for leaf in found.leaves][:3] == ["upheld", "upheld", None]
    assert explore({**document, "schema_version": "1.1"}, ("$.delivery.risk",),
                   evaluate).paths[-1] == innovation
