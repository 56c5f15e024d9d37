"""Levers that combine, in Chromium: Marc's "NCLC 7 in all four" lever leads the "within
reach" group and names the French rounds it opens, in English and French, at 1280 and 390 px,
with axe clean. The sentences expected are CPython's for the same profile."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect
from support.checker import encode, open_ranking, open_sections, result_at, wait_for_mark
from support.contract import contract_profile, crs_answers, job
from support.rules import APP

from pycore import api
from pycore.common.parameters import load

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots")
FRENCH_LEVEL = load("crs")["combined_levels"]["french"][0]


def marc() -> dict[str, Any]:
    """A TEF result one level under the French category's in listening and speaking."""
    body = contract_profile(
        [job(APP - timedelta(days=400), None, title="Analyste")],
        [result_at(FRENCH_LEVEL, "tef_canada", short=("listening", "speaking"))],
    )
    body["crs"] = crs_answers(32)
    return body


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("width", [1280, 390])
def test_marc_sees_the_combined_lever_and_what_it_opens(
    browser: Browser, site_url: str, lang: str, width: int
) -> None:
    """The all-four lever is first under "within reach", with the French rounds it opens; axe
    finds nothing."""
    body = marc()
    expected = json.loads(api.check_json(json.dumps(body), lang=lang))["crs"]["improvements"]
    first = expected[0]
    assert first["id"] == f"french_all_{FRENCH_LEVEL}" and first["opens"]
    context = browser.new_context(
        viewport={"width": width, "height": 900}, is_mobile=width < 600, has_touch=width < 600
    )
    page = context.new_page()
    try:
        prefix = "/fr" if lang == "fr" else ""
        page.goto(f"{site_url}{prefix}/checker/#profile={encode(body)}")
        wait_for_mark(page, "cec:result")
        within = open_ranking(page).locator(".cec-crs-raise").first
        lever = within.locator("li").first
        expect(lever).to_have_attribute("data-improvement", first["id"])
        expect(lever).to_contain_text(first["message"])
        expect(lever.locator("[data-opens='french']")).to_have_text(first["opens"][0]["message"])
        open_sections(page)
        lever.scroll_into_view_if_needed()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"levers-{lang}-{width}.png"), full_page=False)
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
