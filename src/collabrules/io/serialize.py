"""Reports as JSON documents (the contract in ``schemas/report.schema.json``).

The output is deterministic: the same case and plugins give byte-identical JSON.
"""

from __future__ import annotations

import json
from typing import Any

from ..model.finding import Condition, Finding, Possibility
from ..model.lifecycle import phase_plan
from ..model.models import ModelRecommendation, Stage
from ..model.report import REPORT_SCHEMA_VERSION, Report
from ..model.text import Lang, Text


def _phase_plan(report: Report, lang: str) -> dict[str, Any] | None:
    plan = phase_plan(report.findings, report.phase)
    return plan.to_dict(lang) if plan else None


def report_to_dict(report: Report, lang: str = "en") -> dict[str, Any]:
    """The report as a JSON-ready mapping, its texts in one language."""
    lang = Lang(lang).value
    summary = report.summary
    return {
        "schema_version": REPORT_SCHEMA_VERSION,
        "lang": lang,
        "case": {
            "id": report.case_id,
            "title": report.title,
            "perspective": report.perspective,
            "source": report.source,
            "phase": report.phase.value if report.phase else None,
            "assessed_on": report.assessed_on,
        },
        "summary": {
            "headline": summary.headline.get(lang),
            "counts": {status.value: n for status, n in summary.counts},
            "worst_severity": summary.worst.value,
        },
        "findings": [_finding(f, lang) for f in report.findings],
        "recommendation": _recommendation(report.recommendation, lang),
        "phase_plan": _phase_plan(report, lang),
        "questions": [{"path": q.path, "question": q.text.get(lang), "verdicts": list(q.verdicts)}
                      for q in report.questions],
        "notes": [{"id": n.id, "text": n.text.get(lang)} for n in report.notes],
        "problems": [
            {
                "kind": p.kind.value,
                "plugin": p.plugin,
                "origin": p.origin,
                "code": p.code,
                "message": p.message.get(lang),
            }
            for p in report.problems
        ],
        "provenance": {
            "engine": report.provenance.engine,
            "engine_version": report.provenance.engine_version,
            "plugins": [
                {"name": p.name, "distribution": p.distribution, "version": p.version}
                for p in report.provenance.plugins
            ],
            "principle_set": {
                "codes": list(report.provenance.principle_set.codes),
                "digest": report.provenance.principle_set.digest,
                "endorsed": report.provenance.principle_set.endorsed,
            },
            "taxonomy": report.provenance.taxonomy,
            "input_digest": report.provenance.input_digest,
        },
    }


def _text(text: Text | None, lang: str) -> str | None:
    return None if text is None else text.get(lang)


# Hot per finding and condition: ``member._value_`` is what ``member.value`` returns,
# without the descriptor call.
def _finding(finding: Finding, lang: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": finding.code,
        "slug": finding.slug,
        "title": finding.title.get(lang),
        "status": finding.status._value_,
        "severity": finding.severity._value_,
        "rationale": finding.rationale.get(lang),
        "conditions": [_condition(c, lang) for c in finding.conditions],
        "actions": [a.get(lang) for a in finding.actions],
        "missing": list(finding.missing),
        "settled_over": list(finding.settled_over),
        "possible": _possible(finding.possible),
    }
    if finding.waiver is not None:
        data["waiver"] = finding.waiver.to_json(lang)
    return data


def _condition(condition: Condition, lang: str) -> dict[str, Any]:
    return {
        "id": condition.id,
        "outcome": condition.outcome._value_,
        "text": condition.text.get(lang),
        "effect": condition.effect._value_,
        "applicability": condition.applicability,
        "facts": [{"path": f.path, "value": f.value} for f in condition.facts],
        "signals": [{"name": s.name, "value": s.value} for s in condition.signals],
        "action": _text(condition.action, lang),
        "decided_by": list(condition.decided_by),
    }


def _stage(stage: Stage, lang: str) -> dict[str, Any]:
    return {"name": stage.name.get(lang), "establishes": stage.establishes.get(lang),
            "months": stage.months}


def _recommendation(rec: ModelRecommendation | None, lang: str) -> dict[str, Any] | None:
    if rec is None:
        return None
    return {
        "model": rec.model,
        "name": rec.name.get(lang),
        "why": [w.get(lang) for w in rec.why],
        "current": rec.current,
        "gap": rec.gap.get(lang),
        "trust": rec.trust.value if rec.trust else None,
        "governance": list(rec.governance),
        "path": [_stage(s, lang) for s in rec.path],
        "facts": list(rec.facts),
        "missing": list(rec.missing),
        "settled_over": list(rec.settled_over),
        "possible": _possible(rec.possible),
    }


def _possible(possible: tuple[Possibility, ...]) -> list[dict[str, Any]]:
    return [{"result": p.result, "when": [dict(when) for when in p.when]} for p in possible]


def report_to_json(report: Report, lang: str = "en", *, indent: int | None = 2) -> str:
    """The report as JSON text (UTF-8, keys in a fixed order, newline at the end)."""
    return json.dumps(report_to_dict(report, lang), ensure_ascii=False, indent=indent) + "\n"
