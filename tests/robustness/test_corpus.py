"""The bad-input corpus: each file gives its exact error, exit code 2, and no traceback.

Each file in ``corpus/cases`` and each generated file (``generated.py``) has an entry in
``corpus/expectations.yaml``; both ``collabrules validate`` and ``collabrules evaluate``
run on it as a subprocess.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import CORPUS, run_cli
from .generated import GENERATED

CASES = CORPUS / "cases"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load(
    (CORPUS / "expectations.yaml").read_text(encoding="utf-8"))["cases"]


def test_every_file_has_an_expectation_and_back() -> None:
    on_disk = {p.name for p in CASES.iterdir()} | set(GENERATED)
    assert on_disk == set(EXPECTED)
    assert {n for n, e in EXPECTED.items() if e.get("generated")} == set(GENERATED)


def test_corpus_is_big_enough() -> None:
    assert sum(1 for e in EXPECTED.values() if e["exit"] == 2) >= 40


def expected_line(name: str, entry: dict[str, Any]) -> str:
    """The start of the error line collabrules must print for a corpus file."""
    where = name
    if entry.get("line") is not None:
        where += f":{entry['line']}"
        if entry.get("column") is not None:
            where += f":{entry['column']}"
    line = f"{where}: {entry['path']}: {entry['message_en']}"
    if entry.get("hint_en"):
        line += f" ({entry['hint_en']})"
    return line


def _folder(name: str, generated_dir: Path) -> Path:
    return generated_dir if EXPECTED[name].get("generated") else CASES


@pytest.mark.parametrize("command", ["validate", "evaluate"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file(name: str, command: str, generated_dir: Path) -> None:
    entry = EXPECTED[name]
    extra = ["--fail-on", "never"] if command == "evaluate" else []
    result = run_cli(command, name, *extra, cwd=_folder(name, generated_dir))
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    assert result.returncode == entry["exit"], result.stderr
    if entry["exit"] != 2:
        return
    assert expected_line(name, entry) in result.stderr.splitlines(), result.stderr
    if command == "evaluate":
        assert result.stdout == ""  # no half report for a case that failed


def test_corpus_in_dutch(generated_dir: Path) -> None:
    """One run over every static file with --lang nl: every message is translated."""
    bad = sorted(n for n, e in EXPECTED.items() if e["exit"] == 2 and not e.get("generated"))
    result = run_cli("validate", "--lang", "nl", *bad, cwd=CASES)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{len(bad)} van {len(bad)} ongeldig" in result.stderr
    for name in bad:
        english = EXPECTED[name]["message_en"]
        assert not any(english in line for line in result.stderr.splitlines()), name
        assert any(line.startswith(f"{name}:") for line in result.stderr.splitlines()), name
