"""The one shape every requirement rule returns: met or not, and why.

``work_experience()``, ``language()`` and ``quebec()`` each return a frozen dataclass
with at least ``met`` (true, false, or None when it cannot be judged yet) and
``reason`` (the reason code whose catalog sentence explains it), plus the figures that
rule found. ``pycore.programs.cec.requirements`` turns each into one ``requirements[]`` entry
of the contract.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Outcome(Protocol):
    """A requirement's outcome on one application date."""

    @property
    def met(self) -> bool | None:
        """True when met, False when not, None when it cannot be judged yet."""

    @property
    def reason(self) -> str:
        """The reason code (a message catalog key) that explains ``met``."""
