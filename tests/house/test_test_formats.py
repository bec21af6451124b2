"""``collabrules test``: ``-k`` to choose fixtures and ``--format junit``."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collabrules.authoring.keywords import KeywordError, keyword_match

from .conftest import run_cli, run_here
from .test_cli import _fixture_dir

words = st.text(alphabet="abcxyz", min_size=1, max_size=3)


@given(a=words, b=words, text=st.text(alphabet="abcxyz ", max_size=12))
def test_keyword_expressions_follow_boolean_logic(a: str, b: str, text: str) -> None:
    assert keyword_match(a, text) == (a in text)
    assert keyword_match(f"{a} and not {b}", text) == (a in text and b not in text)
    assert keyword_match(f"not ({a} or {b})", text) == (a not in text and b not in text)
    assert keyword_match(f"{a.upper()} or {b}", text) == (a in text or b in text)


@pytest.mark.parametrize("expression", ["", "a and", "(a or b", "a b", "or a", "a )"])
def test_unreadable_keyword_expressions(expression: str) -> None:
    with pytest.raises(KeywordError):
        keyword_match(expression, "a b")


def test_k_chooses_fixtures(tmp_path: Path) -> None:
    folder = _fixture_dir(tmp_path, "undetermined")
    result = run_here("test", str(folder), "-k", "exit and not cleaning", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 fixtures, 1 expectations: 1 passed, 0 failed" in result.stdout
    assert "high risk, no exit plan" in result.stdout


def test_k_unreadable_is_a_usage_error_in_dutch(tmp_path: Path) -> None:
    folder = _fixture_dir(tmp_path, "undetermined")
    result = run_here("test", str(folder), "-k", "exit and", "--lang", "nl", cwd=tmp_path)
    assert result.returncode == 2
    assert "geen geldige uitdrukking" in result.stderr


def test_junit_one_testcase_per_fixture(tmp_path: Path) -> None:
    folder = _fixture_dir(tmp_path, "violated")
    result = run_cli("test", str(folder), "--format", "junit", cwd=tmp_path)
    assert result.returncode == 1
    root = ET.fromstring(result.stdout)
    cases = root.findall("testsuite/testcase")
    assert len(cases) == 2
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == ["high risk, no exit plan"]
    failure = failed[0].find("failure")
    assert failure is not None and "HP01: violated -> undetermined" in (failure.text or "")
    assert root.get("tests") == "2" and root.get("failures") == "1"
