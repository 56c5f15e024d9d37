"""Hours accrued day by day across overlapping jobs, capped per day: exact integer arithmetic.

The shared timeline every program's work requirement counts on (the CEC's in
``pycore.programs.cec.work_experience``, which also explains the units): each job adds a
constant daily rate from its first day to its last, the day's total counts up to a cap, and
a capped day is shared among its jobs in proportion to their rates.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from fractions import Fraction

DAYS_PER_WEEK = 7


class Timeline:
    """Capped daily accrual of the counting jobs, as constant pieces between change points.

    ``spans`` are (first day ordinal, last day ordinal or None for an ongoing job, daily
    rate in units); ``cap`` is the most units a day can count. Ongoing jobs run forever,
    which is what "counted up to the day before the application date" means for any date.
    """

    def __init__(self, spans: Sequence[tuple[int, int | None, int]], cap: int) -> None:
        changes: dict[int, int] = {}
        for first, last, rate in spans:
            changes[first] = changes.get(first, 0) + rate
            if last is not None:
                changes[last + 1] = changes.get(last + 1, 0) - rate
        self.starts: list[int] = sorted(changes)
        self.raw: list[int] = []  # uncapped units a day from each change point on
        self.capped: list[int] = []
        self.cumulative: list[int] = []  # capped units on all days before each change point
        running = total = 0
        for index, point in enumerate(self.starts):
            if index:
                total += self.capped[-1] * (point - self.starts[index - 1])
            running += changes[point]
            self.raw.append(running)
            self.capped.append(min(running, cap))
            self.cumulative.append(total)

    def accrued_before(self, day: int) -> int:
        """Capped units accrued on every day before ordinal ``day``."""
        index = bisect_right(self.starts, day) - 1
        if index < 0:
            return 0
        return self.cumulative[index] + self.capped[index] * (day - self.starts[index])

    def accrued(self, first: int, stop: int) -> int:
        """Capped units accrued on days ``first`` (included) to ``stop`` (excluded)."""
        return self.accrued_before(stop) - self.accrued_before(first)

    def share(self, first: int, last: int, rate: int, cap: int) -> Fraction:
        """Units a job of daily ``rate`` gets on days ``first``..``last``, capped days shared."""
        days_by_load: dict[int, int] = {}
        index = max(bisect_right(self.starts, first) - 1, 0)
        while index < len(self.starts) and self.starts[index] <= last:
            begin = max(first, self.starts[index])
            end = last if index + 1 == len(self.starts) else min(last, self.starts[index + 1] - 1)
            if end >= begin:
                load = self.raw[index]
                days_by_load[load] = days_by_load.get(load, 0) + end - begin + 1
            index += 1
        # Sum rate*days (uncapped) + rate*days*cap/load (capped) over one common denominator.
        loads = [load for load in days_by_load if load > cap]
        common = math.lcm(*loads) if loads else 1
        numerator = sum(
            rate * days * (common if load <= cap else cap * (common // load))
            for load, days in days_by_load.items()
        )
        return Fraction(numerator, common)
