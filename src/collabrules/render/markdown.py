"""A report as Markdown (GitHub flavour), for tickets, wikis and pull requests."""

from __future__ import annotations

from ..model.finding import Finding
from ..model.report import Report
from ..model.vocab import Outcome
from .evidence import HEADING, INTRO, Evidence
from .labels import LABELS, duration, question_line
from .option_labels import options_hint
from .perceptions import GAPS_HEADING, gap_lines
from .phases import NOTHING_NOW, phase_section
from .words import (
    fact_words,
    field_words,
    governance_words,
    model_name,
    perspective,
    signal_words,
)

MARKS = {Outcome.HELD: "✔", Outcome.FAILED: "✘", Outcome.UNKNOWN: "?"}


def _t(key: str, lang: str) -> str:
    return LABELS[key].get(lang)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report, lang: str = "en") -> str:
    """The report as Markdown in one language."""
    name = report.title or report.case_id or report.source or ""
    evidence = Evidence.of(report, lang)
    out = [f"# {_t('report', lang)}: {name}", "",
           f"*{_t('perspective', lang)}: {perspective(report, lang)}*", "",
           f"## {_t('summary', lang)}", "", report.summary.headline.get(lang), "",
           f"| {_t('principle', lang)} | {_t('status', lang)} | {_t('severity', lang)} |",
           "| --- | --- | --- |"]
    for finding in report.findings:
        out.append(f"| [{finding.code}](#{finding.code.lower()}) {_cell(finding.title.get(lang))}"
                   f" | {finding.status.label.get(lang)} | {finding.severity.label.get(lang)} |")
    out += ["", f"## {_t('findings', lang)}", ""]
    for finding in report.findings:
        out.extend(_finding(finding, report, evidence, lang))
    out.extend(_phase(report, lang))
    out += [f"## {_t('recommendation', lang)}", ""]
    rec = report.recommendation
    if rec is None:
        out += [_t("no_recommendation", lang), ""]
    else:
        ref = _ref(evidence.recommendation)
        out += [f"**{rec.name.get(lang)}**{ref}", "",
                f"- {_t('current', lang)}: {model_name(rec.current, lang) or _t('unknown', lang)}",
                f"- {_t('gap', lang)}: {rec.gap.get(lang)}"]
        if rec.trust is not None:
            out.append(f"- {_t('trust_needed', lang)}: {rec.trust.label.get(lang)}")
        if rec.governance:
            out.append(f"- {_t('governance', lang)}: {governance_words(rec.governance, lang)}")
        out.extend(f"- {why.get(lang)}" for why in rec.why)
        out.append("")
        if rec.path:
            out += [f"### {_t('path', lang)}", ""]
            out.extend(f"{n}. **{s.name.get(lang)}** ({duration(s.months, lang)}): "
                       f"{s.establishes.get(lang)}" for n, s in enumerate(rec.path, 1))
            out.append("")
        out += [options_hint(report.source, lang), ""]
    if report.questions:
        out += [f"## {_t('questions', lang)}", ""]
        out.extend(f"- {question_line(q, lang)}" for q in report.questions)
        out.append("")
    if report.perceptions:
        out += [f"## {GAPS_HEADING.get(lang)}", ""]
        out.extend(f"- {line}" for line in gap_lines(report, lang))
        out.append("")
    if report.notes:
        out += [f"## {_t('notes', lang)}", ""]
        out.extend(f"- {n.text.get(lang)}" for n in report.notes)
        out.append("")
    if report.problems:
        out += [f"## {_t('problems', lang)}", ""]
        out.extend(f"- {p.message.get(lang)}" for p in report.problems)
        out.append("")
    prov = report.provenance
    out += [f"## {_t('provenance', lang)}", "",
            f"- {_t('engine', lang)}: {prov.engine} {prov.engine_version}",
            f"- {_t('plugins', lang)}: " + ", ".join(
                f"{p.name} ({p.distribution} {p.version})" for p in prov.plugins),
            f"- {_t('principle_set', lang)}: {', '.join(prov.principle_set.codes)} "
            f"(`{prov.principle_set.digest}`)",
            f"- {_t('input_digest', lang)}: `{prov.input_digest}`"]
    if evidence.items:
        out += ["", f"## {HEADING.get(lang)}", "", INTRO.get(lang), ""]
        for item in evidence.items:
            owner = ", ".join(filter(None, (item.owner,
                                            item.about.get(lang) if item.about else "")))
            cited = "; ".join(f"`{line}`" for line in item.lines) or _t("none", lang)
            out.append(f'{item.number}. <a id="evidence-{item.number}"></a>{owner}: {cited}')
    return "\n".join(out) + "\n"


def _phase(report: Report, lang: str) -> list[str]:
    section = phase_section(report, lang)
    if section is None:
        return []
    out = [f"## {section.heading}", ""]
    out += [f"- **{who}**: {action}" for who, action in section.now] or [NOTHING_NOW.get(lang)]
    if section.later_heading:
        out += ["", f"### {section.later_heading}", ""]
        out += [f"- **{who}**: {action}" for who, action in section.later]
    return [*out, ""]


def _ref(number: int | None) -> str:
    return f" [[{number}]](#evidence-{number})" if number else ""


def _finding(finding: Finding, report: Report, evidence: Evidence, lang: str) -> list[str]:
    out = [f"### {finding.code} {finding.title.get(lang)}: "
           f"{finding.status.label.get(lang)}", "",
           f"{_t('severity', lang)}: {finding.severity.label.get(lang)}", "",
           finding.rationale.get(lang), ""]
    if finding.conditions:
        out += [f"| | {_t('condition', lang)} | {_t('facts', lang)} |", "| --- | --- | --- |"]
        for index, c in enumerate(finding.conditions):
            words = fact_words(c.facts, report, lang) + signal_words(c.signals, lang)
            ref = _ref(evidence.condition(finding.code, index))
            out.append(f"| {MARKS[c.outcome]} | {_cell(c.text.get(lang))} | "
                       f"{_cell('; '.join(words))}{ref} |")
        out.append("")
    if finding.actions:
        out += [f"**{_t('actions', lang)}**", ""]
        out.extend(f"- {a.get(lang)}" for a in finding.actions)
        out.append("")
    if finding.missing:
        named = ", ".join(field_words(m, report, lang) for m in finding.missing)
        out += [f"{_t('missing', lang)}: {named}{_ref(evidence.missing(finding.code))}", ""]
    if finding.waiver is not None:
        out += [f"{_t('waiver', lang)}: {finding.waiver.describe(lang)}", ""]
    return out
