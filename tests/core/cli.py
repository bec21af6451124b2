"""Running the real ``collabrules`` command in a subprocess."""

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
