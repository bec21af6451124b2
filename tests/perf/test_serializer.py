"""The orjson writer gives the bytes ``json.dumps`` gives: reports and any JSON value.

Indented JSON is ``json.dumps(ensure_ascii=False, indent=2)``; JSON Lines (``indent=None``)
is ``json.dumps(ensure_ascii=False, separators=(",", ":"))`` (ADR 0018, session 6).
"""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from typing import Any

import attrs
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
    if indent is None:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, indent=indent)


def _check_report(report: collabrules.Report, *, fast: bool = True) -> None:
    for lang in ("en", "nl"):
        data = report_to_dict(report, lang)
        assert _orjson_writes_alike(data) or not fast  # the fast path is the one taken
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
    # a generated case may hold a float orjson writes otherwise (9.2e-282): not fast
    _check_report(ENGINE.evaluate(document), fast=False)


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


# ``report_to_json`` checks only the values a case or plugin chose (facts, signals,
# possibilities, months, waivers, perceptions) before orjson writes a report: a report that
# holds any value there is written as ``json.dumps`` writes its mapping (or fails alike).
def _plain_base() -> collabrules.Report:
    """A report whose own values are all text, whole numbers, true/false or null (no
    signal values, no possibilities): the quick check passes unless a test adds a value."""
    report = ENGINE.evaluate(EXAMPLES / "bespoke-software.yaml")
    assert report.recommendation is not None
    return attrs.evolve(report, findings=tuple(attrs.evolve(f, conditions=tuple(
        attrs.evolve(c, signals=(), facts=tuple(
            fact for fact in c.facts if type(fact.value) in (str, int, bool, type(None))))
        for c in f.conditions), possible=())
        for f in report.findings), recommendation=attrs.evolve(report.recommendation,
                                                               possible=()))


_BASE = _plain_base()
_NONE = object()


def _with_values(facts: list[Any], signal: Any = _NONE, when: Any = _NONE,
                 months: Any = _NONE) -> collabrules.Report:
    from collabrules.model.finding import Fact, Possibility, SignalUse

    finding = _BASE.findings[0]
    condition = attrs.evolve(finding.conditions[0], facts=tuple(
        Fact(f"$.x[{i}]", value) for i, value in enumerate(facts)),
        signals=() if signal is _NONE else (SignalUse("s", signal),))
    finding = attrs.evolve(finding, conditions=(condition, *finding.conditions[1:]),
                           possible=() if when is _NONE else (
                               Possibility("upheld", ((("$.y", when),),)),))
    rec = _BASE.recommendation
    assert rec is not None and rec.path
    if months is not _NONE:
        rec = attrs.evolve(rec, path=(attrs.evolve(rec.path[0], months=months), *rec.path[1:]))
    return attrs.evolve(_BASE, findings=(finding, *_BASE.findings[1:]), recommendation=rec)


def _written_alike(report: collabrules.Report) -> None:
    data = report_to_dict(report)
    for indent in (None, 2):
        try:
            expected: Any = _reference(data, indent) + "\n"
        except (TypeError, ValueError) as exc:
            expected = type(exc)
        try:
            written: Any = report_to_json(report, indent=indent)
        except (TypeError, ValueError) as exc:
            written = type(exc)
        assert written == expected


@ci_examples(300)
@given(st.lists(JSON, max_size=4), JSON, JSON, JSON)
def test_reports_with_any_values_are_written_as_json_dumps_writes_them(
        facts: list[Any], signal: Any, when: Any, months: Any) -> None:
    _written_alike(_with_values(facts, signal, when, months))
    _written_alike(_with_values(facts))


ODD = [1e16, 1.5e-7, float("nan"), float("-inf"), 2**64, {1: "int key"}, (1, 2), _Colour.RED,
       _Label("x"), "\ud800", dt.date(2026, 1, 1)]


@pytest.mark.parametrize("where", ["facts", "signal", "when", "months"])
@pytest.mark.parametrize("value", ODD, ids=repr)
def test_report_values_orjson_writes_otherwise_go_to_json(value: Any, where: str) -> None:
    _written_alike(_with_values([1, value]) if where == "facts"
                   else _with_values([], **{where: value}))
