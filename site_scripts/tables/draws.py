"""Rounds of invitations from ``pycore/data/draws.toml``: rows, yearly cut-off ranges, latest draw.

The file holds arrays of tables per program (``[[cec]]``, ``[[general]]``, ``[[category]]``),
each row with ``date``, ``invitations``, ``cutoff`` and, where known, ``number`` and ``name``;
``[[ranges]]`` records yearly ranges the facts sheet gives without the individual draws.
"""

from __future__ import annotations

from typing import Any

from pycore.common.messages import current_language
from pycore.common.parameters import load
from site_scripts.tables.formatting import long_date, reader_value

FIELDS = ("date", "number", "invitations", "cutoff", "name")


def rows(program: str) -> list[dict[str, Any]]:
    """The draws of ``program``, oldest first; LookupError for a program with no draws."""
    data = load("draws")
    found = data.get(program)
    if program in ("ranges",) or not isinstance(found, list) or not found:
        raise LookupError(f"no draws for program {program!r} in pycore/data/draws.toml")
    return sorted(found, key=lambda row: row["date"])


def cutoff_range(program: str, year: int, bound: str = "") -> str:
    """Lowest and highest cut-off of ``program``'s draws in ``year``: ``"507–523"``, in French
    ``"de 507 à 523"`` (``"de 507"`` for one value), so a French page writes no « de » itself.

    ``bound`` ``"low"`` or ``"high"`` gives only that end.
    """
    data = load("draws")
    cutoffs = [row["cutoff"] for row in data.get(program, []) if row["date"].year == year]
    # Category rounds (French included) sit in [[category]] with their category's id.
    cutoffs += [
        row["cutoff"]
        for row in data.get("category", [])
        if row.get("category") == program and row["date"].year == year
    ]
    cutoffs += [
        bound
        for item in data.get("ranges", [])
        if item["program"] == program and item["year"] == year
        for bound in (item["low"], item["high"])
    ]
    if not cutoffs:
        raise LookupError(f"no {program!r} draws in {year} in pycore/data/draws.toml")
    low, high = min(cutoffs), max(cutoffs)
    if bound:
        if bound not in ("low", "high"):
            raise LookupError(f"range bound must be 'low' or 'high', not {bound!r}")
        return reader_value(low if bound == "low" else high)
    if current_language() == "fr":  # in French prose, « de 507 à 523 » (Le guide du rédacteur)
        return f"de {reader_value(low)}" + ("" if low == high else f" à {reader_value(high)}")
    return reader_value(low) if low == high else f"{reader_value(low)}–{reader_value(high)}"


def latest_field(program: str, field: str) -> str:
    """One field (date, number, invitations, cutoff, name) of ``program``'s latest draw."""
    if field not in FIELDS:
        raise LookupError(f"draw field must be one of {', '.join(FIELDS)}, not {field!r}")
    latest = rows(program)[-1]
    if field not in latest:
        raise LookupError(f"the latest {program!r} draw has no {field!r}")
    value = latest[field]
    return long_date(value) if field == "date" else reader_value(value)
