"""Rounds of invitations and category lists: ``{{ table draws cec|general|category }}``
(``draws.toml``, newest first) and ``{{ table categories 2025|2026 }}`` (``categories.toml``)."""

from __future__ import annotations

from pycore.common.parameters import load
from site_scripts.tables import draws
from site_scripts.tables.formatting import long_date
from site_scripts.tables.table_base import block, cite, markdown_table, register, stacked_table
from site_scripts.tables.words import data_text, say


def draws_table(program: str) -> str:
    """Rounds of invitations for ``program``, newest first, with the data set's end date."""
    data = load("draws")
    found = list(reversed(draws.rows(program)))
    named = any("name" in row for row in found)
    header = [
        say("Date"),
        say("Draw") if named else say("Number"),
        say("Invitations"),
        say("Lowest score invited"),
    ]
    body = [
        [
            row["date"],
            data_text(row["name"]) if "name" in row else row.get("number", ""),
            row["invitations"],
            row["cutoff"],
        ]
        for row in found
    ]
    note = say(
        "Data up to {date}. Sources: {sources}",
        date=long_date(data["data_until"]),
        sources=cite(data["references"]),
    )
    # Named draws (long category names) read better as cards on phones.
    table = stacked_table(header, body) if named else markdown_table(header, body)
    return block(table, note)


# --- categories -----------------------------------------------------------------------------


def categories(year: str) -> str:
    """The categories of one year: name, status, priority and the sources for each."""
    data = load("categories")
    key = f"y{year}"
    if key not in data:
        raise LookupError(f"no categories for {year!r} in categories.toml")
    entry = data[key]
    body = [
        [
            data_text(item["name"]),
            data_text(item["status"]),
            data_text(item.get("note", "")),
            cite(item["references"]),
        ]
        for item in entry["categories"]
    ]
    table = stacked_table([say("Category"), say("Status"), say("Notes"), say("Sources")], body)
    intro = (
        say("Announced {date}.", date=long_date(entry["announced"]))
        + " "
        + data_text(entry.get("note", ""))
    ).strip()
    return block(intro, table)


register("draws", True, draws_table)
register("categories", True, categories)
