"""Bilingual text formatting and the labels of every vocabulary member."""

from __future__ import annotations

import pickle
from enum import Enum

import pytest
from attrs.exceptions import FrozenInstanceError
from hypothesis import given
from hypothesis import strategies as st

from collabrules.model import glossary, vocab
from collabrules.model.text import Formatted, Joined, Lang, Text, join
from collabrules.model.vocab import Level, Status, Vocabulary

from ..conftest import ci_examples


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


# -- lazy texts: ``format``, ``+`` and ``join`` keep their source and write the strings late


def _eager(template: Text, values: dict[str, object]) -> Text:
    """What ``format`` gave when it wrote both strings at once (the reference)."""
    def pick(value: object, lang: str) -> object:
        label = getattr(value, "label", None)
        value = label if isinstance(label, Text) else value
        if isinstance(value, Text):
            return value.get(lang)
        if isinstance(value, (list, tuple)):
            return ", ".join(str(pick(v, lang)) for v in value)
        return value.value if isinstance(value, Enum) else value

    return Text(template.en.format(**{k: pick(v, "en") for k, v in values.items()}),
                template.nl.format(**{k: pick(v, "nl") for k, v in values.items()}))


_WORDS = st.text(st.characters(blacklist_characters="{}", blacklist_categories=("Cs",)),
                 max_size=8)
_VALUES = st.one_of(
    _WORDS, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False),
    st.sampled_from(list(Status)), st.sampled_from(list(Level)),
    st.builds(Text, _WORDS, _WORDS),
    st.lists(st.one_of(_WORDS, st.integers(), st.sampled_from(list(Status)),
                       st.builds(Text, _WORDS, _WORDS)), max_size=3))


@st.composite
def _templates(draw: st.DrawFn) -> tuple[Text, dict[str, object]]:
    names = draw(st.lists(st.sampled_from(["a", "b", "party", "n"]), unique=True, max_size=3))
    values = {name: draw(_VALUES) for name in names}
    en = draw(_WORDS) + "".join(f"{{{n}}}" + draw(_WORDS) for n in names)
    nl = draw(_WORDS) + "".join(f"{{{n}}}" + draw(_WORDS) for n in reversed(names))
    return Text(en, nl), values


@ci_examples(200)
@given(_templates(), _templates(), st.sampled_from(["", "; ", ", "]))
def test_lazy_texts_write_the_strings_eager_formatting_writes(
        first: tuple[Text, dict[str, object]], second: tuple[Text, dict[str, object]],
        sep: str) -> None:
    lazy, eager = first[0].format(**first[1]), _eager(*first)
    assert (lazy.en, lazy.nl) == (eager.en, eager.nl)
    assert lazy == eager and eager == lazy and hash(lazy) == hash(eager)
    assert str(lazy) == str(eager) == repr(eager)
    other, other_eager = second[0].format(**second[1]), _eager(*second)
    both = first[0].format(**first[1]) + other
    assert both == Text(eager.en + other_eager.en, eager.nl + other_eager.nl)
    joined = join([first[0].format(**first[1]), other], sep)
    assert (joined.en, joined.nl) == (sep.join([eager.en, other_eager.en]),
                                      sep.join([eager.nl, other_eager.nl]))
    assert (lazy == other) == ((eager.en, eager.nl) == (other_eager.en, other_eager.nl))
    assert pickle.loads(pickle.dumps(both)) == both


def test_format_keeps_its_source_until_the_strings_are_read() -> None:
    template = Text("{n} for {party}", "{n} voor {party}")
    text = template.format(n=2, party=Status.AT_RISK)
    assert isinstance(text.source, Formatted) and text.source.template is template
    assert text.source.params == (("n", 2), ("party", Status.AT_RISK.label))
    assert text.en == "2 for at risk"
    assert isinstance(join([text, text]).source, Joined)
    assert Text("a", "b").source is None


def test_made_alike_texts_are_equal_without_writing_the_strings() -> None:
    template = Text("{x}", "{x}")
    one, two = template.format(x=1), template.format(x=1)
    assert one == two
    with pytest.raises(AttributeError):
        object.__getattribute__(one, "en")  # still lazy: equal by their sources
    assert template.format(x=1) != template.format(x=True)  # 1 == True, but "1" != "True"


def test_a_missing_placeholder_fails_at_format_time_and_texts_stay_frozen() -> None:
    with pytest.raises(KeyError):
        Text("{a} {b}", "{a} {b}").format(a=1)
    text = Text("x", "y")
    with pytest.raises(FrozenInstanceError):
        text.en = "z"  # type: ignore[misc]
