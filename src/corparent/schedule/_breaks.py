"""Which regulations govern a period of care: the full regulations, or reg 48 short breaks."""

from __future__ import annotations

import enum

from corparent.law import SHORT_BREAK_LIMITS
from corparent.leaving_care import ShortBreakSeries, short_breaks
from corparent.model import PeriodOfCare
from corparent.schedule._run import Run

__all__ = ["Regime", "regime"]


class Regime(enum.Enum):
    """How a period of care is scheduled."""

    FULL = "full"
    """The full regulations: an ordinary period of care (or a break failing reg 48(2))."""
    SERIES = "series"
    """The first break of a reg 48 series: the series' duties are planned from it."""
    IN_SERIES = "in_series"
    """A later break of a reg 48 series: planned with the series, nothing of its own."""


def regime(run: Run, period: PeriodOfCare) -> tuple[Regime, ShortBreakSeries | None]:
    """The regime of ``period`` and, for the first break of a series, the series (worked out
    once per run: every planner asks)."""
    key = ("regime", id(period))
    found = run.memo.get(key)
    if found is not None and found[0] is period:
        result: tuple[Regime, ShortBreakSeries | None] = found[1]
        return result
    result = _regime(run, period)
    run.memo[key] = (period, result)
    return result


def _regime(run: Run, period: PeriodOfCare) -> tuple[Regime, ShortBreakSeries | None]:
    record = run.record
    candidate = all(e.legal_status.is_short_break for e in period.episodes) or any(
        f.covers(period.start) for f in record.short_breaks
    )
    if not candidate:
        return Regime.FULL, None
    limits = SHORT_BREAK_LIMITS.get(run.rules.jurisdiction)
    found = short_breaks(record, run.conventions, run.as_of, limits=limits)
    series = found.series_starting(period)
    if series is not None:
        return Regime.SERIES, series
    if found.is_reg48(period):
        return Regime.IN_SERIES, None
    return Regime.FULL, None
