"""Running the ``collabrules`` command: for real in a subprocess, or in the test process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path


def run(*args: str | Path, cwd: Path | None = None, env: Mapping[str, str] | None = None,
        stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m collabrules ARGS`` with UTF-8 I/O; never raises on a non-zero exit."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"}
    full_env.pop("COLLABRULES_LANG", None)
    full_env.pop("COLLABRULES_DEBUG", None)
    full_env.update(env or {})
    result = subprocess.run(
        [sys.executable, "-m", "collabrules", *map(str, args)], cwd=cwd, env=full_env,
        input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=120,
        check=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def run_here(*args: str | Path, cwd: Path | None = None,
             env: Mapping[str, str | None] | None = None, stdin: str | None = None
             ) -> subprocess.CompletedProcess[str]:
    """Like :func:`run`, in this process: the console script's ``main`` (its exit codes and
    internal-error handler), the same environment, stdout and stderr apart.

    Several times cheaper than a subprocess (no interpreter start, no imports), for tests
    whose point is what a command does, not the process: each command and each exit code
    keeps at least one real subprocess run through :func:`run`. Not for ``--jobs`` (worker
    processes forked from a threaded pytest worker), signals or a terminal."""
    from click.testing import CliRunner

    from collabrules.cli import main
    from collabrules.io import batch
    from collabrules.render import locate

    variables: dict[str, str | None] = {
        "PYTHONIOENCODING": "utf-8", "COLUMNS": "100", "COLLABRULES_LANG": None,
        "COLLABRULES_DEBUG": None, **(env or {})}
    code: int | str | None = 0
    previous = Path.cwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with CliRunner().isolation(input=stdin, env=variables) as (out, err, _):
            try:
                main([str(arg) for arg in args])
            except SystemExit as exit_:
                code = exit_.code
            stdout = out.getvalue().decode("utf-8", "replace")
            stderr = err.getvalue().decode("utf-8", "replace")
    finally:
        os.chdir(previous)
        # per-process caches a later run in another folder or of a rewritten file must not see
        batch._BUILT.clear()
        locate._lines.cache_clear()
    if isinstance(code, str):  # sys.exit("message"): Python prints it and exits 1
        stderr, code = stderr + code + "\n", 1
    assert "Traceback" not in stderr, stderr
    return subprocess.CompletedProcess(["collabrules", *map(str, args)],
                                       0 if code is None else code, stdout, stderr)
