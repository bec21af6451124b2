"""Helpers for the report tests: run the CLI (for real or in this process), the worked
scenarios, golden files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
DATA = HERE / "data"
SCENARIOS = ("office-cleaning", "bespoke-software", "aggressive-monopolist")
LANGS = ("en", "nl")
UPDATE = os.environ.get("COLLABRULES_UPDATE_GOLDEN") == "1"


def run_cli(*args: str, cwd: Path = ROOT, stdin: str | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m collabrules`` with arguments; output captured as text."""
    full_env = {k: v for k, v in os.environ.items() if k != "COLLABRULES_LANG"}
    full_env.update({"COLUMNS": "88", **(env or {})})
    return subprocess.run([sys.executable, "-m", "collabrules", *args], cwd=cwd,
                          capture_output=True, text=True, input=stdin, env=full_env,
                          timeout=600, check=False)


def run_cli_here(*args: str, cwd: Path = ROOT, stdin: str | None = None,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """:func:`run_cli` in this process (``tests.core.cli.run_here``): for tests that run a
    command many times; each command keeps real runs through :func:`run_cli`."""
    from ..core.cli import run_here

    return run_here(*args, cwd=cwd, stdin=stdin, env={"COLUMNS": "88", **(env or {})})


def check_golden(name: str, actual: str) -> None:
    """Compare byte for byte with ``golden/<name>``; COLLABRULES_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.exists(), f"missing golden file {path}; run with COLLABRULES_UPDATE_GOLDEN=1"
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{name} differs from its golden file"
