"""Reports read as an adviser writes: names and labels in the body, ids only as evidence.

No raw vocabulary id (``at_risk``, ``late_payment``, ``strategic-alliance``) and no JSON
path reaches a sentence of a text, Markdown or HTML report in English or Dutch; they
appear only in the evidence appendix, where every cited path is listed.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from hypothesis import given

from collabrules.house.config import build_engine
from collabrules.io.portfolio import PortfolioTally, attention_maximum
from collabrules.io.serialize import report_to_dict
from collabrules.model import vocab
from collabrules.pipeline.engine import Engine
from collabrules.render.choose import Render
from collabrules.render.evidence import HEADING
from collabrules.render.portfolio import render_summary
from collabrules.standard.taxonomy import standard_models

from ..conftest import ci_examples
from ..strategies import valid_cases
from .helpers import LANGS, ROOT, SCENARIOS

FORMATS = ("text", "markdown", "html")
# Ids that are also ordinary Dutch words ("open boeken", "hard", "held", "long").
DUTCH_WORDS = frozenset({"open", "hard", "held", "long", "info", "micro", "dominant",
                         "product", "commodity"})


def _vocabularies() -> Iterator[type[vocab.Vocabulary]]:
    for value in vars(vocab).values():
        if (isinstance(value, type) and issubclass(value, vocab.Vocabulary)
                and value is not vocab.Vocabulary):
            yield value


def raw_ids(lang: str) -> frozenset[str]:
    """The ids that must not appear in a sentence of a report in ``lang``.

    Ids of several words (``at_risk``, ``strategic-alliance``) never belong in prose. In
    Dutch, every id that is not itself a Dutch word is also out: ``customer``,
    ``transactional``, ``high`` are English and must be shown by their label.
    """
    ids = {m.value for v in _vocabularies() for m in v} | {m.id for m in standard_models()}
    several = {i for i in ids if "_" in i or "-" in i}
    if lang == "en":
        # A model whose English name is its id is an English word ("a performance-based
        # model" in the recommendation's rationale), not a raw id.
        return frozenset(several - {m.id for m in standard_models()
                                    if m.name.en.lower() == m.id})
    return frozenset(several | (ids - DUTCH_WORDS))


def body(output: str, fmt: str) -> str:
    """The readable text of a report before its evidence appendix."""
    if fmt == "html":
        output = output.split('<section class="evidence">', 1)[0]
        output = re.sub(r"<style>.*?</style>", " ", output, flags=re.S)
        output = html.unescape(re.sub(r"<[^>]+>", " ", output))
    elif fmt == "markdown":
        output = re.split(r"^## (?:Evidence|Onderbouwing)$", output, maxsplit=1, flags=re.M)[0]
        output = re.sub(r"\(#[^)]*\)", "", output)  # link targets are not read
    else:
        output = re.split(r"^(?:Evidence|Onderbouwing):$", output, maxsplit=1, flags=re.M)[0]
    return output


def _appendix(output: str, fmt: str) -> str:
    if fmt == "html":
        return output.split('<section class="evidence">', 1)[1]
    marker = r"^## (?:Evidence|Onderbouwing)$" if fmt == "markdown" else \
        r"^(?:Evidence|Onderbouwing):$"
    return re.split(marker, output, maxsplit=1, flags=re.M)[1]


def user_texts(document: Any) -> list[str]:
    """Every string the case itself supplies (names, topics, labels, descriptions)."""
    if isinstance(document, dict):
        return [t for v in document.values() for t in user_texts(v)]
    if isinstance(document, list):
        return [t for v in document for t in user_texts(v)]
    return [document] if isinstance(document, str) else []


def leaks(text: str, lang: str, supplied: list[str]) -> list[str]:
    """Raw ids and JSON paths in ``text`` that the case's own strings do not explain."""
    found = []
    for raw in sorted(raw_ids(lang)):
        if re.search(rf"(?<![\w-]){re.escape(raw)}(?![\w-])", text) and not any(
                raw in s for s in supplied):
            found.append(raw)
    paths = [p for p in re.findall(r"\$\.[\w.\[\]]+", text) if not any(p in s for s in supplied)]
    return found + paths


@cache
def _engine() -> Engine:
    # The default engine without its per-principle time budget: on a loaded machine a
    # principle over 2 s added a "slow" problem naming its module
    # (collabrules.standard.principles...), a raw id in the Dutch text, on that call only.
    return build_engine(None, principle_budget=None)


@cache
def _example(scenario: str) -> tuple[Any, dict[str, Any]]:
    from collabrules.pipeline.loading import read_document

    path = ROOT / "examples" / f"{scenario}.yaml"
    return _engine().evaluate(path), read_document(path).data


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_examples_speak_in_words(scenario: str, lang: str, fmt: str) -> None:
    report, document = _example(scenario)
    output = Render(fmt, lang, width=88)(report, _engine().taxonomy)
    text = body(output, fmt)
    assert leaks(text, lang, user_texts(document)) == []
    # the header names the perspective party, with its role as a label, not its id
    party = next(p for p in document["parties"] if p["id"] == document["perspective"])
    role = getattr(vocab.Role, party["role"].upper()).label.get(lang)
    assert f"{party['name']} ({role})" in text
    if document["perspective"] not in party["name"]:
        assert f": {document['perspective']}" not in text


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_cited_path_is_in_the_evidence_appendix(lang: str, fmt: str) -> None:
    report, _ = _example("bespoke-software")
    output = Render(fmt, lang, width=200)(report, _engine().taxonomy)
    appendix = html.unescape(_appendix(output, fmt))
    assert HEADING.get(lang) in output
    data = report_to_dict(report, lang)
    cited = {fact["path"] for f in data["findings"] for c in f["conditions"]
             for fact in c["facts"]} | {m for f in data["findings"] for m in f["missing"]}
    assert cited, "the example cites no facts: the test would prove nothing"
    missing = sorted(p for p in cited if p not in appendix)
    assert missing == []
    # every number the body cites leads to an entry of the appendix
    numbers = set(re.findall(r"\[(\d+)\]", body(output, fmt)))
    assert numbers
    entries = set(re.findall(r"^\s*\[?(\d+)[\].]", appendix, flags=re.M)) if fmt != "html" \
        else set(re.findall(r'-evidence-(\d+)"', appendix))
    assert numbers <= entries


@ci_examples(25)
@given(valid_cases())
def test_generated_cases_speak_in_words(document: dict[str, Any]) -> None:
    report = _engine().evaluate(document)
    supplied = user_texts(document)
    for lang in LANGS:
        for fmt in FORMATS:
            text = body(Render(fmt, lang, width=88)(report, _engine().taxonomy), fmt)
            assert leaks(text, lang, supplied) == [], (lang, fmt)


def test_the_raw_id_check_can_fail() -> None:
    """The checks above would notice a leak: an id, a model id and a path in a sentence."""
    assert leaks("Status: at_risk", "en", []) == ["at_risk"]
    assert leaks("Huidig model: transactional", "nl", []) == ["transactional"]
    assert leaks("Perspectief: customer", "nl", []) == ["customer"]
    assert leaks("Zoek uit: $.delivery.risk.", "nl", []) == ["$.delivery.risk."]
    assert leaks("de relatie heet: strategic-alliance", "nl", ["strategic-alliance"]) == []
    assert leaks("Model: strategic-alliance", "en", []) == ["strategic-alliance"]
    assert leaks("a performance-based model", "en", []) == []
    assert leaks("een performance-based model", "nl", []) == ["performance-based"]


@pytest.mark.parametrize("fmt", ("text", "markdown", "html"))
@pytest.mark.parametrize("lang", LANGS)
def test_portfolio_explains_the_attention_score(lang: str, fmt: str) -> None:
    tally = PortfolioTally()
    for scenario in SCENARIOS:
        tally.add(_example(scenario)[0])
    output = " ".join(html.unescape(render_summary(tally, fmt, lang)).split())
    maximum = attention_maximum(9)
    assert maximum == 108  # 9 principles x violated (2) x critical (6)
    first = tally.attention()[0]
    word = "of" if lang == "en" else "van"
    assert f"{first.score} {word} {maximum}" in output
    scale = "runs from 0 to 108" if lang == "en" else "loopt de score van 0 tot 108"
    assert scale in output
    assert ("severity weight" if lang == "en" else "gewicht van haar ernst") in output
    for model in ("collaborative", "transactional", "defensive"):
        assert f"{model}:" not in output
    assert json.loads(render_summary(tally, "json", lang))["attention"][0]["score"] == \
        first.score


@pytest.mark.parametrize("fmt", ("text", "html"))
def test_compare_names_the_models(fmt: str) -> None:
    from collabrules.io.trends import compare, snapshot_of_report
    from collabrules.render.compare import render_trend

    (old, before), (new, after) = _example("bespoke-software"), _example("office-cleaning")
    output = body(render_trend(compare(snapshot_of_report(old), snapshot_of_report(new)),
                               fmt, "nl"), fmt)
    assert "Samenwerkend met een gemengd team" in output
    # the facts that moved a principle quote the case's own texts (a label, a sector)
    assert leaks(output, "nl", user_texts(before) + user_texts(after)) == []


@pytest.mark.parametrize(("facts", "en", "nl"), [
    ([("$.parties[1].goals[0].topic", "price"), ("$.parties[1].goals[0].direction", "maximise"),
      ("$.parties[1].goals[0].disclosed", False)],
     ["goal of Codeworks: maximise price (not disclosed)"],
     ["doel van Codeworks: price maximaliseren (niet kenbaar gemaakt)"]),
    ([("$.parties[0].goals[2].disclosed", True)],
     ["goal of Harbour Logistics disclosed: yes"],
     ["doel van Harbour Logistics kenbaar gemaakt: ja"]),
    ([("$.parties[0].departmental_targets[0].direction", "minimise"),
      ("$.parties[0].departmental_targets[0].horizon", "short")],
     ["departmental target direction of Harbour Logistics: minimise; "
      "departmental target horizon of Harbour Logistics: short term"],
     ["richting van een afdelingsdoelstelling van Harbour Logistics: minimaliseren; "
      "termijn van een afdelingsdoelstelling van Harbour Logistics: korte termijn"]),
    ([("$.relationship.model", "strategic-alliance"), ("$.extensions.x", 1),
      ("$.relationship.safeguards.exit_plan", None)],
     ["model in use: Strategic alliance", "exit plan: unknown"],
     ["huidig model: Strategische alliantie", "exitplan: onbekend"]),
])
def test_facts_read_as_label_and_value(facts: list[tuple[str, Any]], en: list[str],
                                       nl: list[str]) -> None:
    from collabrules.model.finding import Fact
    from collabrules.render.words import fact_words

    report, _ = _example("bespoke-software")
    cited = [Fact(path, value) for path, value in facts]
    assert fact_words(cited, report, "en") == en
    assert fact_words(cited, report, "nl") == nl
