"""The Markdown helpers keep any text inside its table cell, code span or anchor."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from collabrules.docgen.markdown import anchor, cell, code, table


@given(st.text())
def test_a_cell_never_breaks_the_row(text: str) -> None:
    value = cell(text)
    assert "\n" not in value and "\r" not in value
    assert re.search(r"(?<!\\)\|", value) is None


@given(st.lists(st.lists(st.text(), min_size=2, max_size=2), max_size=5))
def test_a_table_has_one_line_per_row(rows: list[list[str]]) -> None:
    lines = table(("a", "b"), rows).splitlines()
    assert len(lines) == 2 + len(rows)
    assert all(len(re.findall(r"(?<!\\)\|", line)) == 3 for line in lines)


@given(st.text())
def test_anchors_are_plain(text: str) -> None:
    assert re.fullmatch(r"[a-z0-9]*(-[a-z0-9]+)*", anchor(text))


def test_code_spans_survive_backticks() -> None:
    assert code("x") == "`x`"
    assert code("a`b") == "`` a`b ``"
