"""One ``__repr__`` shared by the attrs classes, instead of one compiled per class.

attrs writes and compiles a ``__repr__`` for every class it makes; for the classes one
evaluation loads, that compiling was 8 % of the command's instructions (ADR 0027, session
7). :func:`shared_repr`, placed under the attrs decorator, gives the class this function
instead (attrs leaves a ``__repr__`` the class defines itself alone), which writes the
same text attrs' own would: ``Name(field=value, ...)`` with each field's ``repr`` option.
"""

from __future__ import annotations

from reprlib import recursive_repr
from typing import TypeVar

import attrs

_C = TypeVar("_C", bound=type)


@recursive_repr()
def record_repr(self: attrs.AttrsInstance) -> str:
    """``Name(field=value, ...)``, as attrs' generated ``__repr__`` writes it."""
    cls = type(self)
    parts = []
    for field in attrs.fields(cls):
        if field.repr is False:
            continue
        # attrs reads a field that ``__init__`` sets directly, any other with a default
        value = getattr(self, field.name) if field.init else \
            getattr(self, field.name, attrs.NOTHING)
        shown = repr(value) if field.repr is True else field.repr(value)
        parts.append(f"{field.name}={shown}")
    return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"


def shared_repr(cls: _C) -> _C:
    """Give an attrs class (decorated after this) :func:`record_repr` as its ``__repr__``."""
    cls.__repr__ = record_repr  # type: ignore[assignment]
    return cls
