"""What choosing a model implies for the relationship design: data, checks, house models."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import attrs
import pytest

import collabrules
from collabrules import Engine
from collabrules.alternatives.choosing import evaluate_options, implied_change
from collabrules.alternatives.design import design_validator
from collabrules.model.case import Relationship
from collabrules.model.vocab import Level
from collabrules.standard.taxonomy import DATA, implied_design, standard_models

from ..reports.helpers import ROOT

CASE = ROOT / "examples" / "office-cleaning.yaml"


def test_every_standard_model_implies_a_valid_relationship_design() -> None:
    raw = json.loads(resources.files("collabrules.standard").joinpath(DATA).read_text("utf-8"))
    for model in raw["models"]:
        document = {"relationship": model["implies"]}
        assert design_validator().issues(document, DATA) == [], model["id"]
        assert not {"trust", "model", "label", "phase", "resistance"} & set(model["implies"])


def test_deeper_models_bring_joint_governance_and_a_staged_process() -> None:
    scale = [m for m in standard_models() if not m.adversarial]
    for model in scale[2:]:
        change = implied_change(model)
        assert change["governance"]["mixed_teams"] is True
        assert change["development"]["done_at_signing"] is False
        assert change["development"]["planned_months"] == model.build_months


@pytest.mark.parametrize("fact", ["trust", "label", "phase"])
def test_a_model_may_not_imply_a_fact_of_the_relationship(fact: str) -> None:
    original = standard_models()[0]
    value: Any = {"trust": Level.HIGH, "label": "partnership", "phase": "operating"}[fact]
    with pytest.raises(ValueError, match=fact):
        attrs.evolve(original, implies=Relationship(**{fact: value}))
    with pytest.raises(ValueError, match=fact):
        implied_design({fact: "x"})


class _HouseModel:
    """A house plugin adding a model without 'implies' data (an old house taxonomy)."""

    @collabrules.hookimpl
    def collabrules_add_models(self, register: Any) -> None:
        base = next(m for m in standard_models() if m.id == "performance-based")
        register(attrs.evolve(base, id="preferred-supplier", implies=None))


def test_a_house_model_without_implies_data_only_sets_the_model_id() -> None:
    engine = Engine(plugins=[_HouseModel()])
    view = evaluate_options(engine, CASE, models=["preferred-supplier", "collaborative"])
    keys = [o.key for o in view.options]
    assert keys == ["preferred-supplier", "collaborative"]  # by depth, shallowest first
    house = view.options[0]
    assert [(c.path, c.after) for c in house.changes] == [
        ("$.relationship.model", "preferred-supplier")]
    assert len(view.options[1].changes) > 1
