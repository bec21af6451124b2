"""A self-contained HTML report: inline CSS and SVG, no script, no external URL, printable."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..model.finding import Finding
from ..model.models import Taxonomy
from ..model.report import Report
from ..model.vocab import Outcome
from .chart import COLOURS, model_chart, verdict_chart
from .evidence import HEADING, INTRO, Evidence
from .labels import LABELS, duration, question_line
from .option_labels import options_hint
from .perceptions import perception_section
from .phases import NOTHING_NOW, phase_section
from .words import (
    fact_words,
    field_words,
    governance_words,
    model_name,
    perspective,
    signal_words,
)

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:62rem;
margin:1.5rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem}
.meta{color:#555}.badge{display:inline-block;padding:.05rem .5rem;border-radius:.7rem;
color:#fff;font-size:.85rem;font-weight:600}
.finding{border:1px solid #ddd;border-left:6px solid #999;border-radius:4px;padding:.4rem .9rem;
margin:.8rem 0;break-inside:avoid}
.finding h3{margin:.3rem 0;font-size:1.1rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}
td,th{border-bottom:1px solid #e3e3e3;text-align:left;padding:.2rem .4rem;vertical-align:top}
.held{color:#2e7d32}.failed{color:#c62828}.unknown{color:#5c6bc0}
.chart{max-width:100%;height:auto;font-size:13px}
code{font-size:.85rem;background:#f3f3f3;padding:0 .2rem}
.evidence li{font-size:.85rem;overflow-wrap:anywhere}.ref{font-size:.8rem;white-space:nowrap}
footer{margin-top:2rem;color:#666;font-size:.85rem}
@media print{body{max-width:none;margin:0}.finding{border-color:#999}
a{color:inherit;text-decoration:none}h2{break-after:avoid}}
"""

MARKS = {Outcome.HELD: "✔", Outcome.FAILED: "✘", Outcome.UNKNOWN: "?"}


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def render_html(report: Report, lang: str = "en", *,
                taxonomy: Taxonomy | None = None) -> str:
    """One report as a complete HTML document in one language."""
    return _document([report], lang, taxonomy)


def render_html_many(reports: Sequence[Report], lang: str = "en", *,
                     taxonomy: Taxonomy | None = None) -> str:
    """Several reports in one HTML document, one section each."""
    return _document(list(reports), lang, taxonomy)


def page(title: str, body: str, lang: str) -> str:
    """Wrap a body in the HTML skeleton with the inline style sheet."""
    return (f'<!DOCTYPE html>\n<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}"
            f"</body>\n</html>\n")


def _document(reports: list[Report], lang: str, taxonomy: Taxonomy | None) -> str:
    sections = "".join(_report(r, lang, taxonomy) for r in reports)
    first = reports[0] if reports else None
    title = LABELS["report"].get(lang)
    if first is not None and len(reports) == 1:
        title += f": {first.title or first.case_id or first.source or ''}"
    return page(title, sections, lang)


def _t(key: str, lang: str) -> str:
    return _e(LABELS[key].get(lang))


def _report(report: Report, lang: str, taxonomy: Taxonomy | None) -> str:
    name = report.title or report.case_id or report.source or ""
    anchor = f"case-{report.case_id or 'case'}"
    evidence = Evidence.of(report, lang)
    out = [f'<article class="report" id="{_e(anchor)}">',
           f"<h1>{_t('report', lang)}: {_e(name)}</h1>",
           f'<p class="meta">{_t("perspective", lang)}: {_e(perspective(report, lang))}'
           + (f" · {_t('source', lang)}: <code>{_e(report.source)}</code>" if report.source
              else "") + "</p>",
           f'<section class="summary"><h2>{_t("summary", lang)}</h2>'
           f"<p>{_e(report.summary.headline.get(lang))}</p>",
           f'<figure>{verdict_chart(report, lang)}<figcaption>{_t("verdict_counts", lang)}'
           f"</figcaption></figure></section>",
           f'<section class="findings"><h2>{_t("findings", lang)}</h2>']
    out.extend(_finding(f, report, evidence, anchor, lang, taxonomy) for f in report.findings)
    out.append("</section>")
    out.append(_phase(report, lang))
    out.append(_recommendation(report, lang, taxonomy, _ref(anchor, evidence.recommendation)))
    if report.perceptions:
        out.append(perception_section(report, lang, anchor))
    if report.questions:
        out.append(f'<section class="questions"><h2>{_t("questions", lang)}</h2><ul>')
        out.extend(f"<li>{_e(question_line(q, lang))}</li>" for q in report.questions)
        out.append("</ul></section>")
    if report.notes:
        out.append(f'<section class="notes"><h2>{_t("notes", lang)}</h2><ul>')
        out.extend(f"<li>{_e(n.text.get(lang))}</li>" for n in report.notes)
        out.append("</ul></section>")
    if report.problems:
        out.append(f'<section class="problems"><h2>{_t("problems", lang)}</h2><ul>')
        out.extend(f"<li>{_e(p.message.get(lang))}</li>" for p in report.problems)
        out.append("</ul></section>")
    out.append(_provenance(report, lang))
    out.append(_appendix(evidence, anchor, lang))
    out.append("</article>\n")
    return "\n".join(out)


def _phase(report: Report, lang: str) -> str:
    section = phase_section(report, lang)
    if section is None:
        return ""
    out = [f'<section class="phase"><h2>{_e(section.heading)}</h2><ul>']
    out += [f"<li><strong>{_e(who)}</strong>: {_e(action)}</li>" for who, action in section.now]
    out.append("</ul>" if section.now else f"</ul><p>{_e(NOTHING_NOW.get(lang))}</p>")
    if section.later_heading:
        out.append(f"<h3>{_e(section.later_heading)}</h3><ul>")
        out += [f"<li><strong>{_e(who)}</strong>: {_e(action)}</li>"
                for who, action in section.later]
        out.append("</ul>")
    out.append("</section>")
    return "".join(out)


def _ref(anchor: str, number: int | None) -> str:
    if not number:
        return ""
    return f' <a class="ref" href="#{_e(anchor)}-evidence-{number}">[{number}]</a>'


def _finding(finding: Finding, report: Report, evidence: Evidence, anchor: str, lang: str,
             taxonomy: Taxonomy | None) -> str:
    colour = COLOURS[finding.status]
    out = [f'<div class="finding status-{finding.status.value}" id="{_e(finding.code)}" '
           f'style="border-left-color:{colour}">',
           f"<h3>{_e(finding.code)} {_e(finding.title.get(lang))} "
           f'<span class="badge" style="background:{colour}">'
           f"{_e(finding.status.label.get(lang))}</span></h3>",
           f'<p class="meta">{_t("severity", lang)}: {_e(finding.severity.label.get(lang))}</p>',
           f"<p>{_e(finding.rationale.get(lang))}</p>"]
    if finding.conditions:
        out.append(f"<table><thead><tr><th></th><th>{_t('condition', lang)}</th>"
                   f"<th>{_t('facts', lang)}</th></tr></thead><tbody>")
        for index, c in enumerate(finding.conditions):
            words = (fact_words(c.facts, report, lang, taxonomy)
                     + signal_words(c.signals, lang, taxonomy))
            ref = _ref(anchor, evidence.condition(finding.code, index))
            out.append(f'<tr class="{c.outcome.value}"><td title="{_e(c.outcome.label.get(lang))}"'
                       f">{MARKS[c.outcome]}</td><td>{_e(c.text.get(lang))}</td>"
                       f"<td>{'<br>'.join(_e(w) for w in words)}{ref}</td></tr>")
        out.append("</tbody></table>")
    if finding.actions:
        out.append(f"<h4>{_t('actions', lang)}</h4><ul>")
        out.extend(f"<li>{_e(a.get(lang))}</li>" for a in finding.actions)
        out.append("</ul>")
    if finding.missing:
        named = ", ".join(field_words(m, report, lang) for m in finding.missing)
        out.append(f"<p>{_t('missing', lang)}: {_e(named)}"
                   f"{_ref(anchor, evidence.missing(finding.code))}</p>")
    if finding.waiver is not None:
        out.append(f"<p>{_t('waiver', lang)}: {_e(finding.waiver.describe(lang))}</p>")
    out.append("</div>")
    return "\n".join(out)


def _appendix(evidence: Evidence, anchor: str, lang: str) -> str:
    if not evidence.items:
        return ""
    out = [f'<section class="evidence"><h2>{_e(HEADING.get(lang))}</h2>'
           f"<p>{_e(INTRO.get(lang))}</p><ol>"]
    for item in evidence.items:
        owner = ", ".join(filter(None, (item.owner, item.about.get(lang) if item.about else "")))
        cited = "; ".join(f"<code>{_e(line)}</code>" for line in item.lines)
        out.append(f'<li id="{_e(anchor)}-evidence-{item.number}">{_e(owner)}: '
                   f"{cited or _t('none', lang)}</li>")
    out.append("</ol></section>")
    return "\n".join(out)


def _recommendation(report: Report, lang: str, taxonomy: Taxonomy | None, ref: str) -> str:
    rec = report.recommendation
    out = [f'<section class="recommendation"><h2>{_t("recommendation", lang)}</h2>']
    if rec is None:
        out.append(f"<p>{_t('no_recommendation', lang)}</p>")
    else:
        current = model_name(rec.current, lang, taxonomy) or LABELS["unknown"].get(lang)
        out.append(f"<p><strong>{_e(rec.name.get(lang))}</strong>{ref}"
                   f"</p><p>{_t('current', lang)}: {_e(current)}</p>"
                   f"<p>{_t('gap', lang)}: {_e(rec.gap.get(lang))}</p>")
        if rec.why:
            out.append("<ul>" + "".join(f"<li>{_e(w.get(lang))}</li>" for w in rec.why) + "</ul>")
        if rec.trust is not None:
            out.append(f"<p>{_t('trust_needed', lang)}: {_e(rec.trust.label.get(lang))}</p>")
        if rec.governance:
            out.append(f"<p>{_t('governance', lang)}: "
                       f"{_e(governance_words(rec.governance, lang))}</p>")
        if rec.path:
            out.append(f"<h4>{_t('path', lang)}</h4><ol>")
            out.extend(f"<li><strong>{_e(s.name.get(lang))}</strong> "
                       f"({_e(duration(s.months, lang))}): {_e(s.establishes.get(lang))}</li>"
                       for s in rec.path)
            out.append("</ol>")
        out.append(f"<p class=\"options-hint\">{_e(options_hint(report.source, lang))}</p>")
    if rec is not None:
        out.append(f'<figure>{model_chart(report, lang, taxonomy)}<figcaption>'
                   f'{_t("model_chart", lang)}</figcaption></figure>')
    out.append("</section>")
    return "\n".join(out)


def _provenance(report: Report, lang: str) -> str:
    prov = report.provenance
    plugins = ", ".join(f"{p.name} ({p.distribution} {p.version})" for p in prov.plugins)
    return (f'<footer class="provenance"><h2>{_t("provenance", lang)}</h2><table>'
            f"<tr><th>{_t('engine', lang)}</th><td>{_e(prov.engine)} "
            f"{_e(prov.engine_version)}</td></tr>"
            f"<tr><th>{_t('plugins', lang)}</th><td>{_e(plugins)}</td></tr>"
            f"<tr><th>{_t('principle_set', lang)}</th><td>"
            f"{_e(', '.join(prov.principle_set.codes))}<br><code>"
            f"{_e(prov.principle_set.digest)}</code></td></tr>"
            f"<tr><th>{_t('input_digest', lang)}</th><td><code>{_e(prov.input_digest)}</code>"
            f"</td></tr></table></footer>")

