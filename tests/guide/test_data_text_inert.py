"""Data text cannot put markup on a page: NOC titles, round names, category names, notes and
source titles go through the renderers and the site's own Markdown as plain text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
import pytest
import yaml
from mkdocs.utils.meta import get_data

from pycore.categories import eligibility as categories
from pycore.common import messages
from pycore.common.parameters import load, parameter, source
from site_scripts.hooks import placeholders
from site_scripts.tables import category_tables, noc_search, tables
from site_scripts.tables.words import EXTENSIONS_COVERED, inert, web_address

ROOT = Path(__file__).resolve().parents[2]
REVIEWED = placeholders.review_date({"extra": {"reviewed": "2026-11-21"}})
# Markup of every kind the site's Markdown knows, and "# " so that it also opens a line.
POISON = (
    "# <img src=x onerror=alert(1)> **{kind}** [link](javascript:alert(1)) a|b `tick` _u_ "
    '[^1] *[A]: x &amp; <script>alert(2)</script> --8<-- {{: onclick="alert(3)" }}'
)
LINE_STARTS = ["# Title", "- item", "> quote", "2026. list", "!!! note", "??? note", ": def"]


class Loader(yaml.SafeLoader):
    """mkdocs.yml's YAML: its ``!ENV`` values (the site address) do not matter here."""


Loader.add_constructor("!ENV", lambda loader, node: None)


def extensions() -> dict[str, dict[str, Any]]:
    """The Markdown extensions of mkdocs.yml with their settings."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    found: dict[str, dict[str, Any]] = {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        found[name] = options or {}
    return found


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings of mkdocs.yml, as the build uses it."""
    found = extensions()
    return markdown.Markdown(extensions=list(found), extension_configs=found)


class Shape(HTMLParser):
    """A page's elements (tag and attribute names, in order) and its visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple[str, ...]]] = []
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "abbr" or (tag == "span" and ("lang", "en") in attrs):
            return  # tooltips follow the words; French marks English data text (labels)
        self.elements.append((tag, tuple(name for name, _ in attrs)))
        self.attributes += [(name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def visible(self) -> str:
        return " ".join("".join(self.text).split())


def shape(html_text: str) -> Shape:
    """The parsed shape of some HTML."""
    parsed = Shape()
    parsed.feed(html_text)
    parsed.close()
    return parsed


def shown(markup: str) -> Shape:
    """Markdown source rendered by the site's Markdown, parsed."""
    return shape(site_markdown().convert(markup))


def plain(text: str) -> str:
    """``text`` as a reader sees it shown: whitespace runs as one space."""
    return " ".join(text.split())


# --- the escaper --------------------------------------------------------------------------


PLACES = {
    "paragraph": "{x}",
    "pipe table": "| a | b |\n|---|---|\n| {x} | 1 |",
    "stacked table": '<table markdown="1"><tr markdown="1"><td markdown="1">{x}</td></tr></table>',
    "details title": '??? abstract "{x}"\n\n    body',
    "list item": "- [title](https://example.org): {x}",
    "bold": "**{x}**",
}


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("text", [POISON.format(kind="k"), *LINE_STARTS])
def test_inert_text_shows_as_itself_wherever_it_stands(place: str, text: str) -> None:
    """Wherever a renderer puts data text, the page shows those characters and no new element."""
    poisoned = shown(PLACES[place].format(x=inert(text)))
    clean = shown(PLACES[place].format(x="word"))
    assert poisoned.elements == clean.elements
    assert plain(text) in poisoned.visible()


def test_inert_text_in_an_attribute_stays_in_it() -> None:
    """A source title in a citation's title attribute cannot close the attribute or the tag."""
    out = shape(site_markdown().convert(f'<a href="https://x.org/" title="{inert(POISON)}">1</a>'))
    assert out.elements == [("p", ()), ("a", ("href", "title"))]
    assert dict(out.attributes)["title"] == plain(POISON)


def test_control_characters_and_line_breaks_become_spaces() -> None:
    """A line break cannot start a new Markdown block; control characters never reach a page."""
    assert inert("a\n# b\x00c\x1b[31md\u2028e") == "a # b c &#91;31md e"
    assert inert("\n\t# b") == "&#35; b"
    # French typography's no-break spaces stay (before « : », inside « », in 1 560).
    assert (
        inert("Note\u00a0: «\u00a0x\u00a0» 1\u202f560") == "Note\u00a0: «\u00a0x\u00a0» 1\u202f560"
    )


def test_the_escaper_knows_every_markdown_extension_of_the_site() -> None:
    """Adding a Markdown extension (tilde, emoji, critic...) means revisiting what inert escapes."""
    assert sorted(extensions()) == sorted(EXTENSIONS_COVERED)


def test_links_go_only_to_http_addresses() -> None:
    """A javascript:, data: or malformed address in the data stops the build."""
    assert web_address("https://www.canada.ca/en/x.html?a=1&b=2#c") == (
        "https://www.canada.ca/en/x.html?a=1&b=2#c"
    )
    for bad in (
        "javascript:alert(1)",
        "data:text/html,<b>",
        "https://x.org/a) [b](javascript:alert(1)",
        'https://x.org/"onmouseover="alert(1)',
        "https://x.org/a b",
        "//x.org/",
    ):
        with pytest.raises(ValueError, match="web address"):
            web_address(bad)


# --- poisoned data through the renderers and the pages ---------------------------------------


def _clear_caches() -> None:
    for cached in (source, parameter, categories.all_categories, categories.lists):
        cached.cache_clear()


def poison_data(patch: pytest.MonkeyPatch) -> list[str]:
    """Put markup in the data (cached tables, restored by ``patch``): a NOC title, round names,
    a category's name and note, a year's category row, a change, a source's title and notes, a
    CRS title and label, a parameter's description and note. The kinds poisoned, in order."""
    kinds: list[str] = []

    def poison(table: dict[str, Any], key: str, kind: str) -> None:
        # Only text already there: adding a field would add an element (a note paragraph).
        if isinstance(table.get(key), str) and table[key]:
            patch.setitem(table, key, POISON.format(kind=kind))
            # Its French (a French page stops on data text without one): the same markup.
            patch.setitem(messages.labels("fr"), POISON.format(kind=kind), POISON.format(kind=kind))
            kinds.append(kind)

    draws = load("draws")
    for program, rows in draws.items():
        for index, row in enumerate(rows if isinstance(rows, list) else []):
            if isinstance(row, dict):
                poison(row, "name", f"round{program}{index}")
    poison(draws, "description", "drawsdescription")
    data = load("categories")
    first = next(c for c in data["category"] if c.get("kind", "occupation") == "occupation")
    poison(first, "name", "categoryname")
    poison(first, "note", "categorynote")
    yearly = next(v for k, v in data.items() if k.startswith("y") and isinstance(v, dict))
    for key in ("name", "status", "note"):
        poison(yearly["categories"][0], key, f"year{key}")
    entry = load("changes")["entries"][0]
    for key in ("title", "summary", "affects"):
        poison(entry, key, f"change{key}")
    crs_sub = load("crs")["core"][0]
    poison(crs_sub, "title", "crstitle")
    poison(crs_sub["rows"][0], "label", "crslabel")
    ref = load("sources")[entry["references"][0]]
    for key in ("title", "note", "checked_note"):
        poison(ref, key, f"source{key}")
    hours = load("work_experience")["hours_required"]
    poison(hours, "description", "parameterdescription")
    poison(hours["values"][-1], "note", "parameternote")
    code = sorted(first["codes"])[0]
    titles = dict(category_tables.titles())
    titles[code] = (POISON.format(kind="nocen"), POISON.format(kind="nocfr"))
    patch.setattr(category_tables, "titles", lambda: titles)
    return [*kinds, "nocen", "nocfr"]


def pages() -> list[Path]:
    """Every guide page, English and French."""
    return sorted(p for p in (ROOT / "docs").rglob("*.md") if "includes" not in p.parts)


def named_programs() -> list[str]:
    """The programs of draws.toml whose rounds carry a name (category rounds)."""
    return [
        program
        for program, rows in load("draws").items()
        if isinstance(rows, list) and any(isinstance(r, dict) and "name" in r for r in rows)
    ]


def every_round_name() -> str:
    """Placeholders showing each named program's rounds and latest name (not all on pages yet)."""
    lines = ["", "{{ value draws.description }}"]
    for program in named_programs():
        lines += [f"{{{{ table draws {program} }}}}", f"{{{{ latest_draw {program} name }}}}"]
    return "\n\n".join(lines) + "\n"


def rendered(path: Path) -> Shape:
    """A page as the build renders its content (placeholders and sources, then Markdown), with
    the round names' placeholders added to the "What changed" page, parsed."""
    extra = every_round_name() if path.name in ("changes.md", "changes.fr.md") else ""
    text, meta = get_data(path.read_text(encoding="utf-8") + extra)
    locale = "fr" if path.name.endswith(".fr.md") else "en"
    page = SimpleNamespace(
        meta=meta, file=SimpleNamespace(src_uri=str(path.relative_to(ROOT)), locale=locale)
    )
    config = {"extra": {"reviewed": REVIEWED}, "docs_dir": str(ROOT / "docs"), "theme": {}}
    return shape(site_markdown().convert(placeholders.on_page_markdown(text, page, config, None)))


def test_poisoned_data_adds_no_element_to_any_page() -> None:
    """Every page, English and French, has the same elements with poisoned data as without, and
    shows each poisoned text as written (markup, pipes, links and line starts included)."""
    clean = {path: rendered(path) for path in pages()}
    # Escaped once, never twice: no page shows a character reference as text.
    assert [path.name for path, page in clean.items() if "&#" in page.visible()] == []
    seen = []
    try:
        with pytest.MonkeyPatch.context() as patch:
            _clear_caches()
            kinds = poison_data(patch)
            texts = {plain(POISON.format(kind=kind)) for kind in kinds}
            for path, page in clean.items():
                poisoned = rendered(path)
                assert poisoned.elements == page.elements, path.name
                # A changed attribute value can only be a whole poisoned text (a link's title).
                changed = set(poisoned.attributes) - set(page.attributes)
                assert {value for _, value in changed} <= texts, path.name
                seen.append(poisoned.visible())
            _clear_caches()
    finally:
        _clear_caches()
    shown_text = "\n".join(seen)
    assert len(kinds) >= 12 and any(k.startswith("round") for k in kinds)
    for kind in kinds:
        assert plain(POISON.format(kind=kind)) in shown_text, kind


def test_titles_file_for_the_checker_keeps_a_poisoned_title_as_text() -> None:
    """The checker's titles file carries a NOC title as a JSON string, and refuses a link
    pattern that is not an http(s) address (the checker makes a link of it)."""
    with pytest.MonkeyPatch.context() as patch:
        kinds = poison_data(patch)
        rows = dict(noc_search.document("en")["units"])
        assert POISON.format(kind="nocen") in rows.values() and "nocen" in kinds
        patch.setitem(load("noc_2021")["unit_group_url"], "en", "javascript:alert('{code}')")
        with pytest.raises(ValueError, match="web address"):
            noc_search.document("en")
    _clear_caches()


def test_a_source_with_a_script_address_stops_the_build() -> None:
    """A source whose address is javascript: is never linked: the citation refuses it."""
    try:
        with pytest.MonkeyPatch.context() as patch:
            _clear_caches()
            ref = next(iter(k for k, v in load("sources").items() if isinstance(v, dict)))
            patch.setitem(load("sources")[ref], "url", "javascript:alert(1)")
            with pytest.raises(ValueError, match="web address"):
                tables.cite([ref])
    finally:
        _clear_caches()


# Ways a script could write markup into the checker's page from text (titles, round names).
HTML_SINKS = re.compile(
    r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|"
    r"DOMParser|srcdoc|\.html\("
)


def test_the_front_end_shows_data_as_text_only() -> None:
    """No script of the site turns text into markup: titles and round names go through text
    nodes (``dom.h`` appends strings; ``textContent``), never an HTML parser."""
    scripts = sorted((ROOT / "docs" / "javascripts").rglob("*.js"))
    assert len(scripts) > 10
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in scripts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if HTML_SINKS.search(line)
    ]
    assert found == []
    dom = (ROOT / "docs" / "javascripts" / "checker" / "dom.js").read_text(encoding="utf-8")
    assert "element.append(" in dom


def test_every_source_address_is_one_a_page_may_link_to() -> None:
    """The checker's results link each source's address as it is (results.js), so every address
    in sources.toml, French ones included, is a plain http(s) address."""
    entries = [v for v in load("sources").values() if isinstance(v, dict)]
    addresses = [v[key] for v in entries for key in ("url", "url_fr") if key in v]
    assert len(addresses) > 50
    assert [url for url in addresses if not _links(url)] == []


def _links(url: str) -> bool:
    try:
        return web_address(url) == url
    except ValueError:
        return False
