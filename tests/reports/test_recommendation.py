"""Renderers show a model recommendation and the model chart (CR02+ models arrive later)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import collabrules
from collabrules.model.models import CollaborationModel, ModelRecommendation, Stage, Taxonomy
from collabrules.model.report import Report
from collabrules.model.text import Text
from collabrules.model.vocab import Level
from collabrules.render.chart import model_chart
from collabrules.render.html import render_html
from collabrules.render.markdown import render_markdown
from collabrules.render.text import render_text

from ..conftest import ci_examples
from .generator import generate_case
from .helpers import ROOT, run_cli

MODELS = {
    model_id: CollaborationModel(id=model_id, name=Text(en, nl), description=Text(en, nl),
                                 depth=depth, trust=Level.LOW, governance=(),
                                 build_months=depth * 6.0, adversarial=adversarial)
    for model_id, en, nl, depth, adversarial in (
        ("transactional", "Transactional", "Transactioneel", 0, False),
        ("performance", "Performance-based", "Prestatiegericht", 1, False),
        ("collaborative", "Collaborative", "Samenwerkend", 2, False),
        ("defensive", "Defensive", "Defensief", 0, True))
}
TAXONOMY = Taxonomy(name="test", models=MODELS)


def _with_recommendation() -> Report:
    report = collabrules.evaluate(ROOT / "examples" / "bespoke-software.yaml")
    rec = ModelRecommendation(
        model="collaborative", name=Text("Collaborative", "Samenwerkend"),
        why=(Text("high risk and uncertainty", "hoog risico en grote onzekerheid"),),
        current="transactional", gap=Text("two steps deeper", "twee stappen dieper"),
        path=(Stage(name=Text("Mixed team", "Gemengd team"),
                    establishes=Text("shared knowledge", "gedeelde kennis"), months=6),),
        trust=Level.MEDIUM, governance=("mixed_teams",))
    return attrs.evolve(report, recommendation=rec)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_recommendation_in_every_format(lang: str) -> None:
    report = _with_recommendation()
    name = report.recommendation.name.get(lang)  # type: ignore[union-attr]
    stage = "Gemengd team" if lang == "nl" else "Mixed team"
    for output in (render_text(report, lang), render_markdown(report, lang),
                   render_html(report, lang, taxonomy=TAXONOMY)):
        assert name in output and stage in output and "transactional" in output


def test_model_chart_marks_current_and_recommended() -> None:
    svg = model_chart(_with_recommendation(), "nl", TAXONOMY)
    assert svg.index("Transactioneel") < svg.index("Prestatiegericht") < svg.index("Samenwerkend")
    assert svg.count('class="marker current"') == 1
    assert svg.count('class="marker recommended"') == 1
    assert "Defensief" in svg and "buiten de schaal" in svg
    assert 'class="marker' not in model_chart(
        attrs.evolve(_with_recommendation(), recommendation=None), "en", TAXONOMY)


def test_configured_default_language() -> None:
    result = run_cli("evaluate", "examples/office-cleaning.yaml", env={"COLLABRULES_LANG": "nl"})
    assert "Samenwerkingsrapport" in result.stdout
    result = run_cli("evaluate", "examples/office-cleaning.yaml", "--format", "markdown",
                     "--lang", "en", env={"COLLABRULES_LANG": "nl"})
    assert result.stdout.startswith("# Collaboration report")


@ci_examples(60)
@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(["en", "nl"]),
       st.integers(min_value=40, max_value=120))
def test_renderers_on_generated_cases(seed: int, lang: str, width: int) -> None:
    import random

    report = collabrules.evaluate(generate_case(random.Random(seed), seed))
    text = render_text(report, lang, width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    markdown, html = render_markdown(report, lang), render_html(report, lang)
    for finding in report.findings:
        assert f"### {finding.code} " in markdown and f'id="{finding.code}"' in html
    assert html.count("<div") == html.count("</div>")
    assert html.count("<section") == html.count("</section>")
