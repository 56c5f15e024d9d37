"""The CEC's three requirements as contract entries: id, met, reasons, sentence and figures.

``requirements`` turns the outcomes of ``work_experience``, ``language`` and ``quebec`` (IRPR
87.1) into the ``requirements[]`` entries of the checker contract; ``overall`` is the verdict
they make together (true when every one is met, false when any is not, null when none fails
but some cannot be judged). Figures are exact until here; hours are rounded to one decimal
only for output (``pycore.common.figures``).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from pycore.common import charts, messages
from pycore.common.figures import hours
from pycore.common.language_tests import is_accepted
from pycore.common.parameters import parameter
from pycore.programs.cec.language import LanguageOutcome
from pycore.programs.cec.quebec import QuebecOutcome
from pycore.programs.cec.work_experience import WorkExperience


def requirements(
    work: WorkExperience, speech: LanguageOutcome, intent: QuebecOutcome, day: date
) -> list[dict[str, Any]]:
    """The three requirement entries, in the contract's order."""
    work_facts = _work_facts(work, day)
    language_facts = _language_facts(speech, day)
    language_facts["occupation_hours"] = _occupation_facts(work)
    language_facts.update(_level_basis(work, speech, day))
    quebec_facts = {"plans_to_live_in_quebec": intent.plans_to_live_in_quebec}
    return [
        requirement("work_experience", work.met, work.reason, work_facts),
        requirement("language", speech.met, speech.reason, language_facts),
        requirement("quebec", intent.met, intent.reason, quebec_facts),
    ]


def requirement(name: str, met: bool | None, reason: str, facts: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": name,
        "met": met,
        "reasons": [reason],
        "message": messages.render(reason, facts),
        "facts": facts,
    }


def overall(results: list[bool | None]) -> bool | None:
    if any(met is False for met in results):
        return False
    if all(met is True for met in results):
        return True
    return None


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
        "validity_years": validity_years(day),
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
                f"{item.ability} {score_text(item.score_needed, chart)}"
                for item in speech.shortfalls
                if item.score_needed is not None and chart is not None
            ],
            shortfalls=[
                {"ability": item.ability, "level": item.level, "score_needed": item.score_needed}
                for item in speech.shortfalls
            ],
        )
    return facts


def score_text(score: float, chart: charts.Chart) -> str:
    """A score as the test prints it: IELTS bands keep their decimal (6.0), others are whole."""
    decimals = 1 if any(not float(s.step).is_integer() for s in chart.scale.values()) else 0
    return f"{score:.{decimals}f}"


def validity_years(day: date) -> int:
    return int(parameter("language", "result_validity_years").value_at(day))


def _level_basis(work: WorkExperience, speech: LanguageOutcome, day: date) -> dict[str, Any]:
    """Why this level (87.1(2)(e)) and, when it is not met yet, the scores that reach it."""
    ranked = work.occupation_hours
    tie = (
        len(ranked) > 1
        and ranked[0].hours == ranked[1].hours
        and ranked[0].teer != ranked[1].teer
        and speech.required_level is not None
        and any(
            speech.required_level != level
            for item in ranked[1:]
            if item.hours == ranked[0].hours
            for level, teers in speech.thresholds
            if item.teer in teers
        )
    )
    level = speech.level_needed if speech.level_needed is not None else speech.required_level
    # The target is for someone with no valid result yet; a result below the level already
    # gets the scores to raise in its own table (shortfalls).
    untested = speech.reason in ("language.no_test", "language.no_valid_test")
    targets = _targets(level, day) if untested and level is not None else []
    return {
        "main_occupation": work.main_occupation,
        "main_teer": work.main_teer,
        "level_tie": tie,
        "target_level": level if targets else None,
        "targets": targets,
    }


def _targets(level: int, day: date) -> list[dict[str, Any]]:
    """For each test accepted on ``day``, the lowest score per ability reaching ``level``."""
    found = []
    for test_id in charts.TESTS:
        if not is_accepted(test_id, day):
            continue
        try:
            chart = charts.chart(test_id, day)
        except LookupError:
            continue
        scores = {ability: chart.lowest_score(ability, level) for ability in chart.print_order}
        if any(score is None for score in scores.values()):
            continue
        found.append(
            {
                "test": test_id,
                "name": chart.name,
                "level_name": chart.level_name,
                "level": level,
                "scores": [
                    {
                        "ability": ability,
                        "score": score,
                        "text": score_text(float(score), chart),
                    }
                    for ability, score in scores.items()
                    if score is not None
                ],
            }
        )
    return found
