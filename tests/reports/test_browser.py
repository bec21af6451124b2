"""The HTML report in a real browser: headless Chromium renders it without console errors.

A screenshot of each worked scenario in each language is written to docs/screenshots/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import collabrules
from collabrules.render.html import render_html

from .helpers import LANGS, ROOT, SCENARIOS

pytestmark = pytest.mark.browser

SHOTS = ROOT / "docs" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--enable-logging=stderr", "--v=0"]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed (scripts/test.sh installs it as root)")
    pytest.skip("chromium is not installed")


def _run(browser: str, page: Path, tmp: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / "profile"
    return subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", *extra,
                           page.as_uri()], capture_output=True, text=True, timeout=120,
                          check=False)


def console_errors(stderr: str) -> list[str]:
    """Console messages (errors, failed loads) Chromium logged for the page."""
    return [line for line in stderr.splitlines()
            if ":CONSOLE(" in line or "Uncaught" in line or "net::ERR_" in line]


def test_console_error_detection_works(tmp_path: Path) -> None:
    browser = _chromium()
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html><body><script>throw new Error('boom')</script>"
                    "</body></html>", encoding="utf-8")
    result = _run(browser, page, tmp_path, "--dump-dom")
    assert console_errors(result.stderr), result.stderr[-2000:]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_report_renders_in_chromium(scenario: str, lang: str, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    browser = _chromium()
    monkeypatch.chdir(ROOT)  # the report names its source relative to the repository
    engine = collabrules.default_engine()
    report = engine.evaluate(f"examples/{scenario}.yaml")
    page = tmp_path / f"{scenario}.{lang}.html"
    page.write_text(render_html(report, lang, taxonomy=engine.taxonomy), encoding="utf-8")
    dom = _run(browser, page, tmp_path, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert console_errors(dom.stderr) == []
    html = dom.stdout
    assert re.search(r'<svg class="chart verdict-chart"', html)
    has_model_chart = bool(re.search(r'<svg class="chart model-chart"', html))
    assert has_model_chart == (report.recommendation is not None)
    for finding in report.findings:
        assert f'id="{finding.code}"' in html
        assert finding.rationale.get(lang).split(":")[0] in html
    # every numbered reference in the body leads to an entry of the evidence appendix
    targets = set(re.findall(r'href="#([^"]+-evidence-\d+)"', html))
    assert targets and all(f'id="{t}"' in html for t in targets)
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"{scenario}.{lang}.png"
    result = _run(browser, page, tmp_path, "--window-size=880,1200",
                  "--force-device-scale-factor=0.75",
                  f"--screenshot={shot}")
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_model_chart_renders_in_chromium(tmp_path: Path) -> None:
    from .test_recommendation import TAXONOMY, _with_recommendation

    browser = _chromium()
    page = tmp_path / "recommendation.html"
    page.write_text(render_html(_with_recommendation(), "nl", taxonomy=TAXONOMY),
                    encoding="utf-8")
    dom = _run(browser, page, tmp_path, "--dump-dom")
    assert dom.returncode == 0 and console_errors(dom.stderr) == []
    assert '<g class="marker recommended">' in dom.stdout
    assert '<g class="marker current">' in dom.stdout
