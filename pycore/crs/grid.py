"""The CRS grid as ``pycore/data/crs.toml`` records it: tables whose rows carry their bounds
(age, education levels, CLB bands, years) and points per column, and dated values (the
additional points, the caps). Apart from the scoring so that what the grid says and how a
profile is scored against it can be read separately; ``pycore.crs.estimate`` re-exports these names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from pycore.common.parameters import Parameter, load, parameter, parameters
from pycore.crs.profile import MAX_AGE


@dataclass(frozen=True)
class Table:
    """One grid table: the factor it scores, what its rows are looked up by, its rows."""

    factor: str
    reads: str
    rows: tuple[dict[str, Any], ...]
    per_ability: bool = False
    cap: tuple[int, ...] = ()
    column_reads: str | None = None
    column_min: tuple[int, ...] = ()
    # Row index by figure, built once (scoring looks rows up thousands of times a check).
    index: dict[int | str, int] = field(default_factory=dict, compare=False, hash=False)
    maxima: list[int] = field(default_factory=list, compare=False, hash=False)

    def __post_init__(self) -> None:
        columns = len(self.rows[0]["points"])
        self.maxima.extend(max(int(row["points"][c]) for row in self.rows) for c in range(columns))
        for position, row in enumerate(self.rows):
            for value in row.get("values", ()):
                self.index.setdefault(value, position)
            if "values" not in row:
                for number in range(row.get("min", 0), row.get("max", MAX_AGE) + 1):
                    self.index.setdefault(number, position)

    def row(self, value: int | str) -> dict[str, Any] | None:
        """The row whose bounds hold ``value`` (an education level, or a number 0 to 120)."""
        position = self.index.get(value)
        return None if position is None else self.rows[position]

    def label(self, value: int | str) -> str:
        """The label of ``value``'s row (an education level's words), else ``value`` itself."""
        found = self.row(value)
        return str(found["label"]) if found else str(value)

    def points(self, value: int | str, column: int) -> int:
        """Points of ``value``'s row in ``column`` (0 when no row holds it)."""
        position = self.index.get(value)
        return 0 if position is None else int(self.rows[position]["points"][column])

    def most(self, column: int) -> int:
        """The most points a row gives in ``column``."""
        return self.maxima[column]


@cache
def tables(factor: str) -> tuple[Table, ...]:
    """The grid tables that score ``factor``, in file order."""
    data = load("crs")
    found = []
    for section in ("core", "spouse", "transferability"):
        for raw in data[section]:
            if raw.get("factor") == factor:
                found.append(
                    Table(
                        factor=factor,
                        reads=raw["reads"],
                        rows=tuple(raw["rows"]),
                        per_ability=raw.get("per_ability", False),
                        cap=tuple(raw.get("cap", ())),
                        column_reads=raw.get("column_reads"),
                        column_min=tuple(raw.get("column_min", ())),
                    )
                )
    return tuple(found)


def table(factor: str) -> Table:
    """The one grid table that scores ``factor``."""
    (found,) = tables(factor)
    return found


@cache
def additional_rows(factor: str) -> tuple[dict[str, Any], ...]:
    """The additional-points rows of ``factor`` (each names its dated parameter)."""
    rows = [row for t in load("crs")["additional"] for row in t["rows"]]
    return tuple(row for row in rows if row.get("factor") == factor)


@cache
def grid_value(name: str, day: date) -> int:
    """A ``crs.toml`` value in force on ``day``.

    Before its first date: a value first recorded on the date the grid was read is taken
    as unchanged (the file's ``choice``); any other value did not exist yet, so 0.
    """
    param = parameter("crs", name)
    found = param.at(day)
    if found is not None:
        return int(found.value)
    first = param.values[0]
    return int(first.value) if first.effective == load("crs")["effective"] else 0


def grid_effective(day: date) -> date:
    """The date the grid in force on ``day`` took effect: its newest dated change by then."""
    params: list[Parameter] = parameters("crs")
    dates = [v.effective for p in params for v in p.values if v.effective <= day]
    first_read: date = load("crs")["effective"]
    if first_read <= day:
        dates.append(first_read)
    return max(dates, default=min(v.effective for p in params for v in p.values))


def grid_references() -> list[str]:
    """The grid's references (crs.toml)."""
    return list(load("crs")["references"])
