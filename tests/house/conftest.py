"""Helpers for the house-principle tests: run the real CLI, write small files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_PLUGIN = ROOT / "plugins" / "collabrules-house-example"


def run_cli(*args: str, cwd: Path | None = None, python: str = sys.executable,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m collabrules ARGS`` and capture its output."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("COLLABRULES_")}
    environment.update(env or {})
    return subprocess.run([python, "-m", "collabrules", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=300, check=False)


def run_here(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None
             ) -> subprocess.CompletedProcess[str]:
    """:func:`run_cli` in this process (``tests.core.cli.run_here``): for tests of what a
    command does with its files and options; each command keeps real runs through
    :func:`run_cli`."""
    from ..core import cli

    cleared: dict[str, str | None] = {k: None for k in os.environ if k.startswith("COLLABRULES_")}
    return cli.run_here(*args, cwd=cwd, env={**cleared, **(env or {})})


def write_yaml(path: Path, data: Any) -> Path:
    """Write ``data`` as YAML and return the path."""
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def principle_doc(code: str = "HP01", **changes: Any) -> dict[str, Any]:
    """A small valid declarative principle (as a mapping) with ``changes`` applied."""
    doc: dict[str, Any] = {
        "code": code,
        "slug": "exit-plan",
        "theme": {"en": "Continuity", "nl": "Continuïteit"},
        "title": {"en": "Exit plan", "nl": "Exitplan"},
        "observation": {"en": "Failures happen.", "nl": "Mislukkingen gebeuren."},
        "statement": {"en": "Have an exit plan.", "nl": "Heb een exitplan."},
        "severity": "high",
        "applies_when": {"expression": "delivery.risk == 'high'",
                         "text": {"en": "high risk", "nl": "hoog risico"}},
        "conditions": [{"id": "exit_plan", "expression": "relationship.safeguards.exit_plan",
                        "effect": "violated",
                        "text": {"en": "an exit plan exists", "nl": "er is een exitplan"},
                        "action": {"en": "Agree one.", "nl": "Spreek er een af."}}],
        "recommendations": [{"en": "Talk to risk.", "nl": "Praat met risico."}],
    }
    doc.update(changes)
    return doc


def house_file(path: Path, *principles: dict[str, Any]) -> Path:
    """Write a declarative principles file."""
    return write_yaml(path, {"schema_version": "1.0",
                             "principles": list(principles) or [principle_doc()]})


def minimal_case(**changes: Any) -> dict[str, Any]:
    """A small valid case with a customer (perspective) and a supplier."""
    case: dict[str, Any] = {
        "schema_version": "1.0",
        "id": "minimal",
        "perspective": "buyer",
        "parties": [{"id": "buyer", "name": "Buyer", "role": "customer"},
                    {"id": "vendor", "name": "Vendor", "role": "supplier"}],
    }
    case.update(changes)
    return case


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in an empty temporary folder (so no collabrules.toml is found above it)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
