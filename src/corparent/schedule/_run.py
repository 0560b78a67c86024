"""The state one record's scheduling run shares: emitting obligations, chains, one-offs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from corparent.law import Conventions, Duty, DutyVersion, Force, RuleSet
from corparent.leaving_care import StatusPeriod, status_timeline
from corparent.model import CaseRecord, PeriodOfCare
from corparent.schedule._obligation import Obligation, Status

__all__ = [
    "ONE_DAY",
    "WEEK",
    "Run",
    "StepFn",
    "event_dates",
    "is_short_break_period",
    "merged_periods",
]

ONE_DAY = dt.timedelta(days=1)
WEEK = dt.timedelta(weeks=1)
_GUIDANCE = (Force.STATUTORY_GUIDANCE, Force.PRACTICE)
StepFn = Callable[[int, dt.date], str | None]


class Run:
    """One record being scheduled: the shared state every planner uses."""

    __slots__ = (
        "_timeline",
        "as_of",
        "conventions",
        "has_local",
        "out",
        "record",
        "rules",
        "subject_id",
    )

    def __init__(
        self,
        record: CaseRecord,
        as_of: dt.date,
        rules: RuleSet,
        conventions: Conventions,
        subject_id: str | None = None,
    ) -> None:
        self.record = record
        self.subject_id = subject_id or record.id
        self.has_local = rules.has_local_standards
        self.as_of = as_of
        self.rules = rules
        self.conventions = conventions
        self.out: list[Obligation] = []
        self._timeline: tuple[StatusPeriod, ...] | None = None

    @property
    def timeline(self) -> tuple[StatusPeriod, ...]:
        if self._timeline is None:
            self._timeline = status_timeline(
                self.record, conventions=self.conventions, until=self.as_of
            )
        return self._timeline

    def duty(self, duty_id: str) -> Duty | None:
        duty = self.rules.get(duty_id)
        if duty is None:
            return None
        if duty.force in _GUIDANCE and not self.conventions.include_guidance:
            return None
        return duty

    def status(self, due: dt.date, met_on: dt.date | None) -> Status:
        if met_on is not None:
            return Status.MET if met_on <= due else Status.MET_LATE
        return Status.OVERDUE if due < self.as_of else Status.DUE

    def emit(
        self,
        duty: Duty,
        trigger: dt.date,
        met_on: dt.date | None,
        about: str,
        due: dt.date | None = None,
        version: DutyVersion | None = None,
    ) -> dt.date | None:
        """Record the obligation of ``duty`` triggered on ``trigger`` and of every local
        standard that tightens it; return the statutory due date (``None`` if not in force)."""
        if trigger > self.as_of:
            return None
        if version is None:
            version = duty.version_at(trigger)
        if version is None or not version.rule.computable:
            return None
        if met_on is not None and met_on > self.as_of:
            met_on = None
        due = due if due is not None else version.rule.due(trigger, self.conventions)
        self.out.append(
            Obligation(
                duty=duty,
                version=version,
                child_id=self.subject_id,
                trigger=trigger,
                due=due,
                met_on=met_on,
                status=self.status(due, met_on),
                about=about,
            )
        )
        if not self.has_local:
            return due
        for local in self.rules.tightening(duty.id):
            local_version = local.version_at(trigger)
            if local_version is None:
                continue
            local_due = local_version.rule.due(trigger, self.conventions)
            self.out.append(
                Obligation(
                    duty=local,
                    version=local_version,
                    child_id=self.subject_id,
                    trigger=trigger,
                    due=local_due,
                    met_on=met_on,
                    status=self.status(local_due, met_on),
                    about=about,
                )
            )
        return due

    def window_end(self, end: dt.date | None) -> dt.date | None:
        """The end of a window if it is already known on ``as_of``."""
        return end if end is not None and end <= self.as_of else None

    def chain(
        self,
        anchor: dt.date,
        step: StepFn,
        events: Sequence[dt.date],
        end: dt.date | None,
        about: str,
        *,
        first_event_may_precede: bool = False,
    ) -> None:
        """A chain of obligations: step 0 from ``anchor``, each next from the event that met
        the previous one. ``end`` closes the window (exclusive): an obligation falling due on
        or after it, unmet, lapses. Events are sorted dates inside the window."""
        window_end = self.window_end(end)
        trigger = anchor
        index = 0
        if not first_event_may_precede:
            while index < len(events) and events[index] < anchor:
                index += 1
        for k in range(10_000):
            duty_id = step(k, trigger)
            duty = self.duty(duty_id) if duty_id else None
            if duty is None:
                return
            version = duty.version_at(trigger)
            if version is None or trigger > self.as_of:
                return
            due = version.rule.due(trigger, self.conventions)
            met = events[index] if index < len(events) else None
            if met is not None and met > self.as_of:
                met = None
            if met is None:
                if window_end is not None and due >= window_end:
                    return
                self.emit(duty, trigger, None, about, due, version)
                return
            self.emit(duty, trigger, met, about, due, version)
            trigger = met if self.conventions.chain_from_actual else due
            index += 1
            while index < len(events) and events[index] <= met and events[index] < anchor:
                index += 1

    def once(
        self,
        duty_id: str,
        trigger: dt.date,
        events: Iterable[dt.date],
        about: str,
        *,
        end: dt.date | None = None,
        earliest: dt.date | None = None,
    ) -> None:
        """A one-off obligation met by the first event on or after ``earliest`` (default:
        the trigger); it lapses if the window ``end`` closes before it falls due."""
        duty = self.duty(duty_id)
        if duty is None:
            return
        start = earliest if earliest is not None else trigger
        met = next((d for d in events if d >= start), None)
        window_end = self.window_end(end)
        if met is not None and window_end is not None and met >= window_end:
            met = None
        if met is None and window_end is not None:
            version = duty.version_at(trigger)
            if version is None or version.rule.due(trigger, self.conventions) >= window_end:
                return
        self.emit(duty, trigger, met, about)


def event_dates(events: Iterable[object], start: dt.date, end: dt.date | None) -> list[dt.date]:
    out = []
    for event in events:
        day: dt.date = event.date  # type: ignore[attr-defined]
        if day >= start and (end is None or day < end):
            out.append(day)
    return out


def is_short_break_period(record: CaseRecord, period: PeriodOfCare) -> bool:
    if all(e.legal_status.is_short_break for e in period.episodes):
        return True
    return any(f.covers(period.start) for f in record.short_breaks)


def merged_periods(run: Run) -> list[PeriodOfCare]:
    """Periods of care, joining returns within ``new_period_min_gap_days`` (§20.6)."""
    gap = run.conventions.new_period_min_gap_days
    periods = list(run.record.periods_of_care())
    if gap <= 0 or len(periods) < 2:
        return periods
    merged = [periods[0]]
    for period in periods[1:]:
        last = merged[-1]
        if last.end is not None and (period.start - last.end).days <= gap:
            merged[-1] = PeriodOfCare(
                start=last.start, end=period.end, episodes=last.episodes + period.episodes
            )
        else:
            merged.append(period)
    return merged
