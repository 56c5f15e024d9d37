"""The "Official sources" section appended to a page from its ``sources:`` front matter."""

from __future__ import annotations

from datetime import date

from pycore.parameters import Source, load, source
from site_scripts.formatting import long_date

# How each reliability grade is shown next to a reference (see sources.toml).
RELIABILITY_LABELS = {
    "O": "",
    "O*": "official content, read through a verbatim copy",
    "T": "third-party source: treat with caution",
}


def reference_item(ref: Source) -> str:
    """One Markdown list item: linked title, then the reliability mark where not plain official."""
    label = RELIABILITY_LABELS[ref.reliability]
    mark = f" *({label})*" if label else ""
    return f"- [{ref.title}]({ref.url}){mark}"


def sources_section(source_ids: list[str], reviewed: date) -> str:
    """Markdown for the end of a page: its references, then the last-reviewed date.

    Raises KeyError for an id that is not in ``sources.toml``.
    """
    lines = ["", "", "## Official sources", ""]
    lines += [reference_item(source(source_id)) for source_id in source_ids]
    lines += [
        "",
        f'<p class="cec-reviewed">Last reviewed: {long_date(reviewed)}.'
        f"{checked_sentence(source_ids)}</p>",
        "",
    ]
    return "\n".join(lines)


def checked_sentence(source_ids: list[str]) -> str:
    """A sentence: its sources were last checked on X (or between X and Y), from sources.toml."""
    raw = load("sources")
    days = sorted({raw[i]["checked"] for i in source_ids if "checked" in raw[i]})
    if not days:
        return ""
    if len(days) == 1:
        return f" Its sources were last checked on {long_date(days[0])}."
    return f" Its sources were last checked between {long_date(days[0])} and {long_date(days[-1])}."
