"""Hostile requests: each a clear 4xx with a problem document; the server stays up."""

from __future__ import annotations

import pytest

from .live import OFFICE, Server

BOMB = b"""a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
"""

HOSTILE = {
    "yaml-bomb": (BOMB, "application/yaml", 400),
    "python-tag": (b"!!python/object/apply:os.system ['true']\n", "application/yaml", 400),
    "deep-json": (b"[" * 100_000 + b"]" * 100_000, "application/json", 400),
    "deep-yaml": (b"a: " + b"[" * 5000 + b"]" * 5000, "application/yaml", 400),
    "not-utf8": (b'{"id": "\xff\xfe"}', "application/json", 400),
    "nul-bytes": (b'{"id": "a\x00b"}', "application/json", 400),
    "nan": (b'{"id": NaN}', "application/json", 400),
    "duplicate-keys": (b'{"id": "a", "id": "b"}', "application/json", 400),
    "empty": (b"", "application/json", 400),
    "array": (b"[1, 2, 3]", "application/json", 422),
    "huge-number": (b'{"n": 1' + b"0" * 5000 + b"}", "application/json", 400),
    "wrong-type": (OFFICE.read_bytes(), "text/html", 415),
    "form": (b"a=1&b=2", "application/x-www-form-urlencoded", 415),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_body_is_a_clear_4xx(server: Server, name: str) -> None:
    body, media, status = HOSTILE[name]
    with server.client() as client:
        response = client.post("/v1/evaluate", content=body, headers={"Content-Type": media})
        assert response.status_code == status, response.text[:500]
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["status"] == status and problem["title"]
        assert "Traceback" not in response.text
        assert client.post("/v1/evaluate", content=OFFICE.read_bytes()).status_code == 200
    assert server.process.poll() is None


def test_huge_body_is_refused(server: Server) -> None:
    with server.client() as client:
        response = client.post("/v1/evaluate", content=b" " * (3 * 1024 * 1024))
        assert response.status_code == 413
        assert client.get("/healthz").status_code == 200


@pytest.mark.parametrize("path", [
    "/v1/principles/..%2F..%2F..%2Fetc%2Fpasswd", "/v1/principles/%2e%2e",
    "/v1/principles/CR01%00", "/v1/schemas/..%2Fcase", "/v1/schemas/%2e%2e%2fconfig",
    "/assets/intake/..%2F..%2Fapp.py", "/v1/principles/" + "A" * 300,
])
def test_path_traversal_is_refused(server: Server, path: str) -> None:
    with server.client() as client:
        response = client.get(path)
        assert response.status_code in (400, 404), (path, response.status_code)
        assert "root:" not in response.text and "import" not in response.text
        assert client.get("/v1/principles/CR01").status_code == 200
