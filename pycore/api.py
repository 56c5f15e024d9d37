"""The narrow interface the web worker, the command line and the tests call.

JSON strings in and out, serialised one way (``dumps``) so that CPython and
Pyodide produce the same bytes for the same profile.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from pycore import assessment, metadata
from pycore.common import messages, verification
from pycore.validation import ProfileError, parse_json, parse_profile

# A complete profile: one job, one language test. The build traces the standard library with it
# and the bench's share link carries it; with RANKED_SAMPLE's ranking section, ``warm_up``
# checks it.
SAMPLE_PROFILE: dict[str, Any] = {
    "application_date": "2026-11-21",
    "plans_to_live_in_quebec": False,
    "jobs": [
        {
            "title": "Software developer",
            "noc_code": "21232",
            "teer": 1,
            "start": "2024-01-08",
            "end": None,
            "hours_per_week": 37.5,
            "paid": True,
            "self_employed": False,
            "full_time_student": False,
            "work_authorized": True,
            "in_canada": True,
        }
    ],
    "language_tests": [
        {
            "test": "ielts_general",
            "date": "2025-06-01",
            "reading": 6.5,
            "writing": 6.0,
            "listening": 7.5,
            "speaking": 6.5,
        }
    ],
}
RANKED_SAMPLE: dict[str, Any] = {
    **SAMPLE_PROFILE,
    "crs": {
        "date_of_birth": "1996-05-01",
        "education": "two_or_more",
        "canadian_education": "none",
        "foreign_work_years": 1,
        "canadian_work_years": None,
        "certificate_of_qualification": False,
        "provincial_nomination": False,
        "sibling_in_canada": False,
        "spouse": None,
    },
}


def dumps(obj: Any) -> str:
    """The one serialisation of every result: compact, UTF-8 characters kept as they are."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def assess(profile: dict[str, Any]) -> dict[str, Any]:
    """The assessment of a decoded profile; ``ProfileError`` (with ``.errors``) on bad input."""
    return assessment.assess(parse_profile(profile))


def check_json(text: str, strict: bool = False, lang: str = "en", today: str | None = None) -> str:
    """Profile JSON in, assessment JSON (or ``{"errors": [...]}``) out. Never raises.

    ``strict`` (used by the command line) also requires the two lists to be written out.
    ``lang`` ("en" or "fr") is the language of the sentences; codes and figures never change
    with it. An unknown language answers in English. ``today`` (an ISO date: the day the
    check runs, from the page or the command line) adds a notice for each kind of value the
    result uses that was not checked against its source within its review horizon; without
    it (or with a date that cannot be read) no such notice is given.
    """
    with messages.language(lang if lang in messages.LANGUAGES else "en"):
        try:
            profile = parse_json(text, strict)
            on = _day(today)
            result = assessment.assess(profile, on)
            if on is not None:
                checks = verification.result_checks(profile, result)
                result["notices"] = [*result["notices"], *verification.notices(checks, on)]
            return dumps(result)
        except ProfileError as error:
            return dumps({"errors": error.errors})
        except Exception:  # a bug must still answer in the contract's shape, never a traceback
            code = "input.internal_error"
            return dumps(
                {"errors": [{"field": "", "code": code, "message": messages.render(code, {})}]}
            )


def _day(text: str | None) -> date | None:
    """The day the check runs, or None when none (or no readable ISO date) was given."""
    try:
        return date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


def form_metadata_json(lang: str = "en") -> str:
    """Tests, scales, thresholds, TEER descriptions and provision links for the web form
    (its ``messages``: the page's words in ``lang``)."""
    return dumps(metadata.form_metadata(language=lang))


def warm_up(lang: str = "en") -> None:
    """Read what a first check reads (the rules' data, rounds, categories, the sentences in
    ``lang``) by checking RANKED_SAMPLE and dropping the answer. A first check costs about 30
    times a later one; a memory snapshot taken after this answers its first check like any
    other, and holds the built-in sample, never a person's answers."""
    check_json(dumps(RANKED_SAMPLE), lang=lang, today=str(RANKED_SAMPLE["application_date"]))
