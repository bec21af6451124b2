"""Fixtures for the robustness tests: the corpus, generated hostile files, a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .generated import write_generated

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the real ``collabrules`` command in a subprocess and capture its output."""
    full_env = dict(os.environ)
    full_env.pop("COLLABRULES_DEBUG", None)
    full_env.update(env or {})
    result = subprocess.run(
        [sys.executable, "-m", "collabrules", *args], cwd=cwd, env=full_env,
        input=stdin, capture_output=True, timeout=timeout, check=False)
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"))


@pytest.fixture(scope="session")
def generated_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the generated corpus files (big, binary, bombs)."""
    return write_generated(tmp_path_factory.mktemp("generated-corpus"))
