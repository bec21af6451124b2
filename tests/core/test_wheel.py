"""The built wheel, installed into a fresh venv, works from outside the source tree."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import jsonschema
import pytest

from collabrules.pipeline.schemas import load_schema

from ..conftest import EXAMPLES, fresh_venv, install


def sh(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                            text=True, encoding="utf-8", timeout=600, check=False)
    assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result


@pytest.mark.slow
@pytest.mark.install
def test_wheel_in_a_fresh_venv(tmp_path: Path, collabrules_wheel: Path) -> None:
    # the wheel `python -m build --wheel` made of this tree (built once per run, conftest.py)
    venv = tmp_path / "venv"
    bin_dir = fresh_venv(venv).parent
    install(bin_dir / "python", collabrules_wheel)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    example = (EXAMPLES / "office-cleaning.yaml").resolve()
    report = sh(bin_dir / "collabrules", "evaluate", example, "--format", "json",
                cwd=elsewhere)
    document = json.loads(report.stdout)
    jsonschema.Draft202012Validator(load_schema("report")).validate(document)
    assert [f["code"] for f in document["findings"]] == [f"CR0{n}" for n in range(1, 10)]
    schema = sh(bin_dir / "collabrules", "schema", "report", cwd=elsewhere)
    assert json.loads(schema.stdout) == load_schema("report")
    version = sh(bin_dir / "python", "-m", "collabrules", "--version", cwd=elsewhere)
    assert version.stdout.startswith("collabrules, version ")
    where = sh(bin_dir / "python", "-c", "import collabrules; print(collabrules.__file__)",
               cwd=elsewhere)
    assert str(venv) in where.stdout  # the wheel, not the source tree
