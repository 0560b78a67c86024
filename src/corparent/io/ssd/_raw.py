"""The rows of one SSD table as a reader found them, before any parsing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from corparent.errors import LoadError, Problem

__all__ = ["DatabaseUnavailable", "RawTable"]


@attrs.frozen(kw_only=True)
class RawTable:
    """One SSD table as found in the source.

    Attributes:
        name: The SSD table name.
        where: Where it was read from, for messages (the table name in a database, a file path
            for CSV).
        found: False when the source has no such table.
        columns: The SSD columns the source has (lower case), of those corparent reads.
        batches: ``(lines, rows)`` pairs, a few thousand rows at a time: ``lines`` are the CSV
            line numbers (``None`` for a database); each row's values follow :attr:`columns`.
    """

    name: str
    where: str
    found: bool
    columns: tuple[str, ...] = ()
    batches: Iterable[tuple[Sequence[int | None], Sequence[Sequence[Any]]]] = ()
    counts: dict[str, int] = attrs.field(factory=dict)
    """Filled as the batches are read: ``headers`` and ``blank`` lines of a CSV file."""
    bad_lines: list[int] = attrs.field(factory=list)
    """Filled as the batches are read: CSV lines that are not valid CSV."""


class DatabaseUnavailable(LoadError):
    """The SSD database cannot be read: a bad URL, a missing driver, a server that does not
    answer, a file that does not exist. Its message is one line, without the password."""

    def __init__(self, problem: Problem) -> None:
        super().__init__([problem], headline="could not connect to the SSD database")
        Exception.__init__(self, problem.message)
