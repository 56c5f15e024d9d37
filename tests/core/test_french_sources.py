"""French sources (issue 24): every canada.ca source has its French address, and what a French
result links (the form metadata the checker page reads) is French wherever French exists."""

from __future__ import annotations

from urllib.parse import urlparse

from pycore.common.parameters import load
from pycore.metadata import form_metadata

FRENCH_ADDRESS_ORIGINS = {"read", "seen", "derived"}


def entries() -> dict[str, dict[str, object]]:
    return {k: v for k, v in load("sources").items() if isinstance(v, dict)}


def on_canada_ca(url: object) -> bool:
    return urlparse(str(url)).hostname in {"www.canada.ca", "canada.ca"}


def test_every_canada_ca_source_has_a_french_address_under_fr() -> None:
    """A source whose address is on canada.ca names its French page, under /fr/, and a title."""
    missing = [
        key
        for key, entry in entries().items()
        if on_canada_ca(entry["url"])
        and not (
            on_canada_ca(entry.get("url_fr"))
            and urlparse(str(entry["url_fr"])).path.startswith("/fr/")
            and entry.get("title_fr")
        )
    ]
    assert not missing, f"canada.ca sources without a French page and title: {missing}"


def test_every_ircc_address_has_its_french_twin() -> None:
    """IRCC's older hosts (ircc.canada.ca, cic.gc.ca) are bilingual too: French address given."""
    hosts = {"ircc.canada.ca", "www.cic.gc.ca"}
    missing = [
        key
        for key, entry in entries().items()
        if urlparse(str(entry["url"])).hostname in hosts and "url_fr" not in entry
    ]
    assert not missing, missing


def test_each_french_address_says_where_it_comes_from() -> None:
    """Each French address says whether its page was read in a stored copy, the address seen in
    a link, or derived from the English one."""
    for key, entry in entries().items():
        if "url_fr" in entry and not str(entry["url_fr"]).startswith("https://laws-lois."):
            assert entry.get("url_fr_how") in FRENCH_ADDRESS_ORIGINS, key


def test_a_french_result_links_french_pages() -> None:
    """The French checker's source links and "what next" links go to French pages; only the
    sources that exist in English alone stay English, and those are marked lang="en"."""
    meta = form_metadata(language="fr")
    links = [*meta["provisions"], *meta["next_links"].values()]
    assert links
    for link in links:
        entry = entries()[link["id"]]
        if "url_fr" in entry:
            assert link["url"] == entry["url_fr"] and "lang" not in link, link["id"]
            assert "/en/" not in link["url"] and "/eng/" not in link["url"], link["url"]
        else:
            assert link["lang"] == "en", link["id"]
    assert any(on_canada_ca(link["url"]) for link in links)


def test_an_english_result_keeps_the_english_pages() -> None:
    """The English checker is unchanged: English addresses, no language mark."""
    for link in form_metadata(language="en")["provisions"]:
        assert link["url"] == entries()[link["id"]]["url"] and "lang" not in link
