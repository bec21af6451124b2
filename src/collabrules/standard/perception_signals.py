"""Perception signals: how each party sees itself and the other, per questionnaire theme.

From the parties' answers (``parties[].perceptions``): each party's mean score per theme
about itself (``us``) and about the other (``them``); the *gap* between how a party sees
itself and how the other party sees it; and the *asymmetry* between what two parties
think of each other (one trusts, the other does not). Pairs are always the perspective
party and one other party. A case without answers has no perception signals (``None``),
and no principle decides anything from them then.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from ..case import Case, Party
from ..hookspecs import hookimpl
from ..questionnaire import (
    QUESTIONNAIRE_SIGNAL,
    Questionnaire,
    StatementRegistrar,
    standard_questionnaire,
)
from ..signals import Signal, SignalBook, SignalValue
from ..text import Text

GAP = 2.0
"""Points on the 1-5 scale at which two views of the same thing differ materially."""
LOW = 2.0
"""A theme mean at or below this is disagreement ("disagree" or "strongly disagree")."""


@attrs.frozen(kw_only=True)
class ThemeScore:
    """One party's mean agreement on one theme, about itself and about the other."""

    party: str
    theme: str
    us: float | None
    them: float | None
    us_paths: tuple[str, ...] = ()
    them_paths: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class PerceptionGap:
    """How ``party`` sees itself on a theme against how ``seen_by`` sees it."""

    theme: str
    party: str
    seen_by: str
    own_view: float
    other_view: float
    paths: tuple[str, ...]

    @property
    def size(self) -> float:
        """The distance between the two views, in scale points."""
        return abs(self.own_view - self.other_view)


@attrs.frozen(kw_only=True)
class Asymmetry:
    """What two parties think of each other on one theme (each one's ``them`` score)."""

    theme: str
    party: str
    other: str
    party_about_other: float
    other_about_party: float
    paths: tuple[str, ...]

    @property
    def size(self) -> float:
        """The distance between the two views, in scale points."""
        return abs(self.party_about_other - self.other_about_party)


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def party_scores(case: Case, party: Party, questionnaire: Questionnaire) -> list[ThemeScore]:
    """One party's theme scores, in questionnaire order (themes it did not answer left out)."""
    if party.perceptions is None:
        return []
    base = f"{case.path_of(party)}.perceptions.answers"
    by_theme: dict[str, tuple[list[int], list[str], list[int], list[str]]] = {}
    for index, answer in enumerate(party.perceptions.answers):
        statement = questionnaire.statement(answer.statement)
        if statement is None:
            continue
        us, us_paths, them, them_paths = by_theme.setdefault(statement.theme, ([], [], [], []))
        if answer.us is not None:
            us.append(answer.us)
            us_paths.append(f"{base}[{index}].us")
        if answer.them is not None:
            them.append(answer.them)
            them_paths.append(f"{base}[{index}].them")
    return [ThemeScore(party=party.id, theme=theme.id, us=_mean(us), them=_mean(them),
                       us_paths=tuple(us_paths), them_paths=tuple(them_paths))
            for theme in questionnaire.themes if theme.id in by_theme
            for us, us_paths, them, them_paths in (by_theme[theme.id],)]


def questionnaire_of(signals: SignalBook) -> Questionnaire:
    """The engine's questionnaire (the standard one when a book lacks the signal)."""
    value = signals[QUESTIONNAIRE_SIGNAL].value
    return value if isinstance(value, Questionnaire) else standard_questionnaire()


def scores_of(case: Case, questionnaire: Questionnaire) -> tuple[ThemeScore, ...]:
    """Every answering party's theme scores, parties in case order."""
    return tuple(s for p in case.parties for s in party_scores(case, p, questionnaire))


def _pairs(case: Case, scores: tuple[ThemeScore, ...]
           ) -> Iterator[tuple[ThemeScore, ThemeScore]]:
    own = {s.theme: s for s in scores if s.party == case.perspective}
    for score in scores:
        mine = own.get(score.theme)
        if score.party != case.perspective and mine is not None:
            yield mine, score


def gaps_of(case: Case, scores: tuple[ThemeScore, ...]) -> tuple[PerceptionGap, ...]:
    """Per theme and pair, each party's view of itself against the other's view of it.

    Largest first (ties in theme order).
    """
    gaps = []
    for mine, theirs in _pairs(case, scores):
        for seen, seer in ((mine, theirs), (theirs, mine)):
            if seen.us is not None and seer.them is not None:
                gaps.append(PerceptionGap(theme=seen.theme, party=seen.party,
                                          seen_by=seer.party, own_view=seen.us,
                                          other_view=seer.them,
                                          paths=seen.us_paths + seer.them_paths))
    gaps.sort(key=lambda g: -g.size)
    return tuple(gaps)


def asymmetries_of(case: Case, scores: tuple[ThemeScore, ...]) -> tuple[Asymmetry, ...]:
    """Per theme and pair, what the perspective party and the other think of each other."""
    return tuple(Asymmetry(theme=mine.theme, party=mine.party, other=theirs.party,
                           party_about_other=mine.them, other_about_party=theirs.them,
                           paths=mine.them_paths + theirs.them_paths)
                 for mine, theirs in _pairs(case, scores)
                 if mine.them is not None and theirs.them is not None)


def _plain(items: tuple[Any, ...]) -> SignalValue:
    if not items:
        return SignalValue(None)
    value = [{k: v for k, v in attrs.asdict(i).items() if not k.endswith("paths")}
             for i in items]
    paths = tuple(dict.fromkeys(p for i in items for name, v in attrs.asdict(i).items()
                                if name.endswith("paths") for p in v))
    return SignalValue(value, paths)


def perception_scores(case: Case, signals: SignalBook) -> SignalValue:
    """Every answering party's theme scores; ``None`` when no party answered."""
    return _plain(scores_of(case, questionnaire_of(signals)))


def perception_gaps(case: Case, signals: SignalBook) -> SignalValue:
    """Each party's view of itself against the other's view of it, per theme, largest first.

    ``None`` when no pair of parties answered the same theme both ways.
    """
    return _plain(gaps_of(case, scores_of(case, questionnaire_of(signals))))


def perception_asymmetries(case: Case, signals: SignalBook) -> SignalValue:
    """What the perspective party and each other party think of each other, per theme."""
    return _plain(asymmetries_of(case, scores_of(case, questionnaire_of(signals))))


PERCEPTION_SIGNALS = (
    Signal(name="perception_scores", compute=perception_scores, description=Text(
        "Each party's mean agreement per questionnaire theme, about itself and about the "
        "other party.",
        "De gemiddelde instemming van elke partij per thema van de vragenlijst, over "
        "zichzelf en over de andere partij.")),
    Signal(name="perception_gaps", compute=perception_gaps, description=Text(
        "Per theme, how a party sees itself against how the other party sees it, largest "
        "difference first.",
        "Per thema hoe een partij zichzelf ziet tegenover hoe de andere partij haar ziet, "
        "grootste verschil eerst.")),
    Signal(name="perception_asymmetries", compute=perception_asymmetries, description=Text(
        "Per theme, what the perspective party thinks of the other against what the other "
        "thinks of it (one trusts, the other does not).",
        "Per thema wat de perspectiefpartij van de andere vindt tegenover wat de andere van "
        "haar vindt (de een vertrouwt, de ander niet).")),
)


@hookimpl
def collabrules_add_perception_statements(register: StatementRegistrar) -> None:
    """Register the standard questionnaire (``perceptions.json``).

    Re-exported by ``standard.signals``, whose plugin registers it.
    """
    standard = standard_questionnaire()
    register(themes=standard.themes, statements=standard.statements)
