"""Perception signals and the conditions principles draw from them (ADR 0022).

* a case without answers is assessed exactly as before;
* a trust asymmetry, a party that finds the deal one-sided, and an openness gap put
  CR05, CR01 and CR02 at risk, citing the answers;
* answers that agree with the case's facts never worsen a verdict (hypothesis).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from collabrules.io.serialize import report_to_dict
from collabrules.model.errors import InputError
from collabrules.model.report import Report
from collabrules.model.signals import SignalBook
from collabrules.pipeline.loading import Document

from ..conftest import ci_examples
from .helpers import ORDER, SCENARIOS, base, engine
from .test_properties import variations

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "bespoke-software-perceptions.yaml"
SETTINGS = settings(ci_examples(60),
                    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])


def example() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    return data


def _condition(report: Report, code: str, condition: str) -> Any:
    return next(c for c in report.finding(code).conditions if c.id == condition)


def _answers(score: int = 3) -> list[dict[str, Any]]:
    ids = ("gains_enough", "their_gain_first", "contract_fair", "goals_shared",
           "drivers_open", "strengths_used", "keeps_commitments", "no_advantage_taken",
           "price_discussed", "invests_time")
    return [{"statement": s, "us": score, "them": score} for s in ids]


def _with(data: dict[str, Any], answers: dict[int, list[dict[str, Any]]]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    data["schema_version"] = "1.2"
    for index, given_answers in answers.items():
        data["parties"][index]["perceptions"] = {
            "respondent": {"name": f"Respondent {index}"}, "date": "2026-11-30",
            "answers": given_answers}
    return data


def _set(answers: list[dict[str, Any]], statement: str, **scores: int) -> None:
    next(a for a in answers if a["statement"] == statement).update(scores)


def test_the_example_without_answers_is_the_bespoke_software_report() -> None:
    data = example()
    for party in data["parties"]:
        del party["perceptions"]
    data["schema_version"] = "1.0"
    data["id"] = "bespoke-software"
    without = engine().evaluate(data)
    original = engine().evaluate(base("bespoke-software"))
    assert without.findings == original.findings
    assert without.recommendation == original.recommendation
    assert without.perceptions == () and "perceptions" not in report_to_dict(without)


def test_signals_score_each_party_per_theme_and_rank_the_gaps() -> None:
    case = engine().structure(Document(example(), "case.yaml"))
    book = SignalBook(case, engine().signals)
    scores = book["perception_scores"].value
    trust = [s for s in scores if s["theme"] == "trust"]
    assert trust == [
        {"party": "customer", "theme": "trust", "us": 4.0, "them": 4.0},
        {"party": "developer", "theme": "trust", "us": 4.5, "them": 1.5}]
    gaps = book["perception_gaps"].value
    assert gaps[0] == {"theme": "contract_fairness", "party": "developer",
                       "seen_by": "customer", "own_view": 1.0, "other_view": 4.0}
    sizes = [abs(g["own_view"] - g["other_view"]) for g in gaps]
    assert sizes == sorted(sizes, reverse=True)
    asymmetry = next(a for a in book["perception_asymmetries"].value if a["theme"] == "trust")
    assert (asymmetry["party_about_other"], asymmetry["other_about_party"]) == (4.0, 1.5)
    assert "$.parties[1].perceptions.answers[6].them" in book["perception_asymmetries"].paths


def test_the_example_puts_trust_reciprocity_and_openness_at_risk_citing_answers() -> None:
    report = engine().evaluate(EXAMPLE)
    trust = _condition(report, "CR05", "trust_perceived_alike")
    assert trust.outcome.value == "failed" and trust.effect.value == "at_risk"
    assert trust.action is not None and "Harbour Logistics 4 / Codeworks 1.5" in trust.action.en
    assert {f.path for f in trust.facts} >= {"$.parties[0].perceptions.answers[6].them",
                                             "$.parties[1].perceptions.answers[7].them"}
    one_sided = _condition(report, "CR01", "deal_not_felt_one_sided")
    assert one_sided.outcome.value == "failed"
    assert one_sided.action is not None and "(Codeworks 1)" in one_sided.action.en
    assert any(f.path == "$.parties[1].perceptions.answers[2].us" and f.value == 1
               for f in one_sided.facts)
    openness = _condition(report, "CR02", "openness_seen_alike")
    assert openness.outcome.value == "failed"


def test_views_that_agree_hold_and_views_that_differ_fail() -> None:
    mine, theirs = _answers(4), _answers(4)
    report = engine().evaluate(_with(base("office-cleaning"), {0: mine, 1: theirs}))
    for code, condition in (("CR05", "trust_perceived_alike"),
                            ("CR01", "deal_not_felt_one_sided"),
                            ("CR02", "openness_seen_alike")):
        assert _condition(report, code, condition).outcome.value == "held", condition
    _set(theirs, "keeps_commitments", them=2)
    _set(theirs, "no_advantage_taken", them=2)
    report = engine().evaluate(_with(base("office-cleaning"), {0: mine, 1: theirs}))
    assert _condition(report, "CR05", "trust_perceived_alike").outcome.value == "failed"
    assert report.finding("CR05").status.value == "at_risk"


def test_one_party_answering_alone_decides_only_what_it_can() -> None:
    answers = _answers(4)
    _set(answers, "contract_fair", us=1)
    report = engine().evaluate(_with(base("office-cleaning"), {0: answers}))
    ids = {c.id for f in report.findings for c in f.conditions}
    assert "deal_not_felt_one_sided" in ids  # its own view of the deal is enough
    assert not {"trust_perceived_alike", "openness_seen_alike"} & ids  # these need both
    assert report.perceptions == ()  # no pair of views to chart


def _level(value: Any) -> int:
    return {"low": 2, "medium": 3, "high": 4}.get(value, 3)


def _net(party: dict[str, Any]) -> int:
    net = (party.get("expected_benefit") or {}).get("net")
    return {"positive": 4, "neutral": 3, "negative": 2}.get(net, 3)


def _open(party: dict[str, Any]) -> int:
    disclosed = [g.get("disclosed") for g in party.get("goals", ())]
    return 2 if False in disclosed else 4 if disclosed and all(disclosed) else 3


def agreeing(data: dict[str, Any]) -> dict[int, list[dict[str, Any]]]:
    """Answers that agree with the case's facts.

    *Agree* means: both parties score each other's trust (``them``) and their own (``us``)
    at the level the case records as mutual trust (low 2, medium 3, high 4, unknown 3);
    each party scores its own gain and the fairness of the contract for itself after its
    own expected net benefit, and the other's after the other's (positive 4, neutral 3,
    negative 2, unknown 3); each party's openness is scored the same by itself and by the
    other, after its goals' disclosure (any undisclosed 2, all disclosed 4, else 3);
    anything the case holds no fact about is 3 on both sides.
    """
    parties = data["parties"]
    trust = _level(data.get("relationship", {}).get("trust"))
    result = {}
    for index, party in enumerate(parties):
        other = parties[1 - index] if len(parties) == 2 else parties[0]
        answers = _answers(3)
        for statement in ("keeps_commitments", "no_advantage_taken"):
            _set(answers, statement, us=trust, them=trust)
        for statement in ("gains_enough", "contract_fair"):
            _set(answers, statement, us=_net(party), them=_net(other))
        _set(answers, "drivers_open", us=_open(party), them=_open(other))
        result[index] = answers
    return result


def _rank(status: str) -> int:
    return ORDER.index(status) if status in ORDER else len(ORDER)


def _evaluate(data: dict[str, Any]) -> Report | None:
    try:
        return engine().evaluate(data)
    except InputError:
        return None


@SETTINGS
@given(data=variations(), who=st.sampled_from(("both", "first", "second")))
def test_answers_that_agree_with_the_facts_never_worsen_a_verdict(data: dict[str, Any],
                                                                  who: str) -> None:
    before = _evaluate(data)
    assume(before is not None)
    assert before is not None
    answers = agreeing(data)
    if who != "both":
        answers = {0 if who == "first" else 1: answers[0 if who == "first" else 1]}
    after = _evaluate(_with(data, answers))
    assert after is not None
    for old, new in zip(before.findings, after.findings, strict=True):
        assert _rank(new.status.value) >= _rank(old.status.value), (
            old.code, old.status, new.status, new.rationale.en)


@SETTINGS
@given(scenario=st.sampled_from(SCENARIOS), score=st.integers(min_value=1, max_value=5))
def test_perceptions_never_make_a_verdict_violated(scenario: str, score: int) -> None:
    data = base(scenario)
    before = engine().evaluate(data)
    after = engine().evaluate(_with(data, {0: _answers(score), 1: _answers(6 - score)}))
    for old, new in zip(before.findings, after.findings, strict=True):
        if new.status.value == "violated":
            assert old.status.value == "violated", old.code
