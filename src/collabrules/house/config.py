"""``collabrules.toml``: an organisation's configuration, found and validated once.

The file is looked for in the working directory and its parents (or given with
``--config``); it is validated against ``schemas/config.schema.json`` with every error
listed (file, JSON path, did-you-mean). It yields :class:`~collabrules.Settings` plus the
organisation's waivers and charter, and :func:`build_engine` turns it into an engine
whose engine-side plugins (declarative principles, waivers, charter) take part in the
one pipeline like any other plugin.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

from ..model.case import Endorsement
from ..model.errors import InputError, Issue
from ..model.records import shared_repr
from ..model.text import Text
from ..model.vocab import Phase, Severity
from ..pipeline.engine import Engine
from ..pipeline.settings import Settings
from ..pipeline.validation import SchemaValidator
from .charter import CharterPlugin
from .waivers import Today, Waiver, WaiverPlugin

FILENAME = "collabrules.toml"


@attrs.frozen(kw_only=True, slots=False)
@shared_repr
class Config:
    """A loaded configuration: settings, waivers, the charter, and where it came from."""

    settings: Settings = attrs.field(factory=Settings)
    waivers: tuple[Waiver, ...] = ()
    endorsements: tuple[Endorsement, ...] = ()
    charter: bool = False
    path: Path | None = None
    fail_on: str | None = None
    lang: str | None = None

    def plugins(self, today: Today = dt.date.today) -> list[tuple[str, object]]:
        """The engine-side plugins this configuration needs, with their names."""
        found: list[tuple[str, object]] = []
        if self.settings.house_principles:
            from .declarative import HousePrinciples  # JMESPath only when rules are used

            house = HousePrinciples(self.settings.house_principles)
            found.append(("config.house-principles", house))
        if self.waivers:
            found.append(("config.waivers", WaiverPlugin(self.waivers, today)))
        found.append(("config.charter", CharterPlugin(self.endorsements, required=self.charter)))
        return found


def find_config(start: str | Path | None = None) -> Path | None:
    """The nearest ``collabrules.toml`` in ``start`` (default: the working directory) or above."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / FILENAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: str | Path) -> Config:
    """Read and validate a configuration file (raises :class:`InputError`)."""
    file = Path(path)
    source = str(file)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError([Issue(file=source, path="$", message=Text(
            "cannot read the configuration: {error}", "kan de configuratie niet lezen: {error}"
        ).format(error=exc.strerror or str(exc)))]) from None
    except UnicodeDecodeError as exc:
        raise InputError([Issue(file=source, path="$", message=Text(
            "the configuration is not UTF-8 text (byte {at})",
            "de configuratie is geen UTF-8-tekst (byte {at})").format(at=exc.start + 1),
            hint=Text("save the file as UTF-8", "sla het bestand op als UTF-8"))]) from None
    if sys.version_info >= (3, 11):  # imported here: most runs have no configuration file
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        error, line, column = _toml_position(str(exc))
        raise InputError([Issue(file=source, path="$", line=line, column=column, message=Text(
            "this is not valid TOML: {error}", "dit is geen geldige TOML: {error}"
        ).format(error=error), hint=Text("see https://toml.io", "zie https://toml.io"))]
        ) from None
    return config_from_data(_dates_as_text(data), source, base=file.parent)


def config_from_data(data: Mapping[str, Any], source: str, *, base: Path | None = None
                     ) -> Config:
    """Validate parsed configuration data and build a :class:`Config`."""
    issues = SchemaValidator("config").issues(data, source)
    if issues:
        raise InputError(issues)
    folder = base or Path.cwd()
    for index, name in enumerate(data.get("house-principles", ())):
        if not (folder / name).is_file():
            issues.append(Issue(file=source, path=f'$["house-principles"][{index}]',
                                message=Text("the house-principles file {name!r} does not exist",
                                             "het huisprincipebestand {name!r} bestaat niet"
                                             ).format(name=str(folder / name)),
                                hint=Text("paths are relative to the configuration file",
                                          "paden zijn relatief aan het configuratiebestand")))
    waivers: list[Waiver] = []
    for index, item in enumerate(data.get("waivers", ())):
        expires = _date(item["expires"], source, f"$.waivers[{index}].expires", issues)
        if expires is not None:
            waivers.append(Waiver(case=item["case"], code=item["principle"],
                                  reason=item["reason"], owner=item["owner"], expires=expires))
    charter = data.get("charter")
    endorsements = []
    for index, item in enumerate((charter or {}).get("endorsements", ())):
        _date(item["date"], source, f"$.charter.endorsements[{index}].date", issues)
        endorsements.append(Endorsement(stakeholder=item["stakeholder"], role=item["role"],
                                        date=item["date"], digest=item["digest"],
                                        phase=Phase(item["phase"]) if "phase" in item else None))
    if issues:
        raise InputError(issues)
    settings = Settings(
        select=tuple(data["select"]) if "select" in data else None,
        ignore=tuple(data.get("ignore", ())),
        severities={code: Severity(value) for code, value in data.get("severities", {}).items()},
        block=tuple(data.get("block", ())),
        taxonomy=data.get("taxonomy", "standard"),
        lang=data.get("lang", "en"),
        fail_on=_fail_on(data.get("fail-on", "high")),
        house_principles=tuple(str(folder / p) for p in data.get("house-principles", ())),
        source=source,
    )
    return Config(settings=settings, waivers=tuple(waivers), endorsements=tuple(endorsements),
                  charter=charter is not None, path=Path(source), fail_on=data.get("fail-on"),
                  lang=data.get("lang"))


def build_engine(config: Config | None = None, *, block: Iterable[str] = (),
                 plugins: Iterable[object | tuple[str, object]] = (),
                 entry_points: bool = True, today: Today = dt.date.today,
                 principle_budget: float | Literal["default"] | None = "default") -> Engine:
    """An engine for a configuration (or defaults), with extra ``block`` names and plugins.

    ``principle_budget`` overrides the per-principle time budget (seconds, ``None`` = off).
    """
    config = config or Config()
    settings = config.settings
    if block:
        settings = attrs.evolve(settings, block=tuple(dict.fromkeys((*settings.block, *block))))
    if principle_budget != "default":
        settings = attrs.evolve(settings, principle_budget=principle_budget)
    every = [*config.plugins(today), *plugins]
    engine = Engine(plugins=every, entry_points=entry_points, settings=settings)
    # Any HousePrinciples instance means its module is imported; otherwise skip the check
    # (and the JMESPath import it would cost).
    declarative = sys.modules.get(f"{__package__}.declarative")
    if declarative is not None:
        HousePrinciples = declarative.HousePrinciples
        # A declarative condition reading a signal that no loaded plugin provides.
        houses = [p[1] if isinstance(p, tuple) else p for p in every]
        issues = [issue for house in houses if isinstance(house, HousePrinciples)
                  for issue in house.unknown_signals(engine.signals)]
        if issues:
            raise InputError(issues)
    return engine


def _toml_position(message: str) -> tuple[str, int | None, int | None]:
    """Python's TOML error as (message, line, column): "... (at line 2, column 1)"."""
    found = re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", message, re.DOTALL)
    if found is None:
        return message, None, None
    return found[1], int(found[2]), int(found[3])


def _fail_on(value: str) -> Severity | None:
    return None if value == "never" else Severity(value)


def _date(value: str, source: str, path: str, issues: list[Issue]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        issues.append(Issue(file=source, path=path, message=Text(
            "{value!r} is not a calendar date", "{value!r} is geen kalenderdatum"
        ).format(value=value), hint=Text("write YYYY-MM-DD", "schrijf JJJJ-MM-DD")))
        return None


def _dates_as_text(value: Any) -> Any:
    """TOML dates and times as ISO text, so the JSON Schema can check them."""
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value
