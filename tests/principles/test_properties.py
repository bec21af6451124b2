"""Semantic properties of the standard principles (hypothesis).

* removing a fact never turns a verdict into ``violated``;
* raising actual trust never worsens the trust verdict (CR05);
* adding formal safeguards never worsens any verdict;
* an opportunistic or hostile counterpart never makes CR07 better;
* changing fields no principle reads (names, descriptions, titles) changes nothing.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from collabrules.model.errors import InputError
from collabrules.model.report import Report

from ..conftest import ci_examples
from .helpers import ORDER, SCENARIOS, base, engine, key_paths, remove_path, set_path, statuses

LEVELS = ("low", "medium", "high")
MODELS = ("transactional", "performance-based", "collaborative", "strategic-alliance",
          "defensive")
SAFEGUARDS = ("price_guarantee", "time_guarantee", "quality_guarantee", "service_levels",
              "penalties", "escalation", "exit_plan", "legal_capacity")
SETTINGS = settings(ci_examples(80),
                    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])


def _evaluate(document: dict[str, Any]) -> Report | None:
    try:
        return engine().evaluate(document)
    except InputError:
        return None


def _rank(status: str) -> int:
    return ORDER.index(status) if status in ORDER else len(ORDER)


@st.composite
def variations(draw: st.DrawFn) -> dict[str, Any]:
    """A worked scenario with its design and delivery facts redrawn."""
    data = base(draw(st.sampled_from(SCENARIOS)))
    relationship = data.setdefault("relationship", {})
    if draw(st.booleans()):
        relationship["model"] = draw(st.sampled_from(MODELS))
    if draw(st.booleans()):
        relationship["trust"] = draw(st.sampled_from(LEVELS))
    for key in ("risk", "uncertainty", "complexity"):
        if draw(st.booleans()):
            data["delivery"][key] = draw(st.sampled_from(LEVELS))
    safeguards = relationship.setdefault("safeguards", {})
    for key in SAFEGUARDS:
        choice = draw(st.sampled_from(("keep", "true", "false", "drop")))
        if choice == "drop":
            safeguards.pop(key, None)
        elif choice != "keep":
            safeguards[key] = choice == "true"
    return data


@SETTINGS
@given(data=variations(), picks=st.lists(st.integers(min_value=0), min_size=1, max_size=4))
def test_removing_a_fact_never_makes_a_verdict_violated(data: dict[str, Any],
                                                        picks: list[int]) -> None:
    before = _evaluate(data)
    assume(before is not None)
    assert before is not None
    paths = key_paths(data)
    for pick in picks:
        paths = key_paths(data)
        if not paths:
            break
        remove_path(data, paths[pick % len(paths)])
    after = _evaluate(data)
    assume(after is not None)
    assert after is not None
    assert not after.problems, after.problems
    old, new = statuses(before), statuses(after)
    for code, status in new.items():
        assert status != "error", code
        if status == "violated":
            assert old[code] == "violated", (code, old[code])


@SETTINGS
@given(data=variations(), low=st.sampled_from(LEVELS), high=st.sampled_from(LEVELS))
def test_raising_actual_trust_never_worsens_the_trust_verdict(
        data: dict[str, Any], low: str, high: str) -> None:
    assume(LEVELS.index(low) < LEVELS.index(high))
    data["relationship"]["trust"] = low
    before = _evaluate(data)
    data["relationship"]["trust"] = high
    after = _evaluate(data)
    assert before is not None and after is not None
    assert _rank(statuses(after)["CR05"]) >= _rank(statuses(before)["CR05"])


@SETTINGS
@given(data=variations(), added=st.sets(st.sampled_from(SAFEGUARDS), min_size=1))
def test_adding_formal_safeguards_never_worsens_a_verdict(
        data: dict[str, Any], added: set[str]) -> None:
    before = _evaluate(data)
    for key in added:
        data["relationship"]["safeguards"][key] = True
    after = _evaluate(data)
    assert before is not None and after is not None
    old, new = statuses(before), statuses(after)
    for code in old:
        assert _rank(new[code]) >= _rank(old[code]), code


@SETTINGS
@given(data=variations(), friendly=st.sampled_from(("cooperative", "neutral")),
       adversarial=st.sampled_from(("opportunistic", "hostile")),
       power=st.sampled_from(("low", "medium", "high", "dominant")))
def test_an_adversarial_counterpart_never_makes_cr07_better(
        data: dict[str, Any], friendly: str, adversarial: str, power: str) -> None:
    other = 1 if data["perspective"] == data["parties"][0]["id"] else 0
    data["parties"][other]["power"] = power
    data["parties"][other]["attitude"] = friendly
    before = _evaluate(data)
    data["parties"][other]["attitude"] = adversarial
    after = _evaluate(data)
    assert before is not None and after is not None
    assert _rank(statuses(after)["CR07"]) <= _rank(statuses(before)["CR07"])


IRRELEVANT = ("title", "id", "parties[0].name", "parties[1].name", "delivery.description",
              "parties[0].expected_benefit.description", "delivery.currency")


def _verdicts(report: Report) -> list[Any]:
    rec = report.recommendation
    return [(f.code, f.status.value, [(c.id, c.outcome.value) for c in f.conditions])
            for f in report.findings] + [rec.model if rec else None]


@SETTINGS
@given(data=variations(), fields=st.sets(st.sampled_from(IRRELEVANT), min_size=1),
       text=st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=30))
def test_changing_irrelevant_fields_changes_no_verdict(
        data: dict[str, Any], fields: set[str], text: str) -> None:
    assume(text.strip())
    before = _evaluate(data)
    for field in fields:
        value = f"x{text.strip().replace(' ', '-')}" if field == "id" else text.strip()
        if field == "delivery.currency":
            value = "USD"
        set_path(data, field, value)
    after = _evaluate(data)
    assert before is not None and after is not None
    assert _verdicts(after) == _verdicts(before)
