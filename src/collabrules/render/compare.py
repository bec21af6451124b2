"""A trend (``collabrules compare``) as text, JSON or HTML."""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape

from ..io.trends import FactChange, Trend
from ..model.glossary import FIELDS, field_text, generic
from .chart import COLOURS
from .labels import COMPARE, LABELS
from .words import model_name, value_words

ARROWS = {"up": "↑", "down": "↓", "same": "=", "changed": "~", "added": "+", "removed": "-"}


def _c(key: str, lang: str) -> str:
    return COMPARE[key].get(lang)


def _status(status: object, lang: str) -> str:
    label = getattr(status, "label", None)
    return label.get(lang) if label is not None else "-"


def _summary_lines(trend: Trend, lang: str) -> list[str]:
    counts = COMPARE["counts"].format(
        up=trend.count("up"), down=trend.count("down"), same=trend.count("same"),
        other=trend.count("changed") + trend.count("added") + trend.count("removed"))
    return [f"{_c('overall', lang)}: {_c(trend.direction, lang)}", counts.get(lang)]


def _models(trend: Trend, lang: str) -> list[tuple[str, str, str]]:
    def name(model: str | None) -> str:
        return model_name(model, lang) or LABELS["unknown"].get(lang)

    return [(_c("model_current", lang), name(trend.old.current_model),
             name(trend.new.current_model)),
            (_c("model_recommended", lang), name(trend.old.recommended_model),
             name(trend.new.recommended_model))]


def fact_line(change: FactChange, parties: Sequence[str], lang: str) -> str:
    """A changed fact in words: ``trust between the parties: medium -> low``."""
    field = FIELDS.get(generic(change.path)[0])
    values = field.values if field is not None else None
    return (f"{field_text(change.path, parties).get(lang)}: "
            f"{value_words(change.old, values, lang)} -> {value_words(change.new, values, lang)}")


def render_trend(trend: Trend, fmt: str, lang: str) -> str:
    """The trend in ``text``, ``json`` or ``html``."""
    if fmt == "json":
        data = trend.to_dict()
        data["lang"] = lang
        data["summary"] = _summary_lines(trend, lang)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return _html(trend, lang)
    name = trend.new.title or trend.new.case_id or trend.new.source
    out = [f"{_c('title', lang)}: {name}",
           f"  {_c('old', lang)}: {trend.old.source}", f"  {_c('new', lang)}: {trend.new.source}",
           ""]
    out += _summary_lines(trend, lang)
    out.append("")
    for move in trend.moves:
        out.append(f"  {ARROWS[move.movement]} {move.code} {move.title.get(lang)}: "
                   f"{_status(move.old, lang)} -> {_status(move.new, lang)} "
                   f"({_c(move.movement if move.movement != 'same' else 'same', lang)})")
        out += [f"      {fact_line(change, trend.new.parties, lang)}" for change in move.facts]
    out.append("")
    out += [f"{label}: {old} -> {new}" for label, old, new in _models(trend, lang)]
    return "\n".join(out) + "\n"


def _badge(status: object, lang: str) -> str:
    colour = COLOURS.get(status, "#777") if status is not None else "#777"  # type: ignore[call-overload]
    return (f'<span class="badge" style="background:{colour}">'
            f"{escape(_status(status, lang))}</span>")


def _html(trend: Trend, lang: str) -> str:
    from .html import page

    name = trend.new.title or trend.new.case_id or trend.new.source
    body = [f"<h1>{escape(_c('title', lang))}: {escape(name)}</h1>",
            f'<p class="meta">{escape(_c("old", lang))}: <code>{escape(trend.old.source)}</code>'
            f' · {escape(_c("new", lang))}: <code>{escape(trend.new.source)}</code></p>',
            f'<section class="summary direction-{trend.direction}">']
    body += [f"<p><strong>{escape(line)}</strong></p>" if i == 0 else f"<p>{escape(line)}</p>"
             for i, line in enumerate(_summary_lines(trend, lang))]
    body.append("</section>")
    body.append(f'<table class="moves"><thead><tr><th>{escape(LABELS["principle"].get(lang))}'
                f"</th><th>{escape(_c('old', lang))}</th><th>{escape(_c('new', lang))}</th>"
                f"<th>{escape(_c('movement', lang))}</th></tr></thead><tbody>")
    for move in trend.moves:
        body.append(f'<tr class="move-{move.movement}"><td>{escape(move.code)} '
                    f"{escape(move.title.get(lang))}</td><td>{_badge(move.old, lang)}</td>"
                    f"<td>{_badge(move.new, lang)}</td><td>{ARROWS[move.movement]} "
                    f"{escape(_c(move.movement, lang))}</td></tr>")
    body.append("</tbody></table><table class=\"models\">")
    body += [f"<tr><th>{escape(label)}</th><td>{escape(old)}</td><td>→</td>"
             f"<td>{escape(new)}</td></tr>" for label, old, new in _models(trend, lang)]
    body.append("</table>")
    return page(f"{_c('title', lang)}: {name}", "\n".join(body) + "\n", lang)
