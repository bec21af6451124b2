"""``collabrules check [PATH...]``: validate every file collabrules reads, like ``opa check``.

Exit codes: 0 every recognised file is valid; 2 a file is invalid (or usage).
"""

from __future__ import annotations

import json
import sys

import click

from .common import EXIT_INPUT, _input_failure, _lang, _lang_option, _say, epilog
from .group import cli

_EPILOG = epilog(("every file collabrules reads is valid",
                  "elk bestand dat collabrules leest is geldig"),
                 bad=("an invalid file or bad usage", "een ongeldig bestand of foute aanroep"))


@cli.command(epilog=_EPILOG, short_help="Validate every collabrules file / controleer alles.")
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format / uitvoerformaat.")
@_lang_option
def check(paths: tuple[str, ...], fmt: str, lang: str | None) -> None:
    """Validate cases, collabrules.toml (with its charter, waivers and house-principle
    files), declarative principle files, fixtures, answers files and JSON reports, each
    recognised by name or content; folders are searched (default: the working folder).

    Controleer elk bestand dat collabrules leest, herkend aan naam of inhoud.
    """
    from ..authoring.checking import SKIPPED, check_file, check_json, files_to_check
    from ..io.kinds import LABELS
    from ..model.errors import InputError
    from ..model.text import Text

    language = _lang(lang)
    checks = [check_file(path) for path in files_to_check(paths or (".",))]
    if fmt == "json":
        click.echo(json.dumps(check_json(checks, language), ensure_ascii=False, indent=2))
    else:
        for result in checks:
            if not result.ok:
                _input_failure(InputError(result.issues), language)
            elif result.kind is None:
                _say(SKIPPED.format(file=result.file), language, err=False)
            else:
                _say(Text("{file}: valid {kind}", "{file}: geldig ({kind})").format(
                    file=result.file, kind=LABELS[result.kind].get(language)), language,
                    err=False)
        bad = sum(not c.ok for c in checks)
        if bad:
            _say(Text("{bad} of {count} files invalid",
                      "{bad} van {count} bestanden ongeldig").format(bad=bad, count=len(checks)),
                 language)
    if any(not c.ok for c in checks) or not checks:
        if not checks:
            _say(Text("no files to check", "geen bestanden om te controleren"), language)
        sys.exit(EXIT_INPUT)
