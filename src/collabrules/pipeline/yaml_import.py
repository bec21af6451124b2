"""Importing PyYAML without compiling its slowest regular expression.

PyYAML's reader compiles, at import, a character class of everything YAML may not hold,
written as the complement of the allowed ranges up to U+10FFFF; Python's regular-expression
compiler walks every code point of such a class: about 50 M instructions, 6 % of one YAML
evaluation (ADR 0027, session 7). :func:`import_yaml` first puts into ``re``'s cache, under
that pattern's text, the same class written as its short list of refused ranges, which
compiles in a fraction of the time; ``tests/core/test_yaml_import.py`` checks that the
two match exactly the same code points. Where ``re`` keeps no such cache, PyYAML compiles
its own pattern as before.
"""

from __future__ import annotations

import re
from types import ModuleType

NON_PRINTABLE = "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]"
"""The pattern of ``yaml.reader.Reader.NON_PRINTABLE``, as PyYAML writes it."""
REFUSED = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
"""The same characters, listed: the complement of the allowed ranges within U+10FFFF."""


def import_yaml() -> ModuleType:
    """``import yaml``, with :data:`NON_PRINTABLE` compiled from :data:`REFUSED`."""
    import sys

    if "yaml" not in sys.modules:
        cache = getattr(re, "_cache", None)
        if isinstance(cache, dict):
            cache.setdefault((str, NON_PRINTABLE, 0), re.compile(REFUSED))
    import yaml

    return yaml
