"""Finding and loading plugins: entry points of the ``collabrules`` group, and objects.

Load order (documented in docs/plugins.md):

1. entry points of the ``collabrules`` group, sorted by distribution then entry-point
   name; the standard principles are entry points of the ``collabrules`` distribution;
2. plugin objects passed to :class:`collabrules.Engine`, in the order given.

A blocked name is never imported. Each entry point is loaded on its own, so one that
fails is reported as a :class:`~collabrules.model.problems.Problem` and the rest still load.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import FunctionType, MethodType, ModuleType
from typing import TYPE_CHECKING, Any

import attrs
import pluggy

from ..model.principle import Principle
from ..model.problems import Problem, ProblemKind
from ..model.records import shared_repr
from . import hookspecs
from .hookcalls import unknown_hooks

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from pluggy import HookimplOpts

GROUP = "collabrules"

_HOOKABLE = (FunctionType, staticmethod, classmethod, MethodType)
"""What pluggy can take as a hook implementation: functions and methods."""


class PluginManager(pluggy.PluginManager):
    """pluggy's plugin manager, which passes over a module's other names quickly.

    Registering a plugin looks at every name of it; for a module pluggy reads each one
    with :func:`inspect.getattr_static`, about half of building an engine's plugin
    manager. A module's name whose value is no function or method, or is a function
    without pluggy's marker, is no hook implementation for pluggy either, so it is
    skipped before that; everything else is pluggy's own decision
    (``tests/core/test_plugin_manager_fast_path.py`` holds the two equal).
    """

    def parse_hookimpl_opts(self, plugin: object, name: str) -> HookimplOpts | None:
        """pluggy's options for ``name`` of ``plugin``; ``None`` at once for a module's
        name that holds no function or method, or an unmarked function."""
        if isinstance(plugin, ModuleType):
            value = vars(plugin).get(name)
            if not isinstance(value, _HOOKABLE) or (
                    isinstance(value, FunctionType)
                    and f"{self.project_name}_impl" not in vars(value)):
                return None
        return super().parse_hookimpl_opts(plugin, name)


@attrs.frozen(kw_only=True, slots=False)
@shared_repr
class PluginInfo:
    """Where a loaded plugin comes from."""

    name: str
    distribution: str
    version: str
    entry_point: str = ""

    @property
    def origin(self) -> str:
        """``distribution version`` with the entry point, for messages."""
        where = f", entry point {self.entry_point}" if self.entry_point else ""
        return f"{self.distribution} {self.version}{where}"


@attrs.frozen(slots=False)
@shared_repr
class LoadedPlugins:
    """The plugin manager and what was loaded into it."""

    manager: pluggy.PluginManager
    infos: dict[str, PluginInfo]
    problems: tuple[Problem, ...]
    blocked: tuple[str, ...]

    def describe(self, name: str) -> str:
        """Origin of a plugin by name, for messages."""
        return _origin(self.infos, name)


def _entry_points() -> list[tuple[EntryPoint, str, str]]:
    """The group's entry points with their distribution's name and version, in load order.

    Each distribution's metadata is read once: parsing it (the whole ``METADATA`` file,
    long description included) for every entry point was most of the engine's start.
    """
    from importlib import metadata  # not imported by engines without entry points

    known: dict[int, tuple[str, str]] = {}
    found = []
    for ep in metadata.entry_points(group=GROUP):
        dist = getattr(ep, "dist", None)
        if dist is None:
            found.append((ep, "?", "?"))
            continue
        if id(dist) not in known:  # entry points of one distribution share its object
            meta = dist.metadata
            known[id(dist)] = (str(meta["Name"]), str(meta["Version"]))
        found.append((ep, *known[id(dist)]))
    return sorted(found, key=lambda item: (item[1], item[0].name))


def _error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def load_plugins(
    *,
    plugins: Iterable[object | tuple[str, object]] = (),
    entry_points: bool = True,
    block: Iterable[str] = (),
) -> LoadedPlugins:
    """Create a plugin manager and load the entry-point plugins and the given objects.

    ``plugins`` items are plugin objects or ``(name, object)`` pairs; ``block`` names
    plugins (entry-point names or given names) that must not load.
    """
    manager = PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    blocked = tuple(sorted(set(block)))
    for name in blocked:
        manager.set_blocked(name)
    infos: dict[str, PluginInfo] = {}
    problems: list[Problem] = []
    if entry_points:
        for ep, distribution, version in _entry_points():
            if manager.is_blocked(ep.name):
                continue
            info = PluginInfo(name=ep.name, distribution=distribution, version=version,
                              entry_point=f"{ep.name} = {ep.value}")
            if ep.name in infos:
                problems.append(Problem(
                    kind=ProblemKind.PLUGIN_LOAD, plugin=ep.name, origin=info.origin,
                    detail=f"the plugin name is already used by {infos[ep.name].origin}"))
                continue
            try:
                obj = ep.load()
                manager.register(obj, name=ep.name)
            except Exception as exc:  # a faulty plugin must not stop the others
                problems.append(Problem(kind=ProblemKind.PLUGIN_LOAD, plugin=ep.name,
                                        origin=info.origin, detail=_error_text(exc)))
                continue
            infos[ep.name] = info
    for item in plugins:
        name, obj = item if isinstance(item, tuple) else (_object_name(item), item)
        if manager.is_blocked(name):
            continue
        info = PluginInfo(name=name, distribution=_object_dist(obj), version=_object_version(obj))
        try:
            manager.register(obj, name=name)
        except Exception as exc:
            problems.append(Problem(kind=ProblemKind.PLUGIN_LOAD, plugin=name,
                                    origin=info.origin, detail=_error_text(exc)))
            continue
        infos[name] = info
    problems.extend(unknown_hooks(manager, lambda name: _origin(infos, name)))
    return LoadedPlugins(manager, infos, tuple(problems), blocked)


def _origin(infos: dict[str, PluginInfo], name: str) -> str:
    info = infos.get(name)
    return info.origin if info else "unknown origin"


def standard_plugins() -> list[tuple[str, object]]:
    """The plugins the ``collabrules`` distribution itself registers, as ``(name, object)``."""
    return [(ep.name, ep.load()) for ep, distribution, _ in _entry_points()
            if distribution == "collabrules"]


def standard_principle(code: str) -> Principle:
    """A standard principle by code (``CR01``...), e.g. to build a stricter variant of it.

    Only the standard plugins are loaded for this, so a house plugin may call it while it
    is itself being imported. Raises ``KeyError`` for an unknown code.
    """
    found: dict[str, Principle] = {}
    manager = load_plugins(plugins=standard_plugins(), entry_points=False).manager
    manager.hook.collabrules_add_principles(register=lambda p: found.setdefault(p.code, p))
    return found[code]


def _object_name(obj: object) -> str:
    name = getattr(obj, "__name__", None) or type(obj).__name__
    return str(name)


def _object_dist(obj: object) -> str:
    module = getattr(obj, "__module__", None) or getattr(obj, "__name__", "")
    return str(getattr(obj, "collabrules_distribution", module or "local"))


def _object_version(obj: object) -> str:
    version: Any = getattr(obj, "collabrules_version", None) or getattr(obj, "__version__", None)
    return str(version) if version else "unversioned"
