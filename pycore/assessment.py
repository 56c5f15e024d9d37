"""The assessment: every CEC requirement judged on the application date, as contract JSON.

Combines ``work_experience``, ``language`` and ``quebec`` (IRPR 87.1) into the
shape fixed by the checker contract: ``eligible`` is true when every requirement
is met, false when any is not, null when none fails but some cannot be judged.
Figures are exact until here; hours are rounded to one decimal only for output.
Each requirement carries its reason codes, a sentence from the message catalog
and the figures used (``facts``).

Not modelled anywhere: the NOC lead statement and duties, restricted
occupations, admissibility, the physicians' public policy. The CRS estimate is
``pycore.crs`` (``crs``: null when the profile has no ``crs`` object).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from functools import cache
from typing import Any

from pycore import categories, charts, messages
from pycore.crs import assess_crs
from pycore.dates import ONE_DAY
from pycore.language import LanguageOutcome, TestResult, accepted_from, language
from pycore.parameters import load, parameter, parameters
from pycore.profile import Profile
from pycore.projection import projected_date
from pycore.quebec import quebec
from pycore.work_experience import Rules, WorkExperience, window, work_experience

# The data files the rules read (guide-only files such as crs.toml are not rules).
RULE_FILES: tuple[str, ...] = ("program", "work_experience", "language", "quebec")
REQUIREMENTS: tuple[str, ...] = ("work_experience", "language", "quebec")


@cache
def rules_version() -> str:
    """The date of the newest change in the rules data: the latest effective date there is."""
    dates = [value.effective for name in RULE_FILES for p in parameters(name) for value in p.values]
    dates += [version.effective for test in charts.TESTS for version in charts.versions(test)]
    return max(dates).isoformat()


def supported_from() -> date:
    """The first application date the engine judges (NOC 2021 TEER categories in force)."""
    first: date = parameter("program", "teer_system_start").values[0].value
    return first


def hours(value: Fraction, below: Fraction | None = None) -> float | int:
    """Hours for output: one decimal, half up; never rounded up to ``below`` when under it."""
    top, bottom = value.numerator, value.denominator
    tenths = (20 * top + bottom) // (2 * bottom)  # floor(value * 10 + 1/2), in integers
    if below is not None and value < below <= Fraction(tenths, 10):
        tenths = (10 * top) // bottom
    return tenths // 10 if tenths % 10 == 0 else tenths / 10


def assess(profile: Profile) -> dict[str, Any]:
    """The contract's assessment of ``profile`` as of its application date."""
    day = profile.application_date
    if day < supported_from():
        return _unsupported(profile)
    work = work_experience(profile.jobs, day)
    speech = language(profile.language_tests, day, work.main_teer)
    intent = quebec(profile.plans_to_live_in_quebec, day)
    work_facts = _work_facts(work, day)
    language_facts = _language_facts(speech, day)
    language_facts["occupation_hours"] = _occupation_facts(work)
    quebec_facts = {"plans_to_live_in_quebec": profile.plans_to_live_in_quebec}
    requirements = [
        _requirement("work_experience", work.met, work.reason, work_facts),
        _requirement("language", speech.met, speech.reason, language_facts),
        _requirement("quebec", intent.met, intent.reason, quebec_facts),
    ]
    projected = projected_date(work.basis, day) if work.met is False else None
    return {
        "eligible": _overall([item["met"] for item in requirements]),
        "as_of": day.isoformat(),
        "rules_version": rules_version(),
        "requirements": requirements,
        "qualifying_hours": work_facts["qualifying_hours"],
        "required_clb": speech.required_level,
        "language_tests": [_test_entry(result, day) for result in speech.results],
        "projected_work_experience_date": projected.isoformat() if projected else None,
        "jobs": [_job_entry(work, job.teer, index) for index, job in enumerate(profile.jobs)],
        "crs": assess_crs(profile),
        "categories": categories.categories(profile.jobs, speech.results, day),
    }


def _overall(results: list[bool | None]) -> bool | None:
    if any(met is False for met in results):
        return False
    if all(met is True for met in results):
        return True
    return None


def _requirement(name: str, met: bool | None, reason: str, facts: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": name,
        "met": met,
        "reasons": [reason],
        "message": messages.render(reason, facts),
        "facts": facts,
    }


def _tenths_up(value: Fraction) -> float | int:
    """A shortfall rounded up to a tenth, so a real shortfall never reads as 0."""
    tenths = -((-10 * value.numerator) // value.denominator)
    return tenths // 10 if tenths % 10 == 0 else tenths / 10


def _work_facts(work: WorkExperience, day: date) -> dict[str, Any]:
    required = work.required_hours
    short = max(required - work.qualifying_hours, Fraction(0))
    rules = work.basis.rules
    return {
        "qualifying_hours": hours(work.qualifying_hours, below=required),
        "required_hours": hours(required),
        "hours_short": _tenths_up(short),
        "window_start": work.window[0].isoformat(),
        "window_end": work.window[1].isoformat(),
        "window_years": rules.window_years,
        "weekly_hours_cap": hours(rules.weekly_cap),
        "eligible_teers": sorted(rules.eligible_teers),
        "main_occupation": work.main_occupation,
        "main_teer": work.main_teer,
        "application_date": day.isoformat(),
    }


def _occupation_facts(work: WorkExperience) -> list[dict[str, Any]]:
    """Each occupation's own hours (87.1(2)(e)), the one setting the level first."""
    return [
        {"occupation": item.occupation, "teer": item.teer, "hours": hours(item.hours)}
        for item in work.occupation_hours
    ]


def _language_facts(speech: LanguageOutcome, day: date) -> dict[str, Any]:
    (higher_level, higher_teers), (lower_level, lower_teers) = (
        speech.thresholds[0],
        speech.thresholds[-1],
    )
    facts: dict[str, Any] = {
        "required_clb": speech.required_level,
        "level_needed": speech.level_needed,
        "application_date": day.isoformat(),
        "validity_years": _validity_years(day),
        "thresholds": [
            {"level": level, "teers": list(teers)} for level, teers in speech.thresholds
        ],
        "higher_level": higher_level,
        "higher_teers": list(higher_teers),
        "lower_level": lower_level,
        "lower_teers": list(lower_teers),
        "best_test": speech.best,
    }
    if speech.best is not None:
        best = speech.results[speech.best]
        chart = best.chart
        facts.update(
            test_name=chart.name if chart else best.test.test,
            test_date=best.test.date.isoformat(),
            level_name=chart.level_name if chart else "CLB",
            levels=dict(best.levels or {}),
            best_level=best.lowest_level,
            abilities_short=[item.ability for item in speech.shortfalls],
            scores_needed=[
                f"{item.ability} {_score_text(item.score_needed, chart)}"
                for item in speech.shortfalls
                if item.score_needed is not None and chart is not None
            ],
            shortfalls=[
                {"ability": item.ability, "level": item.level, "score_needed": item.score_needed}
                for item in speech.shortfalls
            ],
        )
    return facts


def _score_text(score: float, chart: charts.Chart) -> str:
    """A score as the test prints it: IELTS bands keep their decimal (6.0), others are whole."""
    decimals = 1 if any(not float(s.step).is_integer() for s in chart.scale.values()) else 0
    return f"{score:.{decimals}f}"


def _validity_years(day: date) -> int:
    return int(parameter("language", "result_validity_years").value_at(day))


def _test_entry(result: TestResult, day: date) -> dict[str, Any]:
    chart = result.chart
    name = chart.name if chart else str(load(f"charts/{result.test.test}")["name"])
    until = result.valid_until
    first = accepted_from(result.test.test)
    facts = {
        "test_name": name,
        "valid_until": until.isoformat() if until else None,
        "expired_on": (until + ONE_DAY).isoformat() if until else None,
        "validity_years": _validity_years(day),
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


def _job_entry(work: WorkExperience, teer: int, index: int) -> dict[str, Any]:
    reason = work.job_exclusions[index]
    counted = hours(work.job_hours[index])
    facts = {
        "counted_hours": counted,
        "teer": teer,
        "eligible_teers": sorted(work.basis.rules.eligible_teers),
        "window_start": work.window[0].isoformat(),
        "window_end": work.window[1].isoformat(),
    }
    return {
        "counted_hours": counted,
        "excluded_because": reason,
        "message": messages.render(reason or "job.counted", facts),
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
    return {
        "eligible": None,
        "as_of": profile.application_date.isoformat(),
        "rules_version": rules_version(),
        "requirements": [_requirement(name, None, reason, facts) for name in REQUIREMENTS],
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
    }
