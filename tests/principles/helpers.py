"""Shared helpers: base cases from the worked scenarios, patches by path, one engine."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from collabrules import Engine
from collabrules.model.paths import steps
from collabrules.model.report import Report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).parent / "fixtures"
SCENARIOS = ("office-cleaning", "bespoke-software", "aggressive-monopolist")
# Worst first: a change "worsens" a verdict when it moves it left on this scale.
ORDER = ("violated", "at_risk", "undetermined", "upheld")


@cache
def engine() -> Engine:
    """One engine with the installed (standard) plugins, shared by the tests."""
    return Engine()


@cache
def _base(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text("utf-8"))
    return data


def base(name: str) -> dict[str, Any]:
    """A fresh copy of a worked scenario as a mapping."""
    return copy.deepcopy(_base(name))


def set_path(data: Any, path: str, value: Any) -> None:
    """Set a value, creating mappings on the way."""
    *parents, last = steps(path)
    for step in parents:
        data = data.setdefault(step, {}) if isinstance(step, str) else data[step]
    data[last] = value


def remove_path(data: Any, path: str) -> None:
    """Remove a key (the fact becomes unknown)."""
    *parents, last = steps(path)
    for step in parents:
        data = data[step]
    del data[last]


def patched(name: str, sets: dict[str, Any] | None = None,
            removes: list[str] | None = None) -> dict[str, Any]:
    """A scenario with values set and keys removed."""
    data = base(name)
    for path, value in (sets or {}).items():
        set_path(data, path, value)
    for path in removes or ():
        remove_path(data, path)
    return data


def statuses(report: Report) -> dict[str, str]:
    """Each finding's status by code."""
    return {f.code: f.status.value for f in report.findings}


def key_paths(data: Any, prefix: str = "") -> list[str]:
    """Every mapping key in a document, as a path ``steps`` understands."""
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{prefix}.{key}" if prefix else key
            found.append(path)
            found += key_paths(value, path)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += key_paths(value, f"{prefix}[{index}]")
    return found
