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
import math
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from enum import Enum
from functools import cache, lru_cache
from itertools import repeat
from typing import Any, NamedTuple

import attrs
import orjson

from ..house.waivers import Waiver
from ..model.errors import InputError, Issue
from ..model.finding import Condition, Fact, Finding, Possibility, SignalUse
from ..model.lifecycle import PhaseTags
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
from ..model.text import Formatted, Joined, Text, join, localisable, made_alike
from ..model.vocab import Level, Outcome, Phase, Role, Severity, Status
from ..pipeline.assessment import rationale_for
from ..pipeline.engine import Engine, digest_of
from .serialize import provenance_to_dict

RESULTS_SCHEMA_VERSION = "2.0"


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


class _Template(NamedTuple):
    """A table entry: a text with placeholders and, per parameter, its name and kind
    (``t`` a text, ``v`` a JSON value, ``l`` a list of strings and texts)."""

    text: Text
    params: tuple[tuple[str, str], ...]


class _Sep(NamedTuple):
    """A table entry: the separator of texts joined (``""`` for texts added together)."""

    sep: str


class _Piece(NamedTuple):
    """A table entry: a part of a result (a fact or signal value, a condition, a finding,
    a recommendation, a question, a perception pair) that lines refer to by number."""

    kind: str
    data: Any


_Entry = Text | str | _Template | _Sep | _Piece
PIECES = ("pair", "condition", "finding", "recommendation", "question", "perceptions")
"""The kinds of result parts the table holds."""


class Catalogue:
    """What a compact run writes once: provenance, principles and the table.

    The table holds texts, text templates, paths and the parts of results (see
    :data:`PIECES`), each once; lines refer to entries by number. A writer's catalogue
    grows as it encodes reports (an entry is numbered on first use); a reader's grows as
    it reads case lines (:meth:`define`).
    """

    def __init__(self, provenance: Mapping[str, Any],
                 principles: Iterable[Mapping[str, Any]] = ()) -> None:
        self.provenance = dict(provenance)
        self.provenance_digest = provenance_digest(self.provenance)
        self.texts: list[_Entry] = []
        self._numbers: dict[Any, int] = {}
        self._new: dict[int, _Entry] = {}
        self._read: dict[int, Any] = {}
        self._refs: dict[int, tuple[Text, int | tuple[Any, ...], bool]] = {}
        self._loose = False  # a reference made since the flag was reset has a loose value
        self._seen: dict[tuple[Any, ...], int] = {}
        self._rationales: dict[Any, Text] = {}
        self._summaries: dict[Any, tuple[Text | None, Summary]] = {}
        self._exact_types: set[type] = {str, int, bool, type(None)}
        self._finished: dict[tuple[str, str], int] = {}
        self._templates: dict[tuple[str, str, Any], int] = {}
        self._values: dict[int, tuple[Any, str, int]] = {}
        self.line_is_plain = False
        """Whether the last line :func:`report_to_compact` made was checked for
        :func:`_dumps` (its values and the entries it defines)."""
        self.plain_json = True
        """Whether the entries numbered since :meth:`take_new` hold only values orjson
        writes so that they read back equal (see :func:`_dumps`)."""
        self._own: Provenance | None = None
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

    def _number(self, key: Any, entry: _Entry) -> int:
        number = self._numbers.get(key)
        if number is None:
            number = self._numbers[key] = len(self.texts)
            self.texts.append(entry)
            self._new[number] = entry
        return number

    def text(self, text: Text | str | _Template | _Sep) -> int:
        """The number of a finished text, a path or a template (numbered now if new)."""
        return self._number(text, text)

    def ref(self, text: Text) -> int | tuple[Any, ...]:
        """How a line refers to a text: the number of a finished text, or for a text made
        by ``format``, ``+`` or ``join`` the number of its template or separator followed
        by its parameters or parts (so the strings made per case are never written)."""
        source = text.source
        if source is None:
            # by its strings (a finished text made again per case is the same entry), in C:
            # hashing a text hashes its strings, in Python
            strings = (text.en, text.nl)
            number = self._finished.get(strings)
            if number is None:
                number = self._finished[strings] = self._number(text, text)
            return number
        known = self._refs.get(id(text))
        if known is not None and known[0] is text:
            if known[2]:
                self._loose = True
            return known[1]
        loose, self._loose = self._loose, False
        made = self._made(text, source)
        self._refs[id(text)] = (text, made, self._loose)
        self._loose = self._loose or loose
        return made

    def new_line(self) -> None:
        """Forget the references of the last line's texts (kept only while it is encoded:
        a case shares texts between its conditions, rationales and actions)."""
        self._refs.clear()
        self._values.clear()

    def _made(self, text: Text, source: Formatted | Joined) -> int | tuple[Any, ...]:
        ref = self.ref
        if type(source) is Joined:
            sep = source.sep
            row: list[Any] = [self.text(_Sep(sep))]
            for part in source.parts:  # the parts, those joined with the same separator flat
                inner = part.source
                if type(inner) is Joined and inner.sep == sep and inner.parts:
                    row.extend(map(ref, _flat(inner)))
                else:
                    row.append(ref(part))
            return tuple(row)
        assert type(source) is Formatted
        template, params = source
        used, braces = _shape(template.en, template.nl)
        if not used and not braces:
            return ref(template)  # no placeholders: the template is the text
        kinds: list[tuple[str, str]] = []
        row = [0]
        for name, value in params:
            if name not in used:
                continue
            if type(value) is Text:  # the common kind, inline
                kinds.append((name, "t"))
                row.append(ref(value))
                continue
            param = _param(value, ref)
            if param is None:  # a value JSON cannot carry exactly: the finished text
                return self._number(text, text)
            written = type(param[1])
            if written is bool or written is float:
                self._loose = True  # equal to 1 (or 1.0) as a key, not as a text
            kinds.append((name, param[0]))
            row.append(param[1])
        row[0] = self._template(template, tuple(kinds))
        return tuple(row)

    def _template(self, template: Text, kinds: tuple[tuple[str, str], ...]) -> int:
        # by its strings, in C (most templates are written in a principle's body: a new
        # ``Text`` per case); hashing a text hashes its strings, in Python
        key = (template.en, template.nl, kinds)
        found = self._templates.get(key)
        if found is None:
            found = self._templates[key] = self.text(_Template(template, kinds))
        return found

    def _quick(self, key: tuple[Any, ...], encode: Callable[[], int], loose: bool = False
               ) -> int:
        """The number of a part whose ``key`` says exactly what it writes, found without
        encoding it again; ``encode`` numbers a part not seen yet. ``loose``: a value in the
        key may equal one of another type (``True == 1 == 1.0``, ``0.0 == -0.0``) that JSON
        writes otherwise, so the key's ``repr`` (which tells them apart) goes with it."""
        if loose:
            key = (key, repr(key))
        try:
            found = self._seen.get(key)
        except TypeError:  # an unhashable value (a list): the part's JSON decides
            return encode()
        if found is None:
            found = self._seen[key] = encode()
        return found

    def _exact(self, values: Iterable[Any]) -> bool:
        """Whether ``values`` are equal only to values that JSON writes alike: text, whole
        numbers, true/false, null and vocabulary members (not floats, not containers)."""
        types = set(map(type, values))
        if types <= self._exact_types:
            return True
        if not all(issubclass(t, Enum) for t in types - self._exact_types):
            return False
        self._exact_types |= types
        return True

    def condition(self, condition: Condition) -> int:
        """The number of a ``condition`` entry."""
        self._loose = False
        # finished texts by their strings, inline (most condition texts and actions are)
        finished = self._finished
        text: Any = condition.text
        text = (finished.get((text.en, text.nl)) if text.source is None else None
                ) or self.ref(text)
        action: Any = condition.action
        if action is not None:
            action = (finished.get((action.en, action.nl)) if action.source is None else None
                      ) or self.ref(action)
        facts, signals = condition.facts, condition.signals

        def encode() -> int:
            return self.intern("condition", _condition(
                condition, self, text, self._pairs(facts, _PATH), self._pairs(signals, _NAME),
                action))

        # The facts' and signals' values in one key, as the JSON orjson writes for them
        # (exact: 1, 1.0 and true differ), or as their repr where that JSON is not exact
        # (null where a value may be a float, which orjson writes so when non-finite) or
        # orjson refuses them. Outcome and effect by their values: a key's repr is short.
        values = [*map(_VALUE, facts), *map(_VALUE, signals)]
        try:
            written: bytes | str = orjson.dumps(values)
        except orjson.JSONEncodeError:
            written = repr(values)
        else:
            if b"null" in written and not _SCALARS.issuperset(map(type, values)):
                written = repr(values)
        return self._quick((
            "condition", condition.id, condition.outcome._value_, text,
            condition.effect._value_,
            condition.applicability, tuple(map(_PATH, facts)), tuple(map(_NAME, signals)),
            written, action, condition.decided_by, condition.effect_decided_by), encode,
            self._loose)

    def finding(self, finding: Finding) -> int:
        """The number of a ``finding`` entry (its conditions numbered first)."""
        conditions = tuple(map(self.condition, finding.conditions))
        self._loose = False
        principle = self.principles.get(finding.code)
        slug = None if principle is not None and principle["slug"] == finding.slug \
            else finding.slug
        title = None
        if principle is None or not made_alike(self.get(principle["title"]), finding.title):
            title = self.ref(finding.title)
        # Left out (derived again when expanded) when surely the derived one; comparing
        # strings would write every text of the case.
        rationale: Any = None
        if not made_alike(finding.rationale, self._derived(finding, conditions)):
            rationale = self.ref(finding.rationale)
        actions = tuple(map(self.ref, finding.actions))
        possible = finding.possible
        whens = tuple([p.when for p in possible]) if possible else ()

        def encode() -> int:
            return self.intern("finding", _finding(finding, self, conditions, slug, title,
                                                   rationale, actions))

        if finding.waiver is not None:
            return encode()
        return self._quick((
            "finding", finding.code, finding.status._value_, finding.severity._value_,
            conditions, slug, title,
            rationale, actions, finding.missing, finding.settled_over,
            tuple([p.result for p in possible]) if possible else (), whens), encode,
            self._loose or bool(
                possible and not self._exact(
                    [value for when in whens for chosen in when for _, value in chosen])))

    def _derived(self, finding: Finding, conditions: tuple[int, ...]) -> Text:
        """The rationale :func:`rationale_for` derives for a finding with these conditions
        (their numbers say what they hold exactly), made once per run."""
        key = (finding.status, conditions)
        known = self._rationales.get(key)
        if known is None:
            known = self._rationales[key] = rationale_for(finding.status, finding.conditions)
        return known

    def recommendation(self, rec: ModelRecommendation) -> int:
        """The number of a ``recommendation`` entry."""
        self._loose = False
        r = self.ref
        name, why, gap = r(rec.name), tuple(map(r, rec.why)), r(rec.gap)
        path = tuple([(r(stage.name), r(stage.establishes)) for stage in rec.path])
        possible = rec.possible
        whens = tuple(p.when for p in possible)

        def encode() -> int:
            return self.intern("recommendation", _recommendation(rec, self, name, why, gap,
                                                                 path))

        return self._quick((
            "recommendation", rec.model, name, why, rec.current, gap, path,
            repr([stage.months for stage in rec.path]), rec.trust, rec.governance, rec.facts,
            rec.missing, rec.settled_over, tuple(p.result for p in possible), whens), encode,
            self._loose or bool(possible and not self._exact(
                [value for when in whens for chosen in when for _, value in chosen])))

    def derived_summary(self, report: Report) -> bool:
        """Whether a report's summary is the one :func:`summarise` derives from its findings
        and recommendation (compared with one derived before for the same statuses,
        severities and model name, without writing texts; else derived again)."""
        rec = report.recommendation
        name = None if rec is None else rec.name
        key = (tuple(map(_VERDICT, report.findings)), id(name))
        known = self._summaries.get(key)
        if known is None or known[0] is not name:
            if len(self._summaries) >= _IDENTITY_LIMIT:
                self._summaries.clear()
            known = self._summaries[key] = (name, summarise(report.findings, rec))
        summary, derived = report.summary, known[1]
        if summary.counts == derived.counts and summary.worst is derived.worst and made_alike(
                summary.headline, derived.headline):
            return True
        return summary == summarise(report.findings, rec)

    def question(self, question: Question) -> int:
        """The number of a ``question`` entry."""
        self._loose = False
        text = self.ref(question.text)

        def encode() -> int:
            return self.intern("question", [self.text(question.path), text,
                                            list(question.verdicts)])

        return self._quick(("question", question.path, text, question.verdicts), encode,
                           self._loose)

    def perceptions(self, data: dict[str, Any]) -> int:
        """The number of a ``perceptions`` entry, found by the JSON orjson writes for it
        (exact where it holds no ``null``, which a non-finite float would also give; the
        entry is the writer's own lists of text, numbers and text references)."""
        try:
            written = orjson.dumps(data)
        except orjson.JSONEncodeError:
            written = b"null"
        if b"null" in written:
            return self.intern("perceptions", data)
        return self._quick(("perceptions", written),
                           lambda: self.intern("perceptions", data))

    def intern(self, kind: str, data: Any) -> int:
        """The number of one part of a result (numbered now if no line had it yet)."""
        key = (kind, repr(data))
        if self.plain_json and key not in self._numbers:
            # Values from the case or a plugin are in pairs, possibilities and perceptions;
            # conditions and questions hold numbers and references only.
            raw = data[1] if kind == "pair" else data if kind == "perceptions" else (
                data.get("possible"), data.get("waiver")) if type(data) is dict else None
            self.plain_json = _reads_back(raw)
        return self._number(key, _Piece(kind, data))

    def pair(self, key: str, value: Any) -> int:
        """The number of a ``pair`` entry: a fact's path or a signal's name with its value."""
        kind = type(value)
        if kind is str or kind is int or kind is bool or value is None:
            found = self._numbers.get(("pair", key, kind, value))
            if found is None:
                found = self._numbers[("pair", key, kind, value)] = self.intern(
                    "pair", [self.text(key), value])
            return found
        # A case cites one signal value in several conditions: its JSON is read once.
        known = self._values.get(id(value))
        if known is not None and known[0] is value and known[1] == key:
            return known[2]
        number = self.intern("pair", [self.text(key), value])
        self._values[id(value)] = (value, key, number)
        return number

    def _pairs(self, uses: tuple[Any, ...], key: Callable[[Any], str]) -> tuple[int, ...]:
        """The ``pair`` numbers of the facts or signals a condition used: looked up in one
        go where every value is text, a whole number, true/false or null and known."""
        if not uses:
            return ()
        values = list(map(_VALUE, uses))
        types = list(map(type, values))
        numbers: tuple[int | None, ...] = (None,)
        if _SCALARS.issuperset(types):  # signal values are often lists or mappings
            numbers = tuple(map(self._numbers.get, zip(
                repeat("pair"), map(key, uses), types, values)))
        if None in numbers:
            pair = self.pair
            return tuple([pair(k, v) for k, v in zip(map(key, uses), values)])
        return numbers  # type: ignore[return-value]

    def take_new(self) -> dict[str, Any]:
        """The entries numbered since the last call, to define in the next line."""
        new = {str(n): _entry_json(e) for n, e in self._new.items()}
        self._new.clear()
        self.plain_json = True
        return new

    def define(self, texts: Mapping[str, Any], where: str = "<compact>") -> None:
        """Add the entries a case line defines (they must continue the table in order)."""
        for key, value in texts.items():
            if int(key) != len(self.texts):
                raise _bad(where, "$.texts", f"text {key} does not follow text "
                                             f"{len(self.texts) - 1}: lines are out of order "
                                             "or one is missing")
            entry = _entry_of(value)
            if isinstance(entry, (Text, str)):
                self._numbers.setdefault(entry, len(self.texts))
            self.texts.append(entry)

    def get(self, number: int) -> Text:
        """A finished text by its number."""
        text = self.texts[number]
        if type(text) is not Text:
            raise TypeError(f"entry {number} of the table is not a text")
        return text

    def text_of(self, ref: int | Sequence[Any]) -> Text:
        """The text a line refers to (see :meth:`ref`)."""
        if isinstance(ref, int):
            return self.get(ref)
        head = self.texts[ref[0]]
        if type(head) is _Sep:
            return join([self.text_of(r) for r in ref[1:]], head.sep)
        if type(head) is not _Template:
            raise TypeError(f"entry {ref[0]} of the table is not a template")
        if len(head.params) != len(ref) - 1:
            raise ValueError(f"template {ref[0]} takes {len(head.params)} parameters")
        values: dict[str, Any] = {}
        for (name, kind), value in zip(head.params, ref[1:]):
            if kind == "t":
                values[name] = self.text_of(value)
            elif kind == "l":
                values[name] = [v if type(v) is str else self.text_of(v) for v in value]
            else:
                values[name] = value
        return head.text.format(**values)

    def path(self, number: int) -> str:
        """A path (or other string) by its number."""
        path = self.texts[number]
        if type(path) is not str:
            raise TypeError(f"entry {number} of the table is not a path")
        return path

    def paths(self, numbers: Iterable[int]) -> tuple[str, ...]:
        """Paths by their numbers."""
        return tuple(self.path(n) for n in numbers)

    def piece(self, number: int, kind: str, read: Callable[[Catalogue, Any], Any]) -> Any:
        """A part of a result by its number, read once (``read`` makes it from its JSON)."""
        known = self._read.get(number)
        if known is None:
            entry = self.texts[number]
            if type(entry) is not _Piece or entry.kind != kind:
                raise TypeError(f"entry {number} of the table is not a {kind}")
            known = self._read[number] = read(self, entry.data)
        return known

    def same_provenance(self, provenance: Provenance) -> bool:
        """Whether a report's provenance is the run's (its input digest aside)."""
        own = self._own
        if provenance is own or (own is not None and (
                provenance.plugins is own.plugins
                and provenance.principle_set is own.principle_set
                and provenance.engine == own.engine
                and provenance.engine_version == own.engine_version
                and provenance.taxonomy == own.taxonomy)):
            return True  # an engine's reports share its plugin and principle-set records
        if provenance_record(provenance) != self.provenance:
            return False
        self._own = provenance  # a run's reports share one provenance object per worker
        return True

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
        if record.get("schema_version") != RESULTS_SCHEMA_VERSION:
            raise _bad(where, "$.schema_version",
                       f"this collabrules reads compact results {RESULTS_SCHEMA_VERSION}, not "
                       f"{record.get('schema_version')}: evaluate the cases again")
        return cls(record["provenance"], record["principles"])


_BRACES = frozenset("{}")
_IDENTITY_LIMIT = 8192
_SCALARS = frozenset((str, int, bool, type(None)))
_VALUE = operator.attrgetter("value")
_PATH = operator.attrgetter("path")
_VERDICT = operator.attrgetter("status", "severity")
_NAME = operator.attrgetter("name")


@lru_cache(maxsize=4096)
def _shape(en: str, nl: str) -> tuple[frozenset[str], bool]:
    """A template's placeholders, and whether its strings hold braces: per pair of strings,
    as most templates are written in a principle's body (a new ``Text`` per case)."""
    return Text(en, nl).placeholders(), bool(_BRACES & set(en + nl))


def _flat(source: Joined) -> list[Text]:
    """The parts of joined texts, parts joined with the same separator spliced in (the
    same strings: joining is associative when no part is an empty join)."""
    parts: list[Text] = []
    for part in source.parts:
        inner = part.source
        if type(inner) is Joined and inner.sep == source.sep and inner.parts:
            parts.extend(_flat(inner))
        else:
            parts.append(part)
    return parts


def _param(value: Any, ref: Callable[[Text], Any]) -> tuple[str, Any] | None:
    """A format parameter as ``(kind, JSON)``, or ``None`` when JSON would not format the same."""
    kind = type(value)
    if kind is Text:
        return "t", ref(value)
    if kind is str or kind is int or kind is bool or value is None:
        return "v", value
    if kind is float:
        return ("v", value) if math.isfinite(value) else None
    if kind is list or kind is tuple:
        items: list[Any] = []
        for item in value:  # formatted as ``str`` of each item (a text per language)
            item = localisable(item)
            if type(item) is Text:
                items.append(ref(item))
            elif isinstance(item, (list, tuple, Text)):
                return None
            else:
                items.append(str(item.value if isinstance(item, Enum) else item))
        return "l", items
    if isinstance(value, Enum):
        return _param(value.value, ref)
    return None


def _entry_json(entry: _Entry) -> Any:
    kind = type(entry)
    if kind is str:
        return entry
    if kind is Text:
        return entry.to_json()  # type: ignore[union-attr]
    if kind is _Template:
        return {**entry.text.to_json(), "params": [list(p) for p in entry.params]}  # type: ignore[union-attr]
    if kind is _Sep:
        return {"sep": entry.sep}  # type: ignore[union-attr]
    assert isinstance(entry, _Piece)
    return {entry.kind: entry.data}


def _entry_of(value: Any) -> _Entry:
    if isinstance(value, str):
        return value
    if "params" in value:
        return _Template(_as_text(value), tuple((name, kind) for name, kind in value["params"]))
    if "en" in value:
        return _as_text(value)
    if "sep" in value:
        return _Sep(value["sep"])
    ((kind, data),) = value.items()
    if kind not in PIECES:
        raise ValueError(f"unknown kind of table entry: {kind}")
    return _Piece(kind, data)


def _principle_entry(principle: Principle, severity: Severity) -> dict[str, Any]:
    return {"code": principle.code, "slug": principle.slug, "title": principle.title,
            "severity": severity.value}


def _as_text(value: Any) -> Text:
    return value if isinstance(value, Text) else Text(value["en"], value["nl"])


# -- encoding ------------------------------------------------------------------------


def report_to_compact(report: Report, catalogue: Catalogue) -> dict[str, Any]:
    """One report as a compact case record; new entries go into ``catalogue`` (and
    ``texts``)."""
    r = catalogue.ref
    catalogue.new_line()
    line: dict[str, Any] = {"kind": "case", "id": report.case_id, "title": report.title,
                            "perspective": report.perspective, "source": report.source,
                            "input_digest": report.provenance.input_digest}
    if not catalogue.same_provenance(report.provenance):
        line["provenance"] = provenance_record(report.provenance)
    line["findings"] = list(map(catalogue.finding, report.findings))
    rec = report.recommendation
    line["recommendation"] = None if rec is None else catalogue.recommendation(rec)
    if not catalogue.derived_summary(report):
        line["summary"] = _summary(report.summary, r)
    line["questions"] = list(map(catalogue.question, report.questions))
    line["parties"] = [[p.id, p.name, None if p.role is None else p.role.value]
                       for p in report.parties]
    if report.notes:
        line["notes"] = [[n.id, r(n.text)] for n in report.notes]
    if report.problems:
        line["problems"] = [_problem(p, r) for p in report.problems]
    if report.phase is not None:
        line["phase"] = report.phase.value
    if report.assessed_on is not None:
        line["assessed_on"] = report.assessed_on
    if report.perceptions:
        line["perceptions"] = [catalogue.perceptions(_perception_pair(pair, r))
                               for pair in report.perceptions]
    catalogue.new_line()
    catalogue.line_is_plain = catalogue.plain_json and _reads_back(
        [v for k, v in line.items() if k not in _NUMBERED])
    new = catalogue.take_new()
    if new:
        line["texts"] = new
    return line


_NUMBERED = frozenset(("findings", "questions", "recommendation"))


def _perception_pair(pair: PerceptionPair, r: Any) -> dict[str, Any]:
    return {"us": pair.us, "them": pair.them, "respondents": [list(x) for x in pair.respondents],
            "themes": [[v.theme, r(v.title), v.us_about_us, v.us_about_them,
                        v.them_about_them, v.them_about_us] for v in pair.themes],
            "gaps": [[g.theme, g.party, g.seen_by, g.own_view, g.other_view, list(g.paths)]
                     for g in pair.gaps]}


def _read_perception_pair(catalogue: Catalogue, data: Mapping[str, Any]) -> PerceptionPair:
    return PerceptionPair(
        us=data["us"], them=data["them"],
        respondents=tuple((party, name, date) for party, name, date in data["respondents"]),
        themes=tuple(ThemeViews(theme=theme, title=catalogue.text_of(title), us_about_us=uu,
                                us_about_them=ut, them_about_them=tt, them_about_us=tu)
                     for theme, title, uu, ut, tt, tu in data["themes"]),
        gaps=tuple(PerceptionGap(theme=theme, party=party, seen_by=seen_by, own_view=own,
                                 other_view=other, paths=tuple(paths))
                   for theme, party, seen_by, own, other, paths in data["gaps"]))


def _summary(summary: Summary, r: Any) -> dict[str, Any]:
    return {"counts": [[s.value, n] for s, n in summary.counts],
            "worst": summary.worst.value, "headline": r(summary.headline)}


def _problem(problem: Problem, r: Any) -> list[Any]:
    return [problem.kind.value, problem.plugin, problem.origin, problem.code, problem.detail,
            None if problem.text is None else r(problem.text)]


def _finding(finding: Finding, catalogue: Catalogue, conditions: tuple[int, ...],
             slug: str | None, title: Any, rationale: Any, actions: tuple[Any, ...]
             ) -> dict[str, Any]:
    """A finding's entry, from the parts :meth:`Catalogue.finding` numbered (``None``: the
    catalogue's slug and title, the derived rationale)."""
    t = catalogue.text
    data: dict[str, Any] = {
        "code": finding.code, "status": finding.status._value_,
        "severity": finding.severity._value_, "conditions": list(conditions)}
    if slug is not None:
        data["slug"] = slug
    if title is not None:
        data["title"] = title
    if rationale is not None:
        data["rationale"] = rationale
    if actions:
        data["actions"] = list(actions)
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


def _condition(condition: Condition, catalogue: Catalogue, text: Any, facts: tuple[int, ...],
               signals: tuple[int, ...], action: Any) -> list[Any]:
    """``[id, outcome, text, effect, applicability, facts, signals, action, decided_by,
    effect_decided_by]``, trailing defaults left out; facts and signals are numbers of
    ``pair`` entries, ids and paths numbers into the table, texts references
    (:meth:`Catalogue.ref`; the caller numbers texts, facts and signals)."""
    t = catalogue.text
    row: list[Any] = [
        t(condition.id), condition.outcome._value_, text,
        condition.effect._value_, 1 if condition.applicability else 0,
        list(facts), list(signals), action, [t(p) for p in condition.decided_by],
        [t(p) for p in condition.effect_decided_by],
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


def _recommendation(rec: ModelRecommendation, catalogue: Catalogue, name: Any,
                    why: tuple[Any, ...], gap: Any, path: tuple[tuple[Any, Any], ...]
                    ) -> dict[str, Any]:
    """A recommendation's entry, from the references :meth:`Catalogue.recommendation`
    made (``path``: each stage's name and what it establishes)."""
    t = catalogue.text
    return {
        "model": rec.model, "name": name, "why": list(why), "current": rec.current,
        "gap": gap, "path": [[n, e, s.months] for (n, e), s in zip(path, rec.path)],
        "trust": None if rec.trust is None else rec.trust.value,
        "governance": list(rec.governance), "facts": [t(p) for p in rec.facts],
        "missing": [t(p) for p in rec.missing],
        "settled_over": [t(p) for p in rec.settled_over],
        "possible": _possible(rec.possible, t),
    }


# -- expanding -----------------------------------------------------------------------


def expand(line: Mapping[str, Any], catalogue: Catalogue, where: str = "<compact>", *,
           phase_tags: PhaseTags | None = None) -> Report:
    """The full report a compact case record came from (its entries defined first).

    Compact results do not hold the phase tags of the actions, from which the report's
    phase plan is derived: ``phase_tags`` are those of the engine that made the results
    (``engine.phase_tags``); by default those of an engine with the installed plugins.
    """
    if line.get("kind") != "case":
        raise _bad(where, "$.kind", "expected a case record (kind: case)")
    catalogue.define(line.get("texts", {}), where)
    text_of, piece = catalogue.text_of, catalogue.piece
    provenance_json = line.get("provenance", catalogue.provenance)
    findings = tuple(piece(n, "finding", _read_finding) for n in line["findings"])
    rec_number = line["recommendation"]
    rec = None if rec_number is None else piece(rec_number, "recommendation",
                                                _read_recommendation)
    summary_json = line.get("summary")
    summary = summarise(findings, rec) if summary_json is None else Summary(
        counts=tuple((Status(s), n) for s, n in summary_json["counts"]),
        worst=Severity(summary_json["worst"]), headline=text_of(summary_json["headline"]))
    return Report(
        case_id=line["id"], title=line["title"], perspective=line["perspective"],
        findings=findings, summary=summary, recommendation=rec,
        provenance=_provenance_from(provenance_json, line["input_digest"]),
        problems=tuple(Problem(kind=ProblemKind(k), plugin=plugin, origin=origin, code=code,
                               detail=detail, text=None if text is None else text_of(text))
                       for k, plugin, origin, code, detail, text in line.get("problems", ())),
        notes=tuple(Note(id=i, text=text_of(n)) for i, n in line.get("notes", ())),
        source=line["source"],
        parties=tuple(PartyName(id=i, name=name, role=None if role is None else Role(role))
                      for i, name, role in line["parties"]),
        questions=tuple(piece(n, "question", _read_question) for n in line["questions"]),
        perceptions=tuple(piece(n, "perceptions", _read_perception_pair)
                          for n in line.get("perceptions", ())),
        phase=None if line.get("phase") is None else Phase(line["phase"]),
        assessed_on=line.get("assessed_on"),
        phase_tags=_installed_tags() if phase_tags is None else phase_tags,
    )


@cache
def _installed_tags() -> PhaseTags:
    """The phase tags of an engine with the installed plugins (built once per process)."""
    return Engine().phase_tags


def _read_question(catalogue: Catalogue, data: Sequence[Any]) -> Question:
    path, text, verdicts = data
    return Question(path=catalogue.path(path), text=catalogue.text_of(text),
                    verdicts=tuple(verdicts))


def _read_pair(catalogue: Catalogue, data: Sequence[Any]) -> tuple[str, Any]:
    key, value = data
    return catalogue.path(key), value


def _read_finding(catalogue: Catalogue, data: Mapping[str, Any]) -> Finding:
    text_of, paths = catalogue.text_of, catalogue.paths
    principle = catalogue.principles.get(data["code"], {})
    status = Status(data["status"])
    conditions = tuple(catalogue.piece(n, "condition", _read_condition)
                       for n in data["conditions"])
    waiver = data.get("waiver")
    return Finding(
        code=data["code"],
        slug=data["slug"] if "slug" in data else principle["slug"],
        title=text_of(data["title"]) if "title" in data else catalogue.get(principle["title"]),
        status=status, severity=Severity(data["severity"]),
        rationale=text_of(data["rationale"]) if "rationale" in data
        else rationale_for(status, conditions),
        conditions=conditions,
        actions=tuple(text_of(a) for a in data.get("actions", ())),
        missing=paths(data.get("missing", ())),
        waiver=None if waiver is None else Waiver(
            case=waiver["case"], code=waiver["code"], reason=waiver["reason"],
            owner=waiver["owner"], expires=dt.date.fromisoformat(waiver["expires"]),
            active=waiver["active"]),
        settled_over=paths(data.get("settled_over", ())),
        possible=_read_possible(data.get("possible", ()), catalogue),
    )


def _read_condition(catalogue: Catalogue, row: Sequence[Any]) -> Condition:
    full = list(row) + [None] * (10 - len(row))
    ident, outcome, text, effect, applicability, used, signal_numbers, action, decided, \
        deciding = full
    pair = catalogue.piece
    return Condition(
        id=catalogue.path(ident), outcome=Outcome(outcome), text=catalogue.text_of(text),
        effect=Status(effect or "at_risk"), applicability=bool(applicability),
        facts=tuple(Fact(*pair(n, "pair", _read_pair)) for n in used or ()),
        signals=tuple(SignalUse(*pair(n, "pair", _read_pair)) for n in signal_numbers or ()),
        action=None if action is None else catalogue.text_of(action),
        decided_by=catalogue.paths(decided or ()),
        effect_decided_by=catalogue.paths(deciding or ()))


def _read_possible(rows: Iterable[Sequence[Any]],
                   catalogue: Catalogue) -> tuple[Possibility, ...]:
    return tuple(Possibility(result, tuple(tuple((catalogue.path(p), value) for p, value in when)
                                           for when in whens))
                 for result, whens in rows)


def _read_recommendation(catalogue: Catalogue, data: Mapping[str, Any]) -> ModelRecommendation:
    text_of, paths = catalogue.text_of, catalogue.paths
    return ModelRecommendation(
        model=data["model"], name=text_of(data["name"]),
        why=tuple(text_of(w) for w in data["why"]),
        current=data["current"], gap=text_of(data["gap"]),
        path=tuple(Stage(name=text_of(n), establishes=text_of(e), months=m)
                   for n, e, m in data["path"]),
        trust=None if data["trust"] is None else Level(data["trust"]),
        governance=tuple(data["governance"]), facts=paths(data["facts"]),
        missing=paths(data["missing"]), settled_over=paths(data["settled_over"]),
        possible=_read_possible(data["possible"], catalogue))


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
        line = report_to_compact(report, self.catalogue)
        return _dumps(line, checked=self.catalogue.line_is_plain)

    def document(self, report: Report) -> str:
        """One case as one document, ``{"catalogue", "result"}`` (see
        :func:`compact_document`), as a line."""
        return _dumps(compact_document(report, self.catalogue))


def compact_document(report: Report, catalogue: Catalogue) -> dict[str, Any]:
    """One case as one document: ``{"catalogue": ..., "result": ...}``."""
    result = report_to_compact(report, catalogue)
    return {"catalogue": catalogue.to_json(), "result": result}


def read_compact(lines: Iterable[str], where: str = "<compact>", *,
                 phase_tags: PhaseTags | None = None) -> Iterator[Report]:
    """The full reports of a compact portfolio (or of one compact document), their phase
    plans from ``phase_tags`` (see :func:`expand`)."""
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
            yield expand(record["result"], Catalogue.from_json(record["catalogue"], at), at,
                         phase_tags=phase_tags)
            continue
        if catalogue is None:
            catalogue = Catalogue.from_json(record, at)
            continue
        try:
            yield expand(record, catalogue, at, phase_tags=phase_tags)
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise _bad(at, "$", f"not a compact case record ({type(exc).__name__}: {exc})"
                       ) from None


def _dumps(data: Any, *, checked: bool = False) -> str:
    """``data`` as one line of JSON without spaces, and a newline.

    orjson writes a line when every value reads back as itself (text, whole numbers within
    64 bits, true/false, null, finite floats, lists, tuples, mappings with text keys):
    the reader compares values, not bytes. Anything else (a non-finite float, which orjson
    would write as ``null``, or an object) is the standard library's to write or refuse.
    ``checked``: the caller knows that already (:attr:`Catalogue.line_is_plain`).
    """
    if checked or _reads_back(data):
        try:
            return orjson.dumps(data, option=orjson.OPT_APPEND_NEWLINE).decode("utf-8")
        except orjson.JSONEncodeError:  # integers beyond 64 bits, lone surrogates
            pass
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _reads_back(data: Any) -> bool:
    """Whether orjson writes ``data`` as JSON that reads back equal (see :func:`_dumps`)."""
    stack = [data]
    pop, push = stack.pop, stack.extend
    while stack:
        value = pop()
        kind = type(value)
        if kind is int or kind is str or value is None or kind is bool:
            continue
        if kind is list or kind is tuple:
            push(value)
        elif kind is dict:
            if not all(type(key) is str for key in value):
                return False
            push(value.values())
        elif kind is not float or not math.isfinite(value):
            return False
    return True


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
