"""A first end-to-end check: each worked scenario evaluates to a schema-valid report."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import collabrules
from collabrules.pipeline.schemas import load_schema

from .conftest import EXAMPLES


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_example_report_validates(path: Path) -> None:
    report = collabrules.evaluate(path)
    document = json.loads(collabrules.report_to_json(report))
    jsonschema.Draft202012Validator(load_schema("report")).validate(document)
    assert {f["code"] for f in document["findings"]} >= {"CR01"}
