"""The casebook against the default engine: every case valid, agreement at or above the
threshold, every principle exercised, and ``docs/casebook.md`` current.

The gate is the agreement threshold, with every disagreement the project has not decided to
keep listed in the failure message; the per-case tests only check that a case is valid, that
the engine evaluates it without an error finding, and that its ``kept`` reasons are not stale.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import collabrules
from collabrules.model.errors import InputError

from . import render
from .book import (
    CASES,
    CODES,
    MIN_EXERCISING,
    MODEL,
    THRESHOLD,
    CasebookError,
    Comparison,
    compare,
    load,
    load_entry,
)

PATHS = sorted(CASES.glob("*.yaml"))


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare(load())


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_case_is_valid_and_evaluates(path: Path) -> None:
    entry = load_entry(path)
    try:
        report = collabrules.default_engine().evaluate(dict(entry.case))
    except InputError as error:
        pytest.fail(f"{path}: the case is not valid: {error}")
    errors = [f.code for f in report.findings if f.status.value == "error"]
    assert errors == [], f"{path}: principles failed with an error: {errors}"
    assert str(entry.case["id"]) == path.stem, f"{path}: case.id must equal the file name"


def test_kept_reasons_name_real_disagreements(comparison: Comparison) -> None:
    disagreeing = {(o.slug, o.expectation.target) for o in comparison.disagreements()}
    stale = [f"{e.path.name}: kept {target}" for e in comparison.entries for target in e.kept
             if (e.slug, target) not in disagreeing]
    assert stale == [], f"kept reasons for outcomes the engine now agrees with: {stale}"


def test_agreement_meets_the_threshold(comparison: Comparison) -> None:
    agreeing, total = comparison.agreement()
    unkept = [f"{o.slug} {o.expectation.target}: expected {' or '.join(o.expectation.accepted)},"
              f" engine {o.got}" for o in comparison.disagreements()
              if comparison.kept_reason(o) is None]
    assert agreeing / total >= THRESHOLD, (
        f"casebook agreement {agreeing}/{total} is below {THRESHOLD:.0%}; "
        f"disagreements not kept ({len(unkept)}):\n" + "\n".join(unkept))


def test_every_principle_is_exercised_by_enough_cases(comparison: Comparison) -> None:
    short = {}
    for code in CODES:
        count = sum(1 for e in comparison.entries for x in e.expectations
                    if x.target == code and x.exercising)
        if count < MIN_EXERCISING:
            short[code] = count
    assert short == {}, f"principles exercised by fewer than {MIN_EXERCISING} cases: {short}"


def test_at_least_a_third_of_the_cases_take_the_suppliers_side(comparison: Comparison) -> None:
    sides = [e.side for e in comparison.entries]
    assert len(sides) >= 30
    assert 3 * sides.count("supplier") >= len(sides), sides


def test_the_page_is_current(comparison: Comparison) -> None:
    current = render.PAGE.read_text(encoding="utf-8")
    assert current == render.render(comparison), (
        "docs/casebook.md is out of date: run python -m tests.casebook.render")


def test_the_page_lists_every_disagreement(comparison: Comparison) -> None:
    section = render.render(comparison).split("### Disagreements", 1)[1]
    for outcome in comparison.disagreements():
        title = next(e.title for e in comparison.entries if e.slug == outcome.slug)
        row = f"| {render._cell(title)} | {outcome.expectation.target} |"
        assert row in section, row


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "made-up.yaml"
    path.write_text(text, encoding="utf-8")
    return path


CASE = """\
title: Made-up office cleaning
source: {title: made up for a test}
perspective_note: customer
case:
  schema_version: "1.0"
  id: made-up
  perspective: buyer
  parties:
    - {id: buyer, name: Buyer, role: customer}
    - {id: cleaner, name: Cleaner, role: supplier}
expect:
"""


def test_a_malformed_expectation_names_the_file_and_what_to_fix(tmp_path: Path) -> None:
    path = _write(tmp_path, CASE + "".join(
        f"  {code}: {{status: sometimes, why: a reason}}\n" for code in CODES)
        + "expect_model: {model: undetermined, why: a reason}\n")
    with pytest.raises(CasebookError, match=r"made-up\.yaml: CR01\.status 'sometimes'"):
        load_entry(path)


def test_a_wrong_expectation_is_reported_as_a_disagreement(tmp_path: Path) -> None:
    path = _write(tmp_path, CASE + "".join(
        f"  {code}: {{status: [upheld, violated], why: a reason}}\n" for code in CODES)
        + "expect_model: {model: strategic-alliance, why: a reason}\n")
    result = compare([load_entry(path)])
    assert result.agreement() == (0, 10)
    targets = {o.expectation.target for o in result.disagreements()}
    assert targets == {*CODES, MODEL}
