"""The example house distribution, installed for real into a fresh venv.

Checks what an organisation does without touching collabrules: discovery through the
entry point, the explicit override of CR01, blocking, `collabrules test` on its
fixtures, its own kit-based tests, and that a broken plugin is reported (distribution,
version, entry point) while the rest still load. Slow (it installs packages), but part
of CI like every other test.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from ..conftest import fresh_venv, install
from .conftest import EXAMPLE_PLUGIN, ROOT, run_cli

BESPOKE = ROOT / "examples" / "bespoke-software.yaml"

BROKEN_PYPROJECT = """\
[build-system]
requires = ["hatchling>=1.27"]
build-backend = "hatchling.build"

[project]
name = "collabrules-broken-plugin"
version = "9.9.9"

[project.entry-points.collabrules]
broken = "collabrules_broken_plugin"

[tool.hatch.build.targets.wheel]
packages = ["collabrules_broken_plugin"]
"""


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory, collabrules_wheel: Path) -> Path:
    """A fresh venv with collabrules (this tree's wheel), the example plugin (+pytest) and
    a broken plugin."""
    root = tmp_path_factory.mktemp("house-venv")
    python = fresh_venv(root / "venv")
    broken = root / "broken"
    (broken / "collabrules_broken_plugin").mkdir(parents=True)
    (broken / "pyproject.toml").write_text(BROKEN_PYPROJECT, encoding="utf-8")
    (broken / "collabrules_broken_plugin" / "__init__.py").write_text(
        "raise ImportError('this plugin is broken on purpose')\n", encoding="utf-8")
    install(python, collabrules_wheel, f"{EXAMPLE_PLUGIN}[test]", broken)
    return python


def _cli(venv: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd, python=str(venv))


@pytest.mark.slow
@pytest.mark.install
def test_discovery_and_broken_plugin_report(venv: Path, tmp_path: Path) -> None:
    result = _cli(venv, "plugins", "--format", "json", cwd=tmp_path)
    data = json.loads(result.stdout)
    acme = next(p for p in data["plugins"] if p["name"] == "acme")
    assert acme["distribution"] == "collabrules-house-example"
    assert acme["version"] == "0.1.0"
    assert set(acme["principles"]) == {"ACME01", "ACME02", "ACME03", "CR01"}
    assert "broken" not in [p["name"] for p in data["plugins"]]
    (problem,) = data["problems"]
    assert "collabrules-broken-plugin 9.9.9" in problem
    assert "broken = collabrules_broken_plugin" in problem
    assert "broken on purpose" in problem
    assert result.returncode == 3


@pytest.mark.slow
@pytest.mark.install
def test_override_and_blocking(venv: Path, tmp_path: Path) -> None:
    with_acme = _cli(venv, "evaluate", "--block", "broken", "--format", "json",
                     "--fail-on", "never", str(BESPOKE), cwd=tmp_path)
    assert with_acme.returncode == 0, with_acme.stderr
    findings = {f["code"]: f for f in json.loads(with_acme.stdout)["findings"]}
    assert findings["CR01"]["severity"] == "critical"
    assert findings["ACME01"]["status"] == "violated"
    assert findings["ACME02"]["status"] == "undetermined"
    blocked = _cli(venv, "evaluate", "--block", "broken", "--block", "acme", "--format",
                   "json", "--fail-on", "never", str(BESPOKE), cwd=tmp_path)
    codes = {f["code"]: f for f in json.loads(blocked.stdout)["findings"]}
    assert not any(code.startswith("ACME") for code in codes)
    assert codes["CR01"]["status"] == "at_risk"  # the standard CR01, not Acme's stricter one
    assert codes["CR01"]["severity"] == "medium"


@pytest.mark.slow
@pytest.mark.install
def test_example_config_fixtures_and_own_tests(venv: Path) -> None:
    evaluated = _cli(venv, "evaluate", "--block", "broken", "fixtures/cases/bespoke-software.yaml",
                     cwd=EXAMPLE_PLUGIN)
    assert "WAIVED by Head of Procurement" in evaluated.stdout
    assert "never endorsed" in evaluated.stdout
    tested = _cli(venv, "test", "--block", "broken", "fixtures", cwd=EXAMPLE_PLUGIN)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "0 failed" in tested.stdout
    own = subprocess.run([str(venv), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
                         cwd=EXAMPLE_PLUGIN, capture_output=True, text=True, timeout=600,
                         check=False)
    assert own.returncode == 0, own.stdout + own.stderr
    assert "5 passed" in own.stdout
