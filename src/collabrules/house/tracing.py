"""Three-valued evaluation of a JMESPath expression, with the case fields it read.

Plain JMESPath reads a missing field as ``null`` and carries on: ``null != 'positive'``
is true, so a filter over parties would count a party that says nothing about its
benefits as one whose benefit is not positive. Here a field that is absent or null in
the case document reads as :data:`UNKNOWN`, and :data:`UNKNOWN` spreads to every value
computed from it (comparisons, functions, projections, filters, pipes, multi-selects),
so a result that is not :data:`UNKNOWN` is the same for every completion of the missing
fields. Only the logical operators can decide despite an unknown operand, and only where
nothing but truthiness matters (a condition, a filter, an operand of ``!``): ``false &&
?`` is false and ``true || ?`` is true (Kleene's logic).

A case *object* used as a whole (its keys or values listed, its length or text taken, compared
with ``==``, or its emptiness as a truth value) depends on which of its fields the case
leaves out, so that use is unknown too, and the object's path is named as missing.

Reads of values built during evaluation (literals, multi-selects) are not case reads: a
key absent from them is plain ``null``, as in JMESPath.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

import attrs
from jmespath import visitor as jvisitor

from ..model.records import shared_repr
from . import bounds

if TYPE_CHECKING:
    from jmespath.visitor import _TreeNode


class _Unknown:
    """The value of a missing field and of anything computed from it."""

    _instance: _Unknown | None = None

    def __new__(cls) -> _Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()
"""The unknown value (a singleton): compare with ``is``."""

_LOGICAL = frozenset({"and_expression", "or_expression", "not_expression"})
_WHOLE_OBJECT = frozenset({"keys", "values", "length", "merge"})
"""Functions whose value depends on the keys of an object argument."""
_DEEP = frozenset({"to_string", "contains"})
"""Functions whose value depends on the keys of any object inside an argument."""


@attrs.frozen
@shared_repr
class Read:
    """One case field an expression read: its JSON path and value, or that it is missing."""

    path: str
    value: Any
    missing: bool


@attrs.frozen
@shared_repr
class Trace:
    """The value of an expression (:data:`UNKNOWN` if missing fields decide it) and its reads."""

    value: Any
    reads: tuple[Read, ...]

    @property
    def known(self) -> bool:
        """Whether the missing fields the expression read cannot change its value."""
        return self.value is not UNKNOWN

    @property
    def missing(self) -> tuple[str, ...]:
        """The JSON paths of the missing fields read, in reading order, once each."""
        return tuple(dict.fromkeys(r.path for r in self.reads if r.missing))


def locations(scope: Any, root: str = "$") -> dict[int, str]:
    """The JSON path of every object and list in ``scope``, by ``id``.

    Only values in this map are case data; the rest were built by the expression.
    """
    found: dict[int, str] = {}
    stack: list[tuple[Any, str]] = [(scope, root)]
    while stack:
        value, path = stack.pop()
        if isinstance(value, Mapping):
            found[id(value)] = path
            stack.extend((v, f"{path}.{k}") for k, v in value.items())
        elif isinstance(value, list):
            found[id(value)] = path
            stack.extend((v, f"{path}[{i}]") for i, v in enumerate(value))
    return found


def trace(ast: _TreeNode, scope: Any, budget: bounds.Budget | None = None,
          where: Mapping[int, str] | None = None) -> Trace:
    """Evaluate a parsed expression as a value (JMESPath semantics, unknown-aware).

    ``where`` is :func:`locations` of ``scope`` (computed if not given).
    """
    interpreter = _Interpreter(budget or bounds.Budget(), where or locations(scope))
    value = interpreter.visit(ast, scope)
    return Trace(value, tuple(interpreter.reads))


def truth(ast: _TreeNode, scope: Any, budget: bounds.Budget | None = None,
          where: Mapping[int, str] | None = None) -> Trace:
    """Evaluate a parsed expression as a condition: ``True``, ``False`` or :data:`UNKNOWN`.

    ``&&``, ``||`` and ``!`` follow Kleene's logic; any other result is unknown when it
    is :data:`UNKNOWN` or ``null``, else its JMESPath truthiness.
    """
    interpreter = _Interpreter(budget or bounds.Budget(), where or locations(scope))
    if ast["type"] in _LOGICAL:
        value = interpreter.truth(ast, scope)
    else:
        result = interpreter.visit(ast, scope)
        value = UNKNOWN if result is None else interpreter._truthy(result)
    return Trace(value, tuple(interpreter.reads))


def _truthy(value: Any) -> bool:
    return not (value is None or value is False or value in ("", [], {}))


def _is_chain(node: _TreeNode) -> bool:
    """Whether a node is a plain chain of fields (``a`` or ``a.b.c``)."""
    if node["type"] == "field":
        return True
    return node["type"] == "subexpression" and all(_is_chain(c) for c in node["children"])


def _is_zero(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == 0


def _literal(value: Any) -> _TreeNode:
    return {"type": "literal", "value": value, "children": []}


class _Expression(jvisitor._Expression):
    """An ``&expression`` argument (sort_by, max_by, min_by, map) that stops on unknown.

    JMESPath type-checks arguments by class name, so this one keeps the name.
    """

    def visit(self, node: _TreeNode, *args: Any, **kwargs: Any) -> Any:
        result = self.interpreter.visit(node, *args, **kwargs)
        if result is UNKNOWN:
            raise _UnknownArgument
        return result


class _UnknownArgument(Exception):
    """An expression argument met an unknown element; the call's value is unknown."""


class _Interpreter(bounds._Interpreter):
    """The budgeted JMESPath interpreter, reading missing case fields as UNKNOWN."""

    def __init__(self, budget: bounds.Budget, where: Mapping[int, str]) -> None:
        super().__init__(budget)
        self.functions = bounds._Functions(budget)
        self.where = where
        self.reads: list[Read] = []

    def truth(self, node: _TreeNode, value: Any) -> Any:
        """Truthiness of ``node`` on ``value``: True, False or UNKNOWN (Kleene)."""
        kind = node["type"]
        if kind == "not_expression":
            child = node["children"][0]
            if child["type"] in _LOGICAL:
                inner = self.truth(child, value)
                return UNKNOWN if inner is UNKNOWN else not inner
            operand = self.visit(child, value)
            inner = self._truthy(operand)
            if inner is UNKNOWN:
                return UNKNOWN
            # JMESPath: !0 is false although 0 is true.
            return False if _is_zero(operand) else not inner
        if kind in ("and_expression", "or_expression"):
            decisive = kind == "or_expression"  # the operand value that decides alone
            left = self.truth(node["children"][0], value)
            if left is decisive:
                return decisive
            right = self.truth(node["children"][1], value)
            if right is decisive:
                return decisive
            return UNKNOWN if UNKNOWN in (left, right) else not decisive
        return self._truthy(self.visit(node, value))

    def _truthy(self, value: Any) -> Any:
        """JMESPath truthiness, unknown for UNKNOWN and for an empty case object."""
        if value is UNKNOWN or (value == {} and self._whole(value)):
            return UNKNOWN
        return _truthy(value)

    def _whole(self, value: Any, deep: bool = False) -> bool:
        """Whether ``value`` is (``deep``: holds) a case object, recording it as missing."""
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, Mapping):
                path = self.where.get(id(item))
                if path is not None:
                    self.reads.append(Read(path, item, True))
                    return True
            if deep and isinstance(item, (Mapping, list)):
                self.budget.charge(len(item))
                stack.extend(item.values() if isinstance(item, Mapping) else item)
        return False

    def visit_field(self, node: _TreeNode, value: Any) -> Any:
        if value is UNKNOWN:
            return UNKNOWN
        if not isinstance(value, Mapping):
            return None
        key = node["value"]
        found = value.get(key)
        path = self.where.get(id(value))
        if path is None:  # built by the expression, not read from the case
            return found
        self.reads.append(Read(f"{path}.{key}", found, found is None))
        return UNKNOWN if found is None else found

    def visit_subexpression(self, node: _TreeNode, value: Any) -> Any:
        children = node["children"]
        for index, child in enumerate(children):
            if value is UNKNOWN:
                if index and _is_chain(children[index - 1]):
                    self._extend_missing(children[index:])
                return UNKNOWN
            value = self.visit(child, value)
        return value

    def _extend_missing(self, rest: list[_TreeNode]) -> None:
        """Name the whole missing chain: ``$.delivery.risk``, not only ``$.delivery``."""
        if self.reads and self.reads[-1].missing and all(_is_chain(n) for n in rest):
            names = [n["value"] for n in rest if n["type"] == "field"]
            last = self.reads[-1]
            self.reads[-1] = attrs.evolve(last, path=".".join([last.path, *names]))

    visit_index_expression = visit_subexpression
    visit_pipe = visit_subexpression

    def visit_comparator(self, node: _TreeNode, value: Any) -> Any:
        if value is UNKNOWN:
            return UNKNOWN
        left = self.visit(node["children"][0], value)
        right = self.visit(node["children"][1], value)
        if left is UNKNOWN or right is UNKNOWN:
            return UNKNOWN
        # The budgeted comparison of the base class, on the values already computed.
        result = super().visit_comparator(
            {"type": "comparator", "value": node["value"],
             "children": [_literal(left), _literal(right)]}, value)
        if node["value"] in ("eq", "ne") and left is not right and (
                self._whole(left, True) or self._whole(right, True)):
            return UNKNOWN  # (the same case value on both sides is equal in every completion)
        return result

    def visit_current(self, node: _TreeNode, value: Any) -> Any:
        return value

    def visit_expref(self, node: _TreeNode, value: Any) -> Any:
        # The stubs type the expression as str; JMESPath passes the node.
        return _Expression(cast("str", node["children"][0]), self)

    def visit_function_expression(self, node: _TreeNode, value: Any) -> Any:
        if value is UNKNOWN:
            return UNKNOWN
        arguments = [self.visit(child, value) for child in node["children"]]
        if any(a is UNKNOWN for a in arguments):
            return UNKNOWN
        name = node["value"]
        try:
            result = self.functions.call_function(name, arguments)  # charges deep arguments
        except _UnknownArgument:
            return UNKNOWN
        if name in _WHOLE_OBJECT | _DEEP and any(
                self._whole(a, name in _DEEP) for a in arguments):
            return UNKNOWN
        return result

    def visit_filter_projection(self, node: _TreeNode, value: Any) -> Any:
        base = self.visit(node["children"][0], value)
        if not isinstance(base, list):
            return None if base is not UNKNOWN else UNKNOWN
        unknown = False
        collected = []
        # Every element is visited, also after an unknown one, so all missing reads show.
        for element in base:
            keep = self.truth(node["children"][2], element)
            if keep is UNKNOWN:
                unknown = True
            elif keep:
                current = self.visit(node["children"][1], element)
                unknown = unknown or current is UNKNOWN
                if current is not None:
                    collected.append(current)
        return UNKNOWN if unknown else collected

    def visit_projection(self, node: _TreeNode, value: Any) -> Any:
        base = self.visit(node["children"][0], value)
        if not isinstance(base, list):
            return None if base is not UNKNOWN else UNKNOWN
        return self._project(node, base)

    def visit_value_projection(self, node: _TreeNode, value: Any) -> Any:
        base = self.visit(node["children"][0], value)
        if base is UNKNOWN:
            return UNKNOWN
        if not isinstance(base, Mapping):
            return None
        if self._whole(base):
            return UNKNOWN
        return self._project(node, list(base.values()))

    def _project(self, node: _TreeNode, base: list[Any]) -> Any:
        collected = [self.visit(node["children"][1], element) for element in base]
        if any(c is UNKNOWN for c in collected):
            return UNKNOWN
        return [c for c in collected if c is not None]

    def visit_flatten(self, node: _TreeNode, value: Any) -> Any:
        base = self.visit(node["children"][0], value)
        if base is UNKNOWN or not isinstance(base, list):
            return None if base is not UNKNOWN else UNKNOWN
        merged: list[Any] = []
        for element in base:
            if element is UNKNOWN:
                return UNKNOWN
            if isinstance(element, list):
                merged.extend(element)
            else:
                merged.append(element)
        return merged

    def visit_index(self, node: _TreeNode, value: Any) -> Any:
        return UNKNOWN if value is UNKNOWN else super().visit_index(node, value)

    def visit_slice(self, node: _TreeNode, value: Any) -> Any:
        return UNKNOWN if value is UNKNOWN else super().visit_slice(node, value)

    def visit_multi_select_dict(self, node: _TreeNode, value: Any) -> Any:
        if value is UNKNOWN:
            return UNKNOWN
        result = super().visit_multi_select_dict(node, value)
        return UNKNOWN if result is not None and UNKNOWN in result.values() else result

    def visit_multi_select_list(self, node: _TreeNode, value: Any) -> Any:
        if value is UNKNOWN:
            return UNKNOWN
        result = super().visit_multi_select_list(node, value)
        return UNKNOWN if result is not None and any(r is UNKNOWN for r in result) else result

    def visit_or_expression(self, node: _TreeNode, value: Any) -> Any:
        left = self.visit(node["children"][0], value)
        decided = self._truthy(left)
        if decided is UNKNOWN:
            return UNKNOWN
        return left if decided else self.visit(node["children"][1], value)

    def visit_and_expression(self, node: _TreeNode, value: Any) -> Any:
        left = self.visit(node["children"][0], value)
        decided = self._truthy(left)
        if decided is UNKNOWN:
            return UNKNOWN
        return self.visit(node["children"][1], value) if decided else left

    def visit_not_expression(self, node: _TreeNode, value: Any) -> Any:
        return self.truth(node, value)
