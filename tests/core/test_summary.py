"""The result in short (pycore/summary.py): the figures shown under the verdict agree with the
rest of the assessment, and ranges come from the rounds in draws.toml."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from support.contract import contract_profile, crs_answers, job
from support.rules import APP

from pycore.api import check_json
from pycore.common import charts
from pycore.common.parameters import load
from pycore.crs.estimate import ROUNDS_COMPARED

NURSE = "31301"  # registered nurses: a healthcare category code (categories.toml)
CRS = crs_answers()


def assess(start_days: int, code: str | None, level: int = 8, crs: bool = True) -> dict[str, Any]:
    """A CELPIP result at ``level`` in all four and one ongoing job started ``start_days`` ago."""
    facts = {"noc_code": code} if code else {}
    work = job(APP - timedelta(days=start_days), None, teer=int(code[1]) if code else 1, **facts)
    test = {"test": "celpip_general", "date": (APP - timedelta(days=90)).isoformat()}
    test.update(dict.fromkeys(("reading", "writing", "listening", "speaking"), level))
    body = contract_profile([work], [test])
    if crs:
        body["crs"] = CRS
    result: dict[str, Any] = json.loads(check_json(json.dumps(body)))
    return result


def test_the_cec_range_is_that_of_the_rounds_compared() -> None:
    """The CEC line spans the rounds the estimate is compared with: their lowest and highest
    cut-offs, the first and last dates."""
    result = assess(500, NURSE)
    compared = result["crs"]["rounds"]["cec"]
    cec = result["summary"]["cutoffs"][0]
    assert cec["program"] == "cec" and cec["rounds"] == len(compared) <= ROUNDS_COMPARED
    assert cec["low"] == min(r["cutoff"] for r in compared)
    assert cec["high"] == max(r["cutoff"] for r in compared)
    assert (cec["first"], cec["last"]) == (compared[0]["date"], compared[-1]["date"])


def test_a_category_met_brings_its_rounds_range() -> None:
    """A nurse with a year and more meets the healthcare category; its rounds' range is that of
    the year of its latest round, as a lever's ``opens`` would say it."""
    result = assess(500, NURSE)
    summary = result["summary"]
    assert [c["category"] for c in summary["categories_met"]] == ["healthcare"]
    line = next(c for c in summary["cutoffs"] if c["category"] == "healthcare")
    rows = [r for r in load("draws")["category"] if r.get("category") == "healthcare"]
    rows = [r for r in rows if str(r["date"].year) == line["year"] and r["date"] <= APP]
    assert line["low"] <= min(r["cutoff"] for r in rows)
    assert line["high"] >= max(r["cutoff"] for r in rows)
    assert line["last"] == max(r["date"] for r in rows).isoformat()


def test_a_category_reached_later_gives_its_date_and_counts_the_others() -> None:
    """Six months as a nurse: the healthcare category is within reach on its projected date;
    every other category not within reach (a French test would open the French one) is counted
    once."""
    result = assess(183, NURSE)
    entry = next(c for c in result["categories"] if c["id"] == "healthcare")
    summary = result["summary"]
    reach = {c["category"]: c for c in summary["categories_within_reach"]}
    assert reach["healthcare"] == {
        "category": "healthcare",
        "name": entry["name"],
        "date": entry["facts"]["projected_date"],
        "lever": None,
    }
    assert summary["categories_other"] == len(result["categories"]) - len(reach)


def test_a_lever_that_opens_a_category_puts_it_within_reach() -> None:
    """Marc: TEF one level under the French category's in listening and speaking. The lever to
    that level in all four opens the category: within reach by that lever, with no date."""
    level = load("crs")["combined_levels"]["french"][0]
    taken = APP - timedelta(days=90)
    chart = charts.chart("tef_canada", taken)
    test: dict[str, Any] = {"test": "tef_canada", "date": taken.isoformat()}
    for ability in charts.ABILITIES:
        short = ability in ("listening", "speaking")
        test[ability] = chart.lowest_score(ability, level - 1 if short else level)
    body = contract_profile([job(APP - timedelta(days=400), None)], [test])
    body["crs"] = CRS
    result = json.loads(check_json(json.dumps(body)))
    lever = next(i for i in result["crs"]["improvements"] if i["opens"])
    french = next(c for c in result["categories"] if c["id"] == "french")
    assert result["summary"]["categories_within_reach"] == [
        {"category": "french", "name": french["name"], "date": None, "lever": lever["id"]}
    ]


def test_best_lever_is_the_first_improvement_and_none_without_an_estimate() -> None:
    """The change that raises the estimate most is the first lever; with no CRS answers there
    is no estimate and no lever, but the CEC rounds' range is still given."""
    result = assess(500, NURSE)
    first = result["crs"]["improvements"][0]
    best = result["summary"]["best_lever"]
    assert best == {key: first[key] for key in ("id", "gain", "total", "message")}
    assert result["summary"]["crs_total"] == result["crs"]["total"]
    bare = assess(500, NURSE, crs=False)["summary"]
    assert bare["crs_total"] is None and bare["best_lever"] is None
    assert bare["cutoffs"][0]["program"] == "cec"


def test_categories_that_cannot_be_told_are_counted() -> None:
    """A job without a code cannot be matched to an occupation category: those categories are
    counted as cannot-tell, apart from the ones not met."""
    result = assess(500, None, crs=False)
    unknown = [c for c in result["categories"] if c["met"] is None]
    assert unknown and result["summary"]["categories_unknown"] == len(unknown)
    assert result["summary"]["categories_met"] == []


def test_a_category_met_without_a_program_carries_the_categories_notice() -> None:
    """A nurse with the healthcare category's months but a language level under the CEC's (and
    FSW's) meets the category and no program: the summary carries the category's own notice (a
    category round invites only people who meet a program); with the CEC met it carries none."""
    levels = load("language")["minimum_level"]["values"][-1]["value"]
    level = next(row["level"] for row in levels if int(NURSE[1]) in row["teers"]) - 1
    short = assess(500, NURSE, level=level)
    healthcare = next(c for c in short["categories"] if c["id"] == "healthcare")
    assert healthcare["met"] is True and short["eligible"] is False
    assert short["summary"]["programs_notice"] == healthcare["programs_notice"]["code"]
    assert assess(500, NURSE)["summary"]["programs_notice"] is None
