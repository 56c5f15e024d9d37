"""Validation: every contract breach is reported with its field path, all at once."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

import pytest
from support.contract import job
from support.rules import APP

from pycore.common import charts
from pycore.common.parameters import load
from pycore.validation import (
    InputLimits,
    ProfileError,
    _nesting_depth,
    input_limits,
    parse_json,
    parse_profile,
)

LIMITS = input_limits()


def base() -> dict[str, Any]:
    """A valid profile with one job and one test, to break one field at a time."""
    return {
        "application_date": APP.isoformat(),
        "plans_to_live_in_quebec": False,
        "jobs": [job(APP.replace(year=APP.year - 1), None, 37.5, noc_code="21232")],
        "language_tests": [
            {
                "test": "ielts_general",
                "date": "2026-01-10",
                "reading": 7,
                "writing": 6.5,
                "listening": 8,
                "speaking": 6,
            }
        ],
    }


def errors(data: Any, strict: bool = False) -> dict[str, str]:
    """Field path -> error code for a profile expected to be rejected."""
    with pytest.raises(ProfileError) as caught:
        parse_profile(data, strict)
    return {e["field"]: e["code"] for e in caught.value.errors}


def broken(path: str, value: Any) -> dict[str, Any]:
    """``base()`` with one field (``jobs.0.end`` style path) set, or removed when value is ...."""
    data = base()
    *parents, last = path.split(".")
    target: Any = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    key: Any = int(last) if last.isdigit() else last
    if value is ...:
        del target[key]
    else:
        target[key] = value
    return data


def test_valid_profile_parses_to_typed_values() -> None:
    """A valid profile gives frozen dataclasses with dates and exact hours."""
    parsed = parse_profile(base())
    assert parsed.application_date == APP
    assert parsed.jobs[0].hours_per_week * 2 == 75
    assert parsed.language_tests[0].scores["writing"] == 6.5


@pytest.mark.parametrize(
    ("path", "value", "field", "code"),
    [
        ("application_date", "2026-02-30", "application_date", "input.not_date"),
        ("application_date", "20261121", "application_date", "input.not_date"),
        ("application_date", ..., "application_date", "input.missing"),
        ("application_date", "1800-01-01", "application_date", "input.date_out_of_range"),
        ("plans_to_live_in_quebec", "no", "plans_to_live_in_quebec", "input.not_boolean"),
        ("plans_to_live_in_quebec", ..., "plans_to_live_in_quebec", "input.missing"),
        ("jobs", {}, "jobs", "input.not_array"),
        ("jobs.0.teer", 6, "jobs[0].teer", "input.teer_range"),
        ("jobs.0.teer", -1, "jobs[0].teer", "input.teer_range"),
        ("jobs.0.teer", True, "jobs[0].teer", "input.teer_range"),
        ("jobs.0.teer", ..., "jobs[0].teer", "input.missing"),
        ("jobs.0.noc_code", "2123", "jobs[0].noc_code", "input.noc_format"),
        ("jobs.0.noc_code", 21232, "jobs[0].noc_code", "input.noc_format"),
        ("jobs.0.noc_code", "22232", "jobs[0].noc_code", "input.noc_teer_mismatch"),
        ("jobs.0.noc_code", "２１２３２", "jobs[0].noc_code", "input.noc_format"),
        ("jobs.0.noc_code", "21２32", "jobs[0].noc_code", "input.noc_format"),
        ("jobs.0.noc_code", "٢١٢٣٢", "jobs[0].noc_code", "input.noc_format"),
        ("application_date", "２０２６-１１-２１", "application_date", "input.not_date"),
        ("jobs.0.start", "2025-0١-06", "jobs[0].start", "input.not_date"),
        ("language_tests.0.date", "२०२६-०१-१०", "language_tests[0].date", "input.not_date"),
        ("jobs.0.start", "2025-13-01", "jobs[0].start", "input.not_date"),
        ("jobs.0.start", ..., "jobs[0].start", "input.missing"),
        ("jobs.0.end", "2020-01-01", "jobs[0].end", "input.end_before_start"),
        ("jobs.0.hours_per_week", 0, "jobs[0].hours_per_week", "input.hours_range"),
        ("jobs.0.hours_per_week", 168.5, "jobs[0].hours_per_week", "input.hours_range"),
        ("jobs.0.hours_per_week", True, "jobs[0].hours_per_week", "input.not_number"),
        ("jobs.0.hours_per_week", "30", "jobs[0].hours_per_week", "input.not_number"),
        ("jobs.0.paid", 1, "jobs[0].paid", "input.not_boolean"),
        ("jobs.0.in_canada", ..., "jobs[0].in_canada", "input.missing"),
        ("jobs.0.title", 5, "jobs[0].title", "input.not_text"),
        ("jobs.0", "a job", "jobs[0]", "input.not_object"),
        ("language_tests.0.test", "ielts_academic", "language_tests[0].test", "input.unknown_test"),
        ("language_tests.0.date", None, "language_tests[0].date", "input.missing"),
        ("language_tests.0.reading", 6.3, "language_tests[0].reading", "input.score_off_scale"),
        ("language_tests.0.reading", 9.5, "language_tests[0].reading", "input.score_off_scale"),
        ("language_tests.0.speaking", False, "language_tests[0].speaking", "input.not_number"),
        ("language_tests.0.speaking", ..., "language_tests[0].speaking", "input.missing"),
    ],
)
def test_each_error_kind_has_its_field_path(path: str, value: Any, field: str, code: str) -> None:
    """Breaking one field reports exactly that field with its error code."""
    assert errors(broken(path, value)) == {field: code}


def test_scale_edges_are_derived_from_charts() -> None:
    """Each test's scale ends are accepted and one step beyond is rejected, per ability."""
    for test_id in charts.TESTS:
        version = charts.versions(test_id)[-1]
        for ability, scale in version.scale.items():
            for score, ok in (
                (scale.min, True),
                (scale.max, True),
                (scale.max + scale.step, False),
                (scale.min - scale.step, False),
            ):
                data = broken(
                    "language_tests.0",
                    {
                        "test": test_id,
                        "date": version.effective.isoformat(),
                        **dict.fromkeys(charts.ABILITIES, version.scale["reading"].min),
                        ability: score,
                    },
                )
                if ok:
                    parse_profile(data)
                else:
                    assert errors(data) == {f"language_tests[0].{ability}": "input.score_off_scale"}


def test_every_problem_is_reported_at_once() -> None:
    """Several broken fields in several entries are all reported in one error list."""
    data = base()
    data["jobs"].append(dict(data["jobs"][0], hours_per_week=-1, start="x"))
    data["language_tests"][0]["writing"] = "7"
    data["plans_to_live_in_quebec"] = None
    assert set(errors(data)) == {
        "plans_to_live_in_quebec",
        "jobs[1].hours_per_week",
        "jobs[1].start",
        "language_tests[0].writing",
    }


def test_not_json_and_not_object() -> None:
    """Text that is not JSON, or JSON that is not an object, is one error on the whole document."""
    for text in ("{", "", "[1, 2]", "null", '{"a": NaN}'):
        with pytest.raises(ProfileError) as caught:
            parse_json(text)
        assert [e["field"] for e in caught.value.errors] == [""]


def test_missing_lists_allowed_except_when_strict() -> None:
    """No jobs or tests key means none entered; the strict command-line mode wants both lists."""
    data = base()
    del data["jobs"], data["language_tests"]
    assert parse_profile(data).jobs == ()
    assert errors(data, strict=True) == {"jobs": "input.missing", "language_tests": "input.missing"}


def test_messages_are_sentences() -> None:
    """Every error carries a non-empty message from the catalog."""
    with pytest.raises(ProfileError) as caught:
        parse_json(json.dumps(broken("jobs.0.noc_code", "22232")))
    assert "TEER" in caught.value.errors[0]["message"]


# ------------------------------------------------------------------ input limits (issue 10)


def test_input_limits_are_data_with_a_reason_and_cite_no_law() -> None:
    """Every input limit is an undated value in input_limits.toml with its reason, no reference."""
    raw = load("input_limits")
    assert set(raw) == set(InputLimits.__annotations__)
    for name, table in raw.items():
        assert table["description"] and table["unit"] and table["why"], name
        assert "values" not in table and "references" not in table, name  # not a rule
        assert getattr(LIMITS, name) == table["value"] > 0


def at_most(key: str, count: int) -> dict[str, Any]:
    """``base()`` with ``count`` copies of its first entry under ``key``."""
    data = base()
    data[key] = [data[key][0]] * count
    return data


@pytest.mark.parametrize(
    ("key", "most"),
    [("jobs", LIMITS.most_jobs), ("language_tests", LIMITS.most_language_tests)],
)
def test_lists_up_to_the_limit_are_read_one_more_is_refused_whole(key: str, most: int) -> None:
    """A list at the limit is read; one entry more is one error on the list, entries unread."""
    assert len(getattr(parse_profile(at_most(key, most)), key)) == most
    data = at_most(key, most + 1)
    data[key][0] = "not an entry"  # not looked at: the list is refused before its entries
    assert errors(data) == {key: "input.too_many"}


def test_the_issues_crafted_profile_is_refused_on_its_fields() -> None:
    """Hundreds of short jobs plus one of 1e-300 hours a week: refused, nothing computed."""
    short = [job(APP.replace(year=APP.year - 1), None, 30 + n % 97) for n in range(300)]
    data = {**base(), "jobs": [*short, job(APP.replace(year=APP.year - 2), None, 1e-300)]}
    assert errors(data) == {"jobs": "input.too_many"}
    data["jobs"] = data["jobs"][-LIMITS.most_jobs :]
    assert errors(data) == {f"jobs[{LIMITS.most_jobs - 1}].hours_per_week": "input.hours_range"}


def test_title_up_to_the_limit_is_read_one_character_more_is_reported() -> None:
    """A title of the most characters (four-byte ones) is kept; one more is reported."""
    title = "🛠" * LIMITS.most_title_characters
    assert parse_profile(broken("jobs.0.title", title)).jobs[0].title == title
    assert errors(broken("jobs.0.title", title + "x")) == {"jobs[0].title": "input.text_too_long"}


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (37.5, Fraction(75, 2)),
        (37.333333, Fraction(3733, 100)),
        (20.334, Fraction(2033, 100)),
        (0.015, Fraction(2, 100)),  # halves to even: 1.5 hundredths -> 2
        (0.025, Fraction(2, 100)),  # 2.5 hundredths -> 2
        (167.996, Fraction(168)),
    ],
)
def test_hours_are_kept_to_the_limits_precision(typed: float, kept: Fraction) -> None:
    """Hours a week are rounded to 0.01 (nearest, halves to even) as the profile is read."""
    assert LIMITS.hours_step == Fraction(1, 100)  # the cases below are written in hundredths
    assert parse_profile(broken("jobs.0.hours_per_week", typed)).jobs[0].hours_per_week == kept


@pytest.mark.parametrize(
    ("hours", "ok"),
    [
        (float(LIMITS.hours_step), True),
        (float(LIMITS.hours_step) * 0.99, False),
        (float(LIMITS.hours_step / 10), False),
        (1e-300, False),
        (168, True),
        (168 + float(LIMITS.hours_step), False),
    ],
)
def test_hours_range_runs_from_the_kept_precision_to_a_whole_week(hours: float, ok: bool) -> None:
    """The smallest figure accepted is the kept precision (0.01); the largest is 168."""
    data = broken("jobs.0.hours_per_week", hours)
    if ok:
        parse_profile(data)
    else:
        assert errors(data) == {"jobs[0].hours_per_week": "input.hours_range"}


def profile_text(**fields: Any) -> str:
    """``base()`` as JSON text, with ``fields`` replaced."""
    return json.dumps({**base(), **fields}, ensure_ascii=False)


def whole_text_errors(text: str) -> list[str]:
    """The codes of a text refused by parse_json (each on the whole document)."""
    with pytest.raises(ProfileError) as caught:
        parse_json(text)
    assert {e["field"] for e in caught.value.errors} == {""}
    return [e["code"] for e in caught.value.errors]


def test_text_over_the_size_limit_is_refused_counting_utf8_bytes() -> None:
    """The size limit counts UTF-8 bytes: characters under it but bytes over it are refused."""
    fill = LIMITS.most_profile_bytes // 3  # three bytes each in UTF-8
    assert len(profile_text(note="€" * fill)) <= LIMITS.most_profile_bytes
    assert whole_text_errors(profile_text(note="€" * fill)) == ["input.too_large"]
    parse_json(profile_text(note="€" * (fill // 2)))


def test_a_profile_at_every_limit_is_far_under_the_size_limit() -> None:
    """The most jobs and tests, every title at its longest in four-byte characters, fit
    several times in the size limit (so the size limit never refuses a real profile)."""
    data = at_most("jobs", LIMITS.most_jobs)
    data["jobs"] = [dict(entry, title="🛠" * LIMITS.most_title_characters) for entry in data["jobs"]]
    data["language_tests"] = at_most("language_tests", LIMITS.most_language_tests)["language_tests"]
    text = json.dumps(data, indent=4, ensure_ascii=False)
    parse_json(text)
    assert 4 * len(text.encode("utf-8")) < LIMITS.most_profile_bytes


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("{}", 1),
        ('{"a": [1, {"b": []}]}', 4),
        ('{"a": "[[[{{{"}', 1),  # brackets in strings do not nest
        ('{"a": "\\"[[[", "b": "\\\\"}', 1),  # nor do they after an escaped quote
        ("[[1], [2], [[3]]]", 3),
        ("not json", 0),
    ],
)
def test_nesting_depth_counts_brackets_outside_strings(text: str, depth: int) -> None:
    """The nesting check counts lists and objects, not brackets written inside strings."""
    assert _nesting_depth(text) == depth


def test_text_nested_past_the_limit_is_refused_before_parsing() -> None:
    """Nesting at the limit is read; one level more (or 100,000) is refused as too deep."""
    deepest = "[" * (LIMITS.most_nesting_depth - 1) + "]" * (LIMITS.most_nesting_depth - 1)
    parse_json(profile_text()[:-1] + f', "note": {deepest}}}')
    deeper = "[" * LIMITS.most_nesting_depth + "]" * LIMITS.most_nesting_depth
    assert whole_text_errors(profile_text()[:-1] + f', "note": {deeper}}}') == ["input.too_deep"]
    assert whole_text_errors("[" * 100_000 + "]" * 100_000) == ["input.too_deep"]


@pytest.mark.parametrize(
    ("path", "code"),
    [("hours_per_week", "input.not_number"), ("teer", "input.teer_range")],
)
def test_huge_integers_are_reported_on_their_field(path: str, code: str) -> None:
    """An integer of 5,000 digits (past the 4,300-digit limit) is an error on its own field."""
    huge = "9" * 5000
    text = json.dumps(base()).replace(f'"{path}": ', f'"{path}": {huge}, "was": ', 1)
    with pytest.raises(ProfileError) as caught:
        parse_json(text)
    assert {e["field"]: e["code"] for e in caught.value.errors} == {f"jobs[0].{path}": code}
