"""IRCC's French terms (issue 24): French pages use the form shared/reference/fr-terms.md lists
for each term their English twin uses, and none of the forms it rules out."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from support.fr_terms import EDUCATION_FACTOR_KEYS, LISTED, RULED_OUT

from pycore.common import messages
from site_scripts.tables import table_crs

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def pairs() -> list[tuple[Path, str, str]]:
    """Each English page with its French twin's text (includes left out)."""
    found = []
    for page in sorted(DOCS.rglob("*.md")):
        if page.name.endswith(".fr.md") or "includes" in page.parts:
            continue
        twin = page.with_name(page.name[:-3] + ".fr.md")
        english, french = (p.read_text(encoding="utf-8") for p in (page, twin))
        found.append((twin, " ".join(english.split()), " ".join(french.split())))
    return found


def test_french_pages_use_the_listed_form_of_each_term() -> None:
    """Where the English page names a term, the French twin writes the listed French form."""
    missing = [
        f"{twin.relative_to(DOCS)}: {english} -> {' / '.join(french)}"
        for twin, en, fr in pairs()
        for english, french in LISTED
        if re.search(english, en, re.I) and not any(f.lower() in fr.lower() for f in french)
    ]
    assert not missing, "\n".join(missing)


def test_french_pages_and_catalogs_use_none_of_the_ruled_out_forms() -> None:
    """No French page, French catalog sentence or generated French word uses a ruled-out form."""
    texts = {str(twin.relative_to(DOCS)): fr for twin, _, fr in pairs()}
    texts.update(messages.catalog("fr"))
    words = tomllib.loads((ROOT / "site_scripts/tables/words.fr.toml").read_text(encoding="utf-8"))
    texts.update({f"words.fr.toml {k!r}": str(v) for k, v in words.items()})
    partials = (ROOT / "overrides").rglob("*.html")
    texts.update({str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in partials})
    found = [
        f"{where}: {why}: …{text[max(0, m.start() - 40) : m.end() + 20]}…"
        for where, text in texts.items()
        for pattern, why in RULED_OUT
        for m in re.finditer(pattern, text, re.I)
        if "Équivalence ancien score" not in text[max(0, m.start() - 30) : m.end() + 5]
    ]
    assert not found, "\n".join(found)


def test_the_crs_education_factor_is_etudes() -> None:
    """The CRS factor is « Études », not « Éducation » (which names a category), in the
    checker's words and in the French guide's CRS grid."""
    catalog = messages.catalog("fr")
    assert all(catalog[key] == "Études" for key in EDUCATION_FACTOR_KEYS)
    with messages.language("fr"):
        grid = table_crs.crs("transferability")
    assert "| Études |" in grid and "Éducation" not in grid
