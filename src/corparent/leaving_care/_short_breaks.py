"""Agreed series of short breaks: whether CPPCR 2010 reg 48 applies, and the series it forms.

Reg 48 applies to a child not in care who has a series of short placements with the same carer
or accommodation where (reg 48(2)) no single placement lasts more than 17 days, the child
returns to a parent or a person with parental responsibility at the end of each, and the
placements total no more than 75 days in any 12 months. The breaks of such a series count as
one placement: the first break starts the series and its review and visit clocks, which run on
between breaks. A break that fails a condition is an ordinary period of care under the full
regulations, and ends the series.

Breaks recorded one by one (903 legal status V3) are tested here, whether or not a
:class:`~corparent.model.ShortBreakArrangement` covers them; an agreement recorded as one
episode (V4), or another period such an arrangement covers, is taken as reg 48 as recorded:
its breaks are not in the data to test.

Being a reg 48 child matters to leaving care too: such a child is not an eligible child
(CPPCR 2010 reg 40(2)), which is why this lives beside the care-leaver status.
"""

from __future__ import annotations

import datetime as dt
import threading

import attrs

from corparent.codes import LegalStatus
from corparent.dates import add_months
from corparent.law import Conventions, ShortBreakLimits
from corparent.model import CaseRecord, PeriodOfCare

__all__ = [
    "MAX_BREAK_DAYS",
    "MAX_DAYS_IN_12_MONTHS",
    "ShortBreak",
    "ShortBreakSeries",
    "ShortBreaks",
    "short_breaks",
]

MAX_BREAK_DAYS = 17
"""CPPCR 2010 reg 48(2): no single short break lasts more than 17 days."""
MAX_DAYS_IN_12_MONTHS = 75
"""CPPCR 2010 reg 48(2): the breaks total no more than 75 days in any period of 12 months."""

_HOME = frozenset({"E4A", "E4B"})
_ONE = dt.timedelta(days=1)


@attrs.frozen(kw_only=True)
class ShortBreak:
    """One short break (a period of care under legal status V3) and its reg 48(2) test.

    Attributes:
        start: The first day of the break.
        end: The day it ended (903 DEC), or ``None`` while it continues.
        days: Its length, counted as ``Conventions.short_break_days_inclusive`` says.
        days_in_12_months: The days of breaks in the 12 months ending with this break.
        reason: Why reg 48 does not apply to it, or ``""`` when it does.
    """

    start: dt.date
    end: dt.date | None
    days: int
    days_in_12_months: int
    reason: str = ""

    @property
    def reg48(self) -> bool:
        """True if the reg 48(2) conditions hold for this break."""
        return not self.reason


@attrs.frozen(kw_only=True)
class ShortBreakSeries:
    """Short breaks that count as one placement under reg 48.

    Attributes:
        start: The first day of the first break: the series' reviews and visits run from it.
        end: The day the series ended (exclusive), or ``None`` while it continues: the day a
            break failed the conditions or care began on other terms, or
            ``Conventions.short_break_series_lapse_months`` after the last break.
        periods: The periods of care (breaks) in the series.
        recorded_as_agreement: True when the series is one recorded agreement (V4 or a
            :class:`~corparent.model.ShortBreakArrangement`) whose breaks cannot be tested.
    """

    start: dt.date
    end: dt.date | None
    periods: tuple[PeriodOfCare, ...] = attrs.field(repr=False)
    recorded_as_agreement: bool = False

    def covers(self, day: dt.date) -> bool:
        """True if ``day`` falls inside the series."""
        return self.start <= day and (self.end is None or day < self.end)


@attrs.frozen(kw_only=True)
class ShortBreaks:
    """A record's short breaks: the reg 48 series and the breaks the full regulations govern.

    Attributes:
        series: The reg 48 series, in order.
        breaks: Every break recorded one by one (V3), with its test.
    """

    series: tuple[ShortBreakSeries, ...] = ()
    breaks: tuple[ShortBreak, ...] = ()

    def series_starting(self, period: PeriodOfCare) -> ShortBreakSeries | None:
        """The series whose first break is ``period``, if any."""
        return next((s for s in self.series if s.periods[0].start == period.start), None)

    def is_reg48(self, period: PeriodOfCare) -> bool:
        """True if ``period`` is a break of a reg 48 series (whether or not the first)."""
        return any(p.start == period.start for s in self.series for p in s.periods)

    def failed(self, period: PeriodOfCare) -> ShortBreak | None:
        """The break test of ``period`` when it is a short break reg 48 does not cover."""
        return next((b for b in self.breaks if b.start == period.start and not b.reg48), None)


def _overlap(first: dt.date, last: dt.date, lo: dt.date, hi: dt.date) -> int:
    """Days of [first, last] inside [lo, hi] (both inclusive)."""
    return max(0, (min(last, hi) - max(first, lo)).days + 1)


def _candidate(record: CaseRecord, period: PeriodOfCare) -> bool:
    """A break recorded on its own (V3): its dates can be tested against reg 48(2)."""
    return all(e.legal_status is LegalStatus.V3 for e in period.episodes)


def _agreement(record: CaseRecord, period: PeriodOfCare) -> bool:
    """An agreement recorded as one episode (V4), or a period the council records as reg 48
    short breaks, whose breaks are not in the data one by one."""
    if _candidate(record, period):
        return False
    if all(e.legal_status.is_short_break for e in period.episodes):
        return True
    return any(f.covers(period.start) for f in record.short_breaks)


_memo = threading.local()


def short_breaks(
    record: CaseRecord,
    conventions: Conventions | None = None,
    as_of: dt.date | None = None,
    *,
    limits: ShortBreakLimits | None = None,
) -> ShortBreaks:
    """Test every short break of ``record`` against CPPCR 2010 reg 48(2) and group the breaks
    to which reg 48 applies into series.

    Args:
        record: The case record.
        conventions: How to count a break's days and when a series lapses.
        as_of: The day an unfinished break is measured to (default: its start).
        limits: Another nation's limits on one break and on the days in 12 months (default
            England's 17 and 75 days; ``corparent.law.SHORT_BREAK_LIMITS`` has each
            nation's).
    """
    conventions = conventions or Conventions()
    single = limits.max_single_days if limits is not None else MAX_BREAK_DAYS
    total = limits.max_total_days if limits is not None else MAX_DAYS_IN_12_MONTHS
    key = (id(record), conventions, as_of, single, total)
    cached = getattr(_memo, "value", None)
    if cached is not None and cached[0] == key and cached[1] is record:
        result: ShortBreaks = cached[2]
        return result
    result = _compute(record, conventions, as_of, single, total)
    _memo.value = (key, record, result)
    return result


def _compute(
    record: CaseRecord,
    conventions: Conventions,
    as_of: dt.date | None,
    max_single: int,
    max_total: int,
) -> ShortBreaks:
    periods = record.periods_of_care()
    if not any(_candidate(record, p) or _agreement(record, p) for p in periods):
        return ShortBreaks()
    extra = 1 if conventions.short_break_days_inclusive else 0
    lapse = conventions.short_break_series_lapse_months
    series: list[ShortBreakSeries] = []
    tests: list[ShortBreak] = []
    spans: list[tuple[dt.date, dt.date]] = []  # (first day, last day) of each V3 break
    current: list[PeriodOfCare] = []

    def close(at: dt.date | None) -> None:
        if not current:
            return
        last = current[-1].end
        end = None if last is None else add_months(last, lapse)
        if at is not None and (end is None or at < end):
            end = at
        series.append(ShortBreakSeries(start=current[0].start, end=end, periods=tuple(current)))
        current.clear()

    for period in periods:
        agreement = _agreement(record, period)
        if not agreement and not _candidate(record, period):
            close(period.start)  # looked after on other terms: the series ends
            continue
        if agreement:
            close(period.start)
            series.append(
                ShortBreakSeries(
                    start=period.start,
                    end=period.end,
                    periods=(period,),
                    recorded_as_agreement=True,
                )
            )
            continue
        if period.end is None:
            last_day = max(as_of or period.start, period.start)
        else:
            last_day = period.end if extra else period.end - _ONE
        spans.append((period.start, last_day))
        days = _overlap(period.start, last_day, period.start, last_day)
        window_start = add_months(last_day, -12) + _ONE
        in_window = sum(
            _overlap(first, last, window_start, last_day)
            for first, last in spans
            if last >= window_start
        )
        reasons = []
        if days > max_single:
            reasons.append(f"a break of {days} days (more than {max_single})")
        reason_ceased = period.reason_ceased
        if period.end is not None and (reason_ceased is None or reason_ceased.code not in _HOME):
            code = reason_ceased.code if reason_ceased is not None else "none"
            reasons.append(
                "did not return to a parent or person with parental responsibility "
                f"(reason care ended: {code})"
            )
        if in_window > max_total:
            reasons.append(f"{in_window} days of breaks in 12 months (more than {max_total})")
        test = ShortBreak(
            start=period.start,
            end=period.end,
            days=days,
            days_in_12_months=in_window,
            reason="; ".join(reasons),
        )
        tests.append(test)
        if not test.reg48:
            close(period.start)
            continue
        if current:
            previous_end = current[-1].end
            if previous_end is None or period.start >= add_months(previous_end, lapse):
                close(None)
        current.append(period)
    close(None)
    return ShortBreaks(series=tuple(series), breaks=tuple(tests))
