"""Parse and check a profile against the checker contract, collecting every problem.

A profile that breaks the contract is never half-assessed: ``parse_profile``
either returns typed, frozen values or raises ``ProfileError`` listing each
problem with its field path (``jobs[0].end``, ``language_tests[1].speaking``)
and a sentence from the message catalog. The whole document is path ``""``.

The project's own input limits (``input_limits()``, from ``pycore/data/input_limits.toml``)
bound the work: text size and nesting are checked before parsing, list lengths before
their entries, and hours a week are kept to 0.01 before any exact arithmetic.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from fractions import Fraction
from functools import cache
from itertools import accumulate
from typing import Any

from pycore.common import charts, messages, noc
from pycore.common.express_entry_profile import parse_express_entry
from pycore.common.parameters import load, parameter
from pycore.common.profile import BOOLEAN_JOB_FACTS, Job, LanguageTest, Profile
from pycore.crs.profile import parse_crs

# ASCII digits only: \d also matches other scripts' digits ("２１２３２" in full width).
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NOC_CODE = re.compile(r"[0-9]{5}")
# Input sanity bounds, not rules: they keep date arithmetic (windows, projections) in range.
_EARLIEST_DATE = date(1900, 1, 1)
_LATEST_DATE = date(2999, 12, 31)
_MAX_WEEK_HOURS = 7 * 24  # a week has 168 hours; more cannot be an average
_TEERS = range(0, 6)  # NOC 2021 has TEER categories 0 to 5
# For the nesting depth of JSON text: escapes (a string's \" does not end it), anything else.
_ESCAPE = re.compile(r"\\.", re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_BRACKET_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


@dataclass(frozen=True)
class InputLimits:
    """The project's own bounds on a profile, from ``pycore/data/input_limits.toml``.

    Not law: they keep every check small work, set well above what a person enters.
    """

    most_profile_bytes: int
    most_jobs: int
    most_language_tests: int
    most_title_characters: int
    hours_per_week_decimals: int
    most_nesting_depth: int

    @property
    def hours_step(self) -> Fraction:
        """The precision hours a week are kept to, and the smallest figure accepted (0.01)."""
        return Fraction(1, 10**self.hours_per_week_decimals)


@cache
def input_limits() -> InputLimits:
    """The input limits (each an undated ``value`` in ``input_limits.toml``)."""
    raw = load("input_limits")
    return InputLimits(**{f.name: int(raw[f.name]["value"]) for f in fields(InputLimits)})


def invitations_from() -> date:
    """The first invitation date the checker can judge: the first day the data knows how
    long an invitation leaves to submit (``express_entry.ita_response_days``). The window
    after an invitation is built on that figure; an earlier date is a field error."""
    first: date = parameter("express_entry", "ita_response_days").values[0].effective
    return first


class ProfileError(ValueError):
    """The profile breaks the contract; ``errors`` lists every problem found."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        super().__init__(f"{len(errors)} problem(s) in the profile")
        self.errors = errors


class _Collector:
    """Gathers field-level problems so that one pass reports all of them."""

    def __init__(self, strict: bool) -> None:
        self.errors: list[dict[str, str]] = []
        self.strict = strict

    def add(self, field: str, code: str, **facts: object) -> None:
        self.errors.append(
            {
                "field": field,
                "code": code,
                "message": messages.render(code, {"field": field, **facts}),
            }
        )

    def boolean(self, obj: Mapping[str, Any], key: str, path: str) -> bool:
        value = obj.get(key)
        if key not in obj:
            self.add(path, "input.missing")
        elif not isinstance(value, bool):
            self.add(path, "input.not_boolean")
        return value is True

    def number(self, obj: Mapping[str, Any], key: str, path: str) -> Fraction | None:
        value = obj.get(key)
        if key not in obj or value is None:
            self.add(path, "input.missing")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(path, "input.not_number")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.add(path, "input.not_number")
            return None
        if isinstance(value, int):
            return Fraction(value)
        if (value * 4).is_integer():  # quarters are exact in binary: the common fast path
            return Fraction(int(value * 4), 4)
        # repr() gives the shortest decimal that round-trips, so 37.3 is exactly 373/10.
        return Fraction(repr(value))

    def day(
        self, obj: Mapping[str, Any], key: str, path: str, optional: bool = False
    ) -> date | None:
        value = obj.get(key)
        if value is None:
            if not optional:
                self.add(path, "input.missing")
            return None
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
            self.add(path, "input.not_date")
            return None
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            self.add(path, "input.not_date")
            return None
        if not _EARLIEST_DATE <= parsed <= _LATEST_DATE:
            self.add(
                path,
                "input.date_out_of_range",
                earliest=_EARLIEST_DATE.isoformat(),
                latest=_LATEST_DATE.isoformat(),
            )
            return None
        return parsed

    def array(self, obj: Mapping[str, Any], key: str, most: int) -> list[Any]:
        value = obj.get(key)
        if value is None:
            # Strict (command line): every field must be written out. Otherwise a missing
            # list means none entered.
            if self.strict:
                self.add(key, "input.missing")
            return []
        if not isinstance(value, list):
            self.add(key, "input.not_array")
            return []
        if len(value) > most:  # refused whole: its entries are not even looked at
            self.add(key, "input.too_many", most=most)
            return []
        return value


def parse_json(text: str, strict: bool = False) -> Profile:
    """Parse profile JSON text; ProfileError for text that is not JSON or breaks the contract.

    ``strict`` (the command line) also requires the ``jobs`` and ``language_tests`` lists.
    """
    limits = input_limits()
    most = limits.most_profile_bytes
    if len(text) > most or len(text.encode("utf-8", "surrogatepass")) > most:
        raise ProfileError([_whole("input.too_large", most=most)])
    # Before parsing: Pyodide's json dies (out of stack) on deep nesting instead of raising.
    if _nesting_depth(text) > limits.most_nesting_depth:
        raise ProfileError([_whole("input.too_deep", most=limits.most_nesting_depth)])
    try:
        data = json.loads(text, parse_constant=_reject_constant, parse_int=_integer)
    except (ValueError, RecursionError):
        raise ProfileError([_whole("input.not_json")]) from None
    return parse_profile(data, strict)


def _whole(code: str, **facts: object) -> dict[str, str]:
    """A problem with the whole text (field path ``""``)."""
    return {"field": "", "code": code, "message": messages.render(code, facts)}


def _nesting_depth(text: str) -> int:
    """How deep lists and objects nest in JSON ``text`` (brackets inside strings not counted).

    Linear, in C-implemented steps (no regular expression that could backtrack); an
    ill-formed text gets a figure too, and then fails to parse.
    """
    # Without escapes, every other piece between quotes is a string's content.
    outside_strings = "".join(_ESCAPE.sub("", text).split('"')[0::2])
    brackets = _NOT_BRACKET.sub("", outside_strings)
    return max(accumulate(map(_BRACKET_STEP.__getitem__, brackets)), default=0)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _integer(text: str) -> int | float:
    """A JSON integer; one past Python's digit limit (4,300) is infinite, like 1e400, so
    its field reports it instead of the whole text failing to parse."""
    try:
        return int(text)
    except ValueError:
        return -math.inf if text.startswith("-") else math.inf


def parse_profile(data: Any, strict: bool = False) -> Profile:
    """Check a decoded profile and return it typed; ProfileError lists every problem found."""
    check = _Collector(strict)
    limits = input_limits()
    if not isinstance(data, dict):
        check.add("", "input.not_object")
        raise ProfileError(check.errors)
    application_date = check.day(data, "application_date", "application_date")
    quebec = check.boolean(data, "plans_to_live_in_quebec", "plans_to_live_in_quebec")
    jobs = []
    for index, raw in enumerate(check.array(data, "jobs", limits.most_jobs)):
        job = _parse_job(check, raw, f"jobs[{index}]", limits)
        if job is not None:
            jobs.append(job)
    tests = []
    for index, raw in enumerate(check.array(data, "language_tests", limits.most_language_tests)):
        test = _parse_test(check, raw, f"language_tests[{index}]")
        if test is not None:
            tests.append(test)
    crs = parse_crs(check, data.get("crs"), application_date, _parse_test)
    invitation = check.day(data, "invitation_date", "invitation_date", optional=True)
    if invitation is not None and invitation < invitations_from():
        check.add(
            "invitation_date", "input.invitation_too_early", earliest=invitations_from().isoformat()
        )
    express_entry = parse_express_entry(check, data.get("express_entry"))
    if check.errors or application_date is None:
        raise ProfileError(check.errors)
    return Profile(
        application_date, quebec, tuple(jobs), tuple(tests), crs, invitation, express_entry
    )


def _parse_job(check: _Collector, raw: Any, path: str, limits: InputLimits) -> Job | None:
    if not isinstance(raw, dict):
        check.add(path, "input.not_object")
        return None
    before = len(check.errors)
    title = raw.get("title")
    if title is not None and not isinstance(title, str):
        check.add(f"{path}.title", "input.not_text")
    elif title is not None and len(title) > limits.most_title_characters:
        check.add(f"{path}.title", "input.text_too_long", most=limits.most_title_characters)
    teer = raw.get("teer")
    if "teer" not in raw or teer is None:
        check.add(f"{path}.teer", "input.missing")
    elif isinstance(teer, bool) or not isinstance(teer, int) or teer not in _TEERS:
        check.add(f"{path}.teer", "input.teer_range", lowest=_TEERS[0], highest=_TEERS[-1])
    noc_code = raw.get("noc_code")
    if noc_code is not None:
        if not isinstance(noc_code, str) or not _NOC_CODE.fullmatch(noc_code):
            check.add(f"{path}.noc_code", "input.noc_format")
        elif teer in _TEERS and not isinstance(teer, bool) and int(noc_code[1]) != teer:
            check.add(f"{path}.noc_code", "input.noc_teer_mismatch", teer=teer, digit=noc_code[1])
        elif not noc.is_unit_group(noc_code):
            check.add(
                f"{path}.noc_code",
                "input.noc_unknown",
                noc_code=noc_code,
                noc_version=noc.version(),
            )
    start = check.day(raw, "start", f"{path}.start")
    end = check.day(raw, "end", f"{path}.end", optional=True)
    if start is not None and end is not None and end < start:
        check.add(f"{path}.end", "input.end_before_start")
    hours = check.number(raw, "hours_per_week", f"{path}.hours_per_week")
    step = limits.hours_step
    if hours is not None and not step <= hours <= _MAX_WEEK_HOURS:
        lowest = _plain(float(step))
        check.add(
            f"{path}.hours_per_week", "input.hours_range", lowest=lowest, highest=_MAX_WEEK_HOURS
        )
    elif hours is not None:
        # Kept to the step (nearest, halves to even) before any exact arithmetic, so the
        # work-experience units stay small whatever digits were typed.
        hours = round(hours / step) * step
    facts = {key: check.boolean(raw, key, f"{path}.{key}") for key in BOOLEAN_JOB_FACTS}
    if len(check.errors) > before or start is None or hours is None:
        return None
    return Job(
        title=title,
        noc_code=noc_code,
        teer=teer,  # type: ignore[arg-type]  # checked above: an int in 0..5
        start=start,
        end=end,
        hours_per_week=hours,
        **facts,
    )


def _parse_test(check: _Collector, raw: Any, path: str) -> LanguageTest | None:
    if not isinstance(raw, dict):
        check.add(path, "input.not_object")
        return None
    before = len(check.errors)
    test_id = raw.get("test")
    known = isinstance(test_id, str) and test_id in charts.TESTS
    if "test" not in raw or test_id is None:
        check.add(f"{path}.test", "input.missing")
    elif not known:
        check.add(f"{path}.test", "input.unknown_test", tests=", ".join(charts.TESTS))
    taken = check.day(raw, "date", f"{path}.date")
    scores: dict[str, float] = {}
    for ability in charts.ABILITIES:
        score = check.number(raw, ability, f"{path}.{ability}")
        if score is None or not known:
            continue
        scale = _scale_for(str(test_id), taken, ability)
        if not scale.contains(float(score)):
            check.add(
                f"{path}.{ability}",
                "input.score_off_scale",
                lowest=_plain(scale.min),
                highest=_plain(scale.max),
                step=_plain(scale.step),
            )
            continue
        scores[ability] = float(score)
    if len(check.errors) > before or taken is None:
        return None
    return LanguageTest(test=test_id, date=taken, scores=scores)  # type: ignore[arg-type]


def _scale_for(test_id: str, taken: date | None, ability: str) -> charts.Scale:
    """The scale of the chart in force on the test date (the first chart for earlier dates)."""
    versions = charts.versions(test_id)
    if taken is None or taken < versions[0].effective:
        return versions[0].scale[ability]
    return charts.chart(test_id, taken).scale[ability]


def _plain(number: float) -> str:
    """A scale bound as printed: 9 not 9.0, 0.5 as 0.5."""
    return f"{number:g}"
