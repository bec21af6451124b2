"""``collabrules models``, ``explain MODEL`` and ``compare --fail-on STEPS``."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

import collabrules
from collabrules.io.trends import SCALE, Snapshot, Verdict, compare
from collabrules.model.text import Text
from collabrules.model.vocab import Severity, Status

from .helpers import DATA, ROOT, run_cli, run_cli_here

OLD = "examples/bespoke-software.yaml"
NEW = str((DATA / "bespoke-software.v2.yaml").relative_to(ROOT))


def test_compare_fail_on_gates_a_regression() -> None:
    worse = run_cli_here("compare", NEW, OLD, "--fail-on", "2")
    assert worse.returncode == 1, worse.stderr
    assert "CR01" in worse.stdout  # the report is still printed
    better = run_cli_here("compare", OLD, NEW, "--fail-on", "1")
    assert better.returncode == 0, better.stderr
    assert run_cli_here("compare", NEW, OLD).returncode == 0  # no gate without --fail-on
    assert run_cli_here("compare", OLD, NEW, "--fail-on", "3").returncode == 2


def _snap(statuses: dict[str, Status]) -> Snapshot:
    return Snapshot(case_id="x", title=None, source="s", verdicts=tuple(
        Verdict(code=c, title=Text(c, c), status=s, severity=Severity.LOW)
        for c, s in statuses.items()))


codes = st.sampled_from(["CR01", "CR02", "CR03"])


@given(st.dictionaries(codes, st.sampled_from(list(Status))),
       st.dictionaries(codes, st.sampled_from(list(Status))))
def test_steepest_drop(old: dict[str, Status], new: dict[str, Status]) -> None:
    trend = compare(_snap(old), _snap(new))
    drops = [SCALE[old[c]] - SCALE[new[c]] for c in set(old) & set(new)
             if old[c] in SCALE and new[c] in SCALE]
    assert trend.steepest_drop() == max([0, *drops])
    assert (trend.steepest_drop() > 0) == (trend.count("down") > 0)


def test_models_lists_the_taxonomy_with_what_each_needs() -> None:
    result = run_cli("models", "--format", "json", "--lang", "nl")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    taxonomy = collabrules.default_engine().taxonomy
    assert taxonomy is not None and data["taxonomy"] == taxonomy.name
    assert {m["id"] for m in data["models"]} == set(taxonomy.models)
    collaborative = next(m for m in data["models"] if m["id"] == "collaborative")
    model = taxonomy.models["collaborative"]
    assert collaborative["name"] == model.name.nl and collaborative["trust"] == model.trust.value
    assert collaborative["governance"] == [f"$.relationship.governance.{g}"
                                           for g in model.governance]
    table = run_cli("models").stdout.splitlines()
    assert [line.split()[0] for line in table[2:]] == [m["id"] for m in data["models"]]


def test_explain_a_model_and_a_misspelt_one() -> None:
    model = collabrules.default_engine().taxonomy.models["strategic-alliance"]  # type: ignore[union-attr]
    result = run_cli_here("explain", "strategic-alliance", "--lang", "nl")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(model.name.nl)
    assert all(stage.name.nl in result.stdout for stage in model.stages)
    wrong = run_cli_here("explain", "strategic-aliance")
    assert wrong.returncode == 2
    assert "did you mean 'strategic-alliance'?" in wrong.stderr
