"""``--select``/``--ignore``/``--severity``: the command line over collabrules.toml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collabrules.house.overrides import Override, OverrideError, parse_override
from collabrules.model.vocab import Severity
from collabrules.pipeline.selection import is_selected
from collabrules.pipeline.settings import Settings
from tests.conftest import EXAMPLES
from tests.core.cli import run, run_here

CODES = [f"CR0{n}" for n in range(1, 10)]
prefixes = st.sampled_from(["CR", "CR0", *CODES, "ALL"])
prefix_tuples = st.lists(prefixes, max_size=3).map(tuple)


@given(config_select=st.none() | prefix_tuples, config_ignore=prefix_tuples,
       cli_ignore=st.lists(prefixes, min_size=1, max_size=3).map(tuple))
def test_a_command_line_ignore_always_wins(config_select: tuple[str, ...] | None,
                                           config_ignore: tuple[str, ...],
                                           cli_ignore: tuple[str, ...]) -> None:
    settings = Override(ignore=cli_ignore).apply(
        Settings(select=config_select, ignore=config_ignore))
    for code in CODES:
        covered = any(p == "ALL" or code.startswith(p) for p in cli_ignore)
        before = is_selected(code, config_select, config_ignore)
        after = is_selected(code, settings.select, settings.ignore)
        assert after == (before and not covered), (code, settings)


@given(config_select=st.none() | prefix_tuples, config_ignore=prefix_tuples,
       cli_select=st.lists(prefixes, min_size=1, max_size=3).map(tuple))
def test_a_command_line_select_starts_afresh(config_select: tuple[str, ...] | None,
                                             config_ignore: tuple[str, ...],
                                             cli_select: tuple[str, ...]) -> None:
    settings = Override(select=cli_select).apply(
        Settings(select=config_select, ignore=config_ignore))
    for code in CODES:
        assert is_selected(code, settings.select, settings.ignore) == \
            any(p == "ALL" or code.startswith(p) for p in cli_select)


def test_a_command_line_severity_overrides_what_it_covers() -> None:
    settings = Settings(severities={"CR01": Severity.CRITICAL, "CR": Severity.INFO,
                                    "ACME": Severity.LOW})
    merged = Override(severities=(("CR0", Severity.MEDIUM),)).apply(settings)
    assert merged.severity_for("CR01", Severity.HIGH) is Severity.MEDIUM
    assert merged.severity_for("CR10", Severity.HIGH) is Severity.INFO
    assert merged.severity_for("ACME1", Severity.HIGH) is Severity.LOW


def test_parse_splits_commas_and_reads_levels() -> None:
    override = parse_override(["cr01,CR02", "CR03"], ["CR09"], ["CR05=Critical"])
    assert override == Override(select=("CR01", "CR02", "CR03"), ignore=("CR09",),
                                severities=(("CR05", Severity.CRITICAL),))
    assert not parse_override([], [], [])


@pytest.mark.parametrize("select, severity", [(["CR-1"], []), ([], ["CR05"]),
                                              ([], ["CR05=none"]), ([], ["ALL=low"])])
def test_parse_rejects_bad_values(select: list[str], severity: list[str]) -> None:
    with pytest.raises(OverrideError) as caught:
        parse_override(select, [], severity)
    assert caught.value.message.nl and caught.value.message.en != caught.value.message.nl


def _findings(result_stdout: str) -> dict[str, tuple[str, str]]:
    data = json.loads(result_stdout)
    return {f["code"]: (f["status"], f["severity"]) for f in data["findings"]}


def test_cli_select_ignore_and_severity_over_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "collabrules.toml").write_text(
        'select = ["CR0"]\nignore = ["CR05"]\n[severities]\nCR05 = "low"\nCR01 = "info"\n',
        encoding="utf-8")
    case = EXAMPLES / "bespoke-software.yaml"
    config_only = _findings(run_here("evaluate", case, "--format", "json", "--fail-on", "never",
                                     cwd=tmp_path).stdout)
    assert "CR05" not in config_only and "CR01" in config_only
    result = run_here("evaluate", case, "--format", "json", "--fail-on", "never",
                      "--select", "CR05,CR01", "--severity", "CR0=critical", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    found = _findings(result.stdout)
    assert set(found) == {"CR01", "CR05"}
    assert found["CR05"] == ("violated", "critical")
    ignored = _findings(run_here("evaluate", case, "--format", "json", "--fail-on", "never",
                                 "--ignore", "CR01", cwd=tmp_path).stdout)
    assert "CR01" not in ignored and "CR02" in ignored and "CR05" not in ignored
    without = _findings(run_here("evaluate", case, "--format", "json", "--fail-on", "never",
                                 "--no-config", "--ignore", "CR01", cwd=tmp_path).stdout)
    assert "CR01" not in without and "CR05" in without  # the file's ignore is not read


def test_cli_selection_reaches_worker_processes(tmp_path: Path) -> None:
    result = run("evaluate", EXAMPLES, "--format", "json", "--jobs", "2",
                 "--fail-on", "never", "--select", "CR03", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()[1:]  # after the run's provenance line
    assert len(lines) >= 3
    assert all(set(_findings(line)) == {"CR03"} for line in lines)


def test_cli_bad_severity_is_a_usage_error_in_dutch(tmp_path: Path) -> None:
    result = run("principles", "--severity", "CR05=extreme", "--lang", "nl", cwd=tmp_path)
    assert result.returncode == 2
    assert "schrijf CODE=NIVEAU" in result.stderr
