"""What each signal declares it reads is all it reads, as far as a completion can tell.

A completion fills in one missing closed-domain fact. A signal whose declared fields
(through the signals it reads too) do not include that fact is taken from the case the
completion came from (``pipeline/signal_reuse.py``). Here every fact a completion could
fill in is filled in, with every value, and each such signal must keep its value; a
declaration that leaves out a field the signal reads makes this fail.
"""

from __future__ import annotations

import copy
import random
from functools import cache
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from collabrules import Engine
from collabrules.model import paths
from collabrules.model.errors import InputError
from collabrules.model.signal_reads import field_steps, touches
from collabrules.model.signals import SignalBook, SignalError, SignalValue
from collabrules.pipeline.completion import domain, fill
from collabrules.pipeline.questions import _schema_leaf, choices, resolve
from collabrules.pipeline.schemas import load_schema
from collabrules.pipeline.signal_reuse import SignalReuse
from collabrules.pipeline.structure import structure_case
from collabrules.pipeline.versions import admits
from tests.casebook.book import load
from tests.core.test_fast_paths import _thinned
from tests.principles.helpers import SCENARIOS, base
from tests.strategies import valid_cases

from ..conftest import ci_examples


@cache
def _engine() -> Engine:
    return Engine()


def _reuse() -> SignalReuse:
    return SignalReuse(_engine().signals)


def _value(book: SignalBook, name: str) -> SignalValue | str:
    try:
        return book[name]
    except SignalError as exc:
        return f"{exc.name}: {exc.cause!r}"


def _unread_facts_change_nothing(document: dict[str, Any]) -> int:
    """Fill in each fillable fact, as a completion does: every signal not reading it keeps
    its value."""
    engine, reuse = _engine(), _reuse()
    before = SignalBook(structure_case(document), engine.signals)
    compared = 0
    for path in optional_choices(document):
        for value in domain(document, path) or ():  # none when present: not fillable
            try:
                completed = structure_case(fill(document, path, value))
            except InputError:
                continue
            after = SignalBook(completed, engine.signals)
            for name in sorted(reuse.unchanged(path)):
                assert _value(after, name) == _value(before, name), (name, path, value)
                compared += 1
    return compared


def optional_choices(document: dict[str, Any]) -> list[str]:
    """Every optional closed-domain fact of ``document``: present, or one a completion
    could fill in."""
    schema = load_schema("case")
    found: list[str] = []

    def walk(value: Any, node: dict[str, Any], path: str) -> None:
        node = resolve(schema, node)
        if isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, node.get("items", {}), paths.child(path, index))
            return
        required = node.get("required", ())
        for key, spec in node.get("properties", {}).items():
            below = paths.child(path, key)
            present = isinstance(value, dict) and key in value
            if choices(below) is not None:
                if key not in required and (present or domain(document, below)) \
                        and admits(document["schema_version"], below):
                    found.append(below)
            elif present or "properties" in resolve(schema, spec):
                walk(value.get(key) if isinstance(value, dict) else None, spec, below)

    walk(document, schema, "$")
    return found


def _perturbed(document: dict[str, Any], fields: frozenset[tuple[str, ...]],
               rng: random.Random) -> dict[str, Any]:
    """``document`` with optional closed-domain facts none of ``fields`` covers changed at
    random: left out, filled in or given another value."""
    changed = copy.deepcopy(document)
    for path in optional_choices(document):
        steps = field_steps(path)
        if any(touches(read, steps) for read in fields) or rng.random() < 0.4:
            continue
        values = choices(path) or ()
        if rng.random() < 0.25:
            parent, key = _at(changed, path)
            if isinstance(parent, dict):
                parent.pop(key, None)
        else:
            changed = fill(changed, path, rng.choice(values))
    return changed


def _at(document: dict[str, Any], path: str) -> tuple[Any, Any]:
    """The object holding the last step of ``path`` (``None`` if absent) and that step."""
    node: Any = document
    parts = paths.steps(path)
    for step in parts[:-1]:
        node = node[step] if isinstance(node, list) else (node or {}).get(step)
    return node, parts[-1]


def _everything_else_changes_nothing(document: dict[str, Any], seed: int, rounds: int) -> int:
    """Change, at random, every optional fact a signal does not read: it keeps its value."""
    engine, reuse, rng = _engine(), _reuse(), random.Random(seed)
    before = SignalBook(structure_case(document), engine.signals)
    compared = 0
    for name in sorted(engine.signals):
        fields = reuse.reads(name)
        if fields is None:
            continue
        for _ in range(rounds):
            try:
                after = SignalBook(structure_case(_perturbed(document, fields, rng)),
                                   engine.signals)
            except InputError:
                continue
            assert _value(after, name) == _value(before, name), name
            compared += 1
    return compared


def test_every_declared_field_is_a_case_field() -> None:
    reuse = _reuse()
    declared = {name: reuse.reads(name) for name in _engine().signals}
    assert sum(fields is not None for fields in declared.values()) >= 20
    for name, fields in declared.items():
        for steps in fields or ():
            key = "".join(s if s == "[]" else f".{s}" for s in steps)[1:]
            assert _schema_leaf(key) is not None, (name, key)


def test_filling_in_a_fact_no_declaration_reads_keeps_the_signals() -> None:
    compared = sum(_unread_facts_change_nothing(_thinned(base(name), keep))
                   for name in SCENARIOS for keep in (1, 2, 3))
    compared += sum(_unread_facts_change_nothing(_thinned(dict(entry.case), 2))
                    for entry in load()[::4])
    assert compared > 3000


def test_changing_every_fact_a_signal_does_not_read_keeps_it() -> None:
    documents = [base(name) for name in SCENARIOS] + [dict(e.case) for e in load()]
    compared = sum(_everything_else_changes_nothing(document, seed, 2)
                   for seed, document in enumerate(documents))
    assert compared > 1000


@given(valid_cases(), st.integers(min_value=1, max_value=4), st.integers(0, 2**16))
@ci_examples(15)
def test_generated_cases_keep_the_signals_no_changed_fact_reaches(
        document: dict[str, Any], keep: int, seed: int) -> None:
    try:
        document = _thinned(copy.deepcopy(document), keep)
        _unread_facts_change_nothing(document)
    except InputError:  # left out a key another one needs: not a case
        return
    _everything_else_changes_nothing(document, seed, 1)


def test_a_field_covers_what_lies_below_it() -> None:
    resistance = field_steps("$.relationship.resistance")
    assert touches(resistance, field_steps("$.relationship.resistance[2].investigated"))
    assert touches(field_steps("$.relationship.safeguards.exit_plan"),
                   field_steps("$.relationship.safeguards"))
    assert not touches(field_steps("$.relationship.safeguards.exit_plan"),
                       field_steps("$.relationship.safeguards.price_guarantee"))
    assert field_steps("$.parties[1].attitude") == field_steps("$.parties[].attitude")
