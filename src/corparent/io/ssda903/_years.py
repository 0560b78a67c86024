"""Each return's collection year: given, or derived from its dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corparent.errors import LoadError, Problem
from corparent.io.ssda903._fields import MIN_YEAR
from corparent.io.ssda903._result import CollectionYear
from corparent.io.ssda903._state import LoadState, ReturnState

__all__ = ["as_year_end", "previous_source", "settle_years"]


def _year_end_of(day: dt.date) -> dt.date:
    """The 31 March on or after ``day``."""
    year = day.year if day <= dt.date(day.year, 3, 31) else day.year + 1
    return dt.date(year, 3, 31)


def as_year_end(year: int | dt.date | None, what: str) -> dt.date | None:
    """``year`` (a year or a 31 March) as the 31 March it names; ``what`` names it in errors."""
    if year is None:
        return None
    if isinstance(year, dt.date):
        if (year.month, year.day) != (3, 31):
            raise LoadError(
                [
                    Problem(
                        code="bad_year",
                        message=f"{what} must end on 31 March",
                        expected="a 31 March date, or the year it falls in",
                    )
                ]
            )
        return year
    if isinstance(year, bool) or not isinstance(year, int) or not 1901 <= year <= 2100:
        raise LoadError(
            [
                Problem(
                    code="bad_year",
                    message=f"{what} is not a year from 1901 to 2100",
                    expected="the year the collection year ends in, e.g. 2024 for 2023/24",
                )
            ]
        )
    return dt.date(year, 3, 31)


def previous_source(item: Any) -> tuple[Any, dt.date | None]:
    """A previous return as ``(source, year end or None)``: a folder, or a ``(folder, year)``."""
    if isinstance(item, tuple) and len(item) == 2:
        return item[0], as_year_end(item[1], "a previous return's year")
    return item, None


def _derived_year(ret: ReturnState) -> dt.date:
    """The collection year the return's dates say it is for, leaving out dates after today (a
    mistyped year cannot have happened yet).

    The latest collection year holding at least a tenth as many episode and review dates as
    the busiest year: a few mistyped dates in a later year, already past when an old return
    is read again, do not move the return (they are noted as dates after its year).
    """
    years = ret.date_years
    if years:
        busiest = max(years.values())
        return dt.date(max(y for y, n in years.items() if n * 10 >= busiest), 3, 31)
    if ret.latest.year > MIN_YEAR:
        return _year_end_of(ret.latest)
    return _year_end_of(dt.date.today())


def settle_years(state: LoadState, latest: int) -> tuple[CollectionYear, ...]:
    """Each return's collection year: given, or derived from its dates (see _derived_year)."""
    out: list[CollectionYear] = []
    for ret in state.returns:
        if ret.year_end is None:
            ret.year_end = _derived_year(ret)
        if ret.latest > ret.year_end:
            state.notes.append(
                Problem(
                    code="dates_after_year",
                    message=f"some dates lie after {ret.year_end.isoformat()}, the end of the "
                    "collection year the return was taken to be (give the year if that is "
                    "wrong)",
                    file=ret.source,
                )
            )
        out.append(
            CollectionYear(
                source=ret.source, year_end=ret.year_end, explicit=ret.explicit, files=ret.files
            )
        )
    seen: dict[dt.date, str] = {}
    for index, y in enumerate(out):
        if y.year_end in seen:
            raise LoadError(
                [
                    Problem(
                        code="same_year",
                        message=f"two returns are for the {y.label} collection year: "
                        f"{seen[y.year_end]} and {y.source}",
                        expected="one return per collection year (give each previous "
                        "return's year explicitly if its dates mislead)",
                    )
                ]
            )
        seen[y.year_end] = y.source
        if index < latest and y.year_end > out[latest].year_end:
            raise LoadError(
                [
                    Problem(
                        code="previous_is_later",
                        message=f"the previous return {y.source} ({y.label}) is later than "
                        f"this year's ({out[latest].label})",
                        expected="previous returns for earlier collection years",
                    )
                ]
            )
    return tuple(sorted(out, key=lambda y: y.year_end))
