"""The Federal Skilled Worker (FSW) class, IRPR 75-83: minimum requirements and 67-point grid.

``entry`` judges the five requirements the contract names (work experience, language,
education, points, funds) and scores the six selection factors. The rules and their
sources are in ``pycore/data/fsw.toml``; the hours rules for work outside Canada, what
"continuous" means and who needs no funds are recorded there as choices.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pycore.common.profile import Profile
from pycore.common.skilled_work import Judged, answers, funds, overall
from pycore.programs.fsw.grid import Grid, score
from pycore.programs.fsw.minimums import education, language, work_experience

ID = "fsw"


def entry(profile: Profile, day: date) -> dict[str, Any]:
    """The contract's ``programs[]`` entry for FSW, judged on ``day``."""
    grid = score(profile, day)
    offer = answers(profile).job_offer
    waived = grid.arranged_employment if answers(profile).job_offer_answered else None
    judged = [
        work_experience(profile, day),
        language(profile, day),
        education(profile),
        _points(grid),
        funds(profile, None if waived is None else bool(waived and offer is not None)),
    ]
    met, missing = overall(judged)
    return {
        "id": ID,
        "met": met,
        "missing": missing,
        "requirements": [item.entry() for item in judged],
        "points": grid.output(),
    }


def _points(grid: Grid) -> Judged:
    facts: dict[str, Any] = {
        "total": grid.total,
        "known": grid.known,
        "pass_mark": grid.pass_mark,
        "points_short": grid.short,
        "most_possible": grid.most_possible,
    }
    if grid.known >= grid.pass_mark:
        return Judged("points", True, "fsw.points_met", facts)
    if grid.most_possible < grid.pass_mark:
        return Judged("points", False, "fsw.points_short", facts)
    return Judged("points", None, "fsw.points_missing", facts, grid.missing)
