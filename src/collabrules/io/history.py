"""History: several dated assessments of one relationship, and the spiral they show.

Each assessment is a :class:`~collabrules.io.trends.Snapshot` (a case evaluated now, or a
JSON report); consecutive ones are compared with :func:`~collabrules.io.trends.compare`, so
``collabrules compare`` is the two-point case of a history.

The spiral rule (docs/history.md): each assessment gets a *score*, the mean over the
principles on the verdict scale of upheld = 100, at risk = 50, violated = 0 (not
applicable, undetermined and error are left out). Over the last three assessments (two
steps): scores that rise and never fall are an *upward* spiral, scores that fall and never
rise a *downward* one, equal scores are *stable*; a rise then a fall is *turning down*, a
fall then a rise *turning up*.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from itertools import pairwise
from pathlib import Path
from typing import Any

import attrs

from ..model.errors import InputError, Issue
from ..model.records import shared_repr
from ..model.report import Report
from ..model.text import Text
from ..model.vocab import Status
from ..pipeline.loading import Document, read_document
from .trends import (
    Snapshot,
    Trend,
    compare,
    is_report_document,
    snapshot_of_json,
    snapshot_of_report,
)

WEIGHTS = {Status.UPHELD: 100, Status.AT_RISK: 50, Status.VIOLATED: 0}
"""The score of each status on the verdict scale; other statuses are left out."""
WINDOW = 3
"""How many of the latest assessments the spiral rule looks at."""
CASE_SUFFIXES = (".yaml", ".yml", ".json")

Evaluate = Callable[[Document], Report]
"""Evaluates a case document into a report."""


def score(snapshot: Snapshot) -> float | None:
    """The mean weight of the verdicts on the scale, 0-100 (``None`` if none is on it)."""
    weights = [WEIGHTS[v.status] for v in snapshot.verdicts if v.status in WEIGHTS]
    return round(sum(weights) / len(weights), 1) if weights else None


def spiral(scores: Iterable[float | None]) -> str:
    """The direction of the last :data:`WINDOW` scores (see the module docstring)."""
    known = [s for s in scores if s is not None][-WINDOW:]
    steps = [b - a for a, b in pairwise(known)]
    if not steps:
        return "unknown"
    if all(step == 0 for step in steps):
        return "stable"
    if all(step >= 0 for step in steps):
        return "upward"
    if all(step <= 0 for step in steps):
        return "downward"
    return "turning_down" if steps[-1] < 0 else "turning_up"


@attrs.frozen(kw_only=True)
@shared_repr
class History:
    """Dated assessments of one relationship, oldest first, and the steps between them."""

    points: tuple[Snapshot, ...]
    steps: tuple[Trend, ...]

    @property
    def scores(self) -> tuple[float | None, ...]:
        """Each assessment's score (see :func:`score`)."""
        return tuple(score(p) for p in self.points)

    @property
    def direction(self) -> str:
        """``upward``, ``downward``, ``stable``, ``turning_up``, ``turning_down``."""
        return spiral(self.scores)

    def codes(self) -> tuple[str, ...]:
        """Every principle code that occurs in any assessment, sorted."""
        return tuple(sorted({v.code for p in self.points for v in p.verdicts}))

    def path(self, code: str) -> tuple[Status | None, ...]:
        """One principle's status at each assessment (``None`` where it was not assessed)."""
        return tuple(next((v.status for v in p.verdicts if v.code == code), None)
                     for p in self.points)

    def title(self, code: str) -> Text:
        """A principle's title, from the latest assessment that has it."""
        return next(v.title for p in reversed(self.points) for v in p.verdicts
                    if v.code == code)

    def to_dict(self) -> dict[str, Any]:
        """The history as a JSON-ready mapping (the contract in schemas/history.schema.json)."""
        last = self.points[-1]
        return {
            "kind": "history",
            "relationship": {"case_id": last.case_id, "title": last.title},
            "rule": {"weights": {s.value: w for s, w in WEIGHTS.items()}, "window": WINDOW},
            "direction": self.direction,
            "assessments": [{"source": p.source, "assessed_on": p.assessed_on,
                             "phase": p.phase, "score": s, "current_model": p.current_model,
                             "recommended_model": p.recommended_model}
                            for p, s in zip(self.points, self.scores)],
            "principles": [{"code": code, "path": [s.value if s else None
                                                   for s in self.path(code)]}
                           for code in self.codes()],
            "steps": [{"from": t.old.assessed_on, "to": t.new.assessed_on,
                       "direction": t.direction,
                       "moves": [m for m in t.to_dict()["moves"] if m["movement"] != "same"]}
                      for t in self.steps],
        }


def history(snapshots: Iterable[Snapshot]) -> History:
    """The history of dated snapshots, ordered by date (then by source for equal dates)."""
    points = tuple(sorted(snapshots, key=lambda p: (p.assessed_on or "", p.source)))
    return History(points=points,
                   steps=tuple(compare(a, b) for a, b in pairwise(points)))


def snapshot(document: Document, evaluate: Evaluate) -> Snapshot:
    """A snapshot of a case (evaluated) or of a JSON report document."""
    if is_report_document(document.data):
        try:
            return snapshot_of_json(document.data, document.source)
        except (KeyError, ValueError, TypeError, AttributeError) as error:
            raise InputError([Issue(file=document.source, path="$.findings", message=Text(
                "this report is malformed ({error})", "dit rapport is misvormd ({error})"
            ).format(error=repr(error)), hint=Text(
                "give a report written by 'collabrules evaluate --format json' or a case file",
                "geef een rapport van 'collabrules evaluate --format json' of een "
                "casusbestand"))]) from None
    found = snapshot_of_report(evaluate(document))
    return attrs.evolve(found, source=document.source)


def documents(source: str) -> list[Document]:
    """The documents in a folder (its case and report files), a JSON Lines file, or a file."""
    path = Path(source)
    if path.is_dir():
        return [read_document(p) for p in sorted(path.iterdir())
                if p.is_file() and p.suffix.lower() in CASE_SUFFIXES]
    if path.suffix.lower() == ".jsonl":
        return list(_json_lines(path))
    return [read_document(path)]


def _json_lines(path: Path) -> Iterable[Document]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError([Issue(file=str(path), line=number, path="$", message=Text(
                    "this line is not JSON ({error})", "deze regel is geen JSON ({error})"
                ).format(error=error.msg), hint=Text(
                    "give one case or JSON report per line",
                    "geef één casus of JSON-rapport per regel"))]) from None
            yield Document(data=data, source=where)


def _line(document: Document, path: str) -> int | None:
    return document.lines.get(path) or document.lines.get("$")


def check_dated(pairs: Iterable[tuple[Document, Snapshot]]) -> list[Issue]:
    """An issue for each assessment without a date (``assessed_on``)."""
    issues = []
    for document, snap in pairs:
        if snap.assessed_on:
            continue
        report = is_report_document(document.data)
        issues.append(Issue(
            file=document.source, line=_line(document, "$"),
            path="$.case.assessed_on" if report else "$.assessed_on",
            message=Text("this assessment has no date, so its place in the history is unknown",
                         "deze beoordeling heeft geen datum, dus haar plaats in de "
                         "geschiedenis is onbekend"),
            hint=Text("add assessed_on: YYYY-MM-DD to the case (schema_version \"1.2\") and "
                      "evaluate it again",
                      "voeg assessed_on: JJJJ-MM-DD toe aan de casus (schema_version \"1.2\") "
                      "en beoordeel haar opnieuw")))
    return issues


def check_one_relationship(pairs: list[tuple[Document, Snapshot]]) -> list[Issue]:
    """An issue for each assessment of another relationship than the first one with an id."""
    first = next(((d, s) for d, s in pairs if s.case_id), None)
    if first is None:
        return []
    issues = []
    for document, snap in pairs:
        if snap.case_id and snap.case_id != first[1].case_id:
            report = is_report_document(document.data)
            path = "$.case.id" if report else "$.id"
            issues.append(Issue(
                file=document.source, line=_line(document, path), path=path,
                message=Text("this assessment is of relationship {this!r}, {first} is of "
                             "{other!r}; a history follows one relationship",
                             "deze beoordeling gaat over relatie {this!r}, {first} over "
                             "{other!r}; een geschiedenis volgt één relatie").format(
                    this=snap.case_id, first=first[0].source, other=first[1].case_id),
                hint=Text("put the assessments of each relationship in their own folder",
                          "zet de beoordelingen van elke relatie in een eigen map")))
    return issues


def read_history(sources: Iterable[str], evaluate: Evaluate, *, minimum: int = 2) -> History:
    """The history of the assessments in ``sources``; an :class:`InputError` says what is wrong.

    Every assessment needs a date and the same relationship id; there must be ``minimum``.
    """
    sources = list(sources)
    pairs: list[tuple[Document, Snapshot]] = []
    for source in sources:
        pairs += [(d, snapshot(d, evaluate)) for d in documents(source)]
    issues = check_dated(pairs) + check_one_relationship(pairs)
    if len(pairs) < minimum:
        issues.append(Issue(file=", ".join(sources), path="$", message=Text(
            "a history needs at least {minimum} assessments, found {count}",
            "een geschiedenis heeft minstens {minimum} beoordelingen nodig, gevonden: {count}"
        ).format(minimum=minimum, count=len(pairs)), hint=Text(
            "give a folder of dated case files or reports, or a JSON Lines file of reports",
            "geef een map met gedateerde casussen of rapporten, of een JSON Lines-bestand "
            "met rapporten")))
    if issues:
        raise InputError(issues)
    return history(snap for _, snap in pairs)
