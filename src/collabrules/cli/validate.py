"""``collabrules validate``: check case files against the schema."""

from __future__ import annotations

import json
import sys

import click

from .common import (
    EXIT_INPUT,
    _input_failure,
    _lang,
    _lang_option,
    _say,
    epilog,
)
from .group import cli


@cli.command(epilog=epilog(
    ("every file is valid", "elk bestand is geldig"),
    bad=("an invalid file, or bad usage", "een ongeldig bestand, of een foute aanroep")))
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True,
              help="text, or JSON with every error's file, line, column and JSON path / "
                   "uitvoerformaat.")
@click.option("--skip-other-files", "skip_other", is_flag=True,
              help="Also skip named files that are not cases, with a note (as in folders; "
                   "for pre-commit hooks) / sla ook genoemde bestanden over die geen casus "
                   "zijn.")
@_lang_option
def validate(files: tuple[str, ...], fmt: str, skip_other: bool, lang: str | None) -> None:
    """Check case files against the case schema; list every error.

    Controleer casusbestanden tegen het casusschema.
    """
    from ..authoring.checking import FileCheck, case_issues, check_json, not_a_case
    from ..io.inputs import iter_documents
    from ..io.kinds import CASE
    from ..model.errors import InputError
    from ..model.text import Text

    language = _lang(lang)
    checks: list[FileCheck] = []
    for item in iter_documents(files, on_skip=lambda source, kind: _say(
            not_a_case(source, kind), language), named_too=skip_other):
        if isinstance(item, InputError):
            source = item.issues[0].file if item.issues else "?"
            checks.append(FileCheck(source, None, item.issues))
        else:
            checks.append(FileCheck(item.source, CASE, tuple(case_issues(item))))
        if fmt == "json":
            continue
        if checks[-1].issues:
            _input_failure(InputError(checks[-1].issues), language)
        else:
            _say(Text("{source}: valid", "{source}: geldig").format(source=checks[-1].file),
                 language, err=False)
    failed = sum(not c.ok for c in checks)
    if fmt == "json":
        click.echo(json.dumps(check_json(checks, language), ensure_ascii=False, indent=2))
    elif failed:
        _say(Text("{failed} of {count} invalid", "{failed} van {count} ongeldig").format(
            failed=failed, count=len(checks)), language)
    if failed:
        sys.exit(EXIT_INPUT)
