"""Assessment: requirements combined into the contract's shape, figures rounded for output only."""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction
from typing import Any

from support.contract import job
from support.engine import parsed_profile
from support.rules import APP, days_to_reach

from pycore.assessment import assess, rules_version, supported_from
from pycore.common import charts
from pycore.common.figures import hours
from pycore.common.parameters import parameters
from pycore.programs.cec.language import thresholds
from pycore.programs.cec.work_experience import Rules

DAY = timedelta(days=1)
RULES = Rules.on(APP)
FULL_DAYS = days_to_reach(RULES.hours_required, RULES.weekly_cap)


def celpip(level: int, taken: Any = None) -> dict[str, Any]:
    """A CELPIP-General result at ``level`` in every ability."""
    day = taken or APP - 30 * DAY
    chart = charts.chart("celpip_general", day)
    return {
        "test": "celpip_general",
        "date": day.isoformat(),
        **{a: chart.lowest_score(a, level) for a in chart.abilities},
    }


def by_id(result: dict[str, Any]) -> dict[str, Any]:
    return {item["id"]: item for item in result["requirements"]}


def test_all_met_is_eligible_with_contract_fields() -> None:
    """Every requirement met gives eligible true and every contract field."""
    result = assess(parsed_profile([job(APP - FULL_DAYS * DAY, None)], [celpip(9)]))
    assert result["eligible"] is True
    assert [r["id"] for r in result["requirements"]] == ["work_experience", "language", "quebec"]
    assert {
        "as_of",
        "rules_version",
        "qualifying_hours",
        "required_clb",
        "language_tests",
        "projected_work_experience_date",
        "jobs",
    } <= set(result)
    assert result["projected_work_experience_date"] is None


def test_any_not_met_is_not_eligible() -> None:
    """One failed requirement makes the person not eligible, even with another unknown."""
    result = assess(parsed_profile([job(APP - FULL_DAYS * DAY, None)], [], quebec=True))
    assert by_id(result)["language"]["met"] is None
    assert result["eligible"] is False


def test_unknown_without_failure_is_null() -> None:
    """No failure but a requirement not judged gives eligible null."""
    result = assess(parsed_profile([job(APP - FULL_DAYS * DAY, None)], []))
    assert result["eligible"] is None


def test_short_work_has_projection_and_shortfall_facts() -> None:
    """Short of the year: not met, hours short in the facts, and a projected date."""
    result = assess(parsed_profile([job(APP - (FULL_DAYS - 1) * DAY, None)], [celpip(9)]))
    work = by_id(result)["work_experience"]
    assert work["met"] is False and work["facts"]["hours_short"] > 0
    assert result["projected_work_experience_date"] == (APP + DAY).isoformat()


def test_required_clb_follows_main_occupation_teer() -> None:
    """The required level is the main occupation's: a TEER 3 job needs the lower level."""
    result = assess(parsed_profile([job(APP - FULL_DAYS * DAY, None, teer=3)], [celpip(5)]))
    assert result["required_clb"] == 5 == by_id(result)["language"]["facts"]["level_needed"]
    assert result["eligible"] is True


def test_language_tests_report_levels_validity_and_last_day() -> None:
    """Each result reports its level per ability, validity and the last valid day."""
    result = assess(parsed_profile([], [celpip(8), celpip(8, APP + DAY)]))
    first, second = result["language_tests"]
    assert first["valid"] is True and set(first["clb"].values()) == {8} and first["valid_until"]
    assert second["valid"] is False and second["invalid_because"] == "test.after_application"


def test_date_before_supported_rules_is_not_judged() -> None:
    """An application date before the TEER rules leaves every requirement null with the reason."""
    early = supported_from() - DAY
    result = assess(
        parsed_profile([job(early - 500 * DAY, None)], [celpip(9, early - DAY)], app=early)
    )
    assert result["eligible"] is None
    assert {tuple(r["reasons"]) for r in result["requirements"]} == {("rules.date_not_supported",)}
    assert result["jobs"][0]["counted_hours"] == 0


def test_every_assessment_carries_the_work_window() -> None:
    """The work requirement reports its window even for a date the rules do not cover."""
    early = supported_from() - DAY
    for day in (early, APP):
        work = assess(parsed_profile([], [], app=day))["requirements"][0]
        assert work["id"] == "work_experience"
        assert work["facts"]["window_end"] == (day - DAY).isoformat()
        start = work["facts"]["window_start"]
        assert start == day.replace(year=day.year - RULES.window_years).isoformat()


def test_hours_round_half_up_and_never_up_to_the_threshold() -> None:
    """Output hours have one decimal; a total just under the requirement never shows as it."""
    assert hours(Fraction(2605, 2)) == 1302.5 and hours(Fraction(13029, 10)) == 1302.9
    assert hours(Fraction(1560)) == 1560 and isinstance(hours(Fraction(1560)), int)
    just_under = RULES.hours_required - Fraction(1, 100)
    assert hours(just_under, below=RULES.hours_required) < RULES.hours_required


def test_rules_version_is_newest_effective_date() -> None:
    """rules_version is the latest effective date among the rule data and charts."""
    newest = max(
        v.effective
        for name in ("work_experience", "language", "quebec", "program")
        for p in parameters(name)
        for v in p.values
    )
    newest = max([newest, *(c.effective for t in charts.TESTS for c in charts.versions(t))])
    assert rules_version() == newest.isoformat()


def test_every_requirement_has_a_message() -> None:
    """Each requirement carries its rendered sentence, each job and test its own."""
    result = assess(parsed_profile([job(APP - 10 * DAY, None, teer=5)], [celpip(3)]))
    assert all(r["message"] for r in result["requirements"])
    assert result["jobs"][0]["excluded_because"] == "job.teer_not_eligible"
    assert result["jobs"][0]["message"] and result["language_tests"][0]["message"]


def test_level_unknown_message_names_both_levels_with_level_name() -> None:
    """With no experience and a result between thresholds, the sentence names both levels."""
    (high, high_teers), (low, low_teers) = thresholds(APP)[0], thresholds(APP)[-1]
    result = assess(parsed_profile([], [celpip(low)]))
    language = by_id(result)["language"]
    assert language["reasons"] == ["language.level_unknown"]
    assert (
        f"CLB {high} in each ability for TEER {' or '.join(map(str, high_teers))}"
        in (language["message"])
    )
    assert f"CLB {low} for TEER {' or '.join(map(str, low_teers))}" in language["message"]


def test_tiny_shortfall_never_reads_as_zero() -> None:
    """A total a few hundredths under the requirement reports a shortfall of at least 0.1."""
    per_week = float(RULES.weekly_cap)
    days = FULL_DAYS - 1
    # One short day at the cap plus a day at just under the missing amount.
    missing = RULES.hours_required - RULES.weekly_cap / 7 * days
    extra_week = float((missing - Fraction(1, 100)) * 7)
    jobs = [
        job(APP - days * DAY, None, per_week),
        job(APP - (days + 1) * DAY, APP - (days + 1) * DAY, extra_week),
    ]
    work = by_id(assess(parsed_profile(jobs, [])))["work_experience"]
    assert work["met"] is False
    assert work["facts"]["qualifying_hours"] < RULES.hours_required
    assert work["facts"]["hours_short"] >= 0.1
