"""What is due in the next few weeks, by team and worker: the list people work from.

Each item is one open obligation (a visit, a review, a health assessment, a plan) due within
the window, or already overdue, with the child's allocated worker and team. Allocations come
from the council's own data (SSD ``ssd_involvements`` and ``ssd_professionals``, the care
leavers' workers, or the events format's ``allocations``) or, for an SSDA903 return, from its
social-worker episodes (worker only: the return has no teams).

>>> import datetime as dt
>>> from corparent.synth import generate
>>> caseload = generate(20, seed=2, as_of=dt.date(2024, 3, 31))
>>> items = worklist(caseload, dt.date(2024, 3, 31), weeks=4)
>>> all(i.due <= dt.date(2024, 4, 28) for i in items)
True
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from corparent.io._loaded import Allocation
from corparent.law import RuleSet
from corparent.model import CaseRecord
from corparent.schedule import Status, schedule

__all__ = ["UNALLOCATED", "WORKLIST_COLUMNS", "WorkItem", "Worklist", "worklist"]

UNALLOCATED = "(unallocated)"
"""The worker and team shown when the data names none."""

WORKLIST_COLUMNS = (
    "team",
    "worker",
    "child_id",
    "duty_id",
    "due",
    "status",
    "days_overdue",
    "about",
    "citation",
)
"""The columns of :meth:`Worklist.rows` (and of the CSV, xlsx and pandas exports)."""


@attrs.frozen(kw_only=True)
class WorkItem:
    """One thing to do for one child.

    Attributes:
        child_id: The child's record id.
        duty_id: The duty.
        due: The last day it is done in time.
        status: ``"due"`` or ``"overdue"``.
        days_overdue: Days past due as at the worklist's date (0 when not yet due).
        about: What it is about (e.g. the placement), without personal data.
        citation: The provision behind it.
        team: The allocated team, or :data:`UNALLOCATED`.
        worker: The allocated worker's id, or :data:`UNALLOCATED`.
    """

    child_id: str
    duty_id: str
    due: dt.date
    status: str
    days_overdue: int
    about: str
    citation: str
    team: str = UNALLOCATED
    worker: str = UNALLOCATED

    def row(self) -> dict[str, Any]:
        """The item as a row of :data:`WORKLIST_COLUMNS`."""
        return {c: getattr(self, c) for c in WORKLIST_COLUMNS}


def _items(value: Iterable[WorkItem]) -> tuple[WorkItem, ...]:
    return tuple(sorted(value, key=lambda i: (i.team, i.worker, i.due, i.child_id, i.duty_id)))


@attrs.frozen(kw_only=True)
class Worklist:
    """Open obligations due by ``until``, ordered by team, worker, then due date.

    Attributes:
        as_of: The day the list is drawn up.
        until: The last due date included.
        items: The items.
    """

    as_of: dt.date
    until: dt.date
    items: tuple[WorkItem, ...] = attrs.field(converter=_items)

    def __iter__(self) -> Iterator[WorkItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def by_team(self) -> dict[str, tuple[WorkItem, ...]]:
        """The items grouped by team."""
        out: dict[str, list[WorkItem]] = defaultdict(list)
        for item in self.items:
            out[item.team].append(item)
        return {k: tuple(v) for k, v in out.items()}

    def by_worker(self) -> dict[tuple[str, str], tuple[WorkItem, ...]]:
        """The items grouped by ``(team, worker)``."""
        out: dict[tuple[str, str], list[WorkItem]] = defaultdict(list)
        for item in self.items:
            out[item.team, item.worker].append(item)
        return {k: tuple(v) for k, v in out.items()}

    def rows(self) -> list[dict[str, Any]]:
        """Every item as a row of :data:`WORKLIST_COLUMNS`."""
        return [i.row() for i in self.items]

    def to_pandas(self) -> Any:
        """A pandas ``DataFrame`` of :meth:`rows` (needs the ``pandas`` extra)."""
        from corparent._extras import data_frame

        return data_frame(self.rows(), WORKLIST_COLUMNS)


def _allocated(
    record: CaseRecord, as_of: dt.date, allocations: Iterable[Allocation] | None
) -> tuple[str, str]:
    """``(team, worker)`` on ``as_of``: the involvement covering it that started last, else
    the social-worker episode covering it (903), else unallocated."""
    if allocations:
        current = [a for a in allocations if a.covers(as_of)]
        if current:
            best = max(current, key=lambda a: a.start or dt.date.min)
            return best.team or UNALLOCATED, best.worker
    for episode in reversed(record.social_worker_episodes):
        if episode.covers(as_of):
            return UNALLOCATED, episode.sw_id
    return UNALLOCATED, UNALLOCATED


def worklist(
    caseload: Iterable[CaseRecord],
    as_of: dt.date,
    *,
    weeks: int = 4,
    allocations: Mapping[str, Iterable[Allocation]] | None = None,
    rules: RuleSet | None = None,
    include_overdue: bool = True,
) -> Worklist:
    """What is due from ``as_of`` to ``weeks`` weeks later, by team and worker.

    Args:
        caseload: The records.
        as_of: The day the list is drawn up.
        weeks: How far ahead to look.
        allocations: Each child's workers (``SourceLoadResult.allocations``); without it, a
            903 return's social-worker episodes name the worker.
        rules: The rule set (``corparent.law.ENGLAND`` by default).
        include_overdue: Also list what is already overdue (still to do).

    Obligations the data cannot judge (not assessable) are left out: a worklist shows only
    what the data says is due.
    """
    if weeks < 0:
        raise ValueError("weeks must not be negative")
    until = as_of + dt.timedelta(weeks=weeks)
    wanted = {Status.DUE, Status.OVERDUE} if include_overdue else {Status.DUE}
    items: list[WorkItem] = []
    for record in caseload:
        open_ = [
            ob
            for ob in (schedule(record, as_of, rules=rules) if rules else schedule(record, as_of))
            if ob.status in wanted and ob.due <= until
        ]
        if not open_:
            continue
        team, worker = _allocated(
            record, as_of, allocations.get(record.id) if allocations else None
        )
        for ob in open_:
            items.append(
                WorkItem(
                    child_id=record.id,
                    duty_id=ob.duty.id,
                    due=ob.due,
                    status="overdue" if ob.status is Status.OVERDUE else "due",
                    days_overdue=ob.days_late(as_of) if ob.status is Status.OVERDUE else 0,
                    about=ob.about,
                    citation=ob.version.citation.short,
                    team=team,
                    worker=worker,
                )
            )
    return Worklist(as_of=as_of, until=until, items=items)
