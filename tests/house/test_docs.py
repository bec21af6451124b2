"""The author guide keeps up with the hooks and the CLI."""

from __future__ import annotations

import inspect

from collabrules.host import hookspecs

from .conftest import ROOT

GUIDE = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")


def test_every_hook_is_in_the_guide() -> None:
    hooks = [name for name, _ in inspect.getmembers(hookspecs, inspect.isfunction)
             if name.startswith("collabrules_")]
    assert hooks
    assert [h for h in hooks if f"`{h}(" not in GUIDE] == []


def test_the_guide_covers_each_part_of_the_issue() -> None:
    for needle in ("collabrules.toml", "--no-config", "replaces=", "applies_when",
                   "collabrules test", "collabrules.testing", "Load order", "[[waivers]]",
                   "[charter]"):
        assert needle in GUIDE, needle
