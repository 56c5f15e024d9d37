"""The National Occupational Classification (NOC) 2021 unit groups the rules accept.

Statistics Canada's NOC 2021 Version 1.0 has 516 unit groups, each a five-digit code whose
second digit is its TEER category. ``pycore/data/noc_2021.toml`` lists them with their source
(Statistics Canada, Open Licence); the English and French class titles sit beside it in
``noc_2021_titles.tsv``, which the browser's wheel leaves out (the rules need only codes).
When NOC 2026 arrives it is a new data file, chosen here by date.
https://www.statcan.gc.ca/en/subjects/standard/noc/2021/indexV1
"""

from __future__ import annotations

from functools import cache

from pycore.common.parameters import load

TABLE = "noc_2021"


@cache
def unit_groups() -> frozenset[str]:
    """Every NOC 2021 V1.0 unit-group code."""
    return frozenset(str(code) for code in load(TABLE)["codes"])


def version() -> str:
    """The NOC version the codes come from, as Statistics Canada names it ("2021 V1.0")."""
    return str(load(TABLE)["noc_version"])


def teer(code: str) -> int:
    """The TEER category of a unit group: its code's second digit."""
    return int(code[1])


def is_unit_group(code: str) -> bool:
    """Whether ``code`` is a unit group of the NOC version in use."""
    return code in unit_groups()
