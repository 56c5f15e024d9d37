"""The notice a page shows when a value it uses was not checked against its source within its
review horizon (issue 19; horizons in ``pycore/data/review.toml``, see
``pycore.common.verification``).

While a page's placeholders expand, ``used()`` records the checks of the values they put on
the page (``record`` is called by ``placeholders.expand_one``); ``page_notice`` then compares
them with the build date and writes one warning listing each kind of value that is stale.
The build date is the day the site is built, or ``CEC_BUILD_DATE`` (YYYY-MM-DD) when set, so
a build can be reproduced or previewed as of another day.

Also the placeholders ``{{ verified FILE.KEY }}`` (the day the value in force was last
checked) and ``{{ verified_range }}`` (the oldest and newest check of every dated value).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from pycore.common import verification
from pycore.common.parameters import load, parameter
from pycore.common.verification import Check
from site_scripts.tables.data_values import data_files, dated, split_name
from site_scripts.tables.formatting import long_date
from site_scripts.tables.words import Html, data_text, say

BUILD_DATE_VARIABLE = "CEC_BUILD_DATE"
_USED: ContextVar[list[Check] | None] = ContextVar("used_values", default=None)


def build_date() -> date:
    """The day the site is built (``CEC_BUILD_DATE`` overrides it); ValueError if unreadable."""
    given = os.environ.get(BUILD_DATE_VARIABLE, "").strip()
    return date.fromisoformat(given) if given else date.today()


@contextmanager
def used() -> Iterator[list[Check]]:
    """Collect, inside the ``with`` block, the checks of the values a page puts on it."""
    found: list[Check] = []
    token = _USED.set(found)
    try:
        yield found
    finally:
        _USED.reset(token)


def _add(checks: list[Check]) -> None:
    found = _USED.get()
    if found is not None:
        found.extend(checks)


def _named_value(name: str, day: date) -> list[Check]:
    """The check of ``FILE.KEY`` in force on ``day``; a top-level fact of the rounds or the
    CRS file counts as that file's table (``draws.data_until``)."""
    file, key = split_name(name)
    param = dated(name)
    if param is not None:
        check = verification.value_check(file, key, day)
        return [check] if check else []
    if file in ("draws", "crs"):
        return [verification.table_check(file, load(file))]
    return []


def _versions(test: str) -> list[Check]:
    file = f"charts/{test}"
    return [
        verification.table_check(file, v, f"{file} ({v['effective'].isoformat()})")
        for v in load(file).get("versions", [])
    ]


def _year(arg: str | None, day: date) -> list[Check]:
    year = load("categories").get(f"y{arg if arg and arg.isdigit() else day.year}")
    return [verification.table_check("categories", year)] if isinstance(year, dict) else []


def record(name: str, args: list[str], day: date) -> None:
    """Note the values placeholder ``name`` with ``args`` put on the page (values in force on
    ``day``, the review date). History (``previous``, ``timeline``) and lists of sources are
    not recorded: they show what was, not what applies."""
    arg = args[1] if len(args) > 1 else None
    if name in ("value", "effective", "verified") and args:
        _add(_named_value(args[0], day))
    elif name in ("draws_range", "latest_draw") or (
        name == "table" and args and args[0] in ("draws", "newest_round")
    ):
        _add([verification.table_check("draws", load("draws"))])
    elif name == "chart_effective" and args:
        _add(_versions(args[0]))
    elif name == "table" and args and args[0] == "language_chart" and arg:
        _add(_versions(arg))
    elif name == "table" and args and args[0] == "crs":
        _add([verification.table_check("crs", load("crs"), "crs (grid)")])
    elif name == "table" and args and args[0] in ("categories", "category_occupations"):
        _add(_year(arg, day))
    elif name == "table" and args and args[0] == "changes_ahead":
        _add(
            [
                verification.table_check("changes", entry, str(entry["id"]))
                for entry in load("changes").get("entries", [])
            ]
        )


def page_notice(checks: list[Check], on: date) -> str:
    """A warning (Markdown) naming each kind of value on the page not checked within its
    horizon on ``on``; empty when every value used is fresh."""
    stale = verification.stale(checks, on)
    lines = []
    for kind in verification.kinds():
        group = [check for check in stale if check.kind == kind]
        if not group:
            continue
        limit = verification.horizon(kind)
        days = [check.verified for check in group if check.verified is not None]
        label = data_text(limit.label)
        # A list item starts with a capital; a label kept in English (a span) stays as it is.
        label = label if "<" in label else Html(label[:1].upper() + label[1:])
        if days:
            lines.append(
                "- "
                + say(
                    "{label}: last checked against the sources on {date}; this site re-checks "
                    "them every {days} days.",
                    label=label,
                    date=long_date(min(days)),
                    days=limit.days,
                )
            )
        else:
            lines.append(
                "- " + say("{label}: no record of when they were last checked.", label=label)
            )
    if not lines:
        return ""
    title = say("Some values on this page may be out of date")
    intro = say(
        "As of {date}, when this page was built, these values on it had not been checked "
        "against their sources recently enough. Compare them with IRCC's current pages before "
        "you rely on them.",
        date=long_date(on),
    )
    body = "\n".join("    " + line for line in [intro, "", *lines])
    return f'!!! warning "{title}"\n{body}\n'


def verified_on(name: str, day: date) -> date:
    """The day the value of ``FILE.KEY`` in force on ``day`` was last checked."""
    param = dated(name)
    item = param.at(day) if param else None
    if item is None or item.verified is None:
        raise LookupError(f"{name} has no verified date for its value in force on {day}")
    return item.verified


def verified_range() -> str:
    """ "between A and B": the oldest and newest check of every dated value in the data."""
    days = sorted(
        {
            item.verified
            for file in data_files()
            for key, raw in load(file).items()
            if isinstance(raw, dict) and isinstance(raw.get("values"), list)
            for item in parameter(file, key).values
            if item.verified is not None
        }
    )
    if not days:
        raise LookupError("no dated value records when it was checked")
    if len(days) == 1:
        return say("on {date}", date=long_date(days[0]))
    return say("between {first} and {last}", first=long_date(days[0]), last=long_date(days[-1]))
