"""A history (``collabrules history``) as text, JSON, Markdown or HTML with line charts."""

from __future__ import annotations

import json
from html import escape
from itertools import pairwise

from ..io.history import WEIGHTS, WINDOW, History
from ..io.trends import Move
from ..model.text import Text
from ..model.vocab import Phase, Status
from .chart import COLOURS
from .compare import ARROWS, fact_line
from .labels import COMPARE, LABELS

H: dict[str, Text] = {
    "title": Text("History of a relationship", "Geschiedenis van een relatie"),
    "assessments": Text("Assessments", "Beoordelingen"),
    "date": Text("Date", "Datum"),
    "phase": Text("Phase", "Fase"),
    "score": Text("Score", "Score"),
    "source": Text("Source", "Bron"),
    "spiral": Text("Spiral", "Spiraal"),
    "principles": Text("Per principle", "Per principe"),
    "moved": Text("What moved it", "Wat het bewoog"),
    "no_moves": Text("no principle moved", "geen principe bewoog"),
    "upward": Text("upward spiral: the relationship improves",
                   "opwaartse spiraal: de relatie verbetert"),
    "downward": Text("downward spiral: the relationship deteriorates",
                     "neerwaartse spiraal: de relatie verslechtert"),
    "stable": Text("stable: the score did not change", "stabiel: de score veranderde niet"),
    "turning_down": Text("turning down: it improved, then fell back; a downward spiral may "
                         "be starting",
                         "kantelt omlaag: het verbeterde en viel toen terug; mogelijk begint "
                         "een neerwaartse spiraal"),
    "turning_up": Text("turning up: it fell, then recovered; an upward spiral may be starting",
                       "kantelt omhoog: het daalde en herstelde toen; mogelijk begint een "
                       "opwaartse spiraal"),
    "unknown": Text("unknown: no assessment has a verdict on the scale",
                    "onbekend: geen beoordeling heeft een oordeel op de schaal"),
    "rule": Text("Score: the mean of upheld = {upheld}, at risk = {at_risk}, violated = "
                 "{violated} over the principles on that scale; the spiral is the direction of "
                 "the score over the last {window} assessments.",
                 "Score: het gemiddelde van nageleefd = {upheld}, in gevaar = {at_risk}, "
                 "geschonden = {violated} over de principes op die schaal; de spiraal is de "
                 "richting van de score over de laatste {window} beoordelingen."),
    "other": Text("other", "overig"),
    "not_assessed": Text("not assessed", "niet beoordeeld"),
    "chart": Text("{code} over time: {path}", "{code} in de tijd: {path}"),
    "score_chart": Text("Score over time: {path}", "Score in de tijd: {path}"),
    "on": Text("{status} on {date}", "{status} op {date}"),
}


def _h(key: str, lang: str) -> str:
    return H[key].get(lang)


def status_words(status: Status | None, lang: str) -> str:
    """A status label, or "not assessed"."""
    return status.label.get(lang) if status is not None else _h("not_assessed", lang)


def move_line(move: Move, lang: str) -> str:
    """``↑ CR05 Trust: violated -> at risk``."""
    return (f"{ARROWS[move.movement]} {move.code} {move.title.get(lang)}: "
            f"{status_words(move.old, lang)} -> {status_words(move.new, lang)}")


def _rule(lang: str) -> str:
    return H["rule"].format(window=WINDOW, **{s.value: w for s, w in WEIGHTS.items()}).get(lang)


def _phase(phase: str | None, lang: str) -> str:
    return Phase(phase).label.get(lang) if phase else "-"


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _name(history: History) -> str:
    last = history.points[-1]
    return last.title or last.case_id or last.source


def render_history(history: History, fmt: str, lang: str) -> str:
    """The history in ``text``, ``json``, ``markdown`` or ``html``."""
    if fmt == "json":
        data = history.to_dict()
        data["lang"] = lang
        data["summary"] = _h(history.direction, lang)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return _markdown(history, lang)
    if fmt == "html":
        return _html(history, lang)
    return _text(history, lang)


def _text(history: History, lang: str) -> str:
    out = [f"{_h('title', lang)}: {_name(history)}", "", f"{_h('assessments', lang)}:"]
    for number, (point, score) in enumerate(zip(history.points, history.scores), 1):
        phase = _phase(point.phase, lang)
        out.append(f"  {number}. {point.assessed_on}  {_h('phase', lang).lower()} {phase}  "
                   f"{_h('score', lang).lower()} {_score(score)}  {point.source}")
    out += ["", f"{_h('spiral', lang)}: {_h(history.direction, lang)}", f"  {_rule(lang)}", "",
            f"{_h('principles', lang)}:"]
    for code in history.codes():
        path = " -> ".join(status_words(s, lang) for s in history.path(code))
        out.append(f"  {code} {history.title(code).get(lang)}: {path}")
    out += ["", f"{_h('moved', lang)}:"]
    for step in history.steps:
        out.append(f"  {step.old.assessed_on} -> {step.new.assessed_on} "
                   f"({COMPARE[step.direction].get(lang)}):")
        moved = [m for m in step.moves if m.movement != "same"]
        if not moved:
            out.append(f"    {_h('no_moves', lang)}")
        for move in moved:
            out.append(f"    {move_line(move, lang)}")
            out += [f"        {fact_line(f, step.new.parties, lang)}" for f in move.facts]
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _markdown(history: History, lang: str) -> str:
    out = [f"# {_h('title', lang)}: {_cell(_name(history))}", "",
           f"**{_h('spiral', lang)}:** {_h(history.direction, lang)}", "", f"*{_rule(lang)}*", "",
           f"## {_h('assessments', lang)}", "",
           f"| # | {_h('date', lang)} | {_h('phase', lang)} | {_h('score', lang)} | "
           f"{_h('source', lang)} |", "| --- | --- | --- | --- | --- |"]
    for number, (point, score) in enumerate(zip(history.points, history.scores), 1):
        out.append(f"| {number} | {point.assessed_on} | {_phase(point.phase, lang)} | "
                   f"{_score(score)} | `{_cell(point.source)}` |")
    dates = " | ".join(str(p.assessed_on) for p in history.points)
    out += ["", f"## {_h('principles', lang)}", "",
            f"| {LABELS['principle'].get(lang)} | {dates} |",
            "| --- |" + " --- |" * len(history.points)]
    for code in history.codes():
        cells = " | ".join(status_words(s, lang) for s in history.path(code))
        out.append(f"| {code} {_cell(history.title(code).get(lang))} | {cells} |")
    out += ["", f"## {_h('moved', lang)}", ""]
    for step in history.steps:
        out += [f"### {step.old.assessed_on} → {step.new.assessed_on}: "
                f"{COMPARE[step.direction].get(lang)}", ""]
        moved = [m for m in step.moves if m.movement != "same"]
        if not moved:
            out.append(f"- {_h('no_moves', lang)}")
        for move in moved:
            out.append(f"- {_cell(move_line(move, lang))}")
            out += [f"    - {_cell(fact_line(f, step.new.parties, lang))}" for f in move.facts]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# -- HTML with one inline SVG line chart per principle ---------------------------------

SCALED = (Status.UPHELD, Status.AT_RISK, Status.VIOLATED)
LEVELS: dict[Status | None, int] = {status: row for row, status in enumerate(SCALED)}
"""Row of each status in a principle's chart, top to bottom; other statuses go below."""
LEFT, TOP, ROW, STEP = 92, 14, 24, 96


def _x(index: int) -> int:
    return LEFT + 20 + index * STEP


def principle_chart(history: History, code: str, lang: str) -> str:
    """An accessible inline SVG: the principle's status at each assessment, joined by lines."""
    path = history.path(code)
    width = _x(len(path) - 1) + 60
    height = TOP + 4 * ROW + 24
    words = ", ".join(H["on"].format(status=status_words(s, lang), date=str(p.assessed_on))
                      .get(lang) for s, p in zip(path, history.points))
    label = H["chart"].format(code=code, path=words).get(lang)
    ident = f"chart-{escape(code)}"
    parts = [f'<svg class="chart history-chart" role="img" aria-labelledby="{ident}" '
             f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}"><title id="{ident}">{escape(label)}</title>']
    rows = [*((s.label.get(lang), s) for s in SCALED), (_h("other", lang), None)]
    for row, (name, _) in enumerate(rows):
        y = TOP + row * ROW
        parts.append(f'<line x1="{LEFT}" y1="{y}" x2="{width - 10}" y2="{y}" stroke="#ddd"/>'
                     f'<text x="{LEFT - 6}" y="{y + 4}" text-anchor="end" font-size="11" '
                     f'fill="#333">{escape(name)}</text>')
    points = [(_x(i), TOP + ROW * LEVELS.get(s, 3), s) for i, s in enumerate(path)]
    for (x1, y1, s1), (x2, y2, s2) in pairwise(points):
        if s1 in LEVELS and s2 in LEVELS:
            parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#333" '
                         f'stroke-width="2"/>')
    for (x, y, status), point in zip(points, history.points):
        if status is not None:
            fill = COLOURS[status] if status in LEVELS else "#fff"
            parts.append(f'<circle cx="{x}" cy="{y}" r="6" fill="{fill}" stroke="#333" '
                         f'stroke-width="1.5"/>')
        parts.append(f'<text x="{x}" y="{height - 6}" text-anchor="middle" font-size="10">'
                     f"{escape(str(point.assessed_on))}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _html(history: History, lang: str) -> str:
    from .html import page

    name = _name(history)
    body = [f"<h1>{escape(_h('title', lang))}: {escape(name)}</h1>",
            f'<section class="summary direction-{history.direction}"><p><strong>'
            f"{escape(_h('spiral', lang))}: {escape(_h(history.direction, lang))}</strong></p>"
            f"<p>{escape(_rule(lang))}</p></section>",
            f'<section class="assessments"><h2>{escape(_h("assessments", lang))}</h2>'
            f"<table><thead><tr><th>#</th><th>{escape(_h('date', lang))}</th>"
            f"<th>{escape(_h('phase', lang))}</th><th>{escape(_h('score', lang))}</th>"
            f"<th>{escape(_h('source', lang))}</th></tr></thead><tbody>"]
    for number, (point, score) in enumerate(zip(history.points, history.scores), 1):
        body.append(f"<tr><td>{number}</td><td>{escape(str(point.assessed_on))}</td>"
                    f"<td>{escape(_phase(point.phase, lang))}</td><td>{_score(score)}</td>"
                    f"<td><code>{escape(point.source)}</code></td></tr>")
    body.append(f'</tbody></table></section><section class="principles">'
                f"<h2>{escape(_h('principles', lang))}</h2>"
                f'<div style="display:flex;flex-wrap:wrap;gap:1rem 2rem">')
    for code in history.codes():
        title = f"{code} {history.title(code).get(lang)}"
        body.append(f'<figure class="principle-history" id="{escape(code)}" '
                    f'style="margin:0"><figcaption>{escape(title)}</figcaption>'
                    f"{principle_chart(history, code, lang)}</figure>")
    body.append(f'</div></section><section class="moved"><h2>{escape(_h("moved", lang))}</h2>')
    for step in history.steps:
        body.append(f"<h3>{escape(str(step.old.assessed_on))} → "
                    f"{escape(str(step.new.assessed_on))}: "
                    f"{escape(COMPARE[step.direction].get(lang))}</h3><ul>")
        moved = [m for m in step.moves if m.movement != "same"]
        if not moved:
            body.append(f"<li>{escape(_h('no_moves', lang))}</li>")
        for move in moved:
            facts = "".join(f"<li>{escape(fact_line(f, step.new.parties, lang))}</li>"
                            for f in move.facts)
            body.append(f'<li class="move-{move.movement}">{escape(move_line(move, lang))}'
                        + (f"<ul>{facts}</ul>" if facts else "") + "</li>")
        body.append("</ul>")
    body.append("</section>")
    return page(f"{_h('title', lang)}: {name}", "\n".join(body) + "\n", lang)
