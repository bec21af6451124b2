"""The fixture format's base case + changes: ``set``, ``remove`` and ``failed``."""

from __future__ import annotations

from pathlib import Path

import pytest

from collabrules.authoring.fixtures import read_fixtures
from collabrules.authoring.testrun import run_fixtures
from collabrules.model.errors import InputError
from collabrules.pipeline.engine import Engine

from .conftest import run_cli, write_yaml

ROOT = Path(__file__).resolve().parents[2]
BESPOKE = str(ROOT / "examples" / "bespoke-software.yaml")


def _file(tmp_path: Path, **fixture: object) -> Path:
    path = tmp_path / "f.yaml"
    write_yaml(path, {"fixtures": [{"case": BESPOKE, **fixture}]})
    return path


def test_set_and_remove_change_only_the_fixture_copy(tmp_path: Path) -> None:
    path = _file(tmp_path, set={"relationship.trust": "medium", "delivery.extra.deep": 1},
                 remove=["$.delivery.risk"], expect={"CR05": "at_risk"})
    (fixture,) = read_fixtures(path)
    assert fixture.case.data["relationship"]["trust"] == "medium"
    assert fixture.case.data["delivery"]["extra"] == {"deep": 1}
    assert "risk" not in fixture.case.data["delivery"]
    (again,) = read_fixtures(_file(tmp_path, expect={"CR05": "violated"}))
    assert again.case.data["relationship"]["trust"] == "low"
    assert "risk" in again.case.data["delivery"]


@pytest.mark.parametrize(("failed", "ok"), [
    (["trust_sufficient"], True), ([], False), (["trust_sufficient", "guarantees_cover"], False)])
def test_failed_names_exactly_the_conditions_that_fail(tmp_path: Path, failed: list[str],
                                                       ok: bool) -> None:
    path = _file(tmp_path, set={"relationship.trust": "medium"}, expect={"CR05": "at_risk"},
                 failed={"CR05": failed})
    (result,) = run_fixtures(Engine(), read_fixtures(path)).results
    assert result.ok is ok
    assert result.checks[0].got_failed == ("trust_sufficient",)


@pytest.mark.parametrize(("fixture", "where"), [
    ({"remove": ["delivery.nothing"]}, "$.fixtures[0].remove[0]"),
    ({"remove": ["parties[9].name"]}, "$.fixtures[0].remove[0]"),
    ({"set": {"parties[9].name": "x"}}, "$.fixtures[0].set.parties[9].name"),
    ({"set": ["x"]}, "$.fixtures[0].set"),
    ({"failed": {"CR01": ["x"]}}, "$.fixtures[0].failed.CR01"),
    ({"failed": {"CR05": "trust_sufficient"}}, "$.fixtures[0].failed.CR05"),
    ({"patch": {}}, "$.fixtures[0].patch"),
])
def test_bad_changes_name_the_place(tmp_path: Path, fixture: dict[str, object],
                                    where: str) -> None:
    path = _file(tmp_path, expect={"CR05": "violated"}, **fixture)
    with pytest.raises(InputError) as caught:
        read_fixtures(path)
    issue = caught.value.issues[0]
    assert issue.path == where
    assert issue.message.en and issue.message.nl and issue.message.en != issue.message.nl


def test_the_cli_shows_a_condition_mismatch(tmp_path: Path) -> None:
    path = _file(tmp_path, set={"relationship.trust": "medium"}, expect={"CR05": "at_risk"},
                 failed={"CR05": ["guarantees_cover"]})
    result = run_cli("test", str(path), cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert ("CR05: expected failed conditions [guarantees_cover], got [trust_sufficient]"
            in result.stdout)
