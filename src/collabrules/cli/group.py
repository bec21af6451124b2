"""The ``collabrules`` command group."""

from __future__ import annotations

import click

from .._version import __version__
from .common import EPILOG


@click.group(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="collabrules")
def cli() -> None:
    """Evaluate customer/supplier relationships against guiding principles.

    Beoordeel klant-leveranciersrelaties aan de hand van leidende principes.
    """
