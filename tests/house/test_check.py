"""``collabrules check``, ``validate --format json`` and non-case files in case folders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from collabrules.io.kinds import ANSWERS, CASE, DESIGN, FIXTURES, PRINCIPLES, REPORT, kind_of

from .conftest import ROOT, house_file, minimal_case, principle_doc, run_cli, run_here, write_yaml


def _workspace(tmp_path: Path) -> Path:
    """One file of every kind, each valid, and one file collabrules does not read."""
    (tmp_path / "cases").mkdir()
    write_yaml(tmp_path / "cases" / "case.yaml", minimal_case())
    house_file(tmp_path / "house.yaml")
    write_yaml(tmp_path / "fixtures.yaml", {"fixtures": [
        {"name": "n/a", "case": minimal_case(delivery={"risk": "low"}),
         "expect": {"HP01": "not_applicable"}}]})
    write_yaml(tmp_path / "answers.yaml", {"id": "bare", "perspective": "customer",
                                           "us.name": "Acme", "them.name": "Vendor"})
    (tmp_path / "collabrules.toml").write_text('house-principles = ["house.yaml"]\n',
                                               encoding="utf-8")
    write_yaml(tmp_path / "mkdocs.yml", {"site_name": "not ours"})
    report = run_here("evaluate", str(ROOT / "examples" / "office-cleaning.yaml"),
                      "--format", "json", "--no-config")
    (tmp_path / "report.json").write_text(report.stdout, encoding="utf-8")
    return tmp_path


def test_check_recognises_every_kind(tmp_path: Path) -> None:
    folder = _workspace(tmp_path)
    result = run_cli("check", "--format", "json", cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    kinds = {Path(f["file"]).name: f["kind"] for f in json.loads(result.stdout)["files"]}
    assert kinds == {"case.yaml": "case", "house.yaml": "principles",
                     "fixtures.yaml": "fixtures", "answers.yaml": "answers",
                     "collabrules.toml": "config", "mkdocs.yml": None, "report.json": "report"}


def test_check_locates_every_error(tmp_path: Path) -> None:
    folder = _workspace(tmp_path)
    write_yaml(folder / "cases" / "case.yaml", minimal_case(delivery={"risk": "hihg"}))
    write_yaml(folder / "answers.yaml", {"id": "bare", "perspective": "customer",
                                         "us.name": "Acme", "them.name": "B", "us.colour": "red"})
    house_file(folder / "house.yaml", principle_doc(severity="urgent"))
    (folder / "collabrules.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    result = run_here("check", str(folder), "--lang", "nl")
    assert result.returncode == 2
    for where in ("case.yaml:", "$.delivery.risk", "answers.yaml:", "$.us.colour",
                  "house.yaml:", "$.principles[0].severity", "collabrules.toml", '$["fail-on"]'):
        assert where in result.stderr, (where, result.stderr)
    assert "4 van 7 bestanden ongeldig" in result.stderr
    data = json.loads(run_here("check", str(folder), "--format", "json").stdout)
    assert data["invalid"] == 4
    issue = next(f for f in data["files"] if f["kind"] == "case")["issues"][0]
    assert issue["path"] == "$.delivery.risk" and isinstance(issue["line"], int)


def test_check_json_lines_and_missing_path(tmp_path: Path) -> None:
    lines = tmp_path / "portfolio.jsonl"
    lines.write_text(json.dumps(minimal_case()) + "\n{\n", encoding="utf-8")
    result = run_here("check", str(lines), str(tmp_path / "nope.yaml"))
    assert result.returncode == 2
    assert "portfolio.jsonl:2" in result.stderr and "nope.yaml" in result.stderr


def test_validate_format_json(tmp_path: Path) -> None:
    bad = write_yaml(tmp_path / "bad.yaml", minimal_case(delivery={"risk": "hihg"}))
    good = ROOT / "examples" / "office-cleaning.yaml"
    result = run_here("validate", str(good), str(bad), "--format", "json")
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert (data["valid"], data["invalid"]) == (1, 1)
    [issue] = data["files"][1]["issues"]
    assert issue["file"] == str(bad) and issue["path"] == "$.delivery.risk"
    assert issue["line"] == next(n for n, line in enumerate(
        bad.read_text("utf-8").splitlines(), 1) if "hihg" in line)


def test_evaluate_a_folder_skips_files_that_are_not_cases(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    shutil.copytree(ROOT / "plugins" / "collabrules-house-example" / "fixtures", folder)
    result = run_here("evaluate", str(folder), "--format", "json", "--fail-on", "never",
                      "--no-config")
    assert result.returncode == 0, result.stderr
    assert "acme.yaml: skipped, not a case but fixtures" in result.stderr
    assert len(result.stdout.splitlines()) == 1 + 3  # the run's provenance line first


@given(st.dictionaries(st.sampled_from(["parties", "schema_version", "fixtures",
                                        "principles", "findings", "provenance", "us.name",
                                        "title", "site_name", "relationship"]),
                       st.sampled_from([[], {}, "x", 1])))
def test_every_mapping_has_one_kind(data: dict[str, object]) -> None:
    kind = kind_of(data)
    assert kind in (CASE, FIXTURES, PRINCIPLES, REPORT, ANSWERS, DESIGN, None)
    assert (kind == DESIGN) == ("relationship" in data and set(data) <= {"relationship",
                                                                          "title"})
    if "parties" in data and not isinstance(data.get("fixtures"), list) and \
            not isinstance(data.get("principles"), list) and "findings" not in data:
        assert kind == CASE


def test_a_case_needs_a_key_only_cases_have() -> None:
    assert kind_of({"id": "x", "title": "t", "case": {}, "expect": {}}) is None  # casebook
    assert kind_of({"id": "x", "perspective": "us"}) == CASE  # broken, but a case
    assert kind_of({"id": "x", "relationship": {}}) == CASE
    assert kind_of({"relationship": {}}) == DESIGN  # an (empty) alternative design


def test_check_recognises_and_validates_design_files(tmp_path: Path) -> None:
    good = write_yaml(tmp_path / "mixed.yaml", {
        "title": "Mixed team", "relationship": {"governance": {"mixed_teams": True}}})
    bad = write_yaml(tmp_path / "bad.yaml", {
        "relationship": {"governance": {"mixed_teams": "yes"}}})
    empty = write_yaml(tmp_path / "empty.yaml", {"title": "Nothing", "relationship": {}})
    result = run_here("check", str(tmp_path), "--format", "json")
    assert result.returncode == 2, result.stdout + result.stderr
    files = {Path(f["file"]).name: f for f in json.loads(result.stdout)["files"]}
    assert {name: (f["kind"], f["valid"]) for name, f in files.items()} == {
        good.name: ("design", True), bad.name: ("design", False),
        empty.name: ("design", False)}
    assert [i["path"] for i in files[bad.name]["issues"]] == [
        "$.relationship.governance.mixed_teams"]
    assert [i["path"] for i in files[empty.name]["issues"]] == ["$.relationship"]
    text = run_here("check", str(bad), "--lang", "nl")
    assert text.returncode == 2 and f"{bad}:" in text.stderr
