"""The plugin manager's quick pass over a module's names, held equal to pluggy's own."""

from __future__ import annotations

import functools
import types
from typing import Any, ClassVar

import pluggy
import pytest

from collabrules import hookimpl
from collabrules.host import hookspecs
from collabrules.host.plugins import PluginManager, standard_plugins
from collabrules.house.charter import CharterPlugin
from collabrules.house.waivers import WaiverPlugin

from .plugins import PrinciplePlugin, principle


def _decoys() -> types.ModuleType:
    """A module holding a hook implementation beside everything else a name can hold."""
    module = types.ModuleType("decoys")

    @hookimpl
    def collabrules_add_principles(register: Any) -> None:
        register(principle("DX1"))

    class Marked:
        collabrules_impl: ClassVar[dict[str, Any]] = {}  # a marker on a value pluggy cannot call

    marked_partial = functools.partial(collabrules_add_principles)
    marked_partial.collabrules_impl = {}  # type: ignore[attr-defined]
    helper = staticmethod(hookimpl(lambda register: None))
    module.__dict__.update(
        collabrules_add_principles=collabrules_add_principles, Marked=Marked,
        marked=Marked(), marked_partial=marked_partial, length=len, number=3,
        unmarked=lambda register: None, functools=functools,
        collabrules_not_a_spec=helper, bound=PrinciplePlugin("x").collabrules_add_principles)
    return module


def _impls(manager: pluggy.PluginManager) -> list[tuple[str, list[tuple[str, object, bool]]]]:
    return [(name, [(impl.plugin_name, impl.function, impl.optionalhook)
                    for impl in caller.get_hookimpls()])
            for name, caller in sorted(vars(manager.hook).items())]


PLUGINS: list[tuple[str, object]] = [
    *standard_plugins(),
    ("decoys", _decoys()),
    ("object", PrinciplePlugin("object", principle("OX1"))),
    ("charter", CharterPlugin((), required=False)),
    ("waivers", WaiverPlugin(())),
]


@pytest.mark.parametrize(("name", "plugin"), PLUGINS, ids=[name for name, _ in PLUGINS])
def test_registering_finds_what_pluggy_finds(name: str, plugin: object) -> None:
    quick, plain = PluginManager(hookspecs.PROJECT), pluggy.PluginManager(hookspecs.PROJECT)
    for manager in (quick, plain):
        manager.add_hookspecs(hookspecs)
        manager.register(plugin, name=name)
    assert _impls(quick) == _impls(plain)
    assert [impls for _, impls in _impls(quick) if impls]  # the plugin implements a hook


def test_all_plugins_together_give_the_same_hook_calls() -> None:
    quick, plain = PluginManager(hookspecs.PROJECT), pluggy.PluginManager(hookspecs.PROJECT)
    for manager in (quick, plain):
        manager.add_hookspecs(hookspecs)
        for name, plugin in PLUGINS:
            manager.register(plugin, name=name)
    assert _impls(quick) == _impls(plain)
    assert sum(len(impls) for _, impls in _impls(quick)) >= len(PLUGINS)
