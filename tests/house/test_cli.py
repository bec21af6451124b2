"""The command line: --config/--no-config, config defaults, and `collabrules test`."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import ROOT, house_file, minimal_case, principle_doc, run_cli, run_here, write_yaml

BESPOKE = ROOT / "examples" / "bespoke-software.yaml"


def test_config_found_upwards_sets_language_and_fail_on(tmp_path: Path) -> None:
    (tmp_path / "collabrules.toml").write_text('lang = "nl"\nfail-on = "never"\n',
                                               encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    result = run_cli("evaluate", str(BESPOKE), cwd=work)
    assert result.returncode == 0, result.stderr
    assert "Samenwerkingsrapport" in result.stdout
    flags = run_cli("evaluate", "--lang", "en", "--fail-on", "high", str(BESPOKE), cwd=work)
    assert flags.returncode == 1
    assert "Collaboration report" in flags.stdout


def test_no_config_ignores_the_file(tmp_path: Path) -> None:
    (tmp_path / "collabrules.toml").write_text('lang = "nl"\n', encoding="utf-8")
    result = run_here("evaluate", "--no-config", "--fail-on", "never", str(BESPOKE), cwd=tmp_path)
    assert result.returncode == 0
    assert "Collaboration report" in result.stdout


def test_explicit_config_with_house_principles_severity_and_waiver(tmp_path: Path) -> None:
    house_file(tmp_path / "house.yaml", principle_doc("HP01"))
    config = tmp_path / "org.toml"
    config.write_text(
        'house-principles = ["house.yaml"]\nfail-on = "high"\nselect = ["CR01", "HP"]\n'
        '[severities]\nCR01 = "low"\n'
        '[[waivers]]\ncase = "bespoke-software"\nprinciple = "HP01"\n'
        'reason = "exit plan follows in the next release"\nowner = "CPO"\n'
        'expires = 2999-01-01\n', encoding="utf-8")
    result = run_here("evaluate", "--config", str(config), "--format", "json", str(BESPOKE),
                      cwd=ROOT)
    report = json.loads(result.stdout)
    findings = {f["code"]: f for f in report["findings"]}
    assert findings["CR01"]["severity"] == "low"
    assert findings["HP01"]["status"] == "undetermined"
    assert [n["id"] for n in report["notes"]] == ["waiver-unused-HP01"]
    assert result.returncode == 0, result.stderr


def test_waived_finding_does_not_fail_the_run(tmp_path: Path) -> None:
    config = tmp_path / "org.toml"
    config.write_text(
        'fail-on = "high"\nselect = ["CR05"]\n'
        '[[waivers]]\ncase = "bespoke-software"\nprinciple = "CR05"\n'
        'reason = "new contract is being negotiated"\nowner = "CPO"\nexpires = 2999-01-01\n',
        encoding="utf-8")
    waived = run_here("evaluate", "--config", str(config), str(BESPOKE), cwd=tmp_path)
    assert "WAIVED by CPO until 2999-01-01" in waived.stdout
    assert waived.returncode == 0, waived.stdout
    expired = config.read_text(encoding="utf-8").replace("2999-01-01", "2001-01-01")
    config.write_text(expired, encoding="utf-8")
    again = run_here("evaluate", "--config", str(config), str(BESPOKE), cwd=tmp_path)
    assert "EXPIRED on 2001-01-01" in again.stdout
    assert again.returncode == 1


def test_bad_config_exits_2_with_file_and_path(tmp_path: Path) -> None:
    (tmp_path / "collabrules.toml").write_text('ignroe = ["CR"]\n', encoding="utf-8")
    result = run_here("evaluate", str(BESPOKE), cwd=tmp_path)
    assert result.returncode == 2
    assert "collabrules.toml: $.ignroe: unknown key 'ignroe' (did you mean 'ignore'?)" \
        in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_house_principles_file_exits_2(tmp_path: Path) -> None:
    broken = principle_doc(applies_when={"expression": "delivery.risk = 'x'",
                                         "text": {"en": "t", "nl": "t"}})
    house_file(tmp_path / "house.yaml", broken)
    (tmp_path / "collabrules.toml").write_text('house-principles = ["house.yaml"]\n',
                                               encoding="utf-8")
    result = run_here("principles", cwd=tmp_path)
    assert result.returncode == 2
    assert "house.yaml" in result.stderr
    assert "$.principles[0].applies_when.expression" in result.stderr
    assert "character 15" in result.stderr


def _fixture_dir(tmp_path: Path, expected: str) -> Path:
    folder = tmp_path / "fixtures"
    folder.mkdir()
    write_yaml(folder / "case.yaml", minimal_case(delivery={"risk": "high"}))
    write_yaml(folder / "hp01.yaml", {"fixtures": [
        {"name": "high risk, no exit plan", "case": "case.yaml", "expect": {"HP01": expected}},
        {"case": minimal_case(delivery={"risk": "low"}), "expect": {"HP01": "not_applicable"}},
    ]})
    house_file(tmp_path / "house.yaml")
    (tmp_path / "collabrules.toml").write_text('house-principles = ["house.yaml"]\n',
                                               encoding="utf-8")
    return folder


def test_collabrules_test_passes_with_coverage(tmp_path: Path) -> None:
    folder = _fixture_dir(tmp_path, "undetermined")
    result = run_cli("test", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 fixtures, 2 expectations: 2 passed, 0 failed" in result.stdout
    row = next(line for line in result.stdout.splitlines() if line.strip().startswith("HP01"))
    assert row.split()[1:] == [".", ".", ".", "1", "1", "."]
    assert "Principles without any fixture: CR01" in result.stdout


def test_collabrules_test_shows_a_diff_on_mismatch(tmp_path: Path) -> None:
    folder = _fixture_dir(tmp_path, "violated")
    result = run_here("test", "--lang", "nl", str(folder), cwd=tmp_path)
    assert result.returncode == 1
    assert "MISLUKT" in result.stdout
    assert "HP01: verwacht violated, gekregen undetermined" in result.stdout


def test_collabrules_test_bad_fixture_exits_2(tmp_path: Path) -> None:
    folder = _fixture_dir(tmp_path, "violatd")
    result = run_here("test", str(folder), cwd=tmp_path)
    assert result.returncode == 2
    assert "$.fixtures[0].expect.HP01" in result.stderr
    assert "did you mean 'violated'?" in result.stderr


def test_collabrules_test_empty_folder_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run_here("test", str(tmp_path / "empty"), cwd=tmp_path)
    assert result.returncode == 2
    assert "no fixture files" in result.stderr


def test_schema_command_prints_the_new_schemas(tmp_path: Path) -> None:
    for name in ("config", "house-principles"):
        result = run_here("schema", name, cwd=tmp_path)
        assert result.returncode == 0
        assert json.loads(result.stdout)["$schema"].endswith("2020-12/schema")


def test_schema_command_works_next_to_a_broken_config(tmp_path: Path) -> None:
    (tmp_path / "collabrules.toml").write_text("lang = [\n", encoding="utf-8")
    assert run_here("schema", "config", cwd=tmp_path).returncode == 0
    broken = run_here("principles", cwd=tmp_path)
    assert broken.returncode == 2
    assert "not valid TOML" in broken.stderr
