"""The principles and the recommendation through the real command line, in both languages."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ..core.cli import run_here
from .helpers import ROOT

SLUGS = {
    "CR01": "reciprocity", "CR02": "interests-and-goals",
    "CR03": "differences-create-opportunities", "CR04": "differences-are-a-risk",
    "CR05": "trust-fits-depth", "CR06": "tailoring", "CR07": "not-everyone-is-a-friend",
    "CR08": "partnership-is-not-a-model", "CR09": "it-takes-time",
}


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "collabrules", *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", check=False)


@pytest.mark.parametrize(("code", "slug"), sorted(SLUGS.items()))
def test_explain_every_principle_in_both_languages(code: str, slug: str) -> None:
    # in this process (18 runs); test_principles_lists_all_nine... runs the real command
    english = run_here("explain", code, cwd=ROOT)
    dutch = run_here("explain", slug, "--lang", "nl", cwd=ROOT)
    assert english.returncode == 0 and dutch.returncode == 0, english.stderr + dutch.stderr
    assert english.stdout.startswith(f"{code} ")
    assert "Observation" in english.stdout and "What it checks" in english.stdout
    assert "Observatie" in dutch.stdout and "Wat het toetst" in dutch.stdout
    assert english.stdout != dutch.stdout


def test_principles_lists_all_nine_with_their_slugs() -> None:
    result = _cli("principles", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {row["code"]: row["slug"] for row in json.loads(result.stdout)}
    assert {code: rows.get(code) for code in SLUGS} == SLUGS


def test_evaluate_exit_code_reflects_violations() -> None:
    assert _cli("evaluate", "examples/bespoke-software.yaml").returncode == 1
    assert _cli("evaluate", "examples/office-cleaning.yaml").returncode == 0


def test_evaluate_json_in_dutch_carries_the_recommendation() -> None:
    result = _cli("evaluate", "examples/aggressive-monopolist.yaml", "--format", "json",
                  "--lang", "nl", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["recommendation"]["model"] == "defensive"
    assert report["recommendation"]["name"] == "Defensief"
    assert report["recommendation"]["path"][0]["name"] == "Het contract verstevigen"
