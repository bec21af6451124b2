"""The completion rule: a verdict is settled when every completion of the missing facts agrees.

A verdict that waits on missing facts names them. Those with a closed domain in the case
schema (a choice of named values, yes/no) can be filled in, one value at a time; a
completion that is itself still open names further facts, which are filled in turn
(within ``CAP`` completions in all). When every completion gives the same result, that
is the result, whatever the missing facts are. Otherwise the completions say what each
value would give.

Sound as long as each settled verdict holds for every completion of its case (the
property ``tests/principles/test_completion.py`` checks): the values of one field
partition the completions of a case, so a result shared by every branch holds for all
of them. See docs/decisions/0003-unknown-is-not-a-default.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any, Generic, Protocol, TypeVar

import attrs

from ..model.case import Case
from ..model.finding import Condition, Finding, Possibility
from ..model.models import ModelRecommendation, Taxonomy
from ..model.paths import steps
from ..model.records import shared_repr
from ..model.text import Text, join
from ..model.vocab import Outcome, Severity, Status
from .assessment import severity_for
from .questions import choices, condition, labels, resolve, value_label
from .questions import either as _either
from .schemas import load_schema
from .versions import admits

CAP = 256
"""The most completions tried for one verdict; beyond it the verdict stays open."""
DESCRIBE = 32
"""Once completions disagree, the most tried to say what each value gives; beyond it the
verdict names the facts it depends on."""
STUCK = 8
"""Once a completion stays open on facts that cannot be filled in (text, numbers, lists),
the verdict cannot settle: the most tried to say what the other values give."""

T = TypeVar("T")
Assignment = tuple[tuple[str, Any], ...]
Evaluate = Callable[[dict[str, Any], Assignment],
                    "tuple[str | None, tuple[str, ...], T] | None"]
"""Assess a completed case document (and the values filled in, a key for caching):
(result or None when still open, missing, detail); ``None`` when it is not a valid case."""

OPEN = "undetermined"
_IF = Text("{result} if {when}", "{result} als {when}")
_AND = Text(" and ", " en ")
_OR = Text("; or if ", "; of als ")
_IT = Text("it is {value}", "die {value} is")
MAX_SHOWN = 4
_SETTLED = Text("Settled whatever {fields} is. ", "Vastgesteld, wat {fields} ook is. ")
_SETTLED_MODEL = Text("This model fits whatever {fields} is.",
                      "Dit model past, wat {fields} ook is.")
_UNDECIDED = Text("still open", "nog open")
_DEPENDS_ON = Text("It depends on {fields}, among others.",
                   "Het hangt onder meer af van {fields}.")
_DEPENDS = Text("{results}, depending on {fields}", "{results}, afhankelijk van {fields}")
"""Combinations of values written out per result; the rest are counted."""


class _Exhausted(Exception):
    """A cap was reached: the exploration stops where it is."""


@attrs.frozen
@shared_repr
class Leaf(Generic[T]):
    """One completion explored to its end: the values filled in and what they give."""

    when: Assignment
    result: str | None
    detail: T


@attrs.frozen
@shared_repr
class Exploration(Generic[T]):
    """Every completion of a verdict's missing facts, explored within the cap."""

    leaves: tuple[Leaf[T], ...]
    exhausted: bool = False

    @property
    def settled(self) -> str | None:
        """The result every completion gives, or ``None`` when they differ or stay open."""
        results = {leaf.result for leaf in self.leaves}
        if self.exhausted or len(results) != 1:
            return None
        return results.pop()

    @property
    def paths(self) -> tuple[str, ...]:
        """The facts filled in, in the order they were first filled."""
        return tuple(dict.fromkeys(path for leaf in self.leaves for path, _ in leaf.when))

    def possible(self) -> tuple[Possibility, ...]:
        """Per result, the completions that lead to it (nothing when the cap was reached)."""
        if self.exhausted:
            return ()
        grouped: dict[str, list[Assignment]] = {}
        for leaf in self.leaves:
            grouped.setdefault(leaf.result or OPEN, []).append(leaf.when)
        return tuple(Possibility(result, tuple(when)) for result, when in grouped.items())


def explore(document: dict[str, Any], missing: Iterable[str], evaluate: Evaluate[T],
            cap: int = CAP) -> Exploration[T]:
    """Fill in the missing closed-domain facts of ``document`` until each completion settles."""
    leaves: list[Leaf[T]] = []
    results: set[str | None] = set()
    budget = [cap]
    declared = document.get("schema_version")

    def visit(doc: dict[str, Any], when: Assignment, missing: tuple[str, ...]) -> bool:
        """Explore the first missing fact (in one order) that some value fills in to a valid
        case; ``False`` when there is none, so the caller keeps this completion open."""
        filled = {path for path, _ in when}
        for path in sorted(missing):  # one order for every verdict: completions are shared
            values = None if path in filled else domain(doc, path)
            if values and fill_in(doc, when, path, values):
                return True
        return False

    def fill_in(doc: dict[str, Any], when: Assignment, path: str,
                values: tuple[Any, ...]) -> bool:
        # a field newer than the declared schema_version makes no valid case whatever its
        # value: such completions are not built, but count against the cap as before
        valid = not isinstance(declared, str) or admits(declared, path)
        explored = False
        for value in values:
            used = cap - budget[0]
            if budget[0] <= 0 or (used >= DESCRIBE and len(results) > 1) \
                    or (used >= STUCK and None in results):
                raise _Exhausted
            budget[0] -= 1
            if not valid:
                continue
            child = fill(doc, path, value)
            branch = (*when, (path, value))
            got = evaluate(child, branch)
            if got is None:  # not a valid case: no completion at all
                continue
            explored = True
            result, more, detail = got
            if result is None and visit(child, branch, more):
                continue
            leaves.append(Leaf(branch, result, detail))
            results.add(result)
        # no value of this fact makes a valid case: the completion is not dropped (that
        # could let the others agree wrongly); the next missing fact is tried instead
        return explored

    try:
        visit(document, (), tuple(missing))
    except _Exhausted:
        return Exploration(tuple(leaves), exhausted=True)
    return Exploration(tuple(leaves))


def domain(document: dict[str, Any], path: str) -> tuple[Any, ...] | None:
    """The values a missing fact can take, or ``None`` when it cannot be filled in.

    ``None`` for an open domain (text, numbers, lists), a fact that is present, a list
    item that does not exist, or an object on the way that needs other required fields.
    """
    values, way, last = _way(path)
    if values is None:
        return None
    node: Any = document
    for step, needs_more in way:
        if isinstance(step, int):
            if not isinstance(node, list) or step >= len(node):
                return None
            node = node[step]
            continue
        child = node.get(step) if isinstance(node, dict) else None
        if child is None and needs_more:
            return None  # cannot invent the other required fields of a new object
        node = child
    if isinstance(node, dict) and last in node:
        return None
    return values


@lru_cache(maxsize=4096)
def _way(path: str) -> tuple[tuple[Any, ...] | None, tuple[tuple[str | int, bool], ...],
                             str | int]:
    """A fact's values, and per step on the way to it whether the schema requires fields
    in the object there (read once per path, not per completion)."""
    values = choices(path)
    if values is None:
        return None, (), ""
    parts = steps(path)
    schema = load_schema("case")
    where: dict[str, Any] = schema
    way: list[tuple[str | int, bool]] = []
    for step in parts[:-1]:
        where = resolve(schema, where)
        if isinstance(step, int):
            where = where.get("items", {})
            way.append((step, False))
            continue
        where = where.get("properties", {}).get(step, {})
        way.append((step, bool(resolve(schema, where).get("required"))))
    return values, tuple(way), parts[-1]


def fill(document: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of ``document`` with one fact filled in; untouched parts are shared."""
    root = dict(document)
    node: Any = root
    parts = steps(path)
    for step in parts[:-1]:
        existing = node[step] if isinstance(step, int) else node.get(step)
        child: Any = list(existing) if isinstance(existing, list) \
            else {} if existing is None else dict(existing)
        node[step] = child
        node = child
    node[parts[-1]] = value
    return root


def describe(possible: tuple[Possibility, ...], name: Callable[[str], Text],
             case: Case | None = None) -> Text:
    """"Upheld if the delivery's complexity is low or medium; at risk if it is high".

    One fact that decides alone is written out per value; a few combinations are listed;
    more are summed up as the results and the facts they depend on.
    """
    decisive = _decisive(possible)
    if decisive is not None:
        parts: list[Text] = []
        for option in possible:
            values = list(dict.fromkeys(dict(when)[decisive] for when in option.when))
            when = condition(decisive, values, case) if not parts else _IT.format(
                value=_either([value_label(v) for v in values]))
            parts.append(_IF.format(result=name(option.result), when=when))
    elif sum(len(option.when) for option in possible) <= MAX_SHOWN:
        parts = [_IF.format(result=name(option.result), when=_joined(
            [_joined([condition(path, [value], case) for path, value in when], _AND)
             for when in option.when], _OR)) for option in possible]
    else:
        paths = tuple(dict.fromkeys(p for o in possible for when in o.when for p, _ in when))
        parts = [_DEPENDS.format(results=_either([name(o.result) for o in possible]),
                                 fields=labels(paths, case))]
    text = join(parts)
    return Text(text.en[:1].upper() + text.en[1:], text.nl[:1].upper() + text.nl[1:])


def _decisive(possible: tuple[Possibility, ...]) -> str | None:
    """A fact every completion fills in whose value alone decides the result, if any."""
    whens = [dict(when) for option in possible for when in option.when]
    for path in whens[0] if whens else ():
        if not all(path in when for when in whens):
            continue
        results: dict[Any, str] = {}
        if all(results.setdefault(dict(when)[path], option.result) == option.result
               for option in possible for when in option.when):
            return path
    return None


def _joined(parts: list[Text], sep: Text) -> Text:
    return Text(sep.en.join(p.en for p in parts), sep.nl.join(p.nl for p in parts))


class Concluded(Protocol):
    """What the completion rule reads of a completed case's verdict: a
    :class:`~collabrules.model.finding.Finding`, or a quiet assessment's
    :class:`~collabrules.pipeline.assessment.Verdict`."""

    @property
    def status(self) -> Status: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def rationale(self) -> Text: ...
    @property
    def actions(self) -> tuple[Text, ...]: ...
    @property
    def missing(self) -> tuple[str, ...]: ...
    @property
    def conditions(self) -> Sequence[Condition]: ...


def is_open(finding: Concluded) -> bool:
    """Whether a verdict still waits on missing facts.

    Undetermined, or at risk while a missing fact could still make it violated: an
    unknown condition whose failure violates, or a condition whose effect is not known.
    """
    if finding.status is Status.UNDETERMINED:
        return True
    return finding.status is Status.AT_RISK and any(
        (c.outcome is Outcome.UNKNOWN and c.effect is Status.VIOLATED) or c.effect_decided_by
        for c in finding.conditions if not c.applicability)


def _status_name(result: str) -> Text:
    return Status(result).label


def settle_finding(finding: Finding, found: Exploration[Concluded], case: Case) -> Finding:
    """The finding after the completion rule: settled, or open with what each value gives."""
    details = [leaf.detail for leaf in found.leaves]
    settled = found.settled
    if settled is not None:
        first = details[0]
        rationale = _SETTLED.format(fields=labels(found.paths, case))
        if all(d.rationale == first.rationale for d in details):
            rationale += first.rationale
        return attrs.evolve(
            finding, status=first.status, severity=first.severity, rationale=rationale,
            actions=tuple(a for a in first.actions if all(a in d.actions for d in details)),
            missing=(), settled_over=found.paths)
    possible = found.possible()
    rationale = finding.rationale
    told = _open_text(found, possible, _status_name, case)
    if told is not None:
        rationale += Text(". ", ". ") + told
    missing = _unique((*finding.missing, *found.paths,
                       *(p for d in details if is_open(d) for p in d.missing)))
    if finding.status is Status.AT_RISK:
        # A failed condition already puts it at risk: the completions only decide whether
        # it is worse, so it stays at risk (a lower bound) and says when it would be violated.
        return attrs.evolve(finding, rationale=rationale, missing=missing, possible=possible)
    return attrs.evolve(finding, status=Status.UNDETERMINED,
                        severity=severity_for(Status.UNDETERMINED, finding.severity),
                        rationale=rationale, missing=missing, possible=possible)


def settle_recommendation(rec: ModelRecommendation, found: Exploration[ModelRecommendation],
                          case: Case, taxonomy: Taxonomy) -> ModelRecommendation:
    """The recommendation after the completion rule: one model, or the models still possible."""
    details = [leaf.detail for leaf in found.leaves]
    facts = _unique((*rec.facts, *(f for d in details for f in d.facts)))
    if found.settled is not None:
        first = details[0]
        common = [w for w in first.why if all(w in d.why for d in details)]
        return attrs.evolve(first, why=(_SETTLED_MODEL.format(
            fields=labels(found.paths, case)), *common), facts=facts, missing=(),
                            settled_over=found.paths)
    possible = found.possible()

    def name(result: str) -> Text:
        model = taxonomy.get(result)
        return model.name if model is not None else _UNDECIDED

    told = _open_text(found, possible, name, case)
    why = rec.why if told is None else (*rec.why, told)
    missing = _unique((*rec.missing, *found.paths,
                       *(p for d in details if d.model is None for p in d.missing)))
    return attrs.evolve(rec, why=why, facts=facts, missing=missing, possible=possible)


def _open_text(found: Exploration[Any], possible: tuple[Possibility, ...],
               name: Callable[[str], Text], case: Case) -> Text | None:
    """What the completions say about an open verdict, if anything."""
    if len(possible) > 1:
        return describe(possible, name, case) + Text(".", ".")
    if found.exhausted and found.paths:
        return _DEPENDS_ON.format(fields=labels(found.paths, case))
    return None


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
