"""The options view's words exist in both languages; a report's recommendation points to it."""

from __future__ import annotations

import pytest

import collabrules
from collabrules.model.vocab import Status
from collabrules.render.html import render_html
from collabrules.render.markdown import render_markdown
from collabrules.render.option_labels import OPTIONS, SYMBOLS, options_hint
from collabrules.render.text import render_text

from ..reports.helpers import ROOT


def test_every_word_is_translated() -> None:
    for key, text in OPTIONS.items():
        assert text.en and text.nl and text.en != text.nl, key


def test_every_status_has_its_own_symbol() -> None:
    assert set(SYMBOLS) == set(Status)
    assert len(set(SYMBOLS.values())) == len(Status)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_recommendation_says_how_to_see_the_options(lang: str) -> None:
    report = collabrules.evaluate(ROOT / "examples" / "bespoke-software.yaml")
    hint = options_hint(report.source, lang)
    assert f"collabrules options {report.source}" in hint
    assert hint in render_markdown(report, lang)
    assert hint in render_html(report, lang)
    assert " ".join(hint.split()) in " ".join(render_text(report, lang).split())
