"""Invariants of the schedule engine over realistic records (corparent.testing)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corparent.codes import ReasonEpisodeCeased, ReasonNewEpisode
from corparent.errors import RecordError
from corparent.law import BeforeEvent
from corparent.model import (
    CaseRecord,
    Child,
    Episode,
    HealthAssessment,
    HealthAssessmentKind,
    IntegrityProblem,
    Review,
    Visit,
)
from corparent.schedule import Obligation, Status, schedule
from corparent.testing import case_records, faulty_case_records

AS_OF = dt.date(2024, 3, 31)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def key(o: Obligation) -> tuple[str, dt.date, str]:
    return (o.duty.id, o.trigger, o.about)


@SETTINGS
@given(record=case_records())
def test_status_invariants(record: CaseRecord) -> None:
    s = schedule(record, AS_OF)
    for o in s:
        assert o.due >= o.trigger or o.duty.rule.describe().startswith("by the end")
        assert o.trigger <= AS_OF
        if o.status is Status.MET:
            assert o.met_on is not None
            assert o.met_on <= o.due
        elif o.status is Status.MET_LATE:
            assert o.met_on is not None
            assert o.met_on > o.due
        elif o.status is Status.OVERDUE:
            assert o.met_on is None
            assert o.due < AS_OF
        elif o.status is Status.MISSED:
            # The clock stopped (care ended) after it fell due, unmet: counted to that day.
            assert o.met_on is None
            assert o.closed_on is not None
            assert o.due < o.closed_on <= AS_OF
            assert o.days_late(AS_OF) == (o.closed_on - o.due).days
        else:
            # A complete history can always be judged: never "not assessable".
            assert o.status is Status.DUE
            assert o.met_on is None
            assert o.due >= AS_OF
        assert record.id in o.explain()
        assert o.version.citation.short in o.explain()


@SETTINGS
@given(record=case_records())
def test_deterministic(record: CaseRecord) -> None:
    assert schedule(record, AS_OF) == schedule(record, AS_OF)


@SETTINGS
@given(record=case_records(), days=st.integers(1, 400))
def test_a_later_as_of_never_changes_a_met_obligation(record: CaseRecord, days: int) -> None:
    """What was met stays met, as it was. One thing may move: a duty due "before an event,
    and at the latest ..." (``BeforeEvent``) is due at the long stop while the event lies
    after ``as_of``; once a later ``as_of`` shows the event, it is due by the event, never
    later, and whatever met it in time still did (it was met before the earlier ``as_of``,
    so before the event)."""
    earlier = schedule(record, AS_OF - dt.timedelta(days=days))
    later = {key(o): o for o in schedule(record, AS_OF)}
    for o in earlier:
        if o.status in (Status.MET, Status.MET_LATE):
            now = later[key(o)]
            if isinstance(o.version.rule, BeforeEvent) and now.due != o.due:
                assert o.due > now.due > earlier.as_of
                assert attrs.evolve(now, due=o.due) == o
            else:
                assert now == o


def test_a_first_review_shown_later_brings_an_earlier_due_date_forward() -> None:
    """The case that showed it: looked after from Sun 10 Dec 2023, a health assessment on
    23 Dec, the first review on Tue 2 Jan 2024. On 1 Jan the review lies ahead and the
    assessment is due by the 20th working day (Wed 10 Jan); from 2 Jan it is due by the
    review. Met in time either way."""
    record = CaseRecord(
        child=Child(id="C1", date_of_birth=dt.date(2015, 5, 5)),
        episodes=[
            Episode(
                start=dt.date(2023, 12, 10),
                legal_status="C2",
                placement="U4",
                reason_new="S",
            )
        ],
        reviews=[Review(date=dt.date(2024, 1, 2))],
        health_assessments=[
            HealthAssessment(
                date=dt.date(2023, 12, 23),
                kind=HealthAssessmentKind.INITIAL,
                by_medical_practitioner=True,
            )
        ],
    )

    def assessment(as_of: dt.date) -> Obligation:
        return schedule(record, as_of).by_duty()["health_assessment_initial"][0]

    before, after = assessment(dt.date(2024, 1, 1)), assessment(dt.date(2024, 3, 31))
    assert (before.due, before.status) == (dt.date(2024, 1, 10), Status.MET)
    assert (after.due, after.status) == (dt.date(2024, 1, 2), Status.MET)


@SETTINGS
@given(record=case_records(care_leavers=False), data=st.data())
def test_a_placement_move_never_changes_review_due_dates(
    record: CaseRecord, data: st.DataObject
) -> None:
    last = record.episodes[-1]
    if last.end is not None or (AS_OF - last.start).days < 3:
        return
    move = data.draw(st.dates(last.start + dt.timedelta(days=1), AS_OF - dt.timedelta(days=1)))
    moved = attrs.evolve(
        record,
        episodes=[
            *record.episodes[:-1],
            attrs.evolve(last, end=move, reason_ceased=ReasonEpisodeCeased.X1),
            attrs.evolve(last, start=move, reason_new=ReasonNewEpisode.P),
        ],
    )

    def reviews(r: CaseRecord) -> list[tuple[str, dt.date, dt.date]]:
        return [
            (o.duty.id, o.trigger, o.due)
            for o in schedule(r, AS_OF)
            if o.duty.id.startswith("review")
        ]

    assert reviews(moved) == reviews(record)


@SETTINGS
@given(record=case_records(), data=st.data(), kind=st.sampled_from([Review, Visit]))
def test_adding_an_event_never_adds_an_overdue_obligation(
    record: CaseRecord, data: st.DataObject, kind: type
) -> None:
    start = record.episodes[0].start
    day = data.draw(st.dates(start, AS_OF))
    field = "reviews" if kind is Review else "visits"
    existing = getattr(record, field)
    if any(e.date == day for e in existing):
        return
    more = attrs.evolve(
        record,
        **{field: [*existing, Review(date=day) if kind is Review else Visit(date=day, seen=True)]},
    )

    def overdue(r: CaseRecord) -> int:
        # A review held early legitimately brings forward what is due "before the first
        # review" (the IRO, the initial health assessment) or "by the second review".
        return sum(
            not isinstance(o.version.rule, BeforeEvent) for o in schedule(r, AS_OF).overdue()
        )

    assert overdue(more) <= overdue(record)


@settings(max_examples=40, deadline=None)
@given(faulty=faulty_case_records())
def test_faulty_records_are_refused_with_the_fault_named(
    faulty: tuple[CaseRecord, IntegrityProblem],
) -> None:
    record, kind = faulty
    assert kind.value in {p.code for p in record.problems()}
    fields = {f.name: getattr(record, f.name) for f in attrs.fields(CaseRecord) if f.init}
    with pytest.raises(RecordError):
        CaseRecord(**fields)
