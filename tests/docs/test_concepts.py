"""docs/concepts.md walks one case through the code: every module it names exists, and it
names the modules a real run passes, in the order the engine calls them."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from click.testing import CliRunner

from collabrules.cli.group import cli
from collabrules.house.config import build_engine

from .snippets import DOCS, ROOT

PAGE = DOCS / "concepts.md"
CASE = ROOT / "examples" / "bespoke-software.yaml"
WALKED = "collabrules.standard.principles.CR05"  # the principle the page follows
_NAME = re.compile(r"`(collabrules(?:\.\w+)+)`")
_FILE = re.compile(r"\.(toml|ya?ml|json)$")  # collabrules.toml is a file, not a module


def _named() -> list[str]:
    """The backticked module names on the page, in order, repeats included."""
    return [n for n in _NAME.findall(PAGE.read_text("utf-8")) if not _FILE.search(n)]


@contextmanager
def _callees(callers: set[str], into: list[str]) -> Iterator[None]:
    """Record, in first-call order, the collabrules modules whose functions are called
    directly from functions of the modules ``callers``."""

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        caller = frame.f_back
        if event != "call" or caller is None or frame.f_code.co_name == "<module>":
            return
        name = frame.f_globals.get("__name__", "")
        if (caller.f_globals.get("__name__") in callers and name.startswith("collabrules")
                and name not in callers and name not in into):
            into.append(name)

    hook: Callable[..., Any] = profile
    sys.setprofile(hook)
    try:
        yield
    finally:
        sys.setprofile(None)


def _is_subsequence(wanted: list[str], within: list[str]) -> bool:
    rest = iter(within)
    return all(name in rest for name in wanted)


def test_every_named_module_exists() -> None:
    named = _named()
    assert len(named) > 30
    missing = sorted({n for n in named if importlib.util.find_spec(n) is None})
    assert not missing, f"docs/concepts.md names modules that do not exist: {missing}"


def test_the_page_follows_the_engine_in_its_order() -> None:
    engine = build_engine(None)
    called: list[str] = []
    with _callees({"collabrules.pipeline.engine"}, called):
        engine.evaluate(CASE)
    steps = [n for n in called if not n.startswith("collabrules.standard.principles.")]
    assert WALKED in called
    assert "collabrules.pipeline.assessment" in steps  # the trace sees the engine's calls
    assert _is_subsequence(steps, _named()), (
        f"the engine calls these modules in this order: {steps}; docs/concepts.md names "
        f"them in another order or leaves some out: {_named()}")


def test_the_page_names_what_the_command_calls() -> None:
    called: list[str] = []
    with _callees({"collabrules.cli.evaluate", "collabrules.io.batch"}, called):
        result = CliRunner().invoke(cli, ["evaluate", "--no-config", str(CASE)])
    assert result.exit_code == 1, result.output  # violated principles at --fail-on high
    assert "collabrules.pipeline.engine" in called
    left_out = [n for n in called if n not in _named()]
    assert not left_out, f"docs/concepts.md does not name {left_out}"


def test_the_order_check_can_fail() -> None:
    assert _is_subsequence(["a", "c"], ["a", "b", "c"])
    assert not _is_subsequence(["c", "a"], ["a", "b", "c"])
