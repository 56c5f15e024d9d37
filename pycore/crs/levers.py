"""What would raise the CRS estimate (improvements the person can make) and what will lower
it (coming birthdays, test results expiring, Canadian work leaving the window): each lever
rescored with ``pycore.crs.score.score`` on changed figures. Apart from the scoring because it
is a second question asked of the grid, not part of the score itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from pycore.common import charts, messages
from pycore.common.dates import ONE_DAY, shift_years
from pycore.common.language_tests import judge_test
from pycore.common.parameters import load
from pycore.common.profile import Profile
from pycore.crs.grid import grid_value, table
from pycore.crs.profile import CrsProfile, education_levels
from pycore.crs.score import CanadianWork, Figures, Speech, best_speeches, score
from pycore.programs.cec.projection import date_falling_below, projected_date
from pycore.programs.fst import is_trade

BIRTHDAYS_SHOWN = 3  # how many coming birthdays that cost points are listed
# Levers that take more than one test or one more year of work: a credential, a licence.
OTHER_LEVERS = frozenset({"certificate", "spouse_education"})


# ---------------------------------------------------------------- what would raise or lower it


class Levers:
    """Improvements (what the person can do) and lowers (what the calendar does), rescored."""

    def __init__(
        self,
        figures: Figures,
        total: int,
        day: date,
        work: CanadianWork | None,
        profile: Profile,
    ) -> None:
        self.figures = figures
        self.total = total
        self.day = day
        self.work = work
        self.profile = profile

    def _total(self, **changes: Any) -> int:
        return score(replace(self.figures, **changes), self.day).total or 0

    def improvements(self) -> list[dict[str, Any]]:
        """Each lever with its new total and gain, highest gain first."""
        found: list[dict[str, Any]] = []

        def offer(lever_id: str, reason: str, total: int, **facts: Any) -> None:
            if total > self.total:
                facts.update(total=total, gain=total - self.total)
                found.append(
                    {
                        "id": lever_id,
                        "total": total,
                        "gain": total - self.total,
                        "reasons": [reason],
                        "message": messages.render(reason, facts),
                        "facts": facts,
                    }
                )

        figures = self.figures
        for language in ("english", "french"):
            speech: Speech | None = getattr(figures, language)
            if speech is None:
                level = grid_value("french_points_french_level", self.day)
                hypothetical = Speech(
                    language,
                    dict.fromkeys(charts.ABILITIES, level),
                    "NCLC" if language == "french" else "CLB",
                )
                reason = (
                    "crs.improve_french_test"
                    if language == "french"
                    else "crs.improve_english_test"
                )
                offer(
                    f"{language}_test",
                    reason,
                    self._total(**{language: hypothetical}),
                    level=level,
                    level_name=hypothetical.level_name,
                )
                continue
            self._band_levers(offer, speech, language, language, "crs.improve_language_band")
            self._all_four_levers(offer, speech, language)
        if figures.canadian_years is not None:
            years = figures.canadian_years + 1
            reached = None
            if self.work is not None:
                target = replace(self.work.basis, required=self.work.basis.required * years)
                reached = projected_date(target, self.day)
            reason = "crs.improve_canadian_year" if reached else "crs.improve_canadian_year_entered"
            facts: dict[str, Any] = {"years_after": years}
            if reached:
                facts["reached_on"] = reached.isoformat()
            offer("canadian_work", reason, self._total(canadian_years=years), **facts)
        if figures.with_spouse:
            self._spouse_levers(offer)
        if figures.certificate is False and self._main_occupation_is_trade():
            offer("certificate", "crs.improve_certificate", self._total(certificate=True))
        for item in found:
            item["group"] = "other" if item["id"] in OTHER_LEVERS else "within_reach"
        found.sort(key=lambda item: (-item["gain"], item["id"]))
        return found

    def _all_four_levers(self, offer: Callable[..., None], speech: Speech, language: str) -> None:
        """Offer "reach level N in all four abilities" (crs.toml ``combined_levels``) where
        some ability is below N: one test taken again, scored as a whole, the way the grid
        pays for it (transferability and French points need every ability at a level)."""
        chart = speech.result.chart if speech.result is not None else None
        if chart is None:
            return
        for level in load("crs")["combined_levels"][language]:
            below = [ability for ability in charts.ABILITIES if speech.levels[ability] < level]
            if not below or level > chart.rows[0][0]:
                continue
            levels = {ability: max(had, level) for ability, had in speech.levels.items()}
            total = self._total(**{language: replace(speech, levels=levels)})
            needs = [f"{ability} {_score_text(chart, ability, level)}" for ability in below]
            offer(
                f"{language}_all_{level}",
                "crs.improve_language_all",
                total,
                language=language,
                level=level,
                abilities=below,
                needs=needs,
                **_test_facts(speech),
            )

    def _main_occupation_is_trade(self) -> bool:
        """Whether the job with the most Canadian hours counted (or, without counted work,
        the first job) has a NOC code in a skilled trade group: a certificate of
        qualification is a trade's, so it is not offered to anyone else."""
        jobs = self.profile.jobs
        if not jobs:
            return False
        main = 0
        if self.work is not None and any(self.work.job_hours):
            main = max(range(len(jobs)), key=lambda index: self.work.job_hours[index])  # type: ignore[union-attr]
        return is_trade(jobs[main].noc_code, self.day)

    def _spouse_levers(self, offer: Callable[..., None]) -> None:
        figures = self.figures
        speech = figures.spouse_speech
        if speech is None:
            level = grid_value("french_points_french_level", self.day)
            hypothetical = Speech("english", dict.fromkeys(charts.ABILITIES, level), "CLB")
            offer(
                "spouse_test",
                "crs.improve_spouse_test",
                self._total(spouse_speech=hypothetical),
                level=level,
            )
        else:
            self._band_levers(offer, speech, "spouse_speech", "spouse", "crs.improve_spouse_band")
        if figures.spouse_education is not None:
            levels = education_levels()
            grid = table("spouse_education")
            for higher in levels[levels.index(figures.spouse_education) + 1 :]:
                total = self._total(spouse_education=higher)
                if total > self.total:
                    offer(
                        "spouse_education",
                        "crs.improve_spouse_education",
                        total,
                        education=higher,
                        education_label=grid.label(higher),
                    )
                    break

    def _band_levers(
        self,
        offer: Callable[..., None],
        speech: Speech,
        field_name: str,
        lever_prefix: str,
        reason: str,
    ) -> None:
        """Offer, per ability of ``speech`` (the figure ``field_name``), the next band that
        raises the total, as the lever ``<lever_prefix>.<ability>``."""
        for ability, level, score_needed, total in self._next_band(speech, field_name):
            offer(
                f"{lever_prefix}.{ability}",
                reason,
                total,
                ability=ability,
                level=level,
                score_needed=score_needed,
                **_test_facts(speech),
            )

    def _next_band(self, speech: Speech, field_name: str) -> list[tuple[str, int, str, int]]:
        """Per ability, the first higher level (up to the chart's top row) that raises the
        total: (ability, level, lowest score reaching it, new total)."""
        chart = speech.result.chart if speech.result is not None else None
        if chart is None:
            return []
        found = []
        for ability, level in speech.levels.items():
            for higher in range(level + 1, chart.rows[0][0] + 1):
                better = replace(speech, levels={**speech.levels, ability: higher})
                total = self._total(**{field_name: better})
                if total > self.total:
                    found.append((ability, higher, _score_text(chart, ability, higher), total))
                    break
        return found

    def lowers(self, crs: CrsProfile) -> list[dict[str, Any]]:
        """Coming dates that cost points, with the total then, soonest first."""
        found: list[dict[str, Any]] = []

        def note(kind: str, reason: str, when: date, total: int, **facts: Any) -> None:
            if total < self.total:
                facts.update(date=when.isoformat(), total=total, loss=self.total - total)
                found.append(
                    {
                        "id": kind,
                        "date": when.isoformat(),
                        "total": total,
                        "loss": self.total - total,
                        "reasons": [reason],
                        "message": messages.render(reason, facts),
                        "facts": facts,
                    }
                )

        figures = self.figures
        if crs.date_of_birth is not None and figures.age is not None:
            shown, previous = 0, self.total
            # Points change only where a new age row starts: try those birthdays alone.
            starts = sorted(row["min"] for row in table("age").rows if "min" in row)
            for age in (start for start in starts if start > figures.age):
                total = self._total(age=age)
                if total < previous:
                    note(
                        "age",
                        "crs.lower_birthday",
                        shift_years(crs.date_of_birth, age),
                        total,
                        age=age,
                    )
                    shown += 1
                previous = total
                if shown == BIRTHDAYS_SHOWN:
                    break
        for language in ("english", "french"):
            speech = getattr(figures, language)
            if speech is None or speech.result is None or speech.result.valid_until is None:
                continue
            expires = speech.result.valid_until + ONE_DAY
            later = best_speeches(
                [judge_test(t, expires) for t in self.profile.language_tests], figures.with_spouse
            ).get(language)
            note(
                f"{language}_test",
                "crs.lower_test_expiry",
                expires,
                self._total(**{language: later}),
                **_test_facts(speech),
            )
        spouse = figures.spouse_speech
        if spouse is not None and spouse.result is not None and spouse.result.valid_until:
            expires = spouse.result.valid_until + ONE_DAY
            note(
                "spouse_test",
                "crs.lower_spouse_test_expiry",
                expires,
                self._total(spouse_speech=None),
                **_test_facts(spouse),
            )
        if self.work is not None and self.work.years > 0:
            basis = self.work.basis
            when = date_falling_below(basis, self.day, basis.required * self.work.years)
            if when is not None:
                note(
                    "canadian_work",
                    "crs.lower_canadian_year",
                    when,
                    self._total(canadian_years=self.work.years - 1),
                    years_after=self.work.years - 1,
                    window_years=basis.rules.window_years,
                )
        found.sort(key=lambda item: (item["date"], item["id"]))
        return found


def _score_text(chart: charts.Chart, ability: str, level: int) -> str:
    """The lowest score reaching ``level`` as the test prints it (IELTS keeps 7.0)."""
    score = chart.lowest_score(ability, level)
    decimals = 0 if float(chart.scale[ability].step).is_integer() else 1
    return f"{score:.{decimals}f}" if score is not None else ""


def _test_facts(speech: Speech) -> dict[str, Any]:
    result = speech.result
    if result is None:
        return {"level_name": speech.level_name}
    chart = result.chart
    return {
        "test_name": chart.name if chart else result.test.test,
        "test_date": result.test.date.isoformat(),
        "level_name": speech.level_name,
    }
