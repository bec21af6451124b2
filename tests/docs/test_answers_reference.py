"""The answers-file reference of ``collabrules new``: every key, and its example works."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from collabrules.authoring.intake import QUESTIONS

from .snippets import DOCS, blocks

PAGE = DOCS / "reference" / "answers-format.md"


def test_every_question_key_is_documented_once() -> None:
    rows = [line for line in PAGE.read_text(encoding="utf-8").splitlines()
            if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == [q.key for q in QUESTIONS]


def test_the_example_answers_file_writes_a_valid_case(tmp_path: Path) -> None:
    (example,) = [b for b in blocks(PAGE) if b.lang == "yaml"]
    answers = tmp_path / "answers.yaml"
    answers.write_text(example.body, encoding="utf-8")
    case = tmp_path / "case.yaml"
    result = subprocess.run([sys.executable, "-m", "collabrules", "new", str(case),
                             "--answers", str(answers)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load(case.read_text(encoding="utf-8"))
    assert data["parties"][1]["attitude"] == "hostile"
    assert data["relationship"]["safeguards"] == {"price_guarantee": False}
