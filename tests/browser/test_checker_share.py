"""Share links, answer files and "remember on this device" on the checker page."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from support.checker import HIGH_LEVEL, cpython, marks, open_share_link, result_at, wait_for_mark
from support.contract import contract_profile, job
from support.rules import APP

pytestmark = pytest.mark.browser

# Every field the form keeps, with values of each kind (text, code, decimal hours, half bands).
FULL = contract_profile(
    [
        job(
            APP - timedelta(days=500),
            None,
            hours=37.5,
            title="Développeuse «web»",
            noc_code="21232",
        ),
        job(
            APP - timedelta(days=900),
            APP - timedelta(days=600),
            hours=12,
            teer=3,
            full_time_student=True,
        ),
    ],
    [result_at(HIGH_LEVEL, test_id="ielts_general"), result_at(HIGH_LEVEL, test_id="tef_canada")],
)


@pytest.fixture(scope="module")
def context(browser: Browser) -> Iterator[BrowserContext]:
    """One browser profile for these tests (its HTTP cache keeps them quick), with clipboard."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


def decode_link(link: str) -> object:
    encoded = link.split("#profile=", 1)[1]
    return json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))


def test_share_link_round_trip(context: BrowserContext, site_url: str) -> None:
    """Opening a link fills the form; "copy share link" then gives back the same answers."""
    page = context.new_page()
    open_share_link(page, site_url, FULL)
    expected = cpython(FULL)
    eligible = {True: "true", False: "false", None: "unknown"}[expected["eligible"]]
    expect(page.get_by_test_id("verdict")).to_have_attribute("data-eligible", eligible)
    page.get_by_role("button", name="Copy share link").click()
    expect(page.locator(".cec-tools-note")).to_contain_text("copied")
    link = page.evaluate("navigator.clipboard.readText()")
    assert "=" not in link.split("#profile=", 1)[1]  # base64url without padding
    assert decode_link(link) == FULL
    other = context.new_page()
    open_share_link(other, site_url.rstrip("/"), decode_link(link))  # type: ignore[arg-type]
    expect(other.get_by_test_id("verdict")).to_have_attribute("data-eligible", eligible)


def test_broken_share_link_is_reported(context: BrowserContext, site_url: str) -> None:
    """A cut-short link says so and leaves a usable form."""
    page = context.new_page()
    page.goto(f"{site_url}/checker/#profile=eyJhcHBsaWNh")
    expect(page.locator("[data-cec-announcer]")).to_contain_text("could not be read")
    expect(page.get_by_role("button", name="Check my eligibility")).to_be_enabled()


def test_answers_file_download_and_load(
    context: BrowserContext, site_url: str, tmp_path: Path
) -> None:
    """The downloaded file holds the answers; loading a file fills the form and checks it."""
    page = context.new_page()
    open_share_link(page, site_url, FULL)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download answers (JSON)").click()
    assert json.loads(Path(download.value.path()).read_text(encoding="utf-8")) == FULL

    other = contract_profile(
        [job(APP - timedelta(days=800), None, title="Loaded from file")], [result_at(HIGH_LEVEL)]
    )
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(other), encoding="utf-8")
    before = marks(page, "cec:result")
    page.get_by_label("Load answers from a file").set_input_files(answers)
    wait_for_mark(page, "cec:result", before + 1)
    expect(page.locator('[data-field="title"]')).to_have_value("Loaded from file")
    expect(page.get_by_test_id("verdict")).to_have_attribute("data-eligible", "true")


def test_bad_answers_file_keeps_the_form(
    context: BrowserContext, site_url: str, tmp_path: Path
) -> None:
    """A file that is not answers is refused with a message; the form is unchanged."""
    page = context.new_page()
    open_share_link(page, site_url, FULL)
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    page.get_by_label("Load answers from a file").set_input_files(bad)
    expect(page.locator(".cec-tools-note")).to_contain_text("could not be read")
    expect(page.locator('[data-field="title"]').first).to_have_value(FULL["jobs"][0]["title"])


def stored(page: Page) -> bool:
    """Whether the checker has answers in this browser's storage."""
    return bool(page.evaluate("localStorage.getItem('cec-checker-profile')"))


def test_remember_is_off_by_default_and_forget_clears(
    context: BrowserContext, site_url: str
) -> None:
    """Nothing is stored until asked; remembered answers come back; forget removes them."""
    page = context.new_page()
    page.goto(f"{site_url}/checker/")
    page.evaluate("localStorage.clear()")
    open_share_link(page, site_url, FULL)
    remember = page.get_by_label("Remember my answers on this device")
    expect(remember).not_to_be_checked()
    assert not stored(page)

    remember.check()
    assert stored(page)
    page.goto(f"{site_url}/checker/")
    expect(page.get_by_label("Remember my answers on this device")).to_be_checked()
    expect(page.locator('[data-field="title"]').first).to_have_value(FULL["jobs"][0]["title"])

    page.get_by_role("button", name="Forget my answers").click()
    assert not stored(page)
    expect(page.get_by_label("Remember my answers on this device")).not_to_be_checked()
    page.reload()
    expect(page.locator('[data-field="title"]').first).to_have_value("")
