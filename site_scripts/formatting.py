"""Reader-facing formats for data values: 1,560; November 16, 2022; "0, 1, 2 or 3".

Dates, numbers and lists come from ``pycore.formatting``, the formatter the engine's sentences
use too (locale-independent), so a guide page and a checker result print them alike.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pycore.formatting import as_written as number
from pycore.formatting import long_date as long_date
from pycore.formatting import series as series


def quantity(value: int | float, unit: str) -> str:
    """A number with its unit, as readers write it: "1,560 hours", "30 hours per week".

    A unit naming a level scale ("CLB/NCLC level") goes before the number, without the
    word "level": "CLB/NCLC 7", as IRCC writes language levels.
    """
    if unit.endswith(" level"):
        return f"{unit.removesuffix(' level')} {number(value)}"
    return f"{number(value)} {unit}".rstrip()


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
