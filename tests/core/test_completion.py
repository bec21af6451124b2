"""Shell completion (click's ``_COLLABRULES_COMPLETE``) for bash, zsh and fish."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.cli import run


@pytest.mark.parametrize(("shell", "marker"), [("bash", "complete -o nosort -F"),
                                                ("zsh", "#compdef collabrules"),
                                                ("fish", "complete --no-files --command")])
def test_completion_script_is_produced(shell: str, marker: str) -> None:
    result = run(env={"_COLLABRULES_COMPLETE": f"{shell}_source"})
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout and "_COLLABRULES_COMPLETE" in result.stdout


def test_completion_offers_commands_and_choices() -> None:
    commands = run(env={"_COLLABRULES_COMPLETE": "bash_complete",
                        "COMP_WORDS": "collabrules eva", "COMP_CWORD": "1"})
    assert commands.stdout.split() == ["plain,eval", "plain,evaluate"]
    formats = run(env={"_COLLABRULES_COMPLETE": "bash_complete",
                       "COMP_WORDS": "collabrules evaluate --format s", "COMP_CWORD": "3"})
    assert formats.stdout.split() == ["plain,sarif"]


def test_the_bash_script_completes_in_bash(tmp_path: Path) -> None:
    bash = shutil.which("bash")
    if bash is None:
        if os.environ.get("CI") == "true":
            pytest.fail("bash is not installed")
        pytest.skip("bash is not installed")
    script = run(env={"_COLLABRULES_COMPLETE": "bash_source"}).stdout
    shim = tmp_path / "collabrules"  # what the script calls back: this checkout's command
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m collabrules "$@"\n',
                    encoding="utf-8")
    shim.chmod(0o755)
    program = (script + '\nCOMP_WORDS=(collabrules mod); COMP_CWORD=1; '
               '_collabrules_completion collabrules; echo "${COMPREPLY[@]}"\n')
    result = subprocess.run([bash, "--norc", "-c", program], capture_output=True, text=True,
                            env={**os.environ, "PATH": f"{tmp_path}{os.pathsep}"
                                 f"{os.environ.get('PATH', '')}"},
                            timeout=120, check=False)
    assert result.stdout.split() == ["models"], result.stderr
