"""Choosing principles by code or prefix: the most specific rule wins, ties ignore."""

from __future__ import annotations

import pytest

from collabrules.pipeline.selection import is_selected


@pytest.mark.parametrize(("code", "select", "ignore", "expected"), [
    ("CR01", None, (), True),
    ("CR01", None, ("CR",), False),
    ("CR01", None, ("CR01",), False),
    ("CR01", None, ("CR02",), True),
    ("CR01", ("CR02",), (), False),
    ("CR01", ("CR",), ("CR01",), False),
    ("CR01", ("CR01",), ("CR",), True),
    ("CR01", ("CR0",), ("CR",), True),
    ("CR01", ("CR",), ("CR",), False),
    ("CR01", ("CR01",), ("CR01",), False),
    ("CR01", ("ALL",), (), True),
    ("CR01", ("ALL",), ("CR",), False),
    ("CR01", ("CR",), ("ALL",), True),
    ("CR01", None, ("ALL",), False),
    ("CR01", ("ALL",), ("ALL",), False),
    ("HP1", ("CR",), (), False),
    ("CR01", (), (), False),
])
def test_is_selected(code: str, select: tuple[str, ...] | None, ignore: tuple[str, ...],
                     expected: bool) -> None:
    assert is_selected(code, select, ignore) is expected
