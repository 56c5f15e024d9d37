"""The CRS estimate beside the latest round of each category in draws.toml, bounds from the data."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from pycore.common.parameters import load
from pycore.crs import estimate as crs

DAY = date(2026, 12, 6)


def latest_rounds(day: date) -> dict[str, dict[str, Any]]:
    """The latest category round of each category id on or before ``day``, from the data."""
    found: dict[str, dict] = {}
    for row in sorted(load("draws")["category"], key=lambda r: r["date"]):
        if row.get("category") and row["date"] <= day:
            found[row["category"]] = row
    return found


@pytest.mark.parametrize("category", sorted(latest_rounds(DAY)))
def test_a_score_equal_to_the_latest_cutoff_clears_it_and_one_less_does_not(category: str) -> None:
    """At the latest round's cut-off the estimate clears it; one point under, it is below."""
    row = latest_rounds(DAY)[category]
    at = {r["id"]: r for r in crs.rounds(row["cutoff"], DAY)["by_category"]}[category]
    under = {r["id"]: r for r in crs.rounds(row["cutoff"] - 1, DAY)["by_category"]}[category]
    assert (at["date"], at["cutoff"]) == (row["date"].isoformat(), row["cutoff"])
    assert at["cleared"] and at["reasons"] == ["crs.category_round_cleared"]
    assert not under["cleared"] and under["reasons"] == ["crs.category_round_below"]


def test_a_round_after_the_date_judged_is_not_compared() -> None:
    """The day before a category's latest round, the comparison uses the round before it."""
    newest = max(latest_rounds(DAY).values(), key=lambda r: r["date"])
    before = newest["date"] - timedelta(days=1)
    compared = {r["id"]: r for r in crs.rounds(500, before)["by_category"]}
    earlier = latest_rounds(before).get(newest["category"])
    if earlier is None:
        assert newest["category"] not in compared
    else:
        assert compared[newest["category"]]["date"] == earlier["date"].isoformat()


def test_every_category_round_names_a_category_of_categories_toml() -> None:
    """Each category round's id is a category id of categories.toml, so results can match them."""
    ids = {c["id"] for c in load("categories")["category"]}
    assert {row["category"] for row in load("draws")["category"]} <= ids
