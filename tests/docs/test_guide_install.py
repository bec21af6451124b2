"""Step 5 of the plugin guide, for real: the guide's files are installed with ``pip install .``
into a fresh virtual environment, and the entry point is found by ``collabrules``.

Every console block of the guide that installs something runs here, in order, with the
new environment's interpreter; the other blocks run in ``test_pages_run.py``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ..conftest import fresh_venv, install
from .snippets import DOCS, ROOT, blocks, commands, installs, mismatch, run

GUIDE = DOCS / "guides" / "first-house-principle.md"


@pytest.mark.slow
def test_the_guide_installs_its_plugin_and_collabrules_finds_it(
        tmp_path: Path, collabrules_wheel: Path) -> None:
    python = str(fresh_venv(tmp_path / "venv"))
    install(Path(python), collabrules_wheel)  # collabrules itself; the guide's steps use pip
    work = tmp_path / "work"
    shutil.copytree(ROOT / "examples", work / "examples")
    ran = 0
    for block in blocks(GUIDE):
        where = f"{GUIDE.relative_to(ROOT)}:{block.line}"
        if block.title is not None:
            (work / block.title).write_text(block.body, encoding="utf-8")
        elif installs(block):
            for command, expected in commands(block):
                result = run(command, work, python)
                output = result.stdout + result.stderr
                assert result.returncode in (0, 1), f"{where}: $ {command}\n{output}"
                problem = mismatch(expected, output)
                assert problem is None, f"{where}: $ {command}: {problem}\n{output}"
                ran += 1
    assert ran >= 3, "the guide's installation block was not found"
    listed = json.loads(run("collabrules plugins --format json", work, python).stdout)
    acme = next(p for p in listed["plugins"] if p["name"] == "acme")
    assert (acme["distribution"], acme["version"], acme["principles"]) == \
        ("acme-collabrules", "1.0.0", ["ACME01"])
