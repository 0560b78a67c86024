"""Working-day calendars compiled to a cumulative index, so every query is O(1).

A :class:`WorkingDayCalendar` knows which weekdays are not working days (bank holidays from the
``holidays`` package, plus any council closure days). On first use it compiles, for a range of
years, two arrays over day ordinals:

* ``rank[i]``: how many working days fall on or before day ``base + i``;
* ``working[k]``: the ordinal of the k-th working day of the range.

``add_working_days`` is then one lookup in each, ``working_days_between`` a subtraction. The
range grows on demand (by whole decades) when a date outside it is asked for.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Callable, Iterable

import attrs

from corparent.dates._arith import require_date
from corparent.errors import DateRangeError

__all__ = ["WorkingDayCalendar"]

HolidaySource = Callable[[range], Iterable[dt.date]]
"""A function from a range of years to the non-working weekdays (bank holidays) in them."""

_DEFAULT_FIRST_YEAR = 1900
_DEFAULT_LAST_YEAR = 2100
_GROW_YEARS = 10

MAX_WORKING_DAYS = 100 * 366
"""The most working days :meth:`WorkingDayCalendar.add_working_days` adds (a century): beyond it
the answer is an input error, refused at once instead of after minutes of calendar building."""


class _Index:
    """The compiled arrays for one calendar over ``[first_year, last_year]``."""

    __slots__ = ("base", "end", "first_year", "last_year", "rank", "working")

    def __init__(self, first_year: int, last_year: int, closed: frozenset[int]) -> None:
        base = dt.date(first_year, 1, 1).toordinal()
        end = dt.date(last_year, 12, 31).toordinal()
        rank = array("l", bytes(8 * (end - base + 1)))
        working = array("l")
        count = 0
        # ordinal 1 (0001-01-01) was a Monday, so (ordinal - 1) % 7 is 0..4 on weekdays.
        for i, ordinal in enumerate(range(base, end + 1)):
            if (ordinal - 1) % 7 < 5 and ordinal not in closed:
                working.append(ordinal)
                count += 1
            rank[i] = count
        self.base = base
        self.end = end
        self.first_year = first_year
        self.last_year = last_year
        self.rank = rank
        self.working = working


def _date_set(days: Iterable[dt.date]) -> frozenset[dt.date]:
    return frozenset(require_date(d, "closure day") for d in days)


def _ordinals(days: Iterable[dt.date]) -> frozenset[int]:
    return frozenset(require_date(d, "closure day").toordinal() for d in days)


@attrs.frozen(kw_only=True)
class WorkingDayCalendar:
    """Which days are working days, and arithmetic over them.

    A working day is a Monday to Friday that is not a bank holiday of the calendar's nation and
    not one of the council's own ``closures``. Instances are immutable, picklable and safe to
    share between threads; the index behind them is compiled lazily on first use.

    Use the ready-made instances :data:`~corparent.dates.ENGLAND_AND_WALES`,
    :data:`~corparent.dates.SCOTLAND`,
    :data:`~corparent.dates.NORTHERN_IRELAND` and :data:`~corparent.dates.ANY_PART_OF_THE_UK`, and
    :meth:`with_closures` to add a
    council's closure days.

    Attributes:
        name: A short human name, e.g. ``"England and Wales"``.
        holiday_source: Gives the bank holidays for a range of years.
        closures: Extra non-working days (a council's closure days).
        source_version: The version of the data behind ``holiday_source`` (for run metadata),
            e.g. ``"holidays 0.109"``.
    """

    name: str
    holiday_source: HolidaySource = attrs.field(repr=False, eq=False)
    closures: frozenset[dt.date] = attrs.field(default=frozenset(), converter=_date_set)
    source_version: str = ""
    _index: list[_Index] = attrs.field(init=False, factory=list, repr=False, eq=False)

    def with_closures(self, days: Iterable[dt.date]) -> WorkingDayCalendar:
        """A new calendar that also treats ``days`` as non-working (e.g. council closure days).

        >>> from corparent.dates import ENGLAND_AND_WALES
        >>> cal = ENGLAND_AND_WALES.with_closures([dt.date(2024, 12, 24)])
        >>> cal.is_working_day(dt.date(2024, 12, 24))
        False
        """
        extra = _date_set(days)
        return WorkingDayCalendar(
            name=f"{self.name} with {len(self.closures | extra)} closure day(s)"
            if extra
            else self.name,
            holiday_source=self.holiday_source,
            closures=self.closures | extra,
            source_version=self.source_version,
        )

    # -- index management -------------------------------------------------------------------

    def _compiled(self, ordinal: int) -> _Index:
        """The index, grown (by whole decades) until it covers ``ordinal``."""
        index = self._index[0] if self._index else None
        if index is not None and index.base <= ordinal <= index.end:
            return index
        # No lock: two threads compiling at once build equal indexes and the last one wins.
        year = dt.date.fromordinal(ordinal).year
        first = _DEFAULT_FIRST_YEAR if index is None else index.first_year
        last = _DEFAULT_LAST_YEAR if index is None else index.last_year
        while year < first:
            first -= _GROW_YEARS
        while year > last:
            last += _GROW_YEARS
        first = max(first, 1)
        last = min(last, 9998)
        closed = _ordinals(self.holiday_source(range(first, last + 1))) | _ordinals(self.closures)
        new = _Index(first, last, closed)
        self._index[:] = [new]
        return new

    def non_working_weekdays(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """Every Monday-to-Friday in ``[start, end]`` that is not a working day, in order."""
        require_date(start, "start")
        require_date(end, "end")
        out: list[dt.date] = []
        d = start
        one = dt.timedelta(days=1)
        while d <= end:
            if d.weekday() < 5 and not self.is_working_day(d):
                out.append(d)
            d += one
        return out

    # -- queries ----------------------------------------------------------------------------

    def is_working_day(self, d: dt.date) -> bool:
        """True if ``d`` is a working day in this calendar.

        >>> from corparent.dates import ENGLAND_AND_WALES
        >>> ENGLAND_AND_WALES.is_working_day(dt.date(2022, 9, 19))  # State Funeral
        False
        """
        if d.__class__ is not dt.date:
            require_date(d)
        o = d.toordinal()
        idx = self._compiled(o)
        i = o - idx.base
        rank = idx.rank
        return rank[i] != (rank[i - 1] if i else 0)

    def add_working_days(self, d: dt.date, n: int, *, count_trigger_day: bool = False) -> dt.date:
        """The ``n``-th working day after ``d``.

        By default the trigger day ``d`` itself is not counted (*Dodds v Walker* reasoning), so
        "within 20 working days of Fri 22 Dec 2023" is Wed 24 Jan 2024. With
        ``count_trigger_day=True`` a trigger day that is itself a working day counts as day 1
        (an option some councils use). ``n == 0`` returns ``d``.

        >>> from corparent.dates import ENGLAND_AND_WALES
        >>> ENGLAND_AND_WALES.add_working_days(dt.date(2023, 12, 22), 20)
        datetime.date(2024, 1, 24)
        >>> ENGLAND_AND_WALES.add_working_days(dt.date(2023, 12, 22), 20, count_trigger_day=True)
        datetime.date(2024, 1, 23)

        Raises:
            ValueError: ``n`` is negative.
            DateRangeError: ``n`` is more than a century of working days.
        """
        if d.__class__ is not dt.date:
            require_date(d)
        if n <= 0:
            if n == 0:
                return d
            raise ValueError(f"n must be >= 0, got {n}")
        if n > MAX_WORKING_DAYS:
            raise DateRangeError(f"{n} working days is more than a century; no duty runs that long")
        o = d.toordinal()
        index = self._index
        idx = index[0] if index else None
        if idx is None or not idx.base <= o <= idx.end:
            idx = self._compiled(o)
        # rank[o] = working days on or before d; the next n-th is working[rank + n - 1].
        k = idx.rank[o - idx.base] + n - 1
        if count_trigger_day and self.is_working_day(d):
            k -= 1
        working = idx.working
        if k >= len(working):
            last_year = idx.last_year
            idx = self._compiled(dt.date(min(last_year + _GROW_YEARS, 9998), 1, 1).toordinal())
            if idx.last_year == last_year:
                raise OverflowError("date out of range for the working-day calendar")
            return self.add_working_days(d, n, count_trigger_day=count_trigger_day)
        return dt.date.fromordinal(working[k])

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """How many working days fall after ``a`` and on or before ``b`` (negative if b < a).

        The inverse of :meth:`add_working_days`:
        ``working_days_between(d, add_working_days(d, n)) == n``.

        >>> from corparent.dates import ENGLAND_AND_WALES
        >>> ENGLAND_AND_WALES.working_days_between(dt.date(2023, 12, 22), dt.date(2024, 1, 24))
        20
        """
        if a.__class__ is not dt.date:
            require_date(a, "a")
        if b.__class__ is not dt.date:
            require_date(b, "b")
        oa, ob = a.toordinal(), b.toordinal()
        idx = self._compiled(min(oa, ob))
        if max(oa, ob) > idx.end:
            idx = self._compiled(max(oa, ob))
        return idx.rank[ob - idx.base] - idx.rank[oa - idx.base]

    def next_working_day(self, d: dt.date) -> dt.date:
        """``d`` if it is a working day, otherwise the first working day after it."""
        if self.is_working_day(d):
            return d
        return self.add_working_days(d, 1)
