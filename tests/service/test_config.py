"""The server reads the same collabrules.toml as the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .live import OFFICE, serve


def test_server_uses_the_configuration_like_the_cli(tmp_path: Path) -> None:
    (tmp_path / "collabrules.toml").write_text(
        'lang = "nl"\nfail-on = "never"\nignore = ["CR09"]\n', encoding="utf-8")
    (tmp_path / "case.yaml").write_bytes(OFFICE.read_bytes())
    cli = subprocess.run([sys.executable, "-m", "collabrules", "evaluate", "case.yaml",
                          "--format", "json"], cwd=tmp_path, capture_output=True, text=True,
                         timeout=60, check=False)
    expected = json.loads(cli.stdout)
    with serve(tmp_path) as server, server.client() as client:
        body = client.post("/v1/evaluate", content=OFFICE.read_bytes()).json()
        english = client.post("/v1/evaluate?lang=en", content=OFFICE.read_bytes()).json()
        listed = client.get("/v1/principles").json()
        version = client.get("/version").json()
    assert body["verdict"]["fail_on"] == "never"
    assert body["report"]["lang"] == "nl" == expected["lang"]
    assert [f["code"] for f in body["report"]["findings"]] == \
        [f["code"] for f in expected["findings"]]
    assert "CR09" not in [f["code"] for f in body["report"]["findings"]]
    assert english["report"]["lang"] == "en"
    assert {p["code"]: p["selected"] for p in listed}["CR09"] is False
    assert version["config"] == "collabrules.toml"


def test_config_option_names_the_file(tmp_path: Path) -> None:
    config = tmp_path / "elsewhere.toml"
    config.write_text('fail-on = "info"\n', encoding="utf-8")
    with serve(tmp_path, ["--config", str(config)]) as server, server.client() as client:
        verdict = client.post("/v1/evaluate", content=OFFICE.read_bytes()).json()["verdict"]
    assert verdict["fail_on"] == "info"


def test_workers_share_the_options_and_configuration(tmp_path: Path) -> None:
    (tmp_path / "collabrules.toml").write_text('fail-on = "low"\n', encoding="utf-8")
    env = {"COLLABRULES_TOKENS": "worker-token"}
    with serve(tmp_path, ["--workers", "2", "--max-body", "5000"], env) as server, \
            server.client() as client:
        anonymous = client.get("/v1/principles")
        auth = {"Authorization": "Bearer worker-token"}
        answers = [client.post("/v1/evaluate", content=OFFICE.read_bytes(), headers=auth)
                   for _ in range(6)]
        too_large = client.post("/v1/evaluate", content=b" " * 6000, headers=auth)
    assert anonymous.status_code == 401
    assert all(a.status_code == 200 for a in answers)
    assert {a.json()["verdict"]["fail_on"] for a in answers} == {"low"}
    assert too_large.status_code == 413


def test_a_failing_plugin_is_a_report_problem_not_a_server_error(tmp_path: Path) -> None:
    # Without the signals plugin, principles that read signals fail while assessing.
    (tmp_path / "collabrules.toml").write_text('block = ["signals"]\n', encoding="utf-8")
    with serve(tmp_path) as server, server.client() as client:
        response = client.post("/v1/evaluate", content=OFFICE.read_bytes())
        text = client.post("/v1/evaluate?format=text", content=OFFICE.read_bytes())
    assert response.status_code == 200
    body = response.json()
    assert body["verdict"]["exit_code"] == 3  # as the CLI: an internal or plugin error
    assert body["report"]["problems"]
    assert "error" in {f["status"] for f in body["report"]["findings"]}
    assert text.headers["collabrules-exit-code"] == "3"
    assert "Traceback" not in response.text + server.log.read_text(encoding="utf-8")
