"""Fixture files for ``collabrules test``: cases with the verdicts their authors expect.

A fixture file (YAML or JSON, any name ending in ``.yaml``, ``.yml`` or ``.json``) holds::

    fixtures:
      - name: supplier benefit unknown          # optional, defaults to the case file
        case: ../cases/bespoke.yaml              # a path (relative to this file) ...
        expect:                                  # principle code -> expected status
          ACME01: undetermined
          CR01: at_risk
      - case: {schema_version: "1.0", ...}       # ... or the case written inline
      - name: trust one step short
        case: ../cases/bespoke.yaml              # a base case ...
        set: {relationship.trust: medium}        # ... with only what differs: values set
        remove: [delivery.risk]                  # ... and facts left out
        expect: {CR05: at_risk}
        failed: {CR05: [trust_sufficient]}       # the conditions expected to fail

Only the principles named under ``expect`` are compared; the others are ignored.
``set`` and ``remove`` take paths like ``parties[1].attitude`` (``$.`` may be left out);
``set`` creates the mappings on its way. ``failed`` lists, per principle, the ids of
the conditions (not the applicability) that must fail, no more and no fewer.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from ..model.errors import InputError, Issue
from ..model.paths import steps
from ..model.records import shared_repr
from ..model.text import Text
from ..model.vocab import Status
from ..pipeline.loading import Document, read_document
from ..pipeline.validation import did_you_mean, line_of

SUFFIXES = (".yaml", ".yml", ".json")
_STATUSES = [s.value for s in Status]
KEYS = ("name", "case", "set", "remove", "expect", "failed")


@attrs.frozen
@shared_repr
class Fixture:
    """One case and the statuses expected for some of its principles."""

    name: str
    file: str
    path: str
    case: Document
    expect: Mapping[str, Status]
    failed: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)


def fixture_files(folder: str | Path) -> list[Path]:
    """Candidate fixture files in ``folder`` and its subfolders, sorted (a file is itself)."""
    root = Path(folder)
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())


def read_fixtures(file: Path) -> list[Fixture]:
    """The fixtures of one file (raises ``InputError`` listing every problem).

    A case file (a mapping with ``parties`` and no ``fixtures``) gives no fixtures, so
    cases can live next to the fixtures that use them.
    """
    document = read_document(file)
    source, lines = document.source, document.lines or {}
    issues: list[Issue] = []

    def problem(path: str, message: Text, hint: Text | None = None) -> None:
        issues.append(Issue(file=source, path=path, message=message, hint=hint,
                            line=line_of(path, lines)))

    data = document.data
    if isinstance(data, dict) and "fixtures" not in data and "parties" in data:
        return []  # a case file that fixtures refer to, not a fixture file
    items = data.get("fixtures") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        problem("$.fixtures", Text("a fixture file needs a non-empty list 'fixtures'",
                                   "een fixturebestand heeft een niet-lege lijst 'fixtures' "
                                   "nodig"))
        raise InputError(issues)
    fixtures: list[Fixture] = []
    for index, item in enumerate(items):
        where = f"$.fixtures[{index}]"
        if not isinstance(item, dict):
            problem(where, Text("a fixture is a mapping with 'case' and 'expect'",
                                "een fixture is een mapping met 'case' en 'expect'"))
            continue
        for key in item:
            if key not in KEYS:
                problem(f"{where}.{key}", Text("unknown key {key!r}", "onbekende sleutel {key!r}"
                                               ).format(key=key),
                        did_you_mean(key, list(KEYS)))
        case = _case(item.get("case"), file, f"{where}.case", problem, issues)
        expect = dict(_expect(item.get("expect"), f"{where}.expect", problem))
        failed = dict(_failed(item.get("failed", {}), expect, f"{where}.failed", problem))
        if case is None:
            continue
        if "set" in item or "remove" in item:
            case = _patched(case, item.get("set", {}), item.get("remove", []), where, problem)
        name = str(item.get("name") or case.source)
        fixtures.append(Fixture(name, source, where, case, expect, failed))
    if issues:
        raise InputError(issues)
    return fixtures


def _case(value: Any, file: Path, where: str, problem: Any, issues: list[Issue]
          ) -> Document | None:
    if isinstance(value, dict):
        return Document(value, f"{file}:{where}")
    if isinstance(value, str):
        target = (file.parent / value)
        try:
            return read_document(target)
        except InputError as error:
            issues.extend(error.issues)
            return None
    problem(where, Text("'case' must be a path to a case file or an inline case",
                        "'case' moet een pad naar een casusbestand of een casus zijn"))
    return None


def _expect(value: Any, where: str, problem: Any) -> Iterator[tuple[str, Status]]:
    if not isinstance(value, dict) or not value:
        problem(where, Text("'expect' maps principle codes to statuses, e.g. CR01: upheld",
                            "'expect' koppelt principecodes aan statussen, bijv. CR01: upheld"))
        return
    for code, status in value.items():
        if status not in _STATUSES:
            problem(f"{where}.{code}", Text("{value!r} is not a status; choose from: {choices}",
                                            "{value!r} is geen status; kies uit: {choices}"
                                            ).format(value=status, choices=", ".join(_STATUSES)),
                    did_you_mean(str(status), _STATUSES))
            continue
        yield str(code), Status(status)


def _patched(case: Document, sets: Any, removes: Any, where: str, problem: Any) -> Document:
    """The base case with ``set`` values written and ``remove`` paths left out."""
    data = copy.deepcopy(case.data)
    if not isinstance(sets, dict):
        problem(f"{where}.set", _SET_SHAPE)
        sets = {}
    if not isinstance(removes, list):
        problem(f"{where}.remove", _REMOVE_SHAPE)
        removes = []
    for path, value in sets.items():
        if not _write(data, str(path), copy.deepcopy(value)):
            problem(f"{where}.set.{path}", _NO_PATH.format(path=path), _PATH_HINT)
    for index, path in enumerate(removes):
        if not _delete(data, str(path)):
            problem(f"{where}.remove[{index}]", _NO_PATH.format(path=path), _PATH_HINT)
    return Document(data, f"{case.source} ({where})")


def _parent(data: Any, path: str, create: bool) -> tuple[Any, str | int] | None:
    try:
        *parents, last = steps(path)
    except ValueError:
        return None
    for step in parents:
        if isinstance(step, str) and isinstance(data, dict):
            data = data.setdefault(step, {}) if create else data.get(step)
        elif isinstance(step, int) and isinstance(data, list) and step < len(data):
            data = data[step]
        else:
            return None
    if isinstance(last, str) and isinstance(data, dict):
        return data, last
    if isinstance(last, int) and isinstance(data, list) and last < len(data):
        return data, last
    return None


def _write(data: Any, path: str, value: Any) -> bool:
    found = _parent(data, path, create=True)
    if found is None:
        return False
    found[0][found[1]] = value
    return True


def _delete(data: Any, path: str) -> bool:
    found = _parent(data, path, create=False)
    if found is None or (isinstance(found[1], str) and found[1] not in found[0]):
        return False
    del found[0][found[1]]
    return True


def _failed(value: Any, expect: Mapping[str, Status], where: str, problem: Any
            ) -> Iterator[tuple[str, tuple[str, ...]]]:
    if not isinstance(value, dict):
        problem(where, _FAILED_SHAPE)
        return
    for code, ids in value.items():
        if code not in expect:
            problem(f"{where}.{code}", _FAILED_CODE.format(code=code))
        elif not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            problem(f"{where}.{code}", _FAILED_SHAPE)
        else:
            yield str(code), tuple(ids)


_SET_SHAPE = Text("'set' maps paths to the values they get, e.g. relationship.trust: high",
                  "'set' koppelt paden aan hun nieuwe waarde, bijv. relationship.trust: high")
_REMOVE_SHAPE = Text("'remove' lists the paths to leave out, e.g. [delivery.risk]",
                     "'remove' somt de weg te laten paden op, bijv. [delivery.risk]")
_NO_PATH = Text("the case has no place for {path!r}", "de casus heeft geen plek voor {path!r}")
_PATH_HINT = Text("write a path into the case such as parties[1].attitude; list indexes "
                  "must exist in the base case",
                  "schrijf een pad in de casus zoals parties[1].attitude; lijstindexen moeten "
                  "in de basiscasus bestaan")
_FAILED_SHAPE = Text("'failed' maps principle codes to lists of condition ids, e.g. "
                     "CR05: [trust_sufficient]",
                     "'failed' koppelt principecodes aan lijsten van voorwaarde-ids, bijv. "
                     "CR05: [trust_sufficient]")
_FAILED_CODE = Text("{code} has failed conditions but no expected status under 'expect'",
                    "{code} heeft mislukte voorwaarden maar geen verwachte status onder "
                    "'expect'")
