"""Response models: they give the generated OpenAPI document its schemas."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Format = Literal["json", "markdown", "html", "text"]
Lang = Literal["en", "nl"]
FailOn = Literal["info", "low", "medium", "high", "critical", "never"]


class Verdict(BaseModel):
    """The CLI's verdict for a report: its exit code under ``fail_on``."""

    fail_on: FailOn
    exit_code: int = Field(description="0 nothing at or above fail_on; 1 findings at or "
                                       "above it; 3 a plugin problem (as the CLI)")
    failed: bool = Field(description="exit_code is not 0")


class EvaluateResult(BaseModel):
    """A report (see ``GET /v1/schemas/report``) with the verdict under ``fail_on``."""

    report: dict[str, Any]
    verdict: Verdict


class IssueEntry(BaseModel):
    """One located issue: JSON path, request line and column, message and hint."""

    path: str
    message: str
    detail: str
    line: int | None = None
    column: int | None = None
    hint: str | None = None


class ValidateResult(BaseModel):
    """Whether a document is a valid case, with every issue found."""

    valid: bool
    errors: list[IssueEntry]


class Health(BaseModel):
    """Liveness or readiness."""

    status: str


class VersionInfo(BaseModel):
    """The versions behind every answer of this server."""

    version: str
    engine: str
    principle_set: dict[str, Any]
    taxonomy: str | None
    config: str | None


class IntakeQuestion(BaseModel):
    """One question of the intake (the questions of ``collabrules new``)."""

    key: str
    kind: str
    prompt: str
    explain: str
    required: bool
    after: str | None
    choices: list[dict[str, str]]


class IntakeResult(BaseModel):
    """The case the intake answers describe, as YAML (with comments) and as JSON."""

    case: dict[str, Any]
    case_yaml: str
