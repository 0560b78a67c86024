"""Care-leaver status from a case record: eligible, relevant, former relevant, qualifying.

The 13-week rule is CPPCR 2010 reg 40 (Children Act 1989 Sched 2 para 19B): a child is
*eligible* while looked after, aged 16 or 17, having been looked after for 91 days in total
since the 14th birthday. How those days are counted is a :class:`~corparent.law.Conventions`
choice. The computation adds up clipped episode lengths; it never loops over days.

:func:`care_leaver_status` gives the status on one day; :func:`care_leaver_determination` the
same with its dates and entitlements; :func:`status_timeline` the whole history, which the
schedule engine uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs

from corparent.dates import add_months, birthday
from corparent.law import Conventions, LeaverEpisodeRule, LeaverStatus
from corparent.law._leaver import ELIGIBILITY_AGE, ELIGIBILITY_DAYS, PA_TO_25_FROM
from corparent.leaving_care._short_breaks import short_breaks
from corparent.model import CaseRecord, Episode

__all__ = [
    "Entitlement",
    "LeaverDetermination",
    "StatusPeriod",
    "care_leaver_determination",
    "care_leaver_status",
    "eligible_from",
    "explain",
    "status_timeline",
]

_ONE = dt.timedelta(days=1)
_FAR = dt.date.max - dt.timedelta(days=2)
"""The end of a looked-after stretch with no end."""
_NO_DAYS: frozenset[dt.date] = frozenset()
_HOME_TO_PARENT = frozenset({"E4A", "E4B"})
"""Went home to a parent or a person with parental responsibility (CLR 2010 reg 3(3))."""


@attrs.frozen(kw_only=True)
class StatusPeriod:
    """A stretch of time with one leaving-care status.

    Attributes:
        status: The status.
        start: Its first day.
        end: Its last day (inclusive), or ``None`` if it has no end in view.
        basis: The provision that gives the status, e.g. ``"CA 1989 s.23C(1)(b)"``.
    """

    status: LeaverStatus
    start: dt.date
    end: dt.date | None
    basis: str = ""

    def covers(self, day: dt.date) -> bool:
        """True if the status holds on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)


@attrs.frozen(kw_only=True)
class Entitlement:
    """Something a care leaver is entitled to, and until when.

    Attributes:
        name: What it is, e.g. ``"personal adviser on request"``.
        citation: Where it comes from.
        start: The first day of the entitlement.
        end: The last day (inclusive), or ``None``.
    """

    name: str
    citation: str
    start: dt.date
    end: dt.date | None


@attrs.frozen(kw_only=True)
class LeaverDetermination:
    """A young person's leaving-care status on one day, with its dates and entitlements.

    Attributes:
        child_id: The record id.
        on: The day asked about.
        status: The status on that day.
        since: The day that status began (``None`` for ``NONE``).
        eligible_from: The day the young person first became an eligible child, if ever.
        days_counted: Days counted towards the 13 weeks by ``on``.
        entitlements: What the young person is entitled to on ``on``, with end dates.
    """

    child_id: str
    on: dt.date
    status: LeaverStatus
    since: dt.date | None
    eligible_from: dt.date | None
    days_counted: int
    entitlements: tuple[Entitlement, ...] = ()

    def explain(self) -> str:
        """A few sentences naming the child by id only (never the date of birth)."""
        return explain(self)


def _counted(episode: Episode, conventions: Conventions, reg48: frozenset[dt.date]) -> bool:
    if episode.start in reg48 and not conventions.leaver_count_short_breaks:
        return False  # CPPCR reg 40(2): a child to whom reg 48 applies is not eligible
    return not (episode.legal_status.is_remand and not conventions.leaver_count_remand)


def _reg48_episode_starts(record: CaseRecord, conventions: Conventions) -> frozenset[dt.date]:
    if not record.short_breaks:
        for episode in record.episodes:
            if episode.legal_status.is_short_break:
                break
        else:
            return _NO_DAYS
    found = short_breaks(record, conventions)
    return frozenset(e.start for s in found.series for p in s.periods for e in p.episodes)


def _segments(record: CaseRecord, conventions: Conventions) -> Iterator[tuple[dt.date, dt.date]]:
    """Counted looked-after stretches [start, end) (end exclusive; far future when open)."""
    far = _FAR
    reg48 = _reg48_episode_starts(record, conventions)
    strict = (
        conventions.leaver_episode_rule is LeaverEpisodeRule.EPISODES_STARTING_AFTER_14TH_BIRTHDAY
    )
    period_starts: dict[dt.date, dt.date] = {}
    bday14 = dt.date.min
    if strict:  # only episodes of periods starting after the 14th birthday count
        period_starts = {e.start: p.start for p in record.periods_of_care() for e in p.episodes}
        bday14 = birthday(record.child.date_of_birth, ELIGIBILITY_AGE, conventions.leap_day)
    current: list[dt.date] | None = None
    for episode in record.episodes:
        if not _counted(episode, conventions, reg48):
            continue
        if strict and period_starts.get(episode.start, episode.start) < bday14:
            continue
        end = episode.end or far
        if current is not None and current[1] == episode.start:
            current[1] = end
            continue
        if current is not None:
            yield current[0], current[1]
        current = [episode.start, end]
    if current is not None:
        yield current[0], current[1]


def _eligible_intervals(
    record: CaseRecord,
    conventions: Conventions,
    bday16: dt.date | None = None,
    bday18: dt.date | None = None,
) -> list[tuple[dt.date, dt.date, int]]:
    """(first eligible day, first day no longer eligible, days counted before the segment).
    ``bday16`` and ``bday18`` are the 16th and 18th birthdays, if the caller has them."""
    dob = record.child.date_of_birth
    bday14 = birthday(dob, 14, conventions.leap_day)
    if bday16 is None:
        bday16 = birthday(dob, 16, conventions.leap_day)
    if bday18 is None:
        bday18 = birthday(dob, 18, conventions.leap_day)
    extra = 1 if conventions.leaver_count_end_day else 0
    total = 0
    out: list[tuple[dt.date, dt.date, int]] = []
    for start, end in _segments(record, conventions):
        if end <= bday14:
            continue
        s = max(start, bday14)
        # On day d in this segment the count is total + (d - s) (+1 with end day counted).
        needed = ELIGIBILITY_DAYS - total - extra
        first = max(bday16, s, s + dt.timedelta(days=max(needed, 0)))
        stop = min(end, bday18)
        if first < stop:
            out.append((first, stop, total))
        total += (min(end, dt.date.max - _ONE) - s).days + extra
        if total > 10**6:
            break
    return out


def eligible_from(record: CaseRecord, conventions: Conventions | None = None) -> dt.date | None:
    """The first day the child was an eligible child, or ``None`` if never.

    Never before the 16th birthday; never while reg 48 short breaks apply (CPPCR reg 40(2)).
    """
    intervals = _eligible_intervals(record, conventions or Conventions())
    return intervals[0][0] if intervals else None


def _days_counted(record: CaseRecord, on: dt.date, conventions: Conventions) -> int:
    bday14 = birthday(record.child.date_of_birth, 14, conventions.leap_day)
    extra = 1 if conventions.leaver_count_end_day else 0
    total = 0
    for start, end in _segments(record, conventions):
        s = max(start, bday14)
        e = min(end, on)
        if e > s:
            total += (e - s).days + extra
    return total


def status_timeline(
    record: CaseRecord, *, conventions: Conventions | None = None, until: dt.date | None = None
) -> tuple[StatusPeriod, ...]:
    """Every leaving-care status the young person has had, in order (``NONE`` left out).

    Args:
        record: The case record.
        conventions: How to count the 13 weeks; defaults to :class:`~corparent.law.Conventions`.
        until: Periods starting after this day are left out.
    """
    conventions = conventions or Conventions()
    dob = record.child.date_of_birth
    bday16 = birthday(dob, 16, conventions.leap_day)
    bday18 = birthday(dob, 18, conventions.leap_day)
    bday21 = birthday(dob, 21, conventions.leap_day)
    bday25 = birthday(dob, 25, conventions.leap_day)
    out: list[StatusPeriod] = []
    intervals = _eligible_intervals(record, conventions, bday16, bday18)
    former_basis = ""
    home_from: dt.date | None = None  # relevant status ended by 6 months at home
    for index, (first, stop, _) in enumerate(intervals):
        out.append(
            StatusPeriod(
                status=LeaverStatus.ELIGIBLE,
                start=first,
                end=stop - _ONE,
                basis="CA 1989 Sched 2 para 19B; CPPCR 2010 reg 40",
            )
        )
        home_from = None
        if stop >= bday18:
            former_basis = "CA 1989 s.23C(1)(b)"  # looked after at 18, eligible before
            continue
        following = intervals[index + 1][0] if index + 1 < len(intervals) else bday18
        relevant_end = following - _ONE
        ended = record.episode_on(stop - _ONE)
        reason = ended.reason_ceased if ended is not None else None
        if (
            conventions.relevant_ends_after_six_months_home
            and reason is not None
            and reason.code in _HOME_TO_PARENT
        ):
            home_end = add_months(stop, 6) - _ONE
            if home_end < relevant_end:
                relevant_end = home_end
                home_from = home_end + _ONE
        out.append(
            StatusPeriod(
                status=LeaverStatus.RELEVANT,
                start=stop,
                end=relevant_end,
                basis="CA 1989 s.23A(2); CLR 2010 reg 3",
            )
        )
        former_basis = "CA 1989 s.23C(1)(a)" if relevant_end == bday18 - _ONE else ""
    if former_basis:
        out.append(
            StatusPeriod(
                status=LeaverStatus.FORMER_RELEVANT,
                start=bday18,
                end=bday25 - _ONE,
                basis=former_basis,
            )
        )
    elif home_from is not None and home_from < bday21:
        # No longer relevant after 6 months at home, but looked after after 16: s.24(1B).
        out.append(
            StatusPeriod(
                status=LeaverStatus.QUALIFYING,
                start=home_from,
                end=bday21 - _ONE,
                basis="CA 1989 s.24(1B); CLR 2010 reg 3(3)",
            )
        )
    elif not intervals:
        qualifying_from = _qualifying_from(record, bday16, bday18)
        if qualifying_from is not None and qualifying_from < bday21:
            out.append(
                StatusPeriod(
                    status=LeaverStatus.QUALIFYING,
                    start=qualifying_from,
                    end=bday21 - _ONE,
                    basis="CA 1989 s.24(1A)-(1B)",
                )
            )
    return tuple(
        p
        for p in out
        if (until is None or p.start <= until) and (p.end is None or p.end >= p.start)
    )


def _qualifying_from(record: CaseRecord, bday16: dt.date, bday18: dt.date) -> dt.date | None:
    """s.24(1A)/(1B): left care after 16 without being eligible, or an SGO ended care."""
    for period in record.periods_of_care():
        if period.end is None:
            continue
        reason = period.reason_ceased
        left_after_16 = bday16 <= period.end and period.start < bday18
        sgo = reason is not None and reason.is_special_guardianship
        if left_after_16 or sgo:
            return max(period.end, bday16)
    return None


def _entitlements(
    record: CaseRecord, period: StatusPeriod | None, on: dt.date, conventions: Conventions
) -> tuple[Entitlement, ...]:
    if period is None:
        return ()
    status = period.status
    dob = record.child.date_of_birth
    last_day = {age: birthday(dob, age, conventions.leap_day) - _ONE for age in (18, 21, 25)}
    out: list[Entitlement] = []

    def add(name: str, citation: str, start: dt.date, age: int) -> None:
        out.append(Entitlement(name=name, citation=citation, start=start, end=last_day[age]))

    if status in (LeaverStatus.ELIGIBLE, LeaverStatus.RELEVANT):
        add("personal adviser", "CA 1989 Sched 2 para 19C, s.23B(2)", on, 18)
        add("needs assessment and pathway plan", "CPPCR 2010 regs 42-43; CLR 2010 regs 4-7", on, 18)
    if status is LeaverStatus.FORMER_RELEVANT:
        start = last_day[18] + _ONE
        add("personal adviser and pathway plan (s.23C duties)", "CA 1989 s.23C", start, 21)
        add("keeping in touch", "CA 1989 s.23C(2)", start, 21)
        pa_start = max(last_day[21] + _ONE, PA_TO_25_FROM)
        if pa_start <= last_day[25]:
            add("personal adviser on request until 25", "CA 1989 s.23CZB", pa_start, 25)
        staying = _staying_put_start(record, period)
        if staying is not None:
            add("staying put support", "CA 1989 s.23CZA", staying, 21)
    if status is LeaverStatus.QUALIFYING:
        add("advice and assistance", "CA 1989 ss.24-24B", on, 21)
    return tuple(e for e in out if e.end is None or e.end >= on)


def _staying_put_start(record: CaseRecord, period: StatusPeriod) -> dt.date | None:
    """The start of a staying-put arrangement the authority must support (CA 1989 s.23CZA).

    Only a former relevant child by virtue of s.23C(1)(b) (looked after on reaching 18 and an
    eligible child immediately before) can be in one, and only with the local-authority foster
    parent they lived with immediately before ceasing to be looked after.
    """
    if not record.staying_put or period.basis != "CA 1989 s.23C(1)(b)":
        return None
    last = record.episodes[-1] if record.episodes else None
    if last is None or not last.placement.is_foster:
        return None
    return record.staying_put[0].start


def care_leaver_determination(
    record: CaseRecord, on: dt.date, *, conventions: Conventions | None = None
) -> LeaverDetermination:
    """The young person's leaving-care status on ``on``, with its dates and entitlements.

    >>> import datetime as dt
    >>> from corparent.codes import LegalStatus, PlacementType
    >>> from corparent.model import CaseRecord, Child, Episode
    >>> record = CaseRecord(
    ...     child=Child(id="C17", date_of_birth=dt.date(2008, 3, 15)),
    ...     episodes=[Episode(start=dt.date(2023, 6, 1), legal_status=LegalStatus.C2,
    ...                       placement=PlacementType.U4)],
    ... )
    >>> d = care_leaver_determination(record, dt.date(2024, 4, 1))
    >>> d.status, d.since
    (<LeaverStatus.ELIGIBLE: 'eligible'>, datetime.date(2024, 3, 15))
    """
    conventions = conventions or Conventions()
    timeline = status_timeline(record, conventions=conventions)
    current = next((p for p in timeline if p.covers(on)), None)
    status = current.status if current else LeaverStatus.NONE
    first = next((p.start for p in timeline if p.status is LeaverStatus.ELIGIBLE), None)
    return LeaverDetermination(
        child_id=record.id,
        on=on,
        status=status,
        since=current.start if current else None,
        eligible_from=first,
        days_counted=_days_counted(record, on, conventions),
        entitlements=_entitlements(record, current, on, conventions),
    )


def care_leaver_status(
    record: CaseRecord, on: dt.date, *, conventions: Conventions | None = None
) -> LeaverStatus:
    """The young person's leaving-care status on ``on``, to compare with a
    :class:`~corparent.law.LeaverStatus`; :func:`care_leaver_determination` gives the dates
    and entitlements behind it.

    >>> import datetime as dt
    >>> from corparent.codes import LegalStatus, PlacementType
    >>> from corparent.law import LeaverStatus
    >>> from corparent.model import CaseRecord, Child, Episode
    >>> record = CaseRecord(
    ...     child=Child(id="C17", date_of_birth=dt.date(2008, 3, 15)),
    ...     episodes=[Episode(start=dt.date(2023, 6, 1), legal_status=LegalStatus.C2,
    ...                       placement=PlacementType.U4)],
    ... )
    >>> care_leaver_status(record, dt.date(2024, 4, 1)) is LeaverStatus.ELIGIBLE
    True
    """
    conventions = conventions or Conventions()
    timeline = status_timeline(record, conventions=conventions)
    current = next((p for p in timeline if p.covers(on)), None)
    return current.status if current else LeaverStatus.NONE


def explain(determination: LeaverDetermination) -> str:
    """Say in a few sentences what the status is, since when, and what follows from it."""
    d = determination
    parts = [f"On {d.on.isoformat()} child {d.child_id} is"]
    if d.status is LeaverStatus.NONE:
        parts.append("not a care leaver under the Children Act 1989 (no leaving-care status).")
    else:
        name = d.status.value.replace("_", " ")
        article = "an" if name[0] in "aeiou" else "a"
        parts.append(
            f"{article} {name} child ({d.status.description}; "
            f"{d.status.citation}), since {d.since.isoformat() if d.since else 'unknown'}."
        )
    parts.append(f"{d.days_counted} days count towards the 13 weeks of CPPCR 2010 reg 40.")
    for e in d.entitlements:
        end = e.end.isoformat() if e.end else "no fixed end"
        parts.append(f"Entitled to {e.name} ({e.citation}) until {end}.")
    return " ".join(parts)
