"""What a lever would open besides points: the category rounds a person would then qualify
for, with those rounds' cut-offs in the data (draws.toml). The categories are judged apart
(``pycore.categories``), so the interface hands their entries here after both are done.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pycore.common import messages
from pycore.common.parameters import load


def category_cutoffs(category: str, day: date) -> dict[str, Any] | None:
    """The lowest and highest cut-off of ``category``'s rounds in the year of its latest
    round on or before ``day``: the rounds listed one by one and the year's published range
    (draws.toml ``ranges``), which covers rounds the file does not list. None without any."""
    data = load("draws")
    rows = [r for r in data.get("category", []) if r.get("category") == category]
    rows = [r for r in rows if r["date"] <= day]
    # A year's range may include rounds after ``day`` in that year: the data keeps no dates.
    ranges = [r for r in data.get("ranges", []) if r["program"] == category]
    ranges = [r for r in ranges if r["year"] <= day.year]
    if not rows and not ranges:
        return None
    year = max([r["date"].year for r in rows] + [r["year"] for r in ranges])
    cutoffs = [r["cutoff"] for r in rows if r["date"].year == year]
    for r in ranges:
        if r["year"] == year:
            cutoffs += [r["low"], r["high"]]
    return {
        "year": str(year),  # a year, not a number to group in thousands
        "low": min(cutoffs),
        "high": max(cutoffs),
        "data_until": data["data_until"].isoformat(),
    }


def name_openings(crs: dict[str, Any] | None, categories: list[dict[str, Any]], day: date) -> None:
    """Add to each French lever of ``crs`` (a test in French, or French at level N in all
    four) the French categories not met now whose level it reaches: ``opens``, each with its
    rounds' cut-offs and a sentence. Levers that open nothing get an empty list."""
    if not crs:
        return
    for lever in crs.get("improvements", []):
        lever["opens"] = []
        facts = lever["facts"]
        french = lever["id"] == "french_test" or facts.get("language") == "french"
        if not french or "level" not in facts:
            continue
        for entry in categories:
            needed = entry["facts"].get("nclc")
            if entry["met"] is True or needed is None or facts["level"] < needed:
                continue
            cutoffs = category_cutoffs(entry["id"], day)
            if cutoffs is None:
                continue
            said = {"category": entry["name"], **cutoffs}
            lever["opens"].append(
                {
                    "category": entry["id"],
                    **cutoffs,
                    "reasons": ["crs.opens_category"],
                    "message": messages.render("crs.opens_category", said),
                }
            )
