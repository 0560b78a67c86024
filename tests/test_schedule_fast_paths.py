"""The engine's internal fast paths give exactly what the public helpers give."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from corparent.dates import ANY_PART_OF_THE_UK, add_months
from corparent.dates._arith import add_months_unchecked
from corparent.law import (
    ENGLAND,
    AfterPeriodBeginningWith,
    BeforeEvent,
    Conventions,
    DeadlineRule,
    EndOfSchoolTerm,
    IntervalMaxMonths,
    IntervalMaxWeeks,
    NotMoreThanMonthsAfter,
    PeriodNotExceedingWeeks,
    PeriodNotExceedingWorkingDays,
    UntilAge,
    WithinDays,
    WithinWeeks,
    WithinWorkingDays,
)
from corparent.schedule import Obligation, Status
from corparent.schedule._obligation import new_obligation
from corparent.schedule._run import compile_due

DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))
N = st.integers(min_value=0, max_value=60)
RULES = st.one_of(
    N.map(lambda n: WithinWorkingDays(days=n)),
    N.map(lambda n: PeriodNotExceedingWorkingDays(days=n)),
    N.map(lambda n: WithinDays(days=n)),
    N.map(lambda n: AfterPeriodBeginningWith(days=n)),
    N.map(lambda n: WithinWeeks(weeks=n)),
    N.map(lambda n: IntervalMaxWeeks(weeks=n)),
    N.map(lambda n: PeriodNotExceedingWeeks(weeks=n)),
    N.map(lambda n: NotMoreThanMonthsAfter(months=n)),
    N.map(lambda n: IntervalMaxMonths(months=n)),
    N.map(lambda n: UntilAge(age=n)),
    N.map(lambda n: BeforeEvent(event="the first review", long_stop=WithinWeeks(weeks=n))),
    N.map(lambda n: BeforeEvent(event="the first review", long_stop=WithinWorkingDays(days=n))),
    st.just(BeforeEvent(event="the first review")),
    st.just(EndOfSchoolTerm()),
)
CONVENTIONS = st.builds(
    Conventions,
    count_trigger_day=st.booleans(),
    period_includes_trigger=st.booleans(),
    calendar=st.sampled_from([Conventions().calendar, ANY_PART_OF_THE_UK]),
)


@settings(max_examples=300, deadline=None)
@given(rule=RULES, conventions=CONVENTIONS, trigger=DAYS)
def test_compiled_due_equals_rule_due(
    rule: DeadlineRule, conventions: Conventions, trigger: dt.date
) -> None:
    assert compile_due(rule, conventions)(trigger) == rule.due(trigger, conventions)


def test_compiled_due_of_every_england_rule() -> None:
    conventions = ENGLAND.conventions
    for duty in ENGLAND:
        for version in duty.versions:
            if version.rule.computable:
                due = compile_due(version.rule, conventions)
                for trigger in (dt.date(2024, 2, 29), dt.date(2023, 12, 22), dt.date(2025, 8, 31)):
                    assert due(trigger) == version.rule.due(trigger, conventions), duty.id


@given(day=DAYS, months=st.integers(min_value=-240, max_value=240))
def test_add_months_unchecked_equals_add_months(day: dt.date, months: int) -> None:
    assert add_months_unchecked(day, months) == add_months(day, months)


def test_new_obligation_equals_attrs_construction() -> None:
    duty = ENGLAND["review_first"]
    fields = {
        "duty": duty,
        "version": duty.versions[0],
        "child_id": "C1",
        "trigger": dt.date(2024, 1, 2),
        "due": dt.date(2024, 1, 30),
        "met_on": None,
        "status": Status.MISSED,
        "about": "period of care from 2024-01-02",
        "reason": "why",
        "closed_on": dt.date(2024, 2, 5),
    }
    made = new_obligation(**fields)  # type: ignore[arg-type]
    built = Obligation(**fields)  # type: ignore[arg-type]
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    assert attrs.asdict(made, recurse=False) == attrs.asdict(built, recurse=False)
    assert [f.name for f in attrs.fields(Obligation)] == list(fields)
