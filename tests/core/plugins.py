"""Small plugin objects for engine tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from collabrules import hookimpl
from collabrules.host.registry import PrincipleRegistrar
from collabrules.model.principle import Observation, Principle
from collabrules.model.text import Text
from collabrules.model.vocab import Status
from collabrules.pipeline.assessment import Assessment


def hold(a: Assessment) -> None:
    a.check("always", True, Text("always holds", "klopt altijd"))


def fail(a: Assessment) -> None:
    a.check("never", False, Text("never holds", "klopt nooit"), effect=Status.VIOLATED)


def boom(a: Assessment) -> None:
    raise RuntimeError("boom")


def principle(code: str, assess: Callable[[Assessment], None] = hold,
              replaces: str | None = None, slug: str | None = None) -> Principle:
    """A minimal principle with the given code."""
    t = Text(f"{code} text", f"{code} tekst")
    return Principle(code=code, slug=slug or code.lower(), theme=t, title=t,
                     observation=Observation(t), statement=t, checks=t, assess=assess,
                     replaces=replaces)


class PrinciplePlugin:
    """A plugin object that registers the given principles."""

    def __init__(self, name: str, *principles: Principle, version: str = "1.0") -> None:
        self.__name__ = name
        self.collabrules_version = version
        self._principles = principles

    @hookimpl
    def collabrules_add_principles(self, register: PrincipleRegistrar) -> None:
        for p in self._principles:
            register(p)


def plugin(name: str, *principles: Principle) -> tuple[str, Any]:
    """A ``(name, object)`` pair for ``Engine(plugins=...)``."""
    return name, PrinciplePlugin(name, *principles)
