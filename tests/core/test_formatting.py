"""One formatter for dates, numbers and lists: the engine's sentences and the guide's pages."""

from __future__ import annotations

from datetime import date

from pycore.common import formatting, messages
from site_scripts.tables import formatting as page_formatting


def test_a_result_and_a_guide_page_print_a_date_alike() -> None:
    """The date in an engine sentence is the date a build hook writes for the same day."""
    day = date(2027, 5, 31)
    sentence = messages.render("test.valid", {"valid_until": day.isoformat()})
    assert sentence == f"Valid until {page_formatting.long_date(day)}."


def test_long_date_reads_month_day_year_for_every_month() -> None:
    """Each month prints by its English name, day without a leading zero, then the year."""
    for month, name in enumerate(formatting.MONTHS["en"], start=1):
        day = date(2026, month, 1)
        assert formatting.long_date(day) == f"{name} 1, 2026"
        assert formatting.long_date(day.isoformat()) == formatting.long_date(day)
    assert len(set(formatting.MONTHS["en"])) == 12


def test_figures_have_separators_and_one_decimal_at_most() -> None:
    """An engine figure: thousands separators, whole numbers bare, others to one decimal."""
    assert formatting.number(1560) == "1,560"
    assert formatting.number(1560.0) == "1,560"
    assert formatting.number(1302.94) == "1,302.9"


def test_data_values_keep_the_decimals_they_are_written_with() -> None:
    """A data value on a page: an IELTS band 6.0 stays 6.0, 0.25 stays 0.25, 1560 is 1,560."""
    assert formatting.as_written(6.0) == "6.0"
    assert formatting.as_written(0.25) == "0.25"
    assert formatting.as_written(1560) == "1,560"
    assert page_formatting.reader_value(6.0) == "6.0"


def test_series_reads_as_canada_ca_writes_lists() -> None:
    """No serial comma; one item alone; none is empty; the engine's "or" lists agree."""
    assert formatting.series([]) == ""
    assert formatting.series(["0"]) == "0"
    assert formatting.series(["0", "1"]) == "0 or 1"
    assert formatting.series(["0", "1", "2", "3"], "and") == "0, 1, 2 and 3"
    text = messages.render("job.teer_not_eligible", {"teer": 4, "eligible_teers": [0, 1, 2, 3]})
    assert f"(TEER {page_formatting.series(['0', '1', '2', '3'])})" in text
