"""A generated structurer for the case model: cattrs' result, several times faster.

For every attrs class reachable from :class:`~collabrules.model.case.Case` one plain function
is compiled from the class's fields at import: it looks each key up once and converts
with the same rule cattrs applies (``str``/``float``/``bool`` calls, enum by value,
tuples item by item, ``None`` for a missing optional). Anything it does not know how to
convert is handed to the cattrs converter, and a document it cannot take as it is (an
unknown key, a missing required key, a value no enum has) is structured by cattrs
instead, so errors stay cattrs' own. ``tests/perf`` holds the two equal by property tests.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

Structure = Callable[[Any], Any]


class _Mismatch(Exception):
    """The document is not one this structurer takes as it is; cattrs decides."""


class Compiler:
    """Builds one structuring function per attrs class (``fallback`` for the rest)."""

    def __init__(self, fallback: Callable[[Any, Any], Any]) -> None:
        self._fallback = fallback
        self._made: dict[type, Structure] = {}
        self._names: dict[str, Any] = {"_Mismatch": _Mismatch}
        self._busy: set[type] = set()

    def structurer(self, cls: type) -> Structure:
        """The function that structures a mapping into ``cls``."""
        made = self._made.get(cls)
        if made is None:
            made = self._compile(cls)
        return made

    def _name(self, prefix: str, value: Any) -> str:
        name = f"_{prefix}{len(self._names)}"
        self._names[name] = value
        return name

    def _convert(self, hint: Any, var: str) -> str:
        """Python expression that converts the non-``None`` value in ``var``."""
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in (typing.Union, types.UnionType) and type(None) in args:
            rest = [a for a in args if a is not type(None)]
            if len(rest) == 1:
                inner = self._convert(rest[0], var)
                return f"(None if {var} is None else {inner})"
        if hint in (str, float, bool, int):
            return f"{hint.__name__}({var})"
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            members = self._name("members", {m.value: m for m in hint})
            return f"{members}[{var}]"
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = args[0]
            if item in (str, float, bool, int):
                return f"tuple(map({item.__name__}, {var}))"
            if isinstance(item, type) and attrs.has(item):
                return f"tuple(map({self._name('s', self._lazy(item))}, {var}))"
            if isinstance(item, type) and issubclass(item, enum.Enum):
                members = self._name("members", {m.value: m for m in item})
                return f"tuple(map({members}.__getitem__, {var}))"
        if isinstance(hint, type) and attrs.has(hint):
            return f"{self._name('s', self._lazy(hint))}({var})"
        hook = self._name("hook", self._fallback)
        return f"{hook}({var}, {self._name('type', hint)})"

    def _lazy(self, cls: type) -> Structure:
        if cls not in self._busy:
            return self.structurer(cls)

        def call(value: Any) -> Any:  # a class that contains itself
            return self._made[cls](value)

        return call

    def _compile(self, cls: type) -> Structure:
        self._busy.add(cls)
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        keys = self._name("keys", frozenset(f.name for f in fields))
        lines = ["def structure(o):",
                 f"    if not o.keys() <= {keys}:",
                 "        raise _Mismatch",
                 "    g = o.get"]
        arguments = []
        for index, field in enumerate(fields):
            var = f"v{index}"
            name = field.alias or field.name
            if field.default is attrs.NOTHING:
                lines.append(f"    {var} = o[{field.name!r}]")
                arguments.append(f"{name}={self._convert(hints[field.name], var)}")
            elif field.default is None:
                lines.append(f"    {var} = g({field.name!r})")
                arguments.append(
                    f"{name}=None if {var} is None else {self._convert(hints[field.name], var)}")
            else:  # any other default: passed only when the key is present, as cattrs does
                if "**kw" not in arguments:
                    lines.append("    kw = {}")
                    arguments.append("**kw")
                lines.append(f"    if {field.name!r} in o:")
                lines.append(f"        {var} = o[{field.name!r}]")
                lines.append(f"        kw[{name!r}] = {self._convert(hints[field.name], var)}")
        lines.append(f"    return {self._name('cls', cls)}({', '.join(arguments)})")
        namespace = dict(self._names)
        exec("\n".join(lines), namespace)  # our own generated code
        function: Structure = namespace["structure"]
        self._made[cls] = function
        self._busy.discard(cls)
        self._names[f"_s_{cls.__name__}"] = function
        return function


def compile_structurer(cls: type, fallback: Callable[[Any, Any], Any],
                       compiler: Compiler | None = None) -> Structure:
    """A function ``mapping -> cls`` equal to ``fallback(mapping, cls)`` on valid input."""
    fast = (compiler or Compiler(fallback)).structurer(cls)

    def structure(data: Any) -> Any:
        try:
            return fast(data)
        except (_Mismatch, KeyError, TypeError, ValueError, AttributeError):
            return fallback(data, cls)

    return structure


Rebuild = Callable[[Any, Any, "tuple[str | int, ...]"], Any]


def compile_rebuilder(fallback: Callable[[Any, Any], Any]) -> Rebuild:
    """A function ``(parent, mapping, steps) -> object`` equal to structuring ``mapping``
    when ``mapping`` differs from the document ``parent`` was structured from only inside
    the object at ``steps`` (objects on the way may be new). That object (or the last one
    on the way that existed) is structured again; the others are ``parent``'s own."""
    compiler = Compiler(fallback)
    made: dict[type, Structure] = {}

    def structure(cls: type, data: Any) -> Any:
        function = made.get(cls)
        if function is None:
            function = made[cls] = compile_structurer(cls, fallback, compiler)
        return function(data)

    def rebuild(parent: Any, data: Any, steps: tuple[str | int, ...]) -> Any:
        chain: list[tuple[Any, str | int]] = []
        node, value = parent, data
        for step in steps:
            child = node[step] if isinstance(step, int) else getattr(node, step)
            if child is None or not (attrs.has(type(child)) or type(child) is tuple):
                break
            chain.append((node, step))
            node, value = child, value[step]
        while not attrs.has(type(node)):  # a list: structure its owner again
            node, _ = chain.pop()
            value = data
            for _, step in chain:
                value = value[step]
        rebuilt = structure(type(node), value)
        for owner, step in reversed(chain):
            if isinstance(step, int):
                rebuilt = (*owner[:step], rebuilt, *owner[step + 1:])
            else:
                field = getattr(attrs.fields(type(owner)), step)
                rebuilt = attrs.evolve(owner, **{field.alias or field.name: rebuilt})
        return rebuilt

    return rebuild
