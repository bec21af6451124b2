"""Text for the terminal: colour only on a TTY, NO_COLOR honoured, fits the width."""

from __future__ import annotations

import os
import sys

import pexpect

from .helpers import ROOT, run_cli

ESC = "\x1b["


def _on_tty(*args: str, env: dict[str, str] | None = None, columns: int = 100) -> str:
    full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full_env.update(env or {})
    full_env.pop("COLUMNS", None)
    child = pexpect.spawn(sys.executable, ["-m", "collabrules", *args], cwd=str(ROOT),
                          encoding="utf-8", timeout=60, env=full_env, dimensions=(40, columns))
    child.expect(pexpect.EOF)
    child.close()
    return child.before or ""


def test_colour_on_a_terminal() -> None:
    output = _on_tty("evaluate", "examples/bespoke-software.yaml")
    assert f"{ESC}31m" in output and "VIOLATED" in output


def test_no_colour_with_no_color_or_a_pipe() -> None:
    assert ESC not in _on_tty("evaluate", "examples/bespoke-software.yaml",
                              env={"NO_COLOR": "1"})
    piped = run_cli("evaluate", "examples/bespoke-software.yaml")
    assert ESC not in piped.stdout and "VIOLATED" in piped.stdout


def test_text_fits_a_narrow_terminal() -> None:
    output = _on_tty("evaluate", "examples/bespoke-software.yaml", env={"NO_COLOR": "1"},
                     columns=64)
    assert max(len(line) for line in output.replace("\r", "").splitlines()) <= 64
