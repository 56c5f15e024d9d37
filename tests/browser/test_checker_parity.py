"""Every shared scenario gives the same JSON, byte for byte, in the browser's worker
(Pyodide, Python 3.14) as in CPython's ``pycore.api.check_json``."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Browser
from support.checker import wait_for_mark
from support.scenarios import all_scenarios

from pycore import api

pytestmark = pytest.mark.browser


def test_worker_matches_cpython_on_every_scenario(browser: Browser, site_url: str) -> None:
    """The browser's answer to each scenario's input equals CPython's answer exactly, given
    the same day the check runs (the worker passes the browser's local calendar day)."""
    scenarios = all_scenarios()
    assert scenarios, "no scenario files found under tests/scenarios/"
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{site_url}/checker/")
        wait_for_mark(page, "cec:ready")
        texts = [scenario.text for scenario in scenarios]
        answers = page.evaluate(
            "(texts) => Promise.all(texts.map((t) => window.cecCheck(t)))", texts
        )
        today = page.evaluate(
            "() => { const d = new Date(), p = (n) => String(n).padStart(2, '0');"
            " return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`; }"
        )
    finally:
        context.close()
    today = date.today().isoformat()  # the worker passes its clock's day (invitation windows)
    differing = [
        scenario.name
        for scenario, answer in zip(scenarios, answers, strict=True)
        if answer != api.check_json(scenario.text, today=today)
    ]
    assert not differing, f"{len(differing)} of {len(scenarios)} differ, e.g. {differing[:5]}"
