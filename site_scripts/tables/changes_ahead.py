"""The "Changes ahead" page's tables, from ``pycore/data/changes.toml``.

``{{ table changes_ahead }}`` lists every entry, newest first: the date its status was
reached (and the end of a consultation), its status, what it is, what it would change for
a CEC candidate, and its sources, each marked with its reliability (official, official
through a copy, third party), with the day the entry was last checked against them.
``{{ table change_statuses }}`` explains the statuses.

Registered into ``site_scripts.tables.tables`` on import (the placeholder hook imports this
module), so ``tables.py`` does not grow.
"""

from __future__ import annotations

from typing import Any

from pycore.common.parameters import load, source
from site_scripts.tables import tables
from site_scripts.tables.formatting import long_date
from site_scripts.tables.words import data_text, href, inert, say

STATUSES = ("proposed", "consulted", "announced", "in force", "unconfirmed")

# How each reliability grade is written after a citation on this page.
RELIABILITY_WORDS = {"O": "official", "O*": "official, via a copy", "T": "third party"}


def entries() -> list[dict[str, Any]]:
    """Every entry, newest first; LookupError for an unknown status or source id."""
    data = load("changes")
    found = list(data.get("entries", []))
    for entry in found:
        if entry["status"] not in STATUSES or entry["status"] not in data["statuses"]:
            raise LookupError(f"changes.toml: {entry['id']}: unknown status {entry['status']!r}")
        for ref in entry["references"]:
            source(ref)  # KeyError for an id missing from sources.toml
    return sorted(found, key=lambda e: e["date"], reverse=True)


def when(entry: dict[str, Any]) -> str:
    """The entry's date, or its date range for a consultation with an end."""
    if "until" in entry:
        return say(
            "{start} to {end}", start=long_date(entry["date"]), end=long_date(entry["until"])
        )
    return long_date(entry["date"])


def sources_cell(ids: list[str]) -> tables.Html:
    """Numbered citations (as ``tables.cite``), each followed by its reliability in words."""
    return tables.Html(
        "; ".join(
            f'<a href="{href(ref.url)}" title="{inert(ref.title)}">{index}</a>'
            f" ({say(RELIABILITY_WORDS[ref.reliability])})"
            for index, ref in enumerate((source(i) for i in ids), start=1)
        )
    )


def checked(entry: dict[str, Any]) -> str:
    """When the entry was last checked against its sources (``verified``), as a sentence."""
    day = entry.get("verified")
    if not day:
        return ""
    return ". " + inert(say("Last checked on {date}.", date=long_date(day)))


def changes_ahead() -> str:
    """Every entry as one row: date, status, change, what it would mean, sources."""
    body = [
        [
            when(entry),
            say(entry["status"].capitalize()),
            tables.Html(f"{data_text(entry['title'])}. {data_text(entry['summary'])}"),
            data_text(entry["affects"]),
            tables.Html(sources_cell(entry["references"]) + checked(entry)),
        ]
        for entry in entries()
    ]
    header = [
        say("Date"),
        say("Status"),
        say("Change"),
        say("What it would mean for you"),
        say("Sources"),
    ]
    return tables.block(tables.stacked_table(header, body))


def change_statuses() -> str:
    """Each status with its meaning, in the order a change goes through them."""
    meanings = load("changes")["statuses"]
    return tables.block(
        "\n".join(f"- **{say(s.capitalize())}**. {data_text(meanings[s])}" for s in STATUSES)
    )


tables.register("changes_ahead", False, changes_ahead)
tables.register("change_statuses", False, change_statuses)
