"""Language test results judged on a date: accepted, not expired, and their level per ability.

Shared by every program and the CRS (the CEC's threshold is in ``pycore.programs.cec.language``).
IRCC: results are valid for two years after the date of the test result (Ministerial
Instructions), read from ``pycore/data/language.toml`` with the accepted tests and their dates.
A result is "less than two years old" on the application date when the result date is after
the same calendar day two years earlier (``pycore.common.dates``), so it is valid up to the day
before its second anniversary; a test of 29 February stays valid through 28 February two years
later. The chart is read on the result date (``pycore.common.charts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pycore.common import charts
from pycore.common.dates import ONE_DAY, first_day_not_younger, years_before
from pycore.common.parameters import parameter
from pycore.common.profile import LanguageTest


def accepted_from(test_id: str) -> date | None:
    """The first test date from which results of ``test_id`` are accepted, or None if never."""
    for value in parameter("language", "accepted_tests").values:
        if test_id in value.value:
            return value.effective
    return None


def is_accepted(test_id: str, taken: date) -> bool:
    """Whether a ``test_id`` test taken on ``taken`` comes from a designated test (74(3))."""
    accepted = parameter("language", "accepted_tests").at(taken)
    return accepted is not None and test_id in accepted.value


def validity_years(on: date) -> int:
    """How many years a result stays usable: it must be less than this old (MI s.3(4))."""
    return int(parameter("language", "result_validity_years").value_at(on))


def last_valid_day(taken: date, on: date) -> date:
    """The last application date on which a result of ``taken`` is less than the validity age."""
    return first_day_not_younger(taken, validity_years(on)) - ONE_DAY


@dataclass(frozen=True)
class TestResult:
    """One entered result judged on the application date: its levels and whether it is valid."""

    test: LanguageTest
    chart: charts.Chart | None
    levels: dict[str, int] | None
    valid: bool
    invalid_because: str | None
    valid_until: date | None

    @property
    def lowest_level(self) -> int:
        """The weakest ability's level (what "each of the four" depends on)."""
        return min(self.levels.values()) if self.levels else 0


def judge_test(test: LanguageTest, application_date: date) -> TestResult:
    """Whether a result is valid on the application date, and its level in each ability.

    Valid when the test is accepted on its result date, the result is dated on or before
    the application date, and it is less than two years old on it.
    """
    try:
        chart: charts.Chart | None = charts.chart(test.test, test.date)
    except LookupError:
        chart = None
    levels = (
        {ability: chart.level(ability, test.scores[ability]) for ability in chart.abilities}
        if chart
        else None
    )
    # Dates first: a result too old (or not yet taken) is reported so whatever the test;
    # "not yet accepted" is kept for a test taken before its acceptance that would else count.
    reason = None
    if test.date > application_date:
        reason = "test.after_application"
    elif test.date <= years_before(application_date, validity_years(application_date)):
        reason = "test.expired"
    elif not is_accepted(test.test, test.date) or chart is None:
        reason = "test.not_yet_accepted"
    until = (
        last_valid_day(test.date, application_date) if reason != "test.not_yet_accepted" else None
    )
    return TestResult(test, chart, levels, reason is None, reason, until)
