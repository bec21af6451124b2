"""Fixture files for ``collabrules test``: cases with the verdicts their authors expect.

A fixture file (YAML or JSON, any name ending in ``.yaml``, ``.yml`` or ``.json``) holds::

    fixtures:
      - name: supplier benefit unknown          # optional, defaults to the case file
        case: ../cases/bespoke.yaml              # a path (relative to this file) ...
        expect:                                  # principle code -> expected status
          ACME01: undetermined
          CR01: at_risk
      - case: {schema_version: "1.0", ...}       # ... or the case written inline

Only the principles named under ``expect`` are compared; the others are ignored.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from ..model.errors import InputError, Issue
from ..model.text import Text
from ..model.vocab import Status
from ..pipeline.loading import Document, read_document
from ..pipeline.validation import did_you_mean, line_of

SUFFIXES = (".yaml", ".yml", ".json")
_STATUSES = [s.value for s in Status]


@attrs.frozen
class Fixture:
    """One case and the statuses expected for some of its principles."""

    name: str
    file: str
    path: str
    case: Document
    expect: Mapping[str, Status]


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
            if key not in ("name", "case", "expect"):
                problem(f"{where}.{key}", Text("unknown key {key!r}", "onbekende sleutel {key!r}"
                                               ).format(key=key),
                        did_you_mean(key, ["name", "case", "expect"]))
        case = _case(item.get("case"), file, f"{where}.case", problem, issues)
        expect = dict(_expect(item.get("expect"), f"{where}.expect", problem))
        if case is None:
            continue
        name = str(item.get("name") or case.source)
        fixtures.append(Fixture(name, source, where, case, expect))
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
