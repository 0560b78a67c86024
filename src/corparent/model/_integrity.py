"""Cross-field integrity of a case record: every contradiction, each with its field path.

:func:`problems` never raises; :class:`~corparent.model.CaseRecord` raises
:class:`~corparent.errors.RecordError` with all of them, and loaders collect them instead.
Messages name the child by record id and never show a date of birth.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterator
from operator import attrgetter
from typing import TYPE_CHECKING

from corparent.codes import ReasonEpisodeCeased
from corparent.errors import Problem
from corparent.model._base import DatedEvent, Period

if TYPE_CHECKING:
    from corparent.model._record import CaseRecord

__all__ = ["IntegrityProblem", "problems"]


class IntegrityProblem(enum.Enum):
    """The kinds of contradiction a record can contain.

    Each value is the ``code`` of the :class:`~corparent.errors.Problem` that reports it.
    """

    EPISODE_ENDS_BEFORE_START = "episode_ends_before_start"
    EPISODES_OVERLAP = "episodes_overlap"
    OPEN_EPISODE_NOT_LAST = "open_episode_not_last"
    X1_WITHOUT_SUCCESSOR = "x1_without_successor"
    REASON_CEASED_WITHOUT_END = "reason_ceased_without_end"
    END_WITHOUT_REASON_CEASED = "end_without_reason_ceased"
    EVENT_BEFORE_BIRTH = "event_before_birth"
    DUPLICATE_EVENT = "duplicate_event"
    PERIOD_ENDS_BEFORE_START = "period_ends_before_start"
    UNKNOWN_PLACEMENT = "unknown_placement"

    @property
    def description(self) -> str:
        """What the problem means, in a few words."""
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    IntegrityProblem.EPISODE_ENDS_BEFORE_START: "an episode ends before it starts",
    IntegrityProblem.EPISODES_OVERLAP: "two episodes overlap",
    IntegrityProblem.OPEN_EPISODE_NOT_LAST: "an open episode is followed by another",
    IntegrityProblem.X1_WITHOUT_SUCCESSOR: "an episode ends X1 with no episode starting that day",
    IntegrityProblem.REASON_CEASED_WITHOUT_END: "a reason ceased is given without an end date",
    IntegrityProblem.END_WITHOUT_REASON_CEASED: "an end date is given without a reason ceased",
    IntegrityProblem.EVENT_BEFORE_BIRTH: "something is dated before the child's birth",
    IntegrityProblem.DUPLICATE_EVENT: "the same event is recorded twice",
    IntegrityProblem.PERIOD_ENDS_BEFORE_START: "a period ends before it starts",
    IntegrityProblem.UNKNOWN_PLACEMENT: "a plan or notice names a placement that did not start",
}

_DATE = attrgetter("date")
_START = attrgetter("start")

_EVENT_FIELDS = (
    "reviews",
    "visits",
    "health_assessments",
    "dental_checks",
    "peps",
    "care_plans",
    "placement_plans",
    "pathway_plans",
    "needs_assessments",
    "pa_appointments",
    "pa_contacts",
    "iro_appointments",
    "placement_notifications",
    "contact_requests",
    "placed_for_adoption",
)
_PERIOD_FIELDS = (
    "long_term_foster",
    "reduced_visit_consents",
    "placements_until_18",
    "accommodation_provided",
    "staying_put",
    "connected_person_approvals",
    "short_breaks",
    "parent_placements_pending_assessment",
    "emergency_placements_outside_approval",
    "emergency_placements",
    "missing",
    "social_worker_episodes",
    "deprivations_of_liberty",
)


def problems(record: CaseRecord) -> tuple[Problem, ...]:
    """Every integrity problem in ``record``, in field order (empty if it is consistent)."""
    return tuple(_problems(record))


def _problem(record: CaseRecord, kind: IntegrityProblem, path: str, detail: str) -> Problem:
    return Problem(
        code=kind.value, message=f"{kind.description}: {detail}", record_id=record.id, path=path
    )


def _problems(record: CaseRecord) -> Iterator[Problem]:
    yield from _episode_problems(record)
    dob = record.child.date_of_birth
    for index, episode in enumerate(record.episodes):
        if episode.start < dob:
            yield _problem(
                record,
                IntegrityProblem.EVENT_BEFORE_BIRTH,
                f"episodes[{index}].start",
                "the episode starts before the date of birth",
            )
    for name in _EVENT_FIELDS:
        events: tuple[DatedEvent, ...] = getattr(record, name)
        if not events:  # most fields of most records are empty: skip the generators
            continue
        for index, event in enumerate(events):
            if event.date < dob:
                yield _problem(
                    record,
                    IntegrityProblem.EVENT_BEFORE_BIRTH,
                    f"{name}[{index}].date",
                    f"a {type(event).__name__} is dated before the date of birth",
                )
        if len(events) > 1 and len(set(map(_DATE, events))) < len(events):
            yield from _duplicates(record, name, events)  # exact repeats share their date
    for name in _PERIOD_FIELDS:
        periods: tuple[Period, ...] = getattr(record, name)
        if not periods:
            continue
        for index, period in enumerate(periods):
            if period.end is not None and period.end < period.start:
                yield _problem(
                    record,
                    IntegrityProblem.PERIOD_ENDS_BEFORE_START,
                    f"{name}[{index}].end",
                    f"a {type(period).__name__} ends before it starts",
                )
            if period.start < dob:
                yield _problem(
                    record,
                    IntegrityProblem.EVENT_BEFORE_BIRTH,
                    f"{name}[{index}].start",
                    f"a {type(period).__name__} starts before the date of birth",
                )
        if len(periods) > 1 and len(set(map(_START, periods))) < len(periods):
            yield from _duplicates(record, name, periods)  # exact repeats share their start
    if not (record.placement_plans or record.placement_notifications):
        return
    starts = {placement.start for placement in record.placements()}
    for name in ("placement_plans", "placement_notifications"):
        for index, event in enumerate(getattr(record, name)):
            if event.placement_start not in starts:
                yield _problem(
                    record,
                    IntegrityProblem.UNKNOWN_PLACEMENT,
                    f"{name}[{index}].placement_start",
                    "no placement of this child starts on that day",
                )


def _duplicates(record: CaseRecord, name: str, items: tuple[object, ...]) -> Iterator[Problem]:
    if len(items) < 2:
        return
    counts = Counter(items)
    if len(counts) == len(items):
        return
    seen: set[object] = set()
    for index, item in enumerate(items):
        if counts[item] > 1 and item in seen:
            yield _problem(
                record,
                IntegrityProblem.DUPLICATE_EVENT,
                f"{name}[{index}]",
                f"a {type(item).__name__} repeats an earlier entry exactly",
            )
        seen.add(item)


def _episode_problems(record: CaseRecord) -> Iterator[Problem]:
    episodes = record.episodes
    last = len(episodes) - 1
    for index, episode in enumerate(episodes):
        path = f"episodes[{index}]"
        if episode.end is not None and episode.end < episode.start:
            yield _problem(
                record,
                IntegrityProblem.EPISODE_ENDS_BEFORE_START,
                f"{path}.end",
                f"episode {index} ends before it starts",
            )
        if episode.reason_ceased is not None and episode.end is None:
            yield _problem(
                record,
                IntegrityProblem.REASON_CEASED_WITHOUT_END,
                f"{path}.reason_ceased",
                f"episode {index} has REC {episode.reason_ceased.code} but no end date",
            )
        if episode.end is not None and episode.reason_ceased is None:
            yield _problem(
                record,
                IntegrityProblem.END_WITHOUT_REASON_CEASED,
                f"{path}.end",
                f"episode {index} has an end date but no REC",
            )
        if index == last:
            if episode.reason_ceased is ReasonEpisodeCeased.X1:
                yield _problem(
                    record,
                    IntegrityProblem.X1_WITHOUT_SUCCESSOR,
                    f"{path}.reason_ceased",
                    f"episode {index} ends X1 but is the last episode",
                )
            continue
        following = episodes[index + 1]
        if episode.end is None:
            yield _problem(
                record,
                IntegrityProblem.OPEN_EPISODE_NOT_LAST,
                f"{path}.end",
                f"episode {index} has no end date but episode {index + 1} follows it",
            )
        elif following.start < episode.end:
            yield _problem(
                record,
                IntegrityProblem.EPISODES_OVERLAP,
                f"episodes[{index + 1}].start",
                f"episode {index + 1} starts before episode {index} ends",
            )
        if (
            episode.reason_ceased is ReasonEpisodeCeased.X1
            and episode.end is not None
            and following.start != episode.end
        ):
            yield _problem(
                record,
                IntegrityProblem.X1_WITHOUT_SUCCESSOR,
                f"{path}.reason_ceased",
                f"episode {index} ends X1 but episode {index + 1} does not start that day",
            )
