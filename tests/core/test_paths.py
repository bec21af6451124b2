"""One JSON-path helper: paths written by ``join`` read back by ``steps``."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collabrules.model.paths import child, join, parent, steps
from collabrules.pipeline.validation import line_of

keys = st.text()
parts = st.lists(st.integers(0, 10**6) | keys, max_size=6)


@given(parts)
def test_steps_read_back_what_join_writes(path_parts: list[str | int]) -> None:
    assert steps(join(path_parts)) == tuple(path_parts)


@given(parts, st.integers(0, 99) | keys)
def test_parent_undoes_child(path_parts: list[str | int], last: str | int) -> None:
    path = join(path_parts)
    assert parent(child(path, last)) == path


def test_examples() -> None:
    assert steps("$.parties[1].goals[0].direction") == ("parties", 1, "goals", 0, "direction")
    assert steps("parties[1].name") == ("parties", 1, "name")
    assert steps('$.extensions["security review"].by') == ("extensions", "security review",
                                                           "by")
    assert steps("$") == ()
    assert parent("$") is None
    assert parent('$.a["x.y[0]"]') == "$.a"


@pytest.mark.parametrize("text", ["$..a", "$.a[", "$[x]", "$.a]"])
def test_text_that_is_not_a_path_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a JSON path"):
        steps(text)


def test_line_of_finds_the_nearest_ancestor_with_a_line() -> None:
    lines = {"$": 1, "$.parties": 3, '$.extensions["a.b"]': 9}
    assert line_of("$.parties[2].name", lines) == 3
    assert line_of('$.extensions["a.b"].c', lines) == 9  # the old text cut split "a.b"
    assert line_of("$.delivery.kind", lines) == 1
    assert line_of("<no path>", {}) is None
