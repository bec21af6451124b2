"""The generated structurer gives exactly what cattrs gives, errors included."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from cases import make_case
from hypothesis import given
from hypothesis import strategies as st

from collabrules.model.case import Case
from collabrules.pipeline.structure import _structure, converter, structure_case
from collabrules.pipeline.structurer import compile_structurer

from ..conftest import ci_examples

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


def _outcome(function: Any, data: Any) -> tuple[str, str]:
    try:
        return "ok", repr(function(data))
    except Exception as exc:  # both must fail the same way
        return "error", type(exc).__name__


def _reference(data: Any) -> tuple[str, str]:
    return _outcome(lambda d: converter().structure(d, Case), data)


def _fast(data: Any) -> tuple[str, str]:
    return _outcome(_structure, data)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_structure_as_cattrs_does(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    fast, reference = _fast(data), _reference(data)
    assert fast[0] == "ok"
    assert fast == reference


@ci_examples(150)
@given(st.integers(0, 2**32))
def test_generated_cases_structure_as_cattrs_does(seed: int) -> None:
    data = make_case(random.Random(seed), seed % 1000)
    fast = _fast(data)
    assert fast[0] == "ok"
    assert fast == _reference(data)


def _mutate(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """One change a schema would reject: an extra key, a lost key, a bad value."""
    changed = copy.deepcopy(data)
    party = rng.choice(changed["parties"])
    choice = rng.randrange(5)
    if choice == 0:
        party["colour"] = "blue"
    elif choice == 1:
        del party["role"]
    elif choice == 2:
        party["role"] = "partner"
    elif choice == 3:
        changed["delivery"] = {"annual_spend": "a lot"}
    else:
        party["goals"] = [{"topic": "price", "direction": "sideways"}]
    return changed


@ci_examples(150)
@given(st.integers(0, 2**32))
def test_bad_documents_fail_as_in_cattrs(seed: int) -> None:
    rng = random.Random(seed)
    data = _mutate(make_case(rng, 1), rng)
    assert _fast(data) == _reference(data)


def test_numbers_become_floats_as_in_cattrs() -> None:
    data = make_case(random.Random(1), 1)
    data["delivery"] = {"annual_spend": 180000, "duration_months": 36}
    case = structure_case(data)
    assert case.delivery is not None
    assert type(case.delivery.annual_spend) is float
    assert _fast(data) == _reference(data)


def test_extensions_are_kept_as_in_cattrs() -> None:
    data = make_case(random.Random(2), 2)
    data["extensions"] = {"house": {"score": 3, "tags": ["a"]}}
    fast = _fast(data)
    assert "score" in fast[1]
    assert fast == _reference(data)


@attrs.frozen(kw_only=True)
class _Item:
    """A class with defaults other than None."""

    name: str
    tags: tuple[str, ...] = ()
    weight: float = 1.0
    note: str | None = None


@pytest.mark.parametrize("data", [
    {"name": "a"},
    {"name": "a", "tags": ["x", "y"], "weight": 2},
    {"name": "a", "note": "n", "weight": 0},
    {"name": "a", "colour": "red"},
    {"tags": ["x"]},
])
def test_other_defaults_structure_as_cattrs_does(data: dict[str, Any]) -> None:
    fast = compile_structurer(_Item, converter().structure)
    assert _outcome(fast, data) == _outcome(lambda d: converter().structure(d, _Item), data)
