"""Quebec: intent to live outside Quebec."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, is_dataclass

import pytest
from support.contract import job
from support.engine import parsed_profile
from support.rules import APP

from pycore.common.outcome import Outcome
from pycore.common.parameters import parameter
from pycore.programs.cec.language import language
from pycore.programs.cec.quebec import quebec
from pycore.programs.cec.work_experience import work_experience


def test_plans_outside_quebec_meets() -> None:
    """Planning to live outside Quebec meets the requirement."""
    outcome = quebec(False, APP)
    assert (outcome.met, outcome.reason) == (True, "quebec.outside_quebec")


def test_plans_in_quebec_fails() -> None:
    """Planning to live in Quebec does not."""
    outcome = quebec(True, APP)
    assert (outcome.met, outcome.reason) == (False, "quebec.plans_quebec")


def test_quebec_work_choice_recorded() -> None:
    """The doubt about work done in Quebec is recorded as a choice beside the value."""
    counts = parameter("quebec", "quebec_work_counts")
    assert counts.value_at(APP) is True and "Quebec" in counts.choice


def test_every_requirement_rule_returns_one_outcome_shape() -> None:
    """work_experience, language and quebec each return a frozen dataclass with met and reason."""
    jobs = parsed_profile([job(APP.replace(year=APP.year - 1), None)]).jobs
    outcomes = [work_experience(jobs, APP), language((), APP, None), quebec(False, APP)]
    for outcome in outcomes:
        assert is_dataclass(outcome) and isinstance(outcome, Outcome)
        assert outcome.met in (True, False, None) and isinstance(outcome.reason, str)
        with pytest.raises(FrozenInstanceError):
            outcome.met = None  # type: ignore[misc]
