"""Each principle against its fixture file, in the public fixture format plugin authors
use (``collabrules test``): every status and boundary, each fixture a worked scenario with
only what differs."""

from __future__ import annotations

import pytest

from collabrules.authoring.fixtures import Fixture, read_fixtures
from collabrules.authoring.testrun import run_fixtures
from collabrules.model.vocab import Status

from ..core.cli import run_here
from .helpers import FIXTURES, ROOT, engine

CODES = [f"CR0{n}" for n in range(1, 10)]


def _fixtures() -> list[Fixture]:
    return [f for path in sorted(FIXTURES.glob("CR*.yaml")) for f in read_fixtures(path)]


def test_every_standard_principle_has_a_fixture_file() -> None:
    assert sorted(p.stem for p in FIXTURES.glob("CR*.yaml")) == CODES
    assert sorted(p.code for p in engine().principles if p.source == "collabrules") == CODES


@pytest.mark.parametrize("code", CODES)
def test_fixture_file_tests_its_own_principle_up_to_undetermined(code: str) -> None:
    fixtures = read_fixtures(FIXTURES / f"{code}.yaml")
    assert {c for f in fixtures for c in f.expect} == {code}
    reached = {f.expect[code] for f in fixtures}
    assert {Status.UPHELD, Status.UNDETERMINED} <= reached
    assert len(reached) >= 3


@pytest.mark.parametrize("fixture", _fixtures(), ids=lambda f: f"{f.file[-9:-5]}-{f.name}")
def test_fixture(fixture: Fixture) -> None:
    (result,) = run_fixtures(engine(), [fixture]).results
    assert result.error is None and result.report is not None
    (code,) = fixture.expect
    finding = result.report.finding(code)
    explanation = [(c.id, c.outcome.value) for c in finding.conditions]
    assert result.ok, (result.checks, explanation)
    for condition in finding.conditions:
        for text in (condition.text, condition.action):
            for lang in ("en", "nl") if text else ():
                words = text.get(lang)
                assert "()" not in words and ": ." not in words and "  " not in words, words
    if finding.status is Status.UNDETERMINED:
        assert finding.missing, "an undetermined finding names the facts that would decide it"
    if finding.status in (Status.VIOLATED, Status.AT_RISK):
        assert finding.actions, "a failed principle recommends actions"
        assert all(a.en and a.nl and a.en != a.nl for a in finding.actions)


def test_the_cli_runs_the_standard_fixtures() -> None:
    result = run_here("test", FIXTURES, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    count = len(_fixtures())
    assert f"{count} fixtures, {count} expectations: {count} passed, 0 failed" in result.stdout
