"""The orjson writer gives the bytes ``json.dumps`` gives: reports and any JSON value."""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import collabrules
from collabrules.io.serialize import (
    _orjson_writes_alike,
    dumps,
    dumps_line,
    report_to_dict,
    report_to_json,
)

from ..casebook.book import load
from ..conftest import EXAMPLES, ci_examples
from ..strategies import valid_cases

ENGINE = collabrules.default_engine()


def _reference(data: Any, indent: int | None = 2) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent)


def _check_report(report: collabrules.Report) -> None:
    for lang in ("en", "nl"):
        data = report_to_dict(report, lang)
        assert _orjson_writes_alike(data)  # the fast path is the one taken
        assert report_to_json(report, lang) == _reference(data) + "\n"
        assert report_to_json(report, lang, indent=None) == _reference(data, None) + "\n"


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_are_written_byte_for_byte(path: Any) -> None:
    _check_report(ENGINE.evaluate(path))


def test_the_casebook_is_written_byte_for_byte() -> None:
    for entry in load():
        _check_report(ENGINE.evaluate(dict(entry.case)))


@ci_examples(40)
@given(valid_cases())
def test_generated_reports_are_written_byte_for_byte(document: dict[str, Any]) -> None:
    _check_report(ENGINE.evaluate(document))


TEXT = st.text(st.characters(codec="utf-8") | st.sampled_from(
    ["\x00", "\x1f", "\x7f", "\u2028", "\u2029", "\ud800", '"', "\\", "é", "\U0001f600"]))
SCALARS = (st.none() | st.booleans() | TEXT
           | st.integers() | st.integers(min_value=-(2**70), max_value=2**70)
           | st.floats() | st.sampled_from([0.0, -0.0, 1e-4, 9.999e-5, 1e16, 9.99e15, 1e300]))
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(TEXT, inner, max_size=4), max_leaves=30)


@ci_examples(400)
@given(JSON)
def test_any_json_value_is_written_as_json_dumps_writes_it(data: Any) -> None:
    assert dumps(data) == _reference(data)
    assert dumps(data, indent=None) == _reference(data, None)
    assert dumps_line(data) == json.dumps(data, ensure_ascii=False,
                                          separators=(",", ":")) + "\n"


class _Colour(str, Enum):
    RED = "red"


class _Label(str):
    pass


@pytest.mark.parametrize("data", [
    {"f": 1e16}, {"f": 1.5e-7}, {"f": float("nan")}, {"f": float("inf")}, {"big": 2**64},
    {1: "int key"}, {"t": (1, 2)}, {"e": _Colour.RED}, {"s": _Label("x")}, {"s": "\ud800"},
], ids=str)
def test_values_orjson_writes_otherwise_go_to_json(data: Any) -> None:
    assert dumps(data) == _reference(data)
    assert dumps_line(data) == json.dumps(data, ensure_ascii=False,
                                          separators=(",", ":")) + "\n"


def test_plain_data_takes_the_fast_path() -> None:
    assert _orjson_writes_alike({"a": [1, 2.5, None, True, "x", {"b": 1e15}]})
    assert not _orjson_writes_alike({"a": [1e16]})
