"""The engine's fast paths give exactly the reports the straightforward code gives (ADR 0019).

The reference is the engine with each fast path swapped for the plain code it replaces:
completed cases structured whole with the full checks (not only along the filled-in path,
not from the parent case's objects), every
completion built (also those with a field newer than the declared ``schema_version``) and
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
from hypothesis import given
from hypothesis import strategies as st

from collabrules import Engine
from collabrules.io.serialize import report_to_json
from collabrules.model import paths
from collabrules.model.errors import InputError
from collabrules.pipeline import completion
from collabrules.pipeline.completion import domain, fill
from collabrules.pipeline.goal_links import goal_link_issues
from collabrules.pipeline.schemas import load_schema
from collabrules.pipeline.structure import _consistency, structure_case
from collabrules.pipeline.versions import admits, version_issues
from collabrules.standard import evidence
from tests.casebook.book import load
from tests.principles.helpers import SCENARIOS, base
from tests.strategies import optional_paths, valid_cases, without

from ..conftest import ci_examples

LATEST = "1.2"
"""The newest case schema version: a file declaring it may use every field."""


def _fully_checked(data: dict[str, Any], source: str = "<case>", *,
                   filled: str | None = None, parent: Any = None) -> Any:
    return structure_case(data, source)


@contextmanager
def _straightforward() -> Iterator[None]:
    with mock.patch("collabrules.pipeline.engine.structure_case", _fully_checked), \
            mock.patch.object(completion, "admits", lambda declared, path: True), \
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
        with mock.patch("collabrules.pipeline.structure.version_issues") as versions:
            versions.return_value = []
            _both(_thinned(base("bespoke-software"), 3))
    assert all(call.args[2:] in ((), (None,)) for call in versions.call_args_list)
    assert versions.call_count > 10
    with _straightforward():
        assert completion.admits("1.0", "$.governance.joint_innovation")


def _built(document: dict[str, Any]) -> int:
    """How many completions the engine builds evaluating ``document``."""
    built = mock.Mock(wraps=completion.fill)
    with mock.patch.object(completion, "fill", built):
        _engine().evaluate(copy.deepcopy(document))
    return built.call_count


def test_completions_with_fields_newer_than_declared_are_not_built() -> None:
    document = _thinned(base("bespoke-software"), 2)
    assert document["schema_version"] == "1.0"
    fast = _built(document)
    with _straightforward():
        straightforward = _built(document)
    assert 0 < fast < straightforward


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
@ci_examples(30)
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


def _plain_version_issues(data: dict[str, Any]) -> list[tuple[str, str]]:
    """The schema-version check written straightforwardly: (path, message) per issue."""
    declared, root, found = data["schema_version"], load_schema("case"), []

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        ref = node.get("$ref")
        return root["$defs"][ref.rsplit("/", 1)[1]] if isinstance(ref, str) else node

    def walk(value: Any, node: dict[str, Any], path: str) -> None:
        node = resolve(node)
        if isinstance(value, list) and isinstance(node.get("items"), dict):
            for index, item in enumerate(value):
                walk(item, node["items"], paths.child(path, index))
            return
        if not isinstance(value, dict):
            return
        found.extend((paths.child(path, key), "left out") for key in
                     node.get(f"x-required-in-{declared}", ()) if key not in value)
        for key, item in value.items():
            spec = node.get("properties", {}).get(key)
            since = spec.get("x-since") if isinstance(spec, dict) else None
            if isinstance(since, str) and _number(since) > _number(declared):
                found.append((paths.child(path, key), "new"))
            elif isinstance(spec, dict):
                walk(item, spec, paths.child(path, key))

    walk(data, root, "$")
    return found


def _number(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _compiled_version_issues(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(i.path, "new" if "is new" in i.message.en else "left out")
            for i in version_issues(data, "x")]


@given(valid_cases(), st.sampled_from(["1.0", "1.1", "1.2"]))
@ci_examples(60)
def test_the_compiled_version_check_finds_what_the_schema_walk_finds(
        document: dict[str, Any], declared: str) -> None:
    document["schema_version"] = declared
    for goal in (g for p in document["parties"] for g in p.get("goals", ())):
        goal.pop("topic", None)  # a key only 1.1 may leave out
    assert _compiled_version_issues(document) == _plain_version_issues(document)


def _filled_in_admitted(document: dict[str, Any], declared: str) -> int:
    """Fill in each missing fact a verdict names: :func:`admits` says no exactly for the
    completions that have a schema-version issue along the filled-in path."""
    document = {**document, "schema_version": declared}
    report = _engine().evaluate(copy.deepcopy(document))
    missing = {p for f in report.findings for p in f.missing}
    missing |= set(report.recommendation.missing if report.recommendation else ())
    refused = 0
    for path in sorted(missing):
        for value in domain(document, path) or ():
            issues = version_issues(fill(document, path, value), "x", path)
            if not admits(declared, path):
                assert issues, path  # never refuses a completion that could be valid
                refused += 1
            elif declared == LATEST:
                assert not issues, path
    return refused


def test_admits_refuses_only_completions_with_a_version_issue() -> None:
    refused = 0
    for declared in ("1.0", "1.1", LATEST):
        refused += sum(_filled_in_admitted(_thinned(base(name), 2), declared)
                       for name in SCENARIOS)
        refused += sum(_filled_in_admitted(_thinned(dict(e.case), 2), declared)
                       for e in load()[:10])
    assert refused > 5


def _rebuilt_alike(document: dict[str, Any]) -> int:
    """Fill in each missing fact a verdict names: the case built from the parent's objects
    equals the completed document structured whole."""
    report = _engine().evaluate(copy.deepcopy(document))
    missing = {p for f in report.findings for p in f.missing}
    parent = structure_case(document)
    rebuilt = 0
    for path in sorted(missing):
        for value in domain(document, path) or ():
            completed = fill(document, path, value)
            if version_issues(completed, "x", path):
                continue
            assert structure_case(completed, filled=path, parent=parent) \
                == structure_case(completed), path
            rebuilt += 1
    return rebuilt


def test_a_completed_case_built_from_its_parent_is_the_whole_document_structured() -> None:
    assert sum(_rebuilt_alike(_thinned(base(name), 2)) for name in SCENARIOS) > 5
    assert sum(_rebuilt_alike(_thinned(dict(e.case), 2)) for e in load()[:10]) > 5
