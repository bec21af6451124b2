"""Three-valued logic: Kleene's strong tables, checked against an independent model."""

from __future__ import annotations

from functools import reduce

from hypothesis import given
from hypothesis import strategies as st

from collabrules.model.kleene import Truth, and3, is3, not3, or3
from collabrules.model.vocab import Level, Posture

T, F, U = True, False, None
truths = st.sampled_from([T, F, U])

# The truth tables written out: (a, b) -> (a and b, a or b).
TABLE = {
    (T, T): (T, T), (T, F): (F, T), (T, U): (U, T),
    (F, T): (F, T), (F, F): (F, F), (F, U): (F, U),
    (U, T): (U, T), (U, F): (F, U), (U, U): (U, U),
}


def _rank(value: Truth) -> float:
    return 0.5 if value is None else float(value)


def _truth(rank: float) -> Truth:
    return None if rank == 0.5 else rank == 1.0


def test_the_binary_tables() -> None:
    for (a, b), (conjunction, disjunction) in TABLE.items():
        assert and3(a, b) is conjunction, (a, b)
        assert or3(a, b) is disjunction, (a, b)


def test_negation() -> None:
    assert (not3(T), not3(F), not3(U)) == (F, T, U)


def test_empty_conjunction_and_disjunction_are_the_identities() -> None:
    assert and3() is True
    assert or3() is False


@given(st.lists(truths, max_size=6))
def test_min_max_model(values: list[Truth]) -> None:
    # K3 orders False < unknown < True: "and" is the minimum, "or" the maximum.
    assert and3(*values) is _truth(min(map(_rank, values), default=1.0))
    assert or3(*values) is _truth(max(map(_rank, values), default=0.0))


@given(st.lists(truths, min_size=1, max_size=6))
def test_folding_and_de_morgan(values: list[Truth]) -> None:
    assert and3(*values) is reduce(and3, values)
    assert or3(*values) is reduce(or3, values)
    assert not3(and3(*values)) is or3(*map(not3, values))


@given(st.lists(st.booleans(), max_size=6))
def test_without_unknowns_it_is_boolean_logic(values: list[bool]) -> None:
    assert and3(*values) is all(values)
    assert or3(*values) is any(values)


def test_is3_keeps_unknown_and_tests_membership() -> None:
    assert is3(None, Level.HIGH) is None
    assert is3(Level.HIGH, Level.HIGH) is True
    assert is3(Level.LOW, Level.HIGH, Level.MEDIUM) is False
    assert is3(Posture.OPEN, Level.HIGH) is False
    assert is3(Level.LOW) is False
