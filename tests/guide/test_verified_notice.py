"""The page warning for values not checked against their sources within their review horizon,
and the placeholders that say when values were checked (issue 19 item 5)."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from pycore.common import verification
from pycore.common.messages import language
from pycore.common.parameters import load, parameter
from site_scripts.hooks import placeholders
from site_scripts.tables import verified_notice
from site_scripts.tables.formatting import long_date

REVIEWED = date(2026, 11, 21)
CONFIG = {"extra": {"reviewed": REVIEWED}}
TITLE = "Some values on this page may be out of date"


def page() -> SimpleNamespace:
    return SimpleNamespace(meta={}, file=SimpleNamespace(src_uri="guide/page.md"))


def build(markdown: str, monkeypatch: pytest.MonkeyPatch, on: date, lang: str = "en") -> str:
    monkeypatch.setenv(verified_notice.BUILD_DATE_VARIABLE, on.isoformat())
    with language(lang):
        return placeholders._expanded(markdown, page(), CONFIG)


def grid_last_fresh_day() -> date:
    check = verification.table_check("crs", load("crs"))
    last = verification.due(check)
    assert last is not None
    return last


def test_page_with_a_stale_value_gets_a_warning_under_its_title(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A page showing the CRS grid, built the day after the grid's horizon ends, gets one
    warning under its title naming the grid and its last check; built on the last fresh day,
    none."""
    text = "# CRS\n\n{{ table crs core }}\n"
    late = build(text, monkeypatch, grid_last_fresh_day() + timedelta(days=1))
    assert late.index("# CRS") < late.index(TITLE) < late.index("<")
    assert "The CRS points grid: last checked against the sources on" in late
    assert long_date(load("crs")["verified"]) in late
    assert TITLE not in build(text, monkeypatch, grid_last_fresh_day())


def test_page_using_only_fresh_values_gets_no_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page naming only a rule value, built within the rules' horizon, has no warning."""
    check = verification.value_check("work_experience", "hours_required", REVIEWED)
    assert check is not None
    last = verification.due(check)
    assert last is not None
    text = "# Hours\n\n{{ value work_experience.hours_required }} hours.\n"
    assert TITLE not in build(text, monkeypatch, last)
    assert TITLE in build(text, monkeypatch, last + timedelta(days=1))


def test_french_page_warning_is_french(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a French page the warning and the kind of values are in French."""
    text = "# SCG\n\n{{ table crs core }}\n"
    out = build(text, monkeypatch, grid_last_fresh_day() + timedelta(days=1), "fr")
    assert "Certaines valeurs de cette page sont peut-être périmées" in out
    assert "La grille de points du SCG" in out


def test_unreadable_build_date_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """A CEC_BUILD_DATE that is not a date stops the build with a PluginError naming it."""
    monkeypatch.setenv(verified_notice.BUILD_DATE_VARIABLE, "soon")
    with pytest.raises(PluginError, match="CEC_BUILD_DATE"):
        placeholders._expanded("# Title\n", page(), CONFIG)


def test_verified_placeholder_gives_the_day_the_value_was_checked() -> None:
    """{{ verified FILE.KEY }} is the check date of the value in force on the review date."""
    item = parameter("express_entry", "bowp_eligible_classes").at(REVIEWED)
    assert item is not None and item.verified is not None
    out = placeholders.expand("{{ verified express_entry.bowp_eligible_classes }}", REVIEWED)
    assert out == long_date(item.verified)


def test_verified_range_spans_the_oldest_and_newest_check() -> None:
    """{{ verified_range }} names the oldest and the newest check of the data's values."""
    out = placeholders.expand("{{ verified_range }}", REVIEWED)
    check = verification.value_check("work_experience", "hours_required", REVIEWED)
    newest = verification.value_check("program", "teer_system_start", REVIEWED)
    assert check is not None and newest is not None
    assert check.verified is not None and newest.verified is not None
    assert long_date(check.verified) in out and long_date(newest.verified) in out


def test_front_matter_can_put_the_warning_at_the_end(monkeypatch: pytest.MonkeyPatch) -> None:
    """`verified_notice: end` (the home page) puts the warning after the page's text."""
    monkeypatch.setenv(
        verified_notice.BUILD_DATE_VARIABLE,
        (grid_last_fresh_day() + timedelta(days=1)).isoformat(),
    )
    home = SimpleNamespace(meta={"verified_notice": "end"}, file=page().file)
    out = placeholders._expanded("# Home\n\nFirst screen.\n\n{{ table crs core }}\n", home, CONFIG)
    assert out.index("First screen.") < out.index("<") < out.index(TITLE)
