"""The CRS grid for ``{{ table crs core|spouse|transferability|additional|summary }}``
(``pycore/data/crs.toml``), in the page's language."""

from __future__ import annotations

from datetime import date
from typing import Any

from pycore.common.parameters import load, parameter
from site_scripts.tables.formatting import long_date
from site_scripts.tables.table_base import block, cite, markdown_table, register
from site_scripts.tables.words import data_text, say

CRS_SECTIONS = ("core", "spouse", "transferability", "additional")
# CRS factors whose English name is also a category's name, which French names differently
# (IRCC: the factor is « Études », the category « Éducation »): the generated words say the factor.
FACTOR_COLUMNS = frozenset({"Education"})


def crs_row(row: dict[str, Any], on: date) -> list[Any]:
    """A grid row as shown: its label, then its points (a dated parameter's value on ``on``,
    the grid's date, for the additional points)."""
    if "parameter" in row:
        return [data_text(row["label"]), parameter("crs", row["parameter"]).value_at(on)]
    return [data_text(row["label"]), *row["points"]]


def crs(section: str) -> str:
    """One section of the CRS grid (sub-tables with titles), or the summary of maxima."""
    data = load("crs")
    if section == "summary":
        rows = data.get("summary")
        if not isinstance(rows, list):
            raise LookupError("crs.toml has no [[summary]] rows")
        body = [
            [data_text(row["group"]), row["with_spouse"], row["without_spouse"]] for row in rows
        ]
        header = [say("Factor group"), say("Maximum with a spouse"), say("Maximum without")]
        table = markdown_table(header, body)
        return block(table, grid_note(data))
    if section not in CRS_SECTIONS:
        raise LookupError(f"crs section must be one of {', '.join(CRS_SECTIONS)} or summary")
    parts: list[str] = []
    for sub in data[section]:
        title = f"**{data_text(sub['title'])}**"
        if sub.get("note"):
            title += f" {data_text(sub['note'])}"
        body = [crs_row(row, data["effective"]) for row in sub["rows"]]
        parts += [title, markdown_table([column(c) for c in sub["columns"]], body)]
    parts.append(grid_note(data))
    return block(*parts)


def grid_note(data: dict[str, Any]) -> str:
    """The grid's date and sources, under each CRS table."""
    return say(
        "Grid in force from {date}. Sources: {sources}",
        date=long_date(data["effective"]),
        sources=cite(data["references"]),
    )


register("crs", True, crs)


def column(name: str) -> str:
    """A grid column's heading in the page's language: a CRS factor's own name where the data
    label means something else in French, else the data's label."""
    return say(name) if name in FACTOR_COLUMNS else data_text(name)
