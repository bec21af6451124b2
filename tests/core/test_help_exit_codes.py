"""Each command's --help states the exit codes that apply to it, and only those."""

from __future__ import annotations

import pytest

from collabrules.cli import cli

from .cli import run_here

COMMANDS = sorted(cli.commands)  # type: ignore[attr-defined]


def _help(command: str) -> str:
    result = run_here(command, "--help")
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_help_names_fail_on_only_for_commands_that_have_it(command: str) -> None:
    options = {o for p in cli.commands[command].params  # type: ignore[attr-defined]
               for o in getattr(p, "opts", ())}
    text = _help(command)
    codes = text[text.index("Exit codes:"):]
    assert "Afsluitcodes:" in codes
    assert ("--fail-on" in codes) == ("--fail-on" in options), codes
    assert "0 " in codes and "3 an internal or plugin error" in codes
    can_exit_one = "--fail-on" in options or command == "test"
    assert ("; 1 " in codes) == can_exit_one, codes
