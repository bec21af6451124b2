"""The small fast paths give what the plain code they replaced gave."""

from __future__ import annotations

import enum
import random
from typing import Any

import pytest
from cases import make_case
from hypothesis import given
from hypothesis import strategies as st

from collabrules.io.serialize import report_to_dict
from collabrules.model import vocab
from collabrules.model.signals import cited_value, plain
from collabrules.model.text import Lang, Text
from collabrules.pipeline.engine import Engine

from ..conftest import ci_examples

MEMBERS = [m for cls in vars(vocab).values()
           if isinstance(cls, type) and issubclass(cls, vocab.Vocabulary)
           and cls is not vocab.Vocabulary for m in cls]


def _reference_plain(value: Any) -> Any:
    """``cited_value`` without the fast path: labelled vocabulary values to their value, typed
    signal values (enums, attrs classes) through :func:`collabrules.model.signals.plain`."""
    if isinstance(value, tuple):
        return [_reference_plain(v) for v in value]
    return getattr(value, "value", value) if hasattr(value, "label") else plain(value)


class Colour(enum.Enum):
    """An enum without a label (a typed signal value): reduced to its plain value."""

    RED = "red"


class Labelled:
    """Any object with a label and a value: reduced to its value."""

    label = "x"
    value = 42


values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=3)
    | st.sampled_from(MEMBERS) | st.just(Colour.RED) | st.builds(Labelled),
    lambda inner: st.lists(inner, max_size=3).map(tuple),
    max_leaves=8,
)


@ci_examples(200)
@given(values)
def test_plain_matches_the_reference(value: Any) -> None:
    fast, reference = cited_value(value), _reference_plain(value)
    assert fast == reference
    assert repr(fast) == repr(reference)


@pytest.mark.parametrize("member", MEMBERS, ids=str)
def test_raw_value_is_the_value(member: vocab.Vocabulary) -> None:
    assert member._value_ == member.value
    assert type(member._value_) is type(member.value) is str


@pytest.mark.parametrize("lang", ["en", "nl", Lang.EN, Lang.NL])
def test_text_get_picks_the_language(lang: str) -> None:
    text = Text("hello", "hallo")
    assert text.get(lang) == ("hallo" if Lang(lang) is Lang.NL else "hello")


def test_text_get_refuses_an_unknown_language() -> None:
    with pytest.raises(ValueError, match="de"):
        Text("a", "b").get("de")


@ci_examples(50)
@given(st.integers(0, 2**32), st.sampled_from(["en", "nl"]))
def test_report_values_are_plain_strings(seed: int, lang: str) -> None:
    report = Engine().evaluate(make_case(random.Random(seed), 1))
    data = report_to_dict(report, lang)
    for finding in data["findings"]:
        assert type(finding["status"]) is str
        assert type(finding["severity"]) is str
        for condition in finding["conditions"]:
            assert type(condition["outcome"]) is str
            assert type(condition["effect"]) is str
