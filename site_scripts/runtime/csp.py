"""MkDocs hook: a strict Content-Security-Policy ``<meta>`` on every built page.

GitHub Pages cannot send headers, so the policy travels in the page. Everything comes from the
site's own origin; the only inline scripts allowed are the ones in the build, by SHA-256 hash
(Material has a few tiny ones). Hashes are the union over the whole site: with instant navigation
Material runs the next page's inline scripts under the first page's policy.

It runs in ``on_post_build`` (keep this hook last in mkdocs.yml) so it sees the final HTML,
including anything other hooks added. A meta policy does not reach a dedicated worker (workers
take their policy from their own response headers); ``policy(engine=True)`` is the one a host
that can send headers should send with the checker and its worker (the tests do so).
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.hooks.csp")

# Pages that run the Python engine (it compiles WebAssembly); others do not get that right.
ENGINE_PAGES = ("checker/index.html", "fr/checker/index.html")
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
SRC = re.compile(r"\bsrc\s*=", re.I)
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
EXECUTABLE_TYPES = {"", "module", "text/javascript", "application/javascript"}
CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'
OLD_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')

_serving = False


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts a browser would run (not JSON data blocks, not src=)."""
    bodies = []
    for match in SCRIPT.finditer(html):
        attributes, body = match.group(1), match.group(2)
        if SRC.search(attributes):
            continue
        kind = TYPE.search(attributes)
        if (kind.group(1).lower() if kind else "") in EXECUTABLE_TYPES:
            bodies.append(body)
    return bodies


def script_hash(body: str) -> str:
    """The CSP source expression allowing exactly this inline script."""
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def policy(hashes: list[str], engine: bool = False) -> str:
    """Own origin only, hashed inline scripts, WebAssembly only where the engine runs."""
    script_src = ["'self'", *sorted(set(hashes))]
    if engine:
        script_src.append("'wasm-unsafe-eval'")
    directives = {
        "default-src": ["'self'"],
        "script-src": script_src,
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],  # Material's icons are data: SVGs in its CSS
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_policy(html: str, text: str) -> str:
    """``html`` with the policy meta right after ``<meta charset>`` (before any script or link)."""
    meta = META.format(policy=text)
    charset = CHARSET.search(html)
    if charset:
        return html[: charset.end()] + meta + html[charset.end() :]
    return re.sub(r"<head[^>]*>", lambda m: m.group(0) + meta, html, count=1, flags=re.I)


def site_hashes(pages: list[Path]) -> list[str]:
    """Hashes of every inline script on any page of the site."""
    texts = [page.read_text(encoding="utf-8") for page in pages]
    return sorted({script_hash(body) for text in texts for body in inline_scripts(text)})


def apply(site_dir: Path) -> int:
    """Add the policy to every HTML file under ``site_dir``; returns how many pages got it."""
    pages = sorted(site_dir.rglob("*.html"))
    hashes = site_hashes(pages)
    for page in pages:
        # A page may hold a policy already (a rebuild that kept the file, or the French edition's
        # build, which runs this hook again over the whole site): it is replaced, so every page
        # allows the scripts of both editions.
        html = OLD_META.sub("", page.read_text(encoding="utf-8"))
        engine = page.relative_to(site_dir).as_posix() in ENGINE_PAGES
        page.write_text(with_policy(html, policy(hashes, engine)), encoding="utf-8")
    return len(pages)


def on_startup(command: str, **_: Any) -> None:
    """Remember whether this is `mkdocs serve` (its live-reload script is inline and changes)."""
    global _serving
    _serving = command == "serve"


def on_post_build(config: Any, **_: Any) -> None:
    """Put the policy into every page of the built site."""
    if _serving:
        log.info("CSP meta left out under `mkdocs serve` (live reload injects inline scripts)")
        return
    count = apply(Path(config["site_dir"]))
    log.debug("CSP meta added to %d pages", count)
