"""When each value a result or a page uses was last checked against its source, and whether
that check is still within its review horizon (issue 19).

Every dated value in ``pycore/data`` carries ``verified`` (the day someone last checked it
against its source) and ``verified_how`` (``official_page``, ``official_copy``,
``third_party``, or ``project`` for the project's own settings); files that are not
parameters carry the same two keys on the tables they describe (the CRS grid, the rounds,
each year of categories). ``pycore/data/review.toml`` gives each kind of value its horizon:
a check older than that is stale, and the result (or page) says so.

The day a check is compared with is always an argument: the checker's page and the command
line pass the day the check runs, the site's build passes the build date. Nothing here reads
the clock. A stale value is still used as it is; the notice only says it may be out of date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pycore.common import charts, messages
from pycore.common.parameters import load, parameter, parameters
from pycore.common.profile import Profile

REVIEW = "review"
# The rules the eligibility verdict reads (as assessment.RULE_FILES, kept apart to avoid a cycle).
VERDICT_FILES = ("program", "work_experience", "language", "quebec")
NOTICE_STALE = "notice.values_not_checked_recently"
NOTICE_NEVER = "notice.values_never_checked"


@dataclass(frozen=True)
class Check:
    """One value (or table of values) used, with the day and way it was last checked."""

    what: str  # "work_experience.hours_required", "crs (grid)", "draws", "categories.y2026"
    kind: str  # a kind of review.toml
    verified: date | None
    how: str


@dataclass(frozen=True)
class Horizon:
    """How long a check of one kind of value stays fresh, and why."""

    kind: str
    days: int
    label: str
    why: str


def horizon(kind: str) -> Horizon:
    """The review horizon of ``kind``; KeyError for a kind review.toml does not define."""
    raw = load(REVIEW)["kinds"][kind]
    return Horizon(kind=kind, days=int(raw["days"]), label=str(raw["label"]), why=str(raw["why"]))


def kinds() -> list[str]:
    """Every kind of value review.toml defines, in file order."""
    return list(load(REVIEW)["kinds"])


def kind_of(file: str, key: str = "") -> str:
    """The kind of the values of data file ``file`` (parameter ``key`` may override it)."""
    review = load(REVIEW)
    override = review.get("parameters", {}).get(f"{file}.{key}")
    if override:
        return str(override)
    return str(review["files"][file])


def table_check(file: str, table: dict[str, Any], what: str = "") -> Check:
    """The check recorded on a table that is not a parameter (a grid, the rounds, a year)."""
    verified = table.get("verified")
    return Check(
        what=what or file,
        kind=kind_of(file),
        verified=verified if isinstance(verified, date) else None,
        how=str(table.get("verified_how", "")),
    )


def value_check(file: str, key: str, day: date) -> Check | None:
    """The check of parameter ``file.key``'s value in force on ``day`` (None before its first)."""
    item = parameter(file, key).at(day)
    if item is None:
        return None
    return Check(f"{file}.{key}", kind_of(file, key), item.verified, item.verified_how)


def due(check: Check) -> date | None:
    """The last day the check is fresh; None when the value was never checked."""
    if check.verified is None:
        return None
    return check.verified + timedelta(days=horizon(check.kind).days)


def stale(checks: Iterable[Check], on: date) -> list[Check]:
    """The checks that are no longer fresh on ``on`` (never checked, or past their horizon),
    each once, in the order given."""
    found: list[Check] = []
    for check in checks:
        last = due(check)
        if (last is None or last < on) and check not in found:
            found.append(check)
    return found


# ------------------------------------------------------------------ what a result uses


def _file_values(file: str, day: date) -> list[Check]:
    """The checks of every engine-read parameter of ``file`` in force on ``day``."""
    found = []
    for param in parameters(file):
        if param.guide_only:
            continue
        _, key = param.name.split(".", 1)
        check = value_check(file, key, day)
        if check is not None:
            found.append(check)
    return found


def _chart_checks(profile: Profile, result: dict[str, Any]) -> list[Check]:
    """The chart version each valid language result was converted with."""
    found = []
    entries = result.get("language_tests") or []
    for test, entry in zip(profile.language_tests, entries, strict=False):
        if not entry.get("valid") or test.test not in charts.TESTS:
            continue
        try:
            used = charts.chart(test.test, test.date)
        except LookupError:
            continue
        file = f"charts/{test.test}"
        raw = next(v for v in load(file)["versions"] if v["effective"] == used.effective)
        found.append(table_check(file, raw, f"{file} ({used.effective.isoformat()})"))
    return found


def result_checks(profile: Profile, result: dict[str, Any]) -> list[Check]:
    """The checks of the values ``result`` rests on: the rules in force on its date, the
    charts its language results were read with, and, where the result has them, the CRS grid,
    the rounds it was compared with and the category lists."""
    day = date.fromisoformat(result["as_of"])
    if day < parameter("program", "teer_system_start").values[0].value:
        return []  # no rule was applied (the date is before the rules the engine knows)
    found = [check for file in VERDICT_FILES for check in _file_values(file, day)]
    found += _chart_checks(profile, result)
    if result.get("invitation"):
        check = value_check("express_entry", "ita_response_days", day)
        found += [check] if check else []
    crs = result.get("crs")
    if crs:
        found.append(table_check("crs", load("crs"), "crs (grid)"))
        found += _file_values("crs", day)
        if crs.get("rounds"):
            found.append(table_check("draws", load("draws")))
    if result.get("categories"):
        found += _file_values("categories", day)
        year = load("categories").get(f"y{day.year}")
        if isinstance(year, dict):
            found.append(table_check("categories", year, f"categories.y{day.year}"))
    return found


def notices(checks: Iterable[Check], on: date) -> list[dict[str, Any]]:
    """One notice per kind of value used that is not fresh on ``on`` (contract ``notices``
    entries: code, facts, message), oldest check first within each."""
    stale_checks = stale(checks, on)
    found = []
    for kind in kinds():
        group = [check for check in stale_checks if check.kind == kind]
        if not group:
            continue
        limit = horizon(kind)
        checked = [check.verified for check in group if check.verified is not None]
        facts: dict[str, Any] = {
            "kind": kind,
            "label": limit.label,
            "horizon_days": limit.days,
            "checked_on": on.isoformat(),
            "last_checked": min(checked).isoformat() if checked else None,
            "values": [check.what for check in group],
        }
        code = NOTICE_STALE if checked else NOTICE_NEVER
        found.append({"code": code, "facts": facts, "message": messages.render(code, facts)})
    return found
