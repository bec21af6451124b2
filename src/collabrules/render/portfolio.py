"""A portfolio summary as text, Markdown, HTML or JSON."""

from __future__ import annotations

import json
import textwrap
from html import escape

from ..io.portfolio import PortfolioTally, attention_maximum
from ..model.glossary import TERMS
from ..model.verdict import STATUS_ORDER
from .labels import LABELS, PORTFOLIO
from .words import model_name


def render_summary(tally: PortfolioTally, fmt: str, lang: str) -> str:
    """The summary of a portfolio in one format (``text``, ``markdown``, ``html``, ``json``)."""
    if fmt == "json":
        return json.dumps(tally.to_dict(lang), ensure_ascii=False, indent=2) + "\n"
    rows = _rows(tally, lang)
    if fmt == "html":
        return _html(tally, rows, lang)
    return _markdown(tally, rows, lang) if fmt == "markdown" else _text(tally, rows, lang)


def _p(key: str, lang: str) -> str:
    return PORTFOLIO[key].get(lang)


def _rows(tally: PortfolioTally, lang: str) -> list[list[str]]:
    head = [LABELS["principle"].get(lang)] + [s.label.get(lang) for s in STATUS_ORDER]
    rows = [head]
    for code in sorted(tally.per_principle):
        counts = tally.per_principle[code]
        rows.append([f"{code} {tally.titles[code].get(lang)}"]
                    + [str(counts.get(s.value, 0)) for s in STATUS_ORDER])
    return rows


def _model_name(model: str, lang: str, key: str = "models") -> str:
    if model:
        return model_name(model, lang) or model
    return _p("no_model", lang) if key == "models" else LABELS["unknown"].get(lang)


def _attention_lines(tally: PortfolioTally, lang: str) -> list[str]:
    lines = []
    maximum = attention_maximum(len(tally.per_principle))
    for number, item in enumerate(tally.attention(), 1):
        name = item.title or item.case_id or item.source or "?"
        codes = ", ".join(list(item.violated) + list(item.at_risk))
        score = _p("score_of", lang).format(score=item.score, maximum=maximum)
        lines.append(f"{number}. {name} ({item.source}): {score}, "
                     f"{_p('worst', lang)} {item.worst.label.get(lang)}; {codes}")
    return lines


def _scale(tally: PortfolioTally, lang: str) -> str:
    """What the attention score means and how high it can go in this portfolio."""
    means = TERMS["attention_score"].means
    maximum = attention_maximum(len(tally.per_principle))
    principles = TERMS["principle"].count(len(tally.per_principle), lang)
    scale = _p("scale", lang).format(maximum=maximum, principles=principles)
    return f"{means.get(lang) if means else ''} {scale}"


def _text(tally: PortfolioTally, rows: list[list[str]], lang: str) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = [_p("title", lang), "",
           f"{_p('cases', lang)}: {tally.cases}", f"{_p('skipped', lang)}: {len(tally.skipped)}",
           "", _p("per_principle", lang) + ":"]
    for row in rows:
        out.append("  " + "  ".join(cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i])
                                    for i, cell in enumerate(row)))
    out += ["", _p("attention", lang) + ":"]
    lines = _attention_lines(tally, lang)
    if lines:
        out += textwrap.wrap(_scale(tally, lang), 88, initial_indent="  ",
                             subsequent_indent="  ")
    out += ["  " + line for line in lines] or ["  -"]
    for key, counter in (("models", tally.recommended), ("current_models", tally.current)):
        out += ["", _p(key, lang) + ":"]
        out += [f"  {_model_name(k, lang, key)}: {n}" for k, n in
                sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]
    if tally.skipped:
        out += ["", _p("skipped_list", lang) + ":"]
        for _source, issues in tally.skipped:
            out += [f"  - {issue.render(lang)}" for issue in issues]
    return "\n".join(out) + "\n"


def _markdown(tally: PortfolioTally, rows: list[list[str]], lang: str) -> str:
    out = [f"# {_p('title', lang)}", "",
           f"- {_p('cases', lang)}: {tally.cases}", f"- {_p('skipped', lang)}: "
           f"{len(tally.skipped)}", "", f"## {_p('per_principle', lang)}", "",
           "| " + " | ".join(rows[0]) + " |", "|" + " --- |" * len(rows[0])]
    out += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    out += ["", f"## {_p('attention', lang)}", ""]
    lines = _attention_lines(tally, lang)
    out += [_scale(tally, lang), "", *lines] if lines else ["-"]
    for key, counter in (("models", tally.recommended), ("current_models", tally.current)):
        out += ["", f"## {_p(key, lang)}", ""]
        out += [f"- {_model_name(k, lang, key)}: {n}" for k, n in
                sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]
    if tally.skipped:
        out += ["", f"## {_p('skipped_list', lang)}", ""]
        for _source, issues in tally.skipped:
            out += [f"- `{issue.render(lang)}`" for issue in issues]
    return "\n".join(out) + "\n"


def _html(tally: PortfolioTally, rows: list[list[str]], lang: str) -> str:
    from .html import page

    e = escape
    body = [f"<h1>{e(_p('title', lang))}</h1>",
            f"<p>{e(_p('cases', lang))}: {tally.cases} · {e(_p('skipped', lang))}: "
            f"{len(tally.skipped)}</p>", f"<h2>{e(_p('per_principle', lang))}</h2><table>",
            "<tr>" + "".join(f"<th>{e(c)}</th>" for c in rows[0]) + "</tr>"]
    body += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows[1:]]
    lines = _attention_lines(tally, lang)
    body += ["</table>", f"<h2>{e(_p('attention', lang))}</h2>"]
    if lines:
        body.append(f"<p>{e(_scale(tally, lang))}</p>")
    body.append("<ol>")
    body += [f"<li>{e(line.split('. ', 1)[1])}</li>" for line in lines]
    body.append("</ol>")
    for key, counter in (("models", tally.recommended), ("current_models", tally.current)):
        body.append(f"<h2>{e(_p(key, lang))}</h2><ul>")
        body += [f"<li>{e(_model_name(k, lang, key))}: {n}</li>" for k, n in
                 sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]
        body.append("</ul>")
    if tally.skipped:
        body.append(f"<h2>{e(_p('skipped_list', lang))}</h2><ul>")
        body += [f"<li><code>{e(i.render(lang))}</code></li>" for _, issues in tally.skipped
                 for i in issues]
        body.append("</ul>")
    return page(_p("title", lang), "\n".join(body) + "\n", lang)
