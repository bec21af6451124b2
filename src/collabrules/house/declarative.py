"""Declarative house principles: YAML/JSON files of texts and JMESPath conditions.

A file (validated by ``schemas/house-principles.schema.json``) becomes ordinary
:class:`~collabrules.Principle` objects whose ``assess`` evaluates the compiled
conditions, so they flow through the same registry, selection and report as Python
principles. Every expression is compiled when the file is loaded; a syntax error is an
:class:`~collabrules.model.errors.InputError` naming the file, the JSON path and the position.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..host.hookspecs import hookimpl
from ..host.registry import PrincipleRegistrar
from ..model.errors import InputError, Issue
from ..model.paths import within
from ..model.principle import Observation, Principle, summary
from ..model.records import shared_repr
from ..model.text import Text
from ..model.vocab import Severity, Status
from ..pipeline.assessment import Assessment
from ..pipeline.loading import read_document
from ..pipeline.structure import unstructure_case
from ..pipeline.validation import SchemaValidator, did_you_mean, line_of
from . import tracing
from .bounds import Budget
from .casepaths import impossible_fields
from .expressions import SIGNALS, Expression, ExpressionError, compile_expression, locate

SCHEMA = "house-principles"
_validator: SchemaValidator | None = None
_APPLIES = "applies"


@attrs.frozen
@shared_repr
class DeclaredCondition:
    """One compiled condition of a declarative principle."""

    id: str
    expression: Expression
    text: Text
    effect: Status = Status.AT_RISK
    action: Text | None = None
    where: Issue | None = attrs.field(default=None, eq=False, repr=False)
    """File, JSON path and line of the expression, for errors found after loading."""


def _text(data: Mapping[str, str]) -> Text:
    return Text(data["en"], data["nl"])


def _document(case: Any) -> tuple[dict[str, Any], dict[int, str]]:
    """The case as its JSON document with the JSON path of each of its objects and lists,
    remembered for the last case (one slot)."""
    global _last
    last = _last
    if last is not None and last[0] is case:
        return last[1], last[2]
    document = unstructure_case(case)
    where = tracing.locations(document)
    _last = (case, document, where)
    return document, where


_last: tuple[Any, dict[str, Any], dict[int, str]] | None = None


@attrs.frozen
@shared_repr
class DeclarativeLogic:
    """The ``assess`` of a declarative principle: evaluate its compiled conditions."""

    applies_when: DeclaredCondition | None
    conditions: tuple[DeclaredCondition, ...]
    recommendations: tuple[Text, ...] = ()

    def __call__(self, a: Assessment) -> None:
        document = _document(a.case)
        budget = Budget()  # shared by the conditions: bounds the cost of this principle
        if self.applies_when is not None:
            held, scope = self._evaluate(a, self.applies_when, document, budget)
            a.applies(self.applies_when.id, held[0], self.applies_when.text,
                      facts=_facts(a, self.applies_when, scope),
                      signals=self.applies_when.expression.signals,
                      decided_by=held[1])
            if held[0] is not True:
                return
        failed = False
        for condition in self.conditions:
            held, scope = self._evaluate(a, condition, document, budget)
            failed = failed or held[0] is False
            a.check(condition.id, held[0], condition.text, effect=condition.effect,
                    facts=_facts(a, condition, scope),
                    signals=condition.expression.signals,
                    action=condition.action, decided_by=held[1])
        if failed:
            for text in self.recommendations:
                a.recommend(text)

    @staticmethod
    def _evaluate(a: Assessment, condition: DeclaredCondition,
                  document: tuple[dict[str, Any], dict[int, str]], budget: Budget
                  ) -> tuple[tuple[bool | None, tuple[str, ...]], dict[str, Any]]:
        signals: dict[str, Any] = {}
        missing: list[str] = []
        for name in condition.expression.signals:
            value = a.signal(name)
            signals[name] = value.plain  # JMESPath reads plain data, not typed values
            if value.value is None:
                missing.extend(value.missing or (f"signals.{name}",))
        data, where = document
        scope = {**data, SIGNALS: signals}
        held, absent = condition.expression.evaluate(scope, budget, locate(scope, where))
        decided = tuple(dict.fromkeys(
            [p for p in absent if not p.startswith(f"$.{SIGNALS}.")] + missing))
        return (held, decided if held is None else ()), scope


def _facts(a: Assessment, condition: DeclaredCondition, scope: Mapping[str, Any]
           ) -> tuple[Any, ...]:
    return tuple(a.fact(path, value) for path, value in condition.expression.facts(scope))


def validator() -> SchemaValidator:
    """The shared validator of the house-principles schema."""
    global _validator
    if _validator is None:
        _validator = SchemaValidator(SCHEMA)
    return _validator


def load_principles(path: str | Path, *, source: str | None = None) -> tuple[Principle, ...]:
    """Read, validate and compile a declarative principles file (raises ``InputError``)."""
    document = read_document(path)
    issues = validator().issues(document.data, document.source, document.lines)
    if issues:
        raise InputError(issues)
    return principles_from_data(document.data, document.source, document.lines, source=source)


def principles_from_data(data: Mapping[str, Any], file: str,
                         lines: Mapping[str, int] | None = None, *,
                         source: str | None = None) -> tuple[Principle, ...]:
    """Build principles from an already validated declarative document."""
    issues: list[Issue] = []
    principles: list[Principle] = []
    origin = source or data.get("source") or f"house principles ({Path(file).name})"
    for index, item in enumerate(data["principles"]):
        where = f"$.principles[{index}]"
        applies = None
        if "applies_when" in item:
            applies = _condition(item["applies_when"], f"{where}.applies_when", file, lines,
                                 issues, default_id=_APPLIES)
        conditions = [_condition(c, f"{where}.conditions[{n}]", file, lines, issues)
                      for n, c in enumerate(item["conditions"])]
        if issues:
            continue
        logic = DeclarativeLogic(
            applies, tuple(c for c in conditions if c is not None),
            tuple(_text(t) for t in item.get("recommendations", ())))
        principles.append(Principle(
            code=item["code"], slug=item["slug"], theme=_text(item["theme"]),
            title=_text(item["title"]), observation=Observation(_text(item["observation"])),
            statement=_text(item["statement"]),
            checks=_text(item["checks"]) if "checks" in item else _checks(logic),
            assess=logic, source=str(origin),
            severity=Severity(item.get("severity", "medium")),
            replaces=item.get("replaces")))
    codes = [p.code for p in principles]
    for index, code in enumerate(codes):
        if code in codes[:index]:
            path = f"$.principles[{index}].code"
            issues.append(Issue(file=file, path=path, line=line_of(path, lines or {}),
                                message=Text("the code {code} appears twice in this file",
                                             "de code {code} komt twee keer voor in dit bestand"
                                             ).format(code=code),
                                hint=Text("give each principle its own code",
                                          "geef elk principe een eigen code")))
    if issues:
        raise InputError(issues)
    return tuple(principles)


def _checks(logic: DeclarativeLogic) -> Text:
    applies = () if logic.applies_when is None else (logic.applies_when.text,)
    return summary(applies, (c.text for c in logic.conditions))


def _condition(item: Mapping[str, Any], where: str, file: str, lines: Mapping[str, int] | None,
               issues: list[Issue], *, default_id: str | None = None
               ) -> DeclaredCondition | None:
    try:
        expression = compile_expression(item["expression"])
    except ExpressionError as exc:
        path = f"{where}.expression"
        issues.append(Issue(file=file, path=path, message=exc.text,
                            line=line_of(path, lines or {}),
                            hint=Text("see https://jmespath.org/specification.html",
                                      "zie https://jmespath.org/specification.html")))
        return None
    path = f"{where}.expression"
    for field in impossible_fields(expression.compiled.parsed):
        issues.append(Issue(file=file, path=path, line=line_of(path, lines or {}),
                            message=_IMPOSSIBLE.format(name=field.name, path=field.path),
                            hint=did_you_mean(field.name, list(field.allowed))
                            or _FIELDS_HINT.format(names=", ".join(field.allowed))))
    return DeclaredCondition(
        id=item.get("id", default_id or "condition"), expression=expression,
        text=_text(item["text"]), effect=Status(item.get("effect", "at_risk")),
        action=_text(item["action"]) if "action" in item else None,
        where=Issue(file=file, path=path, line=line_of(path, lines or {}), message=Text("", "")))


_IMPOSSIBLE = Text(
    "the case format has no field {name!r} (read as {path}), so no case can say it and the "
    "condition would always be undetermined",
    "het casusformaat heeft geen veld {name!r} (gelezen als {path}), dus geen casus kan het "
    "vermelden en de voorwaarde zou altijd onbepaald zijn")
_FIELDS_HINT = Text("the fields there are: {names}", "de velden daar zijn: {names}")
_UNKNOWN_SIGNAL = Text("no plugin provides the signal {name!r}",
                       "geen plugin levert het signaal {name!r}")
_SIGNALS_HINT = Text("the signals are: {names}", "de signalen zijn: {names}")


class HousePrinciples:
    """A plugin that registers the principles of declarative files.

    Built from paths (e.g. ``house-principles`` in ``collabrules.toml``) or from
    principles already loaded; files are read and compiled once, when it is built.
    """

    collabrules_distribution = "house principles (declarative files)"

    def __init__(self, paths: Iterable[str | Path] = (),
                 principles: Sequence[Principle] = ()) -> None:
        loaded = list(principles)
        issues: list[Issue] = []
        content = hashlib.sha256()
        for path in paths:
            try:
                loaded.extend(load_principles(path))
                content.update(Path(path).read_bytes())
            except InputError as error:
                issues.extend(error.issues)
        if issues:
            raise InputError(issues)
        self.principles = tuple(loaded)
        # The version is a digest of the files, so the principle-set digest (and with it
        # the charter's endorsement check) changes whenever a condition changes.
        self.collabrules_version = "sha256:" + content.hexdigest()[:16]

    def unknown_signals(self, known: Collection[str]) -> list[Issue]:
        """An issue for every condition that reads a signal not in ``known``."""
        issues: list[Issue] = []
        for principle in self.principles:
            logic = principle.assess
            if not isinstance(logic, DeclarativeLogic):
                continue
            for condition in (logic.applies_when, *logic.conditions):
                if condition is None or condition.where is None:
                    continue
                for name in condition.expression.signals:
                    if name not in known:
                        issues.append(attrs.evolve(condition.where, message=_UNKNOWN_SIGNAL.format(
                            name=name), hint=did_you_mean(name, sorted(known))
                            or _SIGNALS_HINT.format(names=", ".join(sorted(known)))))
        return issues

    @hookimpl
    def collabrules_add_principles(self, register: PrincipleRegistrar) -> None:
        """Register every declarative principle."""
        for principle in self.principles:
            register(principle)


@attrs.frozen
@shared_repr
class Probe:
    """One expression on one case (``collabrules eval``): the value JMESPath gives, the
    condition outcome (held, failed or unknown) and every field and signal it read."""

    value: Any
    held: bool | None
    reads: tuple[tracing.Read, ...]
    missing: tuple[str, ...]


def probe(source: str, case: Any, signals: Mapping[str, Any]) -> Probe:
    """Evaluate a condition as a declarative principle would (raises ``ExpressionError``,
    or ``KeyError`` naming a signal that ``signals`` does not define)."""
    from ..model.signals import SignalBook
    from .bounds import search
    expression = compile_expression(source)
    for name in expression.signals:
        if name not in signals:
            raise KeyError(name)
    book = SignalBook(case, signals)
    scope = {**unstructure_case(case),
             SIGNALS: {name: book[name].plain for name in expression.signals}}
    trace = expression.trace(scope)
    reads = {read.path: read for read in reversed(trace.reads)}  # once each, first kept
    paths = list(reads)
    leaves = [read for path, read in reads.items()  # not the objects passed on the way
              if not any(within(p, path) for p in paths if p != path)]
    return Probe(value=search(expression.compiled.parsed, scope, Budget()),
                 held=None if trace.value is tracing.UNKNOWN else bool(trace.value),
                 reads=tuple(reversed(leaves)), missing=trace.missing)
