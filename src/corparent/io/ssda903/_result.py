"""What a load gives back: the line and row accounting per table, the collection years, the
result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import attrs

from corparent.errors import Problem
from corparent.model import Caseload, Evidence

__all__ = ["UNRECOGNISED", "CollectionYear", "LoadResult", "LoadStats", "TableStats"]

UNRECOGNISED = "unrecognised"
"""The stats entry for files that are not a table of the return (their lines are reported)."""


@attrs.define(kw_only=True)
class TableStats:
    """Where every physical line of one table's files went.

    ``lines == headers + blank + read`` and ``read == mapped + reported + duplicates +
    superseded`` (see :attr:`accounted`).

    Attributes:
        files: Files read for the table.
        lines: Physical lines in those files.
        headers: Header rows (one per file that has one).
        blank: Blank lines (and lines of only commas) skipped.
        read: Rows read.
        mapped: Rows mapped into the model.
        reported: Rows that could not be used, each reported as a problem.
        duplicates: Rows identical to a row of another file of the same return, kept once.
        superseded: Rows replaced by the same row (same key) in a later return.
    """

    files: int = 0
    lines: int = 0
    headers: int = 0
    blank: int = 0
    read: int = 0
    mapped: int = 0
    reported: int = 0
    duplicates: int = 0
    superseded: int = 0

    @property
    def accounted(self) -> bool:
        """True when every line is a header, a blank or a row read, and every row read was
        mapped, reported, a duplicate or superseded."""
        return (
            self.lines == self.headers + self.blank + self.read
            and self.read == self.mapped + self.reported + self.duplicates + self.superseded
        )


@attrs.frozen(kw_only=True)
class LoadStats:
    """Line and row counts per table (see :class:`TableStats`) and children loaded."""

    tables: Mapping[str, TableStats]
    children: int

    @property
    def accounted(self) -> bool:
        """True when nothing was dropped (every line and row accounted for, in every table)."""
        return all(t.accounted for t in self.tables.values())

    def summary(self) -> str:
        """One line per table, e.g. ``episodes: 512 read = 510 mapped + 2 reported``."""
        lines = []
        for name, t in self.tables.items():
            if not t.files:
                continue
            text = f"{name}: {t.read} read = {t.mapped} mapped + {t.reported} reported"
            if t.duplicates:
                text += f" + {t.duplicates} duplicates"
            if t.superseded:
                text += f" + {t.superseded} superseded by a later return"
            if t.blank:
                text += f" ({t.blank} blank rows skipped)"
            lines.append(text)
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class CollectionYear:
    """One return loaded: where it came from and the collection year it covers.

    Attributes:
        source: The folder (or files) of the return.
        year_end: The 31 March the collection year ends on.
        explicit: True when the year was given, False when derived from the return's dates.
        files: How many files were read from it.
    """

    source: str
    year_end: dt.date
    explicit: bool
    files: int

    @property
    def start(self) -> dt.date:
        """1 April, the first day of the collection year."""
        return dt.date(self.year_end.year - 1, 4, 1)

    @property
    def label(self) -> str:
        """``"2023/24"``."""
        return f"{self.year_end.year - 1}/{self.year_end.year % 100:02d}"


@attrs.frozen(kw_only=True, repr=False)
class LoadResult:
    """What :func:`load` gives back.

    Attributes:
        caseload: Every child that could be read (records with integrity problems are kept).
        problems: Every row, value or record that could not be used as it stood.
        notes: Things worth knowing that lose no data (extra columns ignored, encoding, a
            child with no header row, rows superseded by a later return).
        stats: The line and row accounting, per table.
        collection_year_end: The 31 March of the latest return loaded.
        years: Each return loaded, oldest first, with its own collection year.
        evidence: The evidence window every record carries: 1 April of the earliest year
            loaded to 31 March of the latest.
        record_problems: Each record's integrity problems (by child id), computed once when
            the record was built; checks reuse them rather than recompute.
    """

    caseload: Caseload
    problems: tuple[Problem, ...]
    notes: tuple[Problem, ...]
    stats: LoadStats
    collection_year_end: dt.date
    years: tuple[CollectionYear, ...] = ()
    evidence: Evidence = attrs.field(factory=Evidence.complete)
    record_problems: Mapping[str, tuple[Problem, ...]] = attrs.field(factory=dict)

    def __repr__(self) -> str:
        years = ", ".join(y.label for y in self.years)
        return (
            f"LoadResult(children={len(self.caseload)}, problems={len(self.problems)}, "
            f"notes={len(self.notes)}, years=[{years}], accounted={self.stats.accounted})"
        )
