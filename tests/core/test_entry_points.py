"""Real entry-point discovery: a throw-away distribution on PYTHONPATH, and exit code 3."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from collabrules import Engine
from collabrules.model.vocab import Status

from ..conftest import EXAMPLES
from .cli import run
from .plugins import boom, plugin, principle

OFFICE = EXAMPLES / "office-cleaning.yaml"

PLUGIN_MODULE = textwrap.dedent('''
    from collabrules import hookimpl
    from collabrules.model.principle import Observation, Principle
    from collabrules.model.text import Text

    T = Text("house rule", "huisregel")

    def assess(a):
        {body}

    @hookimpl
    def collabrules_add_principles(register):
        register(Principle(code="HX1", slug="house-rule", theme=T, title=T,
                           observation=Observation(T), statement=T, checks=T, assess=assess))
''')


def install(tmp_path: Path, body: str, *, module_error: bool = False) -> dict[str, str]:
    """Write module ``xplug`` and distribution ``xplug-0.3`` with an entry point."""
    source = "raise ImportError('xplug needs numpy')\n" if module_error else \
        PLUGIN_MODULE.format(body=body)
    (tmp_path / "xplug.py").write_text(source)
    info = tmp_path / "xplug-0.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: xplug\nVersion: 0.3\n")
    (info / "entry_points.txt").write_text("[collabrules]\nhouse = xplug\n")
    return {"PYTHONPATH": str(tmp_path)}


def test_an_installed_plugin_is_found_and_listed(tmp_path: Path) -> None:
    env = install(tmp_path, "a.check('ok', True, T)")
    result = run("plugins", env=env)
    assert result.returncode == 0
    assert ["house", "xplug", "0.3", "HX1"] in [line.split() for line in
                                                 result.stdout.splitlines()]
    report = json.loads(run("evaluate", OFFICE, "--format", "json", env=env).stdout)
    assert {"name": "house", "distribution": "xplug", "version": "0.3"} in \
        report["provenance"]["plugins"]
    assert "HX1" in report["provenance"]["principle_set"]["codes"]


def test_a_principle_that_raises_gives_exit_3_and_the_rest_completes(tmp_path: Path) -> None:
    env = install(tmp_path, "raise KeyError('oops')")
    result = run("evaluate", OFFICE, "--format", "json", env=env)
    assert result.returncode == 3
    report = json.loads(result.stdout)
    statuses = {f["code"]: f["status"] for f in report["findings"]}
    assert statuses.pop("HX1") == "error"
    assert set(statuses) == {f"CR0{n}" for n in range(1, 10)}
    assert "error" not in statuses.values()
    assert report["problems"][0]["kind"] == "assess_error"
    assert "principle HX1 of plugin house (xplug 0.3, entry point house = xplug) failed: " \
           "KeyError: 'oops'" in result.stderr
    dutch = run("evaluate", OFFICE, "--lang", "nl", env=env)
    assert dutch.returncode == 3
    assert "principe HX1 van plugin house" in dutch.stderr


def test_exit_3_wins_over_exit_1(tmp_path: Path) -> None:
    env = install(tmp_path, "raise KeyError('oops')")
    assert run("evaluate", EXAMPLES / "bespoke-software.yaml", env=env).returncode == 3


def test_a_plugin_that_cannot_be_imported_is_reported_and_the_rest_loads(
        tmp_path: Path) -> None:
    env = install(tmp_path, "", module_error=True)
    result = run("evaluate", OFFICE, "--format", "json", env=env)
    assert result.returncode == 3
    report = json.loads(result.stdout)
    assert [f["code"] for f in report["findings"]] == [f"CR0{n}" for n in range(1, 10)]
    assert "plugin house (xplug 0.3, entry point house = xplug) could not be loaded: " \
           "ImportError: xplug needs numpy" in result.stderr
    assert "--block house" in result.stderr
    listed = run("plugins", env=env)
    assert listed.returncode == 3


def test_blocking_the_broken_plugin_restores_exit_0(tmp_path: Path) -> None:
    env = install(tmp_path, "raise KeyError('oops')")
    result = run("evaluate", OFFICE, "--block", "house", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_api_engine_with_a_raising_plugin_object() -> None:
    report = Engine(plugins=[plugin("bad", principle("HB1", boom))]).evaluate(OFFICE)
    assert {f.code: f.status for f in report.findings}["HB1"] is Status.ERROR
    assert report.problems and report.problems[0].plugin == "bad"


@pytest.mark.parametrize("hook", ["collabrules_adjust_finding", "collabrules_adjust_report"])
def test_a_raising_adjust_hook_is_a_problem_not_a_crash(hook: str) -> None:
    from collabrules import hookimpl

    class Faulty:
        pass

    def raising(**_: object) -> None:
        raise ValueError("bad hook")

    setattr(Faulty, hook, staticmethod(hookimpl(raising)))
    report = Engine(plugins=[("faulty", Faulty())]).evaluate(OFFICE)
    assert [(p.kind.value, p.code) for p in report.problems] == [("plugin_hook", hook)]
    assert Status.ERROR not in {f.status for f in report.findings}
    assert report.finding("CR01").status is Status.UPHELD
