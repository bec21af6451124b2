"""The line of each JSON path in a case file's text, for locating findings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collabrules.model.paths import child
from collabrules.pipeline.loading import read_document
from collabrules.render.linemap import json_lines, yaml_lines
from tests.conftest import EXAMPLES

scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=5)
documents = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.text(min_size=1, max_size=6), inner, max_size=3), max_leaves=12)


def _paths(value: Any, path: str = "$", key: str | None = None
           ) -> list[tuple[str, str | None]]:
    """Every path with the key that names it (``None`` for the root and list items)."""
    found = [(path, key)]
    if isinstance(value, dict):
        for name, item in value.items():
            found += _paths(item, child(path, name), name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, child(path, index))
    return found


@given(documents)
def test_every_path_is_on_its_line_when_indented(document: Any) -> None:
    text = json.dumps({"root": document}, indent=2, ensure_ascii=False)
    lines = json_lines(text)
    paths = _paths({"root": document})
    assert set(lines) == {p for p, _ in paths}
    rows = text.split("\n")  # not splitlines(): it also splits at U+0085 and friends
    assert lines["$"] == 1
    for path, key in paths:
        if key is not None:  # a member starts the line of its key
            prefix = json.dumps(key, ensure_ascii=False) + ":"
            assert rows[lines[path] - 1].lstrip().startswith(prefix), (path, rows)


@given(documents)
def test_compact_json_is_all_on_line_one(document: Any) -> None:
    assert set(json_lines(json.dumps(document)).values()) <= {1}


def test_strings_with_escapes_and_newlines_in_between() -> None:
    text = '{\n  "a\\"b": "x,y]",\n\n  "parties": [\n    {"id": "us"}\n  ]\n}'
    assert json_lines(text) == {"$": 1, '$["a\\"b"]': 2, "$.parties": 4,
                                "$.parties[0]": 5, "$.parties[0].id": 5}


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_yaml_lines_are_the_loaders(example: Path) -> None:
    assert yaml_lines(example.read_text(encoding="utf-8")) == read_document(example).lines


def test_yaml_aliases_are_walked_once() -> None:
    text = "a: &x [1, 2]\nb: *x\n"
    found = yaml_lines(text)
    assert {"$", "$.a", "$.b"} <= set(found) and len(found) == 5  # one alias side descended
    assert yaml_lines("a: [") == {}
