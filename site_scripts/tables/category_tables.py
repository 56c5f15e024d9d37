"""The occupations of each Express Entry category, for ``{{ table category_occupations LIST }}``.

``LIST`` is a list id of ``pycore/data/categories.toml`` (``2023``, ``2025``, ``2026``). Each
category becomes a collapsed block (``???``, pymdownx.details: a ``<details>`` element, so the
page stays short on phones and the browser's find-in-page still reaches closed blocks) holding
its NOC 2021 unit groups: code, Statistics Canada's class title (``noc_2021_titles.tsv``) and
TEER. The work-experience rule in force when the list took effect heads the list. Everything
is generated at build time from the data: nothing is loaded when the page is read.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources

from pycore.categories import eligibility as categories
from pycore.categories.eligibility import Category, ExperienceRule
from pycore.common import noc
from pycore.common.messages import current_language
from pycore.common.parameters import load
from site_scripts.tables import tables
from site_scripts.tables.formatting import long_date, number
from site_scripts.tables.words import data_text, inert, say, web_address

INDENT = "    "  # content of a pymdownx.details block


@cache
def titles() -> dict[str, tuple[str, str]]:
    """Code -> (English, French) class title, from the NOC titles file beside the codes."""
    name = load(noc.TABLE)["titles_file"]
    text = resources.files("pycore").joinpath("data", name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:]]
    return {code: (english, french) for code, english, french in rows}


def attribution() -> str:
    """The sentence naming Statistics Canada as the source of the titles (Open Licence)."""
    table = load(noc.TABLE)
    return say(
        "Occupation titles: Statistics Canada, National Occupational Classification (NOC) "
        "{version}, used under the [Statistics Canada Open Licence]({licence}).",
        version=inert(table["noc_version"]),
        licence=web_address(table["licence_url"]),
    )


def _rule_sentence(rule: ExperienceRule, where: str) -> str:
    template = (
        "at least {months} months of continuous full-time work (or the same hours part time) "
        "in one listed occupation{where} within the last {years} years"
        if rule.continuous
        else "at least {months} months of full-time work (or the same hours part time) in one "
        "listed occupation{where} within the last {years} years"
    )
    return say(template, months=number(rule.months), where=where, years=number(rule.window_years))


def _summary(category: Category) -> str:
    name = data_text(category.name)
    if category.kind == "french":
        return say("{name}: no occupation required", name=name)
    if category.kind == "not_assessed":
        return name
    count = len(category.codes)
    if category.complete:
        template = "{name}: 1 occupation" if count == 1 else "{name}: {count} occupations"
    else:
        template = (
            "{name}: 1 occupation recorded"
            if count == 1
            else "{name}: {count} occupations recorded"
        )
    return say(template, name=name, count=number(count))


def _body(category: Category, effective: date) -> list[str]:
    parts: list[str] = []
    if category.kind == "french":
        parts.append(
            say(
                "NCLC {nclc} or higher in reading, writing, listening and speaking on a valid "
                "TEF Canada or TCF Canada result. Any occupation.",
                nclc=inert(str(category.nclc)),
            )
        )
    elif category.kind == "occupation":
        rule = ExperienceRule.on(max(effective, category.starts), category)
        where = say(" in Canada") if category.canadian_experience else say(", in Canada or abroad,")
        parts.append(say("Work experience: {rule}.", rule=_rule_sentence(rule, where)))
        if category.codes:
            column = 1 if current_language() == "fr" else 0  # Statistics Canada's French titles
            body = [
                [code, titles()[code][column], noc.teer(code)] for code in sorted(category.codes)
            ]
            header = [say("NOC 2021"), say("Occupation"), say("TEER")]
            parts.append(tables.markdown_table(header, body))
        if not category.complete:
            parts.append(
                say(
                    "**Not the complete list**: these are the codes read in the sources; "
                    "check IRCC's own list before relying on it."
                )
            )
    if category.starts > effective:
        parts.append(say("In force from {date}.", date=long_date(category.starts)))
    if category.note:
        parts.append(data_text(category.note))
    parts.append(say("Sources: {sources}", sources=tables.cite(category.references)))
    return parts


def category_occupations(list_id: str) -> str:
    """Every category of one list, each a collapsed block of its occupations."""
    found = [item for item in categories.lists() if item["id"] == list_id]
    if not found:
        raise LookupError(f"no category list {list_id!r} in categories.toml")
    effective = found[0]["effective"]
    blocks = []
    for category in categories.all_categories():
        if category.list_id != list_id:
            continue
        summary = _summary(category).replace('"', "'")
        body = "\n\n".join(_body(category, effective))
        indented = "\n".join(INDENT + line if line else "" for line in body.splitlines())
        blocks.append(f'??? abstract "{summary}"\n\n{indented}')
    intro = say(
        "In force from {date} (announced {announced}).",
        date=long_date(effective),
        announced=long_date(found[0]["announced"]),
    )
    return tables.block(intro, *blocks, attribution())


tables.register("category_occupations", True, category_occupations)
