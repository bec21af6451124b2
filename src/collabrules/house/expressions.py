"""Conditions of declarative house principles: JMESPath expressions, compiled once.

An expression is evaluated against the case document (the validated JSON mapping) with a
``signals`` member added, so ``delivery.risk == 'high'`` or ``signals.goal_alignment``
read naturally. See docs/decisions/0004-expression-language.md for the choice of
JMESPath and the three-valued rule:

* a case field the expression reads that is missing or null (at the top of the case or
  inside a filter, projection, function or pipe) is *unknown*, and so is everything
  computed from it; ``&&``, ``||`` and ``!`` follow Kleene's logic
  (:mod:`collabrules.house.tracing`); a condition whose value is unknown is **unknown**;
* otherwise a result of ``true``/``false`` is held/failed, ``null`` is unknown, and any
  other value follows JMESPath truthiness (empty list, string or object is false).

So leaving a fact out of a case can only make a verdict undetermined, never worse.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import attrs
from jmespath import exceptions as jexceptions
from jmespath import functions as jfunctions
from jmespath.parser import ParsedResult, Parser

from ..model.records import shared_repr
from ..model.text import Text
from . import bounds, tracing

_FUNCTIONS = frozenset(jfunctions.Functions.FUNCTION_TABLE)
SIGNALS = "signals"


class ExpressionError(ValueError):
    """An expression does not compile; carries a bilingual message with the position."""

    def __init__(self, message: Text, position: int | None) -> None:
        super().__init__(message.en)
        self.text = message
        self.position = position


@attrs.frozen
@shared_repr
class Expression:
    """A compiled condition: its source, the root paths and signals it reads."""

    source: str
    compiled: ParsedResult = attrs.field(eq=False, repr=False)
    paths: tuple[tuple[str, ...], ...]
    signals: tuple[str, ...]

    def evaluate(self, scope: Mapping[str, Any], budget: bounds.Budget | None = None,
                 where: Mapping[int, str] | None = None
                 ) -> tuple[bool | None, tuple[str, ...]]:
        """Held (True), failed (False) or unknown (None), and the missing fields that decide.

        Evaluation is charged to ``budget`` (default: a fresh one of ``bounds.MAX_STEPS``);
        ``where`` is :func:`locate` of ``scope``, if known.
        """
        result = self.trace(scope, budget, where)
        if result.value is tracing.UNKNOWN:
            return None, result.missing
        return bool(result.value), ()

    def trace(self, scope: Mapping[str, Any], budget: bounds.Budget | None = None,
              where: Mapping[int, str] | None = None) -> tracing.Trace:
        """The condition's value (``True``, ``False`` or ``UNKNOWN``) and every field it read.

        ``where`` is :func:`locate` of ``scope`` (computed if not given).
        """
        return tracing.truth(self.compiled.parsed, scope, budget,
                             locate(scope) if where is None else where)

    def facts(self, scope: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
        """The case values this expression read, as ``(json path, value)`` pairs."""
        return tuple((json_path(p), _lookup(scope, p)) for p in self.paths
                     if p[0] != SIGNALS)


def locate(scope: Mapping[str, Any], document: Mapping[int, str] | None = None
           ) -> dict[int, str]:
    """The case objects and lists of ``scope`` by ``id``, with their JSON paths.

    ``document`` is :func:`collabrules.house.tracing.locations` of the case document the scope
    was made from, if known. Signal values are computed whole, so a key absent from one
    is plain ``null``; only ``signals.NAME`` itself can be missing.
    """
    if document is None:
        document = {}
        for key, value in scope.items():
            if key != SIGNALS:
                document.update(tracing.locations(value, f"$.{key}"))
    located = {**document, id(scope): "$"}
    signals = scope.get(SIGNALS)
    if isinstance(signals, Mapping):
        located[id(signals)] = f"$.{SIGNALS}"
    return located


def compile_expression(source: str) -> Expression:
    """Compile an expression, rejecting syntax errors, unknown functions and excess size.

    The limits on length, number of parts and nesting are in :mod:`collabrules.house.bounds`.
    """
    try:
        bounds.check_length(source)
        parsed = Parser().parse(source)
        bounds.check_shape(cast("dict[str, Any]", parsed.parsed))
    except bounds.ShapeError as exc:
        raise ExpressionError(Text("{problem}: {source}", "{problem}: {source}").format(
            problem=exc.text, source=_excerpt(source)), None) from None
    except RecursionError:
        raise ExpressionError(Text("{problem}: {source}", "{problem}: {source}").format(
            problem=bounds.too_deep().text, source=_excerpt(source)), None) from None
    except jexceptions.EmptyExpressionError:
        raise ExpressionError(Text("the expression is empty", "de expressie is leeg"),
                              None) from None
    except jexceptions.LexerError as exc:
        raise ExpressionError(_syntax(source, exc.lexer_position, str(exc.message)),
                              exc.lexer_position) from None
    except jexceptions.ParseError as exc:
        token = exc.token_value
        detail = "the expression ends too early" if token is None \
            else f"unexpected {token!r}"
        raise ExpressionError(_syntax(source, exc.lex_position, detail),
                              exc.lex_position) from None
    ast = cast("dict[str, Any]", parsed.parsed)
    unknown = sorted(_function_names(ast) - _FUNCTIONS)
    if unknown:
        raise ExpressionError(Text(
            "unknown function {name}() in {source!r}; JMESPath functions are: {known}",
            "onbekende functie {name}() in {source!r}; JMESPath-functies zijn: {known}",
        ).format(name=unknown[0], source=source, known=", ".join(sorted(_FUNCTIONS))), None)
    paths = tuple(dict.fromkeys(_root_paths(ast)))
    signals = tuple(dict.fromkeys(p[1] for p in paths if p[0] == SIGNALS and len(p) > 1))
    if any(p == (SIGNALS,) for p in paths):
        raise ExpressionError(Text(
            "{source!r} reads 'signals' as a whole; name one signal, as in signals.goal_alignment",
            "{source!r} leest 'signals' in zijn geheel; noem één signaal, zoals "
            "signals.goal_alignment").format(source=source), None)
    return Expression(source, parsed, paths, signals)


def json_path(path: tuple[str, ...]) -> str:
    """``("delivery", "risk")`` as ``$.delivery.risk``."""
    return "$" + "".join(f".{p}" for p in path)


def _excerpt(source: str, width: int = 60) -> str:
    """The start of a long expression, for a message."""
    return repr(source if len(source) <= width else source[:width] + "...")


def _syntax(source: str, position: int | None, detail: str) -> Text:
    at = 0 if position is None else position
    pointer = f"{source}\n{' ' * at}^"
    return Text(
        "invalid expression at character {at}: {detail}\n{pointer}",
        "ongeldige expressie bij teken {at}: {detail}\n{pointer}",
    ).format(at=at + 1, detail=detail, pointer=pointer)


def _lookup(scope: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = scope
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def _function_names(node: dict[str, Any]) -> set[str]:
    names = {node["value"]} if node.get("type") == "function_expression" else set()
    for child in node.get("children", ()):
        if isinstance(child, dict):
            names |= _function_names(child)
    return names


def _chain(node: dict[str, Any]) -> tuple[str, ...] | None:
    """The field chain a node reads from its input, if it is a plain chain."""
    kind = node.get("type")
    if kind == "field":
        return (str(node["value"]),)
    if kind == "subexpression":
        parts: list[str] = []
        for child in node["children"]:
            chain = _chain(child)
            if chain is None:
                return None
            parts.extend(chain)
        return tuple(parts)
    return None


def _root_paths(node: dict[str, Any]) -> list[tuple[str, ...]]:
    """Field chains read from the root of the scope (not inside projections or pipes)."""
    kind = node.get("type")
    if kind == "expref":  # &topic in sort_by, max_by, map: read from each element
        return []
    chain = _chain(node)
    if chain is not None:
        return [chain]
    children = [c for c in node.get("children", ()) if isinstance(c, dict)]
    if kind in ("projection", "filter_projection", "value_projection", "pipe",
                "index_expression", "flatten", "subexpression"):
        # Only the left side reads the root; the rest reads what the left side produced.
        children = children[:1]
    found: list[tuple[str, ...]] = []
    for child in children:
        found.extend(_root_paths(child))
    return found

