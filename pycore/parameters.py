"""Dated, cited rule values read from the TOML files in ``pycore/data``.

Each parameter is a TOML table with a description, a unit, the provision it
implements and a list of values, each keyed by the date it took effect and
carrying references (ids into ``sources.toml``). Superseded values stay in the
file with their dates; the value in force on a given day is the last one whose
``effective`` date is on or before that day.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed data file ``pycore/data/<name>.toml`` (``name`` may hold ``/``)."""
    path = resources.files("pycore").joinpath("data", *f"{name}.toml".split("/"))
    return tomllib.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Value:
    """One dated value of a parameter."""

    effective: date
    value: Any
    references: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Parameter:
    """A rule value with its history, unit, provision and (optional) recorded choice."""

    name: str
    description: str
    unit: str
    provision: str
    values: tuple[Value, ...]
    choice: str = ""

    def at(self, day: date) -> Value | None:
        """The value in force on ``day``, or None before the first effective date."""
        current = None
        for item in self.values:
            if item.effective <= day:
                current = item
        return current

    def value_at(self, day: date) -> Any:
        """The bare value in force on ``day``; raises LookupError before the first one."""
        item = self.at(day)
        if item is None:
            raise LookupError(f"{self.name} has no value in force on {day.isoformat()}")
        return item.value


@cache
def parameter(file: str, key: str) -> Parameter:
    """The parameter ``key`` of data file ``file``, e.g. ``("work_experience", "window_years")``."""
    raw = load(file)[key]
    values = tuple(
        Value(
            effective=item["effective"],
            value=item["value"],
            references=tuple(item.get("references", ())),
            note=item.get("note", ""),
        )
        for item in sorted(raw["values"], key=lambda v: v["effective"])
    )
    return Parameter(
        name=f"{file}.{key}",
        description=raw["description"],
        unit=raw.get("unit", ""),
        provision=raw.get("provision", ""),
        values=values,
        choice=raw.get("choice", ""),
    )


def parameters(file: str) -> list[Parameter]:
    """Every parameter of a data file (tables that have a ``values`` list)."""
    return [
        parameter(file, key)
        for key, raw in load(file).items()
        if isinstance(raw, dict) and "values" in raw
    ]


@dataclass(frozen=True)
class Source:
    """An official (or, where marked, third-party) reference: title, link, reliability."""

    id: str
    title: str
    url: str
    reliability: str  # "O" official read directly, "O*" official via a copy, "T" third party
    note: str = ""


@cache
def source(source_id: str) -> Source:
    """The reference ``source_id`` from ``sources.toml``."""
    raw = load("sources")[source_id]
    return Source(
        id=source_id,
        title=raw["title"],
        url=raw["url"],
        reliability=raw["reliability"],
        note=raw.get("note", ""),
    )


def sources() -> list[Source]:
    """Every reference in ``sources.toml``, in file order."""
    return [source(key) for key in load("sources")]
