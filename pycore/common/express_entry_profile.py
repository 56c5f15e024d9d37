"""The profile's ``express_entry`` object (checker contract, "Other Express Entry programs").

What the Federal Skilled Worker and Federal Skilled Trades programs need beyond jobs, tests
and the ``crs`` object: an assessed education, a job offer, study in Canada, a relative,
settlement funds and family size. Bad values are field errors with paths
(``express_entry.family_size``); an absent or null answer is not an error but a path in
``missing`` (``job_offer`` is the exception: null is the answer "no offer", only an absent
key is missing), so a person who only wants the CEC verdict is asked nothing new.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from pycore.common import noc
from pycore.common.profile import Collector, optional_flag

PATH = "express_entry"
FLAGS: tuple[str, ...] = (
    "education_assessed",
    "canadian_study_two_years",
    "spouse_canadian_study_two_years",
    "relative_in_canada",
)
# Input sanity bounds, not rules: a family no larger than this, funds below this many dollars.
MAX_FAMILY_SIZE = 99
MAX_FUNDS = 10**12
_NOC_CODE = re.compile(r"[0-9]{5}")
_TEERS = range(0, 6)


@dataclass(frozen=True)
class JobOffer:
    """A valid offer of continuous, paid, full-time, non-seasonal work for at least a year."""

    noc_code: str
    teer: int


@dataclass(frozen=True)
class ExpressEntry:
    """The checked ``express_entry`` object; None fields are unanswered (listed in ``missing``)."""

    education_assessed: bool | None
    job_offer: JobOffer | None
    job_offer_answered: bool  # False: the key is absent (null means "no offer")
    canadian_study_two_years: bool | None
    spouse_canadian_study_two_years: bool | None
    relative_in_canada: bool | None
    settlement_funds: Fraction | None
    family_size: int | None
    missing: tuple[str, ...]


def _all_paths() -> tuple[str, ...]:
    keys = (*FLAGS, "job_offer", "settlement_funds", "family_size")
    return tuple(f"{PATH}.{key}" for key in keys)


# A profile without the object: every answer is missing.
UNANSWERED = ExpressEntry(None, None, False, None, None, None, None, None, _all_paths())


def parse_express_entry(check: Collector, raw: Any) -> ExpressEntry | None:
    """The typed object, or None when the profile has none (absent or null)."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        check.add(PATH, "input.not_object")
        return None
    missing: list[str] = []
    flags = {key: optional_flag(check, raw, key, f"{PATH}.{key}", missing) for key in FLAGS}
    offer, answered = _offer(check, raw, missing)
    funds = _funds(check, raw, missing)
    size = _family_size(check, raw, missing)
    return ExpressEntry(
        education_assessed=flags["education_assessed"],
        job_offer=offer,
        job_offer_answered=answered,
        canadian_study_two_years=flags["canadian_study_two_years"],
        spouse_canadian_study_two_years=flags["spouse_canadian_study_two_years"],
        relative_in_canada=flags["relative_in_canada"],
        settlement_funds=funds,
        family_size=size,
        missing=tuple(missing),
    )


def _offer(
    check: Collector, raw: Mapping[str, Any], missing: list[str]
) -> tuple[JobOffer | None, bool]:
    path = f"{PATH}.job_offer"
    if "job_offer" not in raw:
        missing.append(path)
        return None, False
    value = raw["job_offer"]
    if value is None:
        return None, True
    if not isinstance(value, dict):
        check.add(path, "input.not_object")
        return None, True
    before = len(check.errors)
    teer = value.get("teer")
    teer_ok = isinstance(teer, int) and not isinstance(teer, bool) and teer in _TEERS
    if teer is None:
        check.add(f"{path}.teer", "input.missing")
    elif not teer_ok:
        check.add(f"{path}.teer", "input.teer_range", lowest=_TEERS[0], highest=_TEERS[-1])
    code = value.get("noc_code")
    if code is None:
        check.add(f"{path}.noc_code", "input.missing")
    elif not isinstance(code, str) or not _NOC_CODE.fullmatch(code):
        check.add(f"{path}.noc_code", "input.noc_format")
    elif not noc.is_unit_group(code):
        check.add(f"{path}.noc_code", "input.noc_unknown", noc_code=code, noc_version=noc.version())
    elif teer_ok and noc.teer(code) != teer:
        check.add(f"{path}.noc_code", "input.noc_teer_mismatch", teer=teer, digit=code[1])
    if len(check.errors) > before:
        return None, True
    return JobOffer(noc_code=str(code), teer=int(teer)), True  # type: ignore[arg-type]


def _funds(check: Collector, raw: Mapping[str, Any], missing: list[str]) -> Fraction | None:
    path = f"{PATH}.settlement_funds"
    value = raw.get("settlement_funds")
    if value is None:
        missing.append(path)
        return None
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if not number or (isinstance(value, float) and not math.isfinite(value)):
        check.add(path, "input.not_number")
        return None
    if not 0 <= value <= MAX_FUNDS:
        check.add(path, "input.funds_range", highest=MAX_FUNDS)
        return None
    return Fraction(value) if isinstance(value, int) else Fraction(repr(value))


def _family_size(check: Collector, raw: Mapping[str, Any], missing: list[str]) -> int | None:
    path = f"{PATH}.family_size"
    value = raw.get("family_size")
    if value is None:
        missing.append(path)
        return None
    whole = isinstance(value, int) and not isinstance(value, bool)
    if not whole or not 1 <= value <= MAX_FAMILY_SIZE:
        check.add(path, "input.family_size_range", highest=MAX_FAMILY_SIZE)
        return None
    return int(value)
