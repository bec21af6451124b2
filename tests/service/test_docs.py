"""Every ``curl`` example of docs/service.md works against a live server, as shown."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ..docs.snippets import DOCS, blocks, commands, mismatch
from .live import EXAMPLES, serve

PAGE = DOCS / "service.md"
SHOWN = "http://127.0.0.1:8000"
RUN = ("curl ", "printf ")


def _examples() -> list[tuple[int, str, list[str]]]:
    found = []
    for block in blocks(PAGE):
        if block.lang != "shell":
            continue
        for command, expected in commands(block):
            found.append((block.line, command, expected))
    return found


def test_every_endpoint_has_a_curl_example() -> None:
    shown = " ".join(command for _, command, _ in _examples())
    for path in ("/healthz", "/readyz", "/version", "/v1/evaluate", "/v1/evaluate/batch",
                 "/v1/validate", "/v1/compare", "/v1/options", "/v1/principles",
                 "/v1/principles/CR01", "/v1/models", "/v1/schemas/case", "/v1/plugins",
                 "/v1/intake/questions", "/v1/survey", "/v1/survey/merge"):
        assert f"{SHOWN}{path}" in shown, path


def test_examples_run_against_a_live_server(tmp_path: Path) -> None:
    if shutil.which("curl") is None:
        pytest.fail("curl is needed to run the documented examples")
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    with serve(tmp_path) as server:
        ran = 0
        for line, command, expected in _examples():
            if command.startswith("collabrules serve"):
                started = server.log.read_text(encoding="utf-8").replace(server.url, SHOWN)
                assert mismatch(expected, started) is None, started
                continue
            if not command.startswith(RUN):
                continue
            live = command.replace(SHOWN, server.url)
            result = subprocess.run(["bash", "-c", live], cwd=tmp_path, capture_output=True,
                                    text=True, timeout=120, check=False)
            output = result.stdout.replace("\r\n", "\n")
            problem = mismatch(expected, output)
            assert problem is None, f"docs/service.md:{line}: $ {command}: {problem}\n{output}"
            ran += 1
    assert ran >= 15
