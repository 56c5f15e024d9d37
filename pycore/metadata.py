"""What the web form needs to know before Python judges anything, from the same data.

Tests with their scales and accepted dates, the thresholds in force, TEER
descriptions and the provisions cited, so the form can label, range-check and
link without typing a number of its own.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pycore import charts
from pycore.assessment import RULE_FILES, rules_version, supported_from
from pycore.language import accepted_from, thresholds, validity_years
from pycore.parameters import parameter, parameters, source
from pycore.work_experience import Rules


def _scale(chart: charts.Chart) -> dict[str, dict[str, float]]:
    return {
        ability: {"min": scale.min, "max": scale.max, "step": scale.step}
        for ability, scale in chart.scale.items()
    }


def _test(test_id: str) -> dict[str, Any]:
    versions = charts.versions(test_id)
    latest = versions[-1]
    first = accepted_from(test_id)
    return {
        "id": test_id,
        "name": latest.name,
        "language": latest.language,
        "level_name": latest.level_name,
        "accepted_from": first.isoformat() if first else None,
        "scale": _scale(latest),
        "versions": [
            {"effective": version.effective.isoformat(), "scale": _scale(version)}
            for version in versions
        ],
    }


def form_metadata(on: date | None = None) -> dict[str, Any]:
    """The form's metadata for rules in force on ``on`` (default: the newest rules)."""
    day = on or date.fromisoformat(rules_version())
    rules = Rules.on(day)
    cited = sorted(
        {
            ref
            for name in RULE_FILES
            for p in parameters(name)
            for v in p.values
            for ref in v.references
        }
        | {ref for t in charts.TESTS for c in charts.versions(t) for ref in c.references}
    )
    return {
        "rules_version": rules_version(),
        "supported_from": supported_from().isoformat(),
        "tests": [_test(test_id) for test_id in charts.TESTS],
        "thresholds": {
            "hours_required": _plain(rules.hours_required),
            "weekly_hours_cap": _plain(rules.weekly_cap),
            "window_years": rules.window_years,
            "validity_years": validity_years(day),
            "eligible_teers": sorted(rules.eligible_teers),
            "levels": [{"level": level, "teers": list(teers)} for level, teers in thresholds(day)],
        },
        "teer": parameter("noc", "teer_categories").value_at(day),
        "provisions": [
            {"id": s.id, "title": s.title, "url": s.url, "reliability": s.reliability}
            for s in (source(ref) for ref in cited)
        ],
    }


def _plain(value: Any) -> int | float:
    number = float(value)
    return int(number) if number.is_integer() else number
