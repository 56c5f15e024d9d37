"""Dated, cited rule values read from the TOML files in ``pycore/data``.

Each parameter is a TOML table with a description, a unit, the provision it
implements and a list of values, each keyed by the date it took effect and
carrying references (ids into ``sources.toml``) and the day someone last checked it
against them (``verified``, ``verified_how``; see ``pycore.common.verification``). Superseded
values stay in the file with their dates; the value in force on a given day is the last
one whose ``effective`` date is on or before that day.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any

# The browser's wheel also carries each data file pre-parsed (``<name>.toml.json``, written by
# site_scripts/runtime/runtime_assets.py): the json C accelerator reads it several times faster than
# the pure-Python TOML parser, which was most of the browser's first check. Same values.
PREPARSED = ".json"
_DATE = "$date"  # how a TOML date travels in the pre-parsed copy


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed data file ``pycore/data/<name>.toml`` (``name`` may hold ``/``)."""
    data = resources.files("pycore").joinpath("data")
    copy = data.joinpath(*f"{name}.toml{PREPARSED}".split("/"))
    if copy.is_file():
        return from_preparsed(copy.read_text(encoding="utf-8"))
    return tomllib.loads(data.joinpath(*f"{name}.toml".split("/")).read_text(encoding="utf-8"))


def _tagged(value: Any) -> dict[str, str]:
    if isinstance(value, date) and not isinstance(value, datetime):
        return {_DATE: value.isoformat()}
    raise TypeError(f"no pre-parsed form for {type(value).__name__} values: {value!r}")


def _untagged(table: dict[str, Any]) -> Any:
    if len(table) == 1 and _DATE in table:
        return date.fromisoformat(table[_DATE])
    return table


def preparsed(data: dict[str, Any]) -> str:
    """A parsed data file as the JSON ``from_preparsed`` turns back into equal values
    (ValueError for anything that would not come back the same)."""
    text = json.dumps(data, default=_tagged, ensure_ascii=False, separators=(",", ":"))
    if repr(from_preparsed(text)) != repr(data):  # repr: same types and order, not just ==
        raise ValueError("this data does not survive the pre-parsed (JSON) form unchanged")
    return text


def from_preparsed(text: str) -> dict[str, Any]:
    """The values of a pre-parsed data file."""
    data: dict[str, Any] = json.loads(text, object_hook=_untagged)
    return data


# How a value was last checked against its source (``verified_how``), as agreed for issue 19:
# the official page itself, a stored copy of it, only third-party reports, or not a rule at all
# (the project's own setting, with nothing to check against).
VERIFIED_HOW = ("official_page", "official_copy", "third_party", "project")


@dataclass(frozen=True)
class Value:
    """One dated value of a parameter, with the day it was last checked against its source."""

    effective: date
    value: Any
    references: tuple[str, ...]
    note: str = ""
    verified: date | None = None  # None only in data that broke the rule (a test forbids it)
    verified_how: str = ""
    verified_note: str = ""


@dataclass(frozen=True)
class Parameter:
    """A rule value with its history, unit, provision and (optional) recorded choice."""

    name: str
    description: str
    unit: str
    provision: str
    values: tuple[Value, ...]
    choice: str = ""
    guide_only: bool = False  # shown by the guide, not read by the engine (``guide_only = true``)

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
            verified=item.get("verified"),
            verified_how=item.get("verified_how", ""),
            verified_note=item.get("verified_note", ""),
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
        guide_only=bool(raw.get("guide_only", False)),
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
