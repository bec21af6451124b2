"""The typed embedding example (docs/embedding.md, ``gate.py``) passes ``mypy --strict``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .snippets import DOCS, blocks


def test_the_typed_example_passes_mypy_strict(tmp_path: Path) -> None:
    if shutil.which("mypy") is None and not (Path(sys.executable).parent / "mypy").exists():
        if os.environ.get("CI") == "true":
            pytest.fail("mypy is not installed (it is in the dev extra)")
        pytest.skip("mypy is not installed")
    [block] = [b for b in blocks(DOCS / "embedding.md") if b.title == "gate.py"]
    (tmp_path / "gate.py").write_text(block.body, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "gate.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "collabrules.render(report, \"sarif\"" in block.body
