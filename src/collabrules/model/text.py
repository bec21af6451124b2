"""Bilingual text: everything a person reads exists in English and Dutch.

A text made by :meth:`Text.format`, ``+`` or :func:`join` keeps how it was made (its
*source*: a template and parameters, or parts and a separator) and writes its English and
Dutch strings on first use. Equality, hashing, ``str`` and ``repr`` are those of the two
strings, so a lazy text and the finished one are interchangeable; compact results write the
source instead of the strings (ADR 0018).
"""

from __future__ import annotations

import string
from enum import Enum
from functools import lru_cache
from operator import is_
from typing import Any, NamedTuple

from attrs.exceptions import FrozenInstanceError


class Lang(str, Enum):
    """A language a report or message can be written in."""

    EN = "en"
    NL = "nl"


LANGS: tuple[str, ...] = tuple(lang.value for lang in Lang)


class Formatted(NamedTuple):
    """The source of a text made by :meth:`Text.format`: the template and its parameters
    (labelled values already replaced by their label texts)."""

    template: Text
    params: tuple[tuple[str, Any], ...]


class Joined(NamedTuple):
    """The source of a text made by ``+`` (separator ``""``) or :func:`join`."""

    sep: str
    parts: tuple[Text, ...]


_set = object.__setattr__
SCALARS = frozenset({str, int, float, bool, type(None)})
"""The types of JSON's scalar values in Python: nothing inside, no label
(:func:`localisable` returns them as they are); hot paths test ``value.__class__ in SCALARS``."""


class Text:
    """One piece of human-readable text, in English and in Dutch.

    ``{name}`` placeholders are filled by :meth:`format` in both languages at once.
    """

    __slots__ = ("_fields", "_needed", "en", "nl", "source")
    __match_args__ = ("en", "nl")

    en: str
    nl: str
    _fields: frozenset[str]
    _needed: frozenset[str] | None
    source: Formatted | Joined | None
    """How a lazy text is made (``None``: the strings were given)."""

    def __init__(self, en: str, nl: str) -> None:
        _set(self, "en", en)
        _set(self, "nl", nl)
        _set(self, "source", None)
        # set here, not left unset: a template written in a principle's body is a new Text
        # per case, and an unset slot costs a call of __getattr__ and an exception
        _set(self, "_needed", None)

    def __getattr__(self, name: str) -> Any:
        # Only reached while ``en`` or ``nl`` is not written yet: write that one now (a
        # report in one language never writes the other: ADR 0019, point 10).
        if name != "en" and name != "nl":
            raise AttributeError(name)
        source = self.source
        if type(source) is Formatted:
            template, params = source
            written = getattr(template, name).format(**{
                k: v if v.__class__ in SCALARS else getattr(v, name) if v.__class__ is Text
                else _pick(v, name) for k, v in params})
        elif type(source) is Joined:
            sep, parts = source
            written = sep.join([getattr(p, name) for p in parts])
        else:
            raise AttributeError(name)
        _set(self, name, written)
        return written

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError()

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError()

    @classmethod
    def lazy(cls, source: Formatted | Joined) -> Text:
        """A text whose strings are written from ``source`` on first use."""
        text = cls.__new__(cls)
        _set(text, "source", source)
        return text

    def format(self, **values: Any) -> Text:
        """Fill the placeholders of both languages with the same values.

        A placeholder with no value raises :class:`KeyError` here, as ``str.format`` does;
        the strings themselves are written on first use.
        """
        try:
            needed = self._needed
        except AttributeError:  # a lazy text used as a template
            needed = None
        if needed is None:
            # placeholders are parsed once per pair of strings (for a template written in
            # a principle's body, a new Text per case)
            needed = _needed(self.en, self.nl)
            _set(self, "_needed", needed)
        if not needed <= values.keys():
            raise KeyError(min(needed - values.keys()))
        text = _new(Text)
        if SCALARS.issuperset(map(type, values.values())):  # in C: no label to look for
            params = tuple(values.items())
        else:
            params = tuple([(k, v if v.__class__ in SCALARS else localisable(v))
                            for k, v in values.items()])
        _set(text, "source", _new_tuple(Formatted, (self, params)))
        return text

    def placeholders(self) -> frozenset[str]:
        """The parameter names this text's replacement fields use, in either language."""
        try:
            return self._fields
        except AttributeError:
            names = frozenset(_field_name(field) for template in (self.en, self.nl)
                              for _, field, _, _ in string.Formatter().parse(template)
                              if field)
            _set(self, "_fields", names)
            return names

    def get(self, lang: str | Lang) -> str:
        """The text in one language (``en`` or ``nl``)."""
        if lang == "en":  # the common cases first: no enum lookup (Lang members compare equal)
            return self.en
        if lang == "nl":
            return self.nl
        return self.nl if Lang(lang) is Lang.NL else self.en

    def __add__(self, other: Text) -> Text:
        if other.__class__ is not Text:
            return NotImplemented
        text = _new(Text)
        _set(text, "source", _new_tuple(Joined, ("", (self, other))))
        return text

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        if other.__class__ is not Text:
            return NotImplemented
        assert isinstance(other, Text)
        if made_alike(self, other):
            return True  # made the same way: the same strings, without writing them
        return self.en == other.en and self.nl == other.nl

    def __hash__(self) -> int:
        # English only: equal texts have equal English, and the Dutch is not written.
        return hash((Text, self.en))

    def __repr__(self) -> str:
        return f"Text(en={self.en!r}, nl={self.nl!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        if self.source is not None:
            return (Text.lazy, (self.source,))
        return (Text, (self.en, self.nl))

    def to_json(self) -> dict[str, str]:
        """Both languages as a JSON object."""
        return {"en": self.en, "nl": self.nl}


_new = object.__new__
_new_tuple = tuple.__new__  # a NamedTuple made without its Python ``__new__``


@lru_cache(maxsize=4096)
def _needed(en: str, nl: str) -> frozenset[str]:
    """The parameters :meth:`Text.format` needs for a template's strings."""
    return frozenset(n for n in Text(en, nl).placeholders() if not n.isdigit())


def made_alike(a: Text, b: Text) -> bool:
    """Whether two texts surely have the same strings, decided without writing any: the
    same text, finished texts with the same strings, or texts made the same way from
    parts and values that are (``False`` means not known, not unequal)."""
    if a is b:
        return True
    mine, theirs = a.source, b.source
    if mine is None or theirs is None:
        return mine is theirs and a.en == b.en and a.nl == b.nl
    if type(mine) is Joined:
        assert isinstance(mine, Joined)
        return (type(theirs) is Joined and mine.sep == theirs.sep
                and len(mine.parts) == len(theirs.parts)
                and (all(map(is_, mine.parts, theirs.parts))  # the same texts, in C
                     or all(map(made_alike, mine.parts, theirs.parts))))
    assert isinstance(mine, Formatted)
    if type(theirs) is not Formatted or len(mine.params) != len(theirs.params):
        return False
    return made_alike(mine.template, theirs.template) and all(
        k == m and _same_param(v, w) for (k, v), (m, w) in zip(mine.params, theirs.params))


def _same_param(a: Any, b: Any) -> bool:
    """Whether two format parameters surely format alike (type-strict: ``1``, ``1.0`` and
    ``True`` are equal but format differently; floats are left to the strings)."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind is Text:
        return made_alike(a, b)
    if kind is str or kind is int:
        return bool(a == b)
    if kind is list or kind is tuple:
        return len(a) == len(b) and all(map(_same_param, a, b))
    return False


def _field_name(field: str) -> str:
    """The parameter a replacement field names (``party`` of ``party.name[0]``)."""
    end = len(field)
    for mark in ".[!:":
        at = field.find(mark)
        if at != -1:
            end = min(end, at)
    return field[:end]


def localisable(value: Any) -> Any:
    """The label text of a labelled value (a vocabulary member), else the value itself."""
    label = getattr(value, "label", None)
    if isinstance(label, Text):
        return label
    return value


def _pick(value: Any, lang: str) -> Any:
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_pick(localisable(v), lang)) for v in value)
    if isinstance(value, Enum):
        return value.value
    return value


def join(parts: list[Text] | tuple[Text, ...], sep: str = "; ") -> Text:
    """Join several texts with the same separator in both languages."""
    text = _new(Text)
    _set(text, "source", _new_tuple(Joined, (sep, tuple(parts))))
    return text


T = Text  # short alias used in the principle modules' text tables
