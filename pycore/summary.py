"""The result in short (the assessment's ``summary``): the figures the page shows under the
verdict, taken from the rest of the assessment so the two cannot disagree.

- ``crs_total``: the CRS estimate (null without one);
- ``cutoffs``: the range of the lowest scores invited in recent rounds the person could be
  invited in: the CEC rounds the estimate is compared with, then each category met (its rounds
  in the year of its latest round, as the levers' ``opens`` give them), with the rounds' dates;
- ``categories_met``, ``categories_within_reach`` (not met now, but a date on which the jobs as
  entered meet it, or a lever shown under the ranking that opens it), ``categories_other``
  (how many more are not met or cannot be told) and ``categories_unknown`` (how many of those
  cannot be told from the answers);
- ``programs_notice``: with categories met, the code of their ``programs_notice`` when no
  program is met (``category.no_program_met``) or one cannot be told
  (``category.program_unknown``): a category round invites only people who meet a program;
- ``best_lever``: the change that would raise the estimate most, with its points.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pycore.common.parameters import load
from pycore.crs.estimate import ROUNDS_COMPARED
from pycore.crs.unlocks import category_cutoffs


def summary(result: dict[str, Any], day: date) -> dict[str, Any]:
    """The summary of ``result`` (an assessment without it) judged on ``day``."""
    crs = result.get("crs") or {}
    categories = result.get("categories") or []
    levers = crs.get("improvements") or []
    opened = {o["category"]: lever["id"] for lever in reversed(levers) for o in lever["opens"]}
    met = [entry for entry in categories if entry["met"] is True]
    reach = []
    for entry in categories:
        projected = entry["facts"].get("projected_date")
        if entry["met"] is not True and (projected or entry["id"] in opened):
            reach.append(
                {
                    "category": entry["id"],
                    "name": entry["name"],
                    "date": projected,
                    "lever": None if projected else opened[entry["id"]],
                }
            )
    reached = {item["category"] for item in reach}
    best = levers[0] if levers else None  # the levers come ranked by points
    notice = next((e["programs_notice"]["code"] for e in met if e.get("programs_notice")), None)
    return {
        "crs_total": crs.get("total"),
        "cutoffs": _cutoffs(met, day),
        "categories_met": [{"category": e["id"], "name": e["name"]} for e in met],
        "categories_within_reach": reach,
        "categories_other": len(categories) - len(met) - len(reach),
        "categories_unknown": sum(
            1 for e in categories if e["met"] is None and e["id"] not in reached
        ),
        "programs_notice": notice,
        "best_lever": (
            {key: best[key] for key in ("id", "gain", "total", "message")} if best else None
        ),
    }


def _cutoffs(met: list[dict[str, Any]], day: date) -> list[dict[str, Any]]:
    """The CEC rounds' range, then each met category's (those with rounds in the data)."""
    data = load("draws")
    cec = sorted((r for r in data.get("cec", []) if r["date"] <= day), key=lambda r: r["date"])
    found = []
    if cec:
        found.append({"program": "cec", "category": None, **_span(cec[-ROUNDS_COMPARED:])})
    for entry in met:
        cutoffs = category_cutoffs(entry["id"], day)
        if cutoffs is None:
            continue
        rows = [
            r
            for r in data.get("category", [])
            if r.get("category") == entry["id"] and r["date"] <= day
        ]
        rows = sorted((r for r in rows if str(r["date"].year) == cutoffs["year"]), key=_date)
        dates = _span(rows) if rows else {"first": None, "last": None, "rounds": 0}
        found.append(
            {
                "program": "category",
                "category": entry["id"],
                "name": entry["name"],
                **dates,
                "low": cutoffs["low"],
                "high": cutoffs["high"],
                "year": cutoffs["year"],
            }
        )
    for item in found:
        item["data_until"] = data["data_until"].isoformat()
    return found


def _date(row: dict[str, Any]) -> date:
    found: date = row["date"]
    return found


def _span(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Lowest and highest cut-off of ``rows`` (in date order), their first and last dates."""
    cutoffs = [row["cutoff"] for row in rows]
    return {
        "low": min(cutoffs),
        "high": max(cutoffs),
        "first": rows[0]["date"].isoformat(),
        "last": rows[-1]["date"].isoformat(),
        "rounds": len(rows),
    }
