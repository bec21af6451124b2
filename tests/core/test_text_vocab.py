"""Bilingual text formatting and the labels of every vocabulary member."""

from __future__ import annotations

import pytest

from collabrules.model import glossary, vocab
from collabrules.model.text import Lang, Text, join
from collabrules.model.vocab import Level, Status, Vocabulary


def test_format_fills_both_languages() -> None:
    text = Text("{n} findings", "{n} bevindingen").format(n=3)
    assert text == Text("3 findings", "3 bevindingen")


def test_format_uses_labels_of_vocabulary_members_per_language() -> None:
    text = Text("status: {s}", "status: {s}").format(s=Status.AT_RISK)
    assert text.en == "status: at risk"
    assert text.nl == "status: in gevaar"


def test_format_joins_lists_and_picks_text_per_language() -> None:
    text = Text("{items}", "{items}").format(items=[Level.LOW, Text("x", "y"), "z"])
    assert text == Text("low, x, z", "laag, y, z")


def test_get_and_lang() -> None:
    text = Text("yes", "ja")
    assert text.get("en") == "yes"
    assert text.get(Lang.NL) == "ja"
    with pytest.raises(ValueError):
        text.get("de")


def test_add_join_and_json() -> None:
    assert Text("a", "b") + Text("c", "d") == Text("ac", "bd")
    assert join([Text("a", "b"), Text("c", "d")], " | ") == Text("a | c", "b | d")
    assert Text("a", "b").to_json() == {"en": "a", "nl": "b"}


VOCABULARIES = sorted(
    (v for v in vars(vocab).values()
     if isinstance(v, type) and issubclass(v, Vocabulary) and v is not Vocabulary),
    key=lambda v: v.__name__)


def test_there_are_vocabularies() -> None:
    assert {v.__name__ for v in VOCABULARIES} >= {"Status", "Severity", "Outcome", "Role"}


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_every_member_has_an_explicit_english_and_dutch_label(
        vocabulary: type[Vocabulary]) -> None:
    # The label property falls back to the raw value; the table itself must be complete.
    missing = [m.value for m in vocabulary
               if glossary.value_label(vocabulary.__name__, m.value) is None]
    assert not missing, f"{vocabulary.__name__} lacks labels for {missing}"
    for member in vocabulary:
        label = member.label
        assert label.en.strip() and label.nl.strip(), member


def test_severity_rank_is_ordered() -> None:
    ranks = [s.rank for s in vocab.Severity]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)
