"""``/v1/evaluate/batch``: JSON Lines in, JSON Lines out, streamed.

The upload is spooled to a temporary file (memory stays bounded however large the
portfolio), checked against the limits, and then evaluated line by line while the results
stream back: one line per case with its line number and case id, an error line (line
number, JSON path) for a line that is not a valid case, and a summary line at the end.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from typing import IO, Any

import anyio.to_thread
import attrs
from fastapi import APIRouter, Request
from starlette.background import BackgroundTask
from starlette.responses import StreamingResponse

from ..io.portfolio import PortfolioTally
from ..io.serialize import dumps_line, report_to_dict
from ..model.errors import InputError, Issue
from ..model.exitcodes import exit_code
from ..pipeline.loading import parse_bytes
from .api import verdict
from .context import Service, service_of
from .limits import spool_lines
from .models import FailOn, Lang
from .negotiate import check_lines_type
from .problems import problem_body, problem_responses

router = APIRouter(prefix="/v1")
MEDIA = "application/x-ndjson"
CHUNK = 64
SPOOL_IN_MEMORY = 1024 * 1024

BATCH_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {MEDIA: {
    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Case"},
               "description": "JSON Lines: one case (compact JSON) a line"}}}}}


def _lines(spool: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    for number, line in enumerate(spool, 1):
        if line.strip():
            yield number, line


def _one(service: Service, number: int, raw: bytes, lang: str, fail_on: str, full: bool,
         tally: PortfolioTally) -> dict[str, Any]:
    source = f"request:{number}"
    kind = "malformed"
    try:
        document = parse_bytes(raw, source, fmt="json", max_bytes=service.options.limits.max_body)
        kind = "invalid-case"
        report = service.engine.evaluate(document)
    except InputError as error:
        issues = [_on_line(issue, number) for issue in error.issues]
        return {"line": number, "case_id": _case_id(raw),
                "error": problem_body(kind, lang, issues=issues)}
    tally.add(report)
    result = verdict(report, fail_on)
    line: dict[str, Any] = {
        "line": number, "case_id": report.case_id, "verdict": result,
        "worst_severity": report.summary.worst.value,
        "findings": {f.code: f.status.value for f in report.findings},
        "recommended_model": report.recommendation.model if report.recommendation else None,
    }
    if full:
        line["report"] = report_to_dict(report, lang)
    return line


def _on_line(issue: Issue, number: int) -> Issue:
    """An issue of one line, placed on that line of the request body."""
    return attrs.evolve(issue, file="request", line=number)


def _case_id(raw: bytes) -> str | None:
    """The case id of a line that is not a valid case, if it can be read at all."""
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    value = data.get("id") if isinstance(data, dict) else None
    return value[:100] if isinstance(value, str) else None


@router.post("/evaluate/batch", openapi_extra=BATCH_BODY, response_class=StreamingResponse,
             responses={200: {"description": "one JSON object a line, a summary line last",
                              "content": {MEDIA: {"schema": {"type": "string"}}}},
                        **problem_responses(400, 401, 408, 413, 415, 429)},
             summary="Evaluate a portfolio (JSON Lines), streamed")
async def evaluate_batch(request: Request, lang: Lang | None = None,
                         fail_on: FailOn | None = None, reports: bool = False
                         ) -> StreamingResponse:
    """Evaluate one case a line; stream one result a line, then a summary.

    ``reports=true`` adds each full report to its line. A bad line gives an error line
    (its line number and the JSON path of each issue) and the stream goes on.
    """
    service = service_of(request)
    language = service.lang_of(request, lang)
    threshold = fail_on or service.fail_on
    check_lines_type(request.headers.get("content-type"))
    limits = service.options.limits
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115
    try:
        count = await spool_lines(request, spool, limit=limits.max_batch_body,
                                  max_line=limits.max_body, max_lines=limits.max_batch_cases,
                                  seconds=limits.read_timeout)
        release = service.slots.take()
    except BaseException:
        spool.close()
        raise
    request.state.cases = count
    done = [False]

    def finish() -> None:
        """Give the slot back and drop the spool, once (stream end or disconnect)."""
        if not done[0]:
            done[0] = True
            release()
            spool.close()

    async def stream() -> Any:
        tally = PortfolioTally()
        lines = _lines(spool)
        failed = 0
        worst = 0
        try:
            while True:
                chunk = await anyio.to_thread.run_sync(
                    lambda: [_one(service, n, raw, language, threshold, reports, tally)
                             for n, raw in _take(lines, CHUNK)])
                if not chunk:
                    break
                for line in chunk:
                    if "error" in line:
                        failed += 1
                    else:
                        worst = max(worst, line["verdict"]["exit_code"])
                yield "".join(map(dumps_line, chunk))
            summary = tally.to_dict(language)
            summary.pop("skipped_inputs", None)
            summary["skipped"] = failed
            code = max(worst, exit_code([], bool(failed), threshold))
            summary["verdict"] = {"fail_on": threshold, "exit_code": code, "failed": code != 0}
            yield dumps_line({"summary": summary})
        finally:
            finish()

    return StreamingResponse(stream(), media_type=MEDIA, background=BackgroundTask(finish))


def _take(lines: Iterator[tuple[int, bytes]], size: int) -> list[tuple[int, bytes]]:
    found = []
    for item in lines:
        found.append(item)
        if len(found) == size:
            break
    return found
