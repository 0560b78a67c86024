"""The safe gate: a load too broken to judge stops the command with exit 2, whatever
``--fail-on`` says, so a scheduled job never passes on a return it could not read.

A load is refused when a required table is missing, when every row of a table is unreadable,
when rows are unaccounted for, or when ``--as-of`` lies outside the data (for an SSDA903 load,
before its first collection year).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Iterable
from typing import TYPE_CHECKING

from corparent.errors import ConfigError, LoadError, Problem

if TYPE_CHECKING:
    from corparent.io.ssda903 import LoadResult, ReturnLoad

__all__ = ["REQUIRED_TABLES", "check_load", "check_patterns"]

REQUIRED_TABLES = ("header", "episodes")
"""SSDA903 tables without which no child's duties can be judged."""


def check_load(loaded: LoadResult | ReturnLoad, as_of: dt.date, source: str) -> None:
    """Raise :class:`~corparent.errors.LoadError` (exit 2) if ``loaded`` cannot be judged.

    Args:
        loaded: The load result.
        as_of: The date the command judges as at.
        source: The folder or file named in messages.
    """
    from corparent.io._loaded import SourceLoadResult

    problems: list[Problem] = []
    tables = loaded.stats.tables
    # A council's own data: its loader refuses a source without people and episodes itself.
    for name in () if isinstance(loaded, SourceLoadResult) else REQUIRED_TABLES:
        stats = tables.get(name)
        if stats is None or stats.files == 0:
            problems.append(
                Problem(
                    code="missing_table",
                    message=f"the {name} table is missing",
                    file=source,
                    expected=f"a {name}.csv file (the return needs {', '.join(REQUIRED_TABLES)})",
                )
            )
    for name, stats in tables.items():
        if stats.files and stats.read and stats.mapped == 0:
            problems.append(
                Problem(
                    code="table_unreadable",
                    message=f"none of the {stats.read:,} rows of the {name} table could be read",
                    file=source,
                    expected="at least one readable row (see the problems listed above)",
                )
            )
    if not loaded.stats.accounted:
        problems.append(
            Problem(
                code="rows_unaccounted",
                message="some rows were neither mapped nor reported",
                file=source,
            )
        )
    if not problems:
        first = _first_day(loaded)
        last = loaded.collection_year_end
        if first is not None and not first <= as_of <= last:
            problems.append(
                Problem(
                    code="as_of_outside_data",
                    message=(
                        f"--as-of {as_of.isoformat()} lies outside the data, which runs from "
                        f"{first.isoformat()} to {last.isoformat()}"
                    ),
                    file=source,
                    expected=f"a date from {first.isoformat()} to {last.isoformat()}",
                )
            )
    if not problems and loaded.years and as_of < loaded.years[0].start:
        # An SSDA903 load holds reviews from 1 April of its first year only: as at an earlier
        # date every review duty would be not assessable, and the completeness checks would
        # ask about a year the data does not hold.
        year = loaded.years[0]
        problems.append(
            Problem(
                code="as_of_before_data",
                message=(
                    f"--as-of {as_of.isoformat()} lies before the data's first collection year, "
                    f"{year.label}: its reviews are known from {year.start.isoformat()} only, so "
                    "no review duty could be judged as at that date"
                ),
                file=source,
                expected=(
                    f"a date from {year.start.isoformat()}, or the returns of earlier years "
                    "(--previous) or --year if the year was taken wrongly from the dates"
                ),
            )
        )
    if problems:
        raise LoadError(problems, headline=f"cannot judge {source}")


def _first_day(loaded: LoadResult | ReturnLoad) -> dt.date | None:
    from corparent.io.ssda903 import ReturnLoad

    if isinstance(loaded, ReturnLoad):
        return loaded.first_episode_start
    starts = [e.start for record in loaded.caseload for e in record.episodes]
    return min(starts) if starts else None


def check_patterns(option: str, patterns: Iterable[str], ids: Iterable[str]) -> None:
    """Raise :class:`~corparent.errors.ConfigError` (exit 2) naming each pattern of ``option``
    that matches none of ``ids`` (so a typo cannot silently select nothing)."""
    known = tuple(ids)
    unmatched = [p for p in patterns if not any(fnmatch.fnmatchcase(i, p) for i in known)]
    if unmatched:
        raise ConfigError(
            [
                Problem(
                    code="pattern_matches_nothing",
                    message=f"{option} {p!r} matches no id",
                    expected="an id or glob; `corparent duties` lists the duty ids",
                )
                for p in unmatched
            ],
            headline=f"{option} selects nothing",
        )
