"""Work experience: window, exclusions, daily accrual, the weekly cap and the main occupation."""

from __future__ import annotations

import random
from datetime import timedelta
from fractions import Fraction

import pytest
from support.contract import job
from support.engine import naive_hours, parsed_profile, random_jobs
from support.rules import APP, days_to_reach

from pycore.common.dates import years_before
from pycore.programs.cec.work_experience import Rules, window, work_experience

RULES = Rules.on(APP)
DAY = timedelta(days=1)
FIRST, LAST = window(APP, RULES)


def test_window_runs_from_same_day_years_before_to_day_before() -> None:
    """The window starts on the same calendar day window_years earlier and ends the day before."""
    first, last = window(APP, RULES)
    assert first == APP.replace(year=APP.year - RULES.window_years)
    assert last == APP - DAY


def test_window_from_29_february_starts_28_february() -> None:
    """An application on 29 February opens the window on 28 February, that day not existing."""
    leap = APP.replace(year=2028, month=2, day=29)
    first, _ = window(leap, Rules.on(leap))
    assert (first.month, first.day) == (2, 28)


def test_exactly_required_hours_at_the_cap_meet_the_year() -> None:
    """Working at the weekly cap for exactly the days that make the required hours meets it."""
    days = days_to_reach(RULES.hours_required, RULES.weekly_cap)
    result = work_experience(
        parsed_profile([job(APP - days * DAY, None, float(RULES.weekly_cap))]).jobs, APP
    )
    assert result.qualifying_hours >= RULES.hours_required
    assert result.met is True and result.reason == "work.meets_year"


def test_one_day_fewer_is_short() -> None:
    """One day fewer at the cap falls short of the required hours."""
    days = days_to_reach(RULES.hours_required, RULES.weekly_cap) - 1
    result = work_experience(
        parsed_profile([job(APP - days * DAY, None, float(RULES.weekly_cap))]).jobs, APP
    )
    assert result.qualifying_hours < RULES.hours_required
    assert result.met is False and result.reason == "work.short_of_year"


def test_hours_above_the_cap_do_not_count_across_jobs() -> None:
    """Two full-time jobs at once count no more than the weekly cap a day, shared by hours."""
    start = APP - 70 * DAY
    jobs = parsed_profile([job(start, None, 40), job(start, None, 20)]).jobs
    result = work_experience(jobs, APP)
    assert result.qualifying_hours == RULES.weekly_cap / 7 * 70
    assert result.job_hours[0] == 2 * result.job_hours[1]
    assert sum(result.job_hours) == result.qualifying_hours


def test_work_before_window_is_cut_and_fully_outside_is_excluded() -> None:
    """Only days inside the window count; a job wholly before it is left out as outside_window."""
    before = FIRST - 10 * DAY
    jobs = parsed_profile(
        [job(before, FIRST + 6 * DAY, 7), job(before - 100 * DAY, FIRST - DAY, 7)]
    ).jobs
    result = work_experience(jobs, APP)
    assert result.job_hours[0] == 7  # 7 days inside the window at 1 h a day
    assert result.job_exclusions == (None, "job.outside_window")


def test_job_starting_on_application_date_is_outside_window() -> None:
    """Work from the application date on is not yet experience."""
    result = work_experience(parsed_profile([job(APP, None)]).jobs, APP)
    assert result.job_exclusions == ("job.outside_window",) and result.qualifying_hours == 0


@pytest.mark.parametrize(
    ("facts", "code"),
    [
        ({"teer": 4}, "job.teer_not_eligible"),
        ({"paid": False}, "job.unpaid"),
        ({"self_employed": True}, "job.self_employed"),
        ({"full_time_student": True}, "job.full_time_student"),
        ({"work_authorized": False}, "job.not_authorized"),
        ({"in_canada": False}, "job.outside_canada"),
    ],
)
def test_each_excluding_fact_has_its_reason(facts: dict[str, object], code: str) -> None:
    """A job with an excluding fact counts nothing and says why."""
    result = work_experience(parsed_profile([job(FIRST, None, **facts)]).jobs, APP)
    assert result.job_exclusions == (code,) and result.job_hours == (0,)
    assert result.met is False


def test_every_eligible_teer_counts_and_the_next_does_not() -> None:
    """Each eligible TEER counts; the first TEER above them does not."""
    for teer in sorted(RULES.eligible_teers):
        assert work_experience(
            parsed_profile([job(FIRST, None, teer=teer)]).jobs, APP
        ).job_exclusions == (None,)
    above = max(RULES.eligible_teers) + 1
    result = work_experience(parsed_profile([job(FIRST, None, teer=above)]).jobs, APP)
    assert result.job_exclusions == ("job.teer_not_eligible",)


def test_no_jobs_cannot_be_judged() -> None:
    """With no job entered the requirement is unknown, not failed."""
    result = work_experience((), APP)
    assert result.met is None and result.reason == "work.no_jobs" and result.main_teer is None


def test_main_occupation_by_noc_code_then_teer() -> None:
    """The occupation with the most hours is found by NOC code, jobs without one by TEER."""
    jobs = parsed_profile(
        [
            job(FIRST, FIRST + 99 * DAY, 20, teer=2, noc_code="22222"),
            job(FIRST + 100 * DAY, FIRST + 199 * DAY, 20, teer=2, noc_code="22222"),
            job(FIRST, FIRST + 119 * DAY, 30, teer=1),
        ]
    ).jobs
    result = work_experience(jobs, APP)
    assert result.main_occupation == "22222" and result.main_teer == 2


def test_each_occupation_counts_its_own_hours_whatever_other_jobs_run_at_the_same_time() -> None:
    """Concurrent work in another occupation never lowers an occupation's own hours."""
    cap = int(RULES.weekly_cap)
    over = cap + 5
    alone = work_experience(parsed_profile([job(FIRST, FIRST + 99 * DAY, over, teer=1)]).jobs, APP)
    both = work_experience(
        parsed_profile(
            [
                job(FIRST, FIRST + 99 * DAY, over, teer=1),
                job(FIRST, FIRST + 99 * DAY, cap, teer=3),
            ]
        ).jobs,
        APP,
    )
    capped = 100 * RULES.weekly_cap / 7
    assert alone.occupation_hours[0].hours == capped
    assert [(o.teer, o.hours) for o in both.occupation_hours] == [(1, capped), (3, capped)]
    assert both.qualifying_hours == capped  # the combined cap still holds for the total
    assert both.main_teer == 1  # the tie goes to the lower TEER


def test_occupation_hours_one_day_apart_decide_the_main_occupation() -> None:
    """One more day in the TEER 3 occupation than in the TEER 1 one makes TEER 3 the main one."""
    cap = int(RULES.weekly_cap)
    jobs = [
        job(FIRST, FIRST + 99 * DAY, cap + 5, teer=1),
        job(FIRST, FIRST + 100 * DAY, cap, teer=3),
    ]
    assert work_experience(parsed_profile(jobs).jobs, APP).main_teer == 3


def test_main_occupation_tie_takes_the_lower_teer() -> None:
    """On an exact tie the occupation with the lower TEER (higher language level) is taken."""
    jobs = parsed_profile(
        [job(FIRST, FIRST + 99 * DAY, 10, teer=3), job(FIRST, FIRST + 99 * DAY, 10, teer=0)]
    ).jobs
    assert work_experience(jobs, APP).main_teer == 0


def test_decimal_hours_are_exact() -> None:
    """Decimal weekly hours are taken as written (37.3 is 373/10), not as binary floats."""
    result = work_experience(parsed_profile([job(FIRST, FIRST + 6 * DAY, 7.3)]).jobs, APP)
    assert result.qualifying_hours == Fraction(73, 10)


@pytest.mark.parametrize("seed", range(25))
def test_segments_match_day_by_day_count(seed: int) -> None:
    """Random overlapping jobs: totals and per-job shares equal a day-by-day Fraction count."""
    rng = random.Random(seed)
    app = APP + timedelta(days=rng.randint(-400, 400))
    checked = parsed_profile(random_jobs(rng, app, rng.randint(1, 6)), app=app)
    result = work_experience(checked.jobs, app)
    total, per_job = naive_hours(checked.jobs, app)
    assert result.qualifying_hours == total
    assert list(result.job_hours) == per_job
    assert years_before(app, RULES.window_years) == result.window[0]
