"""The engine's fast paths give exactly the reports the straightforward code gives (ADR 0019).

The reference is the engine with each fast path swapped for the plain code it replaces:
completed cases structured whole with the full checks (not only along the filled-in path,
not from the parent case's objects), every
completion built (also those with a field newer than the declared ``schema_version``),
every signal of a completed case computed again (none taken from the case it was
completed from), completions built from the case written out and structured again (not
from the evaluated document and case), every completion's verdict assessed in full (no
verdict reused), facts cited with :func:`~collabrules.standard.evidence.value_at` and
lazy texts writing both languages at once.
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any
from unittest import mock

import attrs
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from collabrules import Engine
from collabrules.io.serialize import report_to_json
from collabrules.model import paths
from collabrules.model.errors import InputError
from collabrules.model.finding import Condition, SignalUse
from collabrules.model.perceptions import scores_of
from collabrules.model.report import Report
from collabrules.model.signals import Signal, SignalBook, SignalError, SignalValue, cited_value
from collabrules.model.text import LANGS, SCALARS, Formatted, Joined, Text, _pick, localisable
from collabrules.model.vocab import Outcome, Severity, Status
from collabrules.pipeline import assessment, completion, engine, loading
from collabrules.pipeline.completion import domain, fill
from collabrules.pipeline.goal_links import goal_link_issues
from collabrules.pipeline.loading import Document, parse_json
from collabrules.pipeline.plain import check_plain
from collabrules.pipeline.questions import choices, resolve
from collabrules.pipeline.schemas import load_schema
from collabrules.pipeline.signal_reuse import CompletedSignals, FromParent, SignalReuse
from collabrules.pipeline.structure import _consistency, held_by, structure_case
from collabrules.pipeline.verdict_reuse import VerdictReuse
from collabrules.pipeline.versions import admits, version_issues
from collabrules.standard import evidence, goals, perception_checks, perception_signals
from tests.casebook.book import load
from tests.principles.helpers import SCENARIOS, base, key_paths
from tests.strategies import optional_paths, valid_cases, without

from ..conftest import ci_examples

PERCEPTIONS = Path(__file__).parents[2] / "examples" / "bespoke-software-perceptions.yaml"
LATEST = "1.2"
"""The newest case schema version: a file declaring it may use every field."""


def _fully_checked(data: dict[str, Any], source: str = "<case>", *,
                   filled: str | None = None, parent: Any = None, checked: bool = False
                   ) -> Any:
    return structure_case(data, source)


def _checked_then_digested(data: Any, source: str) -> None:
    check_plain(data, source)
    return None  # the engine then digests with digest_of


def _walked(data: Any, text: str, source: str) -> None:
    check_plain(data, source)


def _signal_uses_each_time(book: SignalBook, signals: tuple[str, ...]
                           ) -> tuple[SignalUse, ...]:
    return tuple(SignalUse(name, cited_value(book[name].value)) for name in signals)


def _scores_each_time(case: Any, signals: SignalBook) -> Any:
    return scores_of(case, perception_signals.questionnaire_of(signals))


def _signal_of_by_asdict(items: tuple[Any, ...]) -> SignalValue:
    if not items:
        return SignalValue(None)
    value = [{k: v for k, v in attrs.asdict(i).items() if not k.endswith("paths")}
             for i in items]
    cited = tuple(dict.fromkeys(p for i in items for name, v in attrs.asdict(i).items()
                                if name.endswith("paths") for p in v))
    return SignalValue(value, cited)


def _assessed_in_full(active: engine.ActivePrinciple, case: Any, book: SignalBook) -> Any:
    """A completed case's verdict as the finding a full assessment gives."""
    full = assessment.Assessment(case, book)
    active.principle.assess(full)
    return full.finish(active.principle, active.severity, find_out=False)


def _both_languages_at_once(self: Text, name: str) -> Any:
    """The reference of ``Text.__getattr__``: a lazy text writes English and Dutch together."""
    if name not in LANGS:
        raise AttributeError(name)
    source = self.source
    for lang in LANGS:
        if type(source) is Formatted:
            template, params = source
            written = template.get(lang).format(**{k: _pick(v, lang) for k, v in params})
        elif type(source) is Joined:
            written = source.sep.join([p.get(lang) for p in source.parts])
        else:
            raise AttributeError(name)
        object.__setattr__(self, lang, written)
    return object.__getattribute__(self, name)


_PLAIN = engine._Plain


def _written_out_again(case: Any, book: SignalBook, document: Any = None) -> Any:
    """The reference of the completions' base: the case written out and structured again
    (not the document it was structured from, nor the evaluation's signals)."""
    return _PLAIN(case, book)


@contextmanager
def _straightforward() -> Iterator[None]:
    with mock.patch("collabrules.pipeline.engine.structure_case", _fully_checked), \
            mock.patch.object(completion, "admits", lambda declared, path: True), \
            mock.patch.object(SignalReuse, "unchanged", lambda self, filled: frozenset()), \
            mock.patch.object(evidence, "reader", lambda path: lambda case: evidence.value_at(
                case, path)), \
            mock.patch.object(evidence, "_shared", lambda a: {}), \
            mock.patch.object(CompletedSignals, "citing_parent", lambda self, names: None), \
            mock.patch.object(engine, "checked_digest", _checked_then_digested), \
            mock.patch.object(engine, "plain_digest", engine.digest_of), \
            mock.patch.object(loading, "check_parsed", _walked), \
            mock.patch.object(goals, "REMEMBERED", 0), \
            mock.patch.object(assessment, "_signal_uses", _signal_uses_each_time), \
            mock.patch.object(perception_signals, "theme_scores", _scores_each_time), \
            mock.patch.object(perception_checks, "theme_scores", _scores_each_time), \
            mock.patch.object(perception_signals, "_signal_of", _signal_of_by_asdict), \
            mock.patch.object(engine, "_concluded", _assessed_in_full), \
            mock.patch.object(VerdictReuse, "of", lambda *functions: None), \
            mock.patch.object(engine, "_Plain", _written_out_again), \
            mock.patch.object(Text, "__getattr__", _both_languages_at_once):
        yield


@cache
def _engine() -> Engine:
    return Engine()


def _both(document: dict[str, Any], lang: str = "en") -> tuple[str, str]:
    """The report of ``document`` from the fast engine and from the straightforward one."""
    fast = report_to_json(_engine().evaluate(copy.deepcopy(document)), lang)
    with _straightforward():
        reference = report_to_json(_engine().evaluate(copy.deepcopy(document)), lang)
    return fast, reference


def _thinned(document: dict[str, Any], keep: int) -> dict[str, Any]:
    """``document`` with all but every ``keep``-th optional key left out (deepest first).

    A key stays when an earlier removal made it required (a goal's topic once its target
    is gone: one of the two must stay)."""
    for index, path in enumerate(reversed(optional_paths(document))):
        if index % keep and path in optional_paths(document):
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
        assert not SignalReuse(_engine().signals).unchanged("$.delivery.risk")


def test_a_partys_goals_and_aims_are_worked_out_once_and_given_as_new_lists() -> None:
    case = _engine().structure(Document(base("office-cleaning"), "x"))
    party, path = case.own, case.path_of(case.own)
    vocabulary = evidence.reader  # any object: only its identity is compared
    with mock.patch.object(goals, "_party_goals", wraps=goals._party_goals) as worked:
        first = goals.party_goals(party, path)
        first.append(("$.x", first[0][1]))
        assert goals.party_goals(party, path) == first[:-1]
        assert goals.party_goals(party, "$.parties[9]") != first[:-1]
        with _straightforward():
            goals.party_goals(party, path)
        assert worked.call_count == 3
    with mock.patch.object(goals, "_aims_of", return_value=[]) as worked:
        goals.aims(party, path, vocabulary)  # type: ignore[arg-type]
        goals.aims(party, path, vocabulary)  # type: ignore[arg-type]
        goals.aims(party, path, _engine())  # type: ignore[arg-type]
        assert worked.call_count == 2


def _counted(owner: Any, name: str, hit: Callable[[tuple[Any, ...], Any], bool],
             document: dict[str, Any]) -> int:
    """How many calls of ``owner.name`` count as ``hit(arguments, result)`` while the
    engine evaluates ``document``."""
    hits = 0
    original = getattr(owner, name)

    def counting(*arguments: Any) -> Any:
        nonlocal hits
        result = original(*arguments)
        hits += hit(arguments, result)
        return result

    with mock.patch.object(owner, name, counting):
        _engine().evaluate(copy.deepcopy(document))
    return hits


def _shared(document: dict[str, Any]) -> int:
    """How many signal values completed cases take from the case they were completed from."""
    return _counted(FromParent, "__call__",
                    lambda arguments, _: isinstance(arguments[2], CompletedSignals), document)


def test_completed_cases_share_the_signals_a_filled_in_fact_cannot_change() -> None:
    document = _thinned(base("bespoke-software"), 2)
    assert _shared(document) > 50
    with _straightforward():
        assert _shared(document) == 0


def _inherited(document: dict[str, Any]) -> int:
    """How many cites of completed cases take the facts their parent cited."""
    return _counted(evidence, "_inherited", lambda _, found: found is not None, document)


def test_completed_cases_take_the_facts_their_parent_cited_for_unchanged_signals() -> None:
    document = _thinned(base("bespoke-software"), 2)
    assert _inherited(document) > 20
    with _straightforward():
        assert _inherited(document) == 0


def _quiet(document: dict[str, Any]) -> int:
    """How many completed cases the engine assesses quietly evaluating ``document``."""
    verdict = mock.Mock(wraps=assessment.QuietAssessment.verdict, autospec=True)
    with mock.patch.object(assessment.QuietAssessment, "verdict",
                           lambda self, *args: verdict(self, *args)):
        _engine().evaluate(copy.deepcopy(document))
    return verdict.call_count


def test_completed_cases_are_assessed_quietly() -> None:
    document = _thinned(base("bespoke-software"), 2)
    assert _quiet(document) > 50
    with _straightforward():
        assert _quiet(document) == 0


def test_a_declared_principle_is_assessed_once_per_combination_of_its_inputs() -> None:
    document = _thinned(base("bespoke-software"), 3)
    with mock.patch.object(VerdictReuse, "of", lambda *functions: None):
        every = _quiet(document)
    assert 0 < _quiet(document) < every


def _whole(document: Any) -> int:
    """How many documents the engine structures whole evaluating ``document`` (not a
    completion built from its parent)."""
    whole = 0
    original = engine.structure_case

    def counting(data: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        nonlocal whole
        whole += kwargs.get("parent") is None
        return original(data, *args, **kwargs)

    with mock.patch.object(engine, "structure_case", counting):
        _engine().evaluate(copy.deepcopy(document))
    return whole


def test_completions_are_built_from_the_evaluated_document_and_case() -> None:
    document = _thinned(base("bespoke-software"), 2)
    assert _whole(document) == 1
    with mock.patch.object(engine, "_Plain", _written_out_again):
        assert _whole(document) == 2


def _tupled(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _tupled(item) for key, item in value.items()}
    if isinstance(value, list):
        return tuple(_tupled(item) for item in value)
    return value


def test_a_document_with_tuples_for_lists_completes_as_with_lists() -> None:
    fast, reference = _both(_tupled(_thinned(base("bespoke-software"), 2)))
    assert fast == reference
    assert fast == _both(_thinned(base("bespoke-software"), 2))[0]


def _proxied(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({key: _proxied(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_proxied(item) for item in value)
    return value


def test_a_mapping_of_read_only_mappings_and_tuples_evaluates_as_plain_data() -> None:
    # Any Mapping passes check_plain; the validator and the completion rule read only the
    # types json.loads gives, so the engine evaluates a plain copy (it raised ValueError)
    document = _thinned(base("bespoke-software"), 2)
    proxied = report_to_json(_engine().evaluate(_proxied(document)))
    assert proxied == report_to_json(_engine().evaluate(copy.deepcopy(document)))


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


def _parsed_both(text: str) -> tuple[str, str]:
    """The report of a JSON text parsed as the command line parses it, and of the case
    structured from it, from the fast engine and from the straightforward one."""
    def reports() -> str:
        document = Document(parse_json(text, "case.json"), "case.json")
        case = _engine().structure(document)
        return report_to_json(_engine().evaluate(document)) + report_to_json(
            _engine().evaluate(case))
    fast = reports()
    with _straightforward():
        return fast, reports()


@pytest.mark.parametrize("name", SCENARIOS)
@pytest.mark.parametrize("keep", [1, 2])
def test_parsed_documents_and_cases(name: str, keep: int) -> None:
    fast, reference = _parsed_both(json.dumps(_thinned(base(name), keep)))
    assert fast == reference


@pytest.mark.parametrize("name", SCENARIOS)
def test_examples_in_dutch(name: str) -> None:
    fast, reference = _both(_thinned(base(name), 2), "nl")
    assert '"lang": "nl"' in fast
    assert fast == reference


def test_a_report_in_one_language_writes_no_other() -> None:
    report = _engine().evaluate(base("bespoke-software"))
    report_to_json(report, "en")
    texts = [f.rationale for f in report.findings] + [
        c.text for f in report.findings for c in f.conditions]
    lazy = [t for t in texts if t.source is not None]
    assert len(lazy) >= 9
    for text in lazy:
        with pytest.raises(AttributeError):
            object.__getattribute__(text, "nl")
    assert all(text.nl for text in lazy)  # and writes it when asked
    with _straightforward():
        report = _engine().evaluate(base("bespoke-software"))
        report_to_json(report, "en")
        assert all(object.__getattribute__(f.rationale, "nl") for f in report.findings)


@pytest.mark.parametrize("keep", [1, 2])
def test_the_perceptions_example_complete_or_partial(keep: int) -> None:
    document = yaml.safe_load(PERCEPTIONS.read_text("utf-8"))
    assert any(p.get("perceptions") for p in document["parties"])
    fast, reference = _both(_thinned(document, keep))
    assert '"perception_gaps"' in fast or keep > 1  # the thinned one keeps some answers
    assert '"perceptions"' in fast
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


@given(st.integers(min_value=0, max_value=10**6))
@ci_examples(4)
def test_the_partial_portfolio_reports_as_the_straightforward_engine(seed: int) -> None:
    for document in _partial_portfolio(3, seed):
        fast, reference = _both(document)
        assert fast == reference


def _completions(document: dict[str, Any],
                 report: Report) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each completion of ``document`` by one value of a fact a verdict or the model
    recommendation of ``report`` names as missing, with that fact's path."""
    missing = {p for f in report.findings for p in f.missing}
    missing |= set(report.recommendation.missing if report.recommendation else ())
    for path in sorted(missing):
        for value in domain(document, path) or ():
            yield path, fill(document, path, value)


def _filled_checks_alike(document: dict[str, Any]) -> int:
    """Fill in each missing fact a verdict names: the party and goal-link checks a completed
    case skips say what they said about ``document`` (nothing)."""
    filled = 0
    for _, completed in _completions(document, _engine().evaluate(copy.deepcopy(document))):
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
    try:
        report = _engine().evaluate(copy.deepcopy(document))
    except InputError:  # holds a field newer than ``declared`` (assessed_on): not a case
        return 0
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


def _held_alike(document: dict[str, Any], declared: str) -> int:
    """Fill in each missing fact a verdict names: where :func:`held_by` lets a completion
    skip the version walk along its path, the walk finds nothing."""
    document = {**document, "schema_version": declared}
    try:
        report = _engine().evaluate(copy.deepcopy(document))
    except InputError:
        return 0
    parent = structure_case(document)
    held = 0
    for path, completed in _completions(document, report):
        if held_by(parent, completed, path):
            assert version_issues(completed, "x", path) == [], path
            held += 1
    return held


@given(valid_cases(), st.sampled_from(["1.0", "1.1", LATEST]), st.integers(1, 3))
@ci_examples(30)
def test_a_completion_held_by_its_parent_has_no_version_issue(
        document: dict[str, Any], declared: str, keep: int) -> None:
    _held_alike(_thinned(document, keep), declared)


def test_completions_held_by_their_parent_skip_the_version_walk() -> None:
    assert sum(_held_alike(_thinned(base(name), 2), declared) for name in SCENARIOS
               for declared in ("1.0", "1.1", LATEST)) > 5
    assert sum(_held_alike(document, "1.0") for document in _partial_portfolio(6, 7)) > 5


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


def _partial_portfolio(count: int, seed: int) -> list[dict[str, Any]]:
    """The benchmark's partial-facts portfolio (``benchmarks/cases.py``, drop=0.5)."""
    folder = str(Path(__file__).resolve().parents[2] / "benchmarks")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    from cases import example_cases

    return list(example_cases(count, seed=seed, drop=0.5))


@given(valid_cases(), st.integers(min_value=1, max_value=3))
@ci_examples(30)
def test_generated_partial_cases_rebuilt_from_their_parent_as_structured_whole(
        document: dict[str, Any], keep: int) -> None:
    try:
        _rebuilt_alike(_thinned(document, keep))
    except InputError:
        return


@given(st.integers(min_value=0, max_value=10**6))
@ci_examples(10)
def test_partial_portfolio_rebuilt_from_the_parent_as_structured_whole(seed: int) -> None:
    assert sum(_rebuilt_alike(document) for document in _partial_portfolio(3, seed)) > 0


def _shared_members(document: dict[str, Any]) -> int:
    """Fill in each missing scalar or choice that an existing object holds: the completed
    case's object there keeps its parent's other members (they are not structured again)."""
    parent = structure_case(document)
    report = _engine().evaluate(copy.deepcopy(document))
    shared = 0
    for path in sorted({p for f in report.findings for p in f.missing}):
        *way, leaf = paths.steps(path)
        holder = parent
        for step in way:
            holder = holder[step] if isinstance(step, int) else getattr(holder, step, None)
            if holder is None:
                break
        if holder is None or not attrs.has(type(holder)) or not isinstance(leaf, str):
            continue
        for value in domain(document, path) or ():
            completed = fill(document, path, value)
            if version_issues(completed, "x", path):
                continue
            rebuilt: Any = structure_case(completed, filled=path, parent=parent)
            for step in way:
                rebuilt = rebuilt[step] if isinstance(step, int) else getattr(rebuilt, step)
            others = [f.name for f in attrs.fields(type(holder)) if f.name != leaf
                      and attrs.has(type(getattr(holder, f.name)))]
            assert all(getattr(rebuilt, name) is getattr(holder, name) for name in others)
            shared += len(others)
    return shared


def test_a_filled_in_choice_evolves_the_object_holding_it() -> None:
    """The leaf fast path of ``compile_rebuilder`` is taken (the object holding the filled-in
    value is not structured again from its mapping)."""
    assert sum(_shared_members(document) for document in _partial_portfolio(12, 7)) > 0


_TEXT = st.text(st.characters(blacklist_categories=()), max_size=4)  # surrogates and astral
_JSONISH = st.recursive(
    st.none() | st.booleans() | _TEXT | st.integers(min_value=-2**60, max_value=2**60)
    | st.integers(min_value=-10**120, max_value=10**120) | st.floats() | st.binary(max_size=2),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner)
    | st.dictionaries(_TEXT | st.integers(0, 3), inner, max_size=3),
    max_leaves=12)


def _outcome(action: Any) -> Any:
    try:
        return "ok", action()
    except InputError as error:
        return "error", [(i.path, i.message) for i in error.issues]


@given(st.dictionaries(_TEXT, _JSONISH, max_size=4) | st.lists(_JSONISH, max_size=3))
@ci_examples(300)
def test_the_digest_checked_in_one_walk_is_check_plain_and_digest_of(data: Any) -> None:
    fast = _outcome(lambda: engine.checked_digest(data, "x"))
    reference = _outcome(lambda: check_plain(data, "x"))
    assert fast[0] == reference[0]
    if fast[0] == "error":
        assert fast == reference
    elif fast[1] is not None:
        assert fast[1] == engine.digest_of(data)


@given(st.recursive(st.none() | st.booleans() | _TEXT | st.floats()
                    | st.integers(min_value=-10**120, max_value=10**120),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(_TEXT, inner, max_size=3), max_leaves=12),
       st.booleans())
@ci_examples(300)
def test_json_text_is_checked_as_check_plain_checks_it(data: Any, ascii_only: bool) -> None:
    text = json.dumps(data, ensure_ascii=ascii_only)  # lone surrogates escaped or written
    fast = _outcome(lambda: parse_json(text, "x"))
    with mock.patch.object(loading, "check_parsed", _walked):
        reference = _outcome(lambda: parse_json(text, "x"))
    assert fast[0] == reference[0]
    if fast[0] == "error":
        assert fast == reference
    else:
        assert engine.plain_digest(fast[1]) == engine.digest_of(fast[1])


def test_json_text_with_a_surrogate_or_too_deep_is_walked() -> None:
    for text in ('{"a": "\\ud800"}', '{"a": ["\ud800"]}', '{"\\udc00": 1}',
                 "[" * 65 + "]" * 65, '{"a": 1e999}', '{"a": NaN}'):
        with pytest.raises(InputError):
            parse_json(text, "x")
    assert parse_json('{"a": "\\ud83d\\ude00"}', "x") == {"a": "\U0001f600"}


def test_the_digest_checked_in_one_walk_takes_the_long_way_when_it_must() -> None:
    deep: Any = []
    for _ in range(63):  # 64 levels: as deep as check_plain lets through
        deep = [deep]
    for data in ({"a": 1.5}, {"\U0001f600": 1}, {"a": 2**60}, {"a": ("b",)}, deep,
                 {"a": [1, "\U0001f600"]}):
        assert engine.checked_digest(data, "x") is None
    for data in ({"a": ["\ud800"]}, {1: "a"}, {"a": {"b"}}, [deep]):
        with pytest.raises(InputError):
            engine.checked_digest(data, "x")
    assert engine.checked_digest({"b": [1, {"c": None}], "a": "é"}, "x") \
        == engine.digest_of({"b": [1, {"c": None}], "a": "é"})
def _plain_domain(document: dict[str, Any], path: str) -> tuple[Any, ...] | None:
    """:func:`~collabrules.pipeline.completion.domain` without the schema read once per path."""
    values = choices(path)
    if values is None:
        return None
    schema = load_schema("case")
    node: Any = document
    where: dict[str, Any] = schema
    parts = paths.steps(path)
    for step in parts[:-1]:
        where = resolve(schema, where)
        if isinstance(step, int):
            if not isinstance(node, list) or step >= len(node):
                return None
            node, where = node[step], where.get("items", {})
            continue
        where = where.get("properties", {}).get(step, {})
        child = node.get(step) if isinstance(node, dict) else None
        if child is None and resolve(schema, where).get("required"):
            return None
        node = child
    if isinstance(node, dict) and parts[-1] in node:
        return None
    return values


def _domains_alike(document: dict[str, Any]) -> int:
    """Every fact a verdict names and every key of ``document`` (with its first list item
    and one beyond the list): both ways give the same values."""
    report = _engine().evaluate(copy.deepcopy(document))
    asked = {p for f in report.findings for p in f.missing}
    asked |= {f"$.{p}" for p in key_paths(document)}
    asked |= {p.replace("[0]", "[9]") for p in asked}
    for path in sorted(asked):
        assert domain(document, path) == _plain_domain(document, path), path
    return sum(domain(document, path) is not None for path in asked)


def test_the_values_a_fact_can_take_are_read_as_the_schema_walk_reads_them() -> None:
    assert sum(_domains_alike(_thinned(base(name), 2)) for name in SCENARIOS) > 10
    assert sum(_domains_alike(_thinned(dict(e.case), 2)) for e in load()[:10]) > 10


def test_a_signal_book_computes_each_signal_once_and_is_compared_by_identity() -> None:
    """The book is a mapping whose own lookup serves a computed signal (ADR 0019, point
    14): the reference is a memo read through a Python method, as before."""
    computed: list[str] = []

    def compute(name: str) -> Any:
        def signal(case: Any, book: SignalBook) -> SignalValue:
            computed.append(name)
            if name == "broken":
                raise ValueError("no")
            return SignalValue(len(computed), (f"$.{name}",))
        return signal

    definitions = {n: Signal(name=n, description=Text(n, n), compute=compute(n))
                   for n in ("a", "b", "broken")}
    book, other = SignalBook(None, definitions), SignalBook(None, definitions)  # type: ignore[arg-type]
    assert book and not book.computed()  # an empty book is still a book
    assert book["a"] is book["a"] and book["b"].value == 2 and computed == ["a", "b"]
    assert book.computed() == {"a": book["a"], "b": book["b"]}
    with pytest.raises(SignalError) as failed:
        book["broken"]
    assert isinstance(failed.value.cause, ValueError) and "broken" not in book.computed()
    with pytest.raises(SignalError) as unknown:
        book["nobody"]
    assert unknown.value.cause is None
    other["a"], other["b"]
    assert book != other and len({book, other}) == 2 and hash(book) == object.__hash__(book)


_LABELLED = st.sampled_from([Status.AT_RISK, Outcome.HELD, Severity.HIGH])
_VALUES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | \
    st.text(max_size=5) | _LABELLED | st.lists(_LABELLED | st.text(max_size=3), max_size=3) \
    .map(tuple)


@given(st.dictionaries(st.sampled_from(["a", "b", "c"]), _VALUES, min_size=1),
       st.booleans())
def test_text_format_keeps_the_source_the_straightforward_code_keeps(
        values: dict[str, Any], inline: bool) -> None:
    """Scalars are passed on in C and a template parses its placeholders once; the
    reference replaces each labelled value by its label, one by one."""
    en = " ".join(f"{{{k}}}" for k in values)
    template = Text(en, en) if inline else _template(en)
    made = template.format(**values)
    assert made.source == Formatted(template, tuple(
        (k, v if v.__class__ in SCALARS else localisable(v)) for k, v in values.items()))
    assert made.en == en.format(**{k: _pick(localisable(v), "en") for k, v in values.items()})
    with pytest.raises(KeyError):
        template.format(**dict(list(values.items())[1:]))


@cache
def _template(en: str) -> Text:
    return Text(en, en)


def _missing_step_by_step(status: Status, conditions: tuple[Any, ...]) -> tuple[str, ...]:
    """The reference of ``assessment._missing``: the deciding paths of the unknown
    conditions, then (short of a violation) those of the effects, each once."""
    missing = list(dict.fromkeys(p for c in conditions if c.outcome is Outcome.UNKNOWN
                                 for p in c.decided_by))
    if status in (Status.AT_RISK, Status.UNDETERMINED):
        missing += list(dict.fromkeys(p for c in conditions for p in c.effect_decided_by
                                      if p not in missing))
    return tuple(missing)


_PATHS = st.lists(st.sampled_from(["$.a", "$.b", "$.c", "$.d"]), max_size=3).map(tuple)


@given(st.lists(st.builds(
    lambda outcome, decided, effect_decided: Condition(
        id="x", outcome=outcome, text=Text("t", "t"), decided_by=decided,
        effect_decided_by=effect_decided),
    st.sampled_from(list(Outcome)), _PATHS, _PATHS), max_size=5).map(tuple),
    st.sampled_from(list(Status)))
def test_the_missing_facts_are_gathered_as_step_by_step(
        conditions: tuple[Condition, ...], status: Status) -> None:
    assert assessment._missing(status, conditions) == _missing_step_by_step(status, conditions)
