"""The site works under a sub-path, as on GitHub Pages (https://OWNER.github.io/REPO/)."""

from __future__ import annotations

import functools
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, QuietHandler
from playwright.sync_api import Page
from support.checker import share_url

from pycore.api import check_json

pytestmark = pytest.mark.browser

SUBPATH = "/some-repo/"
PROFILE = {
    "application_date": "2026-11-21",
    "plans_to_live_in_quebec": False,
    "jobs": [
        {
            "title": "Analyst",
            "noc_code": "21223",
            "teer": 1,
            "start": "2023-01-02",
            "end": "2025-06-30",
            "hours_per_week": 37.5,
            "paid": True,
            "self_employed": False,
            "full_time_student": False,
            "work_authorized": True,
            "in_canada": True,
        }
    ],
    "language_tests": [],
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture(scope="module")
def subpath_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A build for http://127.0.0.1:PORT/some-repo/ (as the Pages workflow makes), served there."""
    port = free_port()
    base = f"http://127.0.0.1:{port}{SUBPATH}"
    served = tmp_path_factory.mktemp("pages")
    build = ["build", "--strict", "-q"]
    subprocess.run(
        [sys.executable, "-m", "mkdocs", *build, "-d", str(served / "some-repo")],
        cwd=ROOT,
        env={**os.environ, "SITE_URL": base, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
        capture_output=True,
    )
    handler = functools.partial(QuietHandler, directory=str(served))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()


def test_share_link_gives_a_verdict_under_the_subpath(page: Page, subpath_url: str) -> None:
    """The checker loads its runtime from the sub-path and answers; every request stays in it."""
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    page.goto(share_url(subpath_url.rstrip("/"), PROFILE))
    verdict = page.get_by_test_id("verdict")
    verdict.wait_for(timeout=30_000)
    expected = json.loads(check_json(json.dumps(PROFILE)))["eligible"]
    assert verdict.get_attribute("data-eligible") == {True: "true", False: "false"}.get(
        expected, "unknown"
    )
    paths = [urlsplit(url).path for url in requested]
    assert any("/pyodide/" in path for path in paths)
    assert all(path.startswith(SUBPATH) for path in paths), [
        p for p in paths if not p.startswith(SUBPATH)
    ]


def test_guide_to_checker_journey_under_the_subpath(page: Page, subpath_url: str) -> None:
    """From the home page the Checker tab (instant navigation) leads to a checker that answers."""
    page.goto(subpath_url)
    page.get_by_role("link", name="Checker", exact=True).first.click()
    page.wait_for_url(subpath_url + "checker/")
    page.get_by_label("NOC 2021 code", exact=False).first.fill("21223")
    page.get_by_label("First day worked", exact=True).fill("2023-01-02")
    page.get_by_label("I still work here", exact=True).check()
    page.get_by_label("Paid hours a week (average)", exact=True).fill("37.5")
    page.get_by_role("button", name="Add a language test").click()  # the form starts with none
    page.get_by_label("Test", exact=True).select_option("ielts_general")
    page.get_by_label("Date of the test result", exact=True).fill("2025-06-01")
    for ability in ("reading", "writing", "listening", "speaking"):  # labels carry the scale
        page.locator(f'[data-field="{ability}"]').fill("7")
    page.get_by_role("button", name="Check my eligibility").click()
    page.get_by_test_id("verdict").wait_for(timeout=30_000)


def test_service_worker_scope_is_the_subpath(page: Page, subpath_url: str) -> None:
    """The offline copy belongs to the sub-path (a neighbouring project is never covered)."""
    page.goto(share_url(subpath_url.rstrip("/"), PROFILE))
    page.get_by_test_id("verdict").wait_for(timeout=30_000)
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert urlsplit(scope).path == SUBPATH
