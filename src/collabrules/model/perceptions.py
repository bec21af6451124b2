"""Perceptions: how each party sees itself and the other, per questionnaire theme.

From the parties' answers (``parties[].perceptions``): each party's mean score per theme
about itself (``us``) and about the other (``them``); the *gap* between how a party sees
itself and how the other party sees it; and the *asymmetry* between what two parties
think of each other (one trusts, the other does not). Pairs are always the perspective
party and one other party. See docs/decisions/0022-perceptions.md.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from .case import Case, Party
from .questionnaire import Questionnaire
from .records import shared_repr

GAP = 2.0
"""Points on the 1-5 scale at which two views of the same thing differ materially."""
LOW = 2.0
"""A theme mean at or below this is disagreement ("disagree" or "strongly disagree")."""


@attrs.frozen(kw_only=True)
@shared_repr
class ThemeScore:
    """One party's mean agreement on one theme, about itself and about the other."""

    party: str
    theme: str
    us: float | None
    them: float | None
    us_paths: tuple[str, ...] = ()
    them_paths: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
@shared_repr
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
        return round(abs(self.own_view - self.other_view), 2)


@attrs.frozen(kw_only=True)
@shared_repr
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
