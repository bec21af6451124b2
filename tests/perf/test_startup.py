"""Start-up imports only what the command needs (the time itself is measured by benchmarks/).

Each check runs the real console entry point in a fresh interpreter and reads
``sys.modules`` afterwards: a module that is not there was not paid for.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "office-cleaning.yaml"

_PROBE = """
import contextlib, gc, io, json, sys
from collabrules.cli import main
sys.argv = ["collabrules", *json.loads(sys.argv[1])]
out, code = io.StringIO(), 0
try:
    with contextlib.redirect_stdout(out):
        main()
except SystemExit as stop:
    code = stop.code
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules),
                  "gc_enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}))
"""

HEAVY = ("jsonschema", "fastapi", "starlette", "pydantic", "uvicorn", "jinja2", "rich",
         "cattrs", "httpx", "collabrules.service", "collabrules.render.html",
         "collabrules.cli.serve", "collabrules.cli.check")


def _run(*args: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(args)],
                          capture_output=True, text=True, check=True, timeout=120)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _loaded(modules: object, names: tuple[str, ...]) -> list[str]:
    assert isinstance(modules, list)
    return [m for m in modules if m in names or m.startswith(tuple(f"{n}." for n in names))]


def test_version_imports_neither_click_nor_the_engine() -> None:
    result = _run("--version")
    assert result["code"] == 0
    assert result["out"] == "collabrules, version " + __import__("collabrules").__version__ + "\n"
    assert _loaded(result["modules"], ("click", "attrs", "yaml", "pluggy", "jsonschema_rs",
                                       "importlib.metadata", "collabrules.pipeline",
                                       "collabrules.model.report", "collabrules.model.case",
                                       "collabrules.cli.group", *HEAVY)) == []


def test_evaluating_one_case_loads_only_its_command() -> None:
    result = _run("evaluate", str(EXAMPLE), "--fail-on", "never")
    assert result["code"] == 0
    assert "office" in str(result["out"]).lower()
    assert "collabrules.cli.evaluate" in result["modules"]  # type: ignore[operator]
    others = [f"collabrules.cli.{name}" for name in ("compare", "eval", "models", "new",
                                                    "options", "plugins", "principles",
                                                    "schema", "test", "validate")]
    assert _loaded(result["modules"], (*HEAVY, *others)) == []


def test_help_still_lists_every_command() -> None:
    from collabrules.cli.group import COMMAND_MODULES

    result = _run("--help")
    assert result["code"] == 0
    listed = str(result["out"]).split("Commands:")[1]
    assert [name for name in COMMAND_MODULES if f"  {name} " not in listed] == []


def test_every_command_module_is_listed_by_name() -> None:
    import pkgutil
    from importlib import import_module

    import collabrules.cli
    from collabrules.cli.group import COMMAND_MODULES, cli

    for module in pkgutil.iter_modules(collabrules.cli.__path__):
        import_module(f"collabrules.cli.{module.name}")  # registers every command there is
    registered = {name: command.callback.__module__.rsplit(".", 1)[1]
                  for name, command in cli.commands.items() if command.callback}
    assert registered == COMMAND_MODULES
