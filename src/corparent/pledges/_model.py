"""A council's pledge as data: commitments, the principles they serve, measurable standards,
and council-wide commitments with owners and cadences."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs
from dateutil.rrule import MONTHLY, WEEKLY, YEARLY, rrule

from corparent.law import LocalStandard
from corparent.principles import Principle

__all__ = [
    "Cadence",
    "CadenceKind",
    "Commitment",
    "CouncilCommitment",
    "Pledge",
    "PrincipleLink",
]


@attrs.frozen(kw_only=True)
class PrincipleLink:
    """A commitment serves a principle, for a stated reason.

    Attributes:
        principle: One of the seven (CSWA 2017 s.1(1)).
        reason: One line saying why.
    """

    principle: Principle
    reason: str


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _commitments(values: Iterable[Commitment]) -> tuple[Commitment, ...]:
    return tuple(values)


def _council_commitments(values: Iterable[CouncilCommitment]) -> tuple[CouncilCommitment, ...]:
    return tuple(values)


def _standards(values: Iterable[LocalStandard]) -> tuple[LocalStandard, ...]:
    return tuple(values)


def _optional_links(values: Iterable[PrincipleLink]) -> tuple[PrincipleLink, ...]:
    return tuple(values)


def _links(values: Iterable[PrincipleLink]) -> tuple[PrincipleLink, ...]:
    links = tuple(values)
    if not links:
        raise ValueError("a commitment serves at least one principle")
    return links


@attrs.frozen(kw_only=True)
class Commitment:
    """One promise of the pledge, as the council wrote it.

    Attributes:
        id: Stable id within the pledge, e.g. ``"social-worker-3"``.
        text: The promise, word for word.
        theme: The heading the pledge groups it under.
        principles: The principles it serves, each with a reason (at least one).
        standard: The id of the measurable local standard it gives rise to, if any.
    """

    id: str
    text: str
    theme: str
    principles: tuple[PrincipleLink, ...] = attrs.field(converter=_links)
    standard: str | None = None


class CadenceKind(enum.Enum):
    """How often a council-wide commitment is reported on."""

    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    TERMLY = "termly"
    TWICE_YEARLY = "twice yearly"
    ANNUALLY = "annually"
    BY_DATE = "by date"
    ONGOING = "ongoing"


_MONTHS = {CadenceKind.MONTHLY: 1, CadenceKind.QUARTERLY: 3, CadenceKind.TWICE_YEARLY: 6}
_TERM_STARTS = ((9, 1), (1, 1), (4, 1))


@attrs.frozen(kw_only=True)
class Cadence:
    """When something recurs: monthly, quarterly, termly, twice yearly, annually, by a date.

    Attributes:
        kind: The kind of cadence.
        by: For ``BY_DATE``, the date; for others, an optional anchor date.
    """

    kind: CadenceKind
    by: dt.date | None = None

    def occurrences(self, start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
        """The days in ``[start, end]`` on which it falls due (``dateutil.rrule``)."""
        if self.kind is CadenceKind.ONGOING:
            return ()
        if self.kind is CadenceKind.BY_DATE:
            return (self.by,) if self.by is not None and start <= self.by <= end else ()
        anchor = self.by or start
        first = dt.datetime(anchor.year, anchor.month, anchor.day)
        if self.kind is CadenceKind.TERMLY:
            days = {
                dt.date(year, month, day)
                for year in range(start.year - 1, end.year + 1)
                for month, day in _TERM_STARTS
            }
            return tuple(sorted(d for d in days if start <= d <= end))
        if self.kind is CadenceKind.WEEKLY:
            rule = rrule(WEEKLY, dtstart=first, until=dt.datetime(end.year, end.month, end.day))
        elif self.kind is CadenceKind.ANNUALLY:
            rule = rrule(YEARLY, dtstart=first, until=dt.datetime(end.year, end.month, end.day))
        else:
            rule = rrule(
                MONTHLY,
                interval=_MONTHS[self.kind],
                dtstart=first,
                until=dt.datetime(end.year, end.month, end.day),
                bymonthday=(anchor.day, -1),  # the anchor's day, or the month's last day
                bysetpos=1,
            )
        return tuple(d.date() for d in rule if d.date() >= start)


@attrs.frozen(kw_only=True)
class CouncilCommitment:
    """A council-wide commitment with an owner and a cadence (as in Derby's pledge).

    Attributes:
        id: Stable id within the pledge.
        text: What the council will do.
        owner: The directorate or service responsible.
        cadence: When it is reported on or falls due.
        supports: The ids of the pledge points it supports.
        difference: The difference it is meant to make, in the council's words.
        principles: The principles it serves, each with a reason.
    """

    id: str
    text: str
    owner: str
    cadence: Cadence
    supports: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    difference: str = ""
    principles: tuple[PrincipleLink, ...] = attrs.field(default=(), converter=_optional_links)


@attrs.frozen(kw_only=True)
class Pledge:
    """A council's pledge to its children in care and care leavers.

    Attributes:
        council: The council's name.
        title: The pledge's title.
        adopted: When it was adopted, if known.
        review: How often it is reviewed.
        themes: The headings it is organised under, in order.
        commitments: Every promise.
        council_commitments: Council-wide commitments with owners and cadences.
        standards: The measurable local standards (overlay with ``ENGLAND.with_standards``).
        source: Where the text comes from.
    """

    council: str
    title: str
    adopted: dt.date | None = None
    review: Cadence | None = None
    themes: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    commitments: tuple[Commitment, ...] = attrs.field(default=(), converter=_commitments)
    council_commitments: tuple[CouncilCommitment, ...] = attrs.field(
        default=(), converter=_council_commitments
    )
    standards: tuple[LocalStandard, ...] = attrs.field(default=(), converter=_standards)
    source: str = ""
