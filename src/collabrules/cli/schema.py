"""``collabrules schema``: print a shipped JSON Schema."""

from __future__ import annotations

import click

from .common import (
    _fail_usage,
    _lang,
    epilog,
)
from .group import cli


@cli.command(epilog=epilog(("the schema was printed", "het schema is getoond")))
@click.argument("name")
def schema(name: str) -> None:
    """Print a JSON Schema (case, report, ...) / toon een JSON-schema."""
    from ..model.text import Text
    from ..pipeline.schemas import available, schema_text

    names = available()
    if name not in names:
        _fail_usage(Text("unknown schema {name!r}; choose from: {names}",
                         "onbekend schema {name!r}; kies uit: {names}").format(
            name=name, names=", ".join(names)), _lang(None))
    click.echo(schema_text(name), nl=False)
