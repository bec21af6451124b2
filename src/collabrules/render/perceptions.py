"""Perceptions in reports: the largest gaps as sentences, and a chart per theme in HTML.

Each theme's chart has four bars on the 1-5 agreement scale (us about us, us about them,
them about them, them about us), with the value written next to each bar, a ``<title>``
and a ``<desc>`` that says the same in words, and no external assets.
"""

from __future__ import annotations

from ..model.perception_summary import PerceptionPair, ThemeViews
from ..model.perceptions import PerceptionGap
from ..model.questionnaire import HIGHEST, LOWEST
from ..model.report import Report
from ..model.text import Text

GAPS_HEADING = Text("Largest perception gaps", "Grootste verschillen in percepties")
CHARTS = Text("Perceptions per theme", "Percepties per thema")
_GAP = Text("{theme}: {party} rates itself {own:g}, {other} rates {party} {seen:g} "
            "({size:g} points apart)",
            "{theme}: {party} geeft zichzelf {own:g}, {other} geeft {party} {seen:g} "
            "({size:g} punten verschil)")
_NO_GAP = Text("No gap of a point or more between how {us} and {them} see each other.",
               "Geen verschil van een punt of meer tussen hoe {us} en {them} elkaar zien.")
_ANSWERED = Text("{name} for {party} on {date}", "{name} voor {party} op {date}")
_WHO = Text("Answered by: {who}", "Ingevuld door: {who}")
_VIEWS = (
    ("us_about_us", Text("{us} about itself", "{us} over zichzelf"), "#00796b"),
    ("us_about_them", Text("{us} about {them}", "{us} over {them}"), "#4db6ac"),
    ("them_about_them", Text("{them} about itself", "{them} over zichzelf"), "#e65100"),
    ("them_about_us", Text("{them} about {us}", "{them} over {us}"), "#ffb74d"),
)
_DESC = Text("{theme}, agreement from {low} (strongly disagree) to {high} (strongly agree): "
             "{values}.",
             "{theme}, instemming van {low} (helemaal oneens) tot {high} (helemaal eens): "
             "{values}.")
_NOT_ANSWERED = Text("not answered", "niet beantwoord")


def _name(report: Report, party_id: str) -> str:
    party = report.party(party_id)
    return party.name if party is not None else party_id


def gap_sentence(gap: PerceptionGap, pair: PerceptionPair, report: Report, lang: str) -> str:
    """One gap in words: the theme, the party's own view and the other's view of it."""
    return _GAP.format(theme=pair.title(gap.theme), party=_name(report, gap.party),
                       other=_name(report, gap.seen_by), own=gap.own_view,
                       seen=gap.other_view, size=gap.size).get(lang)


def gap_lines(report: Report, lang: str) -> list[str]:
    """Per pair of parties, who answered and the largest gaps (or that there is none)."""
    lines = []
    for pair in report.perceptions:
        who = "; ".join(_ANSWERED.format(name=name, party=_name(report, party),
                                         date=date).get(lang)
                        for party, name, date in pair.respondents)
        lines.append(_WHO.format(who=who).get(lang))
        lines.extend(gap_sentence(g, pair, report, lang) for g in pair.gaps)
        if not pair.gaps:
            lines.append(_NO_GAP.format(us=_name(report, pair.us),
                                        them=_name(report, pair.them)).get(lang))
    return lines


def _chart(views: ThemeViews, names: dict[str, str], index: str, lang: str) -> str:
    from html import escape  # HTML only: text reports do without html.entities

    labels = [label.format(**names).get(lang) for _, label, _ in _VIEWS]
    row, bar_max = 24, 250
    left = 16 + 7 * max(len(text) for text in labels)  # room for the longest label
    height = row * len(_VIEWS) + 28
    width = left + bar_max + 50
    title = escape(views.title.get(lang))
    values = []
    bars = []
    for number, ((field, _, colour), text) in enumerate(zip(_VIEWS, labels)):
        value: float | None = getattr(views, field)
        shown = f"{value:g}" if value is not None else _NOT_ANSWERED.get(lang)
        values.append(f"{text} {shown}")
        y = number * row + 4
        length = 0 if value is None else round(bar_max * value / HIGHEST)
        bars.append(f'<text x="{left - 8}" y="{y + 14}" text-anchor="end">{escape(text)}</text>')
        if value is not None:
            bars.append(f'<rect class="bar view-{field}" x="{left}" y="{y}" width="{length}" '
                        f'height="{row - 8}" fill="{colour}"/>')
        bars.append(f'<text x="{left + length + 6}" y="{y + 14}">{escape(shown)}</text>')
    axis_y = row * len(_VIEWS) + 4
    ticks = "".join(
        f'<text x="{left + round(bar_max * tick / HIGHEST)}" y="{axis_y + 16}" '
        f'text-anchor="middle" class="tick">{tick}</text>'
        for tick in range(LOWEST, HIGHEST + 1))
    desc = escape(_DESC.format(theme=views.title, low=LOWEST, high=HIGHEST,
                               values="; ".join(values)).get(lang))
    return (f'<figure class="perception"><figcaption>{title}</figcaption>'
            f'<svg class="chart perception-chart" role="img" '
            f'aria-labelledby="{index}-t {index}-d" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
            f'<title id="{index}-t">{title}</title><desc id="{index}-d">{desc}</desc>'
            f'{"".join(bars)}<line x1="{left}" y1="{axis_y}" x2="{left + bar_max}" '
            f'y2="{axis_y}" stroke="#999"/>{ticks}</svg></figure>')


def _pair(pair: PerceptionPair, report: Report, prefix: str, lang: str) -> str:
    names = {"us": _name(report, pair.us), "them": _name(report, pair.them)}
    return "".join(_chart(views, names, f"{prefix}-{index}", lang)
                   for index, views in enumerate(pair.themes))


def perception_section(report: Report, lang: str, anchor: str) -> str:
    """The HTML section: largest gaps, then a chart per theme; empty without perceptions.

    ``anchor`` (the report's id on the page) keeps the charts' ids unique.
    """
    if not report.perceptions:
        return ""
    from html import escape

    items = "".join(f"<li>{escape(line)}</li>" for line in gap_lines(report, lang))
    charts = "".join(_pair(pair, report, f"{escape(anchor)}-{number}", lang)
                     for number, pair in enumerate(report.perceptions))
    return (f'<section class="perceptions"><h2>{escape(GAPS_HEADING.get(lang))}</h2>'
            f'<ul>{items}</ul><h3>{escape(CHARTS.get(lang))}</h3>{charts}</section>')
