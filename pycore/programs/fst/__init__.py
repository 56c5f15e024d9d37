"""The Federal Skilled Trades (FST) class, IRPR 87.2: two years in one skilled trade in five,
the trades language levels, a job offer or a certificate of qualification, and funds.

The trade groups, levels, hours and their sources are in ``pycore/data/fst.toml``; the funds
are FSW's table (87.2(5)). ``trade`` names the trade occupation with the most hours.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from pycore.common.parameters import parameter
from pycore.common.profile import Job, Profile
from pycore.common.skilled_work import (
    Judged,
    answers,
    by_occupation,
    excluded,
    funds,
    hours,
    hours_between,
    overall,
    reaches,
    test_facts,
    valid_results,
    weekly_cap,
    window,
)

ID = "fst"


def is_trade(code: str | None, day: date) -> bool:
    """Whether a NOC 2021 code is a skilled trade occupation (87.2(1))."""
    if code is None:
        return False
    groups = parameter("fst", "trade_groups").value_at(day)
    return any(code.startswith(p) for p in groups["include"]) and not any(
        code.startswith(p) for p in groups["exclude"]
    )


def trade_hours(profile: Profile, day: date) -> list[tuple[str, Fraction]]:
    """Each trade's hours in the window, counted on its own (capped per day), most first."""
    first, last = window(day, int(parameter("fst", "window_years").value_at(day)))
    jobs: list[Job] = [
        job for job in profile.jobs if excluded(job) is None and is_trade(job.noc_code, day)
    ]
    found = [
        (code, hours_between(group, first, last, weekly_cap(day)))
        for code, group in by_occupation(jobs).items()
    ]
    return sorted(found, key=lambda item: (-item[1], item[0]))


def entry(profile: Profile, day: date) -> dict[str, Any]:
    """The contract's ``programs[]`` entry for FST, judged on ``day``."""
    ranked = trade_hours(profile, day)
    trade = ranked[0] if ranked else None
    offer_ok = _offer_in_trade(profile, day, trade[0] if trade else None)
    judged = [
        _work(profile, day, trade),
        _language(profile, day),
        _offer_or_certificate(profile, offer_ok),
        funds(profile, offer_ok),
    ]
    met, missing = overall(judged)
    return {
        "id": ID,
        "met": met,
        "missing": missing,
        "requirements": [item.entry() for item in judged],
        "trade": _trade(day, trade),
    }


def _trade(day: date, trade: tuple[str, Fraction] | None) -> dict[str, Any] | None:
    """The trade with the most hours, its hours never rounded up to the bar."""
    if trade is None:
        return None
    required = Fraction(parameter("fst", "hours_required").value_at(day))
    return {"noc_code": trade[0], "hours": hours(trade[1], below=required)}


def _work(profile: Profile, day: date, trade: tuple[str, Fraction] | None) -> Judged:
    years = int(parameter("fst", "window_years").value_at(day))
    required = Fraction(parameter("fst", "hours_required").value_at(day))
    first, last = window(day, years)
    got = trade[1] if trade else Fraction(0)
    facts: dict[str, Any] = {
        "trade": trade[0] if trade else None,
        "hours": hours(got, below=required),
        "required_hours": hours(required),
        "hours_short": hours(max(required - got, Fraction(0))),
        "window_start": first.isoformat(),
        "window_end": last.isoformat(),
        "window_years": years,
    }
    if not profile.jobs:
        return Judged("work_experience", None, "fst.work_no_jobs", facts, ("jobs",))
    if trade is None:
        return Judged("work_experience", False, "fst.no_trade", facts)
    if got >= required:
        return Judged("work_experience", True, "fst.work_met", facts)
    return Judged("work_experience", False, "fst.work_short", facts)


def _language(profile: Profile, day: date) -> Judged:
    levels: dict[str, int] = dict(parameter("fst", "language_minimum_clb").value_at(day))
    facts: dict[str, Any] = {
        "speaking_level": levels["speaking"],
        "listening_level": levels["listening"],
        "reading_level": levels["reading"],
        "writing_level": levels["writing"],
    }
    if not profile.language_tests:
        return Judged("language", None, "fst.language_no_test", facts, ("language_tests",))
    results = valid_results(profile)
    if not results:
        return Judged("language", False, "fst.language_no_valid_test", facts)
    meeting = [result for result in results if reaches(result, levels)]
    best = meeting[0] if meeting else max(results, key=lambda r: r.lowest_level)
    facts.update(test_facts(best))
    if meeting:
        return Judged("language", True, "fst.language_met", facts)
    return Judged("language", False, "fst.language_below", facts)


def _offer_in_trade(profile: Profile, day: date, trade: str | None) -> bool | None:
    """Whether the job offer is in a skilled trade in the minor group of the person's trade
    (``fst.offer_or_certificate``); None when the question is unanswered."""
    ee = answers(profile)
    if not ee.job_offer_answered:
        return None
    offer = ee.job_offer
    if offer is None or not is_trade(offer.noc_code, day):
        return False
    return trade is None or offer.noc_code[:4] == trade[:4]


def _offer_or_certificate(profile: Profile, offer_ok: bool | None) -> Judged:
    certificate = profile.crs.certificate_of_qualification if profile.crs else None
    offer = answers(profile).job_offer
    facts: dict[str, Any] = {"noc_code": offer.noc_code if offer else None}
    if certificate:
        return Judged("job_offer_or_certificate", True, "fst.certificate", facts)
    if offer_ok:
        return Judged("job_offer_or_certificate", True, "fst.job_offer", facts)
    missing = tuple(
        path
        for path, value in (
            ("crs.certificate_of_qualification", certificate),
            ("express_entry.job_offer", offer_ok),
        )
        if value is None
    )
    if missing:
        return Judged(
            "job_offer_or_certificate", None, "fst.offer_or_certificate_missing", facts, missing
        )
    return Judged("job_offer_or_certificate", False, "fst.no_offer_or_certificate", facts)
