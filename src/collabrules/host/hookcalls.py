"""Calling collabrules hooks through pluggy, one implementation at a time.

Each plain implementation is called through a pluggy hook caller that holds it and every
wrapper (``pm.subset_hook_caller``), so ``wrapper=True``/``hookwrapper=True``, argument
selection and the hookspec checks work as pluggy documents them, while the engine still
knows which plugin it is calling: a failure is reported against that plugin and the other
implementations still run. The order is fixed, whatever the order plugins were loaded in:
``tryfirst`` implementations, then the others, then ``trylast`` ones, each group by plugin
name. Why: docs/decisions/0010-plugin-host.md.
"""

from __future__ import annotations

from collections.abc import Callable
from types import CodeType, TracebackType
from typing import Any

import attrs
import pluggy

from ..model.problems import Problem, ProblemKind
from ..model.records import shared_repr
from ..model.text import Text


@attrs.frozen(slots=False)
@shared_repr
class HookCall:
    """One implementation of a hook (wrapped by every wrapper), ready to call."""

    plugin: str
    caller: pluggy.HookCaller
    codes: dict[CodeType, str] = attrs.field(eq=False)

    def __call__(self, **kwargs: Any) -> Any:
        """Call the implementation through pluggy with the hook's arguments."""
        return self.caller(**kwargs)

    def culprit(self, exc: BaseException) -> str:
        """The plugin whose code raised ``exc``: the innermost implementation or wrapper."""
        found = self.plugin
        tb: TracebackType | None = exc.__traceback__
        while tb is not None:
            found = self.codes.get(tb.tb_frame.f_code, found)
            tb = tb.tb_next
        return found


def _is_wrapper(impl: pluggy.HookImpl) -> bool:
    return bool(impl.wrapper or impl.hookwrapper)


def _order(impl: pluggy.HookImpl) -> tuple[int, str]:
    rank = 0 if impl.tryfirst else 2 if impl.trylast else 1
    return rank, impl.plugin_name


def _code(impl: pluggy.HookImpl) -> CodeType | None:
    function = getattr(impl.function, "__func__", impl.function)
    code = getattr(function, "__code__", None)
    return code if isinstance(code, CodeType) else None


def hook_calls(manager: pluggy.PluginManager, name: str) -> tuple[HookCall, ...]:
    """The implementations of hook ``name`` in calling order (none: an empty tuple)."""
    impls = getattr(manager.hook, name).get_hookimpls()
    plain = sorted((i for i in impls if not _is_wrapper(i)), key=_order)
    codes = {code: i.plugin_name for i in impls if (code := _code(i)) is not None}
    return tuple(
        HookCall(impl.plugin_name,
                 manager.subset_hook_caller(name, [o.plugin for o in plain if o is not impl]),
                 codes)
        for impl in plain)


_SUGGEST = Text(" Did you mean {name}?", " Bedoelde u {name}?")


def unknown_hooks(manager: pluggy.PluginManager,
                  origin: Callable[[str], str]) -> list[Problem]:
    """Implementations of hooks no hookspec defines (pluggy's ``check_pending``), as problems.

    ``origin`` describes a plugin by name. Each unknown hook is reported with the nearest
    known hook name, the usual cause being a typo.
    """
    known = [n for n, caller in vars(manager.hook).items() if caller.has_spec()]
    problems = []
    for name, caller in sorted(vars(manager.hook).items()):
        if name.startswith("_") or caller.has_spec():
            continue
        import difflib  # only a misspelt hook needs it

        close = difflib.get_close_matches(name, known, n=1)
        for impl in caller.get_hookimpls():
            if impl.optionalhook:
                continue
            problem = Problem(kind=ProblemKind.UNKNOWN_HOOK, plugin=impl.plugin_name,
                              origin=origin(impl.plugin_name), code=name)
            if close:
                text = problem.message + _SUGGEST.format(name=close[0])
                problem = attrs.evolve(problem, detail=close[0], text=text)
            problems.append(problem)
    return problems
