"""``collabrules validate``: check case files against the schema."""

from __future__ import annotations

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
@_lang_option
def validate(files: tuple[str, ...], lang: str | None) -> None:
    """Check case files against the case schema; list every error.

    Controleer casusbestanden tegen het casusschema.
    """
    from ..engine import case_validator
    from ..errors import InputError
    from ..inputs import iter_documents
    from ..structure import consistency_issues
    from ..text import Text

    language = _lang(lang)
    failed = 0
    count = 0
    for item in iter_documents(files):
        count += 1
        if isinstance(item, InputError):
            _input_failure(item, language)
            failed += 1
            continue
        issues = case_validator().issues(item.data, item.source, item.lines)
        issues += consistency_issues(item.data, item.source, item.lines)
        issues.sort(key=lambda i: (i.line or 0, i.path))
        if issues:
            _input_failure(InputError(issues), language)
            failed += 1
            continue
        _say(Text("{source}: valid", "{source}: geldig").format(source=item.source), language,
             err=False)
    if failed:
        _say(Text("{failed} of {count} invalid", "{failed} van {count} ongeldig").format(
            failed=failed, count=count), language)
        sys.exit(EXIT_INPUT)
