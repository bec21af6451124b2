"""Citing case values by JSON path."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given

from collabrules.pipeline.loading import Document
from collabrules.pipeline.structure import structure_case
from collabrules.standard.evidence import reader, value_at
from tests.strategies import valid_cases

from ..conftest import ci_examples
from .helpers import SCENARIOS, engine, patched


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


def _paths(value: object, path: str = "$") -> Iterator[str]:
    """Every path into a structured case, with one past the end of each list."""
    yield path
    if isinstance(value, tuple):
        for index, item in enumerate((*value, None)):
            yield from _paths(item, f"{path}[{index}]")
    elif hasattr(type(value), "__attrs_attrs__"):
        for field in attrs.fields(type(value)):
            yield from _paths(getattr(value, field.name), f"{path}.{field.name}")
            yield f"{path}.{field.name}.not_a_field"


def _reads_alike(case: object) -> int:
    paths = list(_paths(case))
    for path in paths:
        assert reader(path)(case) == value_at(case, path), path
    return len(paths)


@pytest.mark.parametrize("name", SCENARIOS)
def test_compiled_readers_read_what_value_at_reads(name: str) -> None:
    assert _reads_alike(_case(name)) > 100


@given(valid_cases())
@ci_examples(40)
def test_compiled_readers_agree_on_generated_cases(document: dict[str, object]) -> None:
    assert _reads_alike(structure_case(document)) > 10
