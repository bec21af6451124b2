"""The ``collabrules`` command group."""

from __future__ import annotations

import click

from .._version import __version__
from .common import epilog

GROUP_EPILOG = epilog(
    ("success", "gelukt"),
    ("findings at or above --fail-on (evaluate) or a failed fixture (test)",
     "bevindingen op of boven --fail-on (evaluate) of een mislukte fixture (test)"))



@click.group(epilog=GROUP_EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="collabrules")
def cli() -> None:
    """Evaluate customer/supplier relationships against guiding principles.

    Beoordeel klant-leveranciersrelaties aan de hand van leidende principes.
    """
