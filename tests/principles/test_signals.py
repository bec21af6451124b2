"""The shared signals are three-valued: a value, or ``None`` with the paths that decide it."""

from __future__ import annotations

from typing import Any

import pytest

from collabrules.model.signals import SignalBook, SignalValue, plain
from collabrules.model.vocab import Level, Net
from collabrules.standard.signal_values import (
    CapabilityFit,
    Depth,
    GoalAlignment,
    ModelInUse,
    Quadrant,
    ResistanceState,
)

from .helpers import engine, patched

NEW_SIGNALS = ("undisclosed_drivers", "capability_fit", "adversarial_counterpart",
               "counterpart_dominance", "commercial_opposition", "model_in_use",
               "required_depth", "aimed_depth", "months_needed", "required_trust",
               "kraljic_quadrant", "called_partnership", "resistance_state")


def _signal(name: str, scenario: str, sets: dict[str, Any] | None = None,
            removes: list[str] | None = None) -> SignalValue:
    case = _structure(patched(scenario, sets, removes))
    return SignalBook(case, engine().signals)[name]


def _structure(data: dict[str, Any]) -> Any:
    from collabrules.pipeline.loading import Document

    return engine().structure(Document(data, "<test>"))


@pytest.mark.parametrize("name", NEW_SIGNALS)
def test_every_signal_is_registered_and_known_for_the_bespoke_case(name: str) -> None:
    assert name in engine().signals
    value = _signal(name, "bespoke-software")
    assert value.known and not value.missing


@pytest.mark.parametrize(("name", "scenario", "removes", "missing"), [
    ("required_depth", "office-cleaning", ["delivery.risk"], "$.delivery.risk"),
    ("required_trust", "office-cleaning", ["relationship.model"], "$.relationship.model"),
    ("kraljic_quadrant", "office-cleaning", ["delivery.spend_impact"],
     "$.delivery.spend_impact"),
    ("capability_fit", "office-cleaning",
     ["parties[0].capabilities_offered", "parties[1].capabilities_offered"],
     "$.parties[0].capabilities_offered"),
    ("adversarial_counterpart", "office-cleaning", ["parties[1].attitude"],
     "$.parties[1].attitude"),
    ("called_partnership", "bespoke-software", ["relationship.label"], "$.relationship.label"),
    ("resistance_state", "aggressive-monopolist", [], "$.relationship.resistance"),
    ("undisclosed_drivers", "aggressive-monopolist", ["parties[0].goals[0].disclosed"],
     "$.parties[0].goals[0].disclosed"),
    ("commercial_opposition", "bespoke-software", ["parties[1].goals"], "$.parties[1].goals"),
])
def test_a_missing_fact_leaves_the_signal_unknown(name: str, scenario: str, removes: list[str],
                                                  missing: str) -> None:
    value = _signal(name, scenario, removes=removes)
    assert value.value is None
    assert missing in value.missing


def test_a_known_decisive_fact_decides_despite_a_missing_one() -> None:
    depth = _signal("required_depth", "bespoke-software", removes=["delivery.risk"])
    assert depth.value is Depth.COLLABORATIVE
    assert _signal("required_trust", "bespoke-software",
                   removes=["relationship.safeguards.price_guarantee"]).value is Level.HIGH


@pytest.mark.parametrize(("scenario", "quadrant"), [
    ("office-cleaning", "non_critical"), ("bespoke-software", "strategic"),
    ("aggressive-monopolist", "leverage")])
def test_kraljic_quadrants_of_the_scenarios(scenario: str, quadrant: str) -> None:
    assert _signal("kraljic_quadrant", scenario).value is Quadrant(quadrant)


def test_bottleneck_quadrant() -> None:
    value = _signal("kraljic_quadrant", "office-cleaning", {"parties[1].replaceability": "hard"})
    assert value.value is Quadrant.BOTTLENECK


def test_capability_fit_in_both_directions_and_overlap() -> None:
    value = _signal("capability_fit", "office-cleaning",
                    {"parties[0].capabilities_offered": ["Cleaning", "steady payment"]})
    assert value.value == CapabilityFit(they_give_us=("cleaning",),
                                        we_give_them=("steady payment",), overlap=("cleaning",))


def test_a_left_out_needs_list_leaves_unknown_only_the_direction_it_decides() -> None:
    value = _signal("capability_fit", "office-cleaning", removes=["parties[1].capabilities_needed"])
    assert value.value == CapabilityFit(they_give_us=("cleaning",), we_give_them=None,
                                        overlap=())
    assert value.missing == ("$.parties[1].capabilities_needed",)
    offers = _signal("capability_fit", "office-cleaning",
                     removes=["parties[0].capabilities_needed", "parties[1].capabilities_needed"])
    assert offers.value == CapabilityFit(they_give_us=None, we_give_them=None, overlap=())


def test_an_empty_list_is_a_fact_not_an_unknown() -> None:
    value = _signal("resistance_state", "office-cleaning")
    assert value.value == ResistanceState(0, (), (), (), ())


def test_goal_alignment_is_unknown_when_a_direction_is_left_out() -> None:
    value = _signal("goal_alignment", "office-cleaning", removes=["parties[1].goals[1].direction"])
    assert value.value is None
    assert "$.parties[1].goals[1].direction" in value.missing


@pytest.mark.parametrize(("name", "kind"), [
    ("model_in_use", ModelInUse), ("goal_alignment", GoalAlignment),
    ("capability_fit", CapabilityFit), ("resistance_state", ResistanceState),
    ("required_depth", Depth), ("aimed_depth", Depth), ("required_trust", Level),
    ("kraljic_quadrant", Quadrant), ("counterpart_benefit", Net), ("own_benefit", Net),
    ("adversarial_counterpart", tuple), ("undisclosed_drivers", tuple),
    ("protection", bool),
])
def test_standard_signals_have_typed_values(name: str, kind: type) -> None:
    assert isinstance(_signal(name, "office-cleaning").value, kind)


def test_typed_values_read_as_plain_data_in_field_order() -> None:
    used = ModelInUse("partnership", Depth.COLLABORATIVE, False)
    assert plain(used) == {"id": "partnership", "depth": 2, "adversarial": False}
    assert list(plain(used)) == ["id", "depth", "adversarial"]
    assert type(plain(used)["depth"]) is int
    assert plain(GoalAlignment(("quality",), ())) == {"shared": ["quality"], "conflicting": []}
    assert plain((Net.NEGATIVE, Quadrant.LEVERAGE)) == ["negative", "leverage"]
    assert type(plain(Net.NEGATIVE)) is str
    assert plain({"a": (1,)}) == {"a": [1]}


# A departmental target is a goal with an owner (DOMAIN.md): procurement's "20% discount"
# target and procurement's goal to minimise the price are one concept, stated twice.
@pytest.mark.parametrize(("sets", "expected"), [
    ({}, ("procurement: 20% discount on the list price",)),
    ({"parties[0].goals[0].owner": "Procurement"},  # departments compare like topics
     ("procurement: 20% discount on the list price",)),
    ({"parties[0].goals[0].topic": "cost"},  # the same axis (money), pushed the same way
     ("procurement: 20% discount on the list price",)),
    ({"parties[0].goals[0].owner": "finance"},  # another department: two conflicts
     ("finance: price", "procurement: 20% discount on the list price")),
    ({"schema_version": "1.1", "parties[0].goals[0].target": "lowest bid"},  # two targets
     ("procurement: 20% discount on the list price", "procurement: lowest bid")),
])
def test_a_departmental_target_and_the_same_departments_goal_count_once(
        sets: dict[str, Any], expected: tuple[str, ...]) -> None:
    assert _signal("departmental_conflicts", "bespoke-software", sets).value == expected
