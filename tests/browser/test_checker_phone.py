"""The checker page on a phone (390 x 844): the form comes first. The first field is in the first
screen, the page's longer notes are folded below the form; English and French, axe clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots")
PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_first_field_is_in_the_first_phone_screen(
    browser: Browser, site_url: str, lang: str
) -> None:
    """Before any scrolling, the form's first control is inside the screen; the notes on
    privacy and storage are folded after the form."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        prefix = "/fr" if lang == "fr" else ""
        page.goto(f"{site_url}{prefix}/checker/")
        first = page.locator("[data-cec-form] :is(input, select, textarea):visible").first
        expect(first).to_be_visible()
        box = first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
        notes = page.locator("details.info")
        expect(notes).to_have_count(1)
        expect(notes).not_to_have_attribute("open", "")
        form_below = page.evaluate(
            "() => document.querySelector('[data-cec-form]').compareDocumentPosition("
            "document.querySelector('details.info')) & Node.DOCUMENT_POSITION_FOLLOWING"
        )
        assert form_below
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"phone-first-screen-{lang}.png"))
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
