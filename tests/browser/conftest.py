"""Fixtures of the browser tests (the built site and Chromium come from tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page
from support.checker import checker_page


@pytest.fixture(scope="module")
def checker(browser: Browser, site_url: str) -> Iterator[Page]:
    """One checker page, engine ready, reused by a module's tests (each opens a share link)."""
    with checker_page(browser, site_url) as page:
        yield page
