"""The Dask recipe: a partitioned portfolio on a LocalCluster gives the command line's bytes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from collabrules.io.batch import EngineSpec

ROOT = Path(__file__).resolve().parents[2]

try:
    from distributed import Client, LocalCluster
except ImportError:  # the optional extra collabrules[dask]
    if os.environ.get("CI") == "true":
        raise
    pytest.skip("dask is not installed (pip install 'collabrules[dask]')",
                allow_module_level=True)


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=None) as cluster, Client(cluster) as connected:
        yield connected


def _parts(folder: Path, count: int) -> list[Path]:
    """``count`` part files of the bundled examples (fresh ids), one line broken."""
    examples = [yaml.safe_load(p.read_text("utf-8"))
                for p in sorted((ROOT / "examples").glob("*.yaml"))]
    parts = []
    for number in range(count):
        lines = []
        for index, example in enumerate(examples * 2):
            lines.append(json.dumps({**example, "id": f"{example['id']}-{number}-{index}"}))
        if number == 1:
            lines.insert(2, '{"schema_version": "1.0"}')
        path = folder / f"part-{number:03d}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        parts.append(path)
    return parts


def test_output_is_the_command_lines_and_engines_are_built_once(tmp_path: Path,
                                                                 client: Client) -> None:
    from collabrules.io.dask import evaluate_portfolio

    parts = _parts(tmp_path, 4)
    expected = tmp_path / "cli.jsonl"
    cli = subprocess.run([sys.executable, "-m", "collabrules", "evaluate", *map(str, parts),
                          "--format", "json", "-o", str(expected), "--lang", "nl",
                          "--fail-on", "never"],
                         capture_output=True, text=True, check=False, timeout=300)
    assert cli.returncode == 2  # the broken line
    output = tmp_path / "dask.jsonl"
    problems = evaluate_portfolio(client, parts, output, lang="nl")
    assert output.read_bytes() == expected.read_bytes()
    per_part = 2 * len(list((ROOT / "examples").glob("*.yaml")))  # each example twice
    assert len(output.read_text("utf-8").splitlines()) == 1 + 4 * per_part  # the run's first
    assert problems and all(f"{parts[1]}:3" in p for p in problems)
    assert problems == [line for line in cli.stderr.splitlines() if f"{parts[1]}:3" in line]

    from collabrules.io import batch

    built = client.run(lambda: len(batch._BUILT))
    assert sorted(built.values()) == [1, 1]  # each worker built its one engine once


def test_a_configured_engine_travels_to_the_workers(tmp_path: Path, client: Client) -> None:
    from collabrules.house.overrides import parse_override
    from collabrules.io.dask import evaluate_portfolio

    parts = _parts(tmp_path, 2)[:1]
    output = tmp_path / "only.jsonl"
    spec = EngineSpec(override=parse_override(["CR01"], (), ()))
    assert evaluate_portfolio(client, parts, output, engine=spec) == []
    codes = {f["code"] for line in output.read_text("utf-8").splitlines()[1:]
             for f in json.loads(line)["findings"]}
    assert codes == {"CR01"}
