"""The state one record's scheduling run shares: emitting obligations, chains, one-offs."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from operator import add, attrgetter
from typing import Any

from corparent.dates._arith import add_months_unchecked
from corparent.law import (
    AfterPeriodBeginningWith,
    BeforeEvent,
    Conventions,
    DeadlineRule,
    Duty,
    DutyVersion,
    Force,
    IntervalMaxMonths,
    IntervalMaxWeeks,
    NotMoreThanMonthsAfter,
    PeriodNotExceedingWeeks,
    PeriodNotExceedingWorkingDays,
    RuleSet,
    WithinDays,
    WithinWeeks,
    WithinWorkingDays,
)
from corparent.law._rules import term_containing
from corparent.leaving_care import StatusPeriod, status_timeline
from corparent.model import CaseRecord, Episode, EvidenceWindow, PeriodOfCare
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

ONE_DAY = dt.timedelta(days=1)
WEEK = dt.timedelta(weeks=1)
_GUIDANCE = (Force.STATUTORY_GUIDANCE, Force.PRACTICE)
StepFn = Callable[[int, dt.date], str | None]
Term = tuple[dt.date, dt.date, str]
"""A school term's first and last days and what an obligation for it is about."""
DueFn = Callable[[dt.date], dt.date]


class Steps:
    """A chain's duties as data, for the shapes most step functions take: step ``k`` is
    ``first[k]`` while ``k < len(first)``; every later step is ``later[i]``, ``i`` the number
    of ``bounds`` (ascending days) on or before its trigger. A ``None`` duty ends the chain.

    Called as ``steps(k, trigger)`` it is the step function it stands for; :meth:`Run.chain`
    reads it without a call per step.
    """

    __slots__ = ("bounds", "compiled", "first", "later")

    def __init__(
        self,
        first: tuple[str, ...],
        later: tuple[str | None, ...],
        bounds: tuple[dt.date, ...] = (),
    ) -> None:
        if len(later) != len(bounds) + 1:
            raise ValueError("one later duty more than bounds")
        self.first = first
        self.later = later
        self.bounds = bounds
        self.compiled: tuple[_Law, tuple[_Step, ...], tuple[_Step, ...]] | None = None
        """The law the steps were last read under, and :meth:`_Law.tables_of` under it."""

    def __call__(self, k: int, trigger: dt.date) -> str | None:
        if k < len(self.first):
            return self.first[k]
        return self.later[bisect_right(self.bounds, trigger)]


def compile_due(rule: DeadlineRule, conventions: Conventions) -> DueFn:
    """``rule.due`` under ``conventions`` as a function of the trigger alone.

    For the standard rules, whose due date depends on the trigger alone, the function adds
    a fixed number of days in C, or (months, working days) is a dictionary lookup
    remembering each trigger's due date; a rule of any other class calls its own ``due``
    every time.
    """
    kind = rule.__class__
    if kind is WithinWeeks or kind is IntervalMaxWeeks:
        return _plus(dt.timedelta(weeks=rule.weeks))  # type: ignore[attr-defined]
    if kind is WithinDays or kind is AfterPeriodBeginningWith:
        return _plus(dt.timedelta(days=rule.days))  # type: ignore[attr-defined]
    if kind is PeriodNotExceedingWeeks:
        weeks = dt.timedelta(weeks=rule.weeks)  # type: ignore[attr-defined]
        return _plus(weeks - ONE_DAY if conventions.period_includes_trigger else weeks)
    if kind is NotMoreThanMonthsAfter or kind is IntervalMaxMonths:
        months: int = rule.months  # type: ignore[attr-defined]
        return _Memo(lambda trigger: add_months_unchecked(trigger, months)).__getitem__
    if kind is BeforeEvent:
        long_stop: DeadlineRule | None = rule.long_stop  # type: ignore[attr-defined]
        return _same if long_stop is None else compile_due(long_stop, conventions)
    if kind is WithinWorkingDays or kind is PeriodNotExceedingWorkingDays:
        days: int = rule.days  # type: ignore[attr-defined]
        add = conventions.calendar.add_working_days
        count_trigger_day = conventions.count_trigger_day
        return _Memo(
            lambda trigger: add(trigger, days, count_trigger_day=count_trigger_day)
        ).__getitem__
    due = rule.due
    return lambda trigger: due(trigger, conventions)


def _same(trigger: dt.date) -> dt.date:
    return trigger


def _plus(delta: dt.timedelta) -> DueFn:
    # ``delta + trigger`` (the same date as ``trigger + delta``) in C: no lookup in a table
    # that grows with every trigger date seen.
    return partial(add, delta)


class _Memo(dict[dt.date, dt.date]):
    """A pure function of a date, remembered: looking up a date computes it once."""

    __slots__ = ("fn",)

    def __init__(self, fn: DueFn) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: dt.date) -> dt.date:
        value = self[key] = self.fn(key)
        return value


_Step = tuple[Duty | None, DutyVersion | None, DueFn | None]
_ABSENT: _Step = (None, None, None)


class _Law:
    """What a rule set and conventions settle once for every record: which duties apply (the
    guidance filter), and for a duty with a single open-ended version, that version and its
    due date as a function of the trigger."""

    __slots__ = (
        "answers",
        "conventions",
        "dues",
        "duties",
        "own_trigger",
        "rules",
        "steps",
        "tables",
        "term_runs",
        "terms",
    )

    def __init__(self, rules: RuleSet, conventions: Conventions) -> None:
        self.rules = rules
        self.conventions = conventions
        self.answers: dict[str, Any] = {}
        """What planners ask of the law alone, remembered (see :meth:`Run.law_answer`)."""
        self.tables: dict[tuple[str | None, ...], tuple[_Step, ...]] = {}
        """:meth:`step` of each duty of a :class:`Steps` ``first`` or ``later``."""
        guidance = conventions.include_guidance
        self.duties: dict[str, Duty] = {
            duty.id: duty for duty in rules if guidance or duty.force not in _GUIDANCE
        }
        self.steps: dict[str, _Step] = {}
        self.dues: dict[DeadlineRule, DueFn] = {}
        """:meth:`due_of` each rule: duties with equal rules share one function (and the due
        dates it remembers)."""
        self.terms: dict[dt.date, tuple[dt.date, dt.date]] = {}
        self.term_runs: dict[tuple[dt.date, dt.date], tuple[Term, ...]] = {}
        """:meth:`Run.terms_after`, by (the last day of the term it follows, ``as_of``)."""
        self.own_trigger = tuple(
            duty for duty in rules if duty.tightens is None and duty.force is Force.LOCAL
        )
        """The local duties with a trigger of their own (not tightening a statutory duty)."""

    def tables_of(self, plan: Steps) -> tuple[tuple[_Step, ...], tuple[_Step, ...]]:
        """:meth:`step` of each duty of ``plan.first`` and of ``plan.later``."""
        tables = self.tables
        first = tables.get(plan.first)
        if first is None:
            first = tables[plan.first] = tuple(self.step(i) for i in plan.first)
        later = tables.get(plan.later)
        if later is None:
            later = tables[plan.later] = tuple(
                _ABSENT if i is None else self.step(i) for i in plan.later
            )
        return first, later

    def due_of(self, rule: DeadlineRule) -> DueFn:
        """:func:`compile_due` of ``rule``, one function for equal rules (a "before the first
        review" rule is its long-stop's)."""
        found = self.dues.get(rule)
        if found is None:
            long_stop = rule.long_stop if rule.__class__ is BeforeEvent else None
            if long_stop is not None:
                found = self.due_of(long_stop)
            else:
                found = compile_due(rule, self.conventions)
            self.dues[rule] = found
        return found

    def step(self, duty_id: str) -> _Step:
        """``(duty, version, due)``: ``duty`` is ``None`` when it does not apply; ``version``
        is its only version when it has one (no end), and ``due`` that version's due date
        function, ``None`` when the rule gives no date; else both are ``None``."""
        found = self.steps.get(duty_id)
        if found is not None:
            return found
        duty = self.duties.get(duty_id)
        if duty is None:
            found = _ABSENT
        elif len(duty.versions) == 1 and duty.versions[0].until is None:
            version = duty.versions[0]
            due = self.due_of(version.rule) if version.rule.computable else None
            found = (duty, version, due)
        else:
            found = (duty, None, None)
        self.steps[duty_id] = found
        return found


_LAWS: dict[tuple[int, int], _Law] = {}


def _law(rules: RuleSet, conventions: Conventions) -> _Law:
    key = (id(rules), id(conventions))
    law = _LAWS.get(key)
    if law is not None and law.rules is rules and law.conventions is conventions:
        return law
    if len(_LAWS) > 64:
        _LAWS.clear()
    law = _LAWS[key] = _Law(rules, conventions)
    return law


class Run:
    """One record being scheduled: the shared state every planner uses."""

    __slots__ = (
        "_complete",
        "_default",
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
        self.out: list[Obligation] = []
        self.regime: tuple[PeriodOfCare, Any] | None = None
        """The regime of the period of care last asked about (see ``_breaks.regime``)."""
        self.memo: dict[tuple[str, int], tuple[object, Any]] = {}
        """What planners work out about one period of care and share, by (what, the period's
        ``id``); the period itself is kept beside the value to check it."""
        self._timeline: tuple[StatusPeriod, ...] | None = None
        law = self._law = _law(rules, conventions)
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

    def step(self, duty_id: str) -> _Step:
        """``(duty, version, due)`` of ``duty_id`` under this run's law (see :meth:`_Law.step`)."""
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
        # The loop below is resolve() and emit_known() inlined: it runs for most obligations.
        steps = self._steps
        law_step = self._law.step
        table: tuple[_Step, ...] | None = None
        later: tuple[_Step, ...] = ()
        bounds: tuple[dt.date, ...] = ()
        firsts = 0
        if step.__class__ is Steps:  # the duties looked up once, not asked step by step
            plan: Steps = step
            law = self._law
            compiled = plan.compiled
            if compiled is None or compiled[0] is not law:
                compiled = plan.compiled = (law, *law.tables_of(plan))
            _, table, later = compiled
            bounds = plan.bounds
            firsts = len(table)
        conventions = self.conventions
        from_actual = conventions.chain_from_actual
        emit = self.emit_known if self.has_local else self._append
        # With complete evidence and no local standard, judging needs no window (_append).
        fast = self._complete and not self.has_local
        out = self.out.append
        child_id = self.subject_id
        for step_index in range(k, k + 10_000):
            if trigger > as_of:
                return
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
            if met is None or met > as_of:
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
            trigger = met if from_actual else due
            index += 1
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
        elif self.fast:
            # _append() inlined: judged without a window.
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
_blank = partial(object.__new__, _Blank)
"""A new, empty :class:`~corparent.schedule._obligation._Blank` (see ``new_obligation``)."""
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
