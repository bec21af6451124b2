"""A report as plain text a consultant can read in a terminal."""

from __future__ import annotations

import os
import re
import textwrap

from ..model.finding import Finding
from ..model.report import Report
from ..model.text import Text
from ..model.vocab import Outcome, Status
from .evidence import HEADING, INTRO, Evidence
from .labels import LABELS, duration, question_line
from .option_labels import options_hint
from .perceptions import GAPS_HEADING, gap_lines
from .phases import NOTHING_NOW, phase_section
from .visible import visible
from .words import fact_words, field_words, model_name, perspective, signal_words

L = {
    "report": Text("Collaboration report", "Samenwerkingsrapport"),
    "perspective": Text("Perspective", "Perspectief"),
    "summary": Text("Summary", "Samenvatting"),
    "findings": Text("Findings", "Bevindingen"),
    "why": Text("Why", "Waarom"),
    "conditions": Text("Conditions", "Voorwaarden"),
    "actions": Text("What to do", "Wat te doen"),
    "missing": Text("Facts that would decide it", "Feiten die de doorslag geven"),
    "recommendation": Text("Recommended collaboration model", "Aanbevolen samenwerkingsmodel"),
    "current": Text("Model in use", "Huidig model"),
    "gap": Text("Gap", "Verschil"),
    "path": Text("Path", "Route"),
    "problems": Text("Problems", "Problemen"),
    "notes": Text("Notes", "Opmerkingen"),
    "provenance": Text("Provenance", "Herkomst"),
    "none": Text("none", "geen"),
    "severity": Text("severity", "ernst"),
    "unknown": Text("unknown", "onbekend"),
    "input": Text("input", "invoer"),
}

MARK = {Outcome.HELD: "+", Outcome.FAILED: "x", Outcome.UNKNOWN: "?"}


def _wrap(text: str, indent: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=max(width - len(indent), 30), initial_indent=indent,
                         subsequent_indent=indent + "  ") or [indent]


STYLES = {Status.UPHELD: "green", Status.AT_RISK: "yellow", Status.VIOLATED: "red",
          Status.UNDETERMINED: "blue", Status.ERROR: "magenta", Status.NOT_APPLICABLE: "white"}


def render_text(report: Report, lang: str = "en", *, width: int = 88,
                verbose: bool = True, color: bool = False) -> str:
    """The report as wrapped plain text in one language (ANSI colours when ``color``).

    ``verbose`` adds each condition with its facts in words, numbered, and the evidence
    appendix with the JSON paths and values behind each number.
    """
    nonce = os.urandom(8).hex() if color else ""  # secrets.token_hex(8), without its imports
    def t(key: str) -> str:
        return L[key].get(lang)

    evidence = Evidence.of(report, lang)
    out: list[str] = []
    title = report.title or report.case_id or report.source or "case"
    out.extend(_wrap(f"{t('report')}: {title}", "", width))
    out.extend(_wrap(f"{t('perspective')}: {perspective(report, lang)}", "", width))
    out.append("")
    out.extend(_wrap(f"{t('summary')}: {report.summary.headline.get(lang)}", "", width))
    out.append("")
    out.append(f"{t('findings')}:")
    for finding in report.findings:
        out.extend(_finding(finding, report, evidence, lang, width, verbose, nonce))
    out.extend(_phase_lines(report, lang, width))
    rec = report.recommendation
    if rec is not None:
        out.append("")
        out.extend(_wrap(f"{t('recommendation')}: {rec.name.get(lang)}", "", width))
        current = model_name(rec.current, lang) or t("unknown")
        out.extend(_wrap(f"{t('current')}: {current}", "  ", width))
        out.extend(_wrap(f"{t('gap')}: {rec.gap.get(lang)}", "  ", width))
        for why in rec.why:
            out.extend(_wrap(f"- {why.get(lang)}", "  ", width))
        if rec.path:
            out.append(f"  {t('path')}:")
            for number, stage in enumerate(rec.path, 1):
                out.extend(_wrap(
                    f"{number}. {stage.name.get(lang)} ({duration(stage.months, lang)}): "
                    f"{stage.establishes.get(lang)}", "    ", width))
        out.extend(_wrap(options_hint(report.source, lang), "  ", width))
    if report.questions:
        out.append("")
        out.append(f"{LABELS['questions'].get(lang)}:")
        for question in report.questions:
            out.extend(_wrap(f"- {question_line(question, lang)}", "  ", width))
    if report.perceptions:
        out.append("")
        out.append(f"{GAPS_HEADING.get(lang)}:")
        for line in gap_lines(report, lang):
            out.extend(_wrap(f"- {line}", "  ", width))
    if report.notes:
        out.append("")
        out.append(f"{t('notes')}:")
        for note in report.notes:
            out.extend(_wrap(f"- {note.text.get(lang)}", "  ", width))
    if report.problems:
        out.append("")
        out.append(f"{t('problems')}:")
        for problem in report.problems:
            out.extend(_wrap(f"- {problem.message.get(lang)}", "  ", width))
    out.append("")
    prov = report.provenance
    out.extend(_wrap(f"{t('provenance')}: {prov.engine} {prov.engine_version}; "
                     f"{', '.join(prov.principle_set.codes)}; {prov.principle_set.digest[:19]}; "
                     f"{t('input')} {prov.input_digest[:19]}", "", width))
    if verbose and evidence.items:
        out.append("")
        out.extend(_appendix(evidence, lang, width))
    text = visible("\n".join(out) + "\n")
    return _apply_styles(text, nonce) if nonce else text


def _phase_lines(report: Report, lang: str, width: int) -> list[str]:
    section = phase_section(report, lang)
    if section is None:
        return []
    out = ["", *_wrap(f"{section.heading}:", "", width)]
    for who, action in section.now or (("", NOTHING_NOW.get(lang)),):
        out.extend(_wrap(f"- {who}: {action}" if who else f"- {action}", "  ", width))
    if section.later_heading:
        out.extend(["", *_wrap(f"{section.later_heading}:", "", width)])
        for who, action in section.later:
            out.extend(_wrap(f"- {who}: {action}", "  ", width))
    return out


def _appendix(evidence: Evidence, lang: str, width: int) -> list[str]:
    out = [f"{HEADING.get(lang)}:"]
    out.extend(_wrap(INTRO.get(lang), "  ", width))
    for item in evidence.items:
        owner = ", ".join(filter(None, (item.owner, item.about.get(lang) if item.about else "")))
        out.extend(_wrap(f"[{item.number}] {owner}: {'; '.join(item.lines) or _none(lang)}",
                         "  ", width))
    return out


def _none(lang: str) -> str:
    """The word for "none" in one language."""
    return L["none"].get(lang)


def _marker(nonce: str, status: Status, label: str) -> str:
    return f"<<{nonce}:{status.value}:{label}>>"


def _apply_styles(text: str, nonce: str) -> str:
    import click

    pattern = re.compile(f"<<{nonce}:(\\w+):(.*?)>>")
    return pattern.sub(lambda m: click.style(m.group(2), fg=STYLES[Status(m.group(1))],
                                             bold=True), text)


def _finding(finding: Finding, report: Report, evidence: Evidence, lang: str, width: int,
             verbose: bool, nonce: str = "") -> list[str]:
    status = finding.status.label.get(lang).upper()
    glued = status.replace(" ", "\xa0")  # textwrap never breaks at a no-break space
    head = f"{finding.code} {finding.title.get(lang)}: {glued}"
    if finding.status in (Status.VIOLATED, Status.AT_RISK, Status.ERROR):
        head += f" ({L['severity'].get(lang)} {finding.severity.label.get(lang)})"
    # Colour is marked with a per-render nonce and applied after visible() has escaped
    # every control character the case itself might carry (a case cannot guess the nonce).
    styled = _marker(nonce, finding.status, status) if nonce else status
    lines = [line.replace(glued, styled) for line in _wrap(head, "  ", width)]
    lines.extend(_wrap(finding.rationale.get(lang), "    ", width))
    if verbose:
        for index, condition in enumerate(finding.conditions):
            number = evidence.condition(finding.code, index)
            ref = f"\xa0[{number}]" if number else ""
            lines.extend(_wrap(f"[{MARK[condition.outcome]}] {condition.text.get(lang)}{ref}",
                               "      ", width))
            words = (fact_words(condition.facts, report, lang)
                     + signal_words(condition.signals, lang))
            if words:
                lines.extend(_wrap("; ".join(words), "          ", width))
    if finding.missing:
        named = [field_words(m, report, lang) for m in finding.missing]
        number = evidence.missing(finding.code)
        ref = f"\xa0[{number}]" if verbose and number else ""
        lines.extend(_wrap(f"{L['missing'].get(lang)}: {', '.join(named)}{ref}", "    ",
                           width))
    if finding.actions:
        for action in finding.actions:
            lines.extend(_wrap(f"-> {action.get(lang)}", "    ", width))
    if finding.waiver is not None:
        lines.extend(_wrap(str(finding.waiver.describe(lang)), "    ", width))
    return lines
