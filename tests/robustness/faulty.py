"""A faulty plugin distribution written to disk, so entry-point discovery is real.

``collabrules-faulty 1.0`` ships five plugins, each broken in one way: ``raising``
(FX01 raises), ``wrongtype`` (FX02's assess returns a value), ``broken`` (fails to
import), ``duplicate`` (registers CR01 a second time) and ``slow`` (FX05 spins for 0.3 s
of CPU time).
"""

from __future__ import annotations

from pathlib import Path

DIST = "collabrules-faulty"
VERSION = "1.0"

_PRINCIPLE = '''
from collabrules import hookimpl
from collabrules.model.principle import Observation, Principle
from collabrules.model.text import Text


def make(code, assess):
    return Principle(
        code=code, slug="faulty-" + code.lower(), theme=Text("Faults", "Fouten"),
        title=Text("A faulty principle", "Een foutief principe"),
        observation=Observation(Text("Plugins fail.", "Plugins falen.")),
        statement=Text("Fail.", "Faal."), checks=Text("Nothing.", "Niets."),
        assess=assess)


def ok(a):
    a.check("always", True, Text("it holds", "het klopt"))
'''

MODULES = {
    "raising": _PRINCIPLE + '''

def boom(a):
    raise RuntimeError("the faulty plugin exploded")


@hookimpl
def collabrules_add_principles(register):
    register(make("FX01", boom))
''',
    "wrongtype": _PRINCIPLE + '''

def returns(a):
    ok(a)
    return 42


@hookimpl
def collabrules_add_principles(register):
    register(make("FX02", returns))
''',
    "broken": '''
import collabrules_no_such_module_anywhere  # noqa: F401
''',
    "duplicate": _PRINCIPLE + '''

@hookimpl
def collabrules_add_principles(register):
    register(make("CR01", ok))
''',
    "slow": _PRINCIPLE + '''
import time


def slow(a):
    end = time.thread_time() + 0.3  # CPU time: the budget counts no sleeping
    while time.thread_time() < end:
        pass
    ok(a)


@hookimpl
def collabrules_add_principles(register):
    register(make("FX05", slow))
''',
}


def write_dist(folder: Path, modules: dict[str, str], *, dist: str = DIST,
               version: str = VERSION) -> Path:
    """Write a package of plugin ``modules`` and its ``.dist-info`` into ``folder``."""
    package_name = dist.replace("-", "_")
    package = folder / package_name
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text('"""Plugins for tests."""\n')
    for name, source in modules.items():
        (package / f"{name}.py").write_text(source)
    info = folder / f"{package_name}-{version}.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
    (info / "entry_points.txt").write_text("[collabrules]\n" + "".join(
        f"{name} = {package_name}.{name}\n" for name in modules))
    return folder


def write_faulty_dist(folder: Path) -> Path:
    """Write the faulty distribution into ``folder`` (put it on PYTHONPATH)."""
    return write_dist(folder, MODULES)


def principle_module(body: str) -> str:
    """Source of a plugin module: the shared principle helpers plus ``body``."""
    return _PRINCIPLE + body
