"""What the web form needs to know before Python judges anything, from the same data.

Tests with their scales and accepted dates, the thresholds in force, the bounds
the input is checked against, TEER descriptions, the provisions cited and each
requirement's provisions and guide page, and the page's words (the ``ui.*`` keys
of the catalog), so the form can label, range-check and link without typing a
number or a sentence of its own.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pycore import validation
from pycore.assessment import REQUIREMENTS, RULE_FILES, rules_version, supported_from
from pycore.common import charts, messages
from pycore.common.language_tests import accepted_from, validity_years
from pycore.common.parameters import Source, load, parameter, parameters, source
from pycore.crs import estimate as crs
from pycore.crs import profile as crs_profile
from pycore.programs.cec.language import thresholds
from pycore.programs.cec.work_experience import Rules
from pycore.programs_form import programs_form


def _scale(chart: charts.Chart) -> dict[str, dict[str, float]]:
    return {
        ability: {"min": scale.min, "max": scale.max, "step": scale.step}
        for ability, scale in chart.scale.items()
    }


# Each requirement's provisions (ids in sources.toml) and its guide page (from the site root).
_REQUIREMENT_LINKS: dict[str, tuple[tuple[str, ...], str]] = {
    "work_experience": (("irpr_87_1", "irpr_73"), "eligibility/work-experience/"),
    "language": (("irpr_87_1", "canada_test_equivalency"), "eligibility/language/"),
    "quebec": (("irpr_87_1",), "eligibility/quebec-admissibility/"),
}


def _test(test_id: str) -> dict[str, Any]:
    versions = charts.versions(test_id)
    latest = versions[-1]
    first = accepted_from(test_id)
    return {
        "id": test_id,
        "name": latest.name,
        "language": latest.language,
        "level_name": latest.level_name,
        "lowest_level": latest.rows[-1][0],  # a score under it reads "below" this level
        "accepted_from": first.isoformat() if first else None,
        "scale": _scale(latest),
        "print_order": list(latest.print_order),  # the order the result prints the scores
        "versions": [
            {"effective": version.effective.isoformat(), "scale": _scale(version)}
            for version in versions
        ],
    }


def form_metadata(on: date | None = None, language: str = "en") -> dict[str, Any]:
    """The form's metadata for rules in force on ``on`` (default: the newest rules), with
    the page's words in ``language``."""
    day = on or date.fromisoformat(rules_version())
    rules = Rules.on(day)
    limits = validation.input_limits()
    cited = sorted(
        {
            ref
            for name in RULE_FILES
            for p in parameters(name)
            for v in p.values
            for ref in v.references
        }
        | {ref for t in charts.TESTS for c in charts.versions(t) for ref in c.references}
        | set(crs.grid_references())
    )
    return {
        "rules_version": rules_version(),
        "supported_from": supported_from().isoformat(),
        "tests": [_test(test_id) for test_id in charts.TESTS],
        "thresholds": {
            "hours_required": _plain(rules.hours_required),
            "weekly_hours_cap": _plain(rules.weekly_cap),
            "window_years": rules.window_years,
            "validity_years": validity_years(day),
            "eligible_teers": sorted(rules.eligible_teers),
            "levels": [{"level": level, "teers": list(teers)} for level, teers in thresholds(day)],
        },
        "bounds": {
            # The same bounds as pycore.validation, so the form says what the engine would.
            "hours_per_week": {
                "above": 0,
                "min": _plain(limits.hours_step),
                "max": validation._MAX_WEEK_HOURS,
                "step": _plain(limits.hours_step),
            },
            "noc_code": {"pattern": validation._NOC_CODE.pattern, "length": 5, "teer_digit": 1},
        },
        # The project's own input limits (input_limits.toml), so the form, the share-link reader
        # and the file reader refuse what the engine would before building anything.
        "limits": {
            "most_profile_bytes": limits.most_profile_bytes,
            "most_jobs": limits.most_jobs,
            "most_language_tests": limits.most_language_tests,
            "most_title_characters": limits.most_title_characters,
            "most_nesting_depth": limits.most_nesting_depth,
        },
        "teer": _teer_descriptions(day, language),
        "provisions": [_provision(source(ref), language) for ref in cited],
        "requirements": [
            {
                "id": name,
                "provisions": list(_REQUIREMENT_LINKS[name][0]),
                "guide": _REQUIREMENT_LINKS[name][1],
            }
            for name in REQUIREMENTS
        ],
        "crs": _crs(day, language),
        "programs": programs_form(day),
        "messages": messages.interface(language),
        # Names of the data's labels the results give as facts (category names): {} in English.
        "labels": messages.labels(language),
        # Official pages the result's "What next" block points to (ids in sources.toml).
        "next_links": {
            key: _provision(source(ref), language)
            for key, ref in (
                ("crs_criteria", "canada_crs_criteria"),
                ("quebec_programs", "quebec_pstq"),
                ("decline_invitation", "canada_invitations_apply"),
            )
        },
        "ita_response_days": parameter("express_entry", "ita_response_days").value_at(day),
        "lang": language,
    }


def _crs(day: date, language: str) -> dict[str, Any]:
    """What the "Your ranking" section needs: the education values with the grid's labels,
    the bound on years, the work window and the guide pages it links to."""
    education = crs.table("education")

    def named(text: str) -> str:  # the grid's labels are English; French from labels.fr
        return messages.data_label(text, language)

    return {
        "education": [
            {"value": value, "label": named(row["label"])}
            for row in education.rows
            for value in row["values"]
        ],
        # "none" has no row of its own; the page words it from the catalog.
        "canadian_education": [
            {"value": value, "label": named(row["label"])}
            for row in crs.additional_rows("canadian_education")
            for value in row["values"]
        ],
        "years_max": crs_profile.MAX_AGE,
        "window_years": parameter("crs", "canadian_work_window_years").value_at(day),
        "guide": "express-entry/",
        "changes_ahead": "changes-ahead/",
    }


def _teer_descriptions(day: date, language: str) -> list[dict[str, Any]]:
    """The TEER summaries in ``language`` (French names from labels.fr.toml)."""
    return [
        {**row, "description": messages.data_label(row["description"], language)}
        for row in parameter("noc", "teer_categories").value_at(day)
    ]


def _provision(ref: Source, language: str) -> dict[str, Any]:
    """A cited source as the page links it: its French text on a French page where there is
    one (``title_fr``/``url_fr`` in sources.toml), else the English one marked ``lang: en``."""
    shown = {"id": ref.id, "title": ref.title, "url": ref.url, "reliability": ref.reliability}
    if language == "en":
        return shown
    raw = load("sources")[ref.id]
    if f"url_{language}" in raw:
        return {
            **shown,
            "title": raw.get(f"title_{language}", ref.title),
            "url": raw[f"url_{language}"],
        }
    return {**shown, "lang": "en"}


def _plain(value: Any) -> int | float:
    number = float(value)
    return int(number) if number.is_integer() else number
