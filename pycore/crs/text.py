"""The CRS estimate as lines of text for ``--format text`` (words from the message catalog)."""

from __future__ import annotations

from typing import Any

from pycore.common import messages


def crs_lines(crs: dict[str, Any] | None) -> list[str]:
    """The breakdown, then what would raise it and what will lower it; none without a CRS."""
    if not crs or not crs.get("factors"):
        return []
    if crs["total"] is None:
        lines = [messages.render("crs.text_incomplete", {"missing": crs["missing"]})]
    else:
        lines = [messages.render("crs.text_total", crs)]
    if crs.get("grid_notice"):
        lines.append(crs["grid_notice"]["message"])
    shown = dict.fromkeys(factor["message"] for factor in crs["factors"])  # spouse lines once
    lines += [f"- {message}" for message in shown]
    for key, items in (
        ("crs.text_improvements", crs["improvements"]),
        ("crs.text_lowers", crs["lowers"]),
    ):
        if items:
            lines += ["", messages.render(key, {})]
            for item in items:
                lines.append(f"- {item['message']}")
                lines += [f"  {opened['message']}" for opened in item.get("opens", [])]
    rounds = crs.get("rounds")
    if rounds and rounds.get("message"):
        lines += ["", rounds["message"]]
    return ["", *lines]
