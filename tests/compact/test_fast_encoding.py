"""The compact writer's fast paths write what the straightforward encoding writes.

:class:`Catalogue` finds a condition, finding or question seen before by a key made of
numbers and references instead of encoding it again, and texts by identity; a line goes
to orjson when its values read back equal. Each is held here to the plain way.
"""

from __future__ import annotations

import json
import math
import random
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import collabrules
from collabrules.io.compact import Catalogue, CompactWriter, _dumps, read_compact
from collabrules.io.serialize import report_to_json
from collabrules.model.finding import Fact, SignalUse
from collabrules.model.report import Report
from collabrules.model.text import Text, join
from collabrules.model.text import made_alike as _alike

from ..conftest import EXAMPLES, ci_examples
from ..strategies import valid_cases
from .test_roundtrip import _partial_portfolio, _same

ENGINE = collabrules.default_engine()


class _Plain(Catalogue):
    """A catalogue that encodes every part and text again (no quick keys, nothing kept
    from one line to the next but the table)."""

    def _quick(self, key: tuple[Any, ...], encode: Any, loose: bool = False) -> int:
        number: int = encode()
        return number

    def new_line(self) -> None:
        super().new_line()
        self._templates.clear()
        self._rationales.clear()
        self._summaries.clear()
        self._finished.clear()


def _lines(catalogue: Catalogue, reports: list[Report]) -> list[str]:
    writer = CompactWriter(catalogue)
    return [writer.header(), *(writer.line(r) for r in reports)]


def _both(reports: list[Report]) -> list[str]:
    fast = _lines(Catalogue.of(ENGINE), reports)
    assert fast == _lines(_Plain.of(ENGINE), reports)
    return fast


def test_examples_and_partial_facts_encode_alike_both_ways() -> None:
    documents = [*sorted(EXAMPLES.glob("*.yaml")), *_partial_portfolio(8, seed=5)]
    reports = [ENGINE.evaluate(d) for d in [*documents, *documents]]  # seen again: hits
    lines = _both(reports)
    for original, expanded in zip(reports, read_compact(lines), strict=True):
        _same(original, expanded)


@ci_examples(20)
@given(st.lists(valid_cases(), min_size=2, max_size=4))
def test_generated_portfolios_encode_alike_both_ways(documents: list[dict[str, Any]]) -> None:
    reports = [ENGINE.evaluate(d) for d in documents]
    _both(reports)


_COUNT = Text("{count} found", "{count} gevonden")


@given(st.sampled_from([(True, 1), (1, 1.0), (0.0, -0.0), (False, 0), (None, math.inf),
                        (math.inf, None), ([None], [math.inf])]))
def test_values_equal_across_types_stay_apart(pair: tuple[Any, Any]) -> None:
    """``True == 1 == 1.0``, ``0.0 == -0.0``: as keys alike, as JSON not; orjson writes
    ``None`` and ``inf`` both as ``null``."""
    report = ENGINE.evaluate(sorted(EXAMPLES.glob("*.yaml"))[0])
    finding = report.findings[0]
    condition = finding.conditions[0]
    reports = []
    for value in pair:
        changed = attrs.evolve(condition, facts=(Fact("$.x", value),),
                               text=_COUNT.format(count=value))
        reports.append(attrs.evolve(report, findings=(attrs.evolve(
            finding, conditions=(changed, *finding.conditions[1:]),
            actions=(_COUNT.format(count=value),)), *report.findings[1:])))
    for original, expanded in zip(reports, read_compact(_both(reports)), strict=True):
        _same(original, expanded)


@given(st.sampled_from([(None, math.inf), (math.inf, None), ([None], [math.inf]),
                        ({"v": math.nan}, {"v": None}), (1, 1.0), (True, 1), (0.0, -0.0)]))
def test_conditions_that_differ_only_in_a_value_stay_apart(pair: tuple[Any, Any]) -> None:
    """A condition is found by the JSON of its values, which orjson writes alike for these
    (``null``) or Python holds equal: each value keeps its own entry."""
    report = ENGINE.evaluate(sorted(EXAMPLES.glob("*.yaml"))[0])
    finding = report.findings[0]
    condition = finding.conditions[0]
    reports = [attrs.evolve(report, findings=(attrs.evolve(finding, conditions=(
        attrs.evolve(condition, facts=(Fact("$.x", value),),
                     signals=(SignalUse("s", [value]),)),
        *finding.conditions[1:])), *report.findings[1:])) for value in pair]
    lines = _both(reports)
    for original, expanded in zip(reports, read_compact(lines), strict=True):
        _same_json(original, expanded)


def _same_json(original: Report, expanded: Report) -> None:
    """Equal as JSON in both languages (NaN is not equal to itself as a value)."""
    for lang in ("en", "nl"):
        assert report_to_json(expanded, lang, indent=None) == report_to_json(
            original, lang, indent=None)


def test_values_orjson_would_write_otherwise_go_to_the_standard_library() -> None:
    """A signal value ``inf`` (orjson writes ``null``) and a fact value beyond 64 bits."""
    report = ENGINE.evaluate(sorted(EXAMPLES.glob("*.yaml"))[0])
    finding = report.findings[0]
    condition = finding.conditions[0]
    changed = attrs.evolve(condition, facts=(Fact("$.x", 2**70),),
                           signals=(SignalUse("odd", {"v": [math.inf]}),))
    odd = attrs.evolve(report, findings=(attrs.evolve(
        finding, conditions=(changed, *finding.conditions[1:])), *report.findings[1:]))
    lines = _both([odd, report])
    assert "Infinity" in lines[1] and str(2**70) in lines[1]
    for original, expanded in zip([odd, report], read_compact(lines), strict=True):
        _same(original, expanded)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=3), inner, max_size=3), max_leaves=8)


@given(_JSON)
def test_a_line_reads_back_as_the_standard_library_writes_it(value: Any) -> None:
    written = _dumps({"v": value})
    assert written.endswith("\n") and written.count("\n") == 1
    expected = json.dumps({"v": value}, ensure_ascii=False, separators=(",", ":"))
    assert _loose_nan(json.loads(written)) == _loose_nan(json.loads(expected))


def _loose_nan(value: Any) -> Any:
    """NaN as a marker, so that equal documents compare equal."""
    if isinstance(value, float) and math.isnan(value):
        return "<nan>"
    if isinstance(value, list):
        return [_loose_nan(v) for v in value]
    if isinstance(value, dict):
        return {k: _loose_nan(v) for k, v in value.items()}
    return value


_TEMPLATES = [Text("{a} and {b}", "{a} en {b}"), Text("{a}", "{a}!"), Text("x {b}", "x {b}")]
_VALUES: list[Any] = [1, 0.0, "1", None, Text("1", "1")]
# values equal to these but of another type (or sign), which format otherwise
_TWISTS: list[dict[Any, Any]] = [{}, {1: True}, {1: 1.0}, {0.0: -0.0}, {"1": Text("1", "1")}]


def _build(shape: random.Random, twist: dict[Any, Any], depth: int = 0) -> Text:
    """A lazy text made up as ``shape`` draws, its parameter values replaced by ``twist``."""
    kind = shape.choice(["plain", "format", "join"] if depth < 2 else ["plain"])
    if kind == "plain":
        return Text(shape.choice(["a", "1"]), shape.choice(["a", "b"]))
    if kind == "format":
        a = shape.choice(_VALUES) if shape.random() < 0.5 else _build(shape, twist, depth + 1)
        b = shape.choice(_VALUES)
        return shape.choice(_TEMPLATES).format(
            a=twist.get(a, a) if type(a) is not Text else a, b=twist.get(b, b))
    return join([_build(shape, twist, depth + 1) for _ in range(shape.randint(1, 3))],
                shape.choice(["; ", ""]))


def _unwritten(text: Text) -> bool:
    """Neither string of a lazy text written yet (read through the slots, not ``getattr``)."""
    def written(name: str) -> bool:
        try:
            Text.__dict__[name].__get__(text, Text)
        except AttributeError:
            return False
        return True
    return text.source is None or not (written("en") or written("nl"))


@given(st.integers(0, 2**16), st.sampled_from(_TWISTS))
def test_texts_alike_have_the_same_strings_and_stay_unwritten(
        shape: int, twist: dict[Any, Any]) -> None:
    """``_alike`` (how a derived rationale or summary is recognised) writes no strings, and
    says alike only of texts with the same strings in both languages: two texts made up
    alike, one with values equal to the other's but of another type (1, True, 1.0)."""
    a = _build(random.Random(shape), {})
    b = _build(random.Random(shape), twist)
    alike = _alike(a, b)
    assert _unwritten(a) and _unwritten(b)
    if alike:
        assert (a.en, a.nl) == (b.en, b.nl)
    assert _alike(a, a) and _alike(a, _build(random.Random(shape), {}))


@given(st.sampled_from([(None, math.inf), (math.inf, None), (None, math.nan), (1, 1.0),
                        (True, 1), (0.0, -0.0)]))
def test_conditions_of_facts_that_differ_only_in_a_value_stay_apart(
        pair: tuple[Any, Any]) -> None:
    """Facts only, one of them unknown (``null``): values of text, whole numbers,
    true/false and null are found by orjson's JSON, anything else by its repr."""
    report = ENGINE.evaluate(sorted(EXAMPLES.glob("*.yaml"))[0])
    finding = report.findings[0]
    condition = finding.conditions[0]
    reports = [attrs.evolve(report, findings=(attrs.evolve(finding, conditions=(
        attrs.evolve(condition, facts=(Fact("$.x", value), Fact("$.y", None)), signals=()),
        *finding.conditions[1:])), *report.findings[1:])) for value in [*pair, *pair]]
    lines = _both(reports)
    for original, expanded in zip(reports, read_compact(lines), strict=True):
        _same_json(original, expanded)


@given(st.sampled_from([(3.0, 3), (True, 1), (0.0, -0.0), (math.nan, None), (None, math.inf),
                        (2**70, 2**70 + 1)]))
def test_perceptions_that_differ_only_in_a_value_stay_apart(pair: tuple[Any, Any]) -> None:
    """A perception pair is found by the JSON orjson writes for it: ``3`` and ``3.0``
    differ there; ``null`` (``None`` or a non-finite view) and what orjson refuses are
    numbered by their repr."""
    report = ENGINE.evaluate(EXAMPLES / "bespoke-software-perceptions.yaml")
    first = report.perceptions[0]
    theme = first.themes[0]
    reports = [attrs.evolve(report, perceptions=(attrs.evolve(first, themes=(
        attrs.evolve(theme, us_about_us=value), *first.themes[1:])), *report.perceptions[1:]))
        for value in [*pair, *pair]]
    lines = _both(reports)
    assert len({json.dumps(json.loads(line)["perceptions"]) for line in lines[1:]}) == 2
    for original, expanded in zip(reports, read_compact(lines), strict=True):
        _same_json(original, expanded)
