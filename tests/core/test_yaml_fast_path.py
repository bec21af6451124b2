"""libyaml's reading of a YAML case against the pure-Python reading (ADR 0027, session 7).

``read_yaml`` keeps what libyaml composes and falls back to the pure-Python parser for
anything libyaml or the builder refuses. That is safe only if libyaml never accepts a
document the pure parser refuses, nor reads one differently: checked here on documents
dumped from generated values in several styles, on mutations of them, on hand-written
edge cases and on every YAML file of the repository.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collabrules.model.errors import InputError
from collabrules.pipeline import yaml_reading
from collabrules.pipeline.yaml_reading import read_fast, read_pure, read_yaml

ROOT = Path(__file__).resolve().parents[2]
FAST = yaml_reading._FastLoader

pytestmark = pytest.mark.skipif(FAST is None and os.environ.get("CI") != "true",
                                reason="PyYAML was built without libyaml")


def _typed(value: Any) -> Any:
    """The value with every type spelled out (1, 1.0 and True differ; -0.0 and 0.0 too)."""
    if isinstance(value, dict):
        return ("dict", [(k, _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    if isinstance(value, float):
        return ("float", math.copysign(1, value), repr(value))
    return (type(value).__name__, value)


def _outcomes(text: str) -> tuple[Any, Any]:
    """(what libyaml's path gives or None if it refuses, what the pure path gives)."""
    try:
        data, lines = read_fast(text, "case.yaml", FAST)  # type: ignore[arg-type]
        fast: Any = (_typed(data), lines)
    except Exception:
        fast = None
    try:
        data, lines = read_pure(text, "case.yaml")
        pure: Any = (_typed(data), lines)
    except InputError as exc:
        pure = ("refused", exc.issues[0].message.en)
    return fast, pure


def _agree(text: str) -> Any:
    fast, pure = _outcomes(text)
    if fast is not None:
        assert fast == pure, f"libyaml reads {text!r} differently"
    return fast, pure


scalars = (st.none() | st.booleans() | st.integers(min_value=-10**20, max_value=10**20)
           | st.floats() | st.text(max_size=12)
           | st.sampled_from(["yes", "no", "on", "off", "~", "null", "1:20", "0o17", "0x1f",
                              "1_000", "2020-01-01", ".inf", "-.nan", "", " a", "a ",
                              "#", "- x", "a: b", "'", '"', "\t", "\\", "\u2028", "\x85",
                              "\ufeff", "é", "🙂", "null\n", "a\r\nb"]))
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=6) | st.sampled_from(["<<", "? x", "-", ":"]),
                      inner, max_size=4),
    max_leaves=12)
styles = st.fixed_dictionaries({
    "default_flow_style": st.sampled_from([False, True, None]),
    "default_style": st.sampled_from([None, '"', "'", "|", ">"]),
    "allow_unicode": st.booleans(),
    "width": st.sampled_from([8, 40, 80]),
    "indent": st.sampled_from([2, 3, 4]),
    "canonical": st.booleans(),
    "explicit_start": st.booleans(),
    "line_break": st.sampled_from([None, "\r\n", "\r"]),
})
SIGNIFICANT = list(":- \t\n\r#&*!|>'\"{}[],?%@`\\\x00\x85\u2028\ufeff\ud800é0aZ.~")


def _dump(value: Any, style: dict[str, Any]) -> str:
    return yaml.safe_dump({"case": value}, sort_keys=False, **style)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=values, style=styles)
def test_dumped_documents_read_alike(value: Any, style: dict[str, Any]) -> None:
    fast, pure = _agree(_dump(value, style))
    assert pure[0] != "refused" or fast is None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=values, style=styles, data=st.data())
def test_mutated_documents_read_alike_or_libyaml_refuses(
        value: Any, style: dict[str, Any], data: st.DataObject) -> None:
    text = _dump(value, style)
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        kind = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        char = data.draw(st.sampled_from(SIGNIFICANT))
        if kind == "insert":
            text = text[:at] + char + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + 1:]
        else:
            text = text[:at] + char + text[at + 1:]
    _agree(text)


EDGE_CASES = [
    "", "---\n", "...\n", "# only a comment\n", "a: 1\n---\nb: 2\n", "%YAML 1.1\n---\na: 1\n",
    "%YAML 1.2\n---\na: 1\n", "%YAML 2.0\n---\na: 1\n", "%TAG !e! tag:e.com,2000:\n---\na: 1\n",
    "a: &x 1\nb: *x\n", "a: &x [*x]\n", "<<: {a: 1}\nb: 2\n", "a: 1\na: 2\n",
    "a: !!str 1\n", "a: !!binary aGVsbG8=\n", "a: !!python/name:os.system\n", "a: !x 1\n",
    "? [a, b]\n: c\n", "? a\n", "{a, b}\n", "[a: b]\n", "a:\tb\n", "a:\n\t- b\n",
    "a: b#c\n", "a:b\n", "- - - x\n", "a: 'it''s'\n", 'a: "\\/"\n', 'a: "\\ud800"\n',
    'a: "\\x00"\n', 'a: "\\N\\_\\L\\P"\n', "a: |2-\n   x\n", "a: >+\n x\n\n", "a: |\n x\n y  \n",
    "a: 1\r\nb: 2\r\n", "a: 1\rb: 2\r", "\ufeffa: 1\n", "a: \ufeff1\n", "a: \x85b\n",
    "a: \u2028b\n", "a: 1\x00\n", "a: \x7f\n", "a: \ud800\n", "a: 1e3\n", "a: 1.\n",
    "a: +1\n", "a: 0b101\n", "a: 012\n", "a: 190:20:30\n", "a: 1_0.5\n", "a: .Inf\n",
    "a: NaN\n", "a: 1" + "0" * 4000 + "\n", "k" * 1100 + ": 1\n", "a: " + "[" * 1500 + "]" * 1500,
    "a:\n" + "".join("  " * i + "b:\n" for i in range(1, 1200)),
    "a: 2001-12-14t21:59:43.10-05:00\n",
    "a: 'x\n  y'\n", 'a: "x\\\n  y"\n', "- a\n -b\n", "a:\n  - 1\n - 2\n", "a: [1, 2,]\n",
    "a: {b: 1,}\n", "a: -\n", "a: !!bool x\n", "a: !!int x\n", "a: !!float x\n",
    '"case": !\n', "a: ! x\n", "- ? a\n  : b\n", "&a a: b\n", "!!map {a: 1}\n", "a: !!null ''\n",
]


@pytest.mark.parametrize("text", EDGE_CASES, ids=range(len(EDGE_CASES)))
def test_hand_written_edge_cases(text: str) -> None:
    _agree(text)


REPOSITORY_YAML = sorted(p for folder in ("examples", "tests", "docs", "schemas")
                         for p in (ROOT / folder).rglob("*.y*ml"))


def test_every_yaml_file_of_the_repository() -> None:
    assert len(REPOSITORY_YAML) > 50
    refused = 0
    for path in REPOSITORY_YAML:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # a fixture of undecodable input: never parsed
            continue
        fast, pure = _agree(text)
        refused += fast is None and pure[0] != "refused"
    # the fallback would hide it, but libyaml should accept what the pure parser accepts
    assert refused == 0


def test_refusals_keep_the_pure_parsers_message() -> None:
    text = "a: 1\nb: &x 2\nc: *x\n"
    with pytest.raises(InputError) as fast:
        read_yaml(text, "case.yaml")
    with pytest.raises(InputError) as pure:
        read_pure(text, "case.yaml")
    assert fast.value.issues == pure.value.issues
    assert fast.value.issues[0].line == 3


def test_an_example_is_read_by_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (ROOT / "examples" / "office-cleaning.yaml").read_text(encoding="utf-8")
    expected = read_pure(text, "case.yaml")

    def refuse(text: str, source: str) -> Any:
        raise AssertionError("the pure-Python parser was used")

    monkeypatch.setattr(yaml_reading, "read_pure", refuse)
    assert read_yaml(text, "case.yaml") == expected
