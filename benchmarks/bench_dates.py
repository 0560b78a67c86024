"""Benchmark the working-day calendar: O(1) index vs a naive day-by-day loop.

Target (issue 2): >= 500,000 ``add_working_days(d, 20)`` calls per second on one core, and
>= 20x a naive loop measured in the same run. The naive baseline is the loop a developer writes
with the ``holidays`` package: step a day at a time, skip weekends and ``d in holidays_object``.
A second, harder baseline steps over a precomputed ``set`` of bank holidays; both are printed.
Prints figures; asserts nothing.

    python benchmarks/bench_dates.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections.abc import Container

import holidays

from corparent.dates import ENGLAND_AND_WALES, add_months

CALLS = 1_000_000
NAIVE_CALLS = 50_000


def naive_add_working_days(d: dt.date, n: int, bank: Container[dt.date]) -> dt.date:
    one = dt.timedelta(days=1)
    while n:
        d += one
        if d.weekday() < 5 and d not in bank:
            n -= 1
    return d


def main() -> None:
    rng = random.Random(2026)
    base = dt.date(2000, 1, 1).toordinal()
    starts = [dt.date.fromordinal(base + rng.randrange(365 * 30)) for _ in range(CALLS)]
    cal = ENGLAND_AND_WALES
    cal.add_working_days(starts[0], 20)  # compile the index outside the timing

    add = cal.add_working_days
    t0 = time.perf_counter()
    for d in starts:
        add(d, 20)
    fast = time.perf_counter() - t0
    fast_rate = CALLS / fast

    bank_holidays = holidays.country_holidays("GB", subdiv="ENG", years=range(1999, 2032))
    sample = starts[:NAIVE_CALLS]
    t0 = time.perf_counter()
    for d in sample:
        naive_add_working_days(d, 20, bank_holidays)
    naive_rate = NAIVE_CALLS / (time.perf_counter() - t0)

    bank_set = set(bank_holidays)
    t0 = time.perf_counter()
    for d in sample:
        naive_add_working_days(d, 20, bank_set)
    naive_set_rate = NAIVE_CALLS / (time.perf_counter() - t0)

    between = cal.working_days_between
    ends = starts[1:] + starts[:1]
    t0 = time.perf_counter()
    for a, b in zip(starts, ends, strict=True):
        between(a, b)
    between_rate = CALLS / (time.perf_counter() - t0)

    t0 = time.perf_counter()
    for d in starts[:200_000]:
        add_months(d, 6)
    months_rate = 200_000 / (time.perf_counter() - t0)

    print(f"add_working_days(d, 20): {fast_rate:,.0f} calls/s ({CALLS:,} calls in {fast:.2f} s)")
    print(f"naive loop, holidays:    {naive_rate:,.0f} calls/s ({NAIVE_CALLS:,} calls)")
    print(f"naive loop, set:         {naive_set_rate:,.0f} calls/s ({NAIVE_CALLS:,} calls)")
    print(f"speed-up vs naive:       {fast_rate / naive_rate:.1f}x (target >= 20x)")
    print(f"speed-up vs naive (set): {fast_rate / naive_set_rate:.1f}x")
    print(f"working_days_between:    {between_rate:,.0f} calls/s")
    print(f"add_months(d, 6):        {months_rate:,.0f} calls/s")
    verdict = "met" if fast_rate >= 500_000 else "MISSED"
    print(f"target >= 500,000 add_working_days calls/s: {verdict}")


if __name__ == "__main__":
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    main()
