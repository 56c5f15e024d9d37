"""Language equivalency charts: versions, lookups and the score-to-level rule."""

from __future__ import annotations

from datetime import timedelta
from importlib import resources

import pytest

from pycore.common import charts
from pycore.common.parameters import parameter


@pytest.mark.parametrize("test_id", charts.TESTS)
def test_rows_are_highest_first_and_strictly_decreasing(test_id: str) -> None:
    """Every chart lists levels highest first, one apart, and each level needs a higher score."""
    for version in charts.versions(test_id):
        levels = [level for level, _ in version.rows]
        assert levels == list(range(levels[0], levels[0] - len(levels), -1))
        for ability in version.abilities:
            minimums = [row[ability] for _, row in version.rows]
            assert all(high > low for high, low in zip(minimums, minimums[1:], strict=False))
            assert all(version.scale[ability].contains(score) for score in minimums)


@pytest.mark.parametrize("test_id", charts.TESTS)
def test_each_row_minimum_gives_its_level_and_one_step_less_the_level_below(test_id: str) -> None:
    """A row's lowest score reaches that row; one scale step below falls one level."""
    for version in charts.versions(test_id):
        for level, minimums in version.rows:
            for ability, score in minimums.items():
                assert charts.level_for(test_id, version.effective, ability, score) == level
                below = score - version.scale[ability].step
                if below >= version.scale[ability].min:
                    assert version.level(ability, below) == level - 1


@pytest.mark.parametrize("test_id", charts.TESTS)
def test_below_lowest_row_is_level_three(test_id: str) -> None:
    """The scale's minimum, under every chart's lowest row, gives the 'below 4' level 3."""
    for version in charts.versions(test_id):
        for ability in version.abilities:
            assert version.level(ability, version.scale[ability].min) == version.below_lowest == 3


def test_scale_maximum_reaches_top_level() -> None:
    """The top of each scale reaches the chart's highest row (CELPIP 12 is CLB 10)."""
    for test_id in charts.TESTS:
        for version in charts.versions(test_id):
            for ability in version.abilities:
                assert version.level(ability, version.scale[ability].max) == version.rows[0][0]


def test_tef_chart_switches_to_new_scale_on_its_effective_day() -> None:
    """A TEF test from the new format's effective day uses its table, before it the 2019 one."""
    _, middle, new = charts.versions("tef_canada")
    assert new.effective > middle.effective
    assert new.choice  # the doubt is recorded beside the value
    assert charts.chart("tef_canada", new.effective) == new
    assert charts.chart("tef_canada", new.effective - timedelta(days=1)) == middle
    score = new.rows[0][1]["reading"]
    assert charts.level_for("tef_canada", new.effective, "reading", score) == new.rows[0][0]


def test_tef_has_three_periods_and_the_2019_table_reads_0_to_699_scores() -> None:
    """TEF tests from the 2019 table's day to the day before the new format use the 0-699 table."""
    old, middle, new = charts.versions("tef_canada")
    assert old.effective < middle.effective < new.effective
    assert middle.choice  # where the period and cut-offs come from is recorded
    assert charts.chart("tef_canada", middle.effective - timedelta(days=1)) == old
    assert charts.chart("tef_canada", middle.effective) == middle
    # A score above the old table's scale is on the 2019 table's scale.
    above_old = old.scale["reading"].max + 1
    assert not old.scale["reading"].contains(above_old)
    assert middle.scale["reading"].contains(above_old)
    for ability in middle.abilities:
        assert len({scores[ability] for _, scores in middle.rows}) == len(middle.rows)
    assert all(len(set(scores.values())) == 1 for _, scores in middle.rows)  # same in all four


def test_chart_before_first_version_raises_lookup_error() -> None:
    """No chart is in force before the first version's effective date."""
    first = charts.versions("pte_core")[0]
    with pytest.raises(LookupError):
        charts.chart("pte_core", first.effective - timedelta(days=1))


def test_unknown_test_raises_key_error() -> None:
    """Only the five designated test ids have charts."""
    with pytest.raises(KeyError):
        charts.versions("ielts_academic")


def test_level_names_and_languages() -> None:
    """English tests report CLB, French tests NCLC."""
    for test_id in charts.TESTS:
        for version in charts.versions(test_id):
            pair = (version.language, version.level_name)
            assert pair in {("english", "CLB"), ("french", "NCLC")}


def test_half_band_scale() -> None:
    """IELTS accepts half bands only; other tests accept whole scores only."""
    scale = charts.versions("ielts_general")[0].scale["reading"]
    assert scale.contains(6.5) and scale.contains(7) and not scale.contains(6.3)
    assert not scale.contains(scale.max + scale.step) and not scale.contains(scale.min - scale.step)
    assert not charts.versions("celpip_general")[0].scale["reading"].contains(7.5)


def test_lowest_score_for_level() -> None:
    """The lowest score for a level is that row's minimum; above the top row there is none."""
    version = charts.versions("ielts_general")[0]
    top_level, top_row = version.rows[0]
    assert version.lowest_score("listening", top_level) == top_row["listening"]
    assert version.lowest_score("listening", top_level + 1) is None
    assert version.lowest_score("listening", 1) == version.rows[-1][1]["listening"]


def test_the_tests_are_the_chart_files_in_the_accepted_order() -> None:
    """charts.TESTS is one id per file in data/charts/, ordered as the newest accepted list."""
    folder = resources.files("pycore").joinpath("data", "charts")
    files = {entry.name.removesuffix(".toml") for entry in folder.iterdir()}
    assert set(charts.TESTS) == files and len(charts.TESTS) == len(files)
    newest = parameter("language", "accepted_tests").values[-1].value
    assert list(charts.TESTS[: len(newest)]) == [t for t in newest if t in files]
