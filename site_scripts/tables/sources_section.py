"""The sources section appended to a page from its ``sources:`` front matter: headed
"Official sources" when every source listed is official, "Sources" when a third-party one is
among them (issue 19: the heading must not call a third-party page official)."""

from __future__ import annotations

from datetime import date

from pycore.common.messages import current_language
from pycore.common.parameters import Source, load, source
from site_scripts.tables.formatting import long_date
from site_scripts.tables.words import inert, say, web_address

# How each reliability grade is shown next to a reference (see sources.toml).
RELIABILITY_LABELS = {
    "O": "",
    "O*": "official content, read through a verbatim copy",
    "T": "third-party source: treat with caution",
}


def localized(ref: Source) -> tuple[str, str, bool]:
    """Title and link of ``ref`` in the page's language: a French page cites the French text
    (``title_fr``, ``url_fr`` in sources.toml) where one exists; the flag says it is English."""
    raw = load("sources")[ref.id]
    if current_language() == "fr":
        if "url_fr" in raw:
            return str(raw.get("title_fr", ref.title)), str(raw["url_fr"]), False
        return ref.title, ref.url, True
    return ref.title, ref.url, False


def reference_item(ref: Source) -> str:
    """One Markdown list item: linked title, then the reliability mark where not plain official."""
    label = RELIABILITY_LABELS[ref.reliability]
    title, url, english = localized(ref)
    marks = [say(label)] if label else []
    shown: str = inert(title)
    if english:
        marks.append(say("in English"))
        shown = english_title(title)
    mark = f" *({'; '.join(marks)})*" if marks else ""
    return f"- [{shown}]({web_address(url)}){mark}"


def english_title(title: str) -> str:
    """An English document's title on a French page, marked as English for screen readers."""
    return '<span lang="en">' + inert(title) + "</span>"


def sources_section(source_ids: list[str], reviewed: date) -> str:
    """Markdown for the end of a page: its references, then the last-reviewed date.

    Raises KeyError for an id that is not in ``sources.toml``.
    """
    refs = [source(source_id) for source_id in source_ids]
    # The anchor stays the same either way: links to a page's sources keep working.
    lines = ["", "", "## " + say(heading(refs)) + " { #official-sources }", ""]
    lines += [reference_item(ref) for ref in refs]
    lines += [
        "",
        '<p class="cec-reviewed">'
        + say("Last reviewed: {date}.", date=long_date(reviewed))
        + f"{checked_sentence(source_ids)}</p>",
        "",
    ]
    return "\n".join(lines)


def heading(refs: list[Source]) -> str:
    """The heading: "Sources" when any of ``refs`` is third-party, else "Official sources"."""
    return "Sources" if any(ref.reliability == "T" for ref in refs) else "Official sources"


def checked_sentence(source_ids: list[str]) -> str:
    """A sentence: its sources were last checked on X (or between X and Y), from sources.toml."""
    raw = load("sources")
    days = sorted({raw[i]["checked"] for i in source_ids if "checked" in raw[i]})
    if not days:
        return ""
    if len(days) == 1:
        return " " + say("Its sources were last checked on {date}.", date=long_date(days[0]))
    return " " + say(
        "Its sources were last checked between {first} and {last}.",
        first=long_date(days[0]),
        last=long_date(days[-1]),
    )
