"""MkDocs hook: ``fr/sitemap.xml``, the French edition's sitemap.

Material reads a sitemap under each ``<link rel="alternate" hreflang>`` of a page's head (the
language switch's targets: the site root and ``fr/``), so every page asked for
``fr/sitemap.xml``, which the build did not write: a 404 on each page load. The i18n plugin's
root sitemap names every page of both editions with its twin; this one keeps the French pages
(a sitemap may only list addresses under its own folder), with their alternates.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

# XML namespace names, never fetched.
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
LANGUAGE = "fr"


def french_sitemap(root_sitemap: str) -> str:
    """The root sitemap's entries for French pages (those that are their own French alternate)."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    tree = ET.fromstring(root_sitemap)
    for entry in list(tree.findall(f"{{{SITEMAP}}}url")):
        loc = entry.find(f"{{{SITEMAP}}}loc")
        french = {
            link.get("href")
            for link in entry.findall(f"{{{XHTML}}}link")
            if link.get("rel") == "alternate" and link.get("hreflang") == LANGUAGE
        }
        if loc is None or loc.text not in french:
            tree.remove(entry)
    body = ET.tostring(tree, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def on_post_build(config: Any, **_: Any) -> None:
    """MkDocs hook: write ``fr/sitemap.xml`` beside the French pages."""
    site = Path(config["site_dir"])
    root = site / "sitemap.xml"
    if not root.exists() or not (site / LANGUAGE).is_dir():
        return
    (site / LANGUAGE / "sitemap.xml").write_text(
        french_sitemap(root.read_text(encoding="utf-8")), encoding="utf-8"
    )
