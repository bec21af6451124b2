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
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..model.exitcodes import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK

if TYPE_CHECKING:
    from .group import LazyGroup

__all__ = ["cli", "main"]

_command_process = False
"""Whether this process is the ``collabrules`` command itself (:func:`main` without ``argv``)."""


def __getattr__(name: str) -> Any:
    # ``cli`` with every command loaded, for code that reads ``cli.commands``; running the
    # command line (``main``) loads only the command it runs.
    if name == "cli":
        return load_all()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_all() -> LazyGroup:
    """The command group with every command loaded (``cli.commands`` complete)."""
    return _group().load_all()


def _group() -> LazyGroup:
    from .group import cli

    return cli


def collection_paused() -> bool:
    """Whether :func:`main` paused the garbage collector for this process's start-up."""
    return _command_process


def resume_collection() -> None:
    """Turn the garbage collector on again after start-up (imports, the engine).

    In the command's own process what start-up made lives until exit, so it is frozen out
    of later collections first: otherwise the first collections after start-up walk all
    of it (in a process that runs other code too, nothing is frozen).
    """
    import gc

    if _command_process:
        gc.freeze()
    gc.enable()


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line (the ``collabrules`` console script)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args in (["--version"], ["-V"]):
        print(f"collabrules, version {__version__}")
        sys.exit(EXIT_OK)
    if argv is None:  # this process is the command: nothing runs after it
        import atexit
        import gc

        global _command_process
        _command_process = True
        # Start-up (click, the command's module) makes long-lived objects only: the
        # collector is paused until the command runs (see resume_collection).
        gc.disable()
        # Everything still alive at exit is freed by the operating system; the collections
        # the interpreter makes while shutting down would walk every object for nothing.
        atexit.register(gc.freeze)
    import click

    try:
        _group().main(args=args, prog_name="collabrules", standalone_mode=False)
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
