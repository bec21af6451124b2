"""The hooks reference, generated from the hook specifications in ``hookspecs.py``."""

from __future__ import annotations

import inspect

from .. import hookspecs
from .markdown import header

MARK = f"{hookspecs.PROJECT}_spec"


def hook_names() -> list[str]:
    """The hook specifications, in the order they are written in ``hookspecs.py``."""
    found = [(fn.__code__.co_firstlineno, name)
             for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
             if hasattr(fn, MARK)]
    return [name for _, name in sorted(found)]


def hooks_page() -> str:
    """The whole hooks reference page: the module's docstring, then every hook."""
    out = [header("the docstrings in src/collabrules/hookspecs.py"), "# Hooks\n"]
    out.append(
        "A plugin implements any of these hooks with `@collabrules.hookimpl`. The text "
        "below is the docstring of each hook specification.\n")
    out.append("::: collabrules.hookspecs\n    options:\n      show_root_heading: false\n"
               "      members: false\n")
    for name in hook_names():
        out.append(f"::: collabrules.hookspecs.{name}\n    options:\n"
                   f"      heading_level: 2\n      show_root_full_path: false\n")
    return "\n".join(out).rstrip() + "\n"
