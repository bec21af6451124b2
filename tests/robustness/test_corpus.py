"""The bad-input corpus: each file gives its exact error, exit code 2, and no traceback.

Each file in ``corpus/<suite>/`` (and each generated file, ``generated.py``) has an entry
in ``corpus/expectations.yaml`` under its suite; every command of the suite (``COMMANDS``)
runs on it, in process (the console script's ``main``); one file per suite and command,
and the Dutch case run, go through a real subprocess. Suites: case files, configuration
files (``--config FILE``) and declarative house-principle files (named by a
``collabrules.toml`` written next to a copy of the file, so the file is loaded exactly as
a user's configuration loads it).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import CORPUS, run_cli, run_cli_here
from .generated import GENERATED

CASE = str(Path(__file__).resolve().parents[2] / "examples" / "office-cleaning.yaml")
COMMANDS: dict[str, list[list[str]]] = {
    # suite -> command lines; "{file}" is the corpus file's name (run from its folder),
    # "{case}" a valid case; "{config}" a collabrules.toml naming the file (house suite)
    "cases": [["validate", "{file}"], ["evaluate", "{file}", "--fail-on", "never"]],
    "config": [["evaluate", "--config", "{file}", "{case}", "--fail-on", "never"],
               ["principles", "--config", "{file}"]],
    "house": [["evaluate", "--config", "{config}", "{case}", "--fail-on", "never"],
              ["principles", "--config", "{config}"]],
}
MINIMUM = {"cases": 40, "config": 15, "house": 15}  # bad files per suite
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


@pytest.mark.parametrize("suite", sorted(MINIMUM))
def test_corpus_is_big_enough(suite: str) -> None:
    assert sum(1 for e in EXPECTED[suite].values() if e["exit"] == 2) >= MINIMUM[suite]


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


def whole_lines(expected: str, output: str) -> bool:
    """Whether ``expected`` (one or more lines) appears in ``output`` as whole lines."""
    return f"\n{expected}\n" in f"\n{output}\n"


def place(suite: str, name: str, entry: dict[str, Any], generated_dir: Path,
          tmp_path: Path) -> Path:
    """The folder to run in: the suite's folder, or for house files a configured copy."""
    folder = generated_dir if entry.get("generated") else CORPUS / suite
    if suite != "house":
        return folder
    shutil.copyfile(folder / name, tmp_path / name)
    (tmp_path / "collabrules.toml").write_text(f'house-principles = ["{name}"]\n',
                                               encoding="utf-8")
    return tmp_path


def arguments(command: list[str], name: str) -> list[str]:
    """A command line of ``COMMANDS`` with its placeholders filled in."""
    return [arg.replace("{file}", name).replace("{case}", CASE)
            .replace("{config}", "collabrules.toml") for arg in command]


@pytest.mark.parametrize(("suite", "name", "number"), RUNS,
                         ids=[f"{s}/{n}/{COMMANDS[s][i][0]}" for s, n, i in RUNS])
def test_corpus_file(suite: str, name: str, number: int, generated_dir: Path,
                     tmp_path: Path) -> None:
    _check_run(suite, name, number, generated_dir, tmp_path, run_cli_here)


# One bad file per suite and command through the installed console entry, as a user runs it.
SUBPROCESS_RUNS = [(suite, next(n for n in sorted(EXPECTED[suite])
                                if EXPECTED[suite][n]["exit"] == 2
                                and not EXPECTED[suite][n].get("generated")), number)
                   for suite in sorted(COMMANDS) for number in range(len(COMMANDS[suite]))]


@pytest.mark.parametrize(("suite", "name", "number"), SUBPROCESS_RUNS,
                         ids=[f"{s}/{n}/{COMMANDS[s][i][0]}" for s, n, i in SUBPROCESS_RUNS])
def test_corpus_file_in_a_subprocess(suite: str, name: str, number: int, generated_dir: Path,
                                     tmp_path: Path) -> None:
    _check_run(suite, name, number, generated_dir, tmp_path, run_cli)


def _check_run(suite: str, name: str, number: int, generated_dir: Path, tmp_path: Path,
               runner: Any) -> None:
    entry = EXPECTED[suite][name]
    args = arguments(COMMANDS[suite][number], name)
    result = runner(*args, cwd=place(suite, name, entry, generated_dir, tmp_path))
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    assert result.returncode == entry["exit"], result.stderr
    if entry["exit"] != 2:
        return
    assert whole_lines(expected_line(name, entry), result.stderr), result.stderr
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


@pytest.mark.parametrize("suite", ["config", "house"])
def test_config_and_house_corpus_in_dutch(suite: str, generated_dir: Path,
                                          tmp_path: Path) -> None:
    """Every bad configuration and house-principles file, with --lang nl: translated."""
    for name, entry in sorted(EXPECTED[suite].items()):
        if entry["exit"] != 2:
            continue
        work = tmp_path / name
        work.mkdir()
        folder = place(suite, name, entry, generated_dir, work)
        args = arguments(COMMANDS[suite][1], name)
        result = run_cli_here(*args, "--lang", "nl", cwd=folder)
        assert result.returncode == 2, (name, result.stderr)
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith(f"{name}:"), (name, result.stderr)
        first = entry["message_en"].splitlines()[0]
        assert first not in result.stderr, (name, result.stderr)
