"""The assessment: every CEC requirement judged on the application date, as contract JSON.

The CEC (``pycore.programs.cec``: ``work_experience``, ``language`` and ``quebec``, IRPR 87.1)
gives the requirements and the verdict, in the shape fixed by the checker contract:
``eligible`` is true when every requirement is met, false when any is not, null when none
fails but some cannot be judged. Each requirement carries its reason codes, a sentence from
the message catalog and the figures used (``facts``); here come the CEC's other fields (jobs,
tests, notices, projection, invitation), the CRS estimate and the category rounds. The
programs in IRCC's order are ``pycore.programs.PROGRAMS``.

Not modelled anywhere: the NOC lead statement and duties, restricted
occupations, admissibility, the physicians' public policy. The CRS estimate is
``pycore.crs.estimate`` (``crs``: null when the profile has no ``crs`` object).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from functools import cache
from typing import Any

from pycore.categories import eligibility as categories
from pycore.common import charts, messages
from pycore.common.dates import ONE_DAY, add_months
from pycore.common.figures import hours
from pycore.common.language_tests import TestResult, accepted_from
from pycore.common.parameters import load, parameter, parameters
from pycore.common.profile import Profile
from pycore.crs.estimate import assess_crs
from pycore.crs.unlocks import name_openings
from pycore.programs import PROGRAMS, cec, entries
from pycore.programs.cec.language import LanguageOutcome, language
from pycore.programs.cec.projection import projected_date
from pycore.programs.cec.quebec import quebec
from pycore.programs.cec.requirements import overall, requirement, validity_years
from pycore.programs.cec.work_experience import (
    Rules,
    WorkByDay,
    WorkExperience,
    window,
    work_experience,
)
from pycore.summary import summary

# The data files the rules read (guide-only files such as crs.toml are not rules).
RULE_FILES: tuple[str, ...] = ("program", "work_experience", "language", "quebec")
REQUIREMENTS: tuple[str, ...] = ("work_experience", "language", "quebec")
# The files whose tables carry ``verified`` dates (a check against the official source).
VERIFIED_FILES: tuple[str, ...] = ("categories", "changes", "crs", "draws")


@cache
def rules_version() -> str:
    """The date of the newest change in the rules data: the latest effective date there is."""
    dates = [value.effective for name in RULE_FILES for p in parameters(name) for value in p.values]
    dates += [version.effective for test in charts.TESTS for version in charts.versions(test)]
    return max(dates).isoformat()


def _verified_dates(value: Any) -> list[date]:
    """Every ``verified`` date in a data file's tables, however deep."""
    if isinstance(value, list):
        return [d for item in value for d in _verified_dates(item)]
    if not isinstance(value, dict):
        return []
    found = [value["verified"]] if isinstance(value.get("verified"), date) else []
    return found + [d for item in value.values() for d in _verified_dates(item)]


@cache
def data_verified() -> dict[str, str]:
    """When the data was last checked against official sources (the newest ``verified`` key
    of the data files) and the last day the rounds file covers (draws.toml ``data_until``):
    what the result's footnote tells the reader about how fresh the figures are."""
    dates = [d for name in VERIFIED_FILES for d in _verified_dates(load(name))]
    return {
        "data_verified": max(dates).isoformat(),
        "rounds_until": load("draws")["data_until"].isoformat(),
    }


def supported_from() -> date:
    """The first application date the engine judges (NOC 2021 TEER categories in force)."""
    first: date = parameter("program", "teer_system_start").values[0].value
    return first


def assess(profile: Profile, today: date | None = None) -> dict[str, Any]:
    """The contract's assessment of ``profile`` as of its application date."""
    day = profile.application_date
    if day < supported_from():
        return _unsupported(profile)
    judged = cec.judge(profile, day)
    work, speech = judged.work, judged.speech
    projected = projected_date(work.basis, day) if work.met is False else None
    notices = _notices(work, speech, day, projected)
    # The CEC's requirements are the assessment's own: its programs[] entry does not repeat them.
    programs = entries(profile, day, {cec.ID: {**judged.entry(), "requirements": []}})
    crs = assess_crs(profile)
    found = categories.categories(profile.jobs, speech.results, day)
    name_openings(crs, found, day)
    result = {
        "eligible": judged.met,
        "as_of": day.isoformat(),
        "rules_version": rules_version(),
        **data_verified(),
        "requirements": judged.requirements,
        "qualifying_hours": hours(work.qualifying_hours, below=work.required_hours),
        "required_clb": speech.required_level,
        "language_tests": [_test_entry(result, day) for result in speech.results],
        "projected_work_experience_date": projected.isoformat() if projected else None,
        "jobs": [
            _job_entry(work, job.teer, index, job.hours_per_week)
            for index, job in enumerate(profile.jobs)
        ],
        "crs": crs,
        "categories": categories.with_programs(found, programs),
        "notices": notices,
        "invitation": _invitation(profile, today),
        "programs": programs,
    }
    result["summary"] = summary(result, day)
    return result


def _test_entry(result: TestResult, day: date) -> dict[str, Any]:
    chart = result.chart
    name = chart.name if chart else str(load(f"charts/{result.test.test}")["name"])
    until = result.valid_until
    first = accepted_from(result.test.test)
    facts = {
        "test_name": name,
        "valid_until": until.isoformat() if until else None,
        "expired_on": (until + ONE_DAY).isoformat() if until else None,
        "validity_years": validity_years(day),
        "accepted_from": first.isoformat() if first else None,
    }
    code = result.invalid_because or "test.valid"
    return {
        "test": result.test.test,
        "name": name,
        "valid": result.valid,
        "clb": result.levels,
        "level_name": chart.level_name if chart else None,
        "invalid_because": result.invalid_because,
        "valid_until": facts["valid_until"],
        "message": messages.render(code, facts),
    }


def _job_entry(work: WorkExperience, teer: int, index: int, per_week: Fraction) -> dict[str, Any]:
    reason = work.job_exclusions[index]
    counted = hours(work.job_hours[index])
    uncapped = work.job_uncapped_hours[index]
    shared = list(work.job_shared_with[index])
    facts = {
        "counted_hours": counted,
        "uncapped_hours": hours(uncapped),
        "hours_per_week": hours(per_week),
        "weekly_hours_cap": hours(work.basis.rules.weekly_cap),
        "shared_with": [other + 1 for other in shared],  # job numbers as the form shows them
        "teer": teer,
        "eligible_teers": sorted(work.basis.rules.eligible_teers),
        "window_start": work.window[0].isoformat(),
        "window_end": work.window[1].isoformat(),
    }
    code = "job.counted"
    if reason is None and work.job_hours[index] < uncapped:
        code = "job.counted_shared" if shared else "job.counted_capped"
    reasons = list(work.job_reasons[index]) if reason else []
    return {
        "counted_hours": counted,
        "excluded_because": reason,
        "excluded_reasons": reasons,
        "uncapped_hours": facts["uncapped_hours"],
        "shared_with": shared,
        "message": messages.render(reason or code, facts),
        "reason_messages": [messages.render(item, facts) for item in reasons],
        "count_reason": None if reason else code,
    }


def _notice(code: str, facts: dict[str, Any]) -> dict[str, Any]:
    return {"code": code, "facts": facts, "message": messages.render(code, facts)}


def _notices(
    work: WorkExperience, speech: LanguageOutcome, day: date, projected: date | None
) -> list[dict[str, Any]]:
    """What touches the result beyond met / not met: a result expiring soon after the work
    requirement is met, and a doubt recorded in the data about a chart that was used."""
    found = []
    ready = day if work.met is True else projected
    months = int(parameter("express_entry", "test_expiry_notice_months").value_at(day))
    response_days = int(parameter("express_entry", "ita_response_days").value_at(day))
    if ready is not None and speech.best is not None:
        best = speech.results[speech.best]
        until = best.valid_until
        if best.valid and until is not None and until < add_months(ready, months):
            chart = best.chart
            code = (
                "notice.test_expires_before_ready" if until < ready else "notice.test_expires_soon"
            )
            if code == "notice.test_expires_soon" and work.met is True:
                # Met already: the date checked is not "the day you meet" the requirement.
                code = "notice.test_expires_soon_met"
            found.append(
                _notice(
                    code,
                    {
                        "test_name": chart.name if chart else best.test.test,
                        "valid_until": until.isoformat(),
                        "ready_date": ready.isoformat(),
                        "work_met_now": work.met is True,
                        "response_days": response_days,
                        "last_submission_if_invited": (ready + ONE_DAY * response_days).isoformat(),
                        "notice_months": months,
                    },
                )
            )
    used = {
        (result.chart.test, result.chart.effective)
        for result in speech.results
        if result.valid and result.chart is not None and result.chart.choice
    }
    for test_id, effective in sorted(used):
        chart = charts.chart(test_id, effective)
        found.append(
            _notice(
                "notice.chart_doubt",
                {"test_name": chart.name, "effective": effective.isoformat(), "test": test_id},
            )
        )
    return found


def _eligible_on(profile: Profile, work: WorkByDay, day: date) -> bool | None:
    """Whether every requirement is met on ``day`` (the invitation window's days)."""
    if day < supported_from():
        return None
    met, main_teer = work.on(day)
    speech = language(profile.language_tests, day, main_teer)
    intent = quebec(profile.plans_to_live_in_quebec, day)
    return overall([met, speech.met, intent.met])


def _eligible_again(profile: Profile, work: WorkByDay, start: date) -> date | None:
    """The first day from ``start`` on which every requirement is met, if the jobs as
    entered get there: the work requirement's projected day, then checked whole (a test
    may have expired by then). None when no such day is in sight."""
    if _eligible_on(profile, work, start) is True:
        return start
    projected = projected_date(work_experience(profile.jobs, start).basis, start)
    if projected is None or _eligible_on(profile, work, projected) is not True:
        return None
    return projected


def _invitation(profile: Profile, today: date | None = None) -> dict[str, Any] | None:
    """The invitation's days: requirements judged on the invitation day and on each day up
    to the submission deadline; the safe window is the run of days from the invitation on
    which they are all met (IRCC checks them at the invitation and when it receives the
    application)."""
    invited = profile.invitation_date
    if invited is None:
        return None
    response_days = int(parameter("express_entry", "ita_response_days").value_at(invited))
    deadline = invited + ONE_DAY * response_days
    work = WorkByDay(profile.jobs)
    met_at_invitation = _eligible_on(profile, work, invited)
    last = None
    if met_at_invitation is True:
        last = invited
        day = invited + ONE_DAY
        while day <= deadline and _eligible_on(profile, work, day) is True:
            last = day
            day += ONE_DAY
    planned = profile.application_date
    # Days already past cannot be submission days: the window starts on the day of the check.
    first = max(invited, today) if today is not None else invited
    if last is not None and first > last:
        last = None
    in_window = last is not None and first <= planned <= last
    again = (
        _eligible_again(profile, work, max(invited, today or invited))
        if met_at_invitation is False
        else None
    )
    if met_at_invitation is None:
        code = "invitation.unknown"
    elif met_at_invitation is False:
        code = "invitation.decline" if again else "invitation.decline_no_date"
    elif last is None:  # met on the invitation day, but every safe day is already past
        code = "invitation.window_past"
    elif last == deadline:
        code = "invitation.window_full"
    else:
        code = "invitation.window_shorter"
    facts = {
        "invitation_date": invited.isoformat(),
        "submission_deadline": deadline.isoformat(),
        "response_days": response_days,
        "window_first": first.isoformat() if last else None,
        "eligible_again": again.isoformat() if again else None,
        "window_last": last.isoformat() if last else None,
        "application_date": planned.isoformat(),
    }
    return {
        "invitation_date": invited.isoformat(),
        "response_days": response_days,
        "submission_deadline": deadline.isoformat(),
        "met_at_invitation": met_at_invitation,
        "met_at_deadline": _eligible_on(profile, work, deadline),
        "safe_window": {"first": first.isoformat(), "last": last.isoformat()} if last else None,
        "eligible_again": again.isoformat() if again else None,
        "decline_references": ["canada_invitations_apply"] if met_at_invitation is False else [],
        "application_date_in_window": in_window,
        "reasons": [code],
        "message": messages.render(code, facts),
    }


def _unsupported(profile: Profile) -> dict[str, Any]:
    """Every requirement null: the application date is before the rules the engine knows."""
    # The window is still reported (with the earliest rules known) so the timeline can draw it.
    first, last = window(profile.application_date, Rules.on(supported_from()))
    facts = {
        "application_date": profile.application_date.isoformat(),
        "supported_from": supported_from().isoformat(),
        "window_start": first.isoformat(),
        "window_end": last.isoformat(),
    }
    reason = "rules.date_not_supported"
    result: dict[str, Any] = {
        "eligible": None,
        "as_of": profile.application_date.isoformat(),
        "rules_version": rules_version(),
        **data_verified(),
        "requirements": [requirement(name, None, reason, facts) for name in REQUIREMENTS],
        "qualifying_hours": 0,  # nothing is counted under rules the engine does not know
        "required_clb": None,
        "language_tests": [
            {
                "test": test.test,
                "name": str(load(f"charts/{test.test}")["name"]),
                "valid": None,
                "clb": None,
                "level_name": None,
                "invalid_because": None,
                "valid_until": None,
                "message": None,
            }
            for test in profile.language_tests
        ],
        "projected_work_experience_date": None,
        "jobs": [
            {"counted_hours": 0, "excluded_because": None, "message": None} for _ in profile.jobs
        ],
        "crs": assess_crs(profile, supported=False),
        "categories": [],
        "notices": [],
        "invitation": _invitation(profile),
        "programs": [
            {"id": name, "met": None, "requirements": [], "missing": []}
            for name in (program.ID for program in PROGRAMS)
        ],
    }
    result["summary"] = summary(result, profile.application_date)
    return result
