"""The README's "Two commands" are the commands the project actually supports."""

from __future__ import annotations

import re
import shlex

from ..conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def two_commands() -> list[str]:
    section = README.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, flags=re.S)


def test_there_are_exactly_two_sh_blocks_of_one_line_each() -> None:
    blocks = two_commands()
    assert len(blocks) == 2
    assert all("\n" not in block for block in blocks)


def test_first_command_installs_into_a_venv_and_evaluates_an_existing_example() -> None:
    steps = [shlex.split(step) for step in two_commands()[0].split("&&")]
    assert steps[0] == ["python3", "-m", "venv", ".venv"]
    assert steps[1][:4] == [".venv/bin/pip", "install", "-q", "."]
    evaluate = steps[-1]
    assert evaluate[:2] == [".venv/bin/collabrules", "evaluate"]
    assert len(evaluate) == 3
    assert (ROOT / evaluate[2]).is_file(), evaluate[2]


def test_second_command_is_the_test_script_ci_runs() -> None:
    assert two_commands()[1] == "bash scripts/test.sh"
    assert (ROOT / "scripts" / "test.sh").is_file()
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_test_script_runs_ruff_mypy_and_pytest() -> None:
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    for tool in (".venv/bin/ruff check", ".venv/bin/mypy", "-m pytest"):
        assert tool in script
