"""The engine's fast paths give exactly the reports the straightforward code gives (ADR 0019).

The reference is the engine with each fast path swapped for the plain code it replaces:
completed cases structured with the full checks (not only along the filled-in path) and
facts cited with :func:`~collabrules.standard.evidence.value_at`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collabrules import Engine
from collabrules.errors import InputError
from collabrules.serialize import report_to_json
from collabrules.completion import domain, fill
from collabrules.goal_links import goal_link_issues
from collabrules.standard import evidence
from collabrules.structure import _consistency, structure_case
from tests.casebook.book import load
from tests.principles.helpers import SCENARIOS, base
from tests.strategies import optional_paths, valid_cases, without


def _fully_checked(data: dict[str, Any], source: str = "<case>", *,
                   filled: str | None = None) -> Any:
    return structure_case(data, source)


@contextmanager
def _straightforward() -> Iterator[None]:
    with mock.patch("collabrules.engine.structure_case", _fully_checked), \
            mock.patch.object(evidence, "reader", lambda path: lambda case: evidence.value_at(
                case, path)):
        yield


@cache
def _engine() -> Engine:
    return Engine()


def _both(document: dict[str, Any]) -> tuple[str, str]:
    """The report of ``document`` from the fast engine and from the straightforward one."""
    fast = report_to_json(_engine().evaluate(copy.deepcopy(document)), "en")
    with _straightforward():
        reference = report_to_json(_engine().evaluate(copy.deepcopy(document)), "en")
    return fast, reference


def _thinned(document: dict[str, Any], keep: int) -> dict[str, Any]:
    """``document`` with all but every ``keep``-th optional key left out (deepest first)."""
    for index, path in enumerate(reversed(optional_paths(document))):
        if index % keep:
            document = without(document, path)
    return document


def test_the_reference_really_is_the_straightforward_code() -> None:
    with _straightforward():
        assert evidence.reader("$.id") is not evidence.reader("$.id")  # not the cached one
        with mock.patch("collabrules.structure.version_issues") as versions:
            versions.return_value = []
            _both(_thinned(base("bespoke-software"), 3))
    assert all(call.args[2:] in ((), (None,)) for call in versions.call_args_list)
    assert versions.call_count > 10


@pytest.mark.parametrize("name", SCENARIOS)
@pytest.mark.parametrize("keep", [1, 2, 3])
def test_examples_complete_or_partial(name: str, keep: int) -> None:
    fast, reference = _both(_thinned(base(name), keep))
    assert fast == reference


def test_casebook_cases_complete_and_partial() -> None:
    compared = 0
    for entry in load():
        for keep in (1, 2):
            try:
                fast, reference = _both(_thinned(dict(entry.case), keep))
            except InputError:  # left out a key another one needs: not a case
                continue
            assert fast == reference, entry.path
            compared += 1
    assert compared >= 38


@given(valid_cases(), st.integers(min_value=1, max_value=4))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_cases_complete_or_partial(document: dict[str, Any], keep: int) -> None:
    try:
        fast, reference = _both(_thinned(document, keep))
    except InputError:
        return
    assert fast == reference


def _filled_checks_alike(document: dict[str, Any]) -> int:
    """Fill in each missing fact a verdict names: the party and goal-link checks a completed
    case skips say what they said about ``document`` (nothing)."""
    report = _engine().evaluate(copy.deepcopy(document))
    missing = {p for f in report.findings for p in f.missing}
    missing |= set(report.recommendation.missing if report.recommendation else ())
    filled = 0
    for path in sorted(missing):
        for value in domain(document, path) or ():
            completed = fill(document, path, value)
            assert _consistency(completed, "x") == _consistency(document, "x") == []
            assert goal_link_issues(completed, "x") == goal_link_issues(document, "x") == []
            filled += 1
    return filled


def test_filled_in_facts_leave_the_skipped_checks_alone() -> None:
    assert sum(_filled_checks_alike(_thinned(base(name), 2)) for name in SCENARIOS) > 5
    assert sum(_filled_checks_alike(_thinned(dict(e.case), 2)) for e in load()[:10]) > 5
