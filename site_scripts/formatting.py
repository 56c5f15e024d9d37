"""Reader-facing formats for data values: 1,560; November 16, 2022; "0, 1, 2 or 3"."""

from __future__ import annotations

from datetime import date
from typing import Any


def long_date(day: date) -> str:
    """A date as readers write it in Canadian English: "November 16, 2022"."""
    return f"{day:%B} {day.day}, {day.year}"


def number(value: int | float) -> str:
    """An integer with thousands separators; a float without a trailing ``.0`` beyond one."""
    if isinstance(value, int):
        return f"{value:,}"
    text = f"{value:,.2f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def quantity(value: int | float, unit: str) -> str:
    """A number with its unit, as readers write it: "1,560 hours", "30 hours per week".

    A unit naming a level scale ("CLB/NCLC level") goes before the number, without the
    word "level": "CLB/NCLC 7", as IRCC writes language levels.
    """
    if unit.endswith(" level"):
        return f"{unit.removesuffix(' level')} {number(value)}"
    return f"{number(value)} {unit}".rstrip()


def series(items: list[str], conjunction: str = "or") -> str:
    """Items joined for a sentence: "0, 1, 2 or 3" (no serial comma, as canada.ca writes)."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def reader_value(value: Any) -> str:
    """Any TOML value (number, date, list, text, boolean) as text for a guide page."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, date):
        return long_date(value)
    if isinstance(value, list):
        return series([reader_value(item) for item in value])
    return str(value)
