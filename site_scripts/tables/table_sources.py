"""``{{ table sources all }}`` (every reference, grouped by reliability) and
``{{ table choices }}`` (each recorded doubt and the reading taken)."""

from __future__ import annotations

from typing import Any

from pycore.common.parameters import Source, load, sources
from site_scripts.tables.data_values import data_files
from site_scripts.tables.formatting import long_date
from site_scripts.tables.table_base import TABLES, _bad, block, cite, register, stacked_table
from site_scripts.tables.words import Html, data_text, inert, say, web_address

GROUP_TITLES = {
    "O": "Official texts",
    "O*": "Official content read through a verbatim copy",
    "T": "Third-party sources (used only where no official text was found)",
}


def sources_all() -> str:
    """Every reference, grouped by reliability, each with its link and note."""
    parts: list[str] = []
    from site_scripts.tables.sources_section import english_title, localized

    for grade, title in GROUP_TITLES.items():
        refs: list[Source] = [ref for ref in sources() if ref.reliability == grade]
        if not refs:
            continue
        items = []
        for ref in refs:
            shown_title, url, english = localized(ref)
            mark = f" *({say('in English')})*" if english else ""
            shown_title = english_title(shown_title) if english else inert(shown_title)
            items.append(
                f"- [{shown_title}]({web_address(url)}){mark}"
                + (say(": {note}", note=data_text(ref.note)) if ref.note else "")
            )
        parts += [f"### {say(title)}", "\n".join(items)]
    return block(*parts)


def find_choices(node: Any, path: str) -> list[tuple[str, dict[str, Any]]]:
    """Every table below ``node`` that records a ``choice``, with its dotted path."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        if "choice" in node and isinstance(node["choice"], str):
            found.append((path, node))
        for key, child in node.items():
            found += find_choices(child, f"{path}.{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += find_choices(child, f"{path}[{index}]")
    return found


def choice_label(file: str, path: str, node: dict[str, Any]) -> str:
    """What a choice is about: the parameter's description, or the chart version's name."""
    if "description" in node:
        return data_text(str(node["description"]))
    if file.startswith("charts/") and "effective" in node:
        return Html(
            say(
                "{test} chart for tests taken from {date}",
                test=inert(load(file)["name"]),
                date=long_date(node["effective"]),
            )
        )
    return path


def choices() -> str:
    """Each recorded doubt and the reading taken, with the value's references."""
    body = []
    for file in data_files():
        for path, node in find_choices(load(file), file):
            refs = sorted(
                {r for v in node.get("values", []) for r in v.get("references", [])}
                | set(node.get("references", []))
            )
            body.append([choice_label(file, path, node), data_text(node["choice"]), cite(refs)])
    if not body:
        raise LookupError("no data value records a choice")
    header = [say("Value"), say("Doubt and reading chosen"), say("Sources")]
    return block(stacked_table(header, body, [None, None, say("Sources")]))


register("choices", False, choices)
TABLES["sources"] = lambda arg: sources_all() if arg == "all" else _bad("sources", arg)
