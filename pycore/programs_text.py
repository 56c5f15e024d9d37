"""The Express Entry programs as lines of text for ``--format text`` (words from the catalogs):
which programs are met, in IRCC's order; FSW's grid factor by factor with the points short;
FST's trade, its hours and the bar."""

from __future__ import annotations

from typing import Any

from pycore.common import messages

_STATUS = {True: "cli.status_true", False: "cli.status_false", None: "cli.status_null"}
# Written out so every catalog key appears in the code (the message scan looks for literals).
_NAME = {"cec": "cli.program_cec", "fsw": "cli.program_fsw", "fst": "cli.program_fst"}
_TITLE = {
    "work_experience": "cli.requirement_work_experience",
    "language": "cli.requirement_language",
    "education": "cli.requirement_education",
    "points": "cli.requirement_points",
    "funds": "cli.requirement_funds",
    "job_offer_or_certificate": "cli.requirement_job_offer_or_certificate",
}
_FACTOR = {
    "language": "cli.factor_language",
    "education": "cli.factor_education",
    "experience": "cli.factor_experience",
    "age": "cli.factor_age",
    "arranged_employment": "cli.factor_arranged_employment",
    "adaptability": "cli.factor_adaptability",
}
_PROGRAM_STATUS = {
    True: "cli.program_status_true",
    False: "cli.program_status_false",
    None: "cli.program_status_null",
}


def program_lines(programs: list[dict[str, Any]] | None) -> list[str]:
    """One paragraph per program; the CEC's own requirements are printed above it already."""
    if not programs:
        return []
    say = messages.render
    lines = ["", say("cli.programs_heading", {})]
    for program in programs:
        facts = {
            "name": say(_NAME[program["id"]], {}),
            "status": say(_PROGRAM_STATUS[program["met"]], {}),
        }
        lines.append(say("cli.program", facts))
        if program["missing"]:
            lines.append("  " + say("cli.program_missing", {"fields": program["missing"]}))
        for requirement in program["requirements"]:
            detail = {
                "title": say(_TITLE[requirement["id"]], {}),
                "status": say(_STATUS[requirement["met"]], {}),
                "message": requirement["message"],
            }
            lines.append("  - " + say("cli.requirement", detail))
        lines += _points(program.get("points")) + _trade(program)
    return lines


def _points(points: dict[str, Any] | None) -> list[str]:
    if not points:
        return []
    say = messages.render
    if points["total"] is None:
        head = say("cli.grid_incomplete", points)
    elif points["points_short"]:
        head = say("cli.grid_short", points)
    else:
        head = say("cli.grid_met", points)
    return ["  " + head] + [
        "    - " + say("cli.factor", {"title": say(_FACTOR[factor["id"]], {}), **factor})
        for factor in points["factors"]
    ]


def _trade(program: dict[str, Any]) -> list[str]:
    if program["id"] != "fst":
        return []
    work = next(item for item in program["requirements"] if item["id"] == "work_experience")
    trade = program.get("trade")
    if not trade:
        return ["  " + messages.render("cli.trade_none", work["facts"])]
    facts = {**work["facts"], "noc_code": trade["noc_code"], "hours": trade["hours"]}
    return ["  " + messages.render("cli.trade", facts)]
