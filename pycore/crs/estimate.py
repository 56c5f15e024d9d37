"""The Comprehensive Ranking System (CRS) estimate: points for each factor, explained.

Ministerial Instructions respecting the Express Entry system, Comprehensive Ranking
System; the grid as canada.ca publishes it ("CRS criteria"):
https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html

Everything is read from ``pycore/data/crs.toml``: each grid row carries its bounds (age,
education levels, CLB bands, years), dated values carry the additional points. The
"with a spouse" columns apply only to an accompanying spouse or partner who is not a
Canadian citizen or permanent resident (the profile then has a ``spouse`` object).

- Age is counted in completed years on the application date (which stands for the day
  of the invitation).
- Language: the best valid English and the best valid French result (by first-language
  points). Which one is the first official language: the order giving the higher CRS
  total (a candidate chooses it; with equal totals, the higher first-language points,
  then English). Transferability reads the first language's weakest ability.
- Canadian work: hours counted under the CEC's job rules (``pycore.programs.cec.work_experience``),
  at most 30 a week across jobs, within the ten years before the date; 1,560 hours make a
  year; only whole years count. ``canadian_work_years`` overrides the count.
- Caps: second language 22 with a spouse (24 without), each transferability group 50,
  transferability 100, additional 600, total 1,200 (all in the data).

Not modelled: arranged-employment points before 2025-03-25 (the profile has no job
offer); the spouse's sibling; whether a nomination or certificate is valid.

Where: the grid in ``crs_grid``, the points per factor in ``crs_score``, what would raise
or lower the total in ``crs_levers``; this module builds the assessment's ``crs`` object
and compares the total with recent rounds. Its names stay importable from here.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from pycore.common import messages
from pycore.common.figures import hours
from pycore.common.language_tests import judge_test
from pycore.common.parameters import load
from pycore.common.profile import Profile
from pycore.crs.grid import (
    Table,
    additional_rows,
    grid_effective,
    grid_references,
    grid_value,
    table,
    tables,
)
from pycore.crs.levers import BIRTHDAYS_SHOWN, Levers
from pycore.crs.profile import CrsProfile, education_levels
from pycore.crs.score import (
    FACTORS,
    SECTIONS,
    Breakdown,
    CanadianWork,
    Figures,
    Scored,
    Speech,
    age_on,
    best_speeches,
    canadian_work,
    score,
    score_in_order,
    window_rules,
)

__all__ = [
    "BIRTHDAYS_SHOWN",
    "FACTORS",
    "ROUNDS_COMPARED",
    "SECTIONS",
    "Breakdown",
    "CanadianWork",
    "Figures",
    "Levers",
    "Scored",
    "Speech",
    "Table",
    "additional_rows",
    "age_on",
    "assess_crs",
    "best_speeches",
    "canadian_work",
    "education_levels",
    "figures_of",
    "grid_effective",
    "grid_references",
    "grid_value",
    "rounds",
    "score",
    "score_in_order",
    "section_maxima",
    "table",
    "tables",
    "window_rules",
]

ROUNDS_COMPARED = 10  # how many recent CEC rounds the comparison counts (a display choice)


# ---------------------------------------------------------------- the assessment's crs


def figures_of(profile: Profile, day: date) -> tuple[Figures, CanadianWork | None]:
    """The figures the grid reads from ``profile`` (which has a ``crs`` object)."""
    crs = profile.crs
    assert crs is not None
    with_spouse = crs.spouse is not None
    speeches = best_speeches([judge_test(t, day) for t in profile.language_tests], with_spouse)
    work = None
    years = crs.canadian_work_years
    if years is None:
        work = canadian_work(profile.jobs, day)
        years = work.years
    spouse_speech = None
    if crs.spouse is not None and crs.spouse.language_test is not None:
        judged = judge_test(crs.spouse.language_test, day)
        if judged.valid and judged.chart is not None and judged.levels is not None:
            chart = judged.chart
            spouse_speech = Speech(chart.language, dict(judged.levels), chart.level_name, judged)
    figures = Figures(
        with_spouse=with_spouse,
        age=age_on(crs.date_of_birth, day) if crs.date_of_birth else None,
        education=crs.education,
        english=speeches.get("english"),
        french=speeches.get("french"),
        canadian_years=years,
        foreign_years=crs.foreign_work_years,
        certificate=crs.certificate_of_qualification,
        nomination=crs.provincial_nomination,
        sibling=crs.sibling_in_canada,
        canadian_education=crs.canadian_education,
        spouse_education=crs.spouse.education if crs.spouse else None,
        spouse_years=crs.spouse.canadian_work_years if crs.spouse else None,
        spouse_speech=spouse_speech,
    )
    return figures, work


def assess_crs(profile: Profile, supported: bool = True) -> dict[str, Any] | None:
    """The assessment's ``crs``: None without a ``crs`` object in the profile.

    ``supported`` False (an application date before the rules the engine knows): every
    figure null, no factor scored, like the requirements then.
    """
    crs = profile.crs
    if crs is None:
        return None
    day = profile.application_date
    if not supported:
        empty = dict.fromkeys(("total", *SECTIONS), None)
        return {
            **empty,
            "grid_effective": None,
            "missing": [],
            "factors": [],
            "reasons": ["rules.date_not_supported"],
            "improvements": [],
            "lowers": [],
            "rounds": None,
            "grid_notice": None,
        }
    figures, work = figures_of(profile, day)
    breakdown = score(figures, day)
    factors = [
        _factor_entry(item, figures, breakdown, work, crs, day) for item in breakdown.factors
    ]
    result: dict[str, Any] = {
        "total": breakdown.total,
        **breakdown.sections,
        "max_total": grid_value("max_total", day),
        "section_max": section_maxima(figures.with_spouse, day),
        "grid_effective": grid_effective(day).isoformat(),
        "missing": sorted(
            set(crs.missing) | {f for i in breakdown.factors for f in i.facts.get("fields", [])}
        ),
        "factors": factors,
        "with_spouse": figures.with_spouse,
        "first_language": breakdown.first.language if breakdown.first else None,
        "references": grid_references(),
        "not_scored": (
            ["arranged_employment"] if grid_value("arranged_employment_points", day) else []
        ),
        "grid_notice": grid_notice(day),
    }
    if "crs.spouse" in crs.missing:  # which columns apply is unknown: core and spouse too
        result.update(total=None, core=None, spouse=None)
    total = result["total"]
    if total is None:
        result.update(improvements=[], lowers=[], rounds=None)
        return result
    levers = Levers(figures, total, day, work, profile)
    result["improvements"] = levers.improvements()
    result["lowers"] = levers.lowers(crs)
    result["rounds"] = rounds(total, day)
    return result


def grid_notice(day: date) -> dict[str, Any] | None:
    """What the site knows of a newer grid reported on or before ``day`` (crs.toml
    ``reported_grid``): None when none is reported by then or it has been recorded."""
    reported = load("crs").get("reported_grid")
    if not reported or reported["status"] != "unconfirmed" or day < reported["value"]:
        return None
    facts = {
        "reported": reported["value"].isoformat(),
        "grid_effective": grid_effective(day).isoformat(),
    }
    return {
        **facts,
        "status": reported["status"],
        "references": list(reported["references"]),
        "reasons": ["crs.grid_unconfirmed"],
        "message": messages.render("crs.grid_unconfirmed", facts),
    }


def section_maxima(with_spouse: bool, day: date) -> dict[str, int]:
    """The most points each section can give, in the columns that apply (the page's bars)."""
    return {
        "core": grid_value(
            "max_core_with_spouse" if with_spouse else "max_core_without_spouse", day
        ),
        "spouse": grid_value("max_spouse_factors", day) if with_spouse else 0,
        "transferability": grid_value("max_transferability", day),
        "additional": grid_value("max_additional", day),
    }


def _factor_entry(
    item: Scored,
    figures: Figures,
    breakdown: Breakdown,
    work: CanadianWork | None,
    crs: CrsProfile,
    day: date,
) -> dict[str, Any]:
    facts = dict(item.facts)
    reason = item.reason
    if item.id == "age" and crs.date_of_birth is not None:
        facts["date_of_birth"] = crs.date_of_birth.isoformat()
    if item.id == "canadian_work" and work is not None:
        required = work.basis.required * work.basis.unit
        facts.update(
            counted_from="jobs",
            hours=_tenths_down(work.hours),
            year_hours=_tenths_down(required),
            window_start=work.window[0].isoformat(),
            window_end=work.window[1].isoformat(),
            window_years=work.basis.rules.window_years,
            weekly_hours_cap=_tenths_down(work.basis.rules.weekly_cap),
            jobs=[
                {"job": index, "counted_hours": _tenths_down(hours), "excluded_because": why}
                for index, (hours, why) in enumerate(
                    zip(work.job_hours, work.job_exclusions, strict=True)
                )
            ],
        )
        reason = "crs.canadian_work_counted"
    elif item.id == "canadian_work":
        facts["counted_from"] = "entered"
    if item.id.startswith("transferability") and breakdown.first is not None:
        facts["level_name"] = breakdown.first.level_name
    facts.update(points=item.points, max=item.max)
    return {
        "id": item.id,
        "points": item.points,
        "max": item.max,
        "reasons": [reason],
        "message": messages.render(reason, facts),
        "facts": facts,
        "references": grid_references(),
    }


def _tenths_down(value: Fraction) -> float | int:
    """Hours as every result shows them (``figures.hours``: rounded down, so a year is never
    shown as reached when it is not)."""
    return hours(value)


# ---------------------------------------------------------------- recent rounds


def rounds(total: int, day: date) -> dict[str, Any]:
    """The estimate beside recent rounds' cut-offs (draws.toml): facts, not a prediction."""
    data = load("draws")

    def shown(row: dict[str, Any]) -> dict[str, Any]:
        keys = ("number", "name", "category")
        entry: dict[str, Any] = {key: row[key] for key in keys if key in row}
        return {
            "date": row["date"].isoformat(),
            **entry,
            "invitations": row["invitations"],
            "cutoff": row["cutoff"],
            "cleared": total >= row["cutoff"],
        }

    def program(name: str) -> list[dict[str, Any]]:
        rows = [row for row in data.get(name, []) if row["date"] <= day]
        return sorted(rows, key=lambda row: row["date"])

    cec = program("cec")[-ROUNDS_COMPARED:]
    general = program("general")
    facts = {
        "total": total,
        "compared": len(cec),
        "cleared": sum(1 for row in cec if total >= row["cutoff"]),
        "data_until": data["data_until"].isoformat(),
    }
    # The latest round of each category (French included), for the categories the person
    # qualifies for: a category round invites only that category's candidates.
    latest: dict[str, dict[str, Any]] = {}
    for row in program("category"):
        if row.get("category"):
            latest[row["category"]] = row
    by_category = []
    for key, row in latest.items():
        entry = shown(row)
        reason = "crs.category_round_cleared" if entry["cleared"] else "crs.category_round_below"
        said = {
            "total": total,
            "date": row["date"].isoformat(),
            "cutoff": row["cutoff"],
            "data_until": data["data_until"].isoformat(),
        }
        entry.update(reasons=[reason], message=messages.render(reason, said))
        by_category.append({"id": key, "category": key, **entry})
    return {
        **facts,
        "latest_cec": shown(cec[-1]) if cec else None,
        "latest_general": shown(general[-1]) if general else None,
        "latest_pnp": shown(program("pnp")[-1]) if program("pnp") else None,
        "cec": [shown(row) for row in cec],
        "category": [shown(row) for row in program("category")],
        "by_category": by_category,
        "references": list(data["references"]),
        "reasons": ["crs.rounds"],
        "message": messages.render("crs.rounds", facts) if cec else None,
    }
