"""The "Other Express Entry programs" page's tables, from ``pycore/data/fsw.toml`` and
``fst.toml``: the FSW selection grid and age table, the proof-of-funds table by family size
(every dated version, newest first), the FST trade groups and the programs' language levels.

Registered into ``site_scripts.tables.tables`` on import (the placeholder hook imports this module).
The grid has one dated version in the data; its newest value is shown.
"""

from __future__ import annotations

from typing import Any

from pycore.common.parameters import parameter
from site_scripts.tables import tables
from site_scripts.tables.formatting import long_date, reader_value
from site_scripts.tables.words import say

ABILITIES = ("reading", "writing", "listening", "speaking")
EDUCATION = {
    "secondary": "Secondary school",
    "one_year": "One-year post-secondary program",
    "two_year": "Two-year post-secondary program",
    "bachelors": "Bachelor's degree or a program of three years or more",
    "two_or_more": "Two or more credentials, one of three years or more",
    "masters": "Master's or entry-to-practice professional degree",
    "doctoral": "Doctoral degree",
}


def _newest(file: str, key: str) -> Any:
    return parameter(file, key).values[-1].value


def _level_rows(rows: list[dict[str, int]], unit: str) -> str:
    return "; ".join(say(unit, level=row["min"], points=row["points"]) for row in rows)


def fsw_grid() -> str:
    """Each factor with its maximum and how its points are given."""
    second = _newest("fsw", "second_language_points")
    education = _newest("fsw", "education_points")
    adapt = _newest("fsw", "adaptability_points")
    body = [
        [
            say("Language"),
            _newest("fsw", "language_max"),
            say(
                "First official language, per ability: {rows}. Second official language: "
                "{points} points with CLB {level} or more in all four.",
                rows=_level_rows(_newest("fsw", "first_language_points"), "CLB {level}+: {points}"),
                points=second["points"],
                level=second["min"],
            ),
        ],
        [
            say("Education"),
            _newest("fsw", "education_max"),
            "; ".join(
                say("{label}: {value}", label=say(EDUCATION[level]), value=points)
                for level, points in education.items()
                if points
            ),
        ],
        [
            say("Experience"),
            _newest("fsw", "experience_max"),
            "; ".join(
                say(
                    "{level}+ year: {points}" if row["min"] == 1 else "{level}+ years: {points}",
                    level=row["min"],
                    points=row["points"],
                )
                for row in _newest("fsw", "experience_points")
            ),
        ],
        [
            say("Age"),
            _newest("fsw", "age_max"),
            say("See the age table below."),
        ],
        [
            say("Arranged employment"),
            _newest("fsw", "arranged_employment_points"),
            say("A valid job offer in a TEER 0, 1, 2 or 3 occupation."),
        ],
        [
            say("Adaptability"),
            _newest("fsw", "adaptability_max"),
            say(
                "Any of: a year of skilled work in Canada ({own_work}); two years of study in "
                "Canada ({own_study}); a relative in Canada ({relative}); arranged employment "
                "({arranged}); the spouse's language at CLB {clb} ({spouse_language}), study "
                "({spouse_study}) or year of work ({spouse_work}) in Canada.",
                own_work=adapt["own_work"],
                own_study=adapt["own_study"],
                relative=adapt["relative"],
                arranged=adapt["arranged_employment"],
                clb=adapt["spouse_language_clb"],
                spouse_language=adapt["spouse_language"],
                spouse_study=adapt["spouse_study"],
                spouse_work=adapt["spouse_work"],
            ),
        ],
    ]
    header = [say("Factor"), say("Most points"), say("How points are given")]
    return tables.block(tables.stacked_table(header, body))


def fsw_age() -> str:
    """Points by age on the application date."""
    body = [
        [
            reader_value(row["min"])
            if row["min"] == row["max"]
            else say("{low} to {high}", low=row["min"], high=row["max"]),
            row["points"],
        ]
        for row in _newest("fsw", "age_points")
    ]
    last = max(row["max"] for row in _newest("fsw", "age_points"))
    body.append([say("{age} or more, or under 18", age=last + 1), 0])
    return tables.block(tables.markdown_table([say("Age"), say("Points")], body))


def settlement_funds() -> str:
    """Funds needed by family size, one column per dated table, newest first."""
    versions = list(reversed(parameter("fsw", "settlement_funds").values))
    sizes = len(versions[0].value["by_size"])
    header = [say("Family members")] + [
        say("From {date}", date=long_date(v.effective)) for v in versions
    ]
    body: list[list[Any]] = [
        [str(size)] + [v.value["by_size"][size - 1] for v in versions]
        for size in range(1, sizes + 1)
    ]
    body.append(
        [say("Each member beyond {size}", size=sizes)]
        + [v.value["each_additional"] for v in versions]
    )
    return tables.block(tables.markdown_table(header, body))


def fst_trades() -> str:
    """The NOC 2021 groups of skilled trades, with the groups they leave out."""
    groups = _newest("fst", "trade_groups")
    kinds = {2: "major group", 3: "sub-major group", 4: "minor group", 5: "unit group"}
    rows = []
    for code in groups["include"]:
        left_out = [c for c in groups["exclude"] if c.startswith(code)]
        text = say("NOC {kind} {code}", kind=say(kinds[len(code)]), code=code)
        if left_out:
            text += " " + say(
                "(except {kind} {codes})",
                kind=say(kinds[len(left_out[0])]),
                codes=", ".join(left_out),
            )
        rows.append(f"- {text}")
    return tables.block("\n".join(rows))


def program_language() -> str:
    """The level each ability needs for FSW and FST."""
    fsw = _newest("fsw", "language_minimum_clb")
    fst = _newest("fst", "language_minimum_clb")
    header = [say("Program")] + [say(a.capitalize()) for a in ABILITIES]
    body = [
        [say("Federal Skilled Worker")] + [f"CLB {fsw}" for _ in ABILITIES],
        [say("Federal Skilled Trades")] + [f"CLB {fst[a]}" for a in ABILITIES],
    ]
    return tables.block(tables.markdown_table(header, body))


tables.register("fsw_grid", False, fsw_grid)
tables.register("fsw_age", False, fsw_age)
tables.register("settlement_funds", False, settlement_funds)
tables.register("fst_trades", False, fst_trades)
tables.register("program_language", False, program_language)
