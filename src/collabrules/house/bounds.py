"""Bounds on declarative conditions: their size when loaded, their cost when evaluated.

JMESPath reads data only: it has no access to Python objects, files or the network, and
collabrules allows only its built-in functions. Its cost is another matter: a short
expression can double a list at every pipe (``[@,@] | [@,@][] | ...``) or serialise a
structure that shares itself (``to_string([@,@] | [@,@] | ...)``), which grows
exponentially with the expression. So an expression is checked twice:

* when the file is loaded, its length, the number of nodes and the depth of its syntax
  tree are bounded (:func:`check_shape`);
* when it is evaluated, every step is charged against a budget (:class:`Budget`): each
  node visited, each element of a list it builds, and the full size of the values it
  compares or hands to ``to_string``, ``contains`` and ``join``. A condition over the
  budget stops with :class:`BudgetExceeded` (its principle's finding becomes ``error``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from jmespath import functions as jfunctions
from jmespath import visitor as jvisitor

from ..model.text import Text

if TYPE_CHECKING:
    from jmespath.visitor import _TreeNode

MAX_LENGTH = 2000
"""Characters in one expression (also the schema's ``maxLength``)."""
MAX_NODES = 200
"""Nodes in the syntax tree of one expression."""
MAX_DEPTH = 32
"""Depth of the syntax tree of one expression (``a.b.c`` is depth 3)."""
MAX_STEPS = 2_000_000
"""Evaluation steps the conditions of one principle may take together on one case."""

_DEEP_FUNCTIONS = frozenset({"to_string", "contains", "join"})
_STRING_UNIT = 64  # characters of text that count as one step
_EQUALITY = frozenset({"eq", "ne"})


class ShapeError(ValueError):
    """An expression is too long, too big or too deeply nested (bilingual ``text``)."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.text = message


class BudgetExceeded(RuntimeError):
    """A principle's conditions took more than their steps on one case."""


def check_length(source: str) -> None:
    """Refuse an expression longer than :data:`MAX_LENGTH` before parsing it."""
    if len(source) > MAX_LENGTH:
        raise ShapeError(Text(
            "the expression is {n} characters long; the limit is {limit}",
            "de expressie is {n} tekens lang; de grens is {limit}",
        ).format(n=len(source), limit=MAX_LENGTH))


def too_deep() -> ShapeError:
    """The error for an expression the parser cannot even nest (Python's recursion limit)."""
    return ShapeError(Text(
        "the expression is nested too deeply; the limit is {limit} levels",
        "de expressie is te diep genest; de grens is {limit} niveaus",
    ).format(limit=MAX_DEPTH))


def check_shape(ast: dict[str, Any]) -> None:
    """Refuse a syntax tree with more than :data:`MAX_NODES` nodes or :data:`MAX_DEPTH` levels."""
    nodes = 0
    deepest = 0
    stack: list[tuple[dict[str, Any], int]] = [(ast, 1)]
    while stack:
        node, depth = stack.pop()
        nodes += 1
        deepest = max(deepest, depth)
        stack.extend((c, depth + 1) for c in node.get("children", ()) if isinstance(c, dict))
    if deepest > MAX_DEPTH:
        raise too_deep()
    if nodes > MAX_NODES:
        raise ShapeError(Text(
            "the expression has {n} parts; the limit is {limit}",
            "de expressie heeft {n} onderdelen; de grens is {limit}",
        ).format(n=nodes, limit=MAX_NODES))


class Budget:
    """Steps left for one evaluation; :meth:`charge` raises :class:`BudgetExceeded`."""

    def __init__(self, steps: int = MAX_STEPS) -> None:
        self.limit = steps
        self.left = steps

    def charge(self, steps: int) -> None:
        """Spend ``steps``; over the limit raises."""
        self.left -= steps
        if self.left < 0:
            raise BudgetExceeded(
                f"its conditions took more than {self.limit:,} evaluation steps "
                "(the limit per principle per case); simplify the expressions")

    def charge_size(self, value: Any) -> None:
        """Spend one step per value inside ``value`` (shared parts count each time)."""
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                self.charge(1 + len(item))
                stack.extend(item.values())
            elif isinstance(item, list):
                self.charge(1 + len(item))
                stack.extend(item)
            elif isinstance(item, str):
                self.charge(1 + len(item) // _STRING_UNIT)
            else:
                self.charge(1)


class _Functions(jfunctions.Functions):
    """The built-in functions, charging the size of the arguments of the deep ones."""

    def __init__(self, budget: Budget) -> None:
        super().__init__()
        self.budget = budget

    def call_function(self, function_name: str, resolved_args: Iterable[Any]) -> Any:
        resolved_args = list(resolved_args)
        if function_name in _DEEP_FUNCTIONS:
            for argument in resolved_args:
                self.budget.charge_size(argument)
        return super().call_function(function_name, resolved_args)


class _Interpreter(jvisitor.TreeInterpreter):
    """JMESPath's tree interpreter with every step charged to a :class:`Budget`."""

    def __init__(self, budget: Budget) -> None:
        super().__init__(jvisitor.Options(custom_functions=_Functions(budget)))
        self.budget = budget

    def visit(self, node: _TreeNode, *args: Any, **kwargs: Any) -> Any:
        self.budget.charge(1)
        result = super().visit(node, *args, **kwargs)
        if isinstance(result, (list, dict)):
            self.budget.charge(len(result))
        return result

    def visit_comparator(self, node: _TreeNode, value: Any) -> Any:
        if node["value"] in _EQUALITY:
            left = self.visit(node["children"][0], value)
            right = self.visit(node["children"][1], value)
            self.budget.charge_size(left)
            self.budget.charge_size(right)
            return self.COMPARATOR_FUNC[node["value"]](left, right)
        return super().visit_comparator(node, value)


def search(ast: _TreeNode, scope: Any, budget: Budget) -> Any:
    """Evaluate a parsed expression on ``scope``, charging every step to ``budget``."""
    return _Interpreter(budget).visit(ast, scope)
