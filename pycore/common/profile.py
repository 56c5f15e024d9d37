"""The profile as the rules see it: typed, frozen values made by ``validation.parse_profile``.

These are the checker contract's input (``pycore/schemas/profile.schema.json``) after
checking: dates are ``date``, hours are exact ``Fraction``s, nothing is missing. The rule
modules take these types; only ``validation`` builds them from JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # express_entry_profile imports this module's Collector
    from pycore.common.express_entry_profile import ExpressEntry

BOOLEAN_JOB_FACTS: tuple[str, ...] = (
    "paid",
    "self_employed",
    "full_time_student",
    "work_authorized",
    "in_canada",
)


@dataclass(frozen=True)
class Job:
    """One job, or one stretch of a job whose facts differ, as entered."""

    title: str | None
    noc_code: str | None
    teer: int
    start: date
    end: date | None
    hours_per_week: Fraction
    paid: bool
    self_employed: bool
    full_time_student: bool
    work_authorized: bool
    in_canada: bool


@dataclass(frozen=True)
class LanguageTest:
    """One language test result: the test, the day it was taken, the four scores."""

    test: str
    date: date
    scores: Mapping[str, float]


@dataclass(frozen=True)
class Spouse:
    """An accompanying spouse or partner who is not a Canadian citizen or permanent resident."""

    education: str | None
    canadian_work_years: int | None
    language_test: LanguageTest | None


@dataclass(frozen=True)
class CrsProfile:
    """The checked ``crs`` object; None fields are missing (listed in ``missing``)."""

    date_of_birth: date | None
    education: str | None
    canadian_education: str | None
    foreign_work_years: int | None
    canadian_work_years: int | None  # None: counted from the jobs
    certificate_of_qualification: bool | None
    provincial_nomination: bool | None
    sibling_in_canada: bool | None
    spouse: Spouse | None
    missing: tuple[str, ...]


@dataclass(frozen=True)
class Profile:
    """A checked profile: everything the rules need, judged as of ``application_date``."""

    application_date: date
    plans_to_live_in_quebec: bool
    jobs: tuple[Job, ...]
    language_tests: tuple[LanguageTest, ...]
    crs: CrsProfile | None = None  # what the CRS estimate scores beyond jobs and tests
    invitation_date: date | None = None  # the day of an invitation to apply, when there is one
    express_entry: ExpressEntry | None = None  # what FSW and FST need beyond jobs, tests and crs


class Collector(Protocol):
    """Where field problems go (``validation``'s collector), for the parsers of
    the profile's parts (``crs``, ``express_entry``), which never import ``validation``."""

    errors: list[dict[str, str]]  # every problem added so far

    def add(self, field: str, code: str, **facts: object) -> None: ...

    def day(
        self, obj: Mapping[str, Any], key: str, path: str, optional: bool = False
    ) -> date | None: ...


def optional_flag(
    check: Collector, raw: Mapping[str, Any], key: str, path: str, missing: list[str]
) -> bool | None:
    """A yes-or-no answer that may be left out: absent or null adds ``path`` to ``missing``,
    anything but a boolean is a field error; None in both cases."""
    value = raw.get(key)
    if value is None:
        missing.append(path)
        return None
    if not isinstance(value, bool):
        check.add(path, "input.not_boolean")
        return None
    return value
