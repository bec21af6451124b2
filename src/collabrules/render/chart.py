"""Inline SVG charts for the HTML report: verdicts per principle, and the model ladder.

The charts need no script and no network; colours come with a text label so that a
black-and-white print still reads.
"""

from __future__ import annotations

from html import escape

from ..model.models import Taxonomy
from ..model.report import Report
from ..model.verdict import STATUS_ORDER
from ..model.vocab import Status
from .labels import LABELS

COLOURS: dict[Status, str] = {
    Status.UPHELD: "#2e7d32",
    Status.AT_RISK: "#ef8f00",
    Status.VIOLATED: "#c62828",
    Status.NOT_APPLICABLE: "#9e9e9e",
    Status.UNDETERMINED: "#5c6bc0",
    Status.ERROR: "#6a1b9a",
}


def verdict_chart(report: Report, lang: str) -> str:
    """A bar per verdict (how many principles got it) and a strip of the principles."""
    counts = {status: report.summary.count(status) for status in STATUS_ORDER}
    biggest = max([*counts.values(), 1])
    row, left, bar_max = 26, 170, 300
    strip_cells = max(len(report.findings), 1)
    cell = 44
    strip_top = len(STATUS_ORDER) * row + 20
    height = strip_top + cell + 40
    width = max(left + bar_max + 60, 20 + strip_cells * (cell + 6))
    title = escape(LABELS["verdict_chart"].get(lang))
    parts = [f'<svg class="chart verdict-chart" role="img" aria-label="{title}" '
             f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}">', f"<title>{title}</title>"]
    for index, status in enumerate(STATUS_ORDER):
        y = index * row + 4
        length = round(bar_max * counts[status] / biggest)
        label = escape(status.label.get(lang))
        parts.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{label}</text>')
        parts.append(f'<rect class="bar status-{status.value}" x="{left}" y="{y}" '
                     f'width="{max(length, 1)}" height="{row - 8}" fill="{COLOURS[status]}"/>')
        parts.append(f'<text x="{left + length + 6}" y="{y + 15}">{counts[status]}</text>')
    for index, finding in enumerate(report.findings):
        x = 20 + index * (cell + 6)
        status = finding.status
        tip = escape(f"{finding.code} {finding.title.get(lang)}: {status.label.get(lang)}")
        parts.append(f'<g class="cell status-{status.value}"><title>{tip}</title>'
                     f'<rect x="{x}" y="{strip_top}" width="{cell}" height="{cell}" rx="4" '
                     f'fill="{COLOURS[status]}"/>'
                     f'<text x="{x + cell / 2:g}" y="{strip_top + cell / 2 + 5:g}" '
                     f'text-anchor="middle" fill="#fff">{escape(finding.code)}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def model_chart(report: Report, lang: str, taxonomy: Taxonomy | None = None) -> str:
    """The models from transactional to deeply collaborative, marking current and advised."""
    rec = report.recommendation
    current = rec.current if rec is not None else None
    recommended = rec.model if rec is not None else None
    ladder: list[tuple[str, str]] = []
    adversarial: list[tuple[str, str]] = []
    if taxonomy is not None:
        for model in sorted(taxonomy.models.values(), key=lambda m: (m.depth, m.id)):
            (adversarial if model.adversarial else ladder).append((model.id, model.name.get(lang)))
    known = {model_id for model_id, _ in ladder + adversarial}
    for extra in (current, recommended):
        if extra and extra not in known:
            ladder.append((extra, extra))
            known.add(extra)
    title = escape(LABELS["model_chart"].get(lang))
    step, left = 150, 40
    width = max(left * 2 + step * max(len(ladder) - 1, 1) + (170 if adversarial else 0), 420)
    height = 150
    parts = [f'<svg class="chart model-chart" role="img" aria-label="{title}" '
             f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}">', f"<title>{title}</title>"]
    offset = 170 if adversarial else 0
    axis_end = offset + left + step * max(len(ladder) - 1, 1)
    parts.append(f'<line x1="{offset + left}" y1="70" x2="{axis_end}" y2="70" '
                 f'stroke="#555" stroke-width="2"/>')
    parts.append(f'<text x="{offset + left}" y="140">'
                 f'{escape(LABELS["transactional_end"].get(lang))}</text>')
    parts.append(f'<text x="{axis_end}" y="140" text-anchor="end">'
                 f'{escape(LABELS["collaborative_end"].get(lang))}</text>')
    points = [(offset + left + i * step, model_id, name) for i, (model_id, name) in
              enumerate(ladder)]
    points += [(left + 40, model_id, name) for model_id, name in adversarial[:1]]
    if adversarial:
        parts.append(f'<text x="{left}" y="140">{escape(LABELS["adversarial"].get(lang))}</text>')
    for x, model_id, name in points:
        parts.append(f'<circle cx="{x}" cy="70" r="7" fill="#fff" stroke="#555"/>')
        parts.append(f'<text x="{x}" y="100" text-anchor="middle">{escape(name)}</text>')
        if model_id == current:
            parts.append(f'<g class="marker current"><circle cx="{x}" cy="70" r="12" fill="none" '
                         f'stroke="#1565c0" stroke-width="3"/><text x="{x}" y="40" '
                         f'text-anchor="middle" fill="#1565c0">'
                         f'{escape(LABELS["current"].get(lang))}</text></g>')
        if model_id == recommended:
            parts.append(f'<g class="marker recommended"><circle cx="{x}" cy="70" r="8" '
                         f'fill="#2e7d32"/><text x="{x}" y="22" text-anchor="middle" '
                         f'fill="#2e7d32">{escape(LABELS["recommended"].get(lang))}</text></g>')
    parts.append("</svg>")
    return "".join(parts)
