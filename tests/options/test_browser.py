"""The options page in a real browser: headless Chromium renders it without console errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import collabrules
from collabrules.render.options_html import render_options_html

from ..reports.helpers import LANGS, ROOT, SCENARIOS
from ..reports.test_browser import _chromium, _run, console_errors


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_options_page_renders_in_chromium(scenario: str, lang: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    browser = _chromium()
    monkeypatch.chdir(ROOT)
    view = collabrules.options(f"examples/{scenario}.yaml")
    html = render_options_html(view, lang)
    assert "<script" not in html and "http://" not in html.replace(
        'xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in html
    page = tmp_path / f"{scenario}.{lang}.html"
    page.write_text(html, encoding="utf-8")
    dom = _run(browser, page, tmp_path, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert console_errors(dom.stderr) == []
    assert '<svg class="chart options-chart"' in dom.stdout
    cells = dom.stdout.count('<g class="cell status-')
    assert cells == len(view.columns) * len(view.codes)
    recommended = [o for o in view.columns if o.recommended]
    assert len(recommended) == 1
    assert dom.stdout.count('<td class="cell recommended">') == len(view.codes)
