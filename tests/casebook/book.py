"""The casebook: realistic relationships with expectations written before running the engine.

Each file in ``cases/`` holds a source, the facts it supports (a valid case), and the status an
adviser expects per principle and the model expected, each with a one-line reason. This module
loads them, evaluates each with the default engine and compares; ``render`` turns the result
into ``docs/casebook.md`` and ``test_casebook`` gates on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
import yaml

import collabrules
from collabrules.model.report import Report

CASES = Path(__file__).resolve().parent / "cases"
CODES = tuple(f"CR0{n}" for n in range(1, 10))
MODEL = "model"
UNDETERMINED = "undetermined"
STATUSES = frozenset({"upheld", "at_risk", "violated", "not_applicable", UNDETERMINED})
EXERCISING = frozenset({"upheld", "at_risk", "violated"})
THRESHOLD = 0.90
MIN_EXERCISING = 3


class CasebookError(ValueError):
    """A casebook file is malformed; the message names the file and what to fix."""


@attrs.frozen
class Expectation:
    """What an adviser expects for one principle (or the model): accepted outcomes and why."""

    target: str
    accepted: tuple[str, ...]
    why: str

    @property
    def exercising(self) -> bool:
        """Whether it expects a real verdict (upheld, at risk, violated), not n/a/undetermined."""
        return all(status in EXERCISING for status in self.accepted)


@attrs.frozen
class Entry:
    """One casebook file: its source, perspective, case and expectations."""

    slug: str
    path: Path
    title: str
    source: Mapping[str, Any]
    perspective_note: str
    case: Mapping[str, Any]
    expectations: tuple[Expectation, ...]
    kept: Mapping[str, str]

    @property
    def side(self) -> str:
        """The role (customer or supplier) of the party the case is assessed for."""
        perspective = self.case["perspective"]
        for party in self.case["parties"]:
            if party["id"] == perspective:
                return str(party["role"])
        raise CasebookError(f"{self.path}: perspective {perspective!r} names no party")


@attrs.frozen
class Outcome:
    """One expectation compared with what the engine said."""

    slug: str
    expectation: Expectation
    got: str

    @property
    def agrees(self) -> bool:
        """Whether the engine gave one of the accepted outcomes."""
        return self.got in self.expectation.accepted


@attrs.frozen
class Comparison:
    """Every outcome of the casebook against one engine."""

    entries: tuple[Entry, ...]
    outcomes: tuple[Outcome, ...]

    def agreement(self, target: str | None = None) -> tuple[int, int]:
        """Agreeing and total outcomes, overall or for one principle code (or ``model``)."""
        chosen = [o for o in self.outcomes if target is None or o.expectation.target == target]
        return sum(o.agrees for o in chosen), len(chosen)

    def disagreements(self) -> tuple[Outcome, ...]:
        """Every outcome where the engine gave something the adviser did not accept."""
        return tuple(o for o in self.outcomes if not o.agrees)

    def kept_reason(self, outcome: Outcome) -> str | None:
        """The project's reason for keeping this disagreement, if it decided to keep it."""
        entry = next(e for e in self.entries if e.slug == outcome.slug)
        return entry.kept.get(outcome.expectation.target)


def _expectation(path: Path, target: str, raw: Any, key: str) -> Expectation:
    if not isinstance(raw, Mapping) or set(raw) != {key, "why"}:
        raise CasebookError(f"{path}: {target} needs exactly '{key}' and 'why'")
    value = raw[key]
    accepted = tuple(value) if isinstance(value, list) else (value,)
    allowed = STATUSES if key == "status" else None
    if not accepted or any(not isinstance(v, str) for v in accepted):
        raise CasebookError(f"{path}: {target}.{key} must be a string or a list of strings")
    if allowed is not None and not set(accepted) <= allowed:
        raise CasebookError(f"{path}: {target}.status {value!r} is not one of {sorted(allowed)}")
    why = raw["why"]
    if not isinstance(why, str) or not why.strip():
        raise CasebookError(f"{path}: {target}.why must be a one-line reason")
    return Expectation(target, accepted, why.strip())


def load_entry(path: Path) -> Entry:
    """Read one casebook file; raises ``CasebookError`` naming the file and the problem."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    required = {"title", "source", "perspective_note", "case", "expect", "expect_model"}
    if not isinstance(data, Mapping) or not required <= set(data):
        raise CasebookError(f"{path}: needs the keys {sorted(required)}")
    expect = data["expect"]
    if not isinstance(expect, Mapping) or set(expect) != set(CODES):
        raise CasebookError(f"{path}: expect must give exactly {', '.join(CODES)}")
    expectations = [_expectation(path, code, expect[code], "status") for code in CODES]
    expectations.append(_expectation(path, MODEL, data["expect_model"], "model"))
    kept = data.get("kept") or {}
    if not isinstance(kept, Mapping) or not set(kept) <= {*CODES, MODEL}:
        raise CasebookError(f"{path}: kept maps principle codes or 'model' to a reason")
    return Entry(path.stem, path, str(data["title"]), data["source"],
                 str(data["perspective_note"]), data["case"], tuple(expectations),
                 {str(k): str(v) for k, v in kept.items()})


def load(directory: Path = CASES) -> tuple[Entry, ...]:
    """Every casebook file in ``directory``, sorted by name."""
    return tuple(load_entry(path) for path in sorted(directory.glob("*.yaml")))


def verdicts(report: Report) -> dict[str, str]:
    """What the engine said: each standard principle's status and the recommended model."""
    said = {finding.code: finding.status.value for finding in report.findings
            if finding.code in CODES}
    recommendation = report.recommendation
    # No taxonomy, or a recommendation the facts do not settle (its model is None).
    model = recommendation.model if recommendation is not None else None
    said[MODEL] = model if model is not None else UNDETERMINED
    return said


def compare(entries: Iterable[Entry]) -> Comparison:
    """Evaluate every entry with the default engine and compare it with its expectations."""
    engine = collabrules.default_engine()
    chosen = tuple(entries)
    outcomes: list[Outcome] = []
    for entry in chosen:
        said = verdicts(engine.evaluate(dict(entry.case)))
        outcomes.extend(Outcome(entry.slug, e, said.get(e.target, "missing"))
                        for e in entry.expectations)
    return Comparison(chosen, tuple(outcomes))
