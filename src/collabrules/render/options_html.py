"""The options view as one self-contained HTML page: inline CSS and SVG, no script, no URL."""

from __future__ import annotations

from html import escape

from ..alternatives.choosing import Option, Options
from ..model.vocab import Status
from .chart import COLOURS
from .html import page
from .labels import duration
from .option_labels import OPTIONS, SYMBOLS
from .options import (
    change_text,
    column_name,
    costs_line,
    counts_text,
    grouped_changes,
    legend,
    open_facts_text,
    subject,
    trust_line,
)
from .words import perspective

_CSS = ("<style>.options td.cell{text-align:center}.options th.recommended,"
        ".options td.recommended{background:#fff8e1}"
        ".options .badge{white-space:nowrap;font-size:.75rem}"
        ".options thead th{min-width:6rem}.options .open{font-size:.8rem;color:#5c6bc0}"
        "</style>")


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _o(key: str, lang: str) -> str:
    return _e(OPTIONS[key].get(lang))


def matrix_chart(options: Options, lang: str) -> str:
    """An inline SVG grid: a coloured, labelled dot per principle (row) and option (column)."""
    columns, codes = options.columns, options.codes
    cell, left, top = 34, 70, 30
    width, height = left + cell * len(columns) + 10, top + cell * len(codes) + 10
    title = _o("matrix", lang)
    parts = [f'<svg class="chart options-chart" role="img" aria-label="{title}" '
             f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}"><title>{title}</title>']
    for number, option in enumerate(columns):
        x = left + cell * number + cell // 2
        weight = ' font-weight="bold"' if option.recommended else ""
        parts.append(f'<text x="{x}" y="{top - 10}" text-anchor="middle"{weight}>{number}'
                     f'{"★" if option.recommended else ""}</text>')
    for row, code in enumerate(codes):
        y = top + cell * row + cell // 2
        parts.append(f'<text x="4" y="{y + 4}">{_e(code)}</text>')
        for number, option in enumerate(columns):
            status = option.status(code)
            if status is None:
                continue
            x = left + cell * number + cell // 2
            parts.append(f'<g class="cell status-{status.value}"><title>{_e(code)}: '
                         f'{_e(status.label.get(lang))}</title><circle cx="{x}" cy="{y}" '
                         f'r="13" fill="{COLOURS[status]}"/><text x="{x}" y="{y + 5}" '
                         f'text-anchor="middle" fill="#fff">{SYMBOLS[status]}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def _badge(status: Status | None, lang: str) -> str:
    if status is None:
        return ""
    return (f'<span class="badge" style="background:{COLOURS[status]}" '
            f'title="{_e(status.label.get(lang))}">{SYMBOLS[status]} '
            f"{_e(status.label.get(lang))}</span>")


def _table(options: Options, lang: str) -> str:
    report = options.today.report
    columns = options.columns

    def cls(option: Option) -> str:
        return ' class="recommended"' if option.recommended else ""

    out = ['<table class="options"><thead><tr>'
           f"<th>{_o('principle', lang)}</th>"]
    out += [f"<th{cls(o)}>{n}. {_e(column_name(o, lang))}"
            + (f" ★ {_o('recommended_mark', lang)}" if o.recommended else "") + "</th>"
            for n, o in enumerate(columns)]
    out.append("</tr></thead><tbody>")
    for finding in report.findings:
        out.append(f"<tr><th>{_e(finding.code)} {_e(finding.title.get(lang))}</th>")
        out += [f'<td class="cell{" recommended" if o.recommended else ""}">'
                f"{_badge(o.status(finding.code), lang)}</td>" for o in columns]
        out.append("</tr>")
    out.append(f"<tr><th>{_o('open_row', lang)}</th>")
    out += [f'<td class="open">{_e(", ".join(open_facts_text(o, lang))) or "–"}</td>'
            for o in columns]
    out.append("</tr></tbody></table>")
    return "".join(out)


def _option(number: int, option: Option, lang: str) -> str:
    mark = f" ★ {_o('recommended_mark', lang)}" if option.recommended else ""
    out = [f'<section class="option" id="option-{number}">'
           f"<h3>{number}. {_e(column_name(option, lang))}{mark}</h3>",
           f"<p>{_e(counts_text(option.report, lang))}</p><ul>"]
    trust = trust_line(option, lang)
    if trust:
        out.append(f"<li>{_o('trust', lang)}: {_e(trust)}</li>")
    if option.key != "today":
        groups = grouped_changes(option)
        out.append(f"<li>{_o('changes', lang)}:" + ("" if groups else
                                                     f" {_o('no_changes', lang)}"))
        if groups:
            out.append("<ul>" + "".join(
                f"<li>{_o(key, lang)}: "
                f"{_e('; '.join(change_text(c, option.report, lang) for c in items))}"
                "</li>" for key, items in groups.items()) + "</ul>")
        out.append("</li>")
        out.append(f"<li>{_o('path', lang)} ({_e(duration(option.months, lang))}):"
                   + ("" if option.path else f" {_o('no_path', lang)}"))
        if option.path:
            out.append("<ol>" + "".join(
                f"<li><strong>{_e(s.name.get(lang))}</strong> ({_e(duration(s.months, lang))})"
                f": {_e(s.establishes.get(lang))}</li>" for s in option.path) + "</ol>")
        out.append("</li>")
    costs = costs_line(option, lang)
    if costs:
        out.append(f"<li>{_o('costs', lang)}: {_e(costs)}</li>")
    if option.open_facts:
        out.append(f"<li>{_o('open_facts', lang)}: "
                   f"{_e(', '.join(open_facts_text(option, lang)))}</li>")
    out.append("</ul></section>")
    return "".join(out)


def render_options_html(options: Options, lang: str = "en") -> str:
    """The options view as a complete HTML document in one language."""
    report = options.today.report
    rec = options.recommendation
    title = f"{OPTIONS['title'].get(lang)}: {subject(options)}"
    body = [_CSS, f"<h1>{_e(title)}</h1>",
            f'<p class="meta">{_o("perspective", lang)}: {_e(perspective(report, lang))}</p>',
            f"<figure>{matrix_chart(options, lang)}<figcaption>{_o('matrix', lang)}"
            "</figcaption></figure>",
            _table(options, lang), f"<p>{_o('legend', lang)}: {_e(legend(lang))}</p>",
            f'<section class="recommendation"><h2>{_o("recommended", lang)}</h2>']
    if rec is None:
        body.append(f"<p>{_o('no_recommendation', lang)}</p>")
    else:
        body.append(f"<p><strong>{_e(rec.name.get(lang))}</strong> <code>{_e(rec.model)}</code>"
                    "</p><ul>" + "".join(f"<li>{_e(w.get(lang))}</li>" for w in rec.why)
                    + "</ul>")
    body.append(f"</section><section><h2>{_o('per_option', lang)}</h2>")
    body += [_option(n, o, lang) for n, o in enumerate(options.columns)]
    body.append("</section>")
    return page(title, "\n".join(body) + "\n", lang)
