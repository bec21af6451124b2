"""The bad-input corpus: each file gives its exact error, exit code 2, and no traceback.

Each file in ``corpus/<suite>/`` (and each generated file, ``generated.py``) has an entry
in ``corpus/expectations.yaml`` under its suite; every command of the suite (``COMMANDS``)
runs on it as a subprocess. A new suite (configuration files, declarative house
principles) is a folder, a section in the expectations file and a line in ``COMMANDS``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import CORPUS, run_cli
from .generated import GENERATED

COMMANDS: dict[str, list[list[str]]] = {
    # suite -> command lines; "{file}" is the corpus file's name (run from its folder)
    "cases": [["validate", "{file}"], ["evaluate", "{file}", "--fail-on", "never"]],
}
EXPECTED: dict[str, dict[str, dict[str, Any]]] = yaml.safe_load(
    (CORPUS / "expectations.yaml").read_text(encoding="utf-8"))
RUNS = [(suite, name, number) for suite in sorted(COMMANDS)
        for name in sorted(EXPECTED[suite]) for number in range(len(COMMANDS[suite]))]


def test_every_file_has_an_expectation_and_back() -> None:
    assert set(EXPECTED) == set(COMMANDS)
    generated = set()
    for suite, entries in EXPECTED.items():
        on_disk = {p.name for p in (CORPUS / suite).iterdir()}
        made = {n for n, e in entries.items() if e.get("generated")}
        assert on_disk | made == set(entries), suite
        assert not on_disk & made, suite
        generated |= made
    assert generated == set(GENERATED)


def test_case_corpus_is_big_enough() -> None:
    assert sum(1 for e in EXPECTED["cases"].values() if e["exit"] == 2) >= 40


def expected_line(name: str, entry: dict[str, Any]) -> str:
    """The error line collabrules must print for a corpus file."""
    where = name
    if entry.get("line") is not None:
        where += f":{entry['line']}"
        if entry.get("column") is not None:
            where += f":{entry['column']}"
    line = f"{where}: {entry['path']}: {entry['message_en']}"
    if entry.get("hint_en"):
        line += f" ({entry['hint_en']})"
    return line


@pytest.mark.parametrize(("suite", "name", "number"), RUNS,
                         ids=[f"{s}/{n}/{COMMANDS[s][i][0]}" for s, n, i in RUNS])
def test_corpus_file(suite: str, name: str, number: int, generated_dir: Path) -> None:
    entry = EXPECTED[suite][name]
    args = [arg.replace("{file}", name) for arg in COMMANDS[suite][number]]
    folder = generated_dir if entry.get("generated") else CORPUS / suite
    result = run_cli(*args, cwd=folder)
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    assert result.returncode == entry["exit"], result.stderr
    if entry["exit"] != 2:
        return
    assert expected_line(name, entry) in result.stderr.splitlines(), result.stderr
    if args[0] == "evaluate":
        assert result.stdout == ""  # no half report for a case that failed


def test_case_corpus_in_dutch() -> None:
    """One run over every committed case file with --lang nl: every message is translated."""
    entries = EXPECTED["cases"]
    bad = sorted(n for n, e in entries.items() if e["exit"] == 2 and not e.get("generated"))
    result = run_cli("validate", "--lang", "nl", *bad, cwd=CORPUS / "cases")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{len(bad)} van {len(bad)} ongeldig" in result.stderr
    lines = result.stderr.splitlines()
    for name in bad:
        assert not any(entries[name]["message_en"] in line for line in lines), name
        assert any(line.startswith(f"{name}:") for line in lines), name
