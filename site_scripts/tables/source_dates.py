"""Honest dates: when each source was last checked and how, and the newest round in the data.

``{{ table checked_summary }}``: one paragraph saying how the sources were last checked (the
range of dates, and how many were read in a stored copy of the official text, through a
verbatim copy kept by a third party, on a
third-party page, taken from the audit without a re-read, or only linked), instead of
claiming that every rule was checked on one day.
``{{ table sources_checked }}``: every source with its reliability, last check and method.
``{{ table newest_round }}``: the date of the newest round of invitations in ``draws.toml``
and the day the rounds data was last checked up to.
``{{ table values_checked }}``: the newest value of every dated parameter (and the CRS
grid, the rounds, each year of categories), with the day it was last checked against its
source, how, and the day its review horizon ends (``pycore/data/review.toml``).

The dates live in ``pycore/data/sources.toml`` (``checked``, ``checked_by``, ``checked_note``)
and ``pycore/data/draws.toml``. Registered into ``site_scripts.tables.tables`` on import (the
placeholder hook imports this module), so ``tables.py`` does not grow.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from pycore.common.messages import current_language
from pycore.common.parameters import load, source
from site_scripts.tables import tables
from site_scripts.tables.formatting import long_date, number, series
from site_scripts.tables.sources_section import localized
from site_scripts.tables.words import data_text, href, inert, say, web_address

# How a source was checked, as the sentence and the table say it (order of the sentence).
METHODS = {
    # No session had live web: "official" means the official text read in a stored copy of
    # it (an archived page, the Justice Laws XML), never the live page (issue 19).
    "official": (
        "read in a stored copy of the official text",
        "official text read in a stored copy",
    ),
    "copy": ("read through a verbatim copy", "official content read through a verbatim copy"),
    "third party": ("third-party pages", "third-party page read"),
    "audit": (
        "taken from the audit of the rules without a re-read here",
        "from the audit, not re-read here",
    ),
    "link": ("linked for readers only", "linked for readers; content not read for the facts"),
}
RELIABILITY = {"O": "official", "O*": "official, via a copy", "T": "third party"}


def checked_sources() -> list[tuple[str, dict[str, Any]]]:
    """Every source with its check fields; LookupError when one is missing or unknown."""
    found = []
    for key, entry in load("sources").items():
        if not isinstance(entry, dict):
            continue
        if not isinstance(entry.get("checked"), date) or entry.get("checked_by") not in METHODS:
            raise LookupError(f"sources.toml: {key} needs checked (a date) and checked_by")
        found.append((key, entry))
    return found


def checked_summary() -> str:
    """The home page's sentence: when the sources were checked, and how many each way."""
    found = checked_sources()
    days = sorted({entry["checked"] for _, entry in found})
    when = (
        say("on {date}", date=long_date(days[0]))
        if len(days) == 1
        else say("between {first} and {last}", first=long_date(days[0]), last=long_date(days[-1]))
    )
    counts = [
        f"{number(sum(1 for _, e in found if e['checked_by'] == method))} {say(words)}"
        for method, (words, _) in METHODS.items()
        if any(e["checked_by"] == method for _, e in found)
    ]
    return tables.block(
        say(
            "The {count} sources behind this guide were last checked {when}: {counts}. Each "
            "source's date and method are listed under "
            "[Sources and method](sources.md#when-each-source-was-last-checked).",
            count=number(len(found)),
            when=when,
            counts=series(counts, "and"),
        )
    )


def sources_checked() -> str:
    """Every source, most recently checked first: reliability, date and method."""
    rows = [
        [
            _source_link(key),
            say(RELIABILITY[entry["reliability"]]),
            entry["checked"],
            tables.Html(
                html.escape(say(METHODS[entry["checked_by"]][1]), quote=False)
                + (f". {data_text(entry['checked_note'])}" if entry.get("checked_note") else "")
                + _french_address_note(entry)
            ),
        ]
        for key, entry in sorted(
            checked_sources(), key=lambda item: item[1]["checked"], reverse=True
        )
    ]
    header = [say("Source"), say("Reliability"), say("Last checked"), say("How")]
    return tables.block(tables.stacked_table(header, rows))


# Where a French address comes from (``url_fr_how`` in sources.toml), said on French pages only:
# few French pages were read, and a reader should know which links are the project's deduction.
FRENCH_ADDRESS = {
    "read": "French page read in a stored copy",
    "seen": "French address as seen in stored links to the page; the French page was not read",
    "derived": "French address derived from the English one; neither seen nor read",
}


def _french_address_note(entry: dict[str, Any]) -> str:
    """On a French page, a sentence on where the source's French address comes from."""
    how = entry.get("url_fr_how")
    if current_language() != "fr" or how not in FRENCH_ADDRESS:
        return ""
    return ". " + html.escape(say(FRENCH_ADDRESS[how]), quote=False)


def _source_link(key: str) -> tables.Html:
    """A source's linked title in the page's language (French text where it exists)."""
    title, url, english = localized(source(key))
    mark = f' <span class="cec-lang">({html.escape(say("in English"))})</span>' if english else ""
    lang = ' lang="en"' if english else ""
    return tables.Html(f'<a href="{href(url)}"{lang}>{inert(title)}</a>{mark}')


def newest_round_date() -> date:
    """The date of the newest round of invitations in ``draws.toml``, whatever its program."""
    data = load("draws")
    days: list[date] = [
        row["date"]
        for value in data.values()
        if isinstance(value, list)
        for row in value
        if isinstance(row, dict) and isinstance(row.get("date"), date)
    ]
    if not days:
        raise LookupError("no round of invitations in pycore/data/draws.toml")
    return max(days)


def newest_round() -> str:
    """A sentence with the newest round's date and how far the rounds data was checked."""
    data = load("draws")
    _, rounds_page, _ = localized(source(data["references"][0]))
    return tables.block(
        say(
            "The newest round of invitations in this guide's data is from **{date}**; the "
            "rounds data was checked up to {until}. Later rounds are on "
            "[IRCC's rounds page]({page}).",
            date=long_date(newest_round_date()),
            until=long_date(data["data_until"]),
            page=web_address(rounds_page),
        )
    )


# How a value was checked (``verified_how``), as the values table says it.
VALUE_METHODS = {
    "official_page": "official page read",
    "official_copy": "stored copy of the official text read",
    "third_party": "third-party reports only",
    "project": "not a rule: the checker's own setting",
}


def values_checked() -> str:
    """The newest value of each parameter (and each table that is not a parameter): when it
    was last checked against its source, how, and until when that check is trusted."""
    from pycore.common import verification
    from site_scripts.tables.data_values import data_files

    checks: list[tuple[str, verification.Check]] = []
    for file in data_files():
        raw = load(file)
        for key, table in raw.items():
            if isinstance(table, dict) and isinstance(table.get("values"), list):
                check = verification.value_check(file, key, date.max)
                if check is not None:
                    checks.append((data_text(str(table["description"])), check))
    checks.append((say("The CRS points grid"), verification.table_check("crs", load("crs"))))
    checks.append(
        (say("The rounds of invitations"), verification.table_check("draws", load("draws")))
    )
    categories = load("categories")
    for key in sorted(k for k in categories if k[:1] == "y" and k[1:].isdigit()):
        checks.append(
            (
                say("The categories of {year}", year=key[1:]),
                verification.table_check("categories", categories[key]),
            )
        )
    rows = [
        [
            label,
            check.verified if check.verified else say("not recorded"),
            say(VALUE_METHODS.get(check.how, "not recorded")),
            verification.due(check) or say("now"),
        ]
        for label, check in sorted(
            checks, key=lambda item: (item[1].verified or date.min, str(item[0]))
        )
    ]
    header = [say("Value"), say("Last checked"), say("How"), say("Re-check by")]
    return tables.block(tables.stacked_table(header, rows))


tables.register("checked_summary", False, checked_summary)
tables.register("values_checked", False, values_checked)
tables.register("sources_checked", False, sources_checked)
tables.register("newest_round", False, newest_round)
