"""Category-based selection: the dated lists, and what a person's jobs open on a date."""

from __future__ import annotations

import json
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

import pytest
from support.contract import job
from support.rules import APP, CAP, exact_days_for, rule

from pycore.api import check_json
from pycore.categories import eligibility as categories
from pycore.common import noc
from pycore.common.parameters import load, source


def required_days(day: date, per_week: Fraction = Fraction(CAP)) -> int:
    """Days of work at ``per_week`` that make the months required on ``day`` (from the data)."""
    months = rule("categories", "experience_months", day)
    return exact_days_for(months * rule("categories", "hours_per_month", day), per_week)


def coded_job(code: str, start: date, end: date | None, **facts: Any) -> dict[str, Any]:
    """A job in NOC ``code`` (its TEER) at the weekly cap that counts unless ``facts`` say."""
    return job(start, end, float(CAP), noc.teer(code), noc_code=code, **facts)


def judged(jobs: list[dict[str, Any]], day: date = APP) -> dict[str, dict[str, Any]]:
    """The assessment's categories on ``day``, keyed by id."""
    profile = {"application_date": day.isoformat(), "plans_to_live_in_quebec": False,
               "jobs": jobs, "language_tests": []}  # fmt: skip
    return {
        entry["id"]: entry for entry in json.loads(check_json(json.dumps(profile)))["categories"]
    }


def test_every_category_code_is_a_noc_2021_unit_group() -> None:
    """Each code of each list exists in the NOC table, once per category."""
    for category in categories.all_categories():
        assert set(category.codes) <= noc.unit_groups(), (category.list_id, category.id)
        assert len(set(category.codes)) == len(category.codes)


def test_lists_and_categories_are_dated_and_cited() -> None:
    """Each list has its announcement and effective date; every reference is a known source."""
    for item in categories.lists():
        assert isinstance(item["announced"], date) and isinstance(item["effective"], date)
        for ref in item["references"]:
            source(ref)
    for category in categories.all_categories():
        assert category.references
        for ref in category.references:
            source(ref)


def test_lists_follow_each_other_by_date() -> None:
    """On each list's effective date its categories are in force; the day before, the previous."""
    ordered = categories.lists()
    for before, after in zip(ordered, ordered[1:], strict=False):
        day = after["effective"]
        assert {c.list_id for c in categories.in_force(day)} == {after["id"]}
        assert {c.list_id for c in categories.in_force(day - timedelta(days=1))} == {before["id"]}
    assert categories.in_force(ordered[0]["effective"] - timedelta(days=1)) == []


def test_physicians_category_from_its_announcement_and_agriculture_retired_in_2026() -> None:
    """Physicians (31100-31102) is in force from 2025-12-08; agriculture is not in the 2026 list."""
    physicians = [c for c in categories.all_categories() if c.id == "physicians"]
    assert min(c.starts for c in physicians) == date(2025, 12, 8)
    assert all(c.codes == ("31100", "31101", "31102") and c.canadian_experience for c in physicians)
    in_2026 = {c.id for c in categories.in_force(date(2026, 2, 18))}
    assert "agriculture" not in in_2026 and {"french", "physicians", "transport"} <= in_2026
    agriculture = next(c for c in load("categories")["y2026"]["categories"] if "Agri" in c["name"])
    assert agriculture["status"] == "Not a 2026 category"
    assert "ircc_category_page" not in agriculture["references"]  # the page itself was not read
    statuses = {c["name"]: c["status"] for c in load("categories")["y2026"]["categories"]}
    assert statuses["STEM"] == statuses["Education"] == "Continuing"  # on IRCC's category page


def test_a_cook_is_in_no_2026_trades_list_and_a_butcher_is() -> None:
    """The 2026 trades list drops cooks (63200) and adds butchers (63201); 2025 kept cooks."""
    trades = {c.list_id: c for c in categories.all_categories() if c.id == "trades"}
    assert "63200" not in trades["2026"].codes and "63201" in trades["2026"].codes
    assert set(trades["2026"].codes) == set(trades["2025"].codes) - {"63200"} | {"63201"}
    assert "63200" in trades["2025"].codes and trades["2026"].complete


def test_canadian_experience_categories_ignore_work_abroad() -> None:
    """Work abroad counts for transport but not for physicians, who need Canadian work."""
    days = required_days(APP)
    start = APP - timedelta(days=days)
    abroad = {"in_canada": False, "work_authorized": False}
    assert judged([coded_job("72600", start, None, **abroad)])["transport"]["met"] is True
    physician = judged([coded_job("31102", start, None, **abroad)])["physicians"]
    assert physician["met"] is False and physician["facts"]["months"] == 0
    assert judged([coded_job("31102", start, None)])["physicians"]["met"] is True


def test_concurrent_jobs_in_one_code_count_at_most_full_time() -> None:
    """Two overlapping jobs in the same code count no more than the weekly cap together."""
    days = required_days(APP)
    start = APP - timedelta(days=days - 1)  # one day short at full time
    both = [coded_job("72600", start, None), coded_job("72600", start, None)]
    result = judged(both)["transport"]
    assert result["met"] is False and result["facts"]["months_short"] > 0


def test_unmatched_jobs_on_an_incomplete_list_leave_the_category_unjudged() -> None:
    """Not finding a code on a list recorded as incomplete is 'not known', never 'not met'."""
    incomplete = next(
        c for c in categories.in_force(APP) if c.kind == "occupation" and not c.complete
    )
    complete = next(c for c in categories.in_force(APP) if c.kind == "occupation" and c.complete)
    outside = next(code for code in sorted(noc.unit_groups())
                   if code not in incomplete.codes and code not in complete.codes)  # fmt: skip
    result = judged([coded_job(outside, APP - timedelta(days=400), None)])
    assert result[incomplete.id]["met"] is None
    assert result[incomplete.id]["reasons"] == ["category.list_incomplete"]
    assert result[complete.id]["met"] is False
    assert result[complete.id]["reasons"] == ["category.no_listed_occupation"]


def test_qualifying_on_an_incomplete_list_says_the_list_is_unconfirmed() -> None:
    """A listed code qualifies, with a second reason that the recorded list is not complete."""
    incomplete = next(
        c for c in categories.in_force(APP) if c.kind == "occupation" and not c.complete and c.codes
    )
    result = judged(
        [coded_job(incomplete.codes[0], APP - timedelta(days=required_days(APP)), None)]
    )
    assert result[incomplete.id]["reasons"] == ["category.qualifies", "category.list_unconfirmed"]


def test_a_job_without_a_code_cannot_be_matched() -> None:
    """Without a NOC code the checker cannot say whether a job is in a category."""
    bare = coded_job("72600", APP - timedelta(days=400), None)
    del bare["noc_code"]
    assert judged([bare])["transport"]["reasons"] == ["category.jobs_without_code"]


@pytest.mark.parametrize("ended", [True, False])
def test_projection_only_for_ongoing_work(ended: bool) -> None:
    """The date the months would be reached is given only when a job in the code goes on."""
    start = APP - timedelta(days=required_days(APP) // 2)
    end = APP - timedelta(days=1) if ended else None
    facts = judged([coded_job("72600", start, end)])["transport"]["facts"]
    assert (facts["projected_date"] is None) is ended
    if not ended:
        expected = start + timedelta(days=required_days(APP))
        assert facts["projected_date"] == expected.isoformat()


def test_projection_is_the_first_day_that_qualifies_when_old_work_leaves_the_window() -> None:
    """With old work sliding out of the window, the projected date is still the first day the
    months are met, checked day by day."""
    from pycore.validation import parse_profile

    days = required_days(APP)
    old_start = APP - timedelta(days=3 * 365 - 30)
    jobs = [
        coded_job("72600", old_start, old_start + timedelta(days=days // 2)),
        coded_job("72600", APP - timedelta(days=days // 3), None, hours_per_week=float(CAP) / 2),
    ]
    facts = judged(jobs)["transport"]["facts"]
    category = next(c for c in categories.in_force(APP) if c.id == "transport")
    rule = categories.ExperienceRule.on(APP, category)
    profile = parse_profile(
        {
            "application_date": APP.isoformat(),
            "plans_to_live_in_quebec": False,
            "jobs": jobs,
            "language_tests": [],
        }  # fmt: skip
    )
    day = APP
    while categories.code_experience(profile.jobs, "72600", day, rule, False).hours < (
        rule.required_hours
    ):
        day += timedelta(days=1)
    assert facts["projected_date"] == day.isoformat()
