"""A report as plain text a consultant can read in a terminal."""

from __future__ import annotations

import json
import textwrap

from ..finding import Finding
from ..report import Report
from ..text import Text
from ..vocab import Outcome, Status
from .visible import visible

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
    "months": Text("months", "maanden"),
    "problems": Text("Problems", "Problemen"),
    "notes": Text("Notes", "Opmerkingen"),
    "provenance": Text("Provenance", "Herkomst"),
    "none": Text("none", "geen"),
    "severity": Text("severity", "ernst"),
    "unknown": Text("unknown", "onbekend"),
}

MARK = {Outcome.HELD: "+", Outcome.FAILED: "x", Outcome.UNKNOWN: "?"}


def _wrap(text: str, indent: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=max(width - len(indent), 30), initial_indent=indent,
                         subsequent_indent=indent + "  ") or [indent]


def render_text(report: Report, lang: str = "en", *, width: int = 88,
                verbose: bool = True) -> str:
    """The report as wrapped plain text in one language."""
    def t(key: str) -> str:
        return L[key].get(lang)

    out: list[str] = []
    title = report.title or report.case_id or report.source or "case"
    out.append(f"{t('report')}: {title}")
    out.append(f"{t('perspective')}: {report.perspective}")
    out.append("")
    out.append(f"{t('summary')}: {report.summary.headline.get(lang)}")
    out.append("")
    out.append(f"{t('findings')}:")
    for finding in report.findings:
        out.extend(_finding(finding, lang, width, verbose))
    rec = report.recommendation
    if rec is not None:
        out.append("")
        out.append(f"{t('recommendation')}: {rec.name.get(lang)} [{rec.model}]")
        out.append(f"  {t('current')}: {rec.current or t('unknown')}")
        out.extend(_wrap(f"{t('gap')}: {rec.gap.get(lang)}", "  ", width))
        for why in rec.why:
            out.extend(_wrap(f"- {why.get(lang)}", "  ", width))
        if rec.path:
            out.append(f"  {t('path')}:")
            for number, stage in enumerate(rec.path, 1):
                out.extend(_wrap(
                    f"{number}. {stage.name.get(lang)} ({stage.months:g} {t('months')}): "
                    f"{stage.establishes.get(lang)}", "    ", width))
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
    out.append(f"{t('provenance')}: {prov.engine} {prov.engine_version}; "
               f"{', '.join(prov.principle_set.codes)}; {prov.principle_set.digest[:19]}; "
               f"input {prov.input_digest[:19]}")
    return visible("\n".join(out) + "\n")


def _finding(finding: Finding, lang: str, width: int, verbose: bool) -> list[str]:
    status = finding.status.label.get(lang).upper()
    head = f"  {finding.code} {finding.title.get(lang)}: {status}"
    if finding.status in (Status.VIOLATED, Status.AT_RISK, Status.ERROR):
        head += f" ({L['severity'].get(lang)} {finding.severity.label.get(lang)})"
    lines = [head]
    lines.extend(_wrap(finding.rationale.get(lang), "    ", width))
    if verbose:
        for condition in finding.conditions:
            evidence = [f"{f.path}={json.dumps(f.value, ensure_ascii=False)}"
                        for f in condition.facts]
            evidence += [f"{s.name}={json.dumps(s.value, ensure_ascii=False)}"
                         for s in condition.signals]
            suffix = f"  [{'; '.join(evidence)}]" if evidence else ""
            lines.extend(_wrap(f"[{MARK[condition.outcome]}] {condition.text.get(lang)}{suffix}",
                               "      ", width))
    if finding.actions:
        for action in finding.actions:
            lines.extend(_wrap(f"-> {action.get(lang)}", "    ", width))
    if finding.waiver is not None:
        lines.extend(_wrap(str(finding.waiver.describe(lang)), "    ", width))
    return lines
