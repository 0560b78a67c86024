"""Where the law is unclear, per child: the obligations another reading would move.

Every :class:`~corparent.law.Conventions` choice is a reading of unclear law. For a record or
a caseload, :func:`ambiguities` schedules it under the defaults and under each alternative
reading, and lists the obligations whose due date or status changes, with both answers, so a
council can see where its figures rest on a contested reading.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from corparent.dates import ANY_PART_OF_THE_UK, LeapDay
from corparent.law import (
    Conventions,
    HealthTransition,
    LeaverEpisodeRule,
    RuleSet,
    UnannouncedVisitYear,
    VisitStraddle,
    resolve,
)
from corparent.model import CaseRecord
from corparent.schedule._engine import schedule
from corparent.schedule._obligation import Obligation, Status

__all__ = ["ALTERNATIVES", "Ambiguity", "Reading", "ambiguities"]


@attrs.frozen(kw_only=True)
class Reading:
    """An alternative reading of unclear law: one change to the conventions.

    Attributes:
        name: A short name, e.g. ``"trigger day counted"``.
        question: The question the law leaves open, in plain words.
        changes: The :class:`~corparent.law.Conventions` fields it sets.
    """

    name: str
    question: str
    changes: tuple[tuple[str, object], ...]

    def apply(self, base: Conventions) -> Conventions:
        """``base`` with this reading's changes."""
        changes: dict[str, Any] = dict(self.changes)
        return attrs.evolve(base, **changes)


ALTERNATIVES = (
    Reading(
        name="trigger day counted",
        question="Does the day that starts a working-day period count as day 1?",
        changes=(("count_trigger_day", True),),
    ),
    Reading(
        name="bank holidays of any part of the UK",
        question="Which bank holidays stop a day being a working day?",
        changes=(("calendar", ANY_PART_OF_THE_UK),),
    ),
    Reading(
        name="29 February birthday on 28 February",
        question="When does someone born on 29 February have a birthday in other years?",
        changes=(("leap_day", LeapDay.FEB_28),),
    ),
    Reading(
        name="3-month visit interval across the first year",
        question="Does a visit interval that ends after a placement's first year keep the "
        "6-week limit?",
        changes=(("visit_straddle", VisitStraddle.THREE_MONTHS),),
    ),
    Reading(
        name="12-month health review across the 5th birthday",
        question="Is the review after an assessment made before the 5th birthday due in 6 "
        "months or 12?",
        changes=(("health_across_fifth_birthday", HealthTransition.TWELVE_MONTHS),),
    ),
    Reading(
        name="period of weeks excludes its first day",
        question="Does a period 'not exceeding 16 weeks' include the day it starts?",
        changes=(("period_includes_trigger", False),),
    ),
    Reading(
        name="13 weeks counting the day care ended",
        question="Does the day an episode of care ended count towards the 13 weeks?",
        changes=(("leaver_count_end_day", True),),
    ),
    Reading(
        name="13 weeks only from episodes begun after 14",
        question="Do days after the 14th birthday count when the episode began before it?",
        changes=(("leaver_episode_rule", LeaverEpisodeRule.EPISODES_STARTING_AFTER_14TH_BIRTHDAY),),
    ),
    Reading(
        name="short-break nights, not days",
        question="Is a Friday-to-Sunday short break 3 days or 2 nights towards the 17-day and "
        "75-day limits?",
        changes=(("short_break_days_inclusive", False),),
    ),
    Reading(
        name="unannounced visit in each approval year",
        question="Is 'an unannounced visit a year' a rolling year or each year of approval?",
        changes=(("unannounced_visit_year", UnannouncedVisitYear.APPROVAL_YEAR),),
    ),
)
"""The alternative readings :func:`ambiguities` tries, one at a time."""


@attrs.frozen(kw_only=True)
class Ambiguity:
    """An obligation whose due date or status depends on how unclear law is read.

    Attributes:
        child_id: The record id.
        duty_id: The duty.
        about: What the obligation is about (as in the schedule).
        reading: The alternative reading that changes it.
        question: What the law leaves open.
        default_due: The due date under the defaults (``None``: no such obligation).
        alternative_due: The due date under the alternative reading (``None``: none).
        default_status: The status under the defaults.
        alternative_status: The status under the alternative reading.
    """

    child_id: str
    duty_id: str
    about: str
    reading: str
    question: str
    default_due: dt.date | None
    alternative_due: dt.date | None
    default_status: Status | None
    alternative_status: Status | None

    def explain(self) -> str:
        """One sentence with both answers."""

        def side(due: dt.date | None, status: Status | None) -> str:
            if due is None or status is None:
                return "no such obligation"
            return f"due {due.isoformat()} ({status.label})"

        return (
            f"{self.duty_id} for child {self.child_id} ({self.about}): "
            f"{side(self.default_due, self.default_status)} by default; "
            f"{side(self.alternative_due, self.alternative_status)} if {self.reading} "
            f"({self.question})"
        )


def _keyed(obligations: Iterable[Obligation]) -> dict[tuple[str, str, int], Obligation]:
    out: dict[tuple[str, str, int], Obligation] = {}
    seen: dict[tuple[str, str], int] = {}
    for o in sorted(obligations, key=lambda o: (o.duty.id, o.about, o.trigger, o.due)):
        n = seen.get((o.duty.id, o.about), 0)
        seen[(o.duty.id, o.about)] = n + 1
        out[(o.duty.id, o.about, n)] = o
    return out


def _relevant(reading: Reading, record: CaseRecord, as_of: dt.date) -> bool:
    """Skip readings that cannot matter for this record (a fast path, never a guess)."""
    name = dict(reading.changes)
    dob = record.child.date_of_birth
    if "leap_day" in name:
        return dob.month == 2 and dob.day == 29
    if "health_across_fifth_birthday" in name:
        return dob.year + 4 <= as_of.year and dob.year + 6 >= min(
            (e.start.year for e in record.episodes), default=as_of.year
        )
    if any(k.startswith("leaver_") for k in name):
        return as_of.year - dob.year >= 15
    if "short_break_days_inclusive" in name:
        return any(e.legal_status.is_short_break for e in record.episodes)
    return "unannounced_visit_year" not in name  # carers only: not in a child's schedule


def _unjudgeable(ob: Obligation | None) -> bool:
    return ob is None or ob.status is Status.NOT_ASSESSABLE


def _record_ambiguities(
    record: CaseRecord,
    as_of: dt.date,
    rules: RuleSet | None,
    conventions: Conventions | None,
    readings: tuple[Reading, ...],
) -> Iterator[Ambiguity]:
    rules, base = resolve(record.id, record.jurisdiction, rules, conventions)
    default = _keyed(schedule(record, as_of, rules=rules, conventions=base))
    for reading in readings:
        if not _relevant(reading, record, as_of):
            continue
        other = _keyed(schedule(record, as_of, rules=rules, conventions=reading.apply(base)))
        for key in sorted(set(default) | set(other)):
            a, b = default.get(key), other.get(key)
            if a is not None and b is not None and (a.due, a.status) == (b.due, b.status):
                continue
            if _unjudgeable(a) and _unjudgeable(b):
                continue  # the data cannot judge it either way: no question for the reader
            yield Ambiguity(
                child_id=record.id,
                duty_id=key[0],
                about=key[1],
                reading=reading.name,
                question=reading.question,
                default_due=a.due if a else None,
                alternative_due=b.due if b else None,
                default_status=a.status if a else None,
                alternative_status=b.status if b else None,
            )


def ambiguities(
    records: CaseRecord | Iterable[CaseRecord],
    as_of: dt.date,
    *,
    rules: RuleSet | None = None,
    conventions: Conventions | None = None,
    readings: Iterable[Reading] = ALTERNATIVES,
) -> tuple[Ambiguity, ...]:
    """Every obligation of ``records`` (one record or a caseload) whose due date or status
    changes under another reading of unclear law, with both answers.

    ``rules`` and ``conventions`` default, record by record, to the law of the record's
    jurisdiction and that law's own conventions, as in :func:`~corparent.schedule.schedule`.

    >>> import datetime as dt
    >>> from corparent.codes import LegalStatus, PlacementType
    >>> from corparent.model import CaseRecord, Child, Episode
    >>> record = CaseRecord(
    ...     child=Child(id="C1", date_of_birth=dt.date(2012, 6, 1)),
    ...     episodes=[Episode(start=dt.date(2023, 12, 22), legal_status=LegalStatus.C2,
    ...                       placement=PlacementType.U4)],
    ... )
    >>> found = ambiguities(record, dt.date(2024, 3, 31))
    >>> first = next(a for a in found if a.duty_id == "review_first")
    >>> first.reading, first.default_due, first.alternative_due
    ('trigger day counted', datetime.date(2024, 1, 24), datetime.date(2024, 1, 23))
    """
    chosen = tuple(readings)
    items = [records] if isinstance(records, CaseRecord) else list(records)
    out: list[Ambiguity] = []
    for record in items:
        out.extend(_record_ambiguities(record, as_of, rules, conventions, chosen))
    return tuple(out)
