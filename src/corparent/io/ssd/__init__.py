"""The Standard Safeguarding Dataset (SSD): load a council's ``ssd_*`` tables from a database
(any SQLAlchemy URL: SQLite, PostgreSQL, SQL Server) or from a folder of ``ssd_*.csv`` exports.

The SSD holds what the SSDA903 return lacks (visits, health assessments, care plans, care-leaver
contact, the system's own review due dates), so a check on it can judge many more duties. The
load is read-only, names every column it reads, and accounts for every row:
``read == mapped + reported`` per table.

>>> from corparent.io.ssd import HEALTH_CHECKS, HealthCheck
>>> HEALTH_CHECKS.classify("Review Health Assessment") is HealthCheck.REVIEW
True
"""

from __future__ import annotations

import datetime as dt
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from corparent._gc import collector_paused
from corparent.errors import LoadError, Problem
from corparent.io._loaded import Allocation, SourceLoadResult, SystemReviewDue
from corparent.io.ssd._build import Builder, read_all
from corparent.io.ssd._due import SYSTEM_REVIEW_DUE, compare_review_due_dates, system_review_due
from corparent.io.ssd._health import HEALTH_CHECKS, HealthCheck, HealthCheckTypes
from corparent.io.ssd._raw import DatabaseUnavailable
from corparent.io.ssd._tables import TABLES, SsdColumn, SsdTable
from corparent.io.ssda903 import LoadStats
from corparent.model import Caseload, CaseRecord

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

NOT_APPLICABLE_CHECKS = ("builtin.completeness.upn", "builtin.completeness.oc3")
"""Built-in checks of SSDA903 columns a council's own tables do not carry (corparent never
reads a UPN from ``ssd_person``; OC3 is a return table): leave them out for SSD data."""

SSD_KINDS: tuple[str, ...] = tuple(dict.fromkeys(k for t in TABLES for k in t.evidence))
"""The kinds of evidence (CaseRecord field names) the SSD tables hold, such as visits, health
assessments, care plans, care-leaver contact and pathway plans (their latest only), missing
episodes, episodes and reviews. There is no PEP, placement-plan or needs-assessment table."""

__all__ = [
    "HEALTH_CHECKS",
    "NOT_APPLICABLE_CHECKS",
    "SSD_KINDS",
    "SYSTEM_REVIEW_DUE",
    "TABLES",
    "Allocation",
    "DatabaseUnavailable",
    "HealthCheck",
    "HealthCheckTypes",
    "SourceLoadResult",
    "SsdColumn",
    "SsdTable",
    "SystemReviewDue",
    "compare_review_due_dates",
    "is_csv_folder",
    "load",
    "system_review_due",
]


def is_csv_folder(path: str | PathLike[str]) -> bool:
    """True if ``path`` is a folder holding ``ssd_*.csv`` files."""
    folder = Path(path)
    return folder.is_dir() and any(
        p.suffix.lower() == ".csv" and p.stem.lower().startswith("ssd_") for p in folder.iterdir()
    )


def load(
    source: str | PathLike[str] | Engine,
    *,
    schema: str | None = None,
    health_checks: HealthCheckTypes = HEALTH_CHECKS,
    extracted_on: dt.date | None = None,
    strict: bool = False,
) -> SourceLoadResult:
    """Load SSD tables into a :class:`~corparent.model.Caseload`.

    Args:
        source: A database URL (``sqlite:///ssd.db``, ``postgresql://user@host/db``,
            ``mssql+pyodbc://...``), a SQLAlchemy ``Engine``, or a folder of ``ssd_*.csv``.
        schema: The database schema holding the tables (e.g. ``"dbo"``), if not the default.
        health_checks: How free-text health-check types and statuses are read.
        extracted_on: The day the tables were extracted: evidence after it is unknown. ``None``
            treats the tables as current.
        strict: Raise one :class:`~corparent.errors.LoadError` for any problem instead of
            returning them.

    Each record's :class:`~corparent.model.Evidence` comes from what the tables hold: a kind of
    event is known from the earliest date its table holds (to ``extracted_on``); a table the
    source lacks, or that is empty, is not held (its duties are not assessable, never breached).

    Raises:
        LoadError: the database cannot be reached (one line); a table or column the load needs
            (people, episodes, placements, legal statuses) is missing; or ``strict`` and any
            row could not be used.
    """
    # The load makes millions of small objects and frees none: the cyclic collector would
    # traverse them again and again (half the load's time) to find no garbage.
    with collector_paused():
        return _load(source, schema, Builder(health_checks, extracted_on), strict=strict)


def _load(
    source: str | PathLike[str] | Engine, schema: str | None, builder: Builder, *, strict: bool
) -> SourceLoadResult:
    records, allocations, label = _read(source, builder, schema)
    if strict and builder.problems:
        raise LoadError(builder.problems, headline="the SSD tables have problems")
    return SourceLoadResult(
        caseload=Caseload(records=records),
        problems=tuple(builder.problems),
        notes=tuple(builder.notes),
        stats=LoadStats(tables=builder.stats, children=len(records)),
        collection_year_end=builder.year_end(),
        source=label,
        allocations=allocations,
        review_due_dates=builder.due_dates(),
    )


def _read(
    source: str | PathLike[str] | Engine, builder: Builder, schema: str | None
) -> tuple[list[CaseRecord], dict[str, list[Allocation]], str]:
    """Read every table into ``builder`` and build the records."""
    if isinstance(source, str | PathLike) and Path(source).is_dir():
        from corparent.io.ssd import _csv

        folder = Path(source)
        if not is_csv_folder(folder):
            raise LoadError(
                [
                    Problem(
                        code="no_files",
                        message="the folder holds no ssd_*.csv files",
                        file=str(folder),
                        expected="SSD tables exported as ssd_person.csv, ssd_cla_episodes.csv, ...",
                    )
                ]
            )
        read_all(builder, _csv.read_tables(folder))
        label = str(folder)
    else:
        from corparent.io.ssd import _sql

        target = str(source) if isinstance(source, PathLike) else source
        with _sql.connect(target) as conn:
            read_all(builder, _sql.read_tables(conn, schema=schema))
        label = _sql.describe_url(target if isinstance(target, str) else target.url)
    records, allocations = builder.build(f"SSD {label}")
    return records, allocations, label
