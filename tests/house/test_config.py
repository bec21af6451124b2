"""collabrules.toml: finding, validating and turning it into an engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from collabrules.house.config import build_engine, find_config, load_config
from collabrules.model.errors import InputError
from collabrules.model.vocab import Severity

from .conftest import house_file, minimal_case


def test_found_in_a_parent_folder(tmp_path: Path) -> None:
    (tmp_path / "collabrules.toml").write_text('lang = "nl"\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "collabrules.toml"


def test_nearest_file_wins(tmp_path: Path) -> None:
    (tmp_path / "collabrules.toml").write_text("", encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "collabrules.toml").write_text("", encoding="utf-8")
    assert find_config(inner) == inner / "collabrules.toml"


def test_settings_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "collabrules.toml"
    house_file(tmp_path / "house.yaml")
    path.write_text(
        'select = ["CR", "HP"]\nignore = ["CR0"]\nblock = ["x"]\nlang = "nl"\n'
        'fail-on = "never"\nhouse-principles = ["house.yaml"]\n'
        '[severities]\nCR01 = "critical"\n', encoding="utf-8")
    config = load_config(path)
    settings = config.settings
    assert settings.select == ("CR", "HP")
    assert settings.ignore == ("CR0",)
    assert settings.severities == {"CR01": Severity.CRITICAL}
    assert settings.fail_on is None and config.fail_on == "never"
    assert settings.house_principles == (str(tmp_path / "house.yaml"),)
    engine = build_engine(config)
    assert [p.code for p in engine.principles] == ["HP01"]


def test_most_specific_selection_wins(tmp_path: Path) -> None:
    path = tmp_path / "collabrules.toml"
    path.write_text('ignore = ["CR"]\nselect = ["CR01"]\n[severities]\nCR = "low"\n'
                    'CR01 = "critical"\n', encoding="utf-8")
    engine = build_engine(load_config(path))
    assert [a.principle.code for a in engine.active] == ["CR01"]
    assert engine.active[0].severity is Severity.CRITICAL


def test_every_error_is_listed_with_path_and_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "collabrules.toml"
    path.write_text('selcet = ["CR"]\nlang = "de"\n[[waivers]]\ncase = "x"\n',
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_config(path)
    rendered = "\n".join(i.render() for i in caught.value.issues)
    assert "$.selcet" in rendered and "did you mean 'select'?" in rendered
    assert "$.lang" in rendered
    assert "$.waivers[0]" in rendered and "'principle' is missing" in rendered
    assert all(i.file == str(path) for i in caught.value.issues)


def test_toml_syntax_error_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "collabrules.toml"
    path.write_text("select = [\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid TOML"):
        load_config(path)


def test_impossible_dates_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "collabrules.toml"
    path.write_text('[[waivers]]\ncase = "x"\nprinciple = "CR01"\nreason = "long enough reason"'
                    '\nowner = "me"\nexpires = "2027-02-30"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"\$\.waivers\[0\]\.expires"):
        load_config(path)


def test_toml_dates_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "collabrules.toml"
    path.write_text('[[waivers]]\ncase = "x"\nprinciple = "CR01"\nreason = "long enough reason"'
                    '\nowner = "me"\nexpires = 2027-02-28\n', encoding="utf-8")
    (waiver,) = load_config(path).waivers
    assert waiver.expires.isoformat() == "2027-02-28"


def test_broken_house_file_named_by_config_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text("schema_version: '1.0'\nprinciples: []\n",
                                         encoding="utf-8")
    path = tmp_path / "collabrules.toml"
    path.write_text('house-principles = ["house.yaml"]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"house\.yaml"):
        build_engine(load_config(path)).evaluate(minimal_case())
