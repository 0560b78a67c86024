"""Which regulations govern a period of care: the full regulations, or reg 48 short breaks."""

from __future__ import annotations

import enum

from corparent.law import SHORT_BREAK_LIMITS
from corparent.leaving_care import ShortBreakSeries, short_breaks
from corparent.model import CaseRecord, PeriodOfCare
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
    once per period: its planners ask one after another)."""
    found = run.regime  # the planners of a period ask one after another
    if found is not None and found[0] is period:
        known: tuple[Regime, ShortBreakSeries | None] = found[1]
        return known
    result = _regime(run, period)
    run.regime = (period, result)
    return result


def _candidate(record: CaseRecord, period: PeriodOfCare) -> bool:
    """Whether reg 48 may apply: every episode of the period is a short break (V3/V4), or an
    arrangement of short breaks covers its first day."""
    for episode in period.episodes:
        if not episode.legal_status.is_short_break:
            break
    else:
        return True
    return any(arrangement.covers(period.start) for arrangement in record.short_breaks)


def _regime(run: Run, period: PeriodOfCare) -> tuple[Regime, ShortBreakSeries | None]:
    record = run.record
    if not _candidate(record, period):
        return Regime.FULL, None
    limits = SHORT_BREAK_LIMITS.get(run.rules.jurisdiction)
    found = short_breaks(record, run.conventions, run.as_of, limits=limits)
    series = found.series_starting(period)
    if series is not None:
        return Regime.SERIES, series
    if found.is_reg48(period):
        return Regime.IN_SERIES, None
    return Regime.FULL, None
