"""The UK nations' calendars, built from the ``holidays`` package (never hand-written).

Bank holidays are those of the Banking and Financial Dealings Act 1971 (Schedule 1 days, plus
days appointed by royal proclamation such as 2022-06-03, 2022-09-19 and 2023-05-08, and moved
days such as 2020-05-08), plus Christmas Day and Good Friday (common-law holidays), including
substitute days. ``holidays`` publishes them per GB subdivision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import partial
from importlib.metadata import version

import holidays

from corparent.dates._calendar import WorkingDayCalendar

__all__ = [
    "ANY_PART_OF_THE_UK",
    "ENGLAND_AND_WALES",
    "HOLIDAYS_VERSION",
    "NORTHERN_IRELAND",
    "SCOTLAND",
]

HOLIDAYS_VERSION: str = f"holidays {version('holidays')}"
"""The ``holidays`` package version the calendars were built from (record it in run metadata)."""


def _gb_bank_holidays(subdivisions: tuple[str, ...], years: range) -> Iterable[dt.date]:
    days: set[dt.date] = set()
    for subdivision in subdivisions:
        days.update(holidays.country_holidays("GB", subdiv=subdivision, years=years))
    return days


def _calendar(name: str, *subdivisions: str) -> WorkingDayCalendar:
    return WorkingDayCalendar(
        name=name,
        holiday_source=partial(_gb_bank_holidays, subdivisions),
        source_version=HOLIDAYS_VERSION,
    )


ENGLAND_AND_WALES: WorkingDayCalendar = _calendar("England and Wales", "ENG")
"""Bank holidays in England and Wales (the two share one list); the default for English duties."""

SCOTLAND: WorkingDayCalendar = _calendar("Scotland", "SCT")
"""Bank holidays in Scotland (2 January, first Monday in August, St Andrew's Day; no Easter
Monday)."""

NORTHERN_IRELAND: WorkingDayCalendar = _calendar("Northern Ireland", "NIR")
"""Bank holidays in Northern Ireland (adds St Patrick's Day and 12 July)."""

ANY_PART_OF_THE_UK: WorkingDayCalendar = _calendar(
    "Any part of the United Kingdom", "ENG", "SCT", "NIR"
)
"""A day is non-working if it is a bank holiday in any part of the UK (the FOIA s.10(6)
drafting)."""
