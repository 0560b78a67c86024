"""The state of one load while its files are read: problems, notes, stats, the returns and the rows
kept per child."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corparent.errors import Problem
from corparent.io.ssda903._fields import MIN_YEAR
from corparent.io.ssda903._result import TableStats
from corparent.io.ssda903._tables import TABLES

__all__ = ["LoadState", "ReturnState"]


class ReturnState:
    """One return being read."""

    def __init__(self, source: str, year_end: dt.date | None) -> None:
        self.source = source
        self.year_end = year_end
        self.explicit = year_end is not None
        self.latest = dt.date(MIN_YEAR, 1, 1)  # the latest episode or review date
        # collection year (the year its 31 March falls in) -> episode and review dates in it,
        # leaving out dates after today
        self.date_years: dict[int, int] = {}
        self.files = 0
        # child -> (date of birth, sex, raw DOB, raw SEX) from this return's header, to check
        # the other tables against
        self.header: dict[str, tuple[Any, Any, str, str]] = {}


class LoadState:
    """State of one load: problems, notes, stats and the rows gathered per child."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []
        self.stats: dict[str, TableStats] = {t.name: TableStats() for t in TABLES}
        self.files: list[tuple[str, int]] = []  # (file name, return index)
        self.returns: list[ReturnState] = []
        # child -> table -> rows: each the field values, then the file's index and the line
        self.rows: dict[str, dict[str, list[tuple[Any, ...]]]] = {}
        self.fallback_dob: dict[str, tuple[dt.date, int, int]] = {}
        self.valid_ids: set[str] = set()

    def table_stats(self, name: str) -> TableStats:
        stats = self.stats.get(name)
        if stats is None:
            stats = self.stats[name] = TableStats()
        return stats
