"""Issue 20: dated values are read only where they are in force, and every profile within the
input limits is small work (the invitation's days, shared capped days, category searches)."""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from support.contract import contract_profile, job
from support.engine import parsed_profile, random_jobs
from support.rules import APP

from pycore import assessment
from pycore.api import check_json
from pycore.assessment import RULE_FILES, supported_from
from pycore.categories import eligibility as categories
from pycore.common.parameters import parameter, parameters
from pycore.programs import cec
from pycore.programs.cec.work_experience import WorkByDay, work_experience
from pycore.validation import invitations_from, parse_profile

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from worst_profiles import worst_profiles  # noqa: E402

DAY = timedelta(days=1)
# Read on the application date by the assessment (the others of express_entry are the guide's).
APPLICATION_DATE_READS = ("ita_response_days", "test_expiry_notice_months")
# How long these take is measured by the benchmark (bench_core.py --worst), never asserted here:
# the tests hold the work's shape (one run of the hours engine, sharing found once).


def test_rules_read_on_the_application_date_are_in_force_from_the_first_supported_date() -> None:
    """Every dated value read on a judged application date has a value on the first one."""
    read = [p for name in RULE_FILES for p in parameters(name) if not p.guide_only]
    read += [parameter("express_entry", key) for key in APPLICATION_DATE_READS]
    late = [p.name for p in read if p.values[0].effective > supported_from()]
    assert late == []


def test_categories_start_once_their_experience_rules_are_in_force() -> None:
    """No category is in force before the category experience values it is judged by."""
    first = max(p.values[0].effective for p in parameters("categories"))
    assert [c.id for c in categories.all_categories() if c.starts < first] == []


def test_invitation_dates_are_refused_only_before_the_first_response_days() -> None:
    """The day before the first recorded days to submit is a field error; that day is judged."""
    first = parameter("express_entry", "ita_response_days").values[0].effective
    assert invitations_from() == first
    body = contract_profile(tests=[], jobs=[])
    early = json.loads(check_json(json.dumps({**body, "invitation_date": str(first - DAY)})))
    assert [(e["field"], e["code"]) for e in early["errors"]] == [
        ("invitation_date", "input.invitation_too_early")
    ]
    judged = json.loads(check_json(json.dumps({**body, "invitation_date": str(first)})))
    assert judged["invitation"]["response_days"] == parameter(
        "express_entry", "ita_response_days"
    ).value_at(first)


def test_work_by_day_gives_the_work_requirement_of_each_day() -> None:
    """WorkByDay's met and main TEER equal work_experience's, day after day, random jobs."""
    rng = random.Random(20)
    for _ in range(60):
        app = APP + DAY * rng.randint(-400, 400)
        jobs = parsed_profile(random_jobs(rng, app, rng.randint(0, 8)), app=app).jobs
        judge = WorkByDay(jobs)
        for offset in range(0, 120, 7):
            day = app + DAY * offset
            full = work_experience(jobs, day)
            assert judge.on(day) == (full.met, full.main_teer), (day, jobs)


def test_invitation_days_never_rerun_the_hours_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a full invitation window the whole work engine runs once, not once a day."""
    runs: list[date] = []
    real = cec.work_experience

    def counted(jobs: Any, day: date) -> Any:
        runs.append(day)
        return real(jobs, day)

    monkeypatch.setattr(cec, "work_experience", counted)
    result = assessment.assess(parse_profile(worst_profiles()["invitation_staggered"]))
    assert result["invitation"]["reasons"] == ["invitation.window_full"]
    assert len(runs) == 1


def test_shared_with_names_jobs_sharing_an_over_cap_day() -> None:
    """Three jobs: the two that overlap past the cap share, the third (alone) shares with none."""
    first = APP - DAY * 300
    jobs = [
        job(first, first + DAY * 9, 20),
        job(first + DAY * 5, first + DAY * 20, 20),
        job(first + DAY * 30, first + DAY * 40, 20),
    ]
    result = assessment.assess(parsed_profile(jobs))
    assert [entry["shared_with"] for entry in result["jobs"]] == [[1], [0], []]


@pytest.mark.parametrize("name", list(worst_profiles()))
def test_worst_profiles_are_within_the_limits(name: str) -> None:
    """Each costliest shape the benchmark times is a valid profile the checker judges."""
    result = json.loads(check_json(json.dumps(worst_profiles()[name], ensure_ascii=False)))
    assert "errors" not in result, result
    assert result["eligible"] in (True, False, None)
