"""Every endpoint of a real server: content negotiation, en/nl, verdicts, problem documents."""

from __future__ import annotations

import json
import time

import yaml

import collabrules
from collabrules.io.serialize import report_to_dict

from .live import EXAMPLES, OFFICE, Server

PROBLEM = "application/problem+json"


def _office() -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load(OFFICE.read_text(encoding="utf-8"))
    return data


def test_evaluate_gives_the_same_report_as_the_engine(server: Server) -> None:
    expected = report_to_dict(collabrules.evaluate(OFFICE), "en")
    with server.client() as client:
        response = client.post("/v1/evaluate", content=OFFICE.read_bytes(),
                               headers={"Content-Type": "application/yaml"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["verdict"] == {"fail_on": "high", "exit_code": 0, "failed": False}
    report = body["report"]
    assert [(f["code"], f["status"]) for f in report["findings"]] == \
        [(f["code"], f["status"]) for f in expected["findings"]]
    assert report["provenance"]["input_digest"] == expected["provenance"]["input_digest"]


def test_json_and_yaml_bodies_give_the_same_report(server: Server) -> None:
    with server.client() as client:
        as_yaml = client.post("/v1/evaluate", content=OFFICE.read_bytes(),
                              headers={"Content-Type": "application/yaml"}).json()
        as_json = client.post("/v1/evaluate", json=_office()).json()
        sniffed = client.post("/v1/evaluate", content=OFFICE.read_bytes()).json()
    assert as_yaml["report"]["findings"] == as_json["report"]["findings"]
    assert sniffed["report"]["findings"] == as_json["report"]["findings"]


def test_format_by_query_and_by_accept(server: Server) -> None:
    with server.client() as client:
        for fmt, media, marker in (("markdown", "text/markdown", "# "),
                                   ("html", "text/html", "<!DOCTYPE html>"),
                                   ("text", "text/plain", "Office cleaning")):
            by_query = client.post(f"/v1/evaluate?format={fmt}", json=_office())
            by_accept = client.post("/v1/evaluate", json=_office(), headers={"Accept": media})
            for response in (by_query, by_accept):
                assert response.status_code == 200
                assert response.headers["content-type"].startswith(media)
                assert marker in response.text
                assert response.headers["collabrules-exit-code"] == "0"
        weighted = client.post("/v1/evaluate", json=_office(),
                               headers={"Accept": "text/html;q=0.2, text/markdown"})
        assert weighted.headers["content-type"].startswith("text/markdown")
        refused = client.post("/v1/evaluate", json=_office(), headers={"Accept": "image/png"})
    assert refused.status_code == 406
    assert refused.headers["content-type"] == PROBLEM


def test_language_by_query_and_by_accept_language(server: Server) -> None:
    with server.client() as client:
        en = client.post("/v1/evaluate?format=text", json=_office()).text
        nl_query = client.post("/v1/evaluate?format=text&lang=nl", json=_office())
        nl_header = client.post("/v1/evaluate?format=text", json=_office(),
                                headers={"Accept-Language": "nl-NL, en;q=0.5"})
        de_first = client.post("/v1/evaluate?format=text", json=_office(),
                               headers={"Accept-Language": "de, nl;q=0.8"})
    assert "Findings:" in en
    for response in (nl_query, nl_header, de_first):
        assert response.headers["content-language"] == "nl"
        assert "Bevindingen" in response.text


def test_fail_on_gives_the_verdict_as_a_field(server: Server) -> None:
    case = json.loads(json.dumps(yaml.safe_load(
        (EXAMPLES / "aggressive-monopolist.yaml").read_text(encoding="utf-8"))))
    with server.client() as client:
        strict = client.post("/v1/evaluate?fail_on=info", json=case)
        never = client.post("/v1/evaluate?fail_on=never", json=case)
        html = client.post("/v1/evaluate?fail_on=info&format=html", json=case)
    assert strict.status_code == never.status_code == html.status_code == 200
    assert strict.json()["verdict"] == {"fail_on": "info", "exit_code": 1, "failed": True}
    assert never.json()["verdict"]["exit_code"] == 0
    assert html.headers["collabrules-exit-code"] == "1"


def test_invalid_case_is_a_located_problem_in_both_languages(server: Server) -> None:
    broken = OFFICE.read_text(encoding="utf-8").replace("size: large", "size: huge")
    line = broken.splitlines().index("    size: huge") + 1
    with server.client() as client:
        en = client.post("/v1/evaluate", content=broken,
                         headers={"Content-Type": "application/yaml"})
        nl = client.post("/v1/evaluate?lang=nl", content=broken,
                         headers={"Content-Type": "application/yaml"})
    assert en.status_code == nl.status_code == 422
    assert en.headers["content-type"] == PROBLEM
    problem = en.json()
    assert problem["type"] == "urn:collabrules:problem:invalid-case"
    assert problem["status"] == 422 and problem["instance"] == "/v1/evaluate"
    error = problem["errors"][0]
    assert error["path"] == "$.parties[0].size" and error["line"] == line
    assert error["detail"].startswith(f"request:{line}")
    assert "huge" in error["message"]
    assert nl.json()["title"] == "Het document is geen geldige casus"
    assert nl.json()["errors"][0]["message"] != error["message"]


def test_malformed_bodies_and_wrong_content_types(server: Server) -> None:
    with server.client() as client:
        json_error = client.post("/v1/evaluate", content=b'{"id": 1,,}',
                                 headers={"Content-Type": "application/json"})
        yaml_error = client.post("/v1/evaluate", content=b"a: [1, 2\nb: 3\n",
                                 headers={"Content-Type": "application/yaml"})
        wrong_type = client.post("/v1/evaluate", content=b"<case/>",
                                 headers={"Content-Type": "application/xml"})
        bad_param = client.post("/v1/evaluate?format=pdf", json=_office())
        bad_lang = client.post("/v1/evaluate?lang=fr", json=_office())
    assert json_error.status_code == 400
    assert json_error.json()["errors"][0]["line"] == 1
    assert json_error.json()["errors"][0]["column"] == 10
    assert yaml_error.status_code == 400 and "YAML" in yaml_error.json()["detail"]
    assert wrong_type.status_code == 415
    assert wrong_type.headers["content-type"] == PROBLEM
    assert bad_param.status_code == 400 and bad_param.headers["content-type"] == PROBLEM
    assert bad_param.json()["errors"][0]["path"] == "$.query.format"
    assert bad_lang.status_code == 400


def test_validate(server: Server) -> None:
    broken = _office()
    broken["perspective"] = "nobody"
    with server.client() as client:
        good = client.post("/v1/validate", content=OFFICE.read_bytes(),
                           headers={"Content-Type": "application/yaml"})
        bad = client.post("/v1/validate", json=broken)
    assert good.json() == {"valid": True, "errors": []}
    assert bad.status_code == 200
    assert bad.json()["valid"] is False
    assert any(e["path"] == "$.perspective" for e in bad.json()["errors"])


def test_compare_cases_and_reports(server: Server) -> None:
    old = _office()
    new = json.loads(json.dumps(old))
    new["parties"][1]["expected_benefit"]["net"] = "negative"  # type: ignore[index]
    with server.client() as client:
        trend = client.post("/v1/compare", json={"old": old, "new": new})
        report = client.post("/v1/evaluate", json=old).json()["report"]
        from_report = client.post("/v1/compare?format=text", json={"old": report, "new": new})
        html = client.post("/v1/compare", json={"old": old, "new": new},
                           headers={"Accept": "text/html"})
        missing = client.post("/v1/compare", json={"old": old})
        invalid = client.post("/v1/compare", json={"old": old, "new": {"id": "x"}})
    assert trend.status_code == 200, trend.text
    moves = {m["code"]: m for m in trend.json()["moves"]}
    assert moves["CR01"]["movement"] == "down"
    assert from_report.status_code == 200 and "CR01" in from_report.text
    assert html.headers["content-type"].startswith("text/html")
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["path"] == "$.new"
    assert invalid.status_code == 422
    assert all(e["path"].startswith("$.new") for e in invalid.json()["errors"])


def test_principles_models_schemas_plugins(server: Server) -> None:
    with server.client() as client:
        listed = client.get("/v1/principles").json()
        dutch = client.get("/v1/principles?lang=nl").json()
        page = client.get("/v1/principles/CR01").json()
        by_slug = client.get(f"/v1/principles/{listed[0]['slug']}?format=markdown")
        unknown = client.get("/v1/principles/CR1O")
        models = client.get("/v1/models").json()
        schema = client.get("/v1/schemas/case")
        no_schema = client.get("/v1/schemas/secrets")
        plugins = client.get("/v1/plugins").json()
    assert [p["code"] for p in listed] == [f"CR0{i}" for i in range(1, 10)]
    assert listed[0]["title"] != dutch[0]["title"]
    assert page["code"] == "CR01" and page["page"].startswith("# CR01")
    assert by_slug.headers["content-type"].startswith("text/markdown")
    assert unknown.status_code == 404 and "did you mean" in unknown.json()["detail"]
    assert models["taxonomy"] == "standard"
    assert "transactional" in [m["id"] for m in models["models"]]
    assert schema.headers["content-type"].startswith("application/schema+json")
    assert schema.json()["title"]
    assert no_schema.status_code == 404 or no_schema.status_code == 400
    assert no_schema.headers["content-type"] == PROBLEM
    assert {p["name"] for p in plugins["plugins"]} >= {"reciprocity", "recommendation"}


def test_health_version_openapi_and_docs(server: Server) -> None:
    with server.client() as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        assert client.get("/readyz").json() == {"status": "ready"}
        version = client.get("/version").json()
        document = client.get("/openapi.json").json()
        docs = client.get("/docs")
        docs_script = client.get("/assets/docs/swagger-ui-bundle.js")
    assert version["version"] == collabrules.__version__
    assert len(version["principle_set"]["codes"]) == 9
    paths = set(document["paths"])
    assert {"/v1/evaluate", "/v1/evaluate/batch", "/v1/validate", "/v1/compare",
            "/v1/principles", "/v1/principles/{code}", "/v1/models", "/v1/schemas/{name}",
            "/v1/plugins", "/healthz", "/readyz", "/version"} <= paths
    assert "Case.party" in document["components"]["schemas"] or any(
        name.startswith("Case.") for name in document["components"]["schemas"])
    assert docs.status_code == 200 and "/assets/docs/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
    assert docs_script.status_code == 200 and len(docs_script.content) > 100_000


def test_unknown_addresses_and_methods_are_problems(server: Server) -> None:
    with server.client() as client:
        missing = client.get("/v1/nothing")
        method = client.get("/v1/evaluate")
    assert missing.status_code == 404 and missing.headers["content-type"] == PROBLEM
    assert method.status_code == 405 and method.headers["content-type"] == PROBLEM


def test_access_log_names_the_case_but_not_its_contents(server: Server) -> None:
    with server.client() as client:
        client.post("/v1/evaluate", json=_office())
    # The entry is written once the response has been sent (its duration includes the
    # sending), so the client may read the log before the line is there: wait for it.
    deadline = time.monotonic() + 60  # a bound for a server that never writes it
    while True:
        entries = [json.loads(line) for line in server.access_log()]
        mine = [e for e in entries if e["path"] == "/v1/evaluate" and
                e["case_id"] == "office-cleaning"]
        if mine or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert mine, entries[-5:]
    entry = mine[-1]
    assert set(entry) >= {"time", "method", "path", "status", "duration_ms", "case_id"}
    assert entry["status"] == 200 and entry["method"] == "POST"
    assert "Northwind" not in server.log.read_text(encoding="utf-8")


def test_intake_answers_become_the_case_collabrules_new_writes(server: Server,
                                                               tmp_path: object) -> None:
    answers = {"id": "cleaning", "perspective": "customer", "us.name": "Northwind",
               "them.name": "Sparkle", "us.goal.topic": "price", "us.goal.direction":
               "minimise", "relationship.safeguards.price_guarantee": "ja"}
    with server.client() as client:
        made = client.post("/v1/intake?lang=nl", json={"answers": answers})
        questions = client.get("/v1/intake/questions").json()
        wrong = client.post("/v1/intake", json={"answers": {
            "id": "no spaces", "perspective": "customer", "us.name": "A", "them.name": "B",
            "us.size": "gigantic", "us.goal.direction": "minimise", "nonsense": 1}})
        evaluated = client.post("/v1/evaluate", content=made.json()["case_yaml"],
                                headers={"Content-Type": "application/yaml"})
    assert made.status_code == 200, made.text
    body = made.json()
    assert body["case"]["parties"][0]["goals"] == [{"topic": "price", "direction": "minimise"}]
    assert body["case"]["relationship"]["safeguards"]["price_guarantee"] is True
    assert "# Casus geschreven door 'collabrules new'" in body["case_yaml"]
    assert evaluated.status_code == 200
    from collabrules.authoring.intake import QUESTIONS

    assert [q["key"] for q in questions] == [q.key for q in QUESTIONS]
    assert wrong.status_code == 422
    paths = {e["path"] for e in wrong.json()["errors"]}
    assert paths == {'$.answers["id"]', '$.answers["us.size"]',
                     '$.answers["us.goal.direction"]', '$.answers["nonsense"]'}


def test_parameter_errors_are_bilingual(server: Server) -> None:
    with server.client() as client:
        en = client.post("/v1/evaluate?format=pdf", json=_office()).json()
        nl = client.post("/v1/evaluate?format=pdf", json=_office(),
                         headers={"Accept-Language": "nl"}).json()
    assert "is not allowed; give one of" in en["errors"][0]["message"]
    assert "is niet toegestaan; geef een van" in nl["errors"][0]["message"]


def test_intake_page_asks_every_question_of_collabrules_new(server: Server) -> None:
    from html import escape

    from collabrules.authoring.intake import QUESTIONS

    with server.client() as client:
        pages = {lang: client.get(f"/?lang={lang}") for lang in ("en", "nl")}
        script = client.get("/assets/intake/intake.js")
        style = client.get("/assets/intake/intake.css")
    for lang, page in pages.items():
        assert page.status_code == 200 and page.headers["content-language"] == lang
        assert "script-src 'self'" in page.headers["content-security-policy"]
        for question in QUESTIONS:
            assert f'name="{question.key}"' in page.text, question.key
            assert escape(question.prompt.get(lang)) in page.text, question.key
        assert "http://" not in page.text and "https://" not in page.text  # no CDN
    assert script.status_code == 200 and "fetch(" in script.text
    assert style.status_code == 200
