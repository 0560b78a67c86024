"""Date arithmetic over numpy arrays of day numbers, equal to :mod:`corparent.dates`.

Dates are ``int64`` days since 1970-01-01 (numpy's ``datetime64[D]`` epoch). Month arithmetic
clamps to the month's last day exactly as ``dateutil.relativedelta`` does (*Dodds v Walker*);
working days use ``numpy.busday_offset`` with the non-working weekdays of the conventions'
calendar (its bank holidays and closure days), so they equal
:meth:`~corparent.dates.WorkingDayCalendar.add_working_days`.
"""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np
import numpy.typing as npt

from corparent.dates import WorkingDayCalendar

__all__ = [
    "EPOCH_ORDINAL",
    "FIRST_YEAR",
    "LAST_YEAR",
    "NEVER",
    "add_months",
    "add_working_days",
    "from_day",
    "is_working_day",
    "to_day",
]

Days = npt.NDArray[np.int64]

EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
"""``date.toordinal()`` of day 0."""

NEVER = np.int64(2**40)
"""The day number standing for "no date" in end columns (later than any real date)."""

FIRST_YEAR = 1900
"""The batch engine handles dates from this year (earlier ones go to the object engine)."""
LAST_YEAR = 2100
"""... up to this year (the range of the compiled working-day calendars)."""

_HOLIDAY_MARGIN_YEARS = 2


def to_day(day: dt.date) -> int:
    """The day number of ``day``."""
    return day.toordinal() - EPOCH_ORDINAL


def from_day(day: int | np.integer) -> dt.date:
    """The date of day number ``day``."""
    return dt.date.fromordinal(int(day) + EPOCH_ORDINAL)


def add_months(days: Days, months: int) -> Days:
    """``days`` plus ``months`` calendar months, clamped to the last day of the target month
    (what ``date + relativedelta(months=months)`` gives)."""
    d64 = days.astype("datetime64[D]")
    month = d64.astype("datetime64[M]")
    day_of_month = (d64 - month.astype("datetime64[D]")).astype(np.int64)  # 0-based
    target = month + np.timedelta64(months, "M")
    first = target.astype("datetime64[D]")
    length = ((target + np.timedelta64(1, "M")).astype("datetime64[D]") - first).astype(np.int64)
    out: Days = first.astype(np.int64) + np.minimum(day_of_month, length - 1)
    return out


@functools.lru_cache(maxsize=16)
def _busdaycalendar(calendar: WorkingDayCalendar, first: int, last: int) -> np.busdaycalendar:
    closed = calendar.non_working_weekdays(dt.date(first, 1, 1), dt.date(last, 12, 31))
    return np.busdaycalendar(
        weekmask="1111100", holidays=np.array([d.isoformat() for d in closed], "datetime64[D]")
    )


def _calendar_for(calendar: WorkingDayCalendar, days: Days) -> np.busdaycalendar:
    # Whole decades around the data, so one compiled calendar serves many runs.
    lo = int(days.min()) if days.size else 0
    hi = int(days.max()) if days.size else 0
    first = max(FIRST_YEAR, (from_day(lo).year - _HOLIDAY_MARGIN_YEARS) // 10 * 10)
    last = min(LAST_YEAR + 10, (from_day(hi).year + _HOLIDAY_MARGIN_YEARS) // 10 * 10 + 9)
    return _busdaycalendar(calendar, first, last)


def is_working_day(days: Days, calendar: WorkingDayCalendar) -> npt.NDArray[np.bool_]:
    """Which of ``days`` are working days in ``calendar``."""
    cal = _calendar_for(calendar, days)
    out: npt.NDArray[np.bool_] = np.is_busday(days.astype("datetime64[D]"), busdaycal=cal)
    return out


def add_working_days(
    days: Days, n: int, calendar: WorkingDayCalendar, *, count_trigger_day: bool = False
) -> Days:
    """The ``n``-th working day after each of ``days`` (the trigger day counts as day 1 when
    ``count_trigger_day`` and it is a working day); ``n == 0`` gives the day itself."""
    if n == 0:
        return days.copy()
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    cal = _calendar_for(calendar, days)
    d64 = days.astype("datetime64[D]")
    offsets: npt.NDArray[np.int64] | int = n
    if count_trigger_day:
        offsets = n - np.is_busday(d64, busdaycal=cal).astype(np.int64)
    out: Days = np.busday_offset(d64, offsets, roll="backward", busdaycal=cal).astype(np.int64)
    return out
