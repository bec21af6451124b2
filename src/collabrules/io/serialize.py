"""Reports as JSON documents (the contract in ``schemas/report.schema.json``).

The output is deterministic: the same case and plugins give byte-identical JSON.
Indented JSON is written by orjson when it writes the same bytes as ``json.dumps`` would
(see :func:`dumps`), which is several times faster than the standard library's
pure-Python indenting encoder.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from operator import attrgetter
from typing import Any

import orjson

from ..model.finding import Finding, Possibility
from ..model.lifecycle import phase_plan
from ..model.models import ModelRecommendation, Stage
from ..model.perception_summary import perceptions_to_list
from ..model.report import REPORT_SCHEMA_VERSION, Provenance, Report
from ..model.text import Lang, Text


def _phase_plan(report: Report, lang: str) -> dict[str, Any] | None:
    plan = phase_plan(report.findings, report.phase)
    return plan.to_dict(lang) if plan else None


def report_to_dict(report: Report, lang: str = "en", *, run: str | None = None
                   ) -> dict[str, Any]:
    """The report as a JSON-ready mapping, its texts in one language.

    ``run`` is the digest of the run's provenance, written once in the portfolio's first
    line: the report then names it instead of repeating the provenance (only its input
    digest differs per case).
    """
    lang = Lang(lang).value
    data = _report_dict(report, lang, run)
    if report.perceptions:  # only with answers: reports of other cases stay as they were
        data["perceptions"] = perceptions_to_list(report.perceptions, lang)
    return data


def _report_dict(report: Report, lang: str, run: str | None) -> dict[str, Any]:
    summary = report.summary
    word: Callable[[Text], str] = attrgetter(lang)
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
        "findings": [_finding(f, lang, word) for f in report.findings],
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
        "provenance": provenance_to_dict(report.provenance) if run is None else {
            "run": run, "input_digest": report.provenance.input_digest},
    }


def provenance_to_dict(provenance: Provenance, *, input_digest: bool = True) -> dict[str, Any]:
    """A report's provenance as JSON (``input_digest=False``: the part a whole run shares)."""
    data = {
        "engine": provenance.engine,
        "engine_version": provenance.engine_version,
        "plugins": [{"name": p.name, "distribution": p.distribution, "version": p.version}
                    for p in provenance.plugins],
        "principle_set": {
            "codes": list(provenance.principle_set.codes),
            "digest": provenance.principle_set.digest,
            "endorsed": provenance.principle_set.endorsed,
        },
        "taxonomy": provenance.taxonomy,
    }
    if input_digest:
        data["input_digest"] = provenance.input_digest
    return data


# Hot per finding and condition: ``member._value_`` is what ``member.value`` returns,
# without the descriptor call; ``word(text)`` is ``text.get(lang)`` for a checked ``lang``
# (an attribute read in C), and the conditions are written inline (no call per condition).
def _finding(finding: Finding, lang: str, word: Callable[[Text], str]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": finding.code,
        "slug": finding.slug,
        "title": word(finding.title),
        "status": finding.status._value_,
        "severity": finding.severity._value_,
        "rationale": word(finding.rationale),
        "conditions": [{
            "id": c.id,
            "outcome": c.outcome._value_,
            "text": word(c.text),
            "effect": c.effect._value_,
            "applicability": c.applicability,
            "facts": [{"path": f.path, "value": f.value} for f in c.facts],
            "signals": [{"name": u.name, "value": u.value} for u in c.signals],
            "action": None if c.action is None else word(c.action),
            "decided_by": list(c.decided_by),
        } for c in finding.conditions],
        "actions": [word(a) for a in finding.actions],
        "missing": list(finding.missing),
        "settled_over": list(finding.settled_over),
        "possible": _possible(finding.possible),
    }
    if finding.waiver is not None:
        data["waiver"] = finding.waiver.to_json(lang)
    return data


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


def report_to_json(report: Report, lang: str = "en", *, indent: int | None = 2,
                   run: str | None = None) -> str:
    """The report as JSON text (UTF-8, keys in a fixed order, newline at the end).

    ``run``: see :func:`report_to_dict`.
    """
    return dumps(report_to_dict(report, lang, run=run), indent=indent) + "\n"


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=indent)``, byte for byte, faster.

    With ``indent=2`` orjson writes the same bytes as the standard library for plain JSON
    data whose floats print without an exponent; anything else (an exponent or non-finite
    float, an integer beyond 64 bits, a key that is not a string, a tuple, any other type)
    goes to ``json.dumps``. ``indent=None`` stays with the standard library's C encoder:
    its separators (``", "``, ``": "``) are not ones orjson writes. ``data`` is a tree
    (a report's mapping, made for writing): the encoder does not look for cycles, which
    saves about a tenth of its time (a cycle would end in ``RecursionError``).
    """
    if indent == 2 and _orjson_writes_alike(data):
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
        except orjson.JSONEncodeError:  # integers beyond 64 bits, keys that are not str
            pass
    return json.dumps(data, ensure_ascii=False, indent=indent, check_circular=False)


def dumps_line(data: Any) -> str:
    """``data`` as one line of JSON without spaces (``separators=(",", ":")``) and a newline."""
    if _orjson_writes_alike(data):
        try:
            return orjson.dumps(data, option=orjson.OPT_APPEND_NEWLINE).decode("utf-8")
        except orjson.JSONEncodeError:
            pass
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


# ``repr`` writes a float with an exponent outside [1e-4, 1e16), orjson in its own way.
_FIXED_LOW = 1e-4
_FIXED_HIGH = 1e16


def _orjson_writes_alike(data: Any) -> bool:
    """Whether ``data`` holds only values orjson writes as ``json.dumps`` does."""
    stack = [data]
    pop = stack.pop
    push = stack.extend
    while stack:
        value = pop()
        kind = type(value)
        if kind is str or value is None or kind is bool or kind is int:
            continue
        if kind is dict:
            push(value.values())
        elif kind is list:
            push(value)
        elif kind is float:
            if value != 0.0 and not _FIXED_LOW <= abs(value) < _FIXED_HIGH:
                return False  # also false for NaN and the infinities
        else:
            return False
    return True
