"""A rule set compiled once per rule set and conventions: each duty's due-date function, the
step tables of fixed-shape chains and the versions of single-version duties, shared by every
record a run schedules (:mod:`corparent.schedule._run` reads them)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable
from functools import partial
from operator import add
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

__all__ = [
    "ONE_DAY",
    "DueFn",
    "Law",
    "Step",
    "StepFn",
    "Steps",
    "Term",
    "compile_due",
    "compiled_law",
]

ONE_DAY = dt.timedelta(days=1)
StepFn = Callable[[int, dt.date], str | None]
Term = tuple[dt.date, dt.date, str]
"""A school term's first and last days and what an obligation for it is about."""
DueFn = Callable[[dt.date], dt.date]
_GUIDANCE = (Force.STATUTORY_GUIDANCE, Force.PRACTICE)


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
        self.compiled: tuple[Law, tuple[Step, ...], tuple[Step, ...]] | None = None
        """The law the steps were last read under, and :meth:`Law.tables_of` under it."""

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


Step = tuple[Duty | None, DutyVersion | None, DueFn | None]
_ABSENT: Step = (None, None, None)


class Law:
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
        self.tables: dict[tuple[str | None, ...], tuple[Step, ...]] = {}
        """:meth:`step` of each duty of a :class:`Steps` ``first`` or ``later``."""
        guidance = conventions.include_guidance
        self.duties: dict[str, Duty] = {
            duty.id: duty for duty in rules if guidance or duty.force not in _GUIDANCE
        }
        self.steps: dict[str, Step] = {}
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

    def tables_of(self, plan: Steps) -> tuple[tuple[Step, ...], tuple[Step, ...]]:
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

    def step(self, duty_id: str) -> Step:
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


_LAWS: dict[tuple[int, int], Law] = {}


def compiled_law(rules: RuleSet, conventions: Conventions) -> Law:
    key = (id(rules), id(conventions))
    law = _LAWS.get(key)
    if law is not None and law.rules is rules and law.conventions is conventions:
        return law
    if len(_LAWS) > 64:
        _LAWS.clear()
    law = _LAWS[key] = Law(rules, conventions)
    return law
