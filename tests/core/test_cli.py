"""Every command of the real command line, in both languages, with its exit code.

Tests that run a command many times run it in this process (``run_here``); each command,
exit code and stream keeps real subprocess runs (``run``)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import collabrules
from collabrules.pipeline.schemas import load_schema, schema_path

from ..conftest import EXAMPLES
from .cli import run, run_here

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
OFFICE = EXAMPLES / "office-cleaning.yaml"
BESPOKE = EXAMPLES / "bespoke-software.yaml"
MONOPOLIST = EXAMPLES / "aggressive-monopolist.yaml"
REPORT_SCHEMA = jsonschema.Draft202012Validator(load_schema("report"))


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str) -> None:
    result = run(flag)
    assert result.returncode == 0
    assert result.stdout == f"collabrules, version {collabrules.__version__}\n"


def test_help_documents_exit_codes_in_both_languages() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("evaluate", "validate", "principles", "explain", "schema", "plugins"):
        assert command in result.stdout
    assert "Exit codes" in result.stdout and "Afsluitcodes" in result.stdout


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_evaluate_json_validates_against_the_report_schema(path: Path, lang: str) -> None:
    result = run_here("evaluate", path, "--format", "json", "--lang", lang, "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    REPORT_SCHEMA.validate(document)
    assert document["lang"] == lang
    assert document["case"]["source"] == str(path)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_evaluate_text_reads_in_both_languages(path: Path) -> None:
    english = run_here("evaluate", path, "--fail-on", "never")
    dutch = run_here("evaluate", path, "--lang", "nl", "--fail-on", "never")
    assert english.returncode == dutch.returncode == 0
    assert english.stdout.startswith("Collaboration report: ")
    assert dutch.stdout.startswith("Samenwerkingsrapport: ")
    for text in (english.stdout, dutch.stdout):
        assert "CR01" in text and "sha256:" in text


def test_lang_from_the_environment() -> None:
    result = run("evaluate", OFFICE, env={"COLLABRULES_LANG": "nl"})
    assert result.stdout.startswith("Samenwerkingsrapport: ")


@pytest.mark.parametrize(("path", "fail_on", "code"), [
    (OFFICE, "high", 0),
    (BESPOKE, "high", 1),
    (BESPOKE, "critical", 0),
    (BESPOKE, "never", 0),
    (MONOPOLIST, "critical", 0),
    (MONOPOLIST, "high", 1),
])
def test_evaluate_exit_codes_follow_fail_on(path: Path, fail_on: str, code: int) -> None:
    assert run_here("evaluate", path, "--fail-on", fail_on).returncode == code


def test_output_is_written_atomically_and_replaces_an_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old and much longer content " * 100)
    result = run("evaluate", OFFICE, "--format", "json", "--output", target)
    assert result.returncode == 0
    assert result.stdout == ""
    REPORT_SCHEMA.validate(json.loads(target.read_text(encoding="utf-8")))
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_output_into_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run("evaluate", OFFICE, "--output", tmp_path / "no" / "such" / "r.json")
    assert result.returncode == 2
    assert "cannot be written" in result.stderr and "No such file or directory" in result.stderr
    assert not (tmp_path / "no").exists()


def test_a_file_with_several_mistakes_lists_all_of_them(tmp_path: Path) -> None:
    text = OFFICE.read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("  risk: low", "  risk: lwo")
                   .replace("perspective: insurer", "perspective: insurr")
                   .replace("    sector: insurance\n", "    sectr: insurance\n"),
                   encoding="utf-8")
    for command in ("evaluate", "validate"):
        result = run_here(command, bad)
        assert result.returncode == 2
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        for expected in (f"{bad}:5: $.perspective: the perspective 'insurr' names no party "
                         "(did you mean 'insurer'?)",
                         f"{bad}:12: $.parties[0].sectr: unknown key 'sectr' "
                         "(did you mean 'sector'?)",
                         f'{bad}:65: $.delivery.risk: "lwo" is not one of: low, medium, high '
                         "(did you mean 'low'?)"):
            assert expected in lines, result.stderr
    dutch = run_here("validate", bad, "--lang", "nl")
    assert "onbekende sleutel 'sectr' (bedoelde u 'sector'?)" in dutch.stderr
    assert "1 van 1 ongeldig" in dutch.stderr


def test_evaluate_reports_the_good_cases_and_exits_2_for_the_bad(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('{"schema_version": "1.0",')
    result = run("evaluate", OFFICE, tmp_path / "broken.json", "--format", "json",
                 "--provenance", "each")
    assert result.returncode == 2
    assert json.loads(result.stdout)["case"]["id"] == "office-cleaning"
    assert "this is not valid JSON" in result.stderr


def test_json_lines_portfolio_gives_one_report_per_line(tmp_path: Path) -> None:
    document = collabrules.load_case(OFFICE)  # proves the example loads through the API
    assert document.id == "office-cleaning"
    import yaml

    data = yaml.safe_load(OFFICE.read_text(encoding="utf-8"))
    portfolio = tmp_path / "portfolio.jsonl"
    portfolio.write_text(json.dumps(data) + "\n\n" + json.dumps(data) + "\n")
    result = run("evaluate", portfolio, "--format", "json")
    assert result.returncode == 0
    run_line, *reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["case"]["source"] for r in reports] == [f"{portfolio}:1", f"{portfolio}:3"]
    assert {r["provenance"]["run"] for r in reports} == {run_line["provenance_digest"]}


def test_validate_valid_files_in_both_languages() -> None:
    result = run("validate", *EXAMPLE_FILES)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [f"{p}: valid" for p in EXAMPLE_FILES]
    assert run("validate", OFFICE, "--lang", "nl").stdout == f"{OFFICE}: geldig\n"


def test_validate_a_folder(tmp_path: Path) -> None:
    result = run("validate", EXAMPLES)
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == len(list(EXAMPLES.rglob("*.yaml")))  # recursive
    empty = run("validate", tmp_path)
    assert empty.returncode == 2
    assert "the folder holds no case files" in empty.stderr


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_principles(lang: str) -> None:
    table = run_here("principles", "--lang", lang)
    assert table.returncode == 0
    header = table.stdout.splitlines()[0].split()
    assert header[2] == {"en": "TITLE", "nl": "TITEL"}[lang]
    assert any(line.startswith("CR01") for line in table.stdout.splitlines())
    rows = json.loads(run_here("principles", "--format", "json", "--lang", lang).stdout)
    cr01 = next(r for r in rows if r["code"] == "CR01")
    assert cr01["plugin"] == "reciprocity" and cr01["selected"] is True
    assert cr01["title"] == collabrules.default_engine().principle("CR01").title.get(lang)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_explain(lang: str) -> None:
    principle = collabrules.default_engine().principle("CR01")
    for code in ("CR01", "cr01", "reciprocity"):
        result = run_here("explain", code, "--lang", lang)
        assert result.returncode == 0
        assert principle.statement.get(lang) in result.stdout
    markdown = run_here("explain", "CR01", "--format", "markdown", "--lang", lang)
    assert markdown.returncode == 0 and markdown.stdout.startswith("#")


def test_explain_an_unknown_code_suggests_one() -> None:
    result = run("explain", "CR1")
    assert result.returncode == 2
    assert "unknown principle 'CR1': did you mean 'CR01'?" in result.stderr
    assert "onbekend principe" in run("explain", "CR1", "--lang", "nl").stderr


@pytest.mark.parametrize("name", ["case", "report"])
def test_schema_prints_the_shipped_file(name: str) -> None:
    result = run("schema", name)
    assert result.returncode == 0
    assert result.stdout == schema_path(name).read_text(encoding="utf-8")
    document = json.loads(result.stdout)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["$id"]


def test_schema_case_equals_the_file_in_the_repository() -> None:
    root = EXAMPLES.parent
    assert run("schema", "case").stdout == (root / "schemas" / "case.schema.json").read_text(
        encoding="utf-8")


def test_schema_unknown_name() -> None:
    result = run("schema", "nope")
    assert result.returncode == 2
    assert "unknown schema 'nope'; choose from: case, config, history, house-principles, " \
           "options, report" \
        in result.stderr


def test_plugins_lists_distribution_and_version() -> None:
    result = run("plugins")
    assert result.returncode == 0
    rows = [line.split() for line in result.stdout.splitlines()]
    assert rows[0] == ["PLUGIN", "DISTRIBUTION", "VERSION", "PRINCIPLES"]
    assert ["reciprocity", "collabrules", collabrules.__version__, "CR01"] in rows
    listed = json.loads(run("plugins", "--format", "json").stdout)
    names = {p["name"]: p for p in listed["plugins"]}
    assert names["reciprocity"]["entry_point"] == \
        "reciprocity = collabrules.standard.principles.CR01"


def test_plugins_lists_config_plugins_only_with_a_configuration_file(tmp_path: Path) -> None:
    def names(folder: Path) -> set[str]:
        listed = json.loads(run_here("plugins", "--format", "json", cwd=folder).stdout)
        return {p["name"] for p in listed["plugins"]}

    assert "config.charter" not in names(tmp_path)
    (tmp_path / "collabrules.toml").write_text("[charter]\nendorsements = []\n",
                                               encoding="utf-8")
    assert "config.charter" in names(tmp_path)


def test_block_a_standard_plugin() -> None:
    listed = json.loads(run_here("plugins", "--format", "json", "--block", "reciprocity").stdout)
    assert "reciprocity" not in {p["name"] for p in listed["plugins"]}
    assert listed["blocked"] == ["reciprocity"]
    result = run_here("evaluate", BESPOKE, "--format", "json", "--block", "reciprocity",
                 "--fail-on", "never")
    assert result.returncode == 0
    codes = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert "CR01" not in codes and "CR02" in codes


@pytest.mark.parametrize("args", [("bogus",), ("evaluate",), ("evaluate", "--format", "xml",
                                                               "x.yaml")])
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("evaluate", tmp_path / "none.yaml")
    assert result.returncode == 2
    assert f"{tmp_path / 'none.yaml'}: $: the file does not exist (check the path)" in \
        result.stderr


def test_stdin_is_read_with_a_dash() -> None:
    result = run("evaluate", "-", "--format", "json",
                 stdin=OFFICE.read_text(encoding="utf-8"))
    assert result.returncode == 0
    assert json.loads(result.stdout)["case"]["source"] == "<stdin>"
