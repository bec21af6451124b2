"""Bearer tokens, the loopback rule, CORS and the missing-extra message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .live import OFFICE, ROOT, free_port, serve


def test_tokens_protect_the_api(tmp_path: Path) -> None:
    tokens = tmp_path / "tokens.txt"
    tokens.write_text("# the adviser team\nfile-token-123\n", encoding="utf-8")
    env = {"COLLABRULES_TOKENS": "env-token-456, other"}
    with serve(tmp_path, ["--token-file", str(tokens)], env) as server, \
            server.client() as client:
        anonymous = client.post("/v1/evaluate", content=OFFICE.read_bytes())
        wrong = client.get("/v1/principles", headers={"Authorization": "Bearer nope"})
        scheme = client.get("/v1/principles", headers={"Authorization": "Basic file-token-123"})
        prefix = client.get("/v1/principles", headers={"Authorization": "Bearer file-token"})
        from_file = client.get("/v1/principles",
                               headers={"Authorization": "Bearer file-token-123"})
        from_env = client.post("/v1/evaluate", content=OFFICE.read_bytes(),
                               headers={"Authorization": "Bearer env-token-456"})
        health = client.get("/healthz")
        page = client.get("/")
        log = server.log.read_text(encoding="utf-8")
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"].startswith("Bearer")
    assert anonymous.headers["content-type"] == "application/problem+json"
    assert wrong.status_code == scheme.status_code == prefix.status_code == 401
    assert from_file.status_code == 200 and from_env.status_code == 200
    assert health.status_code == 200
    assert page.status_code == 200 and 'id="token"' in page.text
    for secret in ("file-token-123", "env-token-456"):
        assert secret not in log


def test_without_tokens_the_api_is_open_on_loopback(server: object) -> None:
    from .live import Server

    assert isinstance(server, Server)
    with server.client() as client:
        assert client.get("/v1/principles").status_code == 200
        assert 'id="token"' not in client.get("/").text


def _serve_command(*args: str, env: dict[str, str] | None = None
                   ) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("COLLABRULES_")}
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "collabrules", "serve", *args],
                          capture_output=True, text=True, timeout=60, env=environ,
                          check=False, cwd=ROOT)


def test_refuses_other_interfaces_without_tokens() -> None:
    result = _serve_command("--host", "0.0.0.0", "--port", str(free_port()))
    assert result.returncode == 2
    assert "refusing to listen on 0.0.0.0 without tokens" in result.stderr
    assert "Traceback" not in result.stderr
    dutch = _serve_command("--host", "0.0.0.0", "--port", str(free_port()),
                           env={"COLLABRULES_LANG": "nl"})
    assert "zonder tokens geweigerd" in dutch.stderr


def test_missing_token_file_and_bad_config_are_located_errors(tmp_path: Path) -> None:
    missing = _serve_command("--token-file", str(tmp_path / "none.txt"))
    assert missing.returncode == 2 and "cannot read the token file" in missing.stderr
    config = tmp_path / "collabrules.toml"
    config.write_text('lang = "fr"\n', encoding="utf-8")
    bad = _serve_command("--config", str(config), "--port", str(free_port()))
    assert bad.returncode == 2
    assert f"{config}" in bad.stderr and "$.lang" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_missing_extra_explains_how_to_install_it() -> None:
    code = ("import sys; sys.modules['fastapi'] = None; "
            "from collabrules.cli import main; main(['serve'])")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("COLLABRULES_")}
    # find_spec sees a None entry in sys.modules as "not installed"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, env=environ, check=False)
    assert result.returncode == 2
    assert "pip install 'collabrules[service]'" in result.stderr
    assert "fastapi" in result.stderr


def test_cors_is_off_by_default_and_configurable(tmp_path: Path, server: object) -> None:
    from .live import Server

    assert isinstance(server, Server)
    origin = "https://advisers.example"
    preflight = {"Origin": origin, "Access-Control-Request-Method": "POST"}
    with server.client() as client:
        closed = client.options("/v1/evaluate", headers=preflight)
        plain = client.get("/v1/principles", headers={"Origin": origin})
    assert "access-control-allow-origin" not in closed.headers
    assert "access-control-allow-origin" not in plain.headers
    with serve(tmp_path, ["--cors-origin", origin]) as open_server, \
            open_server.client() as client:
        allowed = client.options("/v1/evaluate", headers=preflight)
        other = client.get("/v1/principles", headers={"Origin": "https://evil.example"})
        simple = client.get("/v1/principles", headers={"Origin": origin})
    assert allowed.headers["access-control-allow-origin"] == origin
    assert "access-control-allow-origin" not in other.headers
    assert simple.headers["access-control-allow-origin"] == origin
