"""What the council-data loaders (SSD, events) give back, beside the caseload.

:class:`SourceLoadResult` is an SSDA903 :class:`~corparent.io.ssda903.LoadResult` (so the
command line and reports treat every source alike) with what only a council's own system holds:
who is allocated to each child (:class:`Allocation`) and the system's own review due dates
(:class:`SystemReviewDue`).
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from corparent._pickling import reduce_by_init
from corparent.io.ssda903 import LoadResult

__all__ = ["Allocation", "SourceLoadResult", "SystemReviewDue"]


@attrs.frozen(kw_only=True)
class Allocation:
    """A worker (and team) involved with a child over a span of days.

    Attributes:
        child_id: The child's record id.
        worker: The worker's staff id (never a name).
        team: The team or department, when recorded.
        role: The worker's role (e.g. allocated social worker, personal adviser), when recorded.
        start: The first day of the involvement.
        end: The last day, or ``None`` while it continues.
    """

    child_id: str
    worker: str
    team: str | None = None
    role: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        """True if the worker is involved on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen(kw_only=True)
class SystemReviewDue:
    """A review due date as the case-management system recorded it (SSD
    ``clar_cla_review_due_date``), to compare with the statutory one.

    Attributes:
        child_id: The child's record id.
        review_id: The system's review id (``clar_cla_review_id``).
        due: The system's due date.
        held_on: The date the review was held, or ``None`` (not yet held, or cancelled).
        cancelled: The system marks the review cancelled.
    """

    child_id: str
    review_id: str
    due: dt.date
    held_on: dt.date | None = None
    cancelled: bool = False


def _allocations(
    value: Mapping[str, Iterable[Allocation]],
) -> Mapping[str, tuple[Allocation, ...]]:
    return types.MappingProxyType({k: tuple(v) for k, v in value.items()})


def _due_dates(
    value: Mapping[str, Iterable[SystemReviewDue]],
) -> Mapping[str, tuple[SystemReviewDue, ...]]:
    return types.MappingProxyType({k: tuple(v) for k, v in value.items()})


@attrs.frozen(kw_only=True)
class SourceLoadResult(LoadResult):
    """A :class:`~corparent.io.ssda903.LoadResult` from a council's own data.

    Attributes:
        source: Where the data came from, in words (a database URL without its password, or a
            folder).
        allocations: Each child's workers and teams, by child id.
        review_due_dates: Each child's system review due dates, by child id.
    """

    source: str = ""
    allocations: Mapping[str, tuple[Allocation, ...]] = attrs.field(
        factory=dict, converter=_allocations, repr=False
    )
    review_due_dates: Mapping[str, tuple[SystemReviewDue, ...]] = attrs.field(
        factory=dict, converter=_due_dates, repr=False
    )

    def __reduce__(self) -> tuple[Any, tuple[type, dict[str, Any]]]:
        # Two read-only mappings, which do not pickle: rebuild from the fields.
        return reduce_by_init(self)
