"""Properties of pycore.api.check_json over generated input (hypothesis)."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.rules import rule, years_before

from pycore.api import check_json
from pycore.common.parameters import parameter
from pycore.programs.cec.work_experience import work_experience
from pycore.validation import ProfileError, input_limits, parse_profile

# CEC_PROPERTY_EXAMPLES raises the number of examples for a deeper hunt than the suite's ~10 s.
EXAMPLES = int(os.environ.get("CEC_PROPERTY_EXAMPLES", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
FIRST_JUDGED: date = parameter("program", "teer_system_start").values[0].value
FIELDS = ("application_date", "plans_to_live_in_quebec", "jobs", "language_tests")
JOB_FIELDS = (
    "title", "noc_code", "teer", "start", "end", "hours_per_week", "paid", "self_employed",
    "full_time_student", "work_authorized", "in_canada",
)  # fmt: skip
TEST_FIELDS = ("test", "date", "reading", "writing", "listening", "speaking")


def evaluate(profile: Any) -> dict[str, Any]:
    """check_json on ``profile``, parsed."""
    result: dict[str, Any] = json.loads(check_json(json.dumps(profile)))
    return result


def work(result: dict[str, Any]) -> dict[str, Any]:
    """The work-experience requirement of an assessment."""
    return next(r for r in result["requirements"] if r["id"] == "work_experience")


# ------------------------------------------------------------------ strategies

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
dates_text = st.dates(date(1890, 1, 1), date(3100, 1, 1)).map(date.isoformat)
field_values = json_values | dates_text | st.sampled_from(["", "2026-02-30", "celpip_general"])


@st.composite
def near_profiles(draw: st.DrawFn) -> Any:
    """Contract-shaped objects with some fields dropped or replaced by arbitrary values."""
    job = {key: draw(field_values) for key in draw(st.sets(st.sampled_from(JOB_FIELDS)))}
    test = {key: draw(field_values) for key in draw(st.sets(st.sampled_from(TEST_FIELDS)))}
    profile = {key: draw(field_values) for key in draw(st.sets(st.sampled_from(FIELDS)))}
    if draw(st.booleans()):
        profile["jobs"] = [job]
    if draw(st.booleans()):
        profile["language_tests"] = [test]
    return profile


application_dates = st.dates(FIRST_JUDGED, date(2031, 12, 31))
hours = st.one_of(
    st.integers(1, 60), st.decimals("0.5", "80", places=1).map(float), st.just(168)
)  # fmt: skip


@st.composite
def counting_jobs(draw: st.DrawFn, app: date) -> dict[str, Any]:
    """A job whose hours count: eligible TEER, paid, authorized, in Canada, not studying."""
    start = app + timedelta(days=draw(st.integers(-1600, 60)))
    end = None if draw(st.booleans()) else start + timedelta(days=draw(st.integers(0, 1300)))
    teers = rule("work_experience", "eligible_teers", app)
    return {
        "teer": draw(st.sampled_from(teers)),
        "start": start.isoformat(),
        "end": end.isoformat() if end else None,
        "hours_per_week": draw(hours),
        "paid": True,
        "self_employed": False,
        "full_time_student": False,
        "work_authorized": True,
        "in_canada": True,
    }


@st.composite
def any_jobs(draw: st.DrawFn, app: date) -> dict[str, Any]:
    """A valid job that may or may not count."""
    job = draw(counting_jobs(app))
    job["teer"] = draw(st.integers(0, 5))
    for flag, counts in (("paid", True), ("self_employed", False), ("full_time_student", False),
                         ("work_authorized", True), ("in_canada", True)):  # fmt: skip
        job[flag] = draw(st.sampled_from([counts] * 4 + [not counts]))
    return job


@st.composite
def profiles(draw: st.DrawFn) -> dict[str, Any]:
    """A valid profile with up to five jobs and no language test."""
    app = draw(application_dates)
    return {
        "application_date": app.isoformat(),
        "plans_to_live_in_quebec": False,
        "jobs": draw(st.lists(any_jobs(app), max_size=5)),
        "language_tests": [],
    }


# ------------------------------------------------------------------ properties


def assert_assessment_or_errors(output: str) -> None:
    """``output`` is JSON: an assessment, or errors each with a field path and a message."""
    result = json.loads(output)
    assert isinstance(result, dict)
    if "errors" in result:
        assert set(result) == {"errors"} and result["errors"]
        for error in result["errors"]:
            assert isinstance(error["field"], str) and isinstance(error["message"], str)
    else:
        ids = [r["id"] for r in result["requirements"]]
        assert ids == ["work_experience", "language", "quebec"]


@SETTINGS
@given(st.one_of(json_values, near_profiles()))
def test_any_json_value_gives_an_assessment_or_errors(value: Any) -> None:
    """Any JSON value comes back as an assessment or field errors, never an exception."""
    assert_assessment_or_errors(check_json(json.dumps(value)))


@SETTINGS
@given(st.text(max_size=40))
def test_any_text_gives_an_assessment_or_errors(text: str) -> None:
    """Any text, JSON or not, comes back as an assessment or field errors, never an exception."""
    assert_assessment_or_errors(check_json(text))


def days_worked_in_window(profile: dict[str, Any], counted: list[Any]) -> int:
    """Distinct window days on which some job that counted any hours was worked."""
    app = date.fromisoformat(profile["application_date"])
    first = years_before(app, rule("work_experience", "window_years", app))
    days: set[date] = set()
    for job, result in zip(profile["jobs"], counted, strict=True):
        if result["excluded_because"] is not None:
            continue
        start = max(date.fromisoformat(job["start"]), first)
        end = date.fromisoformat(job["end"]) if job["end"] else app - timedelta(days=1)
        end = min(end, app - timedelta(days=1))
        days.update(start + timedelta(days=n) for n in range((end - start).days + 1))
    return len(days)


@SETTINGS
@given(profiles())
def test_counted_hours_never_exceed_the_daily_cap(profile: dict[str, Any]) -> None:
    """Qualifying hours never exceed the weekly cap / 7 on each window day worked."""
    result = evaluate(profile)
    app = date.fromisoformat(profile["application_date"])
    most = Fraction(rule("work_experience", "weekly_hours_cap", app), 7) * days_worked_in_window(
        profile, result["jobs"]
    )
    assert result["qualifying_hours"] <= float(most) + 0.05
    for counted in result["jobs"]:
        assert counted["counted_hours"] >= 0
        if counted["excluded_because"] is not None:
            assert counted["counted_hours"] == 0


@SETTINGS
@given(profiles(), st.data())
def test_adding_a_counting_job_never_lowers_qualifying_hours(
    profile: dict[str, Any], data: st.DataObject
) -> None:
    """One more job that counts never lowers the qualifying hours (nor unmeets the year)."""
    before = evaluate(profile)
    app = date.fromisoformat(profile["application_date"])
    extra = data.draw(counting_jobs(app))
    after = evaluate({**profile, "jobs": [*profile["jobs"], extra]})
    assert after["qualifying_hours"] >= before["qualifying_hours"]
    if work(before)["met"]:
        assert work(after)["met"] is True


@SETTINGS
@given(profiles(), st.data())
def test_the_projected_date_is_the_first_day_the_work_requirement_is_met(
    profile: dict[str, Any], data: st.DataObject
) -> None:
    """Applying on the projected date meets the work requirement; the day before does not."""
    app = date.fromisoformat(profile["application_date"])
    ongoing = {**data.draw(counting_jobs(app)), "end": None}  # so a projection is likely
    profile = {**profile, "jobs": [*profile["jobs"], ongoing]}
    result = evaluate(profile)
    projected = result["projected_work_experience_date"]
    if work(result)["met"] is True or projected is None:
        assert projected is None
        return
    on_day = evaluate({**profile, "application_date": projected})
    assert work(on_day)["met"] is True
    day_before = (date.fromisoformat(projected) - timedelta(days=1)).isoformat()
    assert work(evaluate({**profile, "application_date": day_before}))["met"] is False


# Any float a person or an attacker could type, the vanishingly small and the over-precise.
typed_hours = st.one_of(
    st.floats(min_value=0, max_value=170, allow_nan=False),
    st.floats(min_value=1e-300, max_value=0.1),
    st.decimals("0.001", "168", places=6).map(float),
)


@SETTINGS
@given(application_dates, st.data())
def test_accepted_input_keeps_the_exact_arithmetic_small(app: date, data: st.DataObject) -> None:
    """Whatever hours are typed, an accepted profile counts in parts of an hour no finer than
    1/(7 x 10^decimals), with at most two timeline pieces per job, each job's hours over a
    denominator bounded by those pieces (so any accepted input is small work)."""
    limits = input_limits()
    jobs = data.draw(st.lists(counting_jobs(app), min_size=1, max_size=8))
    typed = [data.draw(typed_hours) for _ in jobs]
    profile = {
        "application_date": app.isoformat(),
        "plans_to_live_in_quebec": False,
        "jobs": [{**job, "hours_per_week": hours} for job, hours in zip(jobs, typed, strict=True)],
    }
    try:
        parsed = parse_profile(profile)
    except ProfileError as error:
        assert {e["code"] for e in error.errors} == {"input.hours_range"}
        return
    for job, hours in zip(parsed.jobs, typed, strict=True):
        assert abs(job.hours_per_week - Fraction(repr(hours))) <= limits.hours_step / 2
    result = work_experience(parsed.jobs, app)
    basis = result.basis
    assert (7 * 10**limits.hours_per_week_decimals) % basis.unit.denominator == 0
    pieces = len(basis.timeline.starts)
    assert pieces <= 2 * len(parsed.jobs)
    largest_load = max([1, *basis.timeline.raw])
    for hours in result.job_hours:
        assert hours.denominator <= basis.unit.denominator * largest_load**pieces
