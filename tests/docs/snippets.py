"""Read the fenced code blocks of a documentation page, and run its console examples.

A ``console`` block holds commands (``$ collabrules ...`` or ``$ pytest ...``), each
followed by the output a reader should see; ``...`` alone on a line stands for lines
left out, and a line ending in ``...`` stands for any line that starts with the text
before it. A block with a ``title="NAME"`` is a file the reader is told to save; it is
written before later blocks run. A console block with a ``$ pip install`` changes the
environment, so it is run in a fresh virtual environment (``installs``), not in the one
the tests run in.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
TITLE = re.compile(r'title="([^"]+)"')
RUNNABLE = ("collabrules", "pytest", "pip")


@attrs.frozen
class Block:
    """One fenced code block: language, ``title`` (a file name) and body."""

    lang: str
    title: str | None
    body: str
    line: int


def blocks(page: Path) -> list[Block]:
    """The fenced code blocks of a Markdown page, in order."""
    text = page.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        title = TITLE.search(match.group(2))
        found.append(Block(match.group(1), title.group(1) if title else None, match.group(3),
                           text.count("\n", 0, match.start()) + 1))
    return found


def commands(block: Block) -> list[tuple[str, list[str]]]:
    """The ``$ command`` lines of a console block, each with its expected output lines."""
    result: list[tuple[str, list[str]]] = []
    for line in block.body.splitlines():
        if line.startswith("$ "):
            result.append((line[2:], []))
        elif result:
            result[-1][1].append(line.rstrip())
    return result


def installs(block: Block) -> bool:
    """Whether a console block installs something (``$ pip install ...``)."""
    return block.lang == "console" and any(
        shlex.split(command)[:2] == ["pip", "install"] for command, _ in commands(block))


def run(command: str, cwd: Path, python: str = sys.executable
        ) -> subprocess.CompletedProcess[str]:
    """Run a documented ``collabrules``, ``pytest`` or ``pip`` command as a reader would,
    with ``python`` (the interpreter of the environment the command belongs to)."""
    words = shlex.split(command)
    assert words[0] in RUNNABLE, f"only {RUNNABLE} commands are run: {command}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("COLLABRULES_")}
    env["COLUMNS"] = "88"
    return subprocess.run([python, "-m", *words], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=900, check=False)


def mismatch(expected: list[str], actual: str) -> str | None:
    """Why ``actual`` does not show the ``expected`` lines in order, or None when it does."""
    lines = [line.rstrip() for line in actual.splitlines()]
    position = 0
    for want in expected:
        if want in ("", "..."):
            continue
        prefix = want[:-3] if want.endswith("...") else None
        for index in range(position, len(lines)):
            got = lines[index]
            if got == want or (prefix is not None and got.startswith(prefix)):
                position = index + 1
                break
        else:
            return f"line not found (in order): {want!r}"
    return None
