"""Writing an output file safely: never over an input, complete or not at all.

The CLI refuses an ``--output`` that is one of the files it reads (directly or found in
a folder it reads) and reports a folder that does not exist or cannot be written as bad
usage, with the file named, instead of an internal error.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..model.errors import InputError, Issue
from ..model.text import Text
from .atomic import atomic_writer
from .inputs import case_files


def _same(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def _inputs(names: Iterable[str]) -> Iterable[Path]:
    for name in names:
        if name == "-":
            continue
        path = Path(name)
        if path.is_dir():
            yield from case_files(path)
        else:
            yield path


def check_output(output: str, inputs: Iterable[str]) -> None:
    """Raise :class:`InputError` if writing ``output`` would overwrite one of ``inputs``."""
    target = Path(output)
    if not target.exists():
        return
    for path in _inputs(inputs):
        if path.exists() and _same(path, target):
            raise InputError([Issue(file=output, path="$", message=Text(
                "the output file is also an input ({input}); collabrules never overwrites "
                "an input", "het uitvoerbestand is ook invoer ({input}); collabrules "
                "overschrijft nooit invoer").format(input=str(path)), hint=Text(
                "choose another --output path", "kies een ander pad voor --output"))])


def write_output(output: str, body: str) -> None:
    """Write ``body`` to ``output`` atomically; an unwritable place is an :class:`InputError`."""
    try:
        with atomic_writer(output) as handle:
            handle.write(body)
    except OSError as exc:
        raise unwritable(output, exc) from None


def unwritable(output: str, exc: OSError) -> InputError:
    """The error for an output file that cannot be written, with how to fix it."""
    return InputError([Issue(file=output, path="$", message=Text(
            "the output file cannot be written: {error}",
            "het uitvoerbestand kan niet worden geschreven: {error}").format(
            error=exc.strerror or str(exc)), hint=Text(
            "check that the folder exists and is writable",
            "controleer of de map bestaat en beschrijfbaar is"))])
