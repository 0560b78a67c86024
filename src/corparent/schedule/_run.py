"""The state one record's scheduling run shares: emitting obligations, chains, one-offs."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import Any

from corparent.law import (
    Conventions,
    Duty,
    DutyVersion,
    RuleSet,
)
from corparent.law._rules import term_containing
from corparent.leaving_care import StatusPeriod, status_timeline
from corparent.model import CaseRecord, Episode, EvidenceWindow, PeriodOfCare
from corparent.schedule._compiled import ONE_DAY, Step, StepFn, Steps, Term, compiled_law
from corparent.schedule._obligation import Obligation, Status, _Blank, new_obligation

__all__ = [
    "ONE_DAY",
    "UNSEEN_STEP",
    "WEEK",
    "Run",
    "StepFn",
    "Steps",
    "Term",
    "dates_between",
    "episode_start_known",
    "event_dates",
    "is_short_break_period",
    "merged_periods",
]

WEEK = dt.timedelta(weeks=1)


class Run:
    """One record being scheduled: the shared state every planner uses."""

    __slots__ = (
        "_complete",
        "_default",
        "_from_actual",
        "_law",
        "_steps",
        "_timeline",
        "_windows",
        "as_of",
        "complete",
        "conventions",
        "fast",
        "has_local",
        "memo",
        "out",
        "record",
        "regime",
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
        self._from_actual = conventions.chain_from_actual
        self.out: list[Obligation] = []
        self.regime: tuple[PeriodOfCare, Any] | None = None
        """The regime of the period of care last asked about (see ``_breaks.regime``)."""
        self.memo: dict[tuple[str, int], tuple[object, Any]] = {}
        """What planners work out about one period of care and share, by (what, the period's
        ``id``); the period itself is kept beside the value to check it."""
        self._timeline: tuple[StatusPeriod, ...] | None = None
        law = self._law = compiled_law(rules, conventions)
        self._steps = law.steps
        evidence = record.evidence
        self._windows = evidence.windows
        self._default = evidence.default
        self._complete = evidence.is_complete
        self.complete = self._complete
        """The record holds every kind of evidence over its whole history."""
        self.fast = self._complete and not self.has_local
        """Complete evidence and no local standard: every obligation is judged without a
        window, and stands alone (nothing tightens it)."""

    @property
    def timeline(self) -> tuple[StatusPeriod, ...]:
        if self._timeline is None:
            self._timeline = status_timeline(
                self.record, conventions=self.conventions, until=self.as_of
            )
        return self._timeline

    def duty(self, duty_id: str) -> Duty | None:
        return self._law.duties.get(duty_id)

    @property
    def local_duties(self) -> tuple[Duty, ...]:
        """The rule set's local duties with a trigger of their own, in rule-set order."""
        return self._law.own_trigger

    def step(self, duty_id: str) -> Step:
        """``(duty, version, due)`` of ``duty_id`` under this run's law (see :meth:`Law.step`)."""
        return self._steps.get(duty_id) or self._law.step(duty_id)

    def version_at(self, duty: Duty, day: dt.date) -> DutyVersion | None:
        """``duty.version_at(day)``, without a search when the duty has one open-ended
        version."""
        known, only, _ = self._steps.get(duty.id) or self._law.step(duty.id)
        if known is duty and only is not None:
            return only if only.in_force_from <= day else None
        return duty.version_at(day)

    def version_of(self, duty: Duty, trigger: dt.date) -> DutyVersion | None:
        """``duty.version_at(trigger)`` if its rule gives a date, else ``None``."""
        duty_id = duty.id
        known, version, due = self._steps.get(duty_id) or self._law.step(duty_id)
        if known is duty and version is not None:
            return version if due is not None and trigger >= version.in_force_from else None
        version = duty.version_at(trigger)
        return version if version is not None and version.rule.computable else None

    def law_answer(self, question: str, answer: Callable[[], Any]) -> Any:
        """``answer()``, a fact of the rule set and conventions alone (the same for every
        record), worked out once per rule set and conventions; ``question`` names it."""
        answers = self._law.answers
        found = answers.get(question, answers)
        if found is answers:
            found = answers[question] = answer()
        return found

    def due_on(self, duty: Duty, version: DutyVersion, trigger: dt.date) -> dt.date:
        """``version.rule.due(trigger, conventions)``, remembered when ``version`` is the
        duty's only version (the rule giving a date)."""
        known, only, due = self._steps.get(duty.id) or self._law.step(duty.id)
        if known is duty and only is version and due is not None:
            return due(trigger)
        return version.rule.due(trigger, self.conventions)

    def term(self, day: dt.date) -> tuple[dt.date, dt.date]:
        """The (first, last) days of the school term containing ``day``, or of the next."""
        terms = self._law.terms
        found = terms.get(day)
        if found is None:
            found = terms[day] = term_containing(day, self.conventions)
        return found

    def terms_after(self, day: dt.date) -> tuple[Term, ...]:
        """The school terms after the one containing ``day`` (or the next term), one after
        another up to ``as_of``: each (first day, last day, ``"school term from ..."``), the
        first day no earlier than the day after the previous term ended. The same for every
        record (remembered for the rule set and conventions)."""
        after = self.term(day)[1]
        key = (after, self.as_of)
        found = self._law.term_runs.get(key)
        if found is None:
            run: list[Term] = []
            day = after + ONE_DAY
            while day <= self.as_of:
                first, last = self.term(day)
                first = max(first, day)
                run.append((first, last, f"school term from {first.isoformat()}"))
                day = last + ONE_DAY
            found = self._law.term_runs[key] = tuple(run)
        return found

    def window(self, kind: str) -> EvidenceWindow:
        """The evidence window of ``kind`` (a CaseRecord field name) in this record."""
        return self._windows.get(kind, self._default)

    def judge(
        self,
        due: dt.date,
        met_on: dt.date | None,
        kind: str | None,
        closed_on: dt.date | None = None,
    ) -> tuple[Status, str]:
        """The status of an obligation due on ``due``, and why when the data limits it.

        ``closed_on`` is the day the clock stopped (care ended, the duty's window closed), if
        it stopped on or before ``as_of``.
        """
        window = self.window(kind) if kind else _ALL_KNOWN
        if not window.held:
            return Status.NOT_ASSESSABLE, f"The data holds no {_label(kind)}."
        if met_on is not None:
            return (Status.MET if met_on <= due else Status.MET_LATE), ""
        if window.end is not None and window.end < self.as_of and due > window.end:
            return (
                Status.NOT_ASSESSABLE,
                f"It fell due after {window.end.isoformat()}, where the data's {_label(kind)} end.",
            )
        if closed_on is not None and due < closed_on:
            return Status.MISSED, ""
        return (Status.OVERDUE if due < self.as_of else Status.DUE), ""

    def emit(
        self,
        duty: Duty,
        trigger: dt.date,
        met_on: dt.date | None,
        about: str,
        due: dt.date | None = None,
        version: DutyVersion | None = None,
        *,
        kind: str | None = None,
        closed_on: dt.date | None = None,
        status: Status | None = None,
        reason: str = "",
    ) -> dt.date | None:
        """Record the obligation of ``duty`` triggered on ``trigger`` and of every local
        standard that tightens it; return the statutory due date (``None`` if not in force).

        ``kind`` names the evidence that discharges it (its window decides what can be
        judged); ``status`` forces a status (with ``reason``) the caller has worked out.
        """
        if trigger > self.as_of:
            return None
        if version is None:
            version = self.version_of(duty, trigger)
            if version is None:
                return None
        elif not version.rule.computable:
            return None
        if met_on is not None and met_on > self.as_of:
            met_on = None
        due = due if due is not None else version.rule.due(trigger, self.conventions)
        self._append(duty, version, trigger, due, met_on, about, kind, closed_on, status, reason)
        if self.has_local:
            self._tighten(duty, trigger, met_on, about, kind, closed_on, status, reason)
        return due

    def emit_known(
        self,
        duty: Duty,
        version: DutyVersion,
        trigger: dt.date,
        due: dt.date,
        met_on: dt.date | None,
        about: str,
        kind: str,
        closed_on: dt.date | None = None,
        status: Status | None = None,
        reason: str = "",
    ) -> None:
        """:meth:`emit` once the caller has settled that ``version`` is in force and
        computable on ``trigger`` (on or before ``as_of``), its ``due`` date, and ``met_on``
        (none after ``as_of``)."""
        self._append(duty, version, trigger, due, met_on, about, kind, closed_on, status, reason)
        if self.has_local:
            self._tighten(duty, trigger, met_on, about, kind, closed_on, status, reason)

    def _tighten(
        self,
        duty: Duty,
        trigger: dt.date,
        met_on: dt.date | None,
        about: str,
        kind: str | None,
        closed_on: dt.date | None,
        status: Status | None,
        reason: str,
    ) -> None:
        """The obligations of the local standards tightening ``duty``."""
        for local in self.rules.tightening(duty.id):
            local_version = local.version_at(trigger)
            if local_version is None:
                continue
            local_due = local_version.rule.due(trigger, self.conventions)
            self._append(
                local,
                local_version,
                trigger,
                local_due,
                met_on,
                about,
                kind,
                closed_on,
                status,
                reason,
            )

    def _append(
        self,
        duty: Duty,
        version: DutyVersion,
        trigger: dt.date,
        due: dt.date,
        met_on: dt.date | None,
        about: str,
        kind: str | None,
        closed_on: dt.date | None = None,
        status: Status | None = None,
        reason: str = "",
    ) -> None:
        if status is None:
            # judge(), inlined: this runs for every obligation.
            if self._complete or not kind:
                if met_on is not None:
                    status = Status.MET if met_on <= due else Status.MET_LATE
                elif closed_on is not None and due < closed_on:
                    status = Status.MISSED
                else:
                    status = Status.OVERDUE if due < self.as_of else Status.DUE
            else:
                status, why = self.judge(due, met_on, kind, closed_on)
                reason = why or reason
        self.out.append(
            new_obligation(
                duty,
                version,
                self.subject_id,
                trigger,
                due,
                met_on,
                status,
                about,
                reason,
                closed_on if status is Status.MISSED else None,
            )
        )

    def window_end(self, end: dt.date | None) -> dt.date | None:
        """The end of a window if it is already known on ``as_of``."""
        return end if end is not None and end <= self.as_of else None

    def resolve(
        self, duty_id: str | None, trigger: dt.date
    ) -> tuple[Duty, DutyVersion, dt.date] | None:
        """The duty ``duty_id`` (if it applies), its version in force on ``trigger`` and the
        due date, or ``None`` when it does not apply or gives no date."""
        if not duty_id:
            return None
        duty, version, due = self._steps.get(duty_id) or self._law.step(duty_id)
        if duty is None:
            return None
        if version is not None:
            if due is None or trigger < version.in_force_from:
                return None
            return duty, version, due(trigger)
        version = duty.version_at(trigger)
        if version is None or not version.rule.computable:
            return None
        return duty, version, version.rule.due(trigger, self.conventions)

    def chain(
        self,
        anchor: dt.date,
        step: StepFn | Steps,
        events: Sequence[dt.date],
        end: dt.date | None,
        about: str,
        *,
        kind: str,
        anchor_known: bool = True,
        first_event_may_precede: bool = False,
    ) -> None:
        """A chain of obligations: step 0 from ``anchor``, each next from the event that met
        the previous one. ``end`` closes the window (exclusive): an obligation falling due on
        or after it, unmet, lapses; one that fell due before it, unmet, is missed. Events are
        sorted dates of ``kind`` inside the window.

        When the data may not hold every event since ``anchor`` (the evidence of ``kind``
        starts after it, or the anchor itself lies before the data on an unknown day), the
        chain first asks what holds whatever happened before the data: the next event was due
        at the latest one full interval after the day before the data starts. A first known
        event after that is certainly late; one before it cannot be judged. The chain then
        resumes from the first known event.
        """
        as_of = self.as_of
        if anchor > as_of:
            return
        window_end = end if end is not None and end <= as_of else None
        count = len(events)
        index = 0
        if not first_event_may_precede:
            while index < count and events[index] < anchor:
                index += 1
        trigger = anchor
        k = 0
        if self._complete:
            blind = not anchor_known
            start = None
        else:
            window = self._windows.get(kind, self._default)
            if not window.held:
                self._not_held(step, anchor, about, kind, window_end)
                return
            start = window.start
            blind = not anchor_known or (start is not None and start > anchor)
        if blind:
            horizon = start if start is not None else anchor
            resumed = self._blind_start(
                anchor, anchor_known, horizon, step, events, index, window_end, about, kind
            )
            if resumed is None:
                return
            trigger, index, k = resumed
            if trigger > as_of:
                return
        if count and events[-1] > as_of:
            # Events after as_of are not known yet: the loop reads none of them (the events
            # are in date order), so it need not compare each event it reads with as_of.
            count = bisect_right(events, as_of, index)
        # The loop below is resolve() and emit_known() inlined: it runs for most obligations.
        table: tuple[Step, ...] | None = None
        if step.__class__ is Steps:  # the duties looked up once, not asked step by step
            plan: Steps = step
            law = self._law
            compiled = plan.compiled
            if compiled is None or compiled[0] is not law:
                compiled = plan.compiled = (law, *law.tables_of(plan))
            _, table, later = compiled
            bounds = plan.bounds
            firsts = len(table)
        else:
            steps = self._steps
            law_step = self._law.step
        conventions = self.conventions
        from_actual = self._from_actual
        # With complete evidence and no local standard, judging needs no window (_append).
        fast = self.fast
        if not fast:
            emit = self.emit_known if self.has_local else self._append
        out = self.out.append
        child_id = self.subject_id
        # The trigger is on or before as_of at the top of every step: the anchor and a resumed
        # trigger are checked above, an event that met a step is (later ones end the chain),
        # and a due date is checked as it becomes the trigger.
        for step_index in range(k, k + 10_000):
            if table is None:
                duty_id = step(step_index, trigger)
                if not duty_id:
                    return
                duty, version, due_fn = steps.get(duty_id) or law_step(duty_id)
            elif step_index < firsts:
                duty, version, due_fn = table[step_index]
            else:
                duty, version, due_fn = later[bisect_right(bounds, trigger) if bounds else 0]
            if duty is None:
                return
            if version is not None:
                if due_fn is None or trigger < version.in_force_from:
                    return
                due = due_fn(trigger)
            else:
                version = duty.version_at(trigger)
                if version is None or not version.rule.computable:
                    return
                due = version.rule.due(trigger, conventions)
            met = events[index] if index < count else None
            if met is None:
                if window_end is not None and due >= window_end:
                    return
                if not fast:
                    emit(duty, version, trigger, due, None, about, kind, window_end)
                elif window_end is not None:  # due < window_end: missed
                    out(
                        new_obligation(
                            duty,
                            version,
                            child_id,
                            trigger,
                            due,
                            None,
                            _MISSED,
                            about,
                            "",
                            window_end,
                        )
                    )
                else:
                    status = _OVERDUE if due < as_of else _DUE
                    out(
                        new_obligation(
                            duty, version, child_id, trigger, due, None, status, about, "", None
                        )
                    )
                return
            if fast:
                # new_obligation() inlined: most obligations are made here.
                made = _blank()
                made.duty = duty
                made.version = version
                made.child_id = child_id
                made.trigger = trigger
                made.due = due
                made.met_on = met
                made.status = _MET if met <= due else _MET_LATE
                made.about = about
                made.reason = ""
                made.closed_on = None
                made.__class__ = Obligation  # type: ignore[assignment]
                out(made)  # type: ignore[arg-type]
            else:
                emit(duty, version, trigger, due, met, about, kind)
            if from_actual:
                trigger = met
            else:
                trigger = due
                if trigger > as_of:
                    return
            index += 1
            if first_event_may_precede:
                # Events before the anchor were skipped above unless they may come first: only
                # then can the next one lie before it (a step the loop need not ask otherwise).
                while index < count and events[index] <= met and events[index] < anchor:
                    index += 1

    def _blind_start(
        self,
        anchor: dt.date,
        anchor_known: bool,
        horizon: dt.date,
        step: StepFn,
        events: Sequence[dt.date],
        index: int,
        window_end: dt.date | None,
        about: str,
        kind: str,
    ) -> tuple[dt.date, int, int] | None:
        """The first obligation of a chain whose earlier events the data may not hold.

        Returns where the chain resumes (trigger, event index, step), or ``None`` if it ends.
        """
        last_unseen = horizon - ONE_DAY
        found = self.resolve(step(UNSEEN_STEP, last_unseen), last_unseen)
        if found is None:
            return None
        duty, version, due = found
        trigger = last_unseen
        if anchor_known:
            # With no event at all since the anchor, the first step was due from the anchor.
            first = self.resolve(step(0, anchor), anchor)
            if first is not None and first[2] > due:
                duty, version, due = first
                trigger = anchor
        while index < len(events) and events[index] < horizon:
            index += 1
        met = events[index] if index < len(events) else None
        if met is not None and met > self.as_of:
            met = None
        label = _label(kind)
        bound = (
            f"The {label} before {horizon.isoformat()} are not in the data, so this is judged "
            f"against the latest day it could have been due."
        )
        if met is None:
            if window_end is not None and due >= window_end:
                return None
            if due < self.as_of:
                self.emit(
                    duty,
                    trigger,
                    None,
                    about,
                    due,
                    version,
                    kind=kind,
                    closed_on=window_end,
                    reason=bound,
                )
            else:
                self.emit(
                    duty,
                    trigger,
                    None,
                    about,
                    due,
                    version,
                    kind=kind,
                    status=Status.NOT_ASSESSABLE,
                    reason=f"Due by {due.isoformat()} at the latest; the last of the {label} "
                    f"before {horizon.isoformat()} is not in the data, so it may be due sooner.",
                )
            return None
        if met > due:
            self.emit(duty, trigger, met, about, due, version, kind=kind, reason=bound)
        else:
            self.emit(
                duty,
                trigger,
                met,
                about,
                due,
                version,
                kind=kind,
                status=Status.NOT_ASSESSABLE,
                reason=f"Whether {met.isoformat()} was in time depends on {label} before "
                f"{horizon.isoformat()}, which the data does not hold.",
            )
        resume = met if self.conventions.chain_from_actual else due
        return resume, index + 1, UNSEEN_STEP + 1

    def _not_held(
        self,
        step: StepFn,
        anchor: dt.date,
        about: str,
        kind: str,
        window_end: dt.date | None,
    ) -> None:
        """The first obligation of a chain whose events the data holds none of."""
        found = self.resolve(step(0, anchor), anchor)
        if found is None:
            return
        duty, version, due = found
        if window_end is not None and due >= window_end:
            return
        self.emit(duty, anchor, None, about, due, version, kind=kind)

    def once(
        self,
        duty_id: str,
        trigger: dt.date,
        events: Iterable[dt.date],
        about: str,
        *,
        kind: str,
        end: dt.date | None = None,
        earliest: dt.date | None = None,
        trigger_known: bool = True,
        due: dt.date | None = None,
    ) -> None:
        """A one-off obligation met by the first event on or after ``earliest`` (default:
        the trigger); it lapses if the window ``end`` closes before it falls due, and is
        missed if the window closes after it fell due, unmet. ``due`` overrides the rule's
        date (a "before the first review" long-stop brought forward by an early review).

        It is not assessable when the trigger lies before the data on an unknown day
        (``trigger_known=False``), or when an event that would discharge it may lie before
        the data's window and no known event settles it.
        """
        as_of = self.as_of
        if trigger > as_of:
            return
        duty, version, due_fn = self._steps.get(duty_id) or self._law.step(duty_id)
        if duty is None:
            return
        if version is not None:
            if due_fn is None or trigger < version.in_force_from:
                return
            if due is None:
                due = due_fn(trigger)
        else:
            version = duty.version_at(trigger)
            if version is None or not version.rule.computable:
                return
            if due is None:
                due = version.rule.due(trigger, self.conventions)
        start = earliest if earliest is not None else trigger
        met = None
        for day in events:
            if day >= start:
                met = day
                break
        window_end = end if end is not None and end <= as_of else None
        if met is not None and (met > as_of or (window_end is not None and met >= window_end)):
            met = None
        if met is None and window_end is not None and due >= window_end:
            return
        if self.fast and trigger_known:
            # _append() inlined: judged without a window (asked first: most one-offs are).
            if met is not None:
                status = _MET if met <= due else _MET_LATE
            elif window_end is not None and due < window_end:
                status = _MISSED
            else:
                status = _OVERDUE if due < as_of else _DUE
            made = _blank()  # new_obligation() inlined
            made.duty = duty
            made.version = version
            made.child_id = self.subject_id
            made.trigger = trigger
            made.due = due
            made.met_on = met
            made.status = status
            made.about = about
            made.reason = ""
            made.closed_on = window_end if status is _MISSED else None
            made.__class__ = Obligation  # type: ignore[assignment]
            self.out.append(made)  # type: ignore[arg-type]
            return
        window = _ALL_KNOWN if self._complete else self._windows.get(kind, self._default)
        if not window.held:
            self.emit_known(duty, version, trigger, due, None, about, kind)
        elif not trigger_known:
            self.emit_known(
                duty,
                version,
                trigger,
                due,
                met,
                about,
                kind,
                None,
                Status.NOT_ASSESSABLE,
                _BEFORE_WINDOW,
            )
        elif window.start is not None and start < window.start and (met is None or met > due):
            self.emit_known(
                duty,
                version,
                trigger,
                due,
                met,
                about,
                kind,
                None,
                Status.NOT_ASSESSABLE,
                f"The {_label(kind)} before {window.start.isoformat()} are not in the data, "
                "and one of them may have met it.",
            )
        else:
            self.emit_known(duty, version, trigger, due, met, about, kind, window_end)


_MET = Status.MET
_blank = _Blank
"""A new, empty :class:`~corparent.schedule._obligation._Blank` (see ``new_obligation``): the
class called with no arguments, which is quicker than ``object.__new__`` through a partial."""
_MET_LATE = Status.MET_LATE
_MISSED = Status.MISSED
_OVERDUE = Status.OVERDUE
_DUE = Status.DUE
_BEFORE_WINDOW = "It began before the data's window, on a day the data does not hold."

UNSEEN_STEP = 1_000
"""The step a chain is at after an unknown number of events before the data's window."""

_ALL_KNOWN = EvidenceWindow()


_LABELS = {
    "iro_appointments": "IRO appointments",
    "peps": "Personal Education Plans",
    "pa_contacts": "personal adviser contacts",
    "carer_reviews": "foster carer reviews",
}


def _label(kind: str | None) -> str:
    """A kind of evidence in words, e.g. ``"IRO appointments"``."""
    if kind is None:
        return "events"
    return _LABELS.get(kind) or kind.replace("_", " ")


def episode_start_known(period: PeriodOfCare, episode: Episode) -> bool:
    """True if the data holds the day ``episode`` (of ``period``) began: any episode but the
    first of a period whose start the data does not hold."""
    return period.start_known or episode is not period.episodes[0]


def event_dates(events: Iterable[object], start: dt.date, end: dt.date | None) -> list[dt.date]:
    """The dates of ``events`` (in date order, as a record holds them) on or after ``start``
    and before ``end``."""
    days: list[dt.date] = list(map(_DATE, events))
    if not days or (start <= days[0] and (end is None or days[-1] < end)):
        return days  # all of them: the common case
    low = bisect_left(days, start)
    high = len(days) if end is None else bisect_left(days, end)
    return days[low:high]


_DATE = attrgetter("date")


def dates_between(days: list[dt.date], start: dt.date, end: dt.date | None) -> list[dt.date]:
    """The ``days`` (ascending) on or after ``start`` and before ``end``."""
    if not days or (start <= days[0] and (end is None or days[-1] < end)):
        return days[:]  # all of them: the common case
    low = bisect_left(days, start)
    high = len(days) if end is None else bisect_left(days, end)
    return days[low:high]


def is_short_break_period(record: CaseRecord, period: PeriodOfCare) -> bool:
    if all(e.legal_status.is_short_break for e in period.episodes):
        return True
    return any(f.covers(period.start) for f in record.short_breaks)


def merged_periods(run: Run) -> list[PeriodOfCare]:
    """Periods of care, joining returns within ``new_period_min_gap_days``."""
    gap = run.conventions.new_period_min_gap_days
    periods = list(run.record.periods_of_care())
    if gap <= 0 or len(periods) < 2:
        return periods
    merged = [periods[0]]
    for period in periods[1:]:
        last = merged[-1]
        if last.end is not None and (period.start - last.end).days <= gap:
            merged[-1] = PeriodOfCare(
                start=last.start,
                end=period.end,
                episodes=last.episodes + period.episodes,
                start_known=last.start_known,
            )
        else:
            merged.append(period)
    return merged
