"""The hooks reference, generated from the hook specifications in ``hookspecs.py``."""

from __future__ import annotations

import inspect

from ..host import hookspecs, registry
from .markdown import header

MARK = f"{hookspecs.PROJECT}_spec"


def hook_names() -> list[str]:
    """The hook specifications, in the order they are written in ``hookspecs.py``."""
    found = [(fn.__code__.co_firstlineno, name)
             for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
             if hasattr(fn, MARK)]
    return [name for _, name in sorted(found)]


def registrar_names() -> list[str]:
    """The ``register`` callback types in ``registry.py``, in source order."""
    found = [(inspect.getsourcelines(cls)[1], name)
             for name, cls in inspect.getmembers(registry, inspect.isclass)
             if name.endswith("Registrar") and cls.__module__ == registry.__name__]
    return [name for _, name in sorted(found)]


def hooks_page() -> str:
    """The whole hooks reference page: the module's docstring, then every hook."""
    out = [header("the docstrings in src/collabrules/host/hookspecs.py"), "# Hooks\n"]
    out.append(
        "A plugin implements any of these hooks with `@collabrules.hookimpl`. The text "
        "below is the docstring of each hook specification.\n")
    out.append("::: collabrules.host.hookspecs\n    options:\n      show_root_heading: false\n"
               "      show_root_toc_entry: false\n      members: false\n")
    for name in hook_names():
        out.append(f"::: collabrules.host.hookspecs.{name}\n    options:\n"
                   f"      heading_level: 2\n      show_root_full_path: false\n")
    out.append("## The `register` callbacks\n")
    out.append("The registration hooks receive a `register` callable of these types.\n")
    for name in registrar_names():
        out.append(f"::: collabrules.host.registry.{name}\n    options:\n"
                   f"      heading_level: 3\n      show_root_full_path: false\n")
    return "\n".join(out).rstrip() + "\n"
