"""The immigration programs, one package each, and their registry in IRCC's order.

A program is a package under ``pycore/programs/`` whose ``__init__`` exposes ``ID`` (the
contract's ``programs[].id``) and ``entry(profile, day)``: the contract's ``programs[]`` entry,
``{"id", "met", "requirements", "missing", ...}``, judged on the application date ``day``. A
program imports shared machinery (``pycore.common``) and never another program; the contracts
in ``pyproject.toml`` hold this (``tests/core/test_layers.py``). Adding a program: a package
here, its data in ``pycore/data/``, its sentences in the message catalogs, and one name in
``PROGRAMS``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Protocol

from pycore.common.profile import Profile
from pycore.programs import cec, fst, fsw


class Program(Protocol):
    """What the assessment needs of a program (each program's package satisfies it)."""

    ID: str

    def entry(self, profile: Profile, day: date) -> dict[str, Any]: ...


# In the order IRCC considers them: the contract's ``programs`` array follows it.
PROGRAMS: tuple[Program, ...] = (cec, fsw, fst)


def entries(
    profile: Profile, day: date, known: Mapping[str, dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """Each program's entry on ``day``, in ``PROGRAMS`` order; ``known`` holds entries already
    made by id (the assessment's CEC entry, judged once for its own fields)."""
    known = known or {}
    return [known.get(program.ID) or program.entry(profile, day) for program in PROGRAMS]
