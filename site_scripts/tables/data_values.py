"""Look up ``FILE.KEY`` names in ``pycore/data`` for the guide's placeholders."""

from __future__ import annotations

from datetime import date
from importlib import resources
from typing import Any

from pycore.common.parameters import Parameter, load, parameter


def data_files() -> list[str]:
    """Every data file name usable in ``FILE.KEY`` (``charts/ielts_general`` included)."""
    base = resources.files("pycore").joinpath("data")
    names: list[str] = []

    def walk(folder: Any, prefix: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir():
                walk(entry, f"{prefix}{entry.name}/")
            elif entry.name.endswith(".toml"):
                names.append(prefix + entry.name.removesuffix(".toml"))

    walk(base, "")
    return names


def split_name(name: str) -> tuple[str, str]:
    """``work_experience.hours_required`` -> (file, key); LookupError if malformed or unknown."""
    file, dot, key = name.partition(".")
    if not dot or not key:
        raise LookupError(f"expected FILE.KEY, got {name!r}")
    if file not in data_files():
        raise LookupError(f"no data file pycore/data/{file}.toml")
    raw = load(file)
    if key not in raw or isinstance(raw[key], list):
        raise LookupError(f"no key {key!r} in pycore/data/{file}.toml")
    return file, key


def dated(name: str) -> Parameter | None:
    """The dated parameter called ``name``, or None for an undated fact (a single ``value``,
    or a top-level scalar of the file)."""
    file, key = split_name(name)
    raw = load(file)[key]
    if not isinstance(raw, dict):
        return None  # a top-level scalar such as draws.data_until
    if "values" in raw:
        return parameter(file, key)
    if "value" in raw:
        return None
    raise LookupError(f"{name} has neither 'values' nor 'value'")


def value_on(name: str, day: date) -> Any:
    """The value of ``name`` in force on ``day`` (undated facts: their single value)."""
    param = dated(name)
    if param is None:
        file, key = split_name(name)
        raw = load(file)[key]
        return raw["value"] if isinstance(raw, dict) else raw
    return param.value_at(day)


def previous_value(name: str, day: date) -> Any:
    """The value that the one in force on ``day`` replaced (LookupError if it is the first)."""
    param = dated(name)
    current = param.at(day) if param else None
    if param is None or current is None:
        raise LookupError(f"{name} has no dated value in force on {day.isoformat()}")
    index = param.values.index(current)
    if index == 0:
        raise LookupError(f"{name}: the value in force on {day.isoformat()} is its first")
    return param.values[index - 1].value


def effective_on(name: str, day: date) -> date:
    """The date the value of ``name`` in force on ``day`` took effect."""
    param = dated(name)
    if param is None:
        raise LookupError(f"{name} is an undated fact: it has no effective date")
    item = param.at(day)
    if item is None:
        raise LookupError(f"{name} has no value in force on {day.isoformat()}")
    return item.effective
