"""What the one-case paths load, and the start-up shortcuts held equal to the plain way.

Each import check runs the real command line in a fresh interpreter and reads
``sys.modules`` afterwards (the time itself is measured by ``benchmarks/run.py``).
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from collabrules.host import plugins
from collabrules.io import batch

from .test_startup import _PROBE, _loaded

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "office-cleaning.yaml"

# Heavy libraries and modules no one-case evaluation needs (the reference validator and
# its schema registry, the service, templates, rich text, the authoring tools, TOML
# without a configuration file, the output-file helpers without --output).
NOT_FOR_ONE_CASE = ("jsonschema", "referencing", "rpds", "jinja2", "rich", "fastapi",
                    "starlette", "pydantic", "uvicorn", "httpx", "cattrs", "jmespath",
                    "tomllib", "tomli", "collabrules.authoring", "collabrules.service",
                    "collabrules.alternatives", "collabrules.docgen", "collabrules.io.outputs",
                    "collabrules.render.html")


def _run(*args: str, cwd: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(args)], cwd=cwd,
                          capture_output=True, text=True, check=True, timeout=120)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_one_yaml_case_loads_no_heavy_module(tmp_path: Path) -> None:
    result = _run("evaluate", str(EXAMPLE), "--fail-on", "never", cwd=tmp_path)
    assert result["code"] == 0
    assert "Office cleaning" in str(result["out"])
    assert _loaded(result["modules"], NOT_FOR_ONE_CASE) == []
    assert "yaml" in result["modules"]  # type: ignore[operator]


def test_one_json_case_does_not_import_pyyaml(tmp_path: Path) -> None:
    case = tmp_path / "office-cleaning.json"
    case.write_text(json.dumps(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))),
                    encoding="utf-8")
    result = _run("evaluate", str(case), "--fail-on", "never", cwd=tmp_path)
    assert result["code"] == 0
    assert "Office cleaning" in str(result["out"])
    assert _loaded(result["modules"], ("yaml", "_yaml", *NOT_FOR_ONE_CASE)) == []


def test_importing_the_package_does_not_import_importlib_resources() -> None:
    code = ("import importlib, sys, collabrules; from collabrules._moved import MOVED; "
            "[importlib.import_module(f'collabrules.{old}') for old, new in MOVED.items() "
            "if new == 'model.case']; "
            "print(sorted(m for m in sys.modules if m.startswith('importlib.')))")
    done = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True,
                          text=True, check=True, timeout=60)
    assert "importlib.abc" not in done.stdout
    assert "importlib.resources" not in done.stdout


def test_entry_points_read_each_distribution_once(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    original = metadata.PathDistribution.metadata

    def counted(self: metadata.PathDistribution) -> object:
        reads.append(str(self._path))  # type: ignore[attr-defined]
        return original.fget(self)  # type: ignore[attr-defined]

    monkeypatch.setattr(metadata.PathDistribution, "metadata", property(counted))
    found = plugins._entry_points()
    assert found
    assert sorted(reads) == sorted(set(reads))
    # The plain way: each entry point's own distribution, read for every entry point.
    monkeypatch.undo()
    expected = sorted(((ep.name, str(ep.dist.metadata["Name"]), str(ep.dist.version))
                       for ep in metadata.entry_points(group=plugins.GROUP)
                       if ep.dist is not None), key=lambda e: (e[1], e[0]))
    assert [(ep.name, name, version) for ep, name, version in found] == expected


def test_standard_plugins_are_the_collabrules_entry_points() -> None:
    expected = sorted(ep.name for ep in metadata.entry_points(group=plugins.GROUP)
                      if ep.dist is not None and ep.dist.metadata["Name"] == "collabrules")
    assert [name for name, _ in plugins.standard_plugins()] == expected


@pytest.mark.parametrize("args", [
    ("evaluate", str(EXAMPLE), "--fail-on", "never"),
    ("evaluate", str(EXAMPLE), "--compact"),  # a usage error before the engine is built
    ("evaluate", "no-such-file.yaml"),
])
def test_the_garbage_collector_is_on_after_evaluate(args: tuple[str, ...]) -> None:
    from collabrules.cli import load_all

    assert gc.isenabled()
    try:
        CliRunner().invoke(load_all(), list(args))
    finally:
        batch._BUILT.clear()
    assert gc.isenabled()
