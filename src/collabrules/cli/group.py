"""The ``collabrules`` command group, whose commands are imported when first used.

Each command lives in its own module of this package and registers itself on :data:`cli`
when imported. Importing only the module of the command being run keeps start-up short
(``collabrules --version`` and ``collabrules evaluate`` import no service, HTML or
schema-error code); listing the commands (``--help``) imports them all.
"""

from __future__ import annotations

import gc
from importlib import import_module

import click

from .._version import __version__
from . import collection_paused, resume_collection
from .common import epilog

GROUP_EPILOG = epilog(
    ("success", "gelukt"),
    ("findings at or above --fail-on (evaluate) or a failed fixture (test)",
     "bevindingen op of boven --fail-on (evaluate) of een mislukte fixture (test)"))

COMMAND_MODULES = {
    "check": "check",
    "compare": "compare",
    "eval": "eval",
    "evaluate": "evaluate",
    "expand": "expand",
    "explain": "principles",
    "history": "history",
    "models": "models",
    "new": "new",
    "options": "options",
    "plugins": "plugins",
    "principles": "principles",
    "schema": "schema",
    "serve": "serve",
    "survey": "survey",
    "test": "test",
    "validate": "validate",
}
"""Each command's name and the module of this package that defines it."""


class LazyGroup(click.Group):
    """A click group that imports a command's module only when the command is needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name (without importing the commands)."""
        return sorted({*self.commands, *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command, its module imported on first use."""
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            import_module(f"{__package__}.{COMMAND_MODULES[cmd_name]}")
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        """Run the command with the garbage collector on if it was on before or paused for
        start-up by ``main``; it is on again afterwards (``evaluate`` pauses it while it
        imports and builds the engine, and may stop early)."""
        enabled = gc.isenabled() or collection_paused()
        try:
            if enabled:
                resume_collection()
            return super().invoke(ctx)
        finally:
            if enabled:
                gc.enable()

    def load_all(self) -> LazyGroup:
        """Import every command module, so :attr:`commands` is complete (docs, tests)."""
        for module in sorted(set(COMMAND_MODULES.values())):
            import_module(f"{__package__}.{module}")
        return self


@click.group(cls=LazyGroup, epilog=GROUP_EPILOG,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="collabrules")
def cli() -> None:
    """Evaluate customer/supplier relationships against guiding principles.

    Beoordeel klant-leveranciersrelaties aan de hand van leidende principes.
    """
