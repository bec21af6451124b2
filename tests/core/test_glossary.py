"""One glossary: every term and value in English and Dutch, one Dutch word per concept."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from collabrules.authoring import intake
from collabrules.model import glossary, vocab
from collabrules.model.glossary import FIELDS, SIGNALS, TERMS, VALUES, field_text
from collabrules.pipeline.schemas import load_schema
from collabrules.standard.taxonomy import standard_models

SRC = Path(__file__).resolve().parents[2] / "src" / "collabrules"


def _vocabularies() -> list[type[vocab.Vocabulary]]:
    return [v for v in vars(vocab).values() if isinstance(v, type)
            and issubclass(v, vocab.Vocabulary) and v is not vocab.Vocabulary]


@pytest.mark.parametrize("vocabulary", _vocabularies(), ids=lambda v: v.__name__)
def test_every_vocabulary_value_has_its_glossary_label(vocabulary: type[vocab.Vocabulary]) -> None:
    for member in vocabulary:
        label = VALUES[vocabulary.__name__][member.value]
        assert member.label is label  # vocab reads the glossary, it keeps no copy
        assert label.en.strip() and label.nl.strip()


def test_the_glossary_has_no_value_of_a_vocabulary_that_does_not_exist() -> None:
    names = {v.__name__: {m.value for m in v} for v in _vocabularies()}
    governance = {g for m in standard_models() for g in m.governance}
    for vocabulary, labels in VALUES.items():
        allowed = governance if vocabulary == "Governance" else names[vocabulary]
        assert set(labels) == allowed, vocabulary


def _schema_paths(node: dict[str, Any], root: dict[str, Any], path: str = "") -> set[str]:
    if "$ref" in node:
        node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
    found = {path} if path else set()
    for name, child in node.get("properties", {}).items():
        found |= _schema_paths(child, root, f"{path}.{name}".lstrip("."))
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        found |= _schema_paths(node["items"], root, f"{path}[]")
    return found


def test_every_field_label_names_a_field_of_the_case_schema() -> None:
    schema = load_schema("case")
    paths = _schema_paths(schema, schema)
    assert "delivery.risk" in paths and "parties[].goals[].topic" in paths
    assert sorted(set(FIELDS) - paths) == []
    for field in [*FIELDS.values(), *SIGNALS.values()]:
        assert field.values in (None, "model", "depth") or field.values in VALUES


def test_field_text_fills_in_the_party_name() -> None:
    text = field_text("$.parties[1].expected_benefit.net", ("Harbour", "Codeworks"))
    assert text.en == "expected benefit of Codeworks"
    assert text.nl == "verwacht voordeel van Codeworks"
    assert field_text("$.parties[5].size", ("A", "B")).nl == "omvang van partij 6"
    assert field_text("$.delivery.risk").nl == "leveringsrisico"
    assert field_text("$.extensions.x_y").en == "x y"  # unnamed: its last name, no path


@pytest.mark.parametrize(("number", "en", "nl"), [(1, "1 step", "1 stap"),
                                                  (2, "2 steps", "2 stappen"),
                                                  (0.5, "0.5 steps", "0.5 stappen")])
def test_terms_count_in_singular_and_plural(number: float, en: str, nl: str) -> None:
    assert TERMS["stage"].count(number, "en") == en
    assert TERMS["stage"].count(number, "nl") == nl


def test_every_term_is_translated() -> None:
    for key, term in TERMS.items():
        assert term.one.nl and term.one.nl != term.one.en, key
        if term.many is not None:
            assert term.many.nl != term.many.en, key
        if term.means is not None:
            assert term.means.nl != term.means.en, key


# A concept has one Dutch word: these are the ones users found in the wrong place.
AVOID = {
    r"\bvermogens?\b": "capaciteit(en), the glossary's word for capability",
    r"\bmotor\b": "a sentence about the assessment, not about a 'motor'",
    r"stap\(pen\)|step\(s\)": "TERMS['stage'].count(n, lang)",
}


def _dutch_texts() -> list[str]:
    texts = [q.prompt.nl for q in intake.QUESTIONS] + [q.explain.nl for q in intake.QUESTIONS]
    texts += [t.nl for t in intake.MESSAGES.values()]
    return texts


def test_one_dutch_word_per_concept() -> None:
    sources = {p: p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")}
    sources[SRC / "standard" / "models.json"] = json.dumps(
        json.loads((SRC / "standard" / "models.json").read_text(encoding="utf-8")),
        ensure_ascii=False)
    assert "capaciteiten" in " ".join(_dutch_texts())  # the intake asks with the glossary word
    found = [f"{path.relative_to(SRC)}: {match.group()!r} (use {use})"
             for path, text in sources.items() if path.name != "test_glossary.py"
             for pattern, use in AVOID.items()
             for match in re.finditer(pattern, text.replace(str(glossary.__doc__), ""))]
    assert found == []
