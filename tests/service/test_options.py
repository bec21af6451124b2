"""``POST /v1/options`` on a real server: the CLI's options view over HTTP."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
import yaml

import collabrules
from collabrules.pipeline.schemas import load_schema
from collabrules.render.options import options_to_dict, render_options

from .live import EXAMPLES, Server

PROBLEM = "application/problem+json"
CASE = EXAMPLES / "bespoke-software.yaml"


def _case() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(
        yaml.safe_load(CASE.read_text(encoding="utf-8"))))
    return data


def _keys(body: dict[str, Any]) -> list[str]:
    return [column["key"] for column in body["columns"]]


def test_json_options_are_the_python_apis_view(server: Server) -> None:
    expected = options_to_dict(collabrules.options(CASE), "en")
    with server.client() as client:
        as_yaml = client.post("/v1/options", content=CASE.read_bytes(),
                              headers={"Content-Type": "application/yaml"})
        as_json = client.post("/v1/options", json=_case())
    for response in (as_yaml, as_json):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/json")
        body = response.json()
        jsonschema.validate(body, load_schema("options"))
        assert _keys(body) == _keys(expected)
        assert [c["verdicts"] for c in body["columns"]] == \
            [c["verdicts"] for c in expected["columns"]]
    assert len(expected["columns"]) > 2


@pytest.mark.parametrize(("fmt", "media", "marker"), [
    ("markdown", "text/markdown", "| "), ("html", "text/html", "<!DOCTYPE html>"),
    ("text", "text/plain", "Columns:")])
def test_each_format_by_query_and_by_accept_is_the_clis_rendering(
        server: Server, fmt: str, media: str, marker: str) -> None:
    expected = render_options(collabrules.options(CASE), fmt, "en")
    with server.client() as client:
        responses = [client.post(f"/v1/options?format={fmt}", json=_case()),
                     client.post("/v1/options", json=_case(), headers={"Accept": media})]
    assert [r.status_code for r in responses] == [200, 200], responses[0].text
    assert all(r.headers["content-type"].startswith(media) for r in responses)
    assert marker in expected
    assert [r.text for r in responses] == [expected, expected]


def test_an_unacceptable_format_is_refused(server: Server) -> None:
    with server.client() as client:
        refused = client.post("/v1/options", json=_case(), headers={"Accept": "image/png"})
    assert refused.status_code == 406
    assert refused.headers["content-type"] == PROBLEM


def test_english_and_dutch(server: Server) -> None:
    en = collabrules.options(CASE)
    with server.client() as client:
        english = client.post("/v1/options?format=json", json=_case())
        by_query = client.post("/v1/options?format=text&lang=nl", json=_case())
        by_header = client.post("/v1/options?format=text", json=_case(),
                                headers={"Accept-Language": "nl-NL, en;q=0.5"})
        json_nl = client.post("/v1/options?lang=nl", json=_case())
    assert english.headers["content-language"] == "en"
    assert english.json()["columns"][0]["name"].startswith(en.today.name.en)
    for response in (by_query, by_header):
        assert response.headers["content-language"] == "nl"
        assert en.today.name.nl in response.text and en.today.name.en not in response.text
    assert by_query.text == by_header.text
    assert json_nl.json()["lang"] == "nl"
    assert json_nl.json()["columns"][0]["name"].startswith(en.today.name.nl)


def test_the_model_parameter_limits_the_options(server: Server) -> None:
    with server.client() as client:
        two = client.post("/v1/options?model=defensive, collaborative", json=_case())
        none = client.post("/v1/options?model=,", json=_case())
    assert two.status_code == 200, two.text
    assert sorted(_keys(two.json())) == ["collaborative", "defensive", "today"]
    assert _keys(none.json()) == ["today"]


def test_an_unknown_model_is_a_problem_with_a_suggestion(server: Server) -> None:
    with server.client() as client:
        en = client.post("/v1/options?model=defensive,colaborative", json=_case())
        nl = client.post("/v1/options?model=colaborative&lang=nl", json=_case())
    assert en.status_code == nl.status_code == 400
    assert en.headers["content-type"] == PROBLEM
    problem = en.json()
    assert problem["type"] == "urn:collabrules:problem:bad-parameter"
    assert problem["instance"] == "/v1/options"
    assert "'colaborative'" in problem["detail"]
    assert "did you mean 'collaborative'?" in problem["detail"]
    assert "bedoelde u 'collaborative'?" in nl.json()["detail"]


def test_an_invalid_case_is_a_located_problem(server: Server) -> None:
    broken = CASE.read_text(encoding="utf-8").replace("size: large", "size: huge", 1)
    assert broken != CASE.read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if "size: huge" in text)
    with server.client() as client:
        en, nl = (client.post(f"/v1/options?lang={lang}", content=broken,
                              headers={"Content-Type": "application/yaml"})
                  for lang in ("en", "nl"))
    assert en.status_code == nl.status_code == 422
    assert en.headers["content-type"] == PROBLEM
    error = en.json()["errors"][0]
    assert error["path"].endswith(".size") and error["line"] == line
    assert "huge" in error["message"]
    assert nl.json()["title"] == "Het document is geen geldige casus"
    assert nl.json()["errors"][0]["message"] != error["message"]


def test_designs_add_columns_and_their_errors_are_located(server: Server) -> None:
    design = {"title": "Mixed team", "relationship": {"governance": {"mixed_teams": True}}}
    with server.client() as client:
        good = client.post("/v1/options?model=collaborative",
                           json={"case": _case(), "designs": [design]})
        bad = client.post("/v1/options", json={
            "case": {**_case(), "perspective": "nobody"},
            "designs": [design, {"relationship": {"governance": {"mixed_teams": "yes"}}}],
            "extra": 1})
        case_only = client.post("/v1/options", json={"case": {**_case(), "perspective": 1}})
    assert good.status_code == 200, good.text
    body = good.json()
    assert _keys(body) == ["today", "collaborative", "design:designs[0]"]
    assert body["columns"][2]["name"] == "Mixed team"
    assert body["columns"][2]["changes"] == [
        {"path": "$.relationship.governance.mixed_teams", "before": False, "after": True}]
    assert bad.status_code == 422
    paths = [error["path"] for error in bad.json()["errors"]]
    assert "$.extra" in paths
    assert "$.designs[1].relationship.governance.mixed_teams" in paths
    assert case_only.status_code == 422
    assert [e["path"] for e in case_only.json()["errors"]] == ["$.case.perspective"]
