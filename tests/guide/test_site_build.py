"""The built site: strict build, links and anchors, sources on every page, nothing off-site."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

from pycore.common.parameters import source

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
# Attributes that make the browser fetch something, by tag (link: by rel, below).
RESOURCE_ATTRS = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
}
FETCHED_LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon", "manifest", "prefetch"}
# Each test here builds the site (module fixture) or reads its pages.
pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh strict build of the repository's mkdocs.yml into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return out


class PageParser(HTMLParser):
    """Collects element ids, link targets and fetched resources of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        if tag in RESOURCE_ATTRS and values.get(RESOURCE_ATTRS[tag]):
            self.resources.append(values[RESOURCE_ATTRS[tag]])
        if tag == "link" and FETCHED_LINK_RELS & set(values.get("rel", "").split()):
            self.resources.append(values.get("href", ""))
            self.links.append(values.get("href", ""))


def parsed_pages(site: Path) -> Iterator[tuple[Path, PageParser]]:
    """Every built HTML page with its parse (the Pyodide runtime folder holds no pages)."""
    for page in sorted(site.rglob("*.html")):
        if "pyodide" in page.relative_to(site).parts:
            continue
        parser = PageParser()
        parser.feed(page.read_text(encoding="utf-8"))
        yield page, parser


def target_file(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The built file and fragment an internal ``href`` points to (None for other hosts)."""
    parts = urlsplit(href)
    if parts.scheme in ("mailto", "tel", "javascript", "data") or parts.netloc:
        return None
    base = "/" + page.relative_to(site).as_posix()
    path = unquote(urlsplit(urljoin(base, href)).path) if parts.path else base
    file = site / path.lstrip("/")
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, unquote(parts.fragment)


def content_pages() -> list[Path]:
    """Markdown pages of the guide (snippets under docs/includes are not pages)."""
    return sorted(p for p in DOCS.rglob("*.md") if "includes" not in p.relative_to(DOCS).parts)


def front_matter(page: Path) -> dict[str, object]:
    """The YAML front matter of a Markdown page ({} without one)."""
    text = page.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(match.group(1)) if match else {}


def test_strict_build_succeeds(site: Path) -> None:
    """`mkdocs build --strict` succeeds and writes the home page and every nav page."""
    assert (site / "index.html").exists()
    for page in content_pages():
        rel = page.relative_to(DOCS).with_suffix("")
        if rel.suffix == ".fr":  # the French edition: page.fr.md is built under fr/
            rel = Path("fr") / rel.with_suffix("")
        built = site / (rel.parent if rel.name == "index" else rel) / "index.html"
        assert built.exists(), f"{page} was not built"


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    """Each internal href names a built file, and its #fragment an id in that file."""
    ids: dict[Path, set[str]] = {}
    links: list[tuple[Path, str]] = []
    for page, parser in parsed_pages(site):
        ids[page] = parser.ids
        links += [(page, href) for href in parser.links]
    broken = []
    for page, href in links:
        target = target_file(site, page, href)
        if target is None:
            continue
        file, fragment = target
        if not file.exists():
            broken.append(f"{page.relative_to(site)}: {href} (no file)")
        elif fragment and file.suffix == ".html" and fragment not in ids.get(file, set()):
            broken.append(f"{page.relative_to(site)}: {href} (no anchor)")
    assert len(links) > 100
    assert not broken, "\n".join(broken)


def test_every_content_page_cites_an_official_source(site: Path) -> None:
    """Each guide page lists at least one official ("O") source, rendered at its end."""
    missing = []
    for page in content_pages():
        ids = front_matter(page).get("sources") or []
        assert isinstance(ids, list)
        if not any(source(str(i)).reliability == "O" for i in ids):
            missing.append(str(page.relative_to(DOCS)))
    assert not missing, f"pages without an official source: {missing}"
    for built, _ in parsed_pages(site):
        if built.name == "404.html":
            continue
        assert 'id="official-sources"' in built.read_text(encoding="utf-8"), built


def test_no_resource_comes_from_another_host(site: Path) -> None:
    """No script, stylesheet, image, frame or other fetched resource names an http(s) URL."""
    offsite = [
        f"{page.relative_to(site)}: {url}"
        for page, parser in parsed_pages(site)
        for url in parser.resources
        if urlsplit(url).scheme in ("http", "https") or url.startswith("//")
    ]
    assert not offsite, "\n".join(offsite)


def test_no_page_offers_editing_or_a_generator_credit(site: Path) -> None:
    """Pages have no "edit this page" link and no theme credit in the footer."""
    for page, _ in parsed_pages(site):
        text = page.read_text(encoding="utf-8")
        assert "md-content__button" not in text, page
        assert "Made with" not in text, page


def test_glossary_and_tooltips_explain_the_same_terms() -> None:
    """Every abbreviation with a tooltip has a glossary entry, and every entry a tooltip."""
    tooltips = set(
        re.findall(
            r"^\*\[([^\]]+)\]:",
            (DOCS / "includes/abbreviations.md").read_text(encoding="utf-8"),
            re.M,
        )
    )
    glossary = (DOCS / "glossary.md").read_text(encoding="utf-8")
    terms = set(re.findall(r"^(\S[^\n]*)\n:   ", glossary, re.M))
    assert len(tooltips) >= 20
    assert tooltips == terms


# Pages whose numbers must all come from data (the reader pages have their own test module).
DATA_FED_PAGES = [
    "express-entry/index.md",
    "express-entry/categories.md",
    "after-invitation/index.md",
    "after-invitation/bridging-open-work-permit.md",
    "glossary.md",
    "sources.md",
    "changes.md",
]
# Numbers that are names, not rules: provisions, NOC 2021, years that label data, list items,
# and quotations of other pages' claims (which the page then corrects).
NAMES = re.compile(
    r"\{\{.*?\}\}|\"[^\"\n]*\"|\]\([^)]*\)|\b(section|IRPR) \d+(\.\d+)?(\(\w+\))*( and \(\w\))?"
    r"|\bNOC 2021\b|\b20\d\d\b|^\d+\. |\bsteps \d to \d\b",
    re.M,
)


@pytest.mark.parametrize("name", DATA_FED_PAGES)
def test_pages_type_no_rule_numbers(name: str) -> None:
    """Outside placeholders, these pages contain no digits but provision names and years."""
    text = (DOCS / name).read_text(encoding="utf-8")
    body = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    stray = re.findall(r"[^\n]*\d[^\n]*", NAMES.sub("", body))
    assert not stray, stray
