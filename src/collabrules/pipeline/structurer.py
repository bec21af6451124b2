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
_ATTRS = "__attrs_attrs__"
"""What an attrs class has (``attrs.has``, read in C on the objects of the case model)."""


class _Mismatch(Exception):
    """The document is not one this structurer takes as it is; cattrs decides."""


class Compiler:
    """Builds one structuring function per attrs class (``fallback`` for the rest)."""

    def __init__(self, fallback: Callable[[Any, Any], Any]) -> None:
        self._fallback = fallback
        self._made: dict[type, Structure] = {}
        self._names: dict[str, Any] = {"_Mismatch": _Mismatch}
        self._busy: set[type] = set()

    def converter(self, hint: Any) -> Structure | None:
        """The function that converts one value of a scalar, enum or optional one of
        those as structuring converts it (``None`` for any other type)."""
        rest = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = rest[0] if len(rest) == 1 and typing.get_origin(hint) in (
            typing.Union, types.UnionType) else hint
        if not (inner in (str, float, bool, int)
                or (isinstance(inner, type) and issubclass(inner, enum.Enum))):
            return None
        expression = self._convert(hint, "v")  # names what it needs in self._names
        namespace = dict(self._names)
        exec(f"def convert(v):\n    return {expression}", namespace)  # our own code
        function: Structure = namespace["convert"]
        return function

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


Rebuild = Callable[..., Any]


def compile_rebuilder(fallback: Callable[[Any, Any], Any]) -> Rebuild:
    """A function ``(parent, mapping, steps) -> object`` equal to structuring ``mapping``
    when ``mapping`` differs from the document ``parent`` was structured from only inside
    the object at ``steps`` (objects on the way may be new). That object (or the last one
    on the way that existed) is structured again; the others are ``parent``'s own.

    With ``leaf``, the name of the one member filled in inside that object: when the
    object exists and the member is a scalar or an enum, only that value is converted and
    the object evolved with it (ADR 0019, point 15)."""
    compiler = Compiler(fallback)
    made: dict[type, Structure] = {}
    leaves: dict[tuple[type, str], Structure | None] = {}
    evolvers: dict[tuple[type, str], Callable[[Any, Any], Any]] = {}

    def structure(cls: type, data: Any) -> Any:
        function = made.get(cls)
        if function is None:
            function = made[cls] = compile_structurer(cls, fallback, compiler)
        return function(data)

    def evolver(cls: type, name: str) -> Callable[[Any, Any], Any]:
        """``attrs.evolve(o, name=value)`` for ``cls``, written out: one call, no loop."""
        key = (cls, name)
        function = evolvers.get(key)
        if function is None:
            arguments = ", ".join(
                f"{f.alias or f.name}=value" if f.name == name
                else f"{f.alias or f.name}=o.{f.name}"
                for f in attrs.fields(cls) if f.init)
            namespace = {"cls": cls}
            exec(f"def evolve(o, value):\n    return cls({arguments})", namespace)
            function = evolvers[key] = namespace["evolve"]
        return function

    def leaf_converter(cls: type, name: str) -> Structure | None:
        key = (cls, name)
        if key not in leaves:
            field = getattr(attrs.fields(cls), name, None)
            leaves[key] = None if field is None or field.name != (field.alias or field.name) \
                else compiler.converter(typing.get_type_hints(cls)[name])
        return leaves[key]

    def rebuild(parent: Any, data: Any, steps: tuple[str | int, ...],
                leaf: str | None = None) -> Any:
        chain: list[tuple[Any, str | int]] = []
        node, value = parent, data
        for step in steps:
            child = node[step] if isinstance(step, int) else getattr(node, step)
            if child is None or not (hasattr(child, _ATTRS) or type(child) is tuple):
                leaf = None  # the object at ``steps`` is new: structure what holds it
                break
            chain.append((node, step))
            node, value = child, value[step]
        convert = leaf_converter(type(node), leaf) \
            if leaf is not None and hasattr(node, _ATTRS) else None
        rebuilt: Any = None
        if convert is not None:
            try:
                rebuilt = evolver(type(node), leaf)(node, convert(value[leaf]))  # type: ignore[arg-type]
            except (KeyError, TypeError, ValueError):
                rebuilt = None  # not a value this converter takes: structure it whole
        if rebuilt is None:
            while not hasattr(node, _ATTRS):  # a list: structure its owner again
                node, _ = chain.pop()
                value = data
                for _, step in chain:
                    value = value[step]
            rebuilt = structure(type(node), value)
        for owner, step in reversed(chain):
            if isinstance(step, int):
                rebuilt = (*owner[:step], rebuilt, *owner[step + 1:])
            else:
                rebuilt = evolver(type(owner), step)(owner, rebuilt)
        return rebuilt

    return rebuild
