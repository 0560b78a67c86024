"""The rows of one SSD table as a reader found them, before any parsing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

__all__ = ["RawTable"]


@attrs.frozen(kw_only=True)
class RawTable:
    """One SSD table as found in the source.

    Attributes:
        name: The SSD table name.
        where: Where it was read from, for messages (the table name in a database, a file path
            for CSV).
        found: False when the source has no such table.
        columns: The SSD columns the source has (lower case), of those corparent reads.
        rows: ``(line, values)`` pairs: ``line`` is the CSV line number (``None`` for a
            database); ``values`` follow :attr:`columns`.
    """

    name: str
    where: str
    found: bool
    columns: tuple[str, ...] = ()
    rows: Iterable[tuple[int | None, tuple[Any, ...]]] = ()
