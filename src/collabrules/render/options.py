"""The options view as JSON (``schemas/options.schema.json``), plain text and Markdown."""

from __future__ import annotations

import json
import re
import textwrap
from typing import Any

from ..alternatives.choosing import Change, Option, Options
from ..model.glossary import FIELDS, TERMS, generic
from ..model.report import Report
from ..model.text import Lang
from ..model.vocab import Status
from .labels import duration
from .option_labels import OPTIONS, SYMBOLS, group_of
from .words import field_words, governance_words, model_name, perspective, value_words

OPTIONS_SCHEMA_VERSION = "1.0"


def _o(key: str, lang: str) -> str:
    return OPTIONS[key].get(lang)


def subject(options: Options) -> str:
    """What the view is about: the case's title, id or file."""
    report = options.today.report
    return report.title or report.case_id or report.source or ""


def symbol(status: Status | None) -> str:
    """The verdict symbol of one cell (a blank for a principle the option lacks)."""
    return SYMBOLS[status] if status is not None else " "


def legend(lang: str) -> str:
    """``✔ upheld · ! at risk · ...``"""
    return " · ".join(f"{mark} {status.label.get(lang)}" for status, mark in SYMBOLS.items())


def column_name(option: Option, lang: str) -> str:
    """The column's name, with today's model in brackets for the first column."""
    name = option.name.get(lang)
    if option.key == "today":
        rec = option.report.recommendation
        current = option.model.id if option.model else rec.current if rec else None
        return f"{name} ({model_name(current, lang) or _o('no_model', lang)})"
    return name


def trust_line(option: Option, lang: str) -> str | None:
    """The trust the option needs against the trust the case states."""
    needed, gap = option.trust_needed, option.trust_gap
    if needed is None:
        return None
    if gap is None:
        return OPTIONS["trust_unknown"].format(needed=needed).get(lang)
    key = "trust_gap" if gap > 0 else "trust_fits" if gap == 0 else "trust_over"
    steps = TERMS["stage"].count(gap, lang)
    return OPTIONS[key].format(needed=needed, actual=option.trust_actual, steps=steps).get(lang)


def costs_line(option: Option, lang: str) -> str | None:
    """What the option's model demands, in the taxonomy's own terms."""
    model = option.model
    if model is None or option.key == "today":
        return None
    return OPTIONS["costs_line"].format(
        trust=model.trust, governance=governance_words(model.governance, lang),
        months=duration(model.build_months, lang)).get(lang)


def grouped_changes(option: Option) -> dict[str, list[Change]]:
    """The option's changes under their headings, in a fixed order."""
    groups: dict[str, list[Change]] = {}
    for change in option.changes:
        groups.setdefault(group_of(change.path), []).append(change)
    order = ("group_model", "group_governance", "group_safeguards", "group_development")
    return {key: groups[key] for key in order if key in groups}


def change_text(change: Change, report: Report, lang: str) -> str:
    """``mixed teams: no → yes``: the field and both values in words."""
    field = FIELDS.get(generic(change.path)[0])
    values = field.values if field else None
    before, after = (value_words(v, values, lang) for v in (change.before, change.after))
    return f"{field_words(change.path, report, lang)}: {before} → {after}"


def open_facts_text(option: Option, lang: str) -> list[str]:
    """The missing facts that could still change the option, in words."""
    return [field_words(path, option.report, lang) for path in option.open_facts]


def path_text(option: Option, lang: str) -> list[str]:
    """The staged path, one line per stage."""
    return [f"{n}. {s.name.get(lang)} ({duration(s.months, lang)}): {s.establishes.get(lang)}"
            for n, s in enumerate(option.path, 1)]


def counts_text(report: Report, lang: str) -> str:
    """``2 upheld, 3 at risk, 4 violated``"""
    return ", ".join(f"{report.summary.count(s)} {s.label.get(lang)}" for s in (
        Status.UPHELD, Status.AT_RISK, Status.VIOLATED))


# -- JSON ------------------------------------------------------------------------------


def options_to_dict(options: Options, lang: str = "en") -> dict[str, Any]:
    """The options view as a JSON-ready mapping, its texts in one language."""
    lang = Lang(lang).value
    report = options.today.report
    rec = options.recommendation
    titles = {f.code: f.title.get(lang) for f in report.findings}
    return {
        "schema_version": OPTIONS_SCHEMA_VERSION,
        "lang": lang,
        "case": {"id": report.case_id, "title": report.title,
                 "perspective": report.perspective, "source": report.source},
        "taxonomy": options.taxonomy,
        "principles": [{"code": code, "title": titles[code]} for code in options.codes],
        "recommended": None if rec is None else {
            "model": rec.model, "name": rec.name.get(lang),
            "why": [w.get(lang) for w in rec.why]},
        "columns": [_column(option, lang) for option in options.columns],
    }


def _column(option: Option, lang: str) -> dict[str, Any]:
    model = option.model
    return {
        "key": option.key,
        "name": column_name(option, lang),
        "model": model.id if model else None,
        "recommended": option.recommended,
        "verdicts": {f.code: f.status.value for f in option.report.findings},
        "headline": option.report.summary.headline.get(lang),
        "open_facts": list(option.open_facts),
        "changes": [{"path": c.path, "before": c.before, "after": c.after}
                    for c in option.changes],
        "trust": {"needed": option.trust_needed.value if option.trust_needed else None,
                  "actual": option.trust_actual.value if option.trust_actual else None,
                  "gap": option.trust_gap},
        "path": [{"name": s.name.get(lang), "establishes": s.establishes.get(lang),
                  "months": s.months} for s in option.path],
        "months": option.months,
        "demands": None if model is None or option.key == "today" else {
            "trust": model.trust.value, "governance": list(model.governance),
            "build_months": model.build_months, "frameworks": list(model.frameworks)},
    }


def options_to_json(options: Options, lang: str = "en") -> str:
    """The options view as indented JSON (deterministic)."""
    return json.dumps(options_to_dict(options, lang), ensure_ascii=False, indent=2) + "\n"


def render_options(options: Options, fmt: str, lang: str = "en") -> str:
    """The options view in a format: ``json``, ``markdown``, ``html`` or ``text``."""
    if fmt == "json":
        return options_to_json(options, lang)
    if fmt == "markdown":
        return render_options_markdown(options, lang)
    if fmt == "html":
        from .options_html import render_options_html  # it imports this module

        return render_options_html(options, lang)
    return render_options_text(options, lang)


# -- text and Markdown -----------------------------------------------------------------


def _option_lines(option: Option, lang: str, bullet: str, indent: str) -> list[str]:
    out = [f"{indent}{bullet}{counts_text(option.report, lang)}"]
    trust = trust_line(option, lang)
    if trust:
        out.append(f"{indent}{bullet}{_o('trust', lang)}: {trust}")
    groups = grouped_changes(option)
    if option.key != "today":
        out.append(f"{indent}{bullet}{_o('changes', lang)}:"
                   + ("" if groups else f" {_o('no_changes', lang)}"))
        for key, items in groups.items():
            out.append(f"{indent}  {bullet}{_o(key, lang)}: "
                       + "; ".join(change_text(c, option.report, lang) for c in items))
        months = duration(option.months, lang)
        out.append(f"{indent}{bullet}{_o('path', lang)} ({months}):"
                   + ("" if option.path else f" {_o('no_path', lang)}"))
        out.extend(f"{indent}    {line}" for line in path_text(option, lang))
    costs = costs_line(option, lang)
    if costs:
        out.append(f"{indent}{bullet}{_o('costs', lang)}: {costs}")
    if option.open_facts:
        out.append(f"{indent}{bullet}{_o('open_facts', lang)}: "
                   f"{', '.join(open_facts_text(option, lang))}")
    return out


def _recommended_lines(options: Options, lang: str, bullet: str) -> list[str]:
    rec = options.recommendation
    if rec is None:
        return [_o("no_recommendation", lang)]
    number = next((n for n, o in enumerate(options.columns) if o.recommended), None)
    where = f"[{number}] " if number is not None else ""
    return [f"{_o('recommended', lang)}: {where}{rec.name.get(lang)} ({rec.model})",
            *(f"  {bullet}{w.get(lang)}" for w in rec.why)]


def _wrapped(line: str, width: int) -> list[str]:
    if len(line) <= width:
        return [line]
    lead = re.match(r"\s*(?:- |\d+\. )?", line)
    indent = " " * (lead.end() if lead else 0)
    return textwrap.wrap(line, width, subsequent_indent=indent, break_long_words=False,
                         break_on_hyphens=False) or [line]


def render_options_text(options: Options, lang: str = "en", *, width: int = 88) -> str:
    """The options view for a terminal: numbered columns, principles as rows, symbols."""
    report = options.today.report
    columns = options.columns
    out = [f"{_o('title', lang)}: {subject(options)}",
           f"{_o('perspective', lang)}: {perspective(report, lang)}", "",
           f"{_o('columns', lang)}:"]
    for number, option in enumerate(columns):
        mark = f"  ★ {_o('recommended_mark', lang)}" if option.recommended else ""
        out.append(f"  [{number}] {column_name(option, lang)}{mark}")
    titles = {f.code: f.title.get(lang) for f in report.findings}
    names = max([len(f"{c} {titles[c]}") for c in options.codes] + [len(_o("principle", lang))])
    out += ["", _o("principle", lang).ljust(names) + "  "
            + " ".join(f"{n:>2}" for n in range(len(columns)))]
    for code in options.codes:
        cells = " ".join(f"{symbol(o.status(code)):>2}" for o in columns)
        out.append(f"{code} {titles[code]}".ljust(names) + "  " + cells)
    out.append(f"{_o('legend', lang)}: {legend(lang)}")
    out += [f"{_o('open_row', lang)} [{n}]: {', '.join(open_facts_text(o, lang))}"
            for n, o in enumerate(columns) if o.open_facts]
    out.append("")
    out += _recommended_lines(options, lang, "- ")
    out += ["", f"{_o('per_option', lang)}:"]
    for number, option in enumerate(columns):
        out.append(f"[{number}] {column_name(option, lang)}")
        out += _option_lines(option, lang, "- ", "  ")
    return "\n".join(part for line in out for part in _wrapped(line, width)) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_options_markdown(options: Options, lang: str = "en") -> str:
    """The options view for a ticket: a Markdown table, then each option's demands."""
    report = options.today.report
    columns = options.columns
    head = [_cell(column_name(o, lang)) + (" ★" if o.recommended else "") for o in columns]
    out = [f"# {_o('title', lang)}: {_cell(subject(options))}", "",
           f"{_o('perspective', lang)}: {_cell(perspective(report, lang))}", "",
           f"| {_o('principle', lang)} | " + " | ".join(head) + " |",
           "| --- |" + " :-: |" * len(columns)]
    for finding in report.findings:
        out.append(f"| {finding.code} {_cell(finding.title.get(lang))} | "
                   + " | ".join(symbol(o.status(finding.code)) for o in columns) + " |")
    out.append(f"| {_o('open_row', lang)} | " + " | ".join(
        _cell(", ".join(open_facts_text(o, lang))) or "–" for o in columns) + " |")
    out += ["", f"{_o('legend', lang)}: {legend(lang)}", "", f"## {_o('recommended', lang)}",
            ""]
    out += _recommended_lines(options, lang, "- ")
    out.append("")
    for option in columns:
        out += [f"## {column_name(option, lang)}", ""]
        out += _option_lines(option, lang, "- ", "")
        out.append("")
    return "\n".join(out)
