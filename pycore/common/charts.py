"""Language test equivalency charts: a test score to a CLB or NCLC level.

IRPR 74(1)-(2): the Minister fixes the language thresholds "by reference to the
Canadian Language Benchmarks and the Niveaux de compétence linguistique
canadiens"; IRCC publishes, per designated test, the lowest score that reaches
each level. Source: https://www.canada.ca/en/immigration-refugees-citizenship/
corporate/publications-manuals/operational-bulletins-manuals/standard-requirements/
language-requirements/test-equivalency-charts.html

The charts live in ``pycore/data/charts/<test>.toml``, one version per table,
chosen by the date the test was taken. A score between two rows belongs to the
lower level; a score below the lowest row is level 3, meaning "below 4".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from pycore.common.parameters import load, parameter


def _chart_files() -> tuple[str, ...]:
    """The tests with a chart in ``data/charts/``, in the order of the newest list of accepted
    tests (then any other chart by name): adding a test is adding its chart file and its id."""
    folder = resources.files("pycore").joinpath("data", "charts")
    # A ``.toml`` file, or in the browser's wheel also its pre-parsed ``.toml.json`` copy.
    found = {entry.name.split(".")[0] for entry in folder.iterdir() if ".toml" in entry.name}
    listed = [
        t for item in reversed(parameter("language", "accepted_tests").values) for t in item.value
    ]
    return tuple(dict.fromkeys(t for t in listed if t in found)) + tuple(
        sorted(found - set(listed))
    )


TESTS: tuple[str, ...] = _chart_files()
ABILITIES: tuple[str, ...] = ("reading", "writing", "listening", "speaking")

Score = float  # an int score is a float for typing purposes (PEP 484 numeric tower)


@dataclass(frozen=True)
class Scale:
    """The range a test prints for one ability: lowest, highest and the step between scores."""

    min: Score
    max: Score
    step: Score

    def contains(self, score: Score) -> bool:
        """Whether ``score`` is on this scale (within bounds and on a step)."""
        if not self.min <= score <= self.max:
            return False
        steps = (score - self.min) / self.step
        return steps == int(steps)


@dataclass(frozen=True)
class Chart:
    """One version of a test's equivalency table, in force for tests taken from ``effective``."""

    test: str
    name: str
    language: str
    level_name: str
    effective: date
    abilities: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, Score]], ...]
    scale: dict[str, Scale]
    references: tuple[str, ...]
    note: str = ""
    choice: str = ""
    print_order: tuple[str, ...] = ABILITIES  # the order the result prints the abilities in

    @property
    def below_lowest(self) -> int:
        """The level given to a score under the chart's lowest row ("below" that row)."""
        return self.rows[-1][0] - 1

    def level(self, ability: str, score: Score) -> int:
        """The level ``score`` reaches in ``ability``: the highest row whose minimum it meets."""
        for level, minimums in self.rows:
            if score >= minimums[ability]:
                return level
        return self.below_lowest

    def lowest_score(self, ability: str, level: int) -> Score | None:
        """The lowest score that reaches ``level`` in ``ability`` (None above the top row)."""
        best: Score | None = None
        for row_level, minimums in self.rows:
            if row_level >= level:
                best = minimums[ability]
        return best


@cache
def versions(test_id: str) -> list[Chart]:
    """Every version of ``test_id``'s chart, oldest first; KeyError for an unknown test."""
    if test_id not in TESTS:
        raise KeyError(test_id)
    raw = load(f"charts/{test_id}")
    result = []
    for version in sorted(raw["versions"], key=lambda v: v["effective"]):
        rows = tuple(
            (int(row["level"]), {ability: row[ability] for ability in ABILITIES})
            for row in sorted(version["rows"], key=lambda r: -r["level"])
        )
        scale = {
            ability: Scale(
                min=version["scale"][ability]["min"],
                max=version["scale"][ability]["max"],
                step=version["scale"][ability]["step"],
            )
            for ability in ABILITIES
        }
        result.append(
            Chart(
                test=raw["test"],
                name=raw["name"],
                language=raw["language"],
                level_name=raw["level_name"],
                effective=version["effective"],
                abilities=ABILITIES,
                rows=rows,
                scale=scale,
                references=tuple(version["references"]),
                note=version.get("note", ""),
                choice=version.get("choice", ""),
                print_order=tuple(raw.get("print_order", ABILITIES)),
            )
        )
    return result


def chart(test_id: str, on: date) -> Chart:
    """The chart version for a test taken on ``on``; LookupError before the first version."""
    current = None
    for version in versions(test_id):
        if version.effective <= on:
            current = version
    if current is None:
        raise LookupError(f"no {test_id} chart in force on {on.isoformat()}")
    return current


def level_for(test_id: str, test_date: date, ability: str, score: Score) -> int:
    """The CLB/NCLC level of ``score`` in ``ability`` on the chart in force on ``test_date``."""
    return chart(test_id, test_date).level(ability, score)
