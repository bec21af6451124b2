"""The perception summary a report carries: per theme, the four views of a pair of parties.

For the perspective party ("us") and each other party that answered ("them"): how we see
ourselves, how we see them, how they see themselves and how they see us, per theme,
and the largest gaps between how a party sees itself and how the other sees it. Absent
(an empty tuple) when no pair of parties answered.
"""

from __future__ import annotations

from typing import Any

import attrs

from .case import Case
from .perceptions import PerceptionGap, gaps_of, party_scores
from .questionnaire import Questionnaire
from .records import shared_repr
from .text import Text


@attrs.frozen(kw_only=True)
@shared_repr
class ThemeViews:
    """The four views of one theme; ``None`` where a side did not answer."""

    theme: str
    title: Text
    us_about_us: float | None = None
    us_about_them: float | None = None
    them_about_them: float | None = None
    them_about_us: float | None = None


@attrs.frozen(kw_only=True)
@shared_repr
class PerceptionPair:
    """The perspective party and one other party: their views per theme and largest gaps."""

    us: str
    them: str
    respondents: tuple[tuple[str, str, str], ...]
    themes: tuple[ThemeViews, ...]
    gaps: tuple[PerceptionGap, ...]

    def title(self, theme: str) -> Text:
        """The title of one of the pair's themes (its id when unknown)."""
        return next((t.title for t in self.themes if t.theme == theme), Text(theme, theme))


SHOWN = 3
"""How many of the largest gaps a pair lists (gaps of at least one point)."""


def summarise_perceptions(case: Case, questionnaire: Questionnaire) -> tuple[PerceptionPair, ...]:
    """The perception pairs of a case; empty when the case has no pair of answers."""
    own = case.own
    if own.perceptions is None:
        return ()
    mine = {s.theme: s for s in party_scores(case, own, questionnaire)}
    pairs = []
    for other in case.others:
        if other.perceptions is None:
            continue
        theirs = {s.theme: s for s in party_scores(case, other, questionnaire)}
        themes = tuple(
            ThemeViews(theme=t.id, title=t.title,
                       us_about_us=mine[t.id].us if t.id in mine else None,
                       us_about_them=mine[t.id].them if t.id in mine else None,
                       them_about_them=theirs[t.id].us if t.id in theirs else None,
                       them_about_us=theirs[t.id].them if t.id in theirs else None)
            for t in questionnaire.themes if t.id in mine or t.id in theirs)
        scores = tuple(mine.values()) + tuple(theirs.values())
        gaps = tuple(g for g in gaps_of(case, scores) if g.size >= 1)[:SHOWN]
        respondents = tuple((p.id, p.perceptions.respondent.name, p.perceptions.date)
                            for p in (own, other) if p.perceptions is not None)
        pairs.append(PerceptionPair(us=own.id, them=other.id, respondents=respondents,
                                    themes=themes, gaps=gaps))
    return tuple(pairs)


def perceptions_to_list(pairs: tuple[PerceptionPair, ...], lang: str) -> list[dict[str, Any]]:
    """The perception pairs as JSON-ready data, texts in one language."""
    return [{
        "us": pair.us,
        "them": pair.them,
        "respondents": [{"party": party, "name": name, "date": date}
                        for party, name, date in pair.respondents],
        "themes": [{"theme": t.theme, "title": t.title.get(lang),
                    "us_about_us": t.us_about_us, "us_about_them": t.us_about_them,
                    "them_about_them": t.them_about_them, "them_about_us": t.them_about_us}
                   for t in pair.themes],
        "largest_gaps": [{"theme": g.theme, "title": pair.title(g.theme).get(lang),
                          "party": g.party, "seen_by": g.seen_by, "own_view": g.own_view,
                          "other_view": g.other_view, "size": g.size} for g in pair.gaps],
    } for pair in pairs]
