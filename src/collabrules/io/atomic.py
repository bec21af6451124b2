"""Writing output files atomically: a temporary file in the same folder, then a rename.

The temporary file is created as ``open(path, "w")`` creates a file (mode ``0o666``
less the umask), so a report is as readable as any file a Unix tool writes. Why not
``click.open_file(atomic=True)``: docs/decisions/0011-library-replacements.md.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

_ATTEMPTS = 100


def _create_temporary(target: Path) -> tuple[int, Path]:
    """A new, empty file beside ``target`` with the permissions the umask gives."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(_ATTEMPTS):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(17, "no free temporary file name", str(target))


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[TextIO]:
    """Open ``path`` for writing text; it appears complete or not at all.

    On any exception (an interruption too) the old file stays as it was.
    """
    target = Path(path)
    fd, tmp = _create_temporary(target)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
