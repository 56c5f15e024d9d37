"""Language: a valid test result meeting the required level in all four abilities.

IRPR 87.1(2)(d): the person "has had their proficiency in the English or French
language evaluated by an organization or institution designated under
subsection 74(3) and obtained proficiency results that meet the threshold fixed
by the Minister under subsection 74(1) for each of the four language skill
areas". 87.1(2)(e): where the work was in more than one occupation, the threshold
is the one for "the occupation in which [they have] the greater amount of work
experience" in the three years. IRCC sets CLB/NCLC 7 for TEER 0 or 1 and 5 for
TEER 2 or 3 (values in ``pycore/data/language.toml``), and results must be less
than two years old when the application is made (Ministerial Instructions).
https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-87.1.html
https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/canadian-experience-class.html

IRCC: results are valid for two years after the date of the test result. The
profile's ``date`` is that result date (the field keeps its name); validity and the
choice of chart are both read from it.

Validity at the boundary: a result is "less than two years old" on the
application date when the result date is after the same calendar day two years
earlier (``pycore.common.dates``, the same arithmetic as the work window). It is
therefore valid up to the day before its second anniversary; a test of 29
February stays valid through 28 February two years later.

English or French: any one valid result meeting the level in all four abilities
suffices; results of different tests are not combined ability by ability.
Not modelled: the CRS second-language points, and the few days between sitting a
test and its result date (a chart or acceptance that changed in between is read
on the result date).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pycore.common.language_tests import TestResult as TestResult
from pycore.common.language_tests import accepted_from as accepted_from
from pycore.common.language_tests import is_accepted as is_accepted
from pycore.common.language_tests import judge_test as judge_test
from pycore.common.language_tests import last_valid_day as last_valid_day
from pycore.common.language_tests import validity_years as validity_years
from pycore.common.parameters import parameter
from pycore.common.profile import LanguageTest


def thresholds(on: date) -> list[tuple[int, tuple[int, ...]]]:
    """Each level in force on ``on`` with the TEER categories it applies to, highest first
    (``minimum_level`` in language.toml: one dated value mapping TEER categories to levels)."""
    levels = parameter("language", "minimum_level").value_at(on)
    return sorted(((int(item["level"]), tuple(item["teers"])) for item in levels), reverse=True)


def required_level(teer: int, on: date) -> int:
    """The level needed in each ability when the main occupation is TEER ``teer`` (87.1(2)(e))."""
    for level, teers in thresholds(on):
        if teer in teers:
            return level
    raise LookupError(f"no language threshold for TEER {teer}")


@dataclass(frozen=True)
class Shortfall:
    """One ability below the level needed, with the lowest score that would reach it."""

    ability: str
    level: int
    score_needed: float | None


@dataclass(frozen=True)
class LanguageOutcome:
    """The outcome of the language requirement on one application date."""

    met: bool | None
    reason: str
    required_level: int | None
    level_needed: int | None
    results: tuple[TestResult, ...]
    best: int | None  # index of the result the outcome is explained by
    shortfalls: tuple[Shortfall, ...]
    thresholds: tuple[tuple[int, tuple[int, ...]], ...]


def shortfalls(result: TestResult, level: int) -> tuple[Shortfall, ...]:
    """The abilities in which ``result`` is below ``level``, each with the score needed."""
    if result.levels is None or result.chart is None:
        return ()
    return tuple(
        Shortfall(ability, reached, result.chart.lowest_score(ability, level))
        for ability, reached in result.levels.items()
        if reached < level
    )


def _closest(results: Sequence[TestResult], indexes: Sequence[int], level: int) -> int:
    """The valid result nearest to ``level``: fewest abilities short, then highest levels."""
    return min(
        indexes,
        key=lambda i: (
            len(shortfalls(results[i], level)),
            -results[i].lowest_level,
            -sum((results[i].levels or {}).values()),
            i,
        ),
    )


def language(
    tests: Sequence[LanguageTest], application_date: date, main_teer: int | None
) -> LanguageOutcome:
    """Whether one valid result meets the level of the main occupation in all four abilities.

    With no qualifying experience the level is undetermined: a result meeting the
    highest threshold meets it whatever the occupation (met); one below the lowest
    threshold cannot meet it (not met); one in between cannot be judged (null).
    """
    levels = tuple(thresholds(application_date))
    results = tuple(judge_test(test, application_date) for test in tests)
    valid = [i for i, result in enumerate(results) if result.valid]
    required = None if main_teer is None else required_level(main_teer, application_date)

    def outcome(
        met: bool | None, reason: str, needed: int | None, best: int | None
    ) -> LanguageOutcome:
        short = shortfalls(results[best], needed) if best is not None and needed else ()
        return LanguageOutcome(met, reason, required, needed, results, best, short, levels)

    if not results:
        return outcome(None, "language.no_test", required, None)
    if not valid:
        return outcome(False, "language.no_valid_test", required, None)
    highest, lowest = levels[0][0], levels[-1][0]
    needed = required if required is not None else highest
    best = _closest(results, valid, needed)
    if results[best].lowest_level >= needed:
        return outcome(True, "language.meets_clb", needed, best)
    if required is not None:
        return outcome(False, "language.below_clb", needed, best)
    best_low = _closest(results, valid, lowest)
    if results[best_low].lowest_level >= lowest:
        return outcome(None, "language.level_unknown", None, best_low)
    return outcome(False, "language.below_clb", lowest, best_low)
