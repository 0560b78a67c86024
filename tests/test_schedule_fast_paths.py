"""The engine's internal fast paths give exactly what the public helpers give."""

from __future__ import annotations

import datetime as dt
import pickle
import random

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corparent import synth
from corparent.codes import LegalStatus, PlacementType
from corparent.dates import ANY_PART_OF_THE_UK, add_months
from corparent.dates._arith import add_months_unchecked
from corparent.jurisdiction import Jurisdiction
from corparent.law import (
    ENGLAND,
    LAWS,
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
from corparent.law._rules import term_containing
from corparent.model import CaseRecord, Child, Episode, PlacementUntil18
from corparent.schedule import Obligation, Schedule, Status, schedule
from corparent.schedule._compiled import Law, Steps, compile_due
from corparent.schedule._education import _looked_after_until
from corparent.schedule._obligation import new_obligation, new_schedule
from corparent.schedule._run import UNSEEN_STEP, Run, dates_between
from corparent.schedule._visits import _plain_steps

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
    assert type(made) is Obligation
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.due = dt.date(2024, 1, 31)  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(made)) == built


# -- chains of fixed shape (Steps) and event dates by bisection ------------------------------

SORTED_DAYS = st.lists(DAYS, max_size=12).map(sorted)


@given(days=SORTED_DAYS, start=DAYS, end=st.none() | DAYS)
def test_dates_between_equals_the_filter(
    days: list[dt.date], start: dt.date, end: dt.date | None
) -> None:
    want = [d for d in days if d >= start and (end is None or d < end)]
    assert dates_between(days, start, end) == want


@given(
    first=st.lists(st.sampled_from(["a", "b", "c"]), max_size=3),
    later=st.lists(st.none() | st.sampled_from(["x", "y"]), min_size=1, max_size=4),
    data=st.data(),
)
def test_steps_are_the_step_function_they_stand_for(
    first: list[str], later: list[str | None], data: st.DataObject
) -> None:
    bounds = sorted(data.draw(st.lists(DAYS, min_size=len(later) - 1, max_size=len(later) - 1)))
    steps = Steps(tuple(first), tuple(later), tuple(bounds))
    k = data.draw(st.integers(min_value=0, max_value=UNSEEN_STEP + 1))
    t = data.draw(DAYS)
    if k < len(first):
        assert steps(k, t) == first[k]
    else:
        assert steps(k, t) == later[sum(1 for b in bounds if b <= t)]


def _plain_visit_step(
    k: int, t: dt.date, year_end: dt.date, three_months: bool, until_18: list[PlacementUntil18]
) -> str:
    """CPPCR reg 28 visits as the step function reads them when nothing else applies."""
    if k == 0:
        return "visit_first"
    after = (
        "visit_after_first_year"
        if any(f.covers(t) for f in until_18)
        else "visit_after_first_year_other"
    )
    if t < year_end:
        if three_months and t + dt.timedelta(weeks=6) >= year_end:
            return after
        return "visit_first_year"
    return after


FACTS = st.lists(
    st.tuples(DAYS, st.none() | st.integers(min_value=0, max_value=3000)).map(
        lambda p: PlacementUntil18(
            start=p[0], end=None if p[1] is None else p[0] + dt.timedelta(days=p[1])
        )
    ),
    max_size=3,
)


@settings(max_examples=300)
@given(
    year_end=DAYS,
    three_months=st.booleans(),
    until_18=FACTS,
    k=st.integers(min_value=0, max_value=UNSEEN_STEP),
    t=DAYS,
)
def test_plain_visit_steps_equal_the_step_function(
    year_end: dt.date,
    three_months: bool,
    until_18: list[PlacementUntil18],
    k: int,
    t: dt.date,
) -> None:
    facts = tuple(sorted(until_18, key=lambda f: f.start))
    steps = _plain_steps(year_end, three_months, facts)
    assert steps is not None
    assert steps(k, t) == _plain_visit_step(k, t, year_end, three_months, list(facts))


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10_000), order=st.randoms(use_true_random=False))
def test_new_schedule_equals_the_checked_constructor(seed: int, order: random.Random) -> None:
    record = synth.generate(1, seed=seed).records[0]
    obligations = list(schedule(record, synth.DEFAULT_AS_OF).obligations)
    order.shuffle(obligations)
    want = Schedule(child_id=record.id, as_of=synth.DEFAULT_AS_OF, obligations=obligations)
    got = new_schedule(record.id, synth.DEFAULT_AS_OF, list(obligations))
    assert got == want
    assert [id(o) for o in got] == [id(o) for o in want]  # ties keep the same order
    assert hash(got) == hash(want)


# -- school terms walked once per rule set ---------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(day=DAYS, span=st.integers(min_value=-400, max_value=3000), wales=st.booleans())
def test_terms_after_walks_the_terms_one_by_one(day: dt.date, span: int, wales: bool) -> None:

    rules = LAWS[Jurisdiction.WALES] if wales else ENGLAND
    as_of = day + dt.timedelta(days=span)
    record = CaseRecord(child=Child(id="C1", date_of_birth=dt.date(1990, 1, 1)))
    run = Run(record, as_of, rules, rules.conventions)
    want = []
    next_day = term_containing(day, rules.conventions)[1] + dt.timedelta(days=1)
    while next_day <= as_of:
        first, last = term_containing(next_day, rules.conventions)
        first = max(first, next_day)
        want.append((first, last, f"school term from {first.isoformat()}"))
        next_day = last + dt.timedelta(days=1)
    assert list(run.terms_after(day)) == want
    assert run.terms_after(day) is run.terms_after(day)  # remembered


# -- days certainly looked after, settled at once ----------------------------------------------

_SPELL = st.tuples(
    st.integers(min_value=0, max_value=60), st.none() | st.integers(min_value=0, max_value=30)
)


@settings(max_examples=300, deadline=None)
@given(spells=st.lists(_SPELL, max_size=5), offset=st.integers(min_value=-5, max_value=80))
def test_looked_after_until_agrees_with_looked_after_on(
    spells: list[tuple[int, int | None]], offset: int
) -> None:
    """Episodes in any order, overlapping, open or empty: every day before the answer is a
    day ``looked_after_on`` says the child is looked after."""
    base = dt.date(2020, 1, 1)
    episodes = tuple(
        Episode(
            start=base + dt.timedelta(days=start),
            end=None if length is None else base + dt.timedelta(days=start + length),
            legal_status=LegalStatus.C2,
            placement=PlacementType.U4,
        )
        for start, length in spells
    )
    record = CaseRecord.unchecked(
        child=Child(id="C1", date_of_birth=dt.date(2010, 1, 1)), episodes=episodes
    )
    day = base + dt.timedelta(days=offset)
    until = _looked_after_until(episodes, day)
    assert until >= day
    last = min(until, base + dt.timedelta(days=120))
    d = day
    while d < last:
        assert record.looked_after_on(d), (d, until)
        d += dt.timedelta(days=1)


def test_looked_after_until_spans_contiguous_episodes() -> None:
    def episode(start: int, end: int | None) -> Episode:
        base = dt.date(2020, 1, 1)
        return Episode(
            start=base + dt.timedelta(days=start),
            end=None if end is None else base + dt.timedelta(days=end),
            legal_status=LegalStatus.C2,
            placement=PlacementType.U4,
        )

    day = dt.date(2020, 1, 5)
    assert _looked_after_until((episode(0, 10), episode(10, 40)), day) == dt.date(2020, 2, 10)
    assert _looked_after_until((episode(0, 10), episode(10, None)), day) == dt.date.max
    assert _looked_after_until((episode(0, 10), episode(12, 40)), day) == dt.date(2020, 1, 11)
    assert _looked_after_until((episode(12, 40), episode(0, 10)), day) == day  # out of order


@settings(max_examples=200, deadline=None)
@given(rule=RULES, conventions=CONVENTIONS, trigger=DAYS)
def test_a_laws_shared_due_function_equals_the_rule(
    rule: DeadlineRule, conventions: Conventions, trigger: dt.date
) -> None:
    """Duties with equal rules share one remembered due-date function: the same dates."""
    law = Law(ENGLAND, conventions)
    due = law.due_of(rule)
    assert due(trigger) == rule.due(trigger, conventions)
    assert law.due_of(attrs.evolve(rule)) is due  # an equal rule: the same function


# -- the chain loop against the chain it stands for -----------------------------------------

_CHAIN_STEPS = Steps(("review_first", "review_second"), ("review_subsequent",))
_WINDOW = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2025, 12, 31))


def _plain_chain(
    run: Run,
    anchor: dt.date,
    events: list[dt.date],
    end: dt.date | None,
    may_precede: bool,
) -> list[tuple[str, dt.date, dt.date, dt.date | None, Status, dt.date | None]]:
    """The chain as its docstring reads, one step at a time: each step is met by the next
    event (on or after the anchor unless events may come first) known on ``as_of``."""
    as_of = run.as_of
    made: list[tuple[str, dt.date, dt.date, dt.date | None, Status, dt.date | None]] = []
    if anchor > as_of:
        return made
    closes = end if end is not None and end <= as_of else None
    pending = events if may_precede else [d for d in events if d >= anchor]
    trigger = anchor
    for k in range(10_000):
        if trigger > as_of:
            break
        found = run.resolve(_CHAIN_STEPS(k, trigger), trigger)
        if found is None:
            break
        duty, _, due = found
        met = pending[0] if pending and pending[0] <= as_of else None
        if met is None:
            if closes is not None and due >= closes:
                break
            if closes is not None:
                made.append((duty.id, trigger, due, None, Status.MISSED, closes))
            else:
                made.append(
                    (
                        duty.id,
                        trigger,
                        due,
                        None,
                        Status.OVERDUE if due < as_of else Status.DUE,
                        None,
                    )
                )
            break
        made.append(
            (duty.id, trigger, due, met, Status.MET if met <= due else Status.MET_LATE, None)
        )
        pending = pending[1:]
        while pending and pending[0] <= met and pending[0] < anchor:
            pending = pending[1:]
        trigger = met if run.conventions.chain_from_actual else due
    return made


@settings(max_examples=300, deadline=None)
@given(
    anchor=_WINDOW,
    as_of=_WINDOW,
    end=st.none() | _WINDOW,
    events=st.lists(_WINDOW, max_size=12).map(sorted),
    from_actual=st.booleans(),
    may_precede=st.booleans(),
)
def test_chain_equals_the_plain_chain(
    anchor: dt.date,
    as_of: dt.date,
    end: dt.date | None,
    events: list[dt.date],
    from_actual: bool,
    may_precede: bool,
) -> None:
    """The chain loop (events after ``as_of`` cut once, ``as_of`` asked only of a due date
    becoming the trigger, earlier events skipped only when they may come first) makes what
    the chain read step by step makes."""
    conventions = attrs.evolve(ENGLAND.conventions, chain_from_actual=from_actual)
    record = CaseRecord(child=Child(id="C1", date_of_birth=dt.date(2010, 1, 1)))
    run = Run(record, as_of, ENGLAND, conventions)
    run.chain(
        anchor,
        _CHAIN_STEPS,
        events,
        end,
        "about",
        kind="reviews",
        first_event_may_precede=may_precede,
    )
    got = [(o.duty.id, o.trigger, o.due, o.met_on, o.status, o.closed_on) for o in run.out]
    assert got == _plain_chain(run, anchor, events, end, may_precede)
