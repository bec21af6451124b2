"""The shared ``__repr__`` of the attrs classes writes what attrs' generated one writes
(ADR 0027, session 7), and every attrs class of the package uses it."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from collabrules.model.case import Interest
from collabrules.model.records import record_repr, shared_repr

SRC = Path(__file__).resolve().parents[2] / "src" / "collabrules"


def _pair(shared: bool) -> tuple[type, type]:
    """Two classes covering attrs' repr options; with the shared repr or attrs' own."""
    extra = shared_repr if shared else (lambda cls: cls)

    @attrs.frozen(kw_only=True)
    @extra
    class Outer:
        name: str
        items: tuple[Any, ...] = ()
        hidden: int = attrs.field(default=0, repr=False)
        shown: Any = attrs.field(default=None, repr=lambda v: f"<{v}>")
        later: int = attrs.field(init=False, default=7)

    @attrs.define
    @extra
    class Node:
        value: Any
        children: list[Any] = attrs.field(factory=list)

    return Outer, Node


SHARED, PLAIN = _pair(True), _pair(False)
values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8)
                      | st.floats(allow_nan=False),
                      lambda inner: st.lists(inner, max_size=3).map(tuple), max_leaves=8)


@given(name=st.text(max_size=10), items=st.lists(values, max_size=3).map(tuple),
       hidden=st.integers(), shown=values)
def test_same_text_as_attrs(name: str, items: tuple[Any, ...], hidden: int,
                            shown: Any) -> None:
    mine = SHARED[0](name=name, items=items, hidden=hidden, shown=shown)
    theirs = PLAIN[0](name=name, items=items, hidden=hidden, shown=shown)
    assert type(mine).__repr__ is record_repr
    assert repr(mine) == repr(theirs)


def test_nested_and_recursive_values() -> None:
    outer = SHARED[1](1)
    outer.children.append(SHARED[1](2))
    outer.children.append(outer)
    plain = PLAIN[1](1)
    plain.children.append(PLAIN[1](2))
    plain.children.append(plain)
    assert repr(outer) == repr(plain) == "Node(value=1, children=[Node(value=2, children=[]), ...])"


def test_a_model_class() -> None:
    interest = Interest(description="tijd", disclosed=True)
    assert repr(interest) == "Interest(description='tijd', kind=None, disclosed=True)"


def test_every_attrs_class_shares_the_repr() -> None:
    missing = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            names = [ast.unparse(d.func if isinstance(d, ast.Call) else d)
                     for d in node.decorator_list]
            if any(n.startswith("attrs.") for n in names) and "shared_repr" not in names:
                missing.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name}")
    assert not missing, "put @shared_repr under the attrs decorator: " + ", ".join(missing)
