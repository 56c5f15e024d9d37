"""The Canadian Experience Class (IRPR 87.1): work experience, language, Quebec.

The program as ``pycore.programs`` sees it: ``ID`` and ``entry(profile, day)``. ``judge`` keeps
the outcomes as well, for the assessment's CEC fields (jobs, tests, notices, projection).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pycore.common.profile import Profile
from pycore.programs.cec.language import LanguageOutcome, language
from pycore.programs.cec.quebec import QuebecOutcome, quebec
from pycore.programs.cec.requirements import overall, requirements
from pycore.programs.cec.work_experience import WorkExperience, work_experience

ID = "cec"


@dataclass(frozen=True)
class Judgement:
    """The CEC judged on one day: each requirement's outcome and its contract entries."""

    work: WorkExperience
    speech: LanguageOutcome
    intent: QuebecOutcome
    requirements: list[dict[str, Any]]

    @property
    def met(self) -> bool | None:
        """The verdict: the assessment's ``eligible``."""
        return overall([item["met"] for item in self.requirements])

    def entry(self) -> dict[str, Any]:
        """The contract's ``programs[]`` entry (every input the CEC reads is required)."""
        return {"id": ID, "met": self.met, "requirements": self.requirements, "missing": []}


def judge(profile: Profile, day: date) -> Judgement:
    """Every CEC requirement judged on ``day``."""
    work = work_experience(profile.jobs, day)
    speech = language(profile.language_tests, day, work.main_teer)
    intent = quebec(profile.plans_to_live_in_quebec, day)
    return Judgement(work, speech, intent, requirements(work, speech, intent, day))


def entry(profile: Profile, day: date) -> dict[str, Any]:
    """The contract's ``programs[]`` entry for the CEC, judged on ``day``."""
    return judge(profile, day).entry()
