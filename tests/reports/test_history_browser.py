"""The history page in headless Chromium: one accessible line chart per principle."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .helpers import LANGS, run_cli
from .test_browser import _chromium, _run, console_errors

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGS)
def test_history_renders_in_chromium(lang: str, tmp_path: Path) -> None:
    browser = _chromium()
    page = tmp_path / f"history.{lang}.html"
    result = run_cli("history", "examples/bespoke-software-history", "--format", "html",
                     "--lang", lang, "-o", str(page))
    assert result.returncode == 0, result.stderr
    dom = _run(browser, page, tmp_path, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert console_errors(dom.stderr) == []
    html = dom.stdout
    charts = re.findall(r'<svg class="chart history-chart" role="img" '
                        r'aria-labelledby="(chart-CR\d\d)"', html)
    assert charts == [f"chart-CR0{n}" for n in range(1, 10)]
    for ident in charts:  # each chart is named by a title that says the path in words
        title = re.search(rf'<title id="{ident}">([^<]+)</title>', html)
        assert title and "2026-11-20" in title.group(1)
    assert "<script" not in html
    shot = tmp_path / "history.png"
    taken = _run(browser, page, tmp_path, "--window-size=900,1200", f"--screenshot={shot}")
    assert taken.returncode == 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
