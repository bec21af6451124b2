"""scripts/install-browser.sh (run by scripts/test.sh): announces what it installs as root,
and COLLABRULES_NO_APT=1 or a normal user keeps the system as it is. apt-get and id are
stubs here, so nothing is installed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "install-browser.sh"


def _run(tmp_path: Path, uid: str, **env: str) -> tuple[subprocess.CompletedProcess[str], str]:
    stubs = tmp_path / "bin"
    stubs.mkdir(exist_ok=True)
    log = tmp_path / "apt.log"
    (stubs / "id").write_text(f"#!/bin/sh\necho {uid}\n", encoding="utf-8")
    (stubs / "apt-get").write_text(f'#!/bin/sh\necho "apt-get $*" >> {log}\n',
                                   encoding="utf-8")
    for stub in stubs.iterdir():
        stub.chmod(0o755)
    result = subprocess.run(["/bin/bash", str(SCRIPT)], env={"PATH": str(stubs), **env},
                            capture_output=True, text=True, timeout=60, check=False)
    return result, log.read_text(encoding="utf-8") if log.exists() else ""


def test_as_root_it_says_what_it_installs_and_installs_chromium(tmp_path: Path) -> None:
    result, apt = _run(tmp_path, "0")
    assert result.returncode == 0, result.stderr
    assert "installing chromium with apt-get" in result.stderr
    assert "COLLABRULES_NO_APT=1" in result.stderr
    assert apt.splitlines() == ["apt-get update -qq", "apt-get install -y -qq chromium"]


@pytest.mark.parametrize(("uid", "env"), [("0", {"COLLABRULES_NO_APT": "1"}), ("1000", {})])
def test_it_can_be_skipped_and_never_runs_as_a_normal_user(
        tmp_path: Path, uid: str, env: dict[str, str]) -> None:
    result, apt = _run(tmp_path, uid, **env)
    assert result.returncode == 0, result.stderr
    assert apt == "" and result.stderr == ""


def test_the_readme_names_the_switch_the_script_reads() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "COLLABRULES_NO_APT=1 bash scripts/test.sh" in readme
    assert "apt-get install chromium" in readme
    assert "bash scripts/install-browser.sh" in (ROOT / "scripts" / "test.sh").read_text(
        encoding="utf-8")
