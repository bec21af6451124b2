"""What one evaluation leaves out at start-up, and the collector around start-up.

Each check runs the real command line in a fresh interpreter as the console entry point
does (``main()`` without arguments: the probe of ``test_startup``) and reads ``sys.modules``
and the collector's state afterwards; the time itself is measured by ``benchmarks/run.py``
(ADR 0027).
"""

from __future__ import annotations

import gc
from pathlib import Path

from click.testing import CliRunner

from collabrules.io import batch

from .test_startup import _loaded
from .test_startup_paths import EXAMPLE, _run

# Standard-library modules that only an error, HTML or coloured output needs: the
# did-you-mean hints (difflib), the HTML charts (html.entities), the colour nonce (secrets).
ONLY_FOR_ERRORS_OR_HTML = ("difflib", "html", "secrets", "hmac")


def test_one_text_report_loads_no_error_or_html_helpers(tmp_path: Path) -> None:
    result = _run("evaluate", str(EXAMPLE), "--fail-on", "never", cwd=tmp_path)
    assert result["code"] == 0
    assert "Office cleaning" in str(result["out"])
    assert _loaded(result["modules"], ONLY_FOR_ERRORS_OR_HTML) == []


def test_the_helpers_still_load_where_they_are_needed(tmp_path: Path) -> None:
    html = _run("evaluate", str(EXAMPLE), "--format", "html", "--fail-on", "never",
                cwd=tmp_path)
    assert html["code"] == 0
    assert "html.entities" in html["modules"]  # type: ignore[operator]
    case = tmp_path / "misspelt.yaml"
    case.write_text(EXAMPLE.read_text(encoding="utf-8").replace("perspective:", "perspectiv:",
                                                                1), encoding="utf-8")
    wrong = _run("evaluate", str(case), cwd=tmp_path)
    assert wrong["code"] == 2
    assert "difflib" in wrong["modules"]  # type: ignore[operator]


def test_the_command_freezes_what_start_up_made_and_collects_afterwards(
        tmp_path: Path) -> None:
    result = _run("evaluate", str(EXAMPLE), "--fail-on", "never", cwd=tmp_path)
    assert result["code"] == 0
    assert result["gc_enabled"] is True
    assert isinstance(result["frozen"], int) and result["frozen"] > 10_000
    other = _run("principles", cwd=tmp_path)  # any other command runs with the collector on
    assert other["code"] == 0
    assert other["gc_enabled"] is True
    assert isinstance(other["frozen"], int) and other["frozen"] > 0


def test_evaluate_inside_another_program_freezes_nothing() -> None:
    from collabrules.cli import load_all

    before = gc.get_freeze_count()
    try:
        result = CliRunner().invoke(load_all(), ["evaluate", str(EXAMPLE), "--fail-on", "never"])
    finally:
        batch._BUILT.clear()
    assert result.exit_code == 0, result.output
    assert gc.isenabled()
    assert gc.get_freeze_count() == before
