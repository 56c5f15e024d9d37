"""Figures for output: exact values (``Fraction`` hours) rounded once, at the very end."""

from __future__ import annotations

from fractions import Fraction


def hours(value: Fraction, below: Fraction | None = None) -> float | int:
    """Hours for output, everywhere (CEC, CRS, jobs): one decimal, rounded down, so hours are
    never overstated and the same work reads the same in every place; a shortfall
    (``hours_short``) is rounded up, so the two shown figures add up to the requirement.
    ``below`` is kept for callers: rounding down never reaches it from under it."""
    del below
    tenths = (10 * value.numerator) // value.denominator
    return tenths // 10 if tenths % 10 == 0 else tenths / 10
