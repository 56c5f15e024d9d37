"""French typography on the built French pages (issue 24): the hook spaces the text a reader
sees (« : », « ») and leaves code, English parts, attributes and addresses alone."""

from __future__ import annotations

from pathlib import Path

from support.french import Text, typography_faults

from site_scripts.hooks.french_typography import french_html

NBSP = "\u00a0"


def test_the_hook_spaces_text_and_nothing_else() -> None:
    """Text gets no-break spaces; code, pre, scripts, English parts and attributes do not."""
    page = (
        '<p title="a: b">Note: <a href="https://x.ca/a:b">lien</a> « <code>x: 1</code> » '
        '<span lang="en">English: yes</span> vrai ?</p><pre>a: b</pre><script>f({a: 1})</script>'
    )
    assert french_html(page) == (
        f'<p title="a: b">Note{NBSP}: <a href="https://x.ca/a:b">lien</a> «{NBSP}<code>x: 1</code>'
        f'{NBSP}» <span lang="en">English: yes</span> vrai?</p><pre>a: b</pre>'
        "<script>f({a: 1})</script>"
    )
    assert french_html(french_html(page)) == french_html(page)


def test_every_built_french_page_follows_french_typography(built_site: Path) -> None:
    """On every French page, the text a reader sees (code and English parts aside) has a no-break
    space before each colon and inside « », none before ; ? !, and no dash range of figures."""
    pages = sorted((built_site / "fr").rglob("index.html"))
    assert len(pages) > 10
    faults = []
    for page in pages:
        reader = Text()
        reader.feed(page.read_text(encoding="utf-8"))
        text = "".join(reader.out)
        faults += [f"{page.relative_to(built_site)}: {f}" for f in typography_faults(text)]
    assert not faults, "\n".join(faults[:15])


def test_french_pages_write_ranges_de_a(built_site: Path) -> None:
    """The rounds' cut-off ranges read « de … à … » on the French Express Entry page."""
    text = (built_site / "fr/express-entry/index.html").read_text(encoding="utf-8")
    assert "notes minimales <strong>de " in text and " à " in text
