"""The options view of the three bundled examples, in English and Dutch, byte for byte.

Regenerate after an intended change with ``COLLABRULES_UPDATE_GOLDEN=1 pytest
tests/options/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..reports.helpers import LANGS, SCENARIOS, UPDATE, run_cli_here

GOLDEN = Path(__file__).resolve().parent / "golden"
FORMATS = {"txt": "text", "md": "markdown", "json": "json"}


def _options(scenario: str, fmt: str, lang: str) -> str:
    # in this process (18 runs); tests/options/test_cli.py runs the real command
    result = run_cli_here("options", f"examples/{scenario}.yaml", "--format", fmt, "--lang", lang)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("ext", FORMATS)
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_golden_options(scenario: str, ext: str, lang: str) -> None:
    output = _options(scenario, FORMATS[ext], lang)
    golden = GOLDEN / f"{scenario}.{lang}.{ext}"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(output.encode("utf-8"))
    assert golden.exists(), f"missing {golden}; run with COLLABRULES_UPDATE_GOLDEN=1"
    assert output == golden.read_bytes().decode("utf-8")


def _columns(scenario: str) -> dict[str, dict[str, object]]:
    data = json.loads((GOLDEN / f"{scenario}.en.json").read_text("utf-8"))
    return {column["key"]: column for column in data["columns"]}


def test_each_scenario_recommends_its_expected_option() -> None:
    expected = {"office-cleaning": "transactional", "bespoke-software": "collaborative",
                "aggressive-monopolist": "defensive"}
    for scenario, model in expected.items():
        columns = _columns(scenario)
        assert [k for k, c in columns.items() if c["recommended"]] == [model], scenario


def test_the_bespoke_collaborative_option_repairs_tailoring_and_time() -> None:
    columns = _columns("bespoke-software")
    today, collaborative = columns["today"]["verdicts"], columns["collaborative"]["verdicts"]
    assert isinstance(today, dict) and isinstance(collaborative, dict)
    for code in ("CR06", "CR09"):
        assert today[code] == "violated" and collaborative[code] == "upheld"
    trust = columns["collaborative"]["trust"]
    assert trust == {"needed": "high", "actual": "low", "gap": 2}


def test_the_monopolist_defensive_option_upholds_not_everyone_is_a_friend() -> None:
    columns = _columns("aggressive-monopolist")
    assert columns["defensive"]["verdicts"]["CR07"] == "upheld"  # type: ignore[index]
    assert columns["collaborative"]["verdicts"]["CR07"] == "violated"  # type: ignore[index]
