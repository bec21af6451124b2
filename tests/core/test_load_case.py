"""collabrules.load_case takes a path or a mapping; anything else is a clear InputError."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import collabrules
from collabrules.model.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
CASE: dict[str, Any] = {
    "schema_version": "1.0", "id": "m", "perspective": "b",
    "parties": [{"id": "b", "name": "B", "role": "customer"},
                {"id": "s", "name": "S", "role": "supplier"}]}


def test_a_mapping_is_loaded_like_a_file() -> None:
    case = collabrules.load_case(CASE)
    assert case.id == "m"
    assert [p.id for p in case.parties] == ["b", "s"]


def test_a_path_still_loads() -> None:
    assert collabrules.load_case(ROOT / "examples" / "office-cleaning.yaml").parties


def test_an_invalid_mapping_names_the_source_and_the_path() -> None:
    with pytest.raises(InputError) as caught:
        collabrules.load_case({**CASE, "perspectiv": "b"})
    assert any(i.file == "<case>" and i.path == "$.perspectiv" for i in caught.value.issues)


@pytest.mark.parametrize("value", [42, ["a"], None, b"case.yaml"])
def test_anything_else_is_an_input_error_in_both_languages(value: Any) -> None:
    with pytest.raises(InputError) as caught:
        collabrules.load_case(value)
    (issue,) = caught.value.issues
    assert issue.file == "<case>"
    assert type(value).__name__ in issue.message.en
    assert "bestandspad" in issue.message.nl
