"""``collabrules.options``: the Python API accepts what ``evaluate`` accepts."""

from __future__ import annotations

import pytest

import collabrules
from collabrules.alternatives.design import AlternativeDesign
from collabrules.model.errors import UsageError
from collabrules.pipeline.structure import unstructure_case

from ..reports.helpers import ROOT

CASE = ROOT / "examples" / "aggressive-monopolist.yaml"


def test_a_case_object_a_mapping_and_a_path_give_the_same_verdicts() -> None:
    case = collabrules.load_case(CASE)
    views = [collabrules.options(case), collabrules.options(unstructure_case(case)),
             collabrules.options(str(CASE))]
    verdicts = [[[o.status(c) for c in v.codes] for o in v.columns] for v in views]
    assert verdicts[0] == verdicts[1] == verdicts[2]
    assert views[0].today.report.findings == collabrules.evaluate(case).findings


def test_an_unknown_model_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as caught:
        collabrules.options(CASE, models=["defensiv"])
    assert "did you mean 'defensive'?" in caught.value.text.en
    assert "bedoelde u 'defensive'?" in caught.value.text.nl


def test_a_mapping_that_is_not_plain_json_is_an_input_error() -> None:
    document = unstructure_case(collabrules.load_case(CASE))
    document["delivery"]["annual_spend"] = float("inf")
    with pytest.raises(collabrules.InputError, match=r"\$\.delivery\.annual_spend"):
        collabrules.options(document)


def test_a_design_that_states_its_own_trust_and_model_is_measured_against_them() -> None:
    design = AlternativeDesign(title="Trusted team", source="trusted.yaml", relationship={
        "model": "collaborative", "trust": "high", "governance": {"mixed_teams": True}})
    view = collabrules.options(ROOT / "examples" / "bespoke-software.yaml", models=[],
                               designs=[design])
    assert [o.key for o in view.columns] == ["today", "design:trusted.yaml"]
    column = view.options[0]
    assert column.model is not None and column.model.id == "collaborative"
    assert column.trust_gap == 0 and view.today.trust_gap == 0
    assert column.months > 0 and column.path
    assert view.today.report.finding("CR05").status != column.report.finding("CR05").status
