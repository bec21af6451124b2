"""Bilingual text: everything a person reads exists in English and Dutch."""

from __future__ import annotations

from enum import Enum
from typing import Any

import attrs


class Lang(str, Enum):
    """A language a report or message can be written in."""

    EN = "en"
    NL = "nl"


LANGS: tuple[str, ...] = tuple(lang.value for lang in Lang)


@attrs.frozen
class Text:
    """One piece of human-readable text, in English and in Dutch.

    ``{name}`` placeholders are filled by :meth:`format` in both languages at once.
    """

    en: str
    nl: str

    def format(self, **values: Any) -> Text:
        """Fill the placeholders of both languages with the same values."""
        fixed = {k: _localisable(v) for k, v in values.items()}
        return Text(
            self.en.format(**{k: _pick(v, "en") for k, v in fixed.items()}),
            self.nl.format(**{k: _pick(v, "nl") for k, v in fixed.items()}),
        )

    def get(self, lang: str | Lang) -> str:
        """The text in one language (``en`` or ``nl``)."""
        if lang == "en":  # the common cases first: no enum lookup (Lang members compare equal)
            return self.en
        if lang == "nl":
            return self.nl
        return self.nl if Lang(lang) is Lang.NL else self.en

    def __add__(self, other: Text) -> Text:
        return Text(self.en + other.en, self.nl + other.nl)

    def to_json(self) -> dict[str, str]:
        """Both languages as a JSON object."""
        return {"en": self.en, "nl": self.nl}


def _localisable(value: Any) -> Any:
    label = getattr(value, "label", None)
    if isinstance(label, Text):
        return label
    return value


def _pick(value: Any, lang: str) -> Any:
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_pick(_localisable(v), lang)) for v in value)
    if isinstance(value, Enum):
        return value.value
    return value


def join(parts: list[Text] | tuple[Text, ...], sep: str = "; ") -> Text:
    """Join several texts with the same separator in both languages."""
    return Text(sep.join(p.en for p in parts), sep.join(p.nl for p in parts))


T = Text  # short alias used in the principle modules' text tables
