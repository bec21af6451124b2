"""The engine: plugins in, reports out.

``Engine`` collects principles, signals and models from its plugins once; ``evaluate``
runs the pipeline for one case: validate -> structure -> signals (lazily, once) -> each
principle assesses -> findings -> recommendation -> report.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs
import orjson
import pluggy
import rfc8785

from .._version import __version__
from ..host.hookcalls import HookCall, hook_calls
from ..host.plugins import LoadedPlugins, load_plugins
from ..host.registry import Owned, resolve_named, resolve_principles
from ..model.case import Case
from ..model.errors import InputError
from ..model.finding import Finding
from ..model.lifecycle import PhaseTag, PhaseTags, add_tag
from ..model.models import CollaborationModel, ModelRecommendation, Taxonomy
from ..model.perception_summary import summarise_perceptions
from ..model.principle import Principle
from ..model.problems import Problem, ProblemKind
from ..model.questionnaire import (
    QUESTIONNAIRE_SIGNAL,
    Questionnaire,
    Statement,
    Theme,
    merge_statements,
    questionnaire_signal,
)
from ..model.records import shared_repr
from ..model.report import (
    PartyName,
    PluginRecord,
    PrincipleSetRecord,
    Provenance,
    Report,
)
from ..model.signals import Signal, SignalBook, SignalError
from ..model.summary import summarise
from ..model.text import Text
from ..model.topics import TopicAxis, TopicVocabulary
from ..model.vocab import Severity, Status
from .assessment import Assessment, QuietAssessment
from .completion import (
    Assignment,
    Concluded,
    explore,
    is_open,
    settle_finding,
    settle_recommendation,
)
from .loading import Document, read_document
from .plain import check_plain, is_simple, plain_copy
from .questions import to_ask
from .selection import is_selected
from .settings import Settings
from .signal_reuse import SignalReuse
from .structure import consistency_issues, structure_case, unstructure_case
from .topic_signal import TOPIC_SIGNAL, topic_signal
from .validation import SchemaValidator
from .verdict_reuse import VerdictReuse

ENGINE_NAME = "collabrules"

_FAILED = Text(
    "The principle could not be assessed: {error}. See the problems section.",
    "Het principe kon niet worden beoordeeld: {error}. Zie het onderdeel problemen.",
)

_validator: SchemaValidator | None = None
_Adjusted = TypeVar("_Adjusted", Finding, Report)


def case_validator() -> SchemaValidator:
    """The shared validator of the case schema (built on first use)."""
    global _validator
    if _validator is None:
        _validator = SchemaValidator("case")
    return _validator


def digest_of(data: Any) -> str:
    """``sha256:`` digest of the RFC 8785 (JSON Canonicalization Scheme) form of ``data``.

    Any JCS implementation recomputes it from the case. JSON numbers are doubles there, so
    ``36`` and ``36.0`` are the same value and digest alike (a case file and the same case
    after structuring give the same input digest).
    """
    # json.dumps writes the same bytes several times faster where _written_alike holds
    canonical = (_sorted_json(data) if _written_alike(data)
                 else rfc8785.dumps(_as_doubles(data)))
    return "sha256:" + hashlib.sha256(canonical).hexdigest()


def _sorted_json(data: Any) -> bytes:
    """``data`` as compact UTF-8 JSON with sorted keys: RFC 8785's bytes where
    :func:`_written_alike` holds."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


_SAFE_INTEGER = 2**53 - 1
_ASTRAL = "\U00010000"
_ASTRAL_UTF8 = re.compile(b"[\xf0-\xf4]")  # the lead bytes of characters beyond the BMP


def checked_digest(data: Any, source: str) -> str | None:
    """:func:`check_plain` and :func:`digest_of` of ``data`` in one walk, for data that
    :func:`is_simple` (``None`` for other data, which :func:`check_plain` has passed then).

    Raises :class:`InputError` as :func:`check_plain` does. The canonical text is written
    by orjson (the bytes of :func:`_sorted_json`), which refuses a lone surrogate; a
    character beyond the Basic Multilingual Plane (where a key's order could differ from
    RFC 8785's) sends the digest back to :func:`digest_of`.
    """
    if not is_simple(data):
        check_plain(data, source)
        return None
    digest = _simple_digest(data)
    if digest is None:
        check_plain(data, source)  # locates a lone surrogate, the one thing orjson refuses
    return digest


def _simple_digest(data: Any) -> str | None:
    """:func:`digest_of` of data that :func:`is_simple`; ``None`` when a text holds a lone
    surrogate or a character beyond the Basic Multilingual Plane."""
    try:
        # orjson writes simple data (no floats, keys text) as _sorted_json does, ten
        # times faster; it refuses a lone surrogate
        canonical = orjson.dumps(data, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        return None
    if _ASTRAL_UTF8.search(canonical):
        return None
    return "sha256:" + hashlib.sha256(canonical).hexdigest()


def plain_digest(data: Any) -> str:
    """:func:`digest_of` of data :func:`check_plain` has passed (a parsed document): written
    by orjson where the data :func:`is_simple`."""
    return (_simple_digest(data) if is_simple(data) else None) or digest_of(data)


def _written_alike(data: Any) -> bool:
    """Whether ``json.dumps(sort_keys=True)`` writes ``data`` byte for byte as RFC 8785 does.

    True without floats (their formats differ), with integers a double holds exactly, and
    with keys inside the Basic Multilingual Plane (there code-point order is UTF-16 order).
    String escapes agree. ``tests/core/test_digest.py`` holds both paths to ``rfc8785``.
    """
    if isinstance(data, dict):
        return all((not key or max(key) < _ASTRAL) and _written_alike(value)
                   for key, value in data.items())
    if isinstance(data, (list, tuple)):
        return all(_written_alike(value) for value in data)
    if isinstance(data, float):
        return False
    return not isinstance(data, int) or abs(data) <= _SAFE_INTEGER


def _as_doubles(data: Any) -> Any:
    """``data`` with integers beyond what a double holds exactly made doubles, as JCS reads them."""
    if isinstance(data, int) and not isinstance(data, bool) and abs(data) > _SAFE_INTEGER:
        return float(data)
    if isinstance(data, dict):
        return {key: _as_doubles(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [_as_doubles(value) for value in data]
    return data


@attrs.frozen(slots=False)
@shared_repr
class ActivePrinciple:
    """A principle in the engine's set, with the plugin that provided it."""

    principle: Principle
    plugin: str
    severity: Severity


class Engine:
    """Evaluates cases against the principle set its plugins provide.

    ``plugins`` are extra plugin objects (or ``(name, object)`` pairs) for this engine
    only; ``entry_points=False`` skips installed plugins, the standard ones included.
    An engine is immutable after construction and safe to share between threads.
    """

    def __init__(
        self,
        *,
        plugins: Iterable[object | tuple[str, object]] = (),
        entry_points: bool = True,
        settings: Settings | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self._loaded: LoadedPlugins = load_plugins(
            plugins=plugins, entry_points=entry_points, block=self.settings.block)
        self._problems: list[Problem] = list(self._loaded.problems)
        self._signals = self._collect_signals()
        self._signals[TOPIC_SIGNAL] = topic_signal(self._collect_topics())
        self._questionnaire = self._collect_perception_statements()
        self._phase_tags = self._collect_phase_tags()
        self._signals[QUESTIONNAIRE_SIGNAL] = questionnaire_signal(self._questionnaire)
        self._all_principles, self._principles = self._collect_principles()
        self._taxonomies = self._collect_models()
        self._taxonomy = self._choose_taxonomy()
        self._adjust_finding = hook_calls(self.plugin_manager, "collabrules_adjust_finding")
        self._adjust_report = hook_calls(self.plugin_manager, "collabrules_adjust_report")
        self._recommenders = hook_calls(self.plugin_manager, "collabrules_recommend_model")
        self._plugin_records = tuple(
            PluginRecord(name=i.name, distribution=i.distribution, version=i.version)
            for i in sorted(self._loaded.infos.values(), key=lambda i: i.name))
        self._principle_set = PrincipleSetRecord(
            codes=tuple(a.principle.code for a in self._principles),
            digest=self._principle_set_digest())
        self._reuse = SignalReuse(self._signals)
        # what the recommendation's verdict reuse reads the declarations of (every hook
        # implementation, wrappers too)
        self._recommend_functions = tuple(
            i.function for i in self.plugin_manager.hook.collabrules_recommend_model
            .get_hookimpls())

    # -- what the engine holds -------------------------------------------------------

    @property
    def plugin_manager(self) -> pluggy.PluginManager:
        """The underlying pluggy manager (for advanced use and tests)."""
        return self._loaded.manager

    @property
    def plugins(self) -> Mapping[str, Any]:
        """Loaded plugins by name, with distribution and version."""
        return dict(self._loaded.infos)

    @property
    def principles(self) -> tuple[Principle, ...]:
        """The principle set in use, sorted by code."""
        return tuple(a.principle for a in self._principles)

    @property
    def all_principles(self) -> tuple[ActivePrinciple, ...]:
        """Every registered principle, selected or not, with its plugin."""
        return self._all_principles

    @property
    def active(self) -> tuple[ActivePrinciple, ...]:
        """The principle set in use with plugin and effective severity."""
        return self._principles

    @property
    def signals(self) -> Mapping[str, Signal]:
        """Registered signals by name."""
        return self._signals

    @property
    def taxonomy(self) -> Taxonomy | None:
        """The collaboration-model taxonomy recommendations are chosen from."""
        return self._taxonomy

    @property
    def questionnaire(self) -> Questionnaire:
        """The perception questionnaire: the standard statements and those plugins add."""
        return self._questionnaire

    @property
    def phase_tags(self) -> PhaseTags:
        """The lifecycle phases of the actions plugins tagged (each report carries them)."""
        return self._phase_tags

    @property
    def taxonomies(self) -> Mapping[str, Taxonomy]:
        """Every taxonomy plugins contributed, by name."""
        return self._taxonomies

    @property
    def model_ids(self) -> frozenset[str]:
        """The id of every model any taxonomy holds (what a case may name as its model)."""
        return frozenset(m for t in self._taxonomies.values() for m in t.models)

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Problems found while loading plugins (each report repeats them)."""
        return tuple(self._problems)

    @property
    def principle_set(self) -> PrincipleSetRecord:
        """Codes and digest of the principle set in use."""
        return self._principle_set

    def principle(self, code: str) -> Principle:
        """A registered principle by code or slug (``KeyError`` if none)."""
        for active in self._all_principles:
            if code in (active.principle.code, active.principle.slug):
                return active.principle
        raise KeyError(code)

    def describe_plugin(self, name: str) -> str:
        """``distribution version, entry point`` of a plugin, for messages."""
        return self._loaded.describe(name)

    # -- the pipeline ----------------------------------------------------------------

    def load(self, path: str | Path) -> Case:
        """Read, validate and structure a case file (raises :class:`InputError`)."""
        document = read_document(path)
        return self.structure(document)

    def validate(self, document: Document) -> dict[str, Any]:
        """Validate a parsed document against the case schema; return it as a mapping."""
        issues = case_validator().issues(document.data, document.source, document.lines)
        issues += consistency_issues(document.data, document.source, document.lines,
                                     models=self.model_ids or None,
                                     statements=self._questionnaire.ids() or None)
        if issues:
            issues.sort(key=lambda i: (i.line or 0, i.path))
            raise InputError(issues)
        data: dict[str, Any] = document.data
        return data

    def structure(self, document: Document) -> Case:
        """Validate and structure a parsed document."""
        return structure_case(self.validate(document), document.source, checked=True)

    def evaluate(self, case: Case | Document | Mapping[str, Any] | str | Path) -> Report:
        """Evaluate one case: a :class:`Case`, a parsed document, a mapping or a file path.

        Any other value is validated as a case document (and so raises :class:`InputError`).
        """
        if isinstance(case, (str, Path)):
            case = read_document(case)
        digest = None
        if not isinstance(case, (Case, Document)):
            value: Any = case
            digest = checked_digest(value, "<case>")
            if digest is None:  # not what json.loads gives: mapping proxies, tuples ...
                value = plain_copy(value)
            case = Document(value, "<case>")
        if isinstance(case, Document):
            data = self.validate(case)
            return self.run(structure_case(data, case.source, checked=True),
                            digest or plain_digest(data), case.source, document=data)
        data = unstructure_case(case)
        # a Case built in Python gets the checks a file gets
        digest = checked_digest(data, "<case>")
        self.validate(Document(data, "<case>"))
        return self.run(case, digest or digest_of(data), None)

    def run(self, case: Case, input_digest: str, source: str | None = None, *,
            document: dict[str, Any] | None = None) -> Report:
        """Assess a structured case (the pipeline after validation).

        ``document`` is the validated document ``case`` was structured from, if any: the
        completion rule then builds completed cases from it and from ``case`` itself.
        """
        book = SignalBook(case, self._signals)
        problems: list[Problem] = list(self._problems)
        plain = _Plain(case, book, document)
        findings = [self._assess(active, case, book, problems, plain)
                    for active in self._principles]
        recommendation = self._recommend(case, book, problems, plain)
        report = Report(
            case_id=case.id,
            title=case.title,
            perspective=case.perspective,
            phase=case.relationship.phase if case.relationship else None,
            assessed_on=case.assessed_on,
            findings=tuple(findings),
            summary=summarise(findings, recommendation),
            recommendation=recommendation,
            provenance=Provenance(
                engine=ENGINE_NAME,
                engine_version=__version__,
                plugins=self._plugin_records,
                principle_set=self._principle_set,
                taxonomy=self._taxonomy.name if self._taxonomy else self.settings.taxonomy,
                input_digest=input_digest,
            ),
            perceptions=summarise_perceptions(case, self._questionnaire),
            phase_tags=self._phase_tags,
            problems=_sorted_problems(problems),
            source=source,
            parties=tuple(PartyName(id=p.id, name=p.name, role=p.role) for p in case.parties),
            questions=to_ask(findings, recommendation, case),
        )
        return self._finish_report(report, case, problems)

    def _assess(self, active: ActivePrinciple, case: Case, book: SignalBook,
                problems: list[Problem], plain: _Plain | None = None) -> Finding:
        principle = active.principle
        assessment = Assessment(case, book)
        timed = self.settings.principle_budget is not None
        # CPU time of this thread: a busy machine or the service's other threads do not
        # make a principle slow
        started = time.thread_time() if timed else 0.0
        try:
            returned: object = principle.assess(assessment)  # type: ignore[func-returns-value]
            if timed:
                self._check_budget(active, time.thread_time() - started, problems)
            if returned is not None:
                problems.append(self._type_problem(active.plugin, principle.code, returned,
                                                   "None"))
                return self._error_finding(active, f"assess returned {type(returned).__name__}")
            finding = assessment.finish(principle, active.severity)
            if plain is not None and self.settings.completions and is_open(finding):
                finding = self._complete(active, finding, plain)
        except Exception as exc:  # a failing principle must not stop the others
            detail = _describe_error(exc)
            problems.append(Problem(kind=ProblemKind.ASSESS_ERROR, plugin=active.plugin,
                                    origin=self.describe_plugin(active.plugin),
                                    code=principle.code, detail=detail))
            return self._error_finding(active, detail)
        return self._adjusted(self._adjust_finding, "collabrules_adjust_finding", finding,
                              problems, case=case, signals=book)

    # -- hooks called per case -------------------------------------------------------

    def _adjusted(self, calls: tuple[HookCall, ...], hook: str, value: _Adjusted,
                  problems: list[Problem], **kwargs: Any) -> _Adjusted:
        """``value`` passed through an adjusting hook, each implementation seeing the last result.

        The value goes to the argument the hook names after its last word (``finding``,
        ``report``); ``None`` keeps it; a raise or a wrong type is a problem, left out.
        """
        if not calls:  # the common case: no plugin adjusts
            return value
        key = hook.rsplit("_", 1)[1]
        for call in calls:
            try:
                results = call(**{key: value}, **kwargs)
            except Exception as exc:
                problems.append(self._hook_problem(call.culprit(exc), hook, exc))
                continue
            changed = (results[0] if results else None) if isinstance(results, list) else results
            if changed is None:
                continue
            if not isinstance(changed, type(value)):
                problems.append(self._type_problem(call.plugin, hook, changed,
                                                   type(value).__name__))
                continue
            value = changed
        return value

    def _finish_report(self, report: Report, case: Case, problems: list[Problem]) -> Report:
        """The finished report, adjusted by plugins; its summary and problems stay true.

        Plugins see the real summary and every problem so far; afterwards the summary is
        derived again from the findings (when a plugin gave another report: the report
        is frozen, so one no plugin replaced keeps its findings and summary), and no
        problem can be dropped by a plugin.
        """
        adjusted = self._adjusted(self._adjust_report, "collabrules_adjust_report", report,
                                  problems, case=case)
        summary = (report.summary if adjusted is report
                   else summarise(adjusted.findings, adjusted.recommendation))
        return attrs.evolve(adjusted, summary=summary,
                            problems=_sorted_problems([*adjusted.problems, *problems]))

    def _complete(self, active: ActivePrinciple, finding: Finding, plain: _Plain) -> Finding:
        """Apply the completion rule to an open finding (see ``completion``)."""
        reuse: VerdictReuse[Concluded] | None = VerdictReuse.of(active.principle.assess)

        def evaluate(document: dict[str, Any], when: Assignment
                     ) -> tuple[str | None, tuple[str, ...], Concluded] | None:
            completed = self._completed(document, when, plain)
            if completed is None:
                return None
            found = _concluded(active, *completed) if reuse is None else reuse.verdict(
                when, completed[1], lambda: _concluded(active, *completed))
            return (None if is_open(found) else found.status.value), found.missing, found

        explored = explore(plain.data, finding.missing, evaluate, self.settings.completions)
        return settle_finding(finding, explored, plain.case)

    def _completed(self, document: dict[str, Any], when: Assignment,
                   plain: _Plain) -> tuple[Case, SignalBook] | None:
        """The completed case and its signals, shared by every verdict that fills in the
        same values (principles often wait on the same facts)."""
        key = frozenset(when)
        if key in plain.completed:
            return plain.completed[key]
        # ``when[:-1]`` structured (or is the case itself): the version check walks only the
        # path of the last fact filled in (ADR 0019); a case that does not structure gets all
        base = plain.base(self._signals)
        filled = when[-1][0] if when and base is not None else None
        # and only the object holding it is structured again, the rest is the parent's, as
        # are the signals that do not read it
        parent: tuple[Case, SignalBook] | None = None
        if filled is not None:
            parent = plain.completed.get(frozenset(when[:-1])) if len(when) > 1 else base
        try:
            case = structure_case(document, filled=filled,
                                  parent=parent[0] if parent is not None else None)
        except InputError:  # the filled-in values make no valid case: not a completion
            found = None
        else:
            found = case, self._reuse.book(case, parent[1] if parent is not None else None,
                                           filled)
        plain.completed[key] = found
        return found

    def _check_budget(self, active: ActivePrinciple, seconds: float,
                      problems: list[Problem]) -> None:
        budget = self.settings.principle_budget
        if budget is not None and seconds > budget:
            problems.append(Problem.slow(active.plugin, self.describe_plugin(active.plugin),
                                         active.principle.code, seconds, budget))

    def _error_finding(self, active: ActivePrinciple, detail: str) -> Finding:
        principle = active.principle
        return Finding(code=principle.code, slug=principle.slug, title=principle.title,
                       status=Status.ERROR, severity=active.severity,
                       rationale=_FAILED.format(error=detail))

    def _recommend(self, case: Case, book: SignalBook, problems: list[Problem],
                   plain: _Plain) -> ModelRecommendation | None:
        taxonomy = self._taxonomy
        rec = self._recommend_once(case, book, problems)
        if rec is None or not rec.missing or not self.settings.completions or taxonomy is None:
            return rec

        reuse: VerdictReuse[ModelRecommendation | None] | None = VerdictReuse.of(
            *self._recommend_functions)

        def evaluate(document: dict[str, Any], when: Assignment
                     ) -> tuple[str | None, tuple[str, ...], ModelRecommendation] | None:
            completed = self._completed(document, when, plain)
            if completed is None:
                return None
            found = self._recommend_once(*completed, []) if reuse is None else reuse.verdict(
                when, completed[1], lambda: self._recommend_once(*completed, []))
            if found is None:
                return None
            return (None if found.missing else found.model), found.missing, found

        try:
            explored = explore(plain.data, rec.missing, evaluate, self.settings.completions)
        except Exception as exc:
            problems.append(self._hook_problem("engine", "collabrules_recommend_model", exc))
            return rec
        return settle_recommendation(rec, explored, case, taxonomy)

    def _recommend_once(self, case: Case, book: SignalBook,
                        problems: list[Problem]) -> ModelRecommendation | None:
        if self._taxonomy is None:
            return None
        for call in self._recommenders:
            try:
                result = call(case=case, signals=book, taxonomy=self._taxonomy)
            except Exception as exc:
                problems.append(self._hook_problem(call.culprit(exc),
                                                   "collabrules_recommend_model", exc))
                continue
            if result is None:
                continue
            if not isinstance(result, ModelRecommendation):
                problems.append(self._type_problem(call.plugin, "collabrules_recommend_model",
                                                   result, "ModelRecommendation"))
                continue
            return result
        return None

    # -- collecting at start-up ------------------------------------------------------

    def _each_impl(self, hook_name: str, current: list[str], **kwargs: Any) -> None:
        """Call every implementation of a registration hook on its own, through pluggy.

        ``current[0]`` names the plugin being called, so ``register`` knows the owner.
        """
        for call in hook_calls(self.plugin_manager, hook_name):
            current[0] = call.plugin
            try:
                call(**kwargs)
            except Exception as exc:
                self._problems.append(self._hook_problem(call.culprit(exc), hook_name, exc))

    def _collect_signals(self) -> dict[str, Signal]:
        entries: list[Owned] = []
        current = [""]

        def register(signal: Signal, *, replaces: bool = False) -> None:
            if not isinstance(signal, Signal):
                raise TypeError(f"register() expects a Signal, got {type(signal).__name__}")
            entries.append(Owned(signal, current[0], replaces))

        self._each_impl("collabrules_add_signals", current, register=register)
        chosen, problems = resolve_named("signal", entries, lambda s: s.name,  # type: ignore[attr-defined]
                                         self.describe_plugin)
        self._problems.extend(problems)
        return {name: owned.item for name, owned in chosen.items()}  # type: ignore[misc]

    def _collect_topics(self) -> TopicVocabulary:
        axes: list[TopicAxis] = []

        def register(axis: TopicAxis) -> None:
            if not isinstance(axis, TopicAxis):
                raise TypeError(f"register() expects a TopicAxis, got {type(axis).__name__}")
            TopicVocabulary.of([*axes, axis])  # a clash is this plugin's problem
            axes.append(axis)

        self._each_impl("collabrules_add_topics", [""], register=register)
        return TopicVocabulary.of(axes)

    def _collect_perception_statements(self) -> Questionnaire:
        entries: list[tuple[str, tuple[Theme, ...], tuple[Statement, ...]]] = []
        current = [""]

        def register(*, themes: Iterable[Theme] = (),
                     statements: Iterable[Statement] = ()) -> None:
            entries.append((current[0], tuple(themes), tuple(statements)))

        self._each_impl("collabrules_add_perception_statements", current, register=register)
        questionnaire, problems = merge_statements(entries)
        self._problems.extend(self._hook_problem(plugin, "collabrules_add_perception_statements",
                                                 exc) for plugin, exc in problems)
        return questionnaire

    def _collect_phase_tags(self) -> PhaseTags:
        tags: dict[str, PhaseTag] = {}

        def register(action: str, tag: PhaseTag) -> None:
            if not isinstance(tag, PhaseTag):
                raise TypeError(f"register() expects a PhaseTag, got {type(tag).__name__}")
            add_tag(tags, action, tag)  # a clash is this plugin's problem

        self._each_impl("collabrules_add_phase_tags", [""], register=register)
        return PhaseTags(tags)

    def _collect_principles(
        self,
    ) -> tuple[tuple[ActivePrinciple, ...], tuple[ActivePrinciple, ...]]:
        entries: list[tuple[Principle, str]] = []
        current = [""]

        def register(principle: Principle) -> None:
            if not isinstance(principle, Principle):
                raise TypeError(f"register() expects a Principle, got {type(principle).__name__}")
            entries.append((principle, current[0]))

        self._each_impl("collabrules_add_principles", current, register=register)
        chosen, problems = resolve_principles(entries, self.describe_plugin)
        self._problems.extend(problems)
        settings = self.settings
        every = tuple(
            ActivePrinciple(p, plugin, settings.severity_for(p.code, p.severity))
            for p, plugin in chosen.values())
        active = tuple(a for a in every
                       if is_selected(a.principle.code, settings.select, settings.ignore))
        return every, active

    def _collect_models(self) -> dict[str, Taxonomy]:
        entries: list[Owned] = []
        current = [""]

        def register(model: CollaborationModel, *, replaces: bool = False) -> None:
            if not isinstance(model, CollaborationModel):
                raise TypeError(
                    f"register() expects a CollaborationModel, got {type(model).__name__}")
            entries.append(Owned(model, current[0], replaces))

        self._each_impl("collabrules_add_models", current, register=register)
        chosen, problems = resolve_named(
            "model", entries, lambda m: f"{m.taxonomy}/{m.id}",  # type: ignore[attr-defined]
            self.describe_plugin)
        self._problems.extend(problems)
        grouped: dict[str, dict[str, CollaborationModel]] = {}
        for owned in chosen.values():
            model: CollaborationModel = owned.item  # type: ignore[assignment]
            grouped.setdefault(model.taxonomy, {})[model.id] = model
        return {name: Taxonomy(name, models) for name, models in sorted(grouped.items())}

    def _choose_taxonomy(self) -> Taxonomy | None:
        wanted = self.settings.taxonomy
        if wanted in self._taxonomies:
            return self._taxonomies[wanted]
        if self._taxonomies or wanted != "standard":
            self._problems.append(Problem(kind=ProblemKind.UNKNOWN_TAXONOMY, plugin="engine",
                                          detail=wanted))
        return None

    def _principle_set_digest(self) -> str:
        described = []
        for active in self._principles:
            info = self._loaded.infos.get(active.plugin)
            described.append({
                "code": active.principle.code,
                "slug": active.principle.slug,
                "statement": active.principle.statement.en,
                "severity": active.severity.value,
                "distribution": info.distribution if info else "?",
                "version": info.version if info else "?",
            })
        return digest_of(described)

    def _hook_problem(self, plugin: str, hook: str, exc: BaseException) -> Problem:
        return Problem(kind=ProblemKind.PLUGIN_HOOK, plugin=plugin,
                       origin=self.describe_plugin(plugin), code=hook,
                       detail=_describe_error(exc))

    def _type_problem(self, plugin: str, where: str, value: object, expected: str) -> Problem:
        return Problem(kind=ProblemKind.WRONG_TYPE, plugin=plugin,
                       origin=self.describe_plugin(plugin), code=where,
                       detail=f"expected {expected}, got {type(value).__name__}")


class _Plain:
    """A case and its plain document (only open verdicts need it): what completions are
    built from.

    A case structured from a validated document is built from that document, and its
    signals are the evaluation's own. A case given as such (a caller's ``Case``) is
    written out and structured again when first needed: it may hold values the
    structurer would convert.
    """

    __slots__ = ("_base", "_data", "case", "completed")

    def __init__(self, case: Case, book: SignalBook,
                 document: dict[str, Any] | None = None) -> None:
        self.case = case
        self._data = document
        self._base: tuple[Case, SignalBook] | bool | None = (
            (case, book) if document is not None else False)  # False: not tried yet
        self.completed: dict[frozenset[tuple[str, Any]], tuple[Case, SignalBook] | None] = {}

    @property
    def data(self) -> dict[str, Any]:
        """The case as a JSON document."""
        if self._data is None:
            self._data = unstructure_case(self.case)
        return self._data

    def base(self, signals: Mapping[str, Signal]) -> tuple[Case, SignalBook] | None:
        """The case completions are built from, structured from :attr:`data`, and its
        signals (which completions share where unchanged); ``None`` when the document
        does not structure (a case built in Python may not)."""
        if self._base is False:
            try:
                base = structure_case(self.data)
            except InputError:
                self._base = None
            else:
                self._base = base, SignalBook(base, signals)
        return self._base if isinstance(self._base, tuple) else None


def _concluded(active: ActivePrinciple, case: Case, book: SignalBook) -> Concluded:
    """A principle's verdict on a completed case, assessed quietly (no evidence kept)."""
    assessment = QuietAssessment(case, book)
    active.principle.assess(assessment)
    return assessment.verdict(active.principle, active.severity)


def _impl_order(impl: Any) -> tuple[int, str]:
    rank = 0 if impl.tryfirst else 2 if impl.trylast else 1
    return rank, impl.plugin_name


def _args(names: tuple[str, ...], **available: Any) -> dict[str, Any]:
    return {name: available[name] for name in names if name in available}


def _describe_error(exc: BaseException) -> str:
    if isinstance(exc, SignalError):
        if exc.cause is None:
            return f"it uses the signal {exc.name!r}, which no plugin registers"
        return f"signal {exc.name!r} failed: {type(exc.cause).__name__}: {exc.cause}"
    return f"{type(exc).__name__}: {exc}"


def _problem_key(problem: Problem) -> tuple[str, str, str, str]:
    return problem.kind.value, problem.plugin, problem.code or "", problem.detail


def _sorted_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(sorted(set(problems), key=_problem_key))
