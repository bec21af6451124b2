"""The JSON Schemas shipped with collabrules (``case``, ``report``, ...), loaded once."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

NAMES = ("case", "report", "config", "house-principles")


def _locate(name: str) -> Path:
    packaged = resources.files("collabrules") / "schemas" / f"{name}.schema.json"
    if packaged.is_file():
        return Path(str(packaged))
    # Running from a source checkout (editable install): schemas/ sits at the top.
    return Path(__file__).resolve().parents[3] / "schemas" / f"{name}.schema.json"


def schema_path(name: str) -> Path:
    """Where the schema file ``<name>.schema.json`` is."""
    return _locate(name)


def schema_text(name: str) -> str:
    """The schema as it is written in the file."""
    return _locate(name).read_text(encoding="utf-8")


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The schema as a JSON object (cached; do not modify)."""
    data: dict[str, Any] = json.loads(schema_text(name))
    return data


def available() -> tuple[str, ...]:
    """The names of the schemas that exist in this installation."""
    folder = _locate("case").parent
    return tuple(sorted(p.name.removesuffix(".schema.json") for p in folder.glob("*.schema.json")))
