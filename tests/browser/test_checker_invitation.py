"""An invitee who did not meet the requirements on the invitation day, in Chromium: an alert
(decline, do not submit) with the official page and the guide's section, and a "What next"
that does not tell them to create a profile; English and French, 1280 and 390 px, axe clean."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect
from support.checker import HIGH_LEVEL, encode, result_at, wait_for_mark
from support.contract import contract_profile, job
from support.rules import APP, CAP, REQUIRED

from pycore import api
from pycore.common import messages

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots")
DAYS_FOR_YEAR = int(-(-REQUIRED * 7 // CAP))


def invited_too_early() -> dict[str, Any]:
    """Invited five days before the application date; the hours are reached only after it."""
    invited = APP - timedelta(days=5)
    start = invited - timedelta(days=DAYS_FOR_YEAR - 3)
    body = contract_profile([job(start, None)], [result_at(HIGH_LEVEL)])
    body["invitation_date"] = invited.isoformat()
    return body


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("width", [1280, 390])
def test_an_invitee_not_eligible_that_day_is_told_to_decline(
    browser: Browser, site_url: str, lang: str, width: int
) -> None:
    """The alert carries the engine's sentence, the official page and the guide's section; What
    next does not say to create a profile; axe finds nothing."""
    body = invited_too_early()
    today = date.today().isoformat()  # the page passes its own clock's day
    expected = json.loads(api.check_json(json.dumps(body), lang=lang, today=today))["invitation"]
    assert expected["reasons"] == ["invitation.decline"]
    context = browser.new_context(
        viewport={"width": width, "height": 900}, is_mobile=width < 600, has_touch=width < 600
    )
    page = context.new_page()
    try:
        prefix = "/fr" if lang == "fr" else ""
        page.goto(f"{site_url}{prefix}/checker/#profile={encode(body)}")
        wait_for_mark(page, "cec:result")
        alert = page.get_by_role("alert").filter(has=page.locator("#cec-invitation-title"))
        expect(alert).to_have_count(1)
        expect(alert).to_contain_text(expected["message"])
        expect(alert.locator("a[href*='canada.ca']")).to_have_count(1)
        expect(alert.locator("a[href$='after-invitation/#declining']")).to_have_count(1)
        whatnext = page.locator(".cec-whatnext")
        expect(whatnext).to_contain_text(messages.render("ui.whatnext_invited_decline", {}, lang))
        expect(whatnext).not_to_contain_text(messages.render("ui.whatnext_not_yet", {}, lang))
        alert.scroll_into_view_if_needed()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"invitation-decline-{lang}-{width}.png"))
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
