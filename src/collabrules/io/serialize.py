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
from ..model.models import ModelRecommendation
from ..model.perception_summary import perceptions_to_list
from ..model.report import REPORT_SCHEMA_VERSION, Provenance, Report
from ..model.text import Lang, Text


def _phase_plan(report: Report, lang: str) -> dict[str, Any] | None:
    plan = phase_plan(report.findings, report.phase, report.phase_tags)
    return plan.to_dict(lang) if plan else None


def report_to_dict(report: Report, lang: str = "en", *, run: str | None = None
                   ) -> dict[str, Any]:
    """The report as a JSON-ready mapping, its texts in one language.

    ``run`` is the digest of the run's provenance, written once in the portfolio's first
    line: the report then names it instead of repeating the provenance (only its input
    digest differs per case).
    """
    return _report_dict(report, Lang(lang).value, run, [])


def _report_dict(report: Report, lang: str, run: str | None, loose: list[Any]
                 ) -> dict[str, Any]:
    """:func:`report_to_dict`; the values a case or plugin chose (facts, signals,
    possibilities, months, waivers, perceptions) are added to ``loose``, the one part of
    the mapping :func:`report_to_json` checks before orjson writes it."""
    summary = report.summary
    word: Callable[[Text], str] = attrgetter(lang)
    rec = report.recommendation
    data = {
        "schema_version": REPORT_SCHEMA_VERSION,
        "lang": lang,
        "case": {
            "id": report.case_id,
            "title": report.title,
            "perspective": report.perspective,
            "source": report.source,
            "phase": None if report.phase is None else report.phase._value_,
            "assessed_on": report.assessed_on,
        },
        "summary": {
            "headline": word(summary.headline),
            "counts": {status._value_: n for status, n in summary.counts},
            "worst_severity": summary.worst._value_,
        },
        "findings": [_finding(f, lang, word, loose) for f in report.findings],
        "recommendation": None if rec is None else _recommendation(rec, word, loose),
        "phase_plan": _phase_plan(report, lang),
        "questions": [{"path": q.path, "question": word(q.text), "verdicts": list(q.verdicts)}
                      for q in report.questions],
        "notes": [{"id": n.id, "text": word(n.text)} for n in report.notes],
        "problems": [
            {
                "kind": p.kind._value_,
                "plugin": p.plugin,
                "origin": p.origin,
                "code": p.code,
                "message": word(p.message),
            }
            for p in report.problems
        ],
        "provenance": provenance_to_dict(report.provenance) if run is None else {
            "run": run, "input_digest": report.provenance.input_digest},
    }
    if report.perceptions:  # only with answers: reports of other cases stay as they were
        data["perceptions"] = perceptions = perceptions_to_list(report.perceptions, lang)
        loose.append(perceptions)
    return data


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
# (an attribute read in C); the conditions are written inline (no call per condition) and
# their values collected in C (``map``) for the check before orjson writes them.
def _finding(finding: Finding, lang: str, word: Callable[[Text], str], loose: list[Any]
             ) -> dict[str, Any]:
    add = loose.extend
    conditions = finding.conditions
    for c in conditions:
        add(map(_VALUE, c.facts))
        add(map(_VALUE, c.signals))
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
        } for c in conditions],
        "actions": list(map(word, finding.actions)),
        "missing": list(finding.missing),
        "settled_over": list(finding.settled_over),
        "possible": _possible(finding.possible, loose) if finding.possible else [],
    }
    if finding.waiver is not None:
        data["waiver"] = waiver = finding.waiver.to_json(lang)
        loose.append(waiver)
    return data


def _recommendation(rec: ModelRecommendation, word: Callable[[Text], str], loose: list[Any]
                    ) -> dict[str, Any]:
    path = rec.path
    loose.extend([s.months for s in path])
    return {
        "model": rec.model,
        "name": word(rec.name),
        "why": list(map(word, rec.why)),
        "current": rec.current,
        "gap": word(rec.gap),
        "trust": None if rec.trust is None else rec.trust._value_,
        "governance": list(rec.governance),
        "path": [{"name": word(s.name), "establishes": word(s.establishes), "months": s.months}
                 for s in path],
        "facts": list(rec.facts),
        "missing": list(rec.missing),
        "settled_over": list(rec.settled_over),
        "possible": _possible(rec.possible, loose) if rec.possible else [],
    }


def _possible(possible: tuple[Possibility, ...], loose: list[Any]) -> list[dict[str, Any]]:
    written = [{"result": p.result, "when": [dict(when) for when in p.when]} for p in possible]
    loose.append(written)
    return written


def report_to_json(report: Report, lang: str = "en", *, indent: int | None = 2,
                   run: str | None = None) -> str:
    """The report as JSON text (UTF-8, keys in a fixed order, newline at the end):
    indented by two spaces, or with ``indent=None`` one line without spaces (JSON Lines).

    ``run``: see :func:`report_to_dict`. The bytes are those of :func:`dumps`; only the
    values a case or plugin chose are checked for orjson (the rest of the mapping is made
    of strings, whole numbers, true/false, null, lists and dicts with text keys).
    """
    loose: list[Any] = []
    data = _report_dict(report, Lang(lang).value, run, loose)
    if indent is None or indent == 2:
        plain = _SCALARS.issuperset(map(type, loose)) or _orjson_writes_alike(loose)
        if plain:
            written = _orjson(data, _LINE if indent is None else _INDENTED)
            if written is not None:
                return written
    return _json_dumps(data, indent) + "\n"


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=indent)``, byte for byte, faster;
    ``indent=None`` is one line without spaces: ``separators=(",", ":")``.

    orjson writes the same bytes as the standard library for plain JSON data whose floats
    print without an exponent; anything else (an exponent or non-finite float, an integer
    beyond 64 bits, a key that is not a string, a tuple, any other type) goes to
    ``json.dumps``. ``data`` is a tree (a report's mapping, made for writing): the
    fallback does not look for cycles, which saves about a tenth of its time (a cycle
    would end in ``RecursionError``).
    """
    if (indent is None or indent == 2) and _orjson_writes_alike(data):
        written = _orjson(data, 0 if indent is None else orjson.OPT_INDENT_2)
        if written is not None:
            return written
    return _json_dumps(data, indent)


def dumps_line(data: Any) -> str:
    """``data`` as one line of JSON without spaces (``separators=(",", ":")``) and a newline."""
    return dumps(data, indent=None) + "\n"


_LINE = orjson.OPT_APPEND_NEWLINE
_INDENTED = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
_SCALARS = frozenset((str, int, bool, type(None)))
_VALUE = attrgetter("value")


def _orjson(data: Any, option: int) -> str | None:
    """orjson's text, or ``None`` where it refuses (integers beyond 64 bits, keys that are
    not text, lone surrogates)."""
    try:
        return orjson.dumps(data, option=option).decode("utf-8")
    except orjson.JSONEncodeError:
        return None


def _json_dumps(data: Any, indent: int | None) -> str:
    """The standard library's text: the reference the orjson path is held to."""
    if indent is None:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"),
                          check_circular=False)
    return json.dumps(data, ensure_ascii=False, indent=indent, check_circular=False)


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
