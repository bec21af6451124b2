"""The streamed batch: JSON Lines in and out, error lines that keep the stream going, a
summary at the end, and 10,000 cases with bounded server memory."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import yaml

from .live import OFFICE, Server

CASE = yaml.safe_load(OFFICE.read_text(encoding="utf-8"))
BAD_EVERY = 250


def _portfolio(count: int) -> Iterator[bytes]:
    """``count`` lines, sent in pieces; every 250th line is bad (alternately JSON, schema)."""
    chunk = []
    for number in range(1, count + 1):
        if number % BAD_EVERY == 0:
            line = b'{"id": "broken", ' if number % (2 * BAD_EVERY) else \
                json.dumps({**CASE, "id": f"case-{number}", "perspective": "nobody"}).encode()
        else:
            line = json.dumps({**CASE, "id": f"case-{number}"}).encode()
        chunk.append(line + b"\n")
        if len(chunk) == 100:
            yield b"".join(chunk)
            chunk = []
    if chunk:
        yield b"".join(chunk)


def test_lines_out_match_lines_in(server: Server) -> None:
    with server.client() as client:
        response = client.post("/v1/evaluate/batch?fail_on=info&lang=nl",
                               content=b"".join(_portfolio(600)),
                               headers={"Content-Type": "application/x-ndjson"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    # JSON Lines as the CLI writes them: no spaces (ADR 0018, session 6)
    assert response.text.splitlines() == [
        json.dumps(line, ensure_ascii=False, separators=(",", ":")) for line in lines]
    assert [line["line"] for line in lines[:-1]] == list(range(1, 601))
    errors = {line["line"]: line for line in lines[:-1] if "error" in line}
    assert sorted(errors) == [250, 500]
    assert errors[250]["error"]["type"] == "urn:collabrules:problem:malformed"
    assert errors[250]["error"]["errors"][0]["line"] == 250
    schema_error = errors[500]["error"]
    assert schema_error["type"] == "urn:collabrules:problem:invalid-case"
    assert errors[500]["case_id"] == "case-500"
    assert any(e["path"] == "$.perspective" and e["line"] == 500
               for e in schema_error["errors"])
    good = lines[0]
    assert good["case_id"] == "case-1" and good["findings"]["CR01"] == "upheld"
    assert good["verdict"]["fail_on"] == "info"
    summary = lines[-1]["summary"]
    assert summary["cases"] == 598 and summary["skipped"] == 2
    assert summary["lang"] == "nl"
    assert summary["verdict"]["exit_code"] == 2  # bad input, as the CLI


def test_full_reports_on_request(server: Server) -> None:
    with server.client() as client:
        response = client.post("/v1/evaluate/batch?reports=true",
                               content=b"".join(_portfolio(3)))
    first = json.loads(response.text.splitlines()[0])
    assert first["report"]["case"]["id"] == "case-1"


def test_wrong_content_type_for_a_batch(server: Server) -> None:
    with server.client() as client:
        response = client.post("/v1/evaluate/batch", content=b"{}",
                               headers={"Content-Type": "application/yaml"})
    assert response.status_code == 415


@pytest.mark.slow
def test_ten_thousand_cases_stream_with_bounded_memory(server: Server) -> None:
    with server.client() as client:  # warm up: the engine, caches, allocator pools
        client.post("/v1/evaluate/batch", content=b"".join(_portfolio(300)))
        before = server.rss_kib()
        count = 0
        first_at_line = None
        peak = before
        with client.stream("POST", "/v1/evaluate/batch", content=_portfolio(10_000),
                           headers={"Content-Type": "application/x-ndjson"}) as response:
            assert response.status_code == 200
            for line in response.iter_lines():
                count += 1
                if first_at_line is None:
                    first_at_line = json.loads(line)["line"]
                if count % 1000 == 0:
                    peak = max(peak, server.rss_kib())
                last = line
    summary = json.loads(last)["summary"]
    assert count == 10_001 and first_at_line == 1
    assert summary["cases"] == 10_000 - 40 and summary["skipped"] == 40
    # The body is ~30 MB: held in memory it alone would exceed this bound.
    assert peak - before < 24 * 1024, (before, peak)
