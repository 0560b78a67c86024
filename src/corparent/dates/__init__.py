"""Working days per UK nation, and the month, week and age arithmetic of the law.

>>> import datetime as dt
>>> from corparent.dates import ENGLAND_AND_WALES, add_months
>>> ENGLAND_AND_WALES.add_working_days(dt.date(2022, 6, 1), 5)  # skips 2 and 3 June 2022
datetime.date(2022, 6, 10)
>>> add_months(dt.date(2024, 8, 31), 6)
datetime.date(2025, 2, 28)
"""

from __future__ import annotations

from corparent.dates._arith import LeapDay, add_months, add_weeks, age_on, birthday, require_date
from corparent.dates._calendar import HolidaySource, WorkingDayCalendar
from corparent.dates._nations import (
    ANY_PART_OF_THE_UK,
    ENGLAND_AND_WALES,
    HOLIDAYS_VERSION,
    NORTHERN_IRELAND,
    SCOTLAND,
)

__all__ = [
    "ANY_PART_OF_THE_UK",
    "ENGLAND_AND_WALES",
    "HOLIDAYS_VERSION",
    "NORTHERN_IRELAND",
    "SCOTLAND",
    "HolidaySource",
    "LeapDay",
    "WorkingDayCalendar",
    "add_months",
    "add_weeks",
    "age_on",
    "birthday",
    "require_date",
]
