"""No untranslated string: every label has Dutch, and no English label leaks into nl output."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

import collabrules
from collabrules.authoring import intake
from collabrules.io.portfolio import PortfolioTally
from collabrules.io.trends import compare, snapshot_of_report
from collabrules.model.text import Text
from collabrules.model.vocab import Outcome, Severity, Status
from collabrules.render import labels, text
from collabrules.render.choose import Render
from collabrules.render.compare import render_trend
from collabrules.render.portfolio import render_summary

from .helpers import ROOT, SCENARIOS

TABLES: dict[str, dict[str, Text]] = {
    "labels": labels.LABELS,
    "portfolio": labels.PORTFOLIO,
    "compare": labels.COMPARE,
    "text": text.L,
    "intake": intake.MESSAGES,
    "questions": {f"{q.key}.{part}": getattr(q, part) for q in intake.QUESTIONS
                  for part in ("prompt", "explain")},
    "verdicts": {m.value: m.label for vocab in (Status, Severity, Outcome) for m in vocab},
}


def _entries() -> Iterator[tuple[str, Text]]:
    for table, entries in TABLES.items():
        for key, value in entries.items():
            yield f"{table}.{key}", value


@pytest.mark.parametrize(("key", "value"), list(_entries()), ids=lambda v: str(v)[:40])
def test_every_label_is_translated(key: str, value: Text) -> None:
    assert value.nl.strip(), f"{key} has no Dutch text"
    if value.en == value.nl:
        assert value.en in labels.SAME_IN_BOTH, (
            f"{key}: Dutch equals English ({value.en!r}); translate it or add it to "
            "SAME_IN_BOTH")


def _english_words() -> set[str]:
    words = set()
    for _, value in _entries():
        if value.en != value.nl and len(value.en) >= 4 and "{" not in value.en:
            words.add(value.en)
    return words


def _visible(html: str) -> str:
    html = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def _json_texts(data: Any, key: str = "") -> Iterator[str]:
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _json_texts(v, k)
    elif isinstance(data, list):
        for item in data:
            yield from _json_texts(item, key)
    elif isinstance(data, str) and key in {"headline", "title", "rationale", "text", "actions",
                                           "why", "gap", "message", "name", "establishes",
                                           "summary"}:
        yield data


def _leaks(output: str, allowed: str) -> list[str]:
    # Quoted JSON strings are evidence data (signal values, case values), not UI labels.
    output = re.sub(r'"(?:[^"\\]|\\.)*"|&quot;.*?&quot;', '""', output)
    return sorted(word for word in _english_words()
                  if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", output)
                  and word not in allowed)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_no_english_label_in_dutch_reports(scenario: str) -> None:
    path = ROOT / "examples" / f"{scenario}.yaml"
    source = path.read_text(encoding="utf-8")
    engine = collabrules.default_engine()
    report = engine.evaluate(path)
    outputs = {
        "text": Render("text", "nl")(report),
        "markdown": Render("markdown", "nl")(report),
        "html": _visible(Render("html", "nl")(report, engine.taxonomy)),
        "json": "\n".join(_json_texts(json.loads(Render("json", "nl")(report)))),
    }
    tally = PortfolioTally()
    tally.add(report)
    for fmt in ("text", "markdown"):
        outputs[f"summary-{fmt}"] = render_summary(tally, fmt, "nl")
    outputs["summary-json"] = "\n".join(_json_texts(json.loads(render_summary(tally, "json",
                                                                               "nl"))))
    outputs["summary-html"] = _visible(render_summary(tally, "html", "nl"))
    trend = compare(snapshot_of_report(report), snapshot_of_report(report))
    outputs["compare-text"] = render_trend(trend, "text", "nl")
    outputs["compare-html"] = _visible(render_trend(trend, "html", "nl"))
    for fmt, output in outputs.items():
        assert _leaks(output, source) == [], f"English labels in the Dutch {fmt} output"


def test_leak_check_can_fail() -> None:
    report = collabrules.evaluate(ROOT / "examples" / "office-cleaning.yaml")
    english = Render("markdown", "en")(report)
    assert "Summary" in _leaks(english, "")
