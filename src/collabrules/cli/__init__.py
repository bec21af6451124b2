"""The ``collabrules`` command line.

Exit codes (also in ``collabrules --help``):

* 0 -- no finding at or above ``--fail-on``;
* 1 -- findings at or above ``--fail-on``;
* 2 -- bad input or usage (every problem listed, with file and JSON path);
* 3 -- an internal or plugin error (the report still lists every other finding).

When several apply, the highest wins.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import click

from .._version import __version__
from . import (  # noqa: F401  (importing a command module registers it)
    check,
    compare,
    eval,
    evaluate,
    history,
    models,
    new,
    options,
    plugins,
    principles,
    schema,
    serve,
    test,
    validate,
)
from .common import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK
from .group import cli

__all__ = ["cli", "main"]


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line (the ``collabrules`` console script)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args in (["--version"], ["-V"]):
        print(f"collabrules, version {__version__}")
        sys.exit(EXIT_OK)
    try:
        cli.main(args=args, prog_name="collabrules", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted / afgebroken.", err=True)
        sys.exit(EXIT_INPUT)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_INPUT)
    except (SystemExit, KeyboardInterrupt):
        raise
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except Exception as exc:  # never a traceback for the user; ask for a report instead
        if os.environ.get("COLLABRULES_DEBUG"):
            raise
        click.echo(
            f"collabrules: internal error: {type(exc).__name__}: {exc}\n"
            "collabrules: interne fout. Run again with COLLABRULES_DEBUG=1 for details and "
            "report it / voer opnieuw uit met COLLABRULES_DEBUG=1 en meld het.",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
