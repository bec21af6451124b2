"""The contracts: schemas, provenance, and the small Python API of the README."""

from __future__ import annotations

import pytest

import collabrules
from collabrules import Engine
from collabrules.io.serialize import report_to_dict
from collabrules.pipeline.loading import read_document
from collabrules.pipeline.schemas import load_schema

from ..conftest import EXAMPLES
from .plugins import fail, plugin, principle

OFFICE = EXAMPLES / "office-cleaning.yaml"


@pytest.mark.parametrize("name", ["case", "report"])
def test_schemas_are_draft_2020_12_with_id_and_schema_version(name: str) -> None:
    schema = load_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("https://")
    assert "schema_version" in schema["required"]
    version = schema["properties"]["schema_version"]
    assert "const" in version or version["enum"] == ["1.0", "1.1", "1.2"]  # case: 1.0 stays valid


def test_report_carries_full_provenance() -> None:
    report = report_to_dict(collabrules.evaluate(OFFICE))
    provenance = report["provenance"]
    assert report["schema_version"] == load_schema("report")["properties"]["schema_version"][
        "const"]
    assert provenance["engine"] == "collabrules"
    assert provenance["engine_version"] == collabrules.__version__
    assert {"name": "reciprocity", "distribution": "collabrules",
            "version": collabrules.__version__} in provenance["plugins"]
    assert provenance["principle_set"]["codes"] == [f"CR0{n}" for n in range(1, 10)]
    assert provenance["principle_set"]["digest"].startswith("sha256:")
    assert provenance["input_digest"].startswith("sha256:")


def test_principle_set_digest_changes_with_the_set() -> None:
    standard = Engine().principle_set.digest
    assert Engine().principle_set.digest == standard
    assert Engine(plugins=[plugin("h", principle("HP1"))]).principle_set.digest != standard


def test_input_digest_changes_with_the_input() -> None:
    document = read_document(OFFICE).data
    first = collabrules.evaluate(document).provenance.input_digest
    document["title"] = "another title"
    assert collabrules.evaluate(document).provenance.input_digest != first


def test_a_plugin_object_is_for_one_engine_only() -> None:
    house = plugin("house", principle("HP1", fail))
    engine = Engine(plugins=[house])
    assert "HP1" in [p.code for p in engine.principles]
    assert "HP1" not in [p.code for p in collabrules.default_engine().principles]
    assert "HP1" not in [p.code for p in Engine().principles]
    assert "HP1" not in [f.code for f in collabrules.evaluate(OFFICE).findings]


def test_the_readme_api_names_exist() -> None:
    for name in ("load_case", "evaluate", "Engine", "Settings", "report_to_json", "hookimpl"):
        assert name in collabrules.__all__
        assert getattr(collabrules, name).__doc__, name
    with pytest.raises(AttributeError):
        collabrules.no_such_name  # noqa: B018


def test_load_case_raises_input_error_for_a_bad_file() -> None:
    with pytest.raises(collabrules.InputError):
        collabrules.load_case(EXAMPLES / "does-not-exist.yaml")


def test_every_hook_is_documented() -> None:
    from collabrules.host import hookspecs

    hooks = [name for name in dir(hookspecs) if name.startswith("collabrules_")]
    assert len(hooks) >= 6
    for name in hooks:
        assert (getattr(hookspecs, name).__doc__ or "").strip(), name


def test_every_problem_kind_has_a_message_in_both_languages() -> None:
    import re

    from collabrules.model.problems import _MESSAGES, Problem, ProblemKind

    for kind in ProblemKind:
        template = _MESSAGES[kind]
        fields = lambda text: sorted(re.findall(r"{(\w+)}", text))  # noqa: E731
        assert fields(template.en) == fields(template.nl), kind
        message = Problem(kind=kind, plugin="p", origin="o", code="C1", detail="d").message
        assert message.en and message.nl and "{" not in message.en + message.nl
