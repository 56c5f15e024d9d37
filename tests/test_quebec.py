"""Quebec: intent to live outside Quebec."""

from __future__ import annotations

from engine_support import APP

from pycore.parameters import parameter
from pycore.quebec import quebec


def test_plans_outside_quebec_meets() -> None:
    """Planning to live outside Quebec meets the requirement."""
    assert quebec(False, APP) == (True, "quebec.outside_quebec")


def test_plans_in_quebec_fails() -> None:
    """Planning to live in Quebec does not."""
    assert quebec(True, APP) == (False, "quebec.plans_quebec")


def test_quebec_work_choice_recorded() -> None:
    """The doubt about work done in Quebec is recorded as a choice beside the value."""
    counts = parameter("quebec", "quebec_work_counts")
    assert counts.value_at(APP) is True and "Quebec" in counts.choice
