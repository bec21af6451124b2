"""Command-line selection and severities laid over the configuration (ruff's precedence).

The command line wins over ``collabrules.toml``, which wins over the defaults:

* ``--select`` starts a fresh selection: the configuration's ``select`` *and* ``ignore``
  no longer apply (only the command line's ``--select``/``--ignore`` do);
* ``--ignore`` without ``--select`` adds to the configuration's ``ignore`` and overrides
  every configured ``select`` entry it covers (``--ignore CR0`` also drops a configured
  ``select = ["CR05"]``);
* ``--severity CODE=LEVEL`` overrides every configured severity whose code or prefix it
  covers; among themselves, command-line entries follow the longest-prefix rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from ..model.records import shared_repr
from ..model.text import Text
from ..model.vocab import Severity
from ..pipeline.settings import Settings

CODE = re.compile(r"^(ALL|[A-Z]{1,4}[0-9]{0,4})$")
LEVELS = ("info", "low", "medium", "high", "critical")


class OverrideError(ValueError):
    """A command-line selection or severity that cannot be used; ``message`` says why."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


@attrs.frozen
@shared_repr
class Override:
    """Selection and severities given on the command line (plain, hashable, picklable)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severities: tuple[tuple[str, Severity], ...] = ()

    def __bool__(self) -> bool:
        return self.select is not None or bool(self.ignore) or bool(self.severities)

    def apply(self, settings: Settings) -> Settings:
        """``settings`` with this override laid over them."""
        if self.select is not None:
            select: tuple[str, ...] | None = self.select
            ignore = self.ignore
        else:
            select = settings.select
            if select is not None:
                select = tuple(s for s in select if not _covers(self.ignore, s))
            ignore = tuple(dict.fromkeys((*settings.ignore, *self.ignore)))
        severities = {code: level for code, level in settings.severities.items()
                      if not _covers((c for c, _ in self.severities), code)}
        severities.update(self.severities)
        return attrs.evolve(settings, select=select, ignore=ignore, severities=severities)


def parse_override(select: Iterable[str], ignore: Iterable[str],
                   severities: Iterable[str]) -> Override:
    """Read repeatable, comma-separated options (raises :class:`OverrideError`)."""
    chosen = _codes(select, "--select")
    levels: list[tuple[str, Severity]] = []
    for item in _split(severities):
        code, sep, level = item.partition("=")
        if not sep or level.strip().lower() not in LEVELS:
            raise OverrideError(Text(
                "--severity {item!r}: write CODE=LEVEL with LEVEL one of {levels}",
                "--severity {item!r}: schrijf CODE=NIVEAU met NIVEAU een van {levels}",
            ).format(item=item, levels=", ".join(LEVELS)))
        (code,) = _codes([code], "--severity") or [""]
        if code in ("", "ALL"):
            raise OverrideError(Text(
                "--severity {item!r}: name a principle code or prefix, like CR05=high",
                "--severity {item!r}: noem een principecode of voorvoegsel, zoals CR05=high",
            ).format(item=item))
        levels.append((code, Severity(level.strip().lower())))
    return Override(select=tuple(chosen) if chosen else None,
                    ignore=tuple(_codes(ignore, "--ignore")), severities=tuple(levels))


def _split(values: Iterable[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _codes(values: Iterable[str], option: str) -> list[str]:
    codes = []
    for code in _split(values):
        if not CODE.match(code.upper()):
            raise OverrideError(Text(
                "{option} {code!r} is not a principle code or prefix (like CR, CR05 or ALL)",
                "{option} {code!r} is geen principecode of voorvoegsel (zoals CR, CR05 of ALL)",
            ).format(option=option, code=code))
        codes.append(code.upper())
    return codes


def _covers(prefixes: Iterable[str], code: str) -> bool:
    return any(p == "ALL" or code.startswith(p) for p in prefixes)
