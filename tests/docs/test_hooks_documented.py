"""Every hook is documented (datasette's test_plugin_hooks_are_documented)."""

from __future__ import annotations

import inspect

import pluggy

from collabrules.docgen.hooks_reference import hook_names
from collabrules.host import hookspecs

from .snippets import DOCS


def _declared_hooks() -> set[str]:
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    return {name for name in dir(manager.hook) if name.startswith(f"{hookspecs.PROJECT}_")}


def test_hook_names_finds_every_hook_pluggy_knows() -> None:
    assert set(hook_names()) == _declared_hooks()
    assert len(hook_names()) >= 6


def test_every_hook_has_a_docstring() -> None:
    for name in hook_names():
        doc = inspect.getdoc(getattr(hookspecs, name))
        assert doc and len(doc.split()) >= 5, f"hook {name} needs a docstring"


def test_every_hook_is_on_the_hooks_page() -> None:
    text = (DOCS / "reference" / "hooks.md").read_text(encoding="utf-8")
    for name in hook_names():
        assert f"::: collabrules.host.hookspecs.{name}\n" in text, name
