"""Calendar arithmetic the law uses: months, weeks, birthdays and ages.

* Months follow *Dodds v Walker* [1981] 1 WLR 1027 (HL): the corresponding date in the n-th
  following month, or that month's last day when there is no corresponding date. This is exactly
  ``dateutil.relativedelta(months=n)``.
* Ages follow the Family Law Reform Act 1969 s.9 (England and Wales; Age of Majority Act (NI) 1969
  s.5): a person attains an age at the start of the anniversary of their birth.
* 29 February birthdays: Scotland fixes 1 March (Age of Legal Capacity (Scotland) Act 1991 s.6);
  England and Wales have no statutory rule, so the choice is a :class:`LeapDay` argument with the
  default ``MARCH_1``.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools

from dateutil.relativedelta import relativedelta

__all__ = ["LeapDay", "add_months", "add_weeks", "age_on", "birthday", "require_date"]


class LeapDay(enum.Enum):
    """Which day a 29 February birthday falls on in a year that has no 29 February."""

    MARCH_1 = "MARCH_1"
    """Use 1 March, the Scottish statutory rule and corparent's default for England and Wales."""

    FEB_28 = "FEB_28"
    """Use 28 February, the other reading some commentators give for England and Wales."""


def require_date(value: object, name: str = "date") -> dt.date:
    """Return ``value`` if it is a :class:`datetime.date` (and not a ``datetime``), else raise.

    A ``datetime`` is refused because its time part silently changes day-based comparisons.

    Raises:
        TypeError: ``value`` is not a plain ``date``.
    """
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise TypeError(f"{name} must be a datetime.date (not {type(value).__name__})")
    return value


@functools.lru_cache(maxsize=1_024)
def _months(months: int) -> relativedelta:
    """``relativedelta(months=months)``, built once (relativedelta is immutable in use)."""
    return relativedelta(months=months)


@functools.lru_cache(maxsize=262_144)
def _add_months(d: dt.date, months: int) -> dt.date:
    result: dt.date = d + _months(months)
    return result


add_months_unchecked = _add_months
""":func:`add_months` without checking ``d``, for the engine's own dates (checked when the
record was built): the same cached arithmetic, one call fewer. Not part of the public API."""


def add_months(d: dt.date, months: int) -> dt.date:
    """The corresponding date ``months`` calendar months after ``d`` (negative: before).

    Clamped to the last day of the target month when it has no corresponding date
    (*Dodds v Walker*): 30 Nov 2023 + 3 months = 29 Feb 2024; 31 Aug 2024 + 6 months = 28 Feb 2025.

    >>> add_months(dt.date(2023, 11, 30), 3)
    datetime.date(2024, 2, 29)
    """
    if d.__class__ is not dt.date:  # the common case skips the call
        require_date(d)
    return _add_months(d, months)


def add_weeks(d: dt.date, weeks: int) -> dt.date:
    """``d`` plus ``weeks`` × 7 days ("within one week of D" is D + 7 days).

    >>> add_weeks(dt.date(2024, 1, 8), 1)
    datetime.date(2024, 1, 15)
    """
    if d.__class__ is not dt.date:
        require_date(d)
    return d + dt.timedelta(weeks=weeks)


def birthday(date_of_birth: dt.date, age: int, leap_day: LeapDay = LeapDay.MARCH_1) -> dt.date:
    """The date on which a person born on ``date_of_birth`` attains ``age``.

    >>> birthday(dt.date(2008, 2, 29), 18)
    datetime.date(2026, 3, 1)
    >>> birthday(dt.date(2008, 2, 29), 18, leap_day=LeapDay.FEB_28)
    datetime.date(2026, 2, 28)

    Raises:
        ValueError: ``age`` is negative.
    """
    if date_of_birth.__class__ is not dt.date:
        require_date(date_of_birth, "date_of_birth")
    if age < 0:
        raise ValueError(f"age must be >= 0, got {age}")
    year = date_of_birth.year + age
    if date_of_birth.month == 2 and date_of_birth.day == 29:
        try:
            return dt.date(year, 2, 29)
        except ValueError:
            if leap_day is LeapDay.MARCH_1:
                return dt.date(year, 3, 1)
            return dt.date(year, 2, 28)
    return dt.date(year, date_of_birth.month, date_of_birth.day)  # replace(year=), faster


def age_on(date_of_birth: dt.date, on: dt.date, leap_day: LeapDay = LeapDay.MARCH_1) -> int:
    """Age in whole years on ``on``: the person attains each age at the start of its birthday.

    Consistent with :func:`birthday`: ``age_on(dob, birthday(dob, k)) == k`` and the day before
    gives ``k - 1``.

    >>> age_on(dt.date(2008, 3, 15), dt.date(2024, 3, 14))
    15
    >>> age_on(dt.date(2008, 3, 15), dt.date(2024, 3, 15))
    16

    Raises:
        ValueError: ``on`` is before ``date_of_birth``.
    """
    if date_of_birth.__class__ is not dt.date:
        require_date(date_of_birth, "date_of_birth")
    if on.__class__ is not dt.date:
        require_date(on, "on")
    if on < date_of_birth:
        raise ValueError("cannot compute an age before the date of birth")
    years = on.year - date_of_birth.year
    if birthday(date_of_birth, years, leap_day) > on:
        years -= 1
    return years
