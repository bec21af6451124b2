"""The input digest is SHA-256 over RFC 8785 (JCS), so another tool can recompute it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import rfc8785
import yaml
from hypothesis import given
from hypothesis import strategies as st

from collabrules import Engine
from collabrules.pipeline.engine import digest_of

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _jcs(data: Any) -> str:
    return "sha256:" + hashlib.sha256(rfc8785.dumps(data)).hexdigest()


def test_a_reports_input_digest_is_the_jcs_digest_of_its_case() -> None:
    engine = Engine()
    for path in EXAMPLES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = json.loads(json.dumps(data, default=str))  # dates as the strings JSON has
        assert engine.evaluate(path).provenance.input_digest == _jcs(data), path.name


def test_keys_are_ordered_by_utf16_code_units_as_jcs_requires() -> None:
    # U+1F600 sorts before U+E000 in UTF-16 (a surrogate pair starts with 0xD83D), after
    # it by code point: a plain sort_keys digest differs here.
    data = {"\ue000": 1, "\U0001f600": 2}
    assert rfc8785.dumps(data).decode("utf-8").index("\U0001f600") == 2
    assert digest_of(data) == _jcs(data)


def test_integers_beyond_a_double_are_read_as_doubles() -> None:
    assert digest_of({"n": 2**60}) == digest_of({"n": float(2**60)}) == _jcs({"n": 2.0**60})


def _values(numbers: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.recursive(
        st.none() | st.booleans() | numbers | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner,
                                                                    max_size=4),
        max_leaves=20)


@given(_values(st.integers(-(2**53) + 1, 2**53 - 1)
               | st.floats(allow_nan=False, allow_infinity=False)))
def test_any_json_value_digests_as_jcs(value: Any) -> None:
    assert digest_of(value) == _jcs(value)


@given(_values(st.integers(-(2**53) + 1, 2**53 - 1)))
def test_values_without_floats_digest_as_jcs(value: Any) -> None:
    # the fast path (json.dumps) must write what rfc8785 writes
    assert digest_of(value) == _jcs(value)
