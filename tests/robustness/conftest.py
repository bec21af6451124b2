"""Fixtures for the robustness tests: the corpus, generated hostile files, a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from collabrules.cli import main
from collabrules.io import batch

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


def run_cli_here(*args: str, cwd: Path, env: dict[str, str] | None = None
                 ) -> subprocess.CompletedProcess[str]:
    """Run ``collabrules`` in this process (the same ``main`` as the console script, its
    internal-error handler included), in ``cwd``; much cheaper than :func:`run_cli` for
    the many corpus runs. A test file keeps at least one real subprocess per command."""
    previous = Path.cwd()
    code: int | str | None = 0
    os.chdir(cwd)
    try:
        with CliRunner().isolation(env={"COLLABRULES_DEBUG": None, **(env or {})}) as (
                out, err, _):
            try:
                main(list(args))
            except SystemExit as exit_:
                code = exit_.code
    finally:
        os.chdir(previous)
        batch._BUILT.clear()  # engines are kept per process, keyed by a relative --config
    returncode = code if isinstance(code, int) else (0 if code is None else 1)
    return subprocess.CompletedProcess(
        ["collabrules", *args], returncode, out.getvalue().decode("utf-8", "replace"),
        err.getvalue().decode("utf-8", "replace"))


@pytest.fixture(scope="session")
def generated_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the generated corpus files (big, binary, bombs)."""
    return write_generated(tmp_path_factory.mktemp("generated-corpus"))
