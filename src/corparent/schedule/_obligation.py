"""What the engine produces: :class:`Obligation` (one due date) and :class:`Schedule`."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Iterator
from operator import attrgetter
from typing import Any

import attrs

from corparent.law import Duty, DutyVersion, Force

__all__ = ["Obligation", "Schedule", "Status", "new_obligation", "new_schedule"]


class Status(enum.Enum):
    """Where an obligation stands on the schedule's ``as_of`` date.

    Each value is the member's name in lower case (``Status.MET_LATE.value == "met_late"``),
    safe as an identifier, a CSV cell or a JSON key; :attr:`label` is the words for people.
    """

    MET = "met"
    """Done on or before the due date."""
    MET_LATE = "met_late"
    """Done, but after the due date."""
    OVERDUE = "overdue"
    """Not done, and the due date has passed."""
    DUE = "due"
    """Not done yet, and not yet late (due today or later)."""
    MISSED = "missed"
    """Not done before the clock stopped (the child left care, or the duty's window closed)
    although it had fallen due. A breach, counted in days from the due date to that day."""
    NOT_ASSESSABLE = "not_assessable"
    """The data cannot show whether it was met, because its trigger or the event that would
    discharge it may lie outside the evidence the record holds. Never a breach; counted and
    explained in the obligation's ``reason``."""

    @property
    def label(self) -> str:
        """The status in words, e.g. ``"met late"``."""
        return self.value.replace("_", " ")

    @property
    def is_breach(self) -> bool:
        """True for met late, overdue and missed."""
        return self in _BREACHES


_BREACHES = frozenset({Status.MET_LATE, Status.OVERDUE, Status.MISSED})


OBLIGATION_COLUMNS = (
    "child_id",
    "duty_id",
    "trigger",
    "due",
    "met_on",
    "status",
    "days_late",
    "force",
    "citation",
    "about",
    "reason",
)
"""The columns of :meth:`Schedule.to_pandas`."""


def _duty_id(duty: Duty) -> str:
    return duty.id


@attrs.frozen(kw_only=True, weakref_slot=False)
class Obligation:
    """One occurrence of a duty for one child: triggered on a day, due by a day.

    Attributes:
        duty: The duty.
        version: The version of the duty in force on the trigger date (the law applied).
        child_id: The child's record id.
        trigger: The day the clock started.
        due: The last day on which it is done in time.
        met_on: The day it was done, or ``None``.
        status: Met, met late, overdue, missed, due or not assessable, as at ``as_of``.
        about: What it is about, e.g. ``"placement from 2024-03-20"`` (no personal data).
        reason: Why it is not assessable, or the bound it was judged against when the data
            holds only part of the history (empty when the data settles it exactly).
        closed_on: For a missed obligation, the day the clock stopped (care ended).
    """

    duty: Duty = attrs.field(repr=_duty_id)
    version: DutyVersion = attrs.field(repr=False)
    child_id: str
    trigger: dt.date
    due: dt.date
    met_on: dt.date | None
    status: Status
    about: str = ""
    reason: str = ""
    closed_on: dt.date | None = None

    @property
    def force(self) -> Force:
        """The legal force of the duty (local standards are ``Force.LOCAL``)."""
        return self.duty.force

    @property
    def citation(self) -> str:
        """The provision applied, as :attr:`Finding.citation <corparent.checks.Finding>` gives
        it, e.g. ``"CPPCR 2010 reg 33(1)"``; the full :class:`~corparent.law.Citation` is
        ``version.citation``.

        .. versionadded:: 0.1
        """
        return str(self.version.citation)

    def days_late(self, as_of: dt.date) -> int:
        """Days past due: to ``met_on`` if met late, to ``as_of`` if overdue, to the day the
        clock stopped if missed, else 0."""
        if self.status is Status.MET_LATE and self.met_on is not None:
            return (self.met_on - self.due).days
        if self.status is Status.OVERDUE:
            return (as_of - self.due).days
        if self.status is Status.MISSED and self.closed_on is not None:
            return (self.closed_on - self.due).days
        return 0

    def explain(self) -> str:
        """One sentence: the trigger, the rule, the due date, what happened, the citation.

        For example: "review_first for child C0042 (period of care from 2023-12-22): within 20
        working days, counted from 2023-12-22 (the child became looked after), so due by
        2024-01-24; met on 2024-01-18 (CPPCR 2010 reg 33(1), regulation)."
        """
        rule = self.version.rule.describe()
        what = f" ({self.about})" if self.about else ""
        if self.status is Status.MET:
            outcome = f"met on {self.met_on}"
        elif self.status is Status.MET_LATE:
            outcome = f"met late on {self.met_on}"
        elif self.status is Status.OVERDUE:
            outcome = "not met: overdue"
        elif self.status is Status.MISSED:
            outcome = f"not met before the clock stopped on {self.closed_on}: missed"
        elif self.status is Status.NOT_ASSESSABLE:
            outcome = "not assessable from the data"
        else:
            outcome = "not yet met"
        why = f" {self.reason}" if self.reason else ""
        return (
            f"{self.duty.id} for child {self.child_id}{what}: {rule}, counted from "
            f"{self.trigger.isoformat()} ({self.duty.trigger.value}), so due by "
            f"{self.due.isoformat()}; {outcome} ({self.version.citation.short}, "
            f"{self.duty.force.value}).{why}"
        )


def _setter(name: str, cls: type) -> Any:
    """The slot descriptor's ``__set__`` of field ``name`` (bypasses the frozen guard)."""
    return getattr(cls, name).__set__


class _Blank:
    """An :class:`Obligation`'s slots, in the same layout, without the frozen guard: the
    engine fills one with plain attribute stores and then makes it an ``Obligation`` (a
    ``__class__`` assignment between classes of the same slots), several times cheaper than
    ten calls of the slots' ``__set__``."""

    __slots__ = tuple(field.name for field in attrs.fields(Obligation))

    duty: Duty
    version: DutyVersion
    child_id: str
    trigger: dt.date
    due: dt.date
    met_on: dt.date | None
    status: Status
    about: str
    reason: str
    closed_on: dt.date | None


_new = object.__new__


def new_obligation(
    duty: Duty,
    version: DutyVersion,
    child_id: str,
    trigger: dt.date,
    due: dt.date,
    met_on: dt.date | None,
    status: Status,
    about: str,
    reason: str,
    closed_on: dt.date | None,
) -> Obligation:
    """``Obligation(duty=duty, ...)`` by position, for the engine's own values (types known):
    the fields are stored in a :class:`_Blank`, which then becomes the ``Obligation``,
    skipping the keyword machinery of ``__init__`` (Obligation has no converters or
    validators to skip)."""
    o = _Blank()
    o.duty = duty
    o.version = version
    o.child_id = child_id
    o.trigger = trigger
    o.due = due
    o.met_on = met_on
    o.status = status
    o.about = about
    o.reason = reason
    o.closed_on = closed_on
    o.__class__ = Obligation  # type: ignore[assignment]
    return o  # type: ignore[return-value]


_order: Callable[[Obligation], tuple[dt.date, str, dt.date]] = attrgetter(
    "due", "duty.id", "trigger"
)
"""An obligation's place in a schedule: by due date, then duty id, then trigger (read in C)."""


def _in_due_order(obligations: Iterable[Obligation]) -> tuple[Obligation, ...]:
    return tuple(sorted(obligations, key=_order))


@attrs.frozen(kw_only=True)
class Schedule:
    """Every obligation of one child's record, as at ``as_of``, ordered by due date.

    Iterate it, or use the helpers.

    Attributes:
        child_id: The record id.
        as_of: The day the statuses are judged on.
        obligations: The obligations, by due date then duty id.
    """

    child_id: str
    as_of: dt.date
    obligations: tuple[Obligation, ...] = attrs.field(converter=_in_due_order)

    def __iter__(self) -> Iterator[Obligation]:
        return iter(self.obligations)

    def __len__(self) -> int:
        return len(self.obligations)

    def with_status(self, *statuses: Status) -> tuple[Obligation, ...]:
        """The obligations with any of ``statuses``."""
        return tuple(o for o in self.obligations if o.status in statuses)

    def overdue(self) -> tuple[Obligation, ...]:
        """Not done and past due."""
        return self.with_status(Status.OVERDUE)

    def met_late(self) -> tuple[Obligation, ...]:
        """Done after the due date."""
        return self.with_status(Status.MET_LATE)

    def missed(self) -> tuple[Obligation, ...]:
        """Fell due but not done before care ended (or the duty's window closed)."""
        return self.with_status(Status.MISSED)

    def not_assessable(self) -> tuple[Obligation, ...]:
        """Obligations the data cannot judge (each says why in ``reason``)."""
        return self.with_status(Status.NOT_ASSESSABLE)

    def breaches(self) -> tuple[Obligation, ...]:
        """Met late, overdue or missed."""
        return tuple(o for o in self.obligations if o.status.is_breach)

    def due_within(self, days: int) -> tuple[Obligation, ...]:
        """Not yet done and due within ``days`` days of ``as_of`` (today included)."""
        limit = self.as_of + dt.timedelta(days=days)
        return tuple(o for o in self.obligations if o.status is Status.DUE and o.due <= limit)

    def next_due(self) -> Obligation | None:
        """The open obligation that falls due first, or ``None``."""
        return next((o for o in self.obligations if o.status is Status.DUE), None)

    def by_duty(self) -> dict[str, tuple[Obligation, ...]]:
        """The obligations grouped by duty id."""
        out: dict[str, list[Obligation]] = {}
        for o in self.obligations:
            out.setdefault(o.duty.id, []).append(o)
        return {k: tuple(v) for k, v in out.items()}

    def to_pandas(self) -> Any:
        """The obligations as a pandas ``DataFrame``, one row each (needs the ``pandas`` extra,
        imported only when this is called).

        .. versionadded:: 0.1
        """
        from corparent._extras import data_frame

        rows = (
            {
                "child_id": o.child_id,
                "duty_id": o.duty.id,
                "trigger": o.trigger,
                "due": o.due,
                "met_on": o.met_on,
                "status": o.status.value,
                "days_late": o.days_late(self.as_of),
                "force": o.force.value,
                "citation": o.version.citation.short,
                "about": o.about,
                "reason": o.reason,
            }
            for o in self.obligations
        )
        return data_frame(rows, OBLIGATION_COLUMNS)


_SET_SCHEDULE_CHILD = _setter("child_id", Schedule)
_SET_SCHEDULE_AS_OF = _setter("as_of", Schedule)
_SET_SCHEDULE_OBLIGATIONS = _setter("obligations", Schedule)


def new_schedule(child_id: str, as_of: dt.date, obligations: list[Obligation]) -> Schedule:
    """``Schedule(child_id=..., as_of=..., obligations=obligations)`` for the engine's own
    list, sorted in place by the converter's order (the list is the engine's to reorder):
    no copy of the list before sorting, no keyword machinery."""
    obligations.sort(key=_order)
    schedule: Schedule = _new(Schedule)
    _SET_SCHEDULE_CHILD(schedule, child_id)
    _SET_SCHEDULE_AS_OF(schedule, as_of)
    _SET_SCHEDULE_OBLIGATIONS(schedule, tuple(obligations))
    return schedule
