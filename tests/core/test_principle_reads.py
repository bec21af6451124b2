"""What each principle declares it reads is all it reads, as far as a completion can tell.

A principle whose assess function declares the case fields it reads and the signals it
reads is assessed once per combination of those inputs among the completions of a case
(``pipeline/verdict_reuse.py``); so is the model recommendation, whose hook declares the
same way. Here, with the signals held at the original case's values, every optional
closed-domain fact the principle (or the recommendation) does not declare (and its
signals do not cite) is filled in with every value, one at a time, and changed at random
all together: the verdict must stay the same. A declaration that leaves out a field the
principle reads makes this fail.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from functools import cache, partial
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from collabrules import Engine
from collabrules.model.errors import InputError
from collabrules.model.signal_reads import declared_reads, field_steps, touches
from collabrules.model.signals import SignalBook
from collabrules.pipeline.assessment import QuietAssessment
from collabrules.pipeline.completion import domain, fill
from collabrules.pipeline.engine import ActivePrinciple
from collabrules.pipeline.questions import _schema_leaf, choices
from collabrules.pipeline.structure import structure_case
from collabrules.pipeline.verdict_reuse import _holders
from collabrules.standard import recommendation
from tests.casebook.book import load
from tests.core.test_fast_paths import _thinned
from tests.core.test_signal_reads import _at, optional_choices
from tests.principles.helpers import SCENARIOS, base
from tests.strategies import valid_cases

from ..conftest import ci_examples


@cache
def _engine() -> Engine:
    return Engine()


Judge = Callable[[Any, SignalBook], Any]
"""A verdict on a case with the signals in a book: a principle's, or the recommendation."""


def _declared() -> list[tuple[str, Judge, frozenset[tuple[str, ...]], tuple[str, ...]]]:
    """Every principle and recommender that declares what it reads, with its verdict."""
    found: list[tuple[str, Judge, frozenset[tuple[str, ...]], tuple[str, ...]]] = []
    for active in _engine().active:
        reads = declared_reads(active.principle.assess)
        if reads is not None:
            found.append((active.principle.code, partial(_verdict, active),
                          frozenset(reads.fields), reads.signals))
    reads = declared_reads(recommendation.collabrules_recommend_model)
    if reads is not None:
        found.append(("recommendation", _recommended, frozenset(reads.fields), reads.signals))
    return found


def _verdict(active: ActivePrinciple, case: Any, book: SignalBook) -> Any:
    assessment = QuietAssessment(case, book)
    try:
        active.principle.assess(assessment)
    except Exception as exc:  # the same failure counts as the same verdict
        return repr(exc)
    v = assessment.verdict(active.principle, active.severity)
    return v.status, v.severity, v.missing, v.rationale, v.actions


def _recommended(case: Any, book: SignalBook) -> Any:
    taxonomy = _engine().taxonomy
    assert taxonomy is not None
    try:
        return recommendation.collabrules_recommend_model(case=case, signals=book,
                                                          taxonomy=taxonomy)
    except Exception as exc:  # the same failure counts as the same verdict
        return repr(exc)


def _unread(document: dict[str, Any], fields: frozenset[tuple[str, ...]],
            book: SignalBook, signals: tuple[str, ...]) -> tuple[list[str], set[str]]:
    """The optional closed-domain facts a principle's declaration leaves out, and which of
    them its signals cite (whether those are known is part of what it reads)."""
    cited = {path for name in signals for path in book[name].paths}
    unread = [path for path in optional_choices(document)
              if not any(touches(read, field_steps(path)) for read in fields)]
    return unread, {path for path in unread if not cited.isdisjoint(_holders(path))}


def _changed(document: dict[str, Any], unread: list[str], cited: set[str],
             rng: random.Random) -> dict[str, Any]:
    """``document`` with facts in ``unread`` changed at random: left out, filled in or
    given another value; a cited one only given another value when it is known."""
    changed = copy.deepcopy(document)
    for path in unread:
        parent, key = _at(changed, path)
        known = isinstance(parent, dict) and key in parent
        if rng.random() < 0.4 or (path in cited and not known):
            continue
        if rng.random() < 0.25 and path not in cited:
            if known:
                parent.pop(key)
        else:
            changed = fill(changed, path, rng.choice(choices(path) or ()))
    return changed


def _unread_facts_change_nothing(document: dict[str, Any], seed: int = 0) -> int:
    """Fill in each fillable fact a principle does not read, and change them all at random:
    with its signals held, its verdict stays the same (a fact its signals cite: the same
    for every value)."""
    engine, rng = _engine(), random.Random(seed)
    case = structure_case(document)
    # most facts are unread by several principles: each completion is structured once
    # (cases are frozen; structuring cost 40 % of this check, ADR 0024)
    completions: dict[tuple[str, str], Any] = {}
    compared = 0
    for code, judge, fields, signals in _declared():
        book = SignalBook(case, engine.signals)
        before = judge(case, book)
        unread, cited = _unread(document, fields, book, signals)
        for path in unread:
            first = None
            for value in domain(document, path) or ():
                key = (path, repr(value))
                if key not in completions:
                    try:
                        completions[key] = structure_case(fill(document, path, value))
                    except InputError:
                        completions[key] = None
                completed = completions[key]
                if completed is None:
                    continue
                after = judge(completed, book)
                if path in cited:  # known or not is read; which value is not
                    first = after if first is None else first
                assert after == (first if path in cited else before), (code, path, value)
                compared += 1
        try:
            changed = structure_case(_changed(document, unread, cited, rng))
        except InputError:
            continue
        assert judge(changed, book) == before, code
        compared += 1
    return compared


def test_the_standard_principles_declare_what_they_read() -> None:
    declared = _declared()
    assert {code for code, _, _, _ in declared} == {
        *(f"CR0{n}" for n in range(1, 10)), "recommendation"}
    for code, _, fields, signals in declared:
        assert set(signals) <= set(_engine().signals), code
        for steps in fields:
            key = "".join(s if s == "[]" else f".{s}" for s in steps)[1:]
            assert _schema_leaf(key) is not None, (code, key)


def test_facts_a_principle_does_not_read_leave_its_verdict_alone() -> None:
    compared = sum(_unread_facts_change_nothing(_thinned(base(name), keep), keep)
                   for name in SCENARIOS for keep in (1, 2, 3))
    compared += sum(_unread_facts_change_nothing(_thinned(dict(entry.case), keep), seed)
                    for seed, entry in enumerate(load()) for keep in (1, 2))
    assert compared > 1000


@given(valid_cases(), st.integers(min_value=1, max_value=4), st.integers(0, 2**16))
@ci_examples(15)
def test_generated_cases_keep_the_verdicts_no_changed_fact_reaches(
        document: dict[str, Any], keep: int, seed: int) -> None:
    try:
        document = _thinned(document, keep)
        structure_case(document)
    except InputError:  # left out a key another one needs: not a case
        return
    _unread_facts_change_nothing(document, seed)
