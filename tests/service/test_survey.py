"""``/v1/survey``: the questionnaire, one party's copy and answers merged back (live server)."""

from __future__ import annotations

from typing import Any

import yaml

from collabrules.authoring.survey import questionnaire_markdown
from collabrules.standard.questionnaire import standard_questionnaire

from .live import OFFICE, Server

PROBLEM = "application/problem+json"


def _office() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(OFFICE.read_text(encoding="utf-8"))
    return data


def _answers(**scores: tuple[int | None, int | None]) -> dict[str, Any]:
    return {"questionnaire_version": "1", "parties": {"insurer": {
        "respondent": {"name": "Ada Vos", "role": "facility manager"}, "date": "2026-11-30",
        "answers": [{"statement": key, "us": us, "them": them}
                    for key, (us, them) in scores.items()]}}}


def test_questionnaire_in_both_languages(server: Server) -> None:
    standard = standard_questionnaire()
    with server.client() as client:
        english = client.get("/v1/survey").json()
        dutch = client.get("/v1/survey", headers={"Accept-Language": "nl"}).json()
    assert english["version"] == standard.version
    assert [s["id"] for s in english["statements"]] == list(standard.ids())
    assert english["statements"][0]["us"] == standard.statements[0].us.en
    assert dutch["statements"][0]["them"] == standard.statements[0].them.nl
    assert [s["value"] for s in dutch["scale"]] == [1, 2, 3, 4, 5]
    assert {t["id"] for t in english["themes"]} >= {s["theme"] for s in english["statements"]}


def test_party_questionnaire_is_the_cli_text(server: Server) -> None:
    with server.client() as client:
        markdown = client.post("/v1/survey?party=insurer&lang=nl", json=_office())
        page = client.post("/v1/survey?party=cleaner", content=OFFICE.read_bytes(),
                           headers={"Content-Type": "application/yaml",
                                    "Accept": "text/html"})
        unknown = client.post("/v1/survey?party=insurr", json=_office())
    assert markdown.status_code == 200, markdown.text
    assert markdown.headers["content-type"].startswith("text/markdown")
    expected = questionnaire_markdown(_office(), 0, standard_questionnaire(), "nl")
    assert markdown.text.splitlines()[0] == expected.splitlines()[0]
    assert markdown.text.count("| ") == expected.count("| ")
    assert page.headers["content-type"].startswith("text/html")
    assert 'name="contract_fair.them"' in page.text
    assert unknown.status_code == 400
    assert unknown.headers["content-type"] == PROBLEM
    assert "insurer, cleaner" in unknown.json()["detail"]


def test_merge_gives_the_case_with_perceptions(server: Server) -> None:
    body = {"case": _office(), "answers": _answers(contract_fair=(4, 2), goals_shared=(None, 3))}
    with server.client() as client:
        as_yaml = client.post("/v1/survey/merge", json=body)
        as_json = client.post("/v1/survey/merge", json=body,
                              headers={"Accept": "application/json"})
        report = client.post("/v1/evaluate", json=as_json.json())
    assert as_yaml.status_code == 200, as_yaml.text
    assert as_yaml.headers["content-type"].startswith("application/yaml")
    merged = yaml.safe_load(as_yaml.text)
    assert merged == as_json.json()
    assert merged["schema_version"] == "1.2"
    insurer = merged["parties"][0]["perceptions"]
    assert insurer["respondent"] == {"name": "Ada Vos", "role": "facility manager"}
    assert insurer["answers"] == [{"statement": "contract_fair", "us": 4, "them": 2},
                                  {"statement": "goals_shared", "them": 3}]
    assert "perceptions" not in merged["parties"][1]
    assert report.status_code == 200, report.text


def test_merge_problems_are_located(server: Server) -> None:
    bad = _answers(contract_fiar=(4, 9))
    bad["parties"]["insurer"]["date"] = "30-11-2026"
    with server.client() as client:
        answers = client.post("/v1/survey/merge", json={"case": _office(), "answers": bad},
                              headers={"Accept-Language": "nl"})
        case = client.post("/v1/survey/merge", json={"case": {"id": "x"}, "answers": bad})
        missing = client.post("/v1/survey/merge", json={"case": _office()})
    assert answers.status_code == 422
    assert answers.headers["content-type"] == PROBLEM
    errors = {e["path"]: e for e in answers.json()["errors"]}
    assert set(errors) == {"$.answers.parties.insurer.date",
                           "$.answers.parties.insurer.answers[0].statement",
                           "$.answers.parties.insurer.answers[0].them"}
    assert "contract_fair" in errors["$.answers.parties.insurer.answers[0].statement"]["hint"]
    assert "geen score" in errors["$.answers.parties.insurer.answers[0].them"]["message"]
    assert case.status_code == 422
    assert all(e["path"].startswith("$.case") for e in case.json()["errors"])
    assert missing.status_code == 422
    assert [e["path"] for e in missing.json()["errors"]] == ["$.answers"]
