"""Compact results: per case the verdicts and their evidence, everything else once per run.

A compact portfolio is JSON Lines (``schemas/results.schema.json``). The first line is the
run's *catalogue*: provenance (without the input digest), the principles in use with their
texts, and a table of texts. Every further line is one case: its id, input digest, per
principle the status, severity and conditions (ids, outcomes, the facts and signals they
used), missing facts, questions and the recommended model. Texts are numbers into the
catalogue's table; a case line that uses a text no earlier line used defines it
(``texts``), so the table grows as the run goes, in the spirit of SARIF's
``tool.driver.rules`` + ``results``. Rationales and summaries the engine derives from the
conditions are left out and derived again.

:func:`expand` turns a case line back into the :class:`Report` it came from, equal to it
field by field, so every renderer gives exactly the full report.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from ..house.waivers import Waiver
from ..model.errors import InputError, Issue
from ..model.finding import Condition, Fact, Finding, Possibility, SignalUse
from ..model.models import ModelRecommendation, Stage
from ..model.perception_summary import PerceptionPair, ThemeViews
from ..model.perceptions import PerceptionGap
from ..model.principle import Principle
from ..model.problems import Problem, ProblemKind
from ..model.report import (
    Note,
    PartyName,
    PluginRecord,
    PrincipleSetRecord,
    Provenance,
    Question,
    Report,
    Summary,
)
from ..model.summary import summarise
from ..model.text import Text
from ..model.vocab import Level, Outcome, Phase, Role, Severity, Status
from ..pipeline.assessment import rationale_for
from ..pipeline.engine import Engine, digest_of
from .serialize import provenance_to_dict

RESULTS_SCHEMA_VERSION = "1.0"


def provenance_record(provenance: Provenance) -> dict[str, Any]:
    """The run's provenance as JSON, without the one field that differs per case."""
    return provenance_to_dict(provenance, input_digest=False)


def run_provenance(engine: Engine) -> Provenance:
    """The provenance every report of a run with this engine has (its input digest empty)."""
    from .._version import __version__
    from ..pipeline.engine import ENGINE_NAME

    return Provenance(
        engine=ENGINE_NAME, engine_version=__version__,
        plugins=tuple(PluginRecord(name=i.name, distribution=i.distribution, version=i.version)
                      for i in sorted(engine.plugins.values(), key=lambda i: i.name)),
        principle_set=engine.principle_set,
        taxonomy=engine.taxonomy.name if engine.taxonomy else engine.settings.taxonomy,
        input_digest="")


RunProvenance = tuple[Provenance, str]
"""A run's provenance (its input digest empty) and the digest its reports name it by."""


def run_line(engine: Engine) -> tuple[RunProvenance, str]:
    """The run's provenance with its digest, and the first line of a JSON portfolio: the
    run's catalogue, which holds that provenance once."""
    from .serialize import dumps

    catalogue = Catalogue.of(engine)
    return ((run_provenance(engine), catalogue.provenance_digest),
            dumps(catalogue.to_json(), indent=None) + "\n")


def run_named(report: Report, run: RunProvenance | None) -> str | None:
    """The run digest ``report`` can name instead of its provenance, or ``None`` (no run
    given, or a plugin changed this report's provenance: it is written whole)."""
    if run is None:
        return None
    provenance, digest = run
    return digest if attrs.evolve(report.provenance, input_digest="") == provenance else None


def provenance_digest(record: Mapping[str, Any]) -> str:
    """The digest a case line uses to name its run's provenance (RFC 8785, SHA-256)."""
    return digest_of(record)


def _provenance_from(record: Mapping[str, Any], input_digest: str) -> Provenance:
    principle_set = record["principle_set"]
    return Provenance(
        engine=record["engine"], engine_version=record["engine_version"],
        plugins=tuple(PluginRecord(**p) for p in record["plugins"]),
        principle_set=PrincipleSetRecord(codes=tuple(principle_set["codes"]),
                                         digest=principle_set["digest"],
                                         endorsed=principle_set["endorsed"]),
        taxonomy=record["taxonomy"], input_digest=input_digest)


class Catalogue:
    """What a compact run writes once: provenance, principles and the table of texts.

    A writer's catalogue grows as it encodes reports (:meth:`text` numbers a text on
    first use); a reader's grows as it reads case lines (:meth:`define`).
    """

    def __init__(self, provenance: Mapping[str, Any],
                 principles: Iterable[Mapping[str, Any]] = ()) -> None:
        self.provenance = dict(provenance)
        self.provenance_digest = provenance_digest(self.provenance)
        self.texts: list[Text | str] = []
        self._numbers: dict[Text | str, int] = {}
        self._new: dict[int, Text | str] = {}
        self.principles: dict[str, dict[str, Any]] = {}
        for principle in principles:
            entry = dict(principle)
            entry["title"] = self.text(_as_text(entry["title"]))
            self.principles[entry["code"]] = entry
        self._new.clear()

    @classmethod
    def of(cls, engine: Engine) -> Catalogue:
        """The catalogue of a run with this engine."""
        return cls(provenance_record(run_provenance(engine)),
                   [_principle_entry(a.principle, a.severity) for a in engine.active])

    def text(self, text: Text | str) -> int:
        """The number of a text (or a path) in the table (numbered now if it is new)."""
        number = self._numbers.get(text)
        if number is None:
            number = self._numbers[text] = len(self.texts)
            self.texts.append(text)
            self._new[number] = text
        return number

    def take_new(self) -> dict[str, Any]:
        """The texts numbered since the last call, to define in the next line."""
        new = {str(n): t if isinstance(t, str) else t.to_json() for n, t in self._new.items()}
        self._new.clear()
        return new

    def define(self, texts: Mapping[str, Mapping[str, str]], where: str = "<compact>") -> None:
        """Add the texts a case line defines (they must continue the table in order)."""
        for key, value in texts.items():
            if int(key) != len(self.texts):
                raise _bad(where, "$.texts", f"text {key} does not follow text "
                                             f"{len(self.texts) - 1}: lines are out of order "
                                             "or one is missing")
            text = value if isinstance(value, str) else _as_text(value)
            self._numbers.setdefault(text, len(self.texts))
            self.texts.append(text)

    def get(self, number: int) -> Text:
        """A text by its number."""
        text = self.texts[number]
        if isinstance(text, str):
            raise TypeError(f"entry {number} of the table is a path, not a text")
        return text

    def path(self, number: int) -> str:
        """A path (or other string) by its number."""
        path = self.texts[number]
        if not isinstance(path, str):
            raise TypeError(f"entry {number} of the table is a text, not a path")
        return path

    def paths(self, numbers: Iterable[int]) -> tuple[str, ...]:
        """Paths by their numbers."""
        return tuple(self.path(n) for n in numbers)

    def to_json(self) -> dict[str, Any]:
        """The catalogue record (the first line of a compact portfolio)."""
        principles = []
        for entry in self.principles.values():
            entry = dict(entry)
            entry["title"] = self.get(entry["title"]).to_json()
            principles.append(entry)
        return {"kind": "catalogue", "schema_version": RESULTS_SCHEMA_VERSION,
                "provenance": self.provenance, "provenance_digest": self.provenance_digest,
                "principles": principles}

    @classmethod
    def from_json(cls, record: Mapping[str, Any], where: str = "<compact>") -> Catalogue:
        """Read a catalogue record."""
        if record.get("kind") != "catalogue":
            raise _bad(where, "$.kind", "the first record of compact results is the run's "
                                        "catalogue (kind: catalogue)")
        return cls(record["provenance"], record["principles"])


def _principle_entry(principle: Principle, severity: Severity) -> dict[str, Any]:
    return {"code": principle.code, "slug": principle.slug, "title": principle.title,
            "severity": severity.value}


def _as_text(value: Any) -> Text:
    return value if isinstance(value, Text) else Text(value["en"], value["nl"])


# -- encoding ------------------------------------------------------------------------


class _Evidence:
    """One case's facts and signals, each (path or name, value) once; conditions use numbers."""

    __slots__ = ("_catalogue", "_seen", "rows")

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue
        self._seen: dict[str, list[tuple[Any, int]]] = {}
        self.rows: list[list[Any]] = []

    def number(self, key: str, value: Any) -> int:
        """The number of one (path or name, value) pair in this case's table."""
        seen = self._seen.setdefault(key, [])
        for known, number in seen:
            if known == value and type(known) is type(value):
                return number
        number = len(self.rows)
        self.rows.append([self._catalogue.text(key), value])
        seen.append((value, number))
        return number


def report_to_compact(report: Report, catalogue: Catalogue) -> dict[str, Any]:
    """One report as a compact case record; new texts go into ``catalogue`` (and ``texts``)."""
    t = catalogue.text
    line: dict[str, Any] = {"kind": "case", "id": report.case_id, "title": report.title,
                            "perspective": report.perspective, "source": report.source,
                            "input_digest": report.provenance.input_digest}
    if provenance_record(report.provenance) != catalogue.provenance:
        line["provenance"] = provenance_record(report.provenance)
    else:
        line["provenance_digest"] = catalogue.provenance_digest
    facts, signals = _Evidence(catalogue), _Evidence(catalogue)
    line["findings"] = [_finding(f, catalogue, facts, signals) for f in report.findings]
    line["facts"] = facts.rows
    line["signals"] = signals.rows
    rec = report.recommendation
    line["recommendation"] = None if rec is None else _recommendation(rec, t)
    if report.summary != summarise(report.findings, rec):
        line["summary"] = _summary(report.summary, t)
    line["questions"] = [[t(q.path), t(q.text), list(q.verdicts)] for q in report.questions]
    line["parties"] = [[p.id, p.name, None if p.role is None else p.role.value]
                       for p in report.parties]
    if report.notes:
        line["notes"] = [[n.id, t(n.text)] for n in report.notes]
    if report.problems:
        line["problems"] = [_problem(p, t) for p in report.problems]
    if report.phase is not None:
        line["phase"] = report.phase.value
    if report.assessed_on is not None:
        line["assessed_on"] = report.assessed_on
    if report.perceptions:
        line["perceptions"] = [_perception_pair(pair, t) for pair in report.perceptions]
    new = catalogue.take_new()
    if new:
        line["texts"] = new
    return line


def _perception_pair(pair: PerceptionPair, t: Any) -> dict[str, Any]:
    return {"us": pair.us, "them": pair.them, "respondents": [list(r) for r in pair.respondents],
            "themes": [[v.theme, t(v.title), v.us_about_us, v.us_about_them,
                        v.them_about_them, v.them_about_us] for v in pair.themes],
            "gaps": [[g.theme, g.party, g.seen_by, g.own_view, g.other_view, list(g.paths)]
                     for g in pair.gaps]}


def _expand_perception_pair(data: Mapping[str, Any], catalogue: Catalogue) -> PerceptionPair:
    return PerceptionPair(
        us=data["us"], them=data["them"],
        respondents=tuple((party, name, date) for party, name, date in data["respondents"]),
        themes=tuple(ThemeViews(theme=theme, title=catalogue.get(title), us_about_us=uu,
                                us_about_them=ut, them_about_them=tt, them_about_us=tu)
                     for theme, title, uu, ut, tt, tu in data["themes"]),
        gaps=tuple(PerceptionGap(theme=theme, party=party, seen_by=seen_by, own_view=own,
                                 other_view=other, paths=tuple(paths))
                   for theme, party, seen_by, own, other, paths in data["gaps"]))


def _summary(summary: Summary, t: Any) -> dict[str, Any]:
    return {"counts": [[s.value, n] for s, n in summary.counts],
            "worst": summary.worst.value, "headline": t(summary.headline)}


def _problem(problem: Problem, t: Any) -> list[Any]:
    return [problem.kind.value, problem.plugin, problem.origin, problem.code, problem.detail,
            None if problem.text is None else t(problem.text)]


def _finding(finding: Finding, catalogue: Catalogue, facts: _Evidence,
             signals: _Evidence) -> dict[str, Any]:
    t = catalogue.text
    data: dict[str, Any] = {
        "code": finding.code, "status": finding.status._value_,
        "severity": finding.severity._value_,
        "conditions": [_condition(c, t, facts, signals) for c in finding.conditions]}
    principle = catalogue.principles.get(finding.code)
    if principle is None or principle["slug"] != finding.slug:
        data["slug"] = finding.slug
    if principle is None or catalogue.get(principle["title"]) != finding.title:
        data["title"] = t(finding.title)
    if finding.rationale != rationale_for(finding.status, finding.conditions):
        data["rationale"] = t(finding.rationale)
    if finding.actions:
        data["actions"] = [t(a) for a in finding.actions]
    if finding.missing:
        data["missing"] = [t(p) for p in finding.missing]
    if finding.settled_over:
        data["settled_over"] = [t(p) for p in finding.settled_over]
    if finding.possible:
        data["possible"] = _possible(finding.possible, t)
    if finding.waiver is not None:
        data["waiver"] = _waiver(finding.waiver)
    return data


def _waiver(waiver: Any) -> dict[str, Any]:
    if not isinstance(waiver, Waiver):
        raise TypeError(f"compact results hold waivers of type Waiver, not "
                        f"{type(waiver).__name__}")
    return {"case": waiver.case, "code": waiver.code, "reason": waiver.reason,
            "owner": waiver.owner, "expires": waiver.expires.isoformat(),
            "active": waiver.active}


def _condition(condition: Condition, t: Any, facts: _Evidence,
               signals: _Evidence) -> list[Any]:
    """``[id, outcome, text, effect, applicability, facts, signals, action, decided_by,
    effect_decided_by]``, trailing defaults left out; facts and signals are numbers into
    the line's ``facts`` and ``signals``; ids, paths and texts numbers into the table."""
    row: list[Any] = [
        t(condition.id), condition.outcome._value_, t(condition.text),
        condition.effect._value_, 1 if condition.applicability else 0,
        [facts.number(f.path, f.value) for f in condition.facts],
        [signals.number(s.name, s.value) for s in condition.signals],
        None if condition.action is None else t(condition.action),
        [t(p) for p in condition.decided_by], [t(p) for p in condition.effect_decided_by],
    ]
    while len(row) > 3 and row[-1] in _DEFAULTS[len(row) - 1]:
        row.pop()
    return row


# The default of each condition column (index 3 on), as the values ``_condition`` writes.
_DEFAULTS: tuple[tuple[Any, ...], ...] = (
    (), (), (), ("at_risk",), (0,), ([],), ([],), (None,), ([],), ([],))


def _possible(possible: Sequence[Possibility], t: Any) -> list[Any]:
    return [[p.result, [[[t(path), value] for path, value in when] for when in p.when]]
            for p in possible]


def _recommendation(rec: ModelRecommendation, t: Any) -> dict[str, Any]:
    return {
        "model": rec.model, "name": t(rec.name), "why": [t(w) for w in rec.why],
        "current": rec.current, "gap": t(rec.gap),
        "path": [[t(s.name), t(s.establishes), s.months] for s in rec.path],
        "trust": None if rec.trust is None else rec.trust.value,
        "governance": list(rec.governance), "facts": [t(p) for p in rec.facts],
        "missing": [t(p) for p in rec.missing],
        "settled_over": [t(p) for p in rec.settled_over],
        "possible": _possible(rec.possible, t),
    }


# -- expanding -----------------------------------------------------------------------


def expand(line: Mapping[str, Any], catalogue: Catalogue, where: str = "<compact>") -> Report:
    """The full report a compact case record came from (its texts defined first)."""
    if line.get("kind") != "case":
        raise _bad(where, "$.kind", "expected a case record (kind: case)")
    catalogue.define(line.get("texts", {}), where)
    get = catalogue.get
    if "provenance" in line:
        provenance_json = line["provenance"]
    elif line.get("provenance_digest") == catalogue.provenance_digest:
        provenance_json = catalogue.provenance
    else:
        raise _bad(where, "$.provenance_digest",
                   "the line names a provenance other than its catalogue's: read it with "
                   "the catalogue of its own run")
    facts = [Fact(catalogue.path(p), value) for p, value in line["facts"]]
    signals = [SignalUse(catalogue.path(n), value) for n, value in line["signals"]]
    findings = tuple(_expand_finding(f, catalogue, facts, signals) for f in line["findings"])
    rec_json = line["recommendation"]
    rec = None if rec_json is None else _expand_recommendation(rec_json, catalogue)
    summary_json = line.get("summary")
    summary = summarise(findings, rec) if summary_json is None else Summary(
        counts=tuple((Status(s), n) for s, n in summary_json["counts"]),
        worst=Severity(summary_json["worst"]), headline=get(summary_json["headline"]))
    return Report(
        case_id=line["id"], title=line["title"], perspective=line["perspective"],
        findings=findings, summary=summary, recommendation=rec,
        provenance=_provenance_from(provenance_json, line["input_digest"]),
        problems=tuple(Problem(kind=ProblemKind(k), plugin=plugin, origin=origin, code=code,
                               detail=detail, text=None if text is None else get(text))
                       for k, plugin, origin, code, detail, text in line.get("problems", ())),
        notes=tuple(Note(id=i, text=get(n)) for i, n in line.get("notes", ())),
        source=line["source"],
        parties=tuple(PartyName(id=i, name=name, role=None if role is None else Role(role))
                      for i, name, role in line["parties"]),
        questions=tuple(Question(path=catalogue.path(path), text=get(text),
                                 verdicts=tuple(verdicts))
                        for path, text, verdicts in line["questions"]),
        perceptions=tuple(_expand_perception_pair(pair, catalogue)
                          for pair in line.get("perceptions", ())),
        phase=None if line.get("phase") is None else Phase(line["phase"]),
        assessed_on=line.get("assessed_on"),
    )


def _expand_finding(data: Mapping[str, Any], catalogue: Catalogue, facts: list[Fact],
                    signals: list[SignalUse]) -> Finding:
    get, paths = catalogue.get, catalogue.paths
    principle = catalogue.principles.get(data["code"], {})
    status = Status(data["status"])
    conditions = tuple(_expand_condition(row, catalogue, facts, signals)
                       for row in data["conditions"])
    waiver = data.get("waiver")
    return Finding(
        code=data["code"],
        slug=data["slug"] if "slug" in data else principle["slug"],
        title=get(data["title"] if "title" in data else principle["title"]),
        status=status, severity=Severity(data["severity"]),
        rationale=get(data["rationale"]) if "rationale" in data
        else rationale_for(status, conditions),
        conditions=conditions,
        actions=tuple(get(a) for a in data.get("actions", ())),
        missing=paths(data.get("missing", ())),
        waiver=None if waiver is None else Waiver(
            case=waiver["case"], code=waiver["code"], reason=waiver["reason"],
            owner=waiver["owner"], expires=dt.date.fromisoformat(waiver["expires"]),
            active=waiver["active"]),
        settled_over=paths(data.get("settled_over", ())),
        possible=_expand_possible(data.get("possible", ()), catalogue),
    )


def _expand_condition(row: Sequence[Any], catalogue: Catalogue, facts: list[Fact],
                      signals: list[SignalUse]) -> Condition:
    full = list(row) + [None] * (10 - len(row))
    ident, outcome, text, effect, applicability, used, signal_numbers, action, decided, \
        deciding = full
    return Condition(
        id=catalogue.path(ident), outcome=Outcome(outcome), text=catalogue.get(text),
        effect=Status(effect or "at_risk"), applicability=bool(applicability),
        facts=tuple(facts[n] for n in used or ()),
        signals=tuple(signals[n] for n in signal_numbers or ()),
        action=None if action is None else catalogue.get(action),
        decided_by=catalogue.paths(decided or ()),
        effect_decided_by=catalogue.paths(deciding or ()))


def _expand_possible(rows: Iterable[Sequence[Any]],
                     catalogue: Catalogue) -> tuple[Possibility, ...]:
    return tuple(Possibility(result, tuple(tuple((catalogue.path(p), value) for p, value in when)
                                           for when in whens))
                 for result, whens in rows)


def _expand_recommendation(data: Mapping[str, Any], catalogue: Catalogue
                           ) -> ModelRecommendation:
    get, paths = catalogue.get, catalogue.paths
    return ModelRecommendation(
        model=data["model"], name=get(data["name"]), why=tuple(get(w) for w in data["why"]),
        current=data["current"], gap=get(data["gap"]),
        path=tuple(Stage(name=get(n), establishes=get(e), months=m)
                   for n, e, m in data["path"]),
        trust=None if data["trust"] is None else Level(data["trust"]),
        governance=tuple(data["governance"]), facts=paths(data["facts"]),
        missing=paths(data["missing"]), settled_over=paths(data["settled_over"]),
        possible=_expand_possible(data["possible"], catalogue))


# -- whole runs ----------------------------------------------------------------------


class CompactWriter:
    """Writes a compact portfolio line by line: the catalogue first, then one line a case."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def header(self) -> str:
        """The catalogue line."""
        return _dumps(self.catalogue.to_json())

    def line(self, report: Report) -> str:
        """One case line (defining the texts it is the first to use)."""
        return _dumps(report_to_compact(report, self.catalogue))


def compact_document(report: Report, catalogue: Catalogue) -> dict[str, Any]:
    """One case as one document: ``{"catalogue": ..., "result": ...}``."""
    result = report_to_compact(report, catalogue)
    return {"catalogue": catalogue.to_json(), "result": result}


def read_compact(lines: Iterable[str], where: str = "<compact>") -> Iterator[Report]:
    """The full reports of a compact portfolio (or of one compact document)."""
    catalogue: Catalogue | None = None
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        at = f"{where}:{number}"
        try:
            record = json.loads(raw)
        except ValueError as exc:
            raise _bad(at, "$", f"not JSON: {exc}") from None
        if "catalogue" in record and "result" in record:
            yield expand(record["result"], Catalogue.from_json(record["catalogue"], at), at)
            continue
        if catalogue is None:
            catalogue = Catalogue.from_json(record, at)
            continue
        try:
            yield expand(record, catalogue, at)
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise _bad(at, "$", f"not a compact case record ({type(exc).__name__}: {exc})"
                       ) from None


def _dumps(data: Any) -> str:
    from .serialize import dumps_line

    return dumps_line(data)


def _bad(where: str, path: str, detail: str) -> InputError:
    file, _, line = where.rpartition(":")
    if not line.isdigit():
        file, line = where, ""
    return InputError([Issue(
        file=file, line=int(line) if line.isdigit() else None, path=path,
        message=Text("not valid compact results: {detail}",
                     "geen geldige compacte resultaten: {detail}").format(detail=detail),
        hint=Text("give the JSON Lines file `evaluate --compact` wrote, complete and in "
                  "order", "geef het JSON Lines-bestand dat `evaluate --compact` schreef, "
                  "volledig en op volgorde"))])
