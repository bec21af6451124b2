"""``collabrules check``: validate every file collabrules reads, each by its own rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from ..io.kinds import (
    ANSWERS,
    CASE,
    CONFIG,
    DESIGN,
    FIXTURES,
    PRINCIPLES,
    REPORT,
    kind_by_name,
    kind_of,
)
from ..model.errors import InputError, Issue
from ..model.records import shared_repr
from ..model.text import Text
from ..pipeline.loading import Document, read_document

SUFFIXES = (".json", ".yaml", ".yml", ".jsonl", ".ndjson")
_SKIP_FOLDERS = frozenset({"node_modules", "site", "__pycache__", "build", "dist"})


@attrs.frozen
@shared_repr
class FileCheck:
    """One file: its kind (``None``: not a file collabrules reads) and its issues."""

    file: str
    kind: str | None
    issues: tuple[Issue, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the file is valid (an unrecognised file is not invalid)."""
        return not self.issues


def files_to_check(paths: Iterable[str]) -> Iterator[Path]:
    """The given files, and in given folders every JSON, YAML, JSON Lines file and
    ``collabrules.toml`` (hidden folders and build output left out), sorted."""
    for name in paths:
        path = Path(name)
        if not path.is_dir():
            yield path
            continue
        found = [p for p in path.rglob("*") if p.is_file()
                 and (p.suffix.lower() in SUFFIXES or kind_by_name(p) == CONFIG)
                 and not any(part.startswith(".") or part in _SKIP_FOLDERS
                             for part in p.relative_to(path).parts)]
        yield from sorted(found)


def check_file(path: Path) -> FileCheck:
    """Recognise one file and validate it by the rules of its kind."""
    source = str(path)
    if kind_by_name(path) == CONFIG:
        return FileCheck(source, CONFIG, tuple(_config_issues(path)))
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return FileCheck(source, CASE, tuple(_portfolio_issues(path)))
    try:
        document = read_document(path)
    except InputError as error:
        return FileCheck(source, None, error.issues)
    kind = kind_of(document.data)
    if kind is None:
        return FileCheck(source, None)
    return FileCheck(source, kind, tuple(_CHECKS[kind](path, document)))


def case_issues(document: Document) -> list[Issue]:
    """Schema and consistency issues of a case document, in line order."""
    from ..pipeline.engine import case_validator
    from ..pipeline.structure import consistency_issues

    issues = case_validator().issues(document.data, document.source, document.lines)
    issues += consistency_issues(document.data, document.source, document.lines)
    issues.sort(key=lambda i: (i.line or 0, i.path))
    return issues


def _case(path: Path, document: Document) -> list[Issue]:
    return case_issues(document)


def _portfolio_issues(path: Path) -> list[Issue]:
    from ..io.inputs import iter_json_lines

    issues: list[Issue] = []
    for item in iter_json_lines(path):
        if isinstance(item, InputError):
            issues.extend(item.issues)
        elif isinstance(item, Document):
            issues.extend(case_issues(item))
    return issues


def _fixtures(path: Path, document: Document) -> list[Issue]:
    from .fixtures import read_fixtures

    return _raised(read_fixtures, path)


def _principles(path: Path, document: Document) -> list[Issue]:
    from ..house.declarative import load_principles

    return _raised(load_principles, path)


def _design(path: Path, document: Document) -> list[Issue]:
    from ..alternatives.design import load_design

    return _raised(load_design, path)


def _raised(read: Callable[[Path], object], path: Path) -> list[Issue]:
    """The issues ``read(path)`` raises, or none."""
    try:
        read(path)
    except InputError as error:
        return list(error.issues)
    return []


def _report(path: Path, document: Document) -> list[Issue]:
    from ..pipeline.validation import SchemaValidator

    return SchemaValidator("report").issues(document.data, document.source, document.lines)


def _answers(path: Path, document: Document) -> list[Issue]:
    from .answers import read_answers

    return read_answers(document.data, document.source, document.lines)[1]


def _config_issues(path: Path) -> list[Issue]:
    """The configuration, its charter and waivers, and the house-principle files it names."""
    from ..house.config import build_engine, load_config

    return _raised(lambda file: build_engine(load_config(file), principle_budget=None), path)


_CHECKS: dict[str, Any] = {CASE: _case, FIXTURES: _fixtures, PRINCIPLES: _principles,
                           REPORT: _report, ANSWERS: _answers, DESIGN: _design}


def check_json(checks: Iterable[FileCheck], lang: str) -> dict[str, Any]:
    """Checked files as plain data (``--format json`` of ``check`` and ``validate``)."""
    files = [{"file": c.file, "kind": c.kind, "valid": c.ok,
              "issues": [issue_json(i, lang) for i in c.issues]} for c in checks]
    return {"files": files, "valid": sum(f["valid"] is True for f in files),
            "invalid": sum(f["valid"] is False for f in files)}


def issue_json(issue: Issue, lang: str) -> dict[str, Any]:
    """One issue as plain data: where it is, what is wrong, how to fix it."""
    return {"file": issue.file, "line": issue.line, "column": issue.column, "path": issue.path,
            "message": issue.message.get(lang),
            "hint": issue.hint.get(lang) if issue.hint is not None else None}


SKIPPED = Text("{file}: skipped, not a file collabrules reads",
               "{file}: overgeslagen, geen bestand dat collabrules leest")


def not_a_case(source: str, kind: str | None) -> Text:
    """The note for a file in a folder of cases that is not a case."""
    from ..io.kinds import LABELS

    if kind is None:
        return SKIPPED.format(file=source)
    return Text("{file}: skipped, not a case but {kind}",
                "{file}: overgeslagen, geen casus maar {kind}").format(
        file=source, kind=LABELS[kind])
