"""Shared fixtures: the built site served on 127.0.0.1 and Debian's Chromium for Playwright."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from support.checker import checker_page

ROOT = Path(__file__).resolve().parent.parent
# SITE_DIR lets a helper test a private build (e.g. mkdocs build -d /tmp/x) without touching site/.
SITE = Path(os.environ.get("SITE_DIR", ROOT / "site"))


# Chromium's own background traffic off; every host but 127.0.0.1 unresolvable.
BROWSER_ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)


def chromium_path() -> str | None:
    """The browser Playwright drives: $CHROMIUM_PATH, the system Chromium, else Playwright's."""
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return explicit
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:  # type: ignore[type-arg]
    """Launch Debian's Chromium with its background networking off (the page must reach no host)."""
    args = dict(browser_type_launch_args)
    path = chromium_path()
    if path:
        args["executable_path"] = path
    args["args"] = list(BROWSER_ARGS)
    return args


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files with the MIME types Pyodide needs, without request logging."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/zip",
        ".zip": "application/zip",
    }

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve_directory(
    directory: Path, handler_class: type[SimpleHTTPRequestHandler] = QuietHandler
) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``directory`` on a free port of 127.0.0.1; returns the server and its base URL."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# Fixtures that build the site or publish its runtime (``runtime``: test_integrity's, precompiled
# by Pyodide under Node): a test using one is marked ``site``, which ``make check`` leaves out.
SITE_FIXTURES = frozenset({"built_site", "site_url", "runtime"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the built site ``site``, so a fast run can leave it out."""
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The site built by `make build` (built here when missing, e.g. when pytest runs alone)."""
    if not (SITE / "index.html").exists():
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=ROOT, check=True)
    return SITE


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL (no trailing slash) of the built site served on 127.0.0.1."""
    server, url = serve_directory(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def checker(browser: Browser, site_url: str) -> Iterator[Page]:
    """One checker page, engine ready, reused by a module's tests (each opens a share link)."""
    with checker_page(browser, site_url) as page:
        yield page
