"""Hostile and careless input on the checker page (issue 10): nothing kept that was not asked
for, nothing lost, bounded work, messages that point the right way."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect
from support.checker import (
    HIGH_LEVEL,
    encode,
    marks,
    open_share_link,
    result_at,
    share_url,
    wait_for_mark,
)
from support.contract import contract_profile, job
from support.rules import APP

from pycore.validation import input_limits

pytestmark = pytest.mark.browser

LIMITS = input_limits()
STORAGE_KEY = "cec-checker-profile"
SHOTS = Path("/tmp/safety-shots")  # looked at by hand, not compared
BODY = contract_profile(
    [job(APP - timedelta(days=500), None, title="From the link")], [result_at(HIGH_LEVEL)]
)
OTHER = contract_profile(
    [job(APP - timedelta(days=700), None, title="Another link")], [result_at(HIGH_LEVEL)]
)


@pytest.fixture(scope="module")
def context(browser: Browser) -> Iterator[BrowserContext]:
    """One browser profile for these tests (its HTTP cache keeps them quick)."""
    context = browser.new_context(service_workers="block")  # page.route sees every request
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A fresh tab that records uncaught errors in ``page.errors``."""
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.errors = errors  # type: ignore[attr-defined]
    yield tab
    tab.close()


def open_checker(page: Page, site_url: str) -> None:
    """The bare checker with empty storage and a ready engine."""
    page.goto(f"{site_url}/checker/")
    page.evaluate("localStorage.clear()")
    page.reload()
    wait_for_mark(page, "cec:ready")


def fields(page: Page) -> list[Any]:
    """Every control's value (or checked state) on the form, in order."""
    values: list[Any] = page.evaluate(
        """() => [...document.querySelectorAll("[data-cec-form] [data-field]")]
        .map((c) => (c.type === "checkbox" ? c.checked : c.value))"""
    )
    return values


def notice(page: Page) -> Any:
    return page.locator(".cec-page-message")


def no_axe_violations(page: Page) -> None:
    page.mouse.move(0, 0)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def shoot(page: Page, name: str) -> None:
    """Screenshots at 1280 and 390 px for a person to look at (not compared)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=SHOTS / f"{name}-{width}.png")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_forget_clears_offline_copies_that_carry_answers(page: Page, site_url: str) -> None:
    """ "Forget my answers" removes pages the offline cache kept with answers in their address."""
    open_checker(page, site_url)
    link = share_url(site_url, BODY)
    page.evaluate(
        """async (link) => {
            const cache = await caches.open("cec-offline-old");
            await cache.put(link, new Response("kept"));
            await cache.put(new URL("../guide/", link).href, new Response("page"));
        }""",
        link,
    )
    page.get_by_role("button", name="Forget my answers").click()
    expect(page.locator(".cec-tools-note")).to_contain_text("removed")
    keys = page.evaluate(
        """async () => {
            const cache = await caches.open("cec-offline-old");
            return (await cache.keys()).map((request) => request.url);
        }"""
    )
    assert not [key for key in keys if "profile" in key or "#" in key]
    assert any(key.endswith("/guide/") for key in keys)  # pages without answers stay


def test_share_link_leaves_the_address_and_autofill(page: Page, site_url: str) -> None:
    """After a link is read, the address is the bare checker URL; the form asks no autofill."""
    open_share_link(page, site_url, BODY)
    assert page.url == f"{site_url}/checker/"
    assert page.evaluate("location.hash") == ""
    expect(page.locator("[data-cec-form]")).to_have_attribute("autocomplete", "off")
    expect(page.locator('[data-field="title"]')).to_have_attribute("autocomplete", "off")
    expect(page.locator(".cec-tools")).to_contain_text("Anyone who has the link can read them")


def hang_on(page: Page, marker: str) -> None:
    """A worker that goes silent from a check whose profile contains ``marker`` (a stuck one)."""
    page.add_init_script(
        """{
            const marker = MARKER;
            const Real = window.Worker;
            window.Worker = class extends Real {
                postMessage(data, ...rest) {
                    if (typeof data === "string" && data.includes(marker)) this.stuck = true;
                    if (this.stuck) return;
                    return super.postMessage(data, ...rest);
                }
            };
        }""".replace("MARKER", json.dumps(marker))
    )


def test_busy_check_is_superseded_and_a_stuck_engine_restarted(page: Page, site_url: str) -> None:
    """A running check shows a busy line; a newer one wins; a stuck engine is restarted."""
    hang_on(page, "cec-hang")
    open_checker(page, site_url)
    title = page.locator('[data-field="title"]')
    stuck = contract_profile([job(APP - timedelta(days=500), None, title="cec-hang")], [])
    page.goto(share_url(site_url, stuck))
    busy = page.locator("[data-cec-busy]")
    expect(busy).to_be_visible()
    expect(busy).to_have_text("Checking your answers…")
    expect(page.locator(".cec-submit")).to_have_attribute("aria-busy", "true")
    no_axe_violations(page)
    shoot(page, "busy")
    title.fill("Real job")
    page.get_by_role("button", name="Check my eligibility").click()
    wait_for_mark(page, "cec:result", 1, timeout=120)
    expect(busy).to_be_hidden()
    expect(page.get_by_test_id("verdict")).to_be_visible()
    expect(notice(page)).to_be_hidden()  # the stuck check was superseded: no message about it
    assert page.errors == []  # type: ignore[attr-defined]


def test_waiting_sentence_only_while_the_engine_loads(page: Page, site_url: str) -> None:
    """With the engine ready, a check never says it waits for the engine to be ready."""
    open_checker(page, site_url)
    page.evaluate(
        """() => {
            const busy = document.querySelector("[data-cec-busy]");
            window.cecSeen = [];
            new MutationObserver(() => window.cecSeen.push(busy.textContent))
                .observe(busy, { childList: true });
        }"""
    )
    open_share_link(page, site_url, BODY)
    seen = page.evaluate("window.cecSeen")
    assert not [text for text in seen if "as soon as" in text]


def test_changed_link_asks_before_replacing_typed_answers(page: Page, site_url: str) -> None:
    """A new #profile= in the same tab asks first; keeping or a broken link keeps typed answers."""
    open_checker(page, site_url)
    page.get_by_label("Remember my answers on this device").check()
    title = page.locator('[data-field="title"]').first
    title.fill("Typed by me")
    title.press("Tab")
    stored_before = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    typed = fields(page)

    page.goto(share_url(site_url, BODY))
    dialog = page.get_by_role("dialog", name="Replace your answers?")
    expect(dialog).to_be_visible()
    no_axe_violations(page)
    shoot(page, "confirm-replace")
    dialog.get_by_role("button", name="Keep my answers").click()
    expect(notice(page)).to_contain_text("were kept")
    assert fields(page) == typed

    page.goto(f"{site_url}/checker/#profile=eyJhcHBsaWNh")
    expect(notice(page)).to_contain_text("could not be read")
    expect(notice(page)).to_contain_text("kept its values")
    assert fields(page) == typed

    before = marks(page, "cec:result")
    page.goto(share_url(site_url, OTHER))
    page.get_by_role("dialog").get_by_role("button", name="Replace with the link's answers").click()
    wait_for_mark(page, "cec:result", before + 1)
    expect(page.locator('[data-field="title"]').first).to_have_value("Another link")
    # The link's answers are not kept unless the person asks; the remembered ones stay.
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == stored_before
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_file_that_is_not_answers_changes_nothing(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    """A package.json, an oversized file or broken JSON is refused; every field stays as it was."""
    open_share_link(page, site_url, BODY)
    page.locator('[data-field="application_date"]').fill("2026-12-01")
    typed = fields(page)
    load = page.get_by_label("Load answers from a file")
    note = page.locator(".cec-tools-note")
    package = tmp_path / "package.json"
    package.write_text(json.dumps({"name": "x", "version": "1.0.0"}), encoding="utf-8")
    load.set_input_files(package)
    expect(note).to_contain_text("not a set of checker answers")
    assert fields(page) == typed

    huge = tmp_path / "huge.json"
    huge.write_text(json.dumps(BODY) + " " * LIMITS.most_profile_bytes, encoding="utf-8")
    load.set_input_files(huge)
    expect(note).to_contain_text("larger than")
    assert fields(page) == typed

    broken = tmp_path / "broken.json"
    broken.write_text('{"jobs": [', encoding="utf-8")
    load.set_input_files(broken)
    expect(note).to_contain_text("not in the format the checker saves")
    expect(note).not_to_contain_text("JSON")  # not the parser's words
    assert fields(page) == typed
    no_axe_violations(page)
    note.scroll_into_view_if_needed()
    shoot(page, "bad-file")


def test_too_many_jobs_in_a_link_are_refused_before_the_form(page: Page, site_url: str) -> None:
    """A link over the jobs limit is refused with a message; the form keeps its values."""
    open_checker(page, site_url)
    typed = fields(page)
    many = contract_profile([job(APP - timedelta(days=500), None)] * (LIMITS.most_jobs + 1), [])
    page.goto(share_url(site_url, many))
    expect(notice(page)).to_contain_text(f"more than {LIMITS.most_jobs} jobs")
    assert fields(page) == typed


ODD = {
    **BODY,
    "jobs": [{**BODY["jobs"][0], "title": {"toString": 0}, "noc_code": [[[[["1"]]]]]}],
}


def test_odd_values_in_a_link_are_left_out_with_a_message(page: Page, site_url: str) -> None:
    """Values that are neither text nor a number are left out, said, and the check still runs."""
    open_checker(page, site_url)
    before = marks(page, "cec:result")
    page.goto(f"{site_url}/checker/#profile={encode(ODD)}")
    wait_for_mark(page, "cec:result", before + 1)
    expect(notice(page)).to_contain_text("neither text nor a number")
    expect(page.locator('[data-field="title"]').first).to_have_value("")
    assert page.errors == []  # type: ignore[attr-defined]


def test_odd_and_corrupt_stored_answers_are_reported(page: Page, site_url: str) -> None:
    """Odd stored values are left out with a message; unreadable ones are reported and removed."""
    open_checker(page, site_url)
    page.evaluate(f"(text) => localStorage.setItem('{STORAGE_KEY}', text)", json.dumps(ODD))
    page.reload()
    expect(notice(page)).to_contain_text("neither text nor a number")
    expect(page.get_by_label("Remember my answers on this device")).to_be_checked()

    page.evaluate(f"localStorage.setItem('{STORAGE_KEY}', '{{broken')")
    page.reload()
    expect(notice(page)).to_contain_text("could not be read")
    expect(notice(page)).not_to_contain_text("were filled in")
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    expect(page.get_by_label("Remember my answers on this device")).not_to_be_checked()
    no_axe_violations(page)
    assert page.errors == []  # type: ignore[attr-defined]


def test_full_storage_says_the_answers_were_not_kept(page: Page, site_url: str) -> None:
    """When storage refuses, "remember" says the answers could not be kept and unticks."""
    open_checker(page, site_url)
    page.evaluate(
        "() => { Storage.prototype.setItem = () => {"
        " throw new DOMException('full', 'QuotaExceededError'); }; }"
    )
    remember = page.get_by_label("Remember my answers on this device")
    remember.click()
    expect(page.locator(".cec-tools-note")).to_contain_text("could not be kept")
    expect(remember).not_to_be_checked()


def test_a_damaged_file_says_reload_not_webassembly(page: Page, site_url: str) -> None:
    """An integrity refusal names the file and asks for a reload, without blaming the browser."""

    def handle(route: Route) -> None:
        response = route.fetch()
        body = bytearray(response.body())
        body[len(body) // 2] ^= 0xFF
        route.fulfill(response=response, body=bytes(body))

    page.route(re.compile(r"/python_stdlib\.[0-9a-f]+\.zip$"), handle)
    page.goto(f"{site_url}/checker/")
    reason = page.locator("[data-cec-unavailable-reason]")
    expect(reason).to_contain_text("python_stdlib", timeout=30_000)
    expect(reason).to_contain_text("Reload the page")
    expect(reason).not_to_contain_text("WebAssembly")
