"""Citing case values by JSON path."""

from __future__ import annotations

from collabrules.pipeline.loading import Document
from collabrules.standard.evidence import value_at

from .helpers import engine, patched


def _case(name: str) -> object:
    return engine().structure(Document(patched(name), "<test>"))


def test_value_at_reads_scalars_lists_and_left_out_fields() -> None:
    case = _case("bespoke-software")
    assert value_at(case, "$.delivery.risk").value == "high"
    assert value_at(case, "$.parties[1].capabilities_offered") == (
        "software engineering", "agile delivery")
    assert value_at(case, "$.relationship.development.stages") is None
    assert value_at(case, "$.parties[7].name") is None


def test_value_at_does_not_cite_whole_objects() -> None:
    case = _case("office-cleaning")
    assert value_at(case, "$.delivery") is not None
    assert value_at(case, "$.delivery") is value_at(case, "$.parties[0].goals")
    assert value_at(case, "$.parties[0].goals[0].topic") == "price"
