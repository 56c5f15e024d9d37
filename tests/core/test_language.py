"""Language: result validity, the level required by the main occupation, and the outcome."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from support.engine import parsed_profile
from support.rules import APP

from pycore.common import charts
from pycore.common.dates import years_before
from pycore.common.language_tests import accepted_from, judge_test, last_valid_day, validity_years
from pycore.programs.cec.language import language, required_level, thresholds

DAY = timedelta(days=1)
HIGH, LOW = thresholds(APP)[0], thresholds(APP)[-1]


def at_level(test_id: str, taken: date, level: int, **override: float) -> dict[str, Any]:
    """A result whose every ability sits on the lowest score of ``level`` (or overrides)."""
    chart = charts.chart(test_id, taken)
    scores = {a: chart.lowest_score(a, level) for a in chart.abilities}
    scores.update(override)
    return {"test": test_id, "date": taken.isoformat(), **scores}


def outcome(tests: list[dict[str, Any]], teer: int | None, app: date = APP) -> Any:
    return language(parsed_profile(tests=tests, app=app).language_tests, app, teer)


def test_levels_by_teer_come_from_data() -> None:
    """Each TEER in a threshold's list requires that threshold's level."""
    for level, teers in thresholds(APP):
        for teer in teers:
            assert required_level(teer, APP) == level
    with pytest.raises(LookupError):
        required_level(max(t for _, ts in thresholds(APP) for t in ts) + 1, APP)


def test_result_exactly_at_required_level_meets() -> None:
    """Every ability at the required level's lowest score meets the requirement."""
    level, (teer, *_) = HIGH
    result = outcome([at_level("ielts_general", APP - 30 * DAY, level)], teer)
    assert result.met is True and result.reason == "language.meets_clb"
    assert result.required_level == level


def test_one_ability_one_step_below_fails_with_score_needed() -> None:
    """One ability a step under the level fails, naming that ability and the score needed."""
    level, (teer, *_) = HIGH
    taken = APP - 30 * DAY
    chart = charts.chart("celpip_general", taken)
    needed = chart.lowest_score("writing", level)
    test = at_level("celpip_general", taken, level, writing=needed - chart.scale["writing"].step)
    result = outcome([test], teer)
    assert result.met is False and result.reason == "language.below_clb"
    assert [(s.ability, s.score_needed) for s in result.shortfalls] == [("writing", needed)]


def test_lower_teer_group_needs_only_the_lower_level() -> None:
    """A TEER 2/3 main occupation is met by the lower level."""
    level, (teer, *_) = LOW
    assert outcome([at_level("tef_canada", APP - DAY, level)], teer).met is True


def test_any_one_test_meeting_all_four_suffices() -> None:
    """An English test below and a French test at the level: the French one meets it."""
    level, (teer, *_) = HIGH
    tests = [
        at_level("ielts_general", APP - DAY, level - 1),
        at_level("tcf_canada", APP - DAY, level),
    ]
    result = outcome(tests, teer)
    assert result.met is True and result.best == 1


def test_no_test_is_unknown() -> None:
    """With no result entered the requirement cannot be judged."""
    result = outcome([], 1)
    assert result.met is None and result.reason == "language.no_test"


def test_only_invalid_tests_fail() -> None:
    """Results entered but none valid on the date: not met."""
    level, (teer, *_) = HIGH
    result = outcome([at_level("celpip_general", APP + DAY, level)], teer)
    assert result.met is False and result.reason == "language.no_valid_test"


def test_validity_boundary_is_the_anniversary() -> None:
    """A result taken the same day validity_years earlier is expired; one day later it is valid."""
    years = validity_years(APP)
    anniversary = years_before(APP, years)
    expired = judge_test(
        parsed_profile(tests=[at_level("celpip_general", anniversary, 7)]).language_tests[0], APP
    )
    fresh = judge_test(
        parsed_profile(tests=[at_level("celpip_general", anniversary + DAY, 7)]).language_tests[0],
        APP,
    )
    assert (expired.valid, expired.invalid_because) == (False, "test.expired")
    assert fresh.valid and fresh.valid_until == APP  # valid through the application date


def test_last_valid_day_agrees_with_validity_check() -> None:
    """For every test date over four years, valid exactly through last_valid_day."""
    start = date(2023, 1, 1)
    for offset in range(0, 4 * 366, 7):
        taken = start + timedelta(days=offset)
        until = last_valid_day(taken, APP)
        test = parsed_profile(
            tests=[at_level("celpip_general", taken, 7)], app=until
        ).language_tests[0]
        assert judge_test(test, until).valid
        assert judge_test(test, until + DAY).invalid_because == "test.expired"


def test_result_of_29_february_valid_through_28_february() -> None:
    """A result of 29 February stays valid through 28 February validity_years later."""
    taken = date(2024, 2, 29)
    assert last_valid_day(taken, APP) == date(2024 + validity_years(APP), 2, 28)


def test_test_after_application_date_is_invalid() -> None:
    """A test taken after the application date does not count yet; on it, it does."""
    test = parsed_profile(tests=[at_level("celpip_general", APP, 7)]).language_tests[0]
    assert judge_test(test, APP).valid
    assert judge_test(test, APP - DAY).invalid_because == "test.after_application"


def test_test_before_acceptance_is_invalid() -> None:
    """A PTE Core test taken the day before its acceptance date is not valid; on it, it is."""
    first = accepted_from("pte_core")
    assert first is not None
    app = first + 30 * DAY
    early = {
        "test": "pte_core",
        "date": (first - DAY).isoformat(),
        **dict.fromkeys(charts.ABILITIES, 90),
    }
    on_day = at_level("pte_core", first, 9)
    results = parsed_profile(tests=[early, on_day], app=app).language_tests
    assert judge_test(results[0], app).invalid_because == "test.not_yet_accepted"
    assert judge_test(results[1], app).valid


def test_no_experience_between_thresholds_is_unknown() -> None:
    """With no main occupation, a result between the two thresholds cannot be judged."""
    result = outcome([at_level("ielts_general", APP - DAY, LOW[0])], None)
    assert result.met is None and result.reason == "language.level_unknown"


def test_no_experience_above_highest_threshold_meets() -> None:
    """With no main occupation, a result at the highest threshold meets any occupation's level."""
    assert outcome([at_level("ielts_general", APP - DAY, HIGH[0])], None).met is True


def test_no_experience_below_lowest_threshold_fails() -> None:
    """With no main occupation, a result below the lowest threshold meets none."""
    result = outcome([at_level("ielts_general", APP - DAY, LOW[0] - 1)], None)
    assert result.met is False and result.level_needed == LOW[0]


def test_old_result_from_before_acceptance_reads_as_expired() -> None:
    """A result both too old and from before the test's acceptance is reported as expired."""
    first = accepted_from("pte_core")
    assert first is not None
    taken = first - DAY
    app = taken + timedelta(days=366 * validity_years(taken) + 1)
    early = {"test": "pte_core", "date": taken.isoformat(), **dict.fromkeys(charts.ABILITIES, 90)}
    result = judge_test(parsed_profile(tests=[early], app=app).language_tests[0], app)
    assert result.invalid_because == "test.expired" and result.valid_until is not None
