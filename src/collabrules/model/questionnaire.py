"""The perception questionnaire: statements each party answers about itself and the other.

Every statement belongs to a theme (reciprocity, trust, ...) that informs one or more
principles, and is asked twice: about "us" (the answering party) and about "them" (the
other party), on a 1-5 agreement scale. The questionnaire's version and scale are the
model's (``model/questionnaire.json``); every theme and statement comes from a plugin
through the ``collabrules_add_perception_statements`` hook, the standard ones too
(``standard/perceptions.json``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any, Protocol

import attrs

from .case import Case
from .records import shared_repr
from .signal_reads import reads
from .signals import Signal, SignalBook, SignalValue
from .text import Text

LOWEST = 1
HIGHEST = 5
QUESTIONNAIRE_SIGNAL = "perception_questionnaire"


@attrs.frozen(kw_only=True, slots=False)
@shared_repr
class Theme:
    """A theme of the questionnaire and the principle codes it informs."""

    id: str
    title: Text
    principles: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, slots=False)
@shared_repr
class Statement:
    """One statement, worded about the answering party (``us``) and the other (``them``)."""

    id: str
    theme: str
    us: Text
    them: Text


@attrs.frozen(kw_only=True, slots=False)
@shared_repr
class Questionnaire:
    """The themes, statements and agreement scale one engine asks about."""

    version: str
    scale: tuple[Text, ...]
    themes: tuple[Theme, ...]
    statements: tuple[Statement, ...]

    def statement(self, statement_id: str) -> Statement | None:
        """The statement with this id, or ``None``."""
        return next((s for s in self.statements if s.id == statement_id), None)

    def theme(self, theme_id: str) -> Theme | None:
        """The theme with this id, or ``None``."""
        return next((t for t in self.themes if t.id == theme_id), None)

    def ids(self) -> tuple[str, ...]:
        """Every statement id, in questionnaire order."""
        return tuple(s.id for s in self.statements)

    def scale_label(self, value: int) -> Text:
        """The label of one point of the scale (1 = strongly disagree)."""
        return self.scale[value - LOWEST]

    def extended(self, themes: Iterable[Theme], statements: Iterable[Statement]) -> Questionnaire:
        """This questionnaire with more themes and statements; a clash is a ``ValueError``."""
        themes, statements = tuple(themes), tuple(statements)
        known_themes = {t.id for t in self.themes}
        for theme in themes:
            if theme.id in known_themes:
                raise ValueError(f"the perception theme {theme.id!r} already exists")
            known_themes.add(theme.id)
        known = set(self.ids())
        for statement in statements:
            if statement.id in known:
                raise ValueError(f"the perception statement {statement.id!r} already exists")
            if statement.theme not in known_themes:
                raise ValueError(f"the perception statement {statement.id!r} names the "
                                 f"unknown theme {statement.theme!r}")
            known.add(statement.id)
        return attrs.evolve(self, themes=self.themes + themes,
                            statements=self.statements + statements)


class StatementRegistrar(Protocol):
    """The ``register`` callback passed to ``collabrules_add_perception_statements``."""

    def __call__(self, *, themes: Iterable[Theme] = (),
                 statements: Iterable[Statement] = ()) -> None: ...


def _text(data: Mapping[str, Any]) -> Text:
    return Text(str(data["en"]), str(data["nl"]))


def _themes(data: Mapping[str, Any]) -> tuple[Theme, ...]:
    return tuple(Theme(id=t["id"], title=_text(t), principles=tuple(t["principles"]))
                 for t in data["themes"])


def _statements(data: Mapping[str, Any]) -> tuple[Statement, ...]:
    return tuple(Statement(id=s["id"], theme=s["theme"], us=_text(s["us"]),
                           them=_text(s["them"])) for s in data["statements"])


@cache
def empty_questionnaire() -> Questionnaire:
    """The questionnaire's version and agreement scale, before any plugin adds to it."""
    data = json.loads(resources.files(__package__).joinpath("questionnaire.json")
                      .read_text("utf-8"))
    return Questionnaire(
        version=str(data["questionnaire_version"]),
        scale=tuple(_text(point) for point in sorted(data["scale"], key=lambda p: p["value"])),
        themes=(), statements=())


def questionnaire_from_data(data: Mapping[str, Any]) -> Questionnaire:
    """The empty questionnaire with the themes and statements of a JSON form (as in
    ``standard/perceptions.json``); a clash is a ``ValueError``."""
    return empty_questionnaire().extended(_themes(data), _statements(data))


Registration = tuple[str, tuple[Theme, ...], tuple[Statement, ...]]


def merge_statements(entries: Iterable[Registration]
                     ) -> tuple[Questionnaire, list[tuple[str, ValueError]]]:
    """The questionnaire from every plugin's registrations, and each plugin's clashes.

    Themes are added before statements, so a statement may use a theme any plugin
    registers; otherwise the registrations keep their order (the hook's call order, in
    which the standard questionnaire comes first).
    """
    entries = tuple(entries)
    merged = empty_questionnaire()
    problems: list[tuple[str, ValueError]] = []
    for step in ("themes", "statements"):
        for plugin, themes, statements in entries:
            try:
                merged = merged.extended(themes if step == "themes" else (),
                                         statements if step == "statements" else ())
            except ValueError as exc:
                problems.append((plugin, exc))
    return merged, problems


def questionnaire_signal(questionnaire: Questionnaire) -> Signal:
    """A signal whose value is the engine's questionnaire for every case (no case paths)."""

    @reads()  # the same value for every case
    def compute(case: Case, signals: SignalBook) -> SignalValue:
        return SignalValue(questionnaire)

    return Signal(name=QUESTIONNAIRE_SIGNAL, compute=compute, description=Text(
        "The perception questionnaire: the statements parties answer about themselves and "
        "each other, by theme.",
        "De vragenlijst over percepties: de stellingen die partijen over zichzelf en over "
        "elkaar beantwoorden, per thema."))
