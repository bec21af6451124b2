"""Case schema 1.1: 1.0 files stay valid, new fields need the new version, and a value
outside any vocabulary (an enum or a model id) is an input error with a did-you-mean."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from collabrules.model.case import SCHEMA_VERSIONS
from collabrules.model.errors import InputError, Issue
from collabrules.pipeline.engine import Engine
from collabrules.pipeline.loading import Document
from collabrules.pipeline.schemas import load_schema

from ..core.cli import run_here
from ..principles.helpers import ROOT, SCENARIOS, base, engine, set_path, statuses


def _issues(data: dict[str, Any]) -> list[Issue]:
    with pytest.raises(InputError) as caught:
        engine().evaluate(Document(data, "case.yaml"))
    return list(caught.value.issues)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_1_0_file_read_as_1_1_gives_the_same_verdicts(scenario: str) -> None:
    old = base(scenario)
    new = base(scenario)
    new["schema_version"] = "1.1"
    assert statuses(engine().evaluate(old)) == statuses(engine().evaluate(new))


NEW_FIELDS = [
    ("parties[0].notes", "a facilities contract we renew yearly"),
    ("relationship.notes", "reviewed in March"),
    ("relationship.governance.gain_sharing", True),
    ("relationship.governance.performance_incentives", False),
    ("relationship.governance.joint_innovation", True),
    ("relationship.development.stage_count", 3),
    ("parties[0].goals[0].id", "cheap"),
    ("parties[0].goals[0].target", "5% lower price"),
]


@pytest.mark.parametrize(("path", "value"), NEW_FIELDS)
def test_a_1_1_field_in_a_1_0_file_says_to_raise_the_version(path: str, value: Any) -> None:
    data = base("office-cleaning")
    set_path(data, path, value)
    found = _issues(data)
    assert len(found) == 1, [i.render() for i in found]
    issue = found[0]
    assert issue.path == "$." + path
    assert "new in schema 1.1" in issue.message.en and "nieuw in schema 1.1" in issue.message.nl
    assert issue.hint is not None and 'schema_version: "1.1"' in issue.hint.en
    data["schema_version"] = "1.1"
    engine().evaluate(data)  # valid once the version says 1.1


def test_a_goal_without_topic_needs_1_1_and_then_a_target() -> None:
    data = base("office-cleaning")
    del data["parties"][0]["goals"][0]["topic"]
    assert [i.path for i in _issues(data) if "1.1" in i.message.en] == [
        "$.parties[0].goals[0].topic"]
    data["schema_version"] = "1.1"
    assert _issues(data)[0].path == "$.parties[0].goals[0]"  # neither topic nor target
    data["parties"][0]["goals"][0]["target"] = "predictable price"
    engine().evaluate(data)


def test_notes_are_never_used_in_verdicts() -> None:
    data = base("bespoke-software")
    data["schema_version"] = "1.1"
    before = engine().evaluate(data)
    data["parties"][1]["notes"] = "hostile opportunistic partner: pays late, no trust"
    data["relationship"]["notes"] = "violated everything; partnership; high trust"
    after = engine().evaluate(data)
    assert [(f.code, f.status, f.conditions) for f in before.findings] == \
        [(f.code, f.status, f.conditions) for f in after.findings]


def test_goal_links_must_name_existing_goals() -> None:
    data = base("office-cleaning")
    data["schema_version"] = "1.1"
    data["parties"][0]["goals"][0]["id"] = "low-price"
    data["parties"][1]["goals"][0]["id"] = "margin"
    data["parties"][0]["goals"][0]["opposes"] = ["margn"]
    data["parties"][1]["goals"][1]["id"] = "low-price"
    found = {(i.path, i.message.en, i.hint.en if i.hint else None) for i in _issues(data)}
    assert ("$.parties[0].goals[0].opposes[0]", "no goal has the id 'margn'",
            "did you mean 'margin'?") in found
    assert any(path == "$.parties[1].goals[1].id" for path, _, _ in found)


def _enum_locations(node: Any, path: str, root: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """Every enum in the case schema with a sample path where it applies."""
    if isinstance(node, dict) and "$ref" in node:
        node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
    if not isinstance(node, dict):
        return []
    if "enum" in node:
        return [(path, [str(v) for v in node["enum"]])]
    found = []
    for key, child in node.get("properties", {}).items():
        found += _enum_locations(child, f"{path}.{key}", root)
    if "items" in node:
        found += _enum_locations(node["items"], f"{path}[0]", root)
    return found


ENUMS = _enum_locations(load_schema("case"), "$", load_schema("case"))


def test_every_enum_kind_is_covered() -> None:
    kinds = {tuple(values) for _, values in ENUMS}
    assert len(kinds) >= 14, kinds  # roles, sizes, reach, attitude, power, ... conduct


@pytest.mark.parametrize(("path", "values"), ENUMS, ids=[p for p, _ in ENUMS])
def test_a_misspelt_enum_value_is_an_error_with_did_you_mean(path: str,
                                                              values: list[str]) -> None:
    good = values[-1]
    bad = "9.9" if path == "$.schema_version" else good[:-1] + "x"
    data = base("bespoke-software")
    data["schema_version"] = SCHEMA_VERSIONS[-1]  # every field of the schema is allowed
    data["parties"][0]["interests"] = [{"description": "growth"}]
    data["charter"] = {"endorsements": [{"stakeholder": "Board"}]}
    target = path.removeprefix("$.")
    if target.endswith("[0]"):  # an enum for list items: the list holds the bad value
        set_path(data, target.removesuffix("[0]"), [bad])
    else:
        set_path(data, target, bad)
    found = [i for i in _issues(data) if i.path == path]
    assert found, path
    assert repr(bad).strip("'") in found[0].message.en
    if path != "$.schema_version":
        assert found[0].hint is not None, found[0].render()
        assert found[0].hint.en == f"did you mean {good!r}?"
        assert found[0].hint.nl == f"bedoelde u {good!r}?"


def test_a_misspelt_model_id_is_an_input_error_with_did_you_mean() -> None:
    data = base("office-cleaning")
    data["relationship"]["model"] = "colaborative"
    [issue] = _issues(data)
    assert issue.path == "$.relationship.model"
    assert issue.hint is not None and issue.hint.en == "did you mean 'collaborative'?"
    data["relationship"]["model"] = "zzz"
    [issue] = _issues(data)
    assert issue.hint is not None and "transactional" in issue.hint.en


def test_a_model_from_a_plugin_taxonomy_is_accepted() -> None:
    from collabrules import hookimpl
    from collabrules.model.models import CollaborationModel
    from collabrules.model.text import Text
    from collabrules.model.vocab import Level

    class Plugin:
        @hookimpl
        def collabrules_add_models(self, register: Any) -> None:
            register(CollaborationModel(id="house-alliance", name=Text("A", "A"),
                                        description=Text("A", "A"), depth=2,
                                        trust=Level.HIGH, governance=(), build_months=6))

    data = base("office-cleaning")
    data["relationship"]["model"] = "house-alliance"
    Engine(plugins=[Plugin()]).evaluate(data)
    with pytest.raises(InputError):
        engine().evaluate(data)


def test_validate_cli_explains_what_is_new(tmp_path: Path) -> None:
    data = base("office-cleaning")
    data["relationship"]["notes"] = "renewed yearly"
    data["relationship"]["model"] = "transactionl"
    case = tmp_path / "case.yaml"
    case.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "collabrules", "validate", str(case)],
                            cwd=ROOT, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode != 0
    lines = result.stderr + result.stdout
    assert "$.relationship.notes" in lines and 'schema_version: "1.1"' in lines
    assert "did you mean 'transactional'?" in lines
    assert "Traceback" not in lines


def test_the_schema_marks_every_1_1_field_with_a_dutch_description() -> None:
    text = json.dumps(load_schema("case"))
    assert text.count('"x-since": "1.1"') == len(NEW_FIELDS) + 1  # + goal opposes
    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("x-since"):
                assert node.get("description") and node.get("x-description-nl")
            for child in node.values():
                walk(child)
    walk(load_schema("case"))


def test_notes_are_shown_in_every_report_format(tmp_path: Path) -> None:
    data = base("office-cleaning")
    data["schema_version"] = "1.1"
    data["parties"][1]["notes"] = "Family business, third contract."
    data["relationship"]["notes"] = "Renewed each spring."
    case = tmp_path / "case.yaml"
    case.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    for fmt in ("text", "markdown", "html", "json"):
        result = run_here("evaluate", case, "--format", fmt, "--lang", "nl", "--fail-on",
                          "never", cwd=ROOT)
        assert result.returncode == 0, result.stderr
        assert "Notitie bij Sparkle Facility Services: Family business, third contract." \
            in result.stdout, fmt
        assert "Notitie bij de relatie: Renewed each spring." in result.stdout, fmt


def test_intake_asks_a_model_from_the_taxonomy_and_a_target_topic_and_direction() -> None:
    from collabrules.authoring.intake import QUESTIONS, AnswerError, parse_answer

    by_key = {q.key: q for q in QUESTIONS}
    model = by_key["relationship.model"]
    assert parse_answer(model, "collaborative") == "collaborative"
    with pytest.raises(AnswerError):
        parse_answer(model, "colaborative")
    for side in ("us", "them"):
        assert by_key[f"{side}.target.topic"].after == f"{side}.target.department"
        assert by_key[f"{side}.target.direction"].after == f"{side}.target.topic"
