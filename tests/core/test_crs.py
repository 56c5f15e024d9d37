"""The CRS estimate (pycore/crs/estimate.py, crs/profile.py): grid data, scoring rules, levers."""

from __future__ import annotations

import itertools
import json
from datetime import date, timedelta
from typing import Any

import pytest
from support.contract import job
from support.rules import APP

from pycore.api import check_json
from pycore.common.dates import years_before
from pycore.common.parameters import load, parameter
from pycore.crs import estimate as crs

TEST_DAY = date(2026, 6, 1)
ABILITIES = ("reading", "writing", "listening", "speaking")


def celpip(level: int | list[int], day: date = TEST_DAY) -> dict[str, Any]:
    """A CELPIP-General result (score = CLB level from 4 to 10)."""
    levels = level if isinstance(level, list) else [level] * 4
    scores = dict(zip(ABILITIES, levels, strict=True))
    return {"test": "celpip_general", "date": day.isoformat(), **scores}


def crs_object(**changes: Any) -> dict[str, Any]:
    """A complete crs object that scores nothing (age 50, no education, no extras)."""
    base: dict[str, Any] = {
        "date_of_birth": years_before(APP, 50).isoformat(),
        "education": "none",
        "canadian_education": "none",
        "foreign_work_years": 0,
        "canadian_work_years": 0,
        "certificate_of_qualification": False,
        "provincial_nomination": False,
        "sibling_in_canada": False,
        "spouse": None,
    }
    return {**base, **changes}


def check(
    crs_fields: dict[str, Any] | None = None,
    tests: list[dict[str, Any]] | None = None,
    jobs: list[dict[str, Any]] | None = None,
    app: date = APP,
) -> dict[str, Any]:
    """The assessment of a profile with these CRS fields, tests and jobs."""
    profile: dict[str, Any] = {
        "application_date": app.isoformat(),
        "plans_to_live_in_quebec": False,
        "jobs": jobs or [],
        "language_tests": tests or [],
    }
    if crs_fields is not None:
        profile["crs"] = crs_fields
    result: dict[str, Any] = json.loads(check_json(json.dumps(profile)))
    return result


def factor(result: dict[str, Any], factor_id: str) -> dict[str, Any]:
    """One factor of the assessment's crs by id."""
    found: dict[str, Any] = next(f for f in result["crs"]["factors"] if f["id"] == factor_id)
    return found


def test_summary_maxima_agree_with_the_grid_rows() -> None:
    """The guide's summary of maxima equals the most each structured table gives."""
    rows = {row["group"]: row for row in load("crs")["summary"]}
    for column, key in ((0, "with_spouse"), (1, "without_spouse")):
        assert rows["Age"][key] == crs.table("age").most(column)
        assert rows["Level of education"][key] == crs.table("education").most(column)
        languages = (
            4 * crs.table("first_language").most(column) + crs.table("second_language").cap[column]
        )
        assert rows["Official languages"][key] == languages
        assert rows["Canadian work experience"][key] == crs.table("canadian_work").most(column)
    spouse = sum(
        (4 if crs.table(f).per_ability else 1) * crs.table(f).most(0)
        for f in ("spouse_education", "spouse_language", "spouse_canadian_work")
    )
    assert rows["Spouse or partner factors"]["with_spouse"] == spouse


def test_every_grid_row_is_reachable_and_rows_do_not_overlap() -> None:
    """Each numeric table's rows cover 0 to 120 once each, so every figure has one row."""
    for factor_id in (
        "age",
        "first_language",
        "second_language",
        "canadian_work",
        "spouse_language",
        "spouse_canadian_work",
    ):
        grid = crs.table(factor_id)
        for value in range(0, 121):
            holding = [r for r in grid.rows if r.get("min", value) <= value <= r.get("max", value)]
            assert len(holding) == 1, (factor_id, value)


def test_education_values_come_from_the_grid_rows() -> None:
    """The accepted education values are the rows' values, each in exactly one row."""
    levels = crs.education_levels()
    assert levels[0] == "none" and levels[-1] == "doctoral" and len(set(levels)) == len(levels)
    for grid in crs.tables("transferability_education"):
        assert sorted(v for row in grid.rows for v in row["values"]) == sorted(levels)


def test_without_crs_object_the_crs_is_null_and_nothing_else_changes() -> None:
    """A profile without ``crs`` gets ``crs: null``; adding one changes only ``crs`` and what
    FSW and FST read from it (``programs``, and the categories' ``programs_met``), and the
    ``summary`` that restates them."""
    tests = [celpip(9)]
    jobs = [job(APP - timedelta(days=400), None)]
    plain, scored = check(None, tests, jobs), check(crs_object(), tests, jobs)
    assert plain["crs"] is None and scored["crs"] is not None
    assert plain["programs"][0] == scored["programs"][0]  # the CEC's own verdict
    for key in ("crs", "programs", "categories", "summary"):
        plain.pop(key), scored.pop(key)
    assert plain == scored


def test_age_counts_completed_years_and_leap_day_birthdays() -> None:
    """Age rises on the birthday, not the day before; 29 February births turn on 28 February."""
    born = date(2000, 2, 29)
    assert crs.age_on(born, date(2026, 2, 27)) == 25
    assert crs.age_on(born, date(2026, 2, 28)) == 26
    assert crs.age_on(date(1997, 3, 10), date(2027, 3, 9)) == 29
    assert crs.age_on(date(1997, 3, 10), date(2027, 3, 10)) == 30


def test_canadian_years_count_whole_years_of_1560_hours() -> None:
    """Hours one day short of a year give 0 years; the full year gives 1, its points."""
    required = parameter("work_experience", "hours_required").value_at(APP)
    days = required * 7 // 30
    fields = crs_object(canadian_work_years=None)
    full = check(fields, jobs=[job(APP - timedelta(days=days), APP - timedelta(days=1), 30)])
    short = check(fields, jobs=[job(APP - timedelta(days=days - 1), APP - timedelta(days=1), 30)])
    assert factor(full, "canadian_work")["facts"]["years"] == 1
    assert factor(short, "canadian_work")["facts"]["years"] == 0
    assert factor(full, "canadian_work")["points"] == crs.table("canadian_work").points(1, 1)


def test_canadian_years_use_the_ten_year_window_and_name_the_jobs() -> None:
    """Work inside ten years counts (three would not); facts list each job's hours."""
    window = parameter("crs", "canadian_work_window_years").value_at(APP)
    start = years_before(APP, window)
    old = job(start, start + timedelta(days=363))
    result = check(crs_object(canadian_work_years=None), jobs=[old])
    facts = factor(result, "canadian_work")["facts"]
    assert facts["years"] == 1 and facts["window_start"] == start.isoformat()
    assert facts["jobs"] == [{"job": 0, "counted_hours": 1560, "excluded_because": None}]
    assert result["qualifying_hours"] == 0  # the CEC's own three-year window holds none of it


def test_entered_canadian_years_override_the_jobs() -> None:
    """``canadian_work_years`` replaces the count from jobs."""
    jobs = [job(APP - timedelta(days=800), None)]
    result = check(crs_object(canadian_work_years=4), jobs=jobs)
    facts = factor(result, "canadian_work")["facts"]
    assert facts["years"] == 4 and facts["counted_from"] == "entered"
    assert factor(result, "canadian_work")["points"] == crs.table("canadian_work").points(4, 1)


def test_first_language_is_the_order_with_the_higher_total() -> None:
    """The French test is first when it scores more, whichever order the tests come in."""
    french = {
        "test": "tef_canada",
        "date": TEST_DAY.isoformat(),
        "reading": 546,
        "writing": 558,
        "listening": 546,
        "speaking": 556,
    }
    one = check(crs_object(), [celpip(6), french])
    two = check(crs_object(), [french, celpip(6)])
    assert one["crs"]["first_language"] == two["crs"]["first_language"] == "french"
    assert one["crs"]["total"] == two["crs"]["total"]
    assert factor(one, "first_language")["facts"]["test"] == "tef_canada"


def test_second_language_cap_applies_only_with_a_spouse() -> None:
    """CLB 9+ in the second language gives 24 single and the 22 cap with a spouse."""
    french = {
        "test": "tef_canada",
        "date": TEST_DAY.isoformat(),
        "reading": 546,
        "writing": 558,
        "listening": 546,
        "speaking": 556,
    }
    spouse = {"education": "none", "canadian_work_years": 0}
    single = check(crs_object(), [celpip(10), french])
    paired = check(crs_object(spouse=spouse), [celpip(10), french])
    cap = crs.table("second_language").cap
    assert factor(single, "second_language")["points"] == cap[1]
    assert factor(paired, "second_language")["points"] == cap[0] < cap[1]


def test_sections_add_up_and_respect_the_caps() -> None:
    """The total is the sum of the sections; transferability and additional are capped."""
    fields = crs_object(
        education="two_or_more",
        foreign_work_years=3,
        certificate_of_qualification=True,
        provincial_nomination=True,
        sibling_in_canada=True,
        canadian_education="three_year_or_more",
    )
    result = check(fields, [celpip(9)])["crs"]
    day = APP
    assert result["transferability"] == crs.grid_value("max_transferability", day)
    assert result["additional"] == crs.grid_value("max_additional", day)
    parts = (result["core"], result["spouse"], result["transferability"], result["additional"])
    assert result["total"] == sum(parts)
    raw = sum(f["points"] for f in result["factors"] if f["id"].startswith("transferability"))
    assert raw > result["transferability"]


def test_french_points_follow_their_dated_values() -> None:
    """The French points in force on a date come from the dated parameter (25 from 2020-10-20)."""
    weak = parameter("crs", "french_points_weak_english")
    change = weak.values[-1].effective
    assert crs.grid_value("french_points_weak_english", change) == weak.values[-1].value
    before = change - timedelta(days=1)
    assert crs.grid_value("french_points_weak_english", before) == weak.values[-2].value
    first = weak.values[0].effective
    assert crs.grid_value("french_points_weak_english", first - timedelta(days=1)) == 0


def test_arranged_employment_is_flagged_before_its_removal_only() -> None:
    """Before 2025-03-25 the result says arranged employment is not scored; from then, not."""
    removed = parameter("crs", "arranged_employment_points").values[-1].effective
    before = check(crs_object(), app=removed - timedelta(days=1))["crs"]
    on = check(crs_object(), app=removed)["crs"]
    assert before["not_scored"] == ["arranged_employment"] and on["not_scored"] == []
    assert on["grid_effective"] == removed.isoformat()
    assert before["grid_effective"] < removed.isoformat()


def test_missing_inputs_leave_totals_null_and_are_listed() -> None:
    """Without education the education factors and the total are null; the path is listed."""
    result = check(crs_object(education=None))["crs"]
    assert result["missing"] == ["crs.education"]
    assert result["total"] is None and result["core"] is None
    assert factor({"crs": result}, "education")["points"] is None
    assert factor({"crs": result}, "age")["points"] == 0


def test_unknown_spouse_status_leaves_the_spouse_dependent_sums_null() -> None:
    """Without the ``spouse`` key, core, spouse and total are null; additional is still known."""
    fields = crs_object(provincial_nomination=True)
    del fields["spouse"]
    result = check(fields)["crs"]
    assert result["missing"] == ["crs.spouse"]
    assert result["total"] is result["core"] is result["spouse"] is None
    assert result["additional"] == crs.grid_value("provincial_nomination_points", APP)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"education": "phd"}, "crs.education"),
        ({"date_of_birth": (APP + timedelta(days=1)).isoformat()}, "crs.date_of_birth"),
        ({"date_of_birth": years_before(APP, 121).isoformat()}, "crs.date_of_birth"),
        ({"foreign_work_years": -1}, "crs.foreign_work_years"),
        ({"foreign_work_years": 2.5}, "crs.foreign_work_years"),
        (
            {
                "spouse": {
                    "education": "none",
                    "canadian_work_years": 0,
                    "language_test": {**celpip(7), "reading": 13},
                }
            },
            "crs.spouse.language_test.reading",
        ),
    ],
)
def test_bad_crs_values_are_field_errors(change: dict[str, Any], path: str) -> None:
    """Each bad CRS value is reported at its path, never scored."""
    result = check(crs_object(**change))
    assert [error["field"] for error in result["errors"]] == [path]


def test_improvements_deliver_the_total_they_promise() -> None:
    """Applying the top language improvement to the test gives exactly the promised total."""
    fields = crs_object(date_of_birth="1997-03-10", education="bachelors")
    base = check(fields, [celpip([8, 8, 8, 7])])["crs"]
    levers = [i for i in base["improvements"] if i["id"].startswith("english.")]
    assert levers and all(a["gain"] >= b["gain"] for a, b in itertools.pairwise(levers))
    best = levers[0]
    ability = best["id"].split(".")[1]
    scores = celpip([8, 8, 8, 7])
    scores[ability] = int(best["facts"]["score_needed"])
    after = check(fields, [scores])["crs"]
    assert after["total"] == best["total"] == base["total"] + best["gain"]


def test_improvement_for_a_canadian_year_gives_the_projected_date() -> None:
    """The next Canadian year is dated when the ongoing job reaches it, and holds there."""
    fields = crs_object(canadian_work_years=None)
    jobs = [job(APP - timedelta(days=100), None)]
    lever = next(
        i for i in check(fields, jobs=jobs)["crs"]["improvements"] if i["id"] == "canadian_work"
    )
    reached = date.fromisoformat(lever["facts"]["reached_on"])
    assert check(fields, jobs=jobs, app=reached)["crs"]["total"] == lever["total"]
    day_before = check(fields, jobs=jobs, app=reached - timedelta(days=1))["crs"]["total"]
    assert day_before < lever["total"]


def test_lowers_list_the_birthday_that_costs_points() -> None:
    """The next birthday that lowers the age points is listed with the total on that day."""
    fields = crs_object(date_of_birth="1996-12-01")  # 29 on the application date
    lowers = check(fields)["crs"]["lowers"]
    first = lowers[0]
    assert first["id"] == "age" and first["date"] == "2026-12-01"
    on_birthday = check(fields, app=date(2026, 12, 1))["crs"]["total"]
    assert on_birthday == first["total"]


def test_rounds_count_the_recent_cec_cutoffs_cleared() -> None:
    """The comparison counts the last CEC rounds whose cut-off the total reaches."""
    fields = crs_object(provincial_nomination=True)
    result = check(fields)["crs"]
    cec = sorted((r for r in load("draws")["cec"] if r["date"] <= APP), key=lambda r: r["date"])
    recent = cec[-crs.ROUNDS_COMPARED :]
    rounds = result["rounds"]
    assert rounds["compared"] == len(recent)
    assert rounds["cleared"] == sum(1 for r in recent if result["total"] >= r["cutoff"])
    assert rounds["latest_cec"]["cutoff"] == recent[-1]["cutoff"]


def test_every_factor_explains_itself() -> None:
    """Every factor has the contract's id, points, max, one reason and a sentence."""
    result = check(
        crs_object(spouse={"education": "masters", "canadian_work_years": 1}), [celpip(9)]
    )["crs"]
    assert [f["id"] for f in result["factors"]] == list(crs.FACTORS)
    for item in result["factors"]:
        assert item["reasons"][0].startswith("crs.") and item["message"]
        assert isinstance(item["points"], int) and item["points"] <= item["max"]
