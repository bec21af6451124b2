"""Every file collabrules writes gets the permissions the umask gives, like any Unix tool."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from collabrules.io.atomic import atomic_writer

from .conftest import run_cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
OFFICE = EXAMPLES / "office-cleaning.yaml"
ANSWERS = {"id": "bare", "perspective": "customer", "us.name": "A", "them.name": "B"}

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX notion")


@contextlib.contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _writers(tmp: Path) -> dict[str, Path]:
    """Run every command that writes a file; return the files by what wrote them."""
    portfolio = tmp / "cases"
    portfolio.mkdir()
    for name in ("office-cleaning.yaml", "bespoke-software.yaml"):
        shutil.copy(EXAMPLES / name, portfolio / name)
    (tmp / "answers.json").write_text(json.dumps(ANSWERS), encoding="utf-8")
    runs = [
        ("evaluate", str(OFFICE), "--fail-on", "never", "-o", "report.txt"),
        ("evaluate", "cases", "--format", "json", "--fail-on", "never", "-o", "all.jsonl",
         "--summary", "summary.md"),
        ("compare", str(OFFICE), str(EXAMPLES / "bespoke-software.yaml"), "-o", "trend.txt"),
        ("new", "new.yaml", "--answers", "answers.json"),
    ]
    for args in runs:
        result = run_cli(*args, cwd=tmp)
        assert result.returncode == 0, (args, result.stderr)
    return {"evaluate -o": tmp / "report.txt", "portfolio -o": tmp / "all.jsonl",
            "--summary": tmp / "summary.md", "compare -o": tmp / "trend.txt",
            "new": tmp / "new.yaml"}


@pytest.mark.parametrize("mask", [0o022, 0o027])
def test_every_writer_honours_the_umask(tmp_path: Path, mask: int) -> None:
    with umask(mask):
        written = _writers(tmp_path)
    assert {what: oct(mode(path)) for what, path in written.items()} == {
        what: oct(0o666 & ~mask) for what in written}
    assert not list(tmp_path.glob(".*.tmp")) and not list(tmp_path.glob("*.partial"))


def test_the_writer_replaces_a_file_with_the_umask_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old\n")
    target.chmod(0o600)
    with umask(0o022), atomic_writer(target) as handle:
        handle.write("new\n")
    assert target.read_text() == "new\n"
    assert mode(target) == 0o644
