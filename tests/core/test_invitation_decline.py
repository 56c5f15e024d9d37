"""An invitation the person should decline, and a safe window that starts on the day of the
check (pycore/assessment.py _invitation, ``today`` from the page through api.check_json)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from support.contract import contract_profile, job
from support.rules import APP, CAP, REQUIRED

from pycore.api import check_json
from pycore.common.parameters import parameter

RESPONSE_DAYS = int(parameter("express_entry", "ita_response_days").value_at(APP))
# A CELPIP result (score = CLB) at 9 in all four, taken well before, valid throughout.
CELPIP_9 = {
    "test": "celpip_general",
    "date": (APP - timedelta(days=200)).isoformat(),
    **dict.fromkeys(("reading", "writing", "listening", "speaking"), 9),
}
DAYS_FOR_YEAR = -(-REQUIRED * 7 // CAP)  # days at the weekly cap that make the required hours


def invitation(body: dict[str, Any], today: date | None = None, lang: str = "en") -> Any:
    """The assessment's invitation for ``body`` checked on ``today``."""
    text = check_json(json.dumps(body), lang=lang, today=today.isoformat() if today else None)
    return json.loads(text)["invitation"]


def met_long_ago(invited: date) -> dict[str, Any]:
    """Two years of work up to the application date, invited on ``invited``."""
    body = contract_profile([job(APP - timedelta(days=730), None)], [CELPIP_9])
    body.update(invitation_date=invited.isoformat())
    return body


def reached_after(invited: date) -> dict[str, Any]:
    """Hours reached only after ``invited``: work started too late by ten days."""
    start = invited - timedelta(days=int(DAYS_FOR_YEAR) - 10)
    body = contract_profile([job(start, None)], [CELPIP_9])
    body.update(invitation_date=invited.isoformat())
    return body


def test_not_met_on_the_invitation_day_says_decline_with_a_date() -> None:
    """Decline before the deadline; eligible again from the day the hours are reached."""
    invited = APP - timedelta(days=5)
    found = invitation(reached_after(invited))
    assert found["met_at_invitation"] is False
    assert found["reasons"] == ["invitation.decline"]
    assert found["decline_references"] == ["canada_invitations_apply"]
    assert invited < date.fromisoformat(found["eligible_again"]) <= invited + timedelta(days=10)
    assert found["message"].startswith("Do not submit")
    assert invitation(reached_after(invited), lang="fr")["message"].startswith(
        "Ne présentez pas de demande"
    )


def test_the_safe_window_starts_on_the_day_of_the_check() -> None:
    """Days already past are not offered: the window starts today when that is later."""
    invited = APP - timedelta(days=10)
    today = invited + timedelta(days=3)
    assert invitation(met_long_ago(invited))["safe_window"]["first"] == invited.isoformat()
    assert invitation(met_long_ago(invited), today)["safe_window"]["first"] == today.isoformat()


def test_a_window_entirely_past_is_not_offered() -> None:
    """Checked after the deadline, no day is left to submit."""
    invited = APP - timedelta(days=10)
    late = invited + timedelta(days=RESPONSE_DAYS + 1)
    found = invitation(met_long_ago(invited), late)
    assert found["safe_window"] is None and found["reasons"] == ["invitation.window_past"]


def test_a_today_that_is_not_a_date_is_ignored() -> None:
    """The page's clock is not an answer: a bad value changes nothing and raises nothing."""
    invited = APP - timedelta(days=10)
    body = json.dumps(met_long_ago(invited))
    assert check_json(body, today="soon") == check_json(body)
