"""The nesting limit of JSON documents: exactly MAX_DEPTH levels are allowed."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collabrules.model.errors import InputError
from collabrules.pipeline.loading import MAX_DEPTH, parse_json

from ..conftest import ci_examples


def _reference(data: Any, limit: int) -> bool:
    """The original check: every value, scalars included, at most ``limit`` deep."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return True


documents = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner,
                                                                max_size=3),
    max_leaves=25,
)


def _nested(depth: int, leaf: str) -> str:
    return "[" * (depth - 1) + leaf + "]" * (depth - 1)


@pytest.mark.parametrize("leaf", ["1", "[]", "{}"])
def test_the_limit_itself_is_allowed(leaf: str) -> None:
    parse_json(_nested(MAX_DEPTH, leaf), "deep.json")


@pytest.mark.parametrize("leaf", ["1", '{"a": 1}', "[2]"])
def test_one_level_more_is_refused(leaf: str) -> None:
    with pytest.raises(InputError):
        parse_json(_nested(MAX_DEPTH + 1, leaf), "deep.json")


def _wrap(data: Any, levels: int, in_list: bool) -> Any:
    for _ in range(levels):
        data = [data] if in_list else {"k[{": data}
    return data


@ci_examples(150)
@given(documents, st.integers(0, 70), st.booleans())
def test_parse_json_refuses_exactly_the_deep_documents(data: Any, levels: int,
                                                       in_list: bool) -> None:
    document = _wrap(data, levels, in_list)
    text = json.dumps(document)
    deep = not _reference(document, MAX_DEPTH)
    try:
        parsed = parse_json(text, "case.json")
    except InputError as error:
        assert deep
        assert "nested more than" in error.issues[0].message.en
    else:
        assert not deep
        assert parsed == document
