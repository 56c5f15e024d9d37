"""Build hooks that keep pages within their policy and their requests answered: table alignment
as a class (table_align.py) and the French edition's sitemap (french_sitemap.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from site_scripts.hooks.french_sitemap import SITEMAP, XHTML, french_sitemap
from site_scripts.hooks.table_align import aligned_by_class
from site_scripts.tables.table_base import markdown_table

STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle=", re.I)

ROOT_SITEMAP = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="{SITEMAP}" xmlns:xhtml="{XHTML}">
    <url>
        <loc>https://example.org/cec/faq/</loc>
        <xhtml:link rel="alternate" hreflang="en" href="https://example.org/cec/faq/"/>
        <xhtml:link rel="alternate" hreflang="fr" href="https://example.org/cec/fr/faq/"/>
    </url>
    <url>
        <loc>https://example.org/cec/fr/faq/</loc>
        <xhtml:link rel="alternate" hreflang="fr" href="https://example.org/cec/fr/faq/"/>
        <xhtml:link rel="alternate" hreflang="en" href="https://example.org/cec/faq/"/>
    </url>
</urlset>
"""


def test_markdown_alignment_becomes_a_class() -> None:
    """The generated tables' right-aligned numbers come out with a class and no style attribute."""
    import markdown

    html = markdown.markdown(
        markdown_table(["Year", "Rounds"], [["2025", 3]]), extensions=["tables"]
    )
    assert 'style="text-align: right;"' in html  # what Python-Markdown writes for ---:
    fixed = aligned_by_class(html)
    assert not STYLE_ATTRIBUTE.search(fixed), fixed
    assert fixed.count('class="cec-align-right"') == 2  # the header and the one cell


def test_other_attributes_and_cells_are_kept() -> None:
    """Only the alignment style changes; other cells and attributes stay as they were."""
    html = (
        '<th colspan="2" style="text-align: center;">a</th>'
        '<td>b</td><td style="text-align: left">c</td>'
    )
    assert aligned_by_class(html) == (
        '<th colspan="2" class="cec-align-center">a</th><td>b</td><td class="cec-align-left">c</td>'
    )


def test_the_french_sitemap_lists_the_french_pages_only() -> None:
    """fr/sitemap.xml keeps the French entries, with their English alternates, and no other."""
    tree = ET.fromstring(french_sitemap(ROOT_SITEMAP))
    locs = [loc.text for loc in tree.iter(f"{{{SITEMAP}}}loc")]
    assert locs == ["https://example.org/cec/fr/faq/"]
    hreflangs = sorted(link.get("hreflang") or "" for link in tree.iter(f"{{{XHTML}}}link"))
    assert hreflangs == ["en", "fr"]


def test_the_built_site_has_no_style_attribute_and_a_french_sitemap(built_site: Path) -> None:
    """No built page carries a style attribute (the CSP blocks them); fr/sitemap.xml exists."""
    styled = [
        str(page.relative_to(built_site))
        for page in sorted(built_site.rglob("*.html"))
        if STYLE_ATTRIBUTE.search(page.read_text(encoding="utf-8"))
    ]
    assert not styled, styled
    french = ET.fromstring((built_site / "fr" / "sitemap.xml").read_text(encoding="utf-8"))
    locs = [loc.text or "" for loc in french.iter(f"{{{SITEMAP}}}loc")]
    assert locs and all("/fr/" in loc for loc in locs)
    assert len(locs) == len(list(built_site.joinpath("fr").rglob("index.html")))
