"""Charter endorsements per phase: a phase change without re-confirmation is flagged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import collabrules
from collabrules.house.charter import CharterPlugin, unconfirmed
from collabrules.house.config import build_engine, load_config
from collabrules.model.case import Endorsement
from collabrules.model.errors import InputError
from collabrules.model.vocab import Phase
from collabrules.testing import case_with, evaluate_with, make_engine

ROOT = Path(__file__).resolve().parents[2]
BESPOKE = ROOT / "examples" / "bespoke-software.yaml"  # phase: contracting


def _with(endorsements: list[dict[str, Any]], phase: str = "contracting") -> dict[str, Any]:
    def edit(document: dict[str, Any]) -> None:
        document["schema_version"] = "1.2"
        document["relationship"]["phase"] = phase
        document["charter"] = {"endorsements": endorsements}
    return case_with(BESPOKE, edit)


def _digest() -> str:
    return make_engine([("charter", CharterPlugin())]).principle_set.digest


def _notes(report: collabrules.Report) -> dict[str, str]:
    return {n.id: n.text.en for n in report.notes}


def test_endorsed_in_an_earlier_phase_is_flagged_per_stakeholder() -> None:
    digest = _digest()
    case = _with([
        {"stakeholder": "Board", "role": "sponsor", "date": "2026-01-10", "digest": digest,
         "phase": "selecting"},
        {"stakeholder": "IT", "role": "architect", "date": "2026-03-01", "digest": digest,
         "phase": "contracting"}], phase="contracting")
    report = evaluate_with([("charter", CharterPlugin())], case)
    note = _notes(report)["charter-phase"]
    assert "Board (last endorsed in phase selecting, 2026-01-10)" in note
    assert "IT" not in note
    nl = next(n.text.nl for n in report.notes if n.id == "charter-phase")
    assert "laatst ingestemd in fase selecteren" in nl


def test_re_confirmation_in_the_current_phase_clears_the_flag() -> None:
    digest = _digest()
    case = _with([
        {"stakeholder": "Board", "date": "2026-01-10", "digest": digest, "phase": "selecting"},
        {"stakeholder": "Board", "date": "2026-04-02", "digest": digest, "phase": "operating"}],
        phase="operating")
    report = evaluate_with([("charter", CharterPlugin())], case)
    assert "charter-phase" not in _notes(report)
    assert report.provenance.principle_set.endorsed is True


def test_endorsements_without_a_phase_are_never_flagged() -> None:
    case = _with([{"stakeholder": "Board", "date": "2026-01-10", "digest": _digest()}],
                 phase="exiting")
    assert "charter-phase" not in _notes(evaluate_with([("charter", CharterPlugin())], case))


def test_latest_endorsement_counts_by_date_not_file_order() -> None:
    later = Endorsement(stakeholder="Board", date="2026-05-01", phase=Phase.OPERATING)
    earlier = Endorsement(stakeholder="Board", date="2026-01-01", phase=Phase.SELECTING)
    assert unconfirmed([later, earlier], Phase.OPERATING) == ()
    assert unconfirmed([later, earlier], Phase.RESTRUCTURING) == (later,)


def test_a_phase_on_an_endorsement_needs_schema_1_2() -> None:
    case = _with([{"stakeholder": "Board", "phase": "selecting"}])
    case["schema_version"] = "1.1"
    with pytest.raises(InputError, match=r"charter\.endorsements\[0\]\.phase"):
        collabrules.Engine().evaluate(case)


def test_config_endorsement_phase_is_optional_and_used(tmp_path: Path) -> None:
    digest = _digest()
    path = tmp_path / "collabrules.toml"
    path.write_text(f'[charter]\n[[charter.endorsements]]\nstakeholder = "Board"\n'
                    f'role = "sponsor"\ndate = "2026-01-10"\ndigest = "{digest}"\n'
                    f'phase = "exploring"\n', encoding="utf-8")
    config = load_config(path)
    assert config.endorsements[0].phase is Phase.EXPLORING
    report = build_engine(config).evaluate(str(BESPOKE))
    assert "Board (last endorsed in phase exploring" in _notes(report)["charter-phase"]
    old = tmp_path / "old.toml"
    old.write_text(path.read_text(encoding="utf-8").replace('phase = "exploring"\n', ""),
                   encoding="utf-8")
    assert load_config(old).endorsements[0].phase is None


def test_an_unknown_phase_in_the_config_is_located(tmp_path: Path) -> None:
    path = tmp_path / "collabrules.toml"
    path.write_text(f'[charter]\n[[charter.endorsements]]\nstakeholder = "Board"\n'
                    f'role = "sponsor"\ndate = "2026-01-10"\ndigest = "{_digest()}"\n'
                    f'phase = "operation"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"charter.*phase"):
        load_config(path)
