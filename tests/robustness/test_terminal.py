"""Hostile text in a case cannot drive the reader's terminal (escape codes, bidi overrides)."""

from __future__ import annotations

from pathlib import Path

from collabrules.render.visible import visible

from .conftest import run_cli
from .generated import BASE_YAML


def test_visible_escapes_controls_and_keeps_layout() -> None:
    assert visible("a\x1b[2Jb\u202ec\n\td") == "a\\u001b[2Jb\\u202ec\n\td"
    assert visible("Één gewone tekst ✓") == "Één gewone tekst ✓"


def test_report_and_errors_show_control_characters(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(BASE_YAML + 'title: "clear \\e[2J now \\u202e"\n', encoding="utf-8")
    result = run_cli("evaluate", "case.yaml", "--fail-on", "never", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "clear \\u001b[2J now \\u202e" in result.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(BASE_YAML.replace("role: customer", 'role: "cust\\e[31m"'),
                   encoding="utf-8")
    error = run_cli("validate", "bad.yaml", cwd=tmp_path)
    assert error.returncode == 2
    assert "\x1b" not in error.stderr
