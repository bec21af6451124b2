"""Where a finding sits in its case file: the fact that decided it, and that fact's line.

Reports keep the JSON paths of the facts each condition used, not line numbers; the
line is looked up again in the case file (the YAML loader keeps a line per path, a JSON
file is scanned for them, and a JSON Lines case is located at its line).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import attrs

from ..model.finding import Finding
from ..model.records import shared_repr
from ..model.vocab import Outcome, Status
from ..pipeline.validation import line_of


@attrs.frozen
@shared_repr
class Location:
    """A file, a line in it (``None``: the whole file) and the JSON path found there."""

    file: str
    line: int | None
    path: str


def decisive_path(finding: Finding) -> str:
    """The JSON path of the fact that decided a finding (``$`` when none is cited).

    For violated or at-risk: the first fact of the first failed condition whose effect is
    the finding's status; for undetermined: the first missing fact; else the first fact.
    """
    conditions = [c for c in finding.conditions if not c.applicability]
    failed = [c for c in conditions if c.outcome is Outcome.FAILED]
    ordered = [c for c in failed if c.effect is finding.status] + failed
    if finding.status is Status.UNDETERMINED and finding.missing:
        return finding.missing[0]
    for condition in (*ordered, *conditions, *finding.conditions):
        for fact in condition.facts:
            return fact.path
    return "$"


def locate(source: str | None, finding: Finding) -> Location | None:
    """The case-file location of a finding, or ``None`` when the report names no file
    (a case given as a mapping, or read from standard input)."""
    if not source:
        return None
    path = decisive_path(finding)
    known = _lines(source)
    if known is None:
        return None
    file, fixed, lines = known
    line = fixed if fixed is not None else line_of(path, lines)
    return Location(file=file, line=line, path=path)


@lru_cache(maxsize=256)
def _lines(source: str) -> tuple[str, int | None, dict[str, int]] | None:
    """(file, fixed line of a JSON Lines case or ``None``, line per JSON path), or ``None``
    when ``source`` is not a file."""
    if not Path(source).is_file():
        found = re.fullmatch(r"(.+):(\d+)", source)
        if found is not None and Path(found[1]).is_file():
            return found[1], int(found[2]), {}
        return None
    from .linemap import json_lines, yaml_lines

    try:
        text = Path(source).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):  # changed since it was evaluated: point at the file
        return source, None, {}
    is_json = Path(source).suffix.lower() == ".json" or (
        Path(source).suffix.lower() not in (".yaml", ".yml") and text.lstrip()[:1] in "{[")
    return source, None, json_lines(text) if is_json else yaml_lines(text)
