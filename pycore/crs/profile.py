"""The profile's ``crs`` object (checker contract, "CRS estimate"): parsed, checked, typed.

What the Comprehensive Ranking System scores beyond jobs and tests: date of birth,
education, foreign work, the optional Canadian-years override, certificate of
qualification, nomination, sibling, and an accompanying spouse or partner. Bad values
are field errors with paths (``crs.spouse.language_test.reading``); an absent or null
value is not an error but a path in ``missing``, so a half-filled form still gets the
factors it can. The accepted education values are the ones the grid's rows list in
``pycore/data/crs.toml``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import cache
from typing import Any, TypeVar

from pycore.common.dates import years_before
from pycore.common.parameters import load

# The types live with the profile's others (no import circle); named here for the CRS modules.
from pycore.common.profile import Collector, LanguageTest, optional_flag
from pycore.common.profile import CrsProfile as CrsProfile
from pycore.common.profile import Spouse as Spouse

# Input sanity bound, not a rule: nobody applies at more than this age.
MAX_AGE = 120
CRS_BOOLEANS: tuple[str, ...] = (
    "certificate_of_qualification",
    "provincial_nomination",
    "sibling_in_canada",
)


@cache
def education_levels() -> tuple[str, ...]:
    """The ``education`` values, lowest first: those the core education table's rows list."""
    table = next(t for t in load("crs")["core"] if t.get("factor") == "education")
    return tuple(value for row in table["rows"] for value in row["values"])


@cache
def canadian_education_levels() -> tuple[str, ...]:
    """The ``canadian_education`` values: ``none`` and those the additional rows list."""
    rows = [row for t in load("crs")["additional"] for row in t["rows"]]
    found = [v for row in rows if row.get("factor") == "canadian_education" for v in row["values"]]
    return ("none", *found)


C = TypeVar("C", bound=Collector)
# Parses one language test object at a path (``validation``'s, shared with the main tests).
TestParser = Callable[[C, Any, str], LanguageTest | None]


def parse_crs(
    check: C, raw: Any, application_date: date | None, parse_test: TestParser[C]
) -> CrsProfile | None:
    """The typed ``crs`` object, or None when the profile has none (absent or null).

    Problems go to ``check`` with their paths; the result is then not used. ``parse_test``
    reads the spouse's language test (passed in, so that validation imports this module and
    not the other way round).
    """
    if raw is None:
        return None
    if not isinstance(raw, dict):
        check.add("crs", "input.not_object")
        return None
    missing: list[str] = []
    born = check.day(raw, "date_of_birth", "crs.date_of_birth", optional=True)
    if born is None and raw.get("date_of_birth") is None:
        missing.append("crs.date_of_birth")
    if born is not None and application_date is not None:
        if born > application_date:
            check.add(
                "crs.date_of_birth",
                "input.birth_after_application",
                application_date=application_date.isoformat(),
            )
        elif born <= years_before(application_date, MAX_AGE + 1):
            check.add("crs.date_of_birth", "input.birth_too_early", highest=MAX_AGE)
    education = _choice(check, raw, "education", "crs.education", education_levels(), missing)
    canadian = _choice(
        check,
        raw,
        "canadian_education",
        "crs.canadian_education",
        canadian_education_levels(),
        missing,
    )
    foreign = _years(check, raw, "foreign_work_years", "crs.foreign_work_years", missing)
    canadian_years = _years(check, raw, "canadian_work_years", "crs.canadian_work_years", None)
    flags = {key: optional_flag(check, raw, key, f"crs.{key}", missing) for key in CRS_BOOLEANS}
    spouse = None
    if "spouse" not in raw:
        missing.append("crs.spouse")
    elif raw["spouse"] is not None:
        spouse = _parse_spouse(check, raw["spouse"], missing, parse_test)
    return CrsProfile(
        date_of_birth=born,
        education=education,
        canadian_education=canadian,
        foreign_work_years=foreign,
        canadian_work_years=canadian_years,
        spouse=spouse,
        missing=tuple(missing),
        **flags,
    )


def _parse_spouse(
    check: C, raw: Any, missing: list[str], parse_test: TestParser[C]
) -> Spouse | None:
    if not isinstance(raw, dict):
        check.add("crs.spouse", "input.not_object")
        return None
    path = "crs.spouse"
    education = _choice(check, raw, "education", f"{path}.education", education_levels(), missing)
    years = _years(check, raw, "canadian_work_years", f"{path}.canadian_work_years", missing)
    test = None
    if raw.get("language_test") is not None:
        test = parse_test(check, raw["language_test"], f"{path}.language_test")
    return Spouse(education, years, test)


def _choice(
    check: Collector,
    raw: Mapping[str, Any],
    key: str,
    path: str,
    allowed: tuple[str, ...],
    missing: list[str],
) -> str | None:
    value = raw.get(key)
    if value is None:
        missing.append(path)
        return None
    if not isinstance(value, str) or value not in allowed:
        check.add(path, "input.unknown_value", values=", ".join(allowed))
        return None
    return value


def _years(
    check: Collector, raw: Mapping[str, Any], key: str, path: str, missing: list[str] | None
) -> int | None:
    """Whole years, 0 to ``MAX_AGE``; None when absent (then missing, unless optional)."""
    value = raw.get(key)
    if value is None:
        if missing is not None:
            missing.append(path)
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_AGE:
        check.add(path, "input.whole_years", highest=MAX_AGE)
        return None
    return value
