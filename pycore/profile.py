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
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # crs_profile imports this module's types
    from pycore.crs_profile import CrsProfile
    from pycore.express_entry_profile import ExpressEntry

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
class Profile:
    """A checked profile: everything the rules need, judged as of ``application_date``."""

    application_date: date
    plans_to_live_in_quebec: bool
    jobs: tuple[Job, ...]
    language_tests: tuple[LanguageTest, ...]
    crs: CrsProfile | None = None  # what the CRS estimate scores beyond jobs and tests
    invitation_date: date | None = None  # the day of an invitation to apply, when there is one
    express_entry: ExpressEntry | None = None  # what FSW and FST need beyond jobs, tests and crs
