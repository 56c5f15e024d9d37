"""Figures for output: exact values (``Fraction`` hours) rounded once, at the very end."""

from __future__ import annotations

from fractions import Fraction


def hours(value: Fraction, below: Fraction | None = None) -> float | int:
    """Hours for output: one decimal, half up; never rounded up to ``below`` when under it."""
    top, bottom = value.numerator, value.denominator
    tenths = (20 * top + bottom) // (2 * bottom)  # floor(value * 10 + 1/2), in integers
    if below is not None and value < below <= Fraction(tenths, 10):
        tenths = (10 * top) // bottom
    return tenths // 10 if tenths % 10 == 0 else tenths / 10
