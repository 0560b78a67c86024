"""The column-wise batch engine against the reference, ``schedule()``, record by record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
import numpy as np
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corparent import synth
from corparent.batch import Columns, review_obligations, schedule_reviews, unsupported
from corparent.batch._dates import add_months, add_working_days, from_day, to_day
from corparent.codes import LegalStatus, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode
from corparent.dates import ANY_PART_OF_THE_UK, ENGLAND_AND_WALES, SCOTLAND
from corparent.law import ENGLAND, Conventions, Force, NotMoreThanMonthsAfter, RuleSet
from corparent.model import (
    CaseRecord,
    Child,
    Episode,
    Evidence,
    EvidenceWindow,
    Review,
    ShortBreakArrangement,
    restrict,
)
from corparent.schedule import Obligation
from corparent.testing import case_records, faulty_case_records

AS_OF = synth.DEFAULT_AS_OF


def _key(o: Obligation) -> tuple[object, ...]:
    return (
        o.child_id,
        o.duty.id,
        o.version,
        o.trigger,
        o.due,
        o.met_on,
        o.status,
        o.about,
        o.reason,
        o.closed_on,
    )


def assert_same(
    records: Sequence[CaseRecord],
    as_of: dt.date,
    rules: RuleSet = ENGLAND,
    conventions: Conventions | None = None,
) -> int:
    """Assert the batch engine gives every batchable record exactly schedule()'s reviews."""
    columns = Columns.from_records(records)
    table = review_obligations(columns, as_of, rules=rules, conventions=conventions)
    rows = 0
    for i, record in enumerate(records):
        got = [_key(o) for o in table.obligations(i)]
        if not table.batched[i]:
            assert got == []
            continue
        want = [
            _key(o) for o in schedule_reviews(record, as_of, rules=rules, conventions=conventions)
        ]
        assert got == want, record.id
        rows += len(got)
    assert rows == len(table)
    return rows


# -- records that exercise every branch: X1 joins, short breaks, adoption, odd dates ---------

_DAYS = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2024, 12, 31))
_SPECIAL_DAYS = st.sampled_from(
    [
        dt.date(2020, 2, 29),
        dt.date(2023, 8, 31),
        dt.date(2023, 11, 30),
        dt.date(2024, 2, 29),
        dt.date(2024, 1, 31),
        dt.date(2023, 12, 22),
        dt.date(2024, 3, 31),
        dt.date(2024, 5, 31),
    ]
)
_LEGAL = st.sampled_from(
    [LegalStatus.C2, LegalStatus.V2, LegalStatus.V3, LegalStatus.V4, LegalStatus.E1, LegalStatus.D1]
)
_PLACE = st.sampled_from(
    [PlacementType.U4, PlacementType.K2, PlacementType.A3, PlacementType.A5, PlacementType.P1]
)
_RNE = st.sampled_from(list(ReasonNewEpisode))
_REC = st.sampled_from([ReasonEpisodeCeased.X1, ReasonEpisodeCeased.E8, ReasonEpisodeCeased.E11])


@st.composite
def mixed_records(draw: st.DrawFn, child_id: str = "C1") -> CaseRecord:
    """Records built from codes and dates chosen freely (some inconsistent on purpose)."""
    start = draw(st.one_of(_DAYS, _SPECIAL_DAYS))
    episodes = []
    for i in range(draw(st.integers(0, 5))):
        length = draw(st.integers(0, 400))
        end: dt.date | None = start + dt.timedelta(days=length)
        rec = draw(_REC)
        if draw(st.integers(0, 5)) == 0:
            end, rec = None, None
        episodes.append(
            Episode(
                start=start,
                end=end,
                legal_status=draw(_LEGAL),
                placement=draw(_PLACE),
                reason_new=draw(_RNE) if i or draw(st.booleans()) else ReasonNewEpisode.S,
                reason_ceased=rec,
            )
        )
        if end is None:
            break
        gap = 0 if rec is ReasonEpisodeCeased.X1 else draw(st.integers(-3, 90))
        start = end + dt.timedelta(days=gap)
    reviews = [Review(date=d) for d in draw(st.lists(st.one_of(_DAYS, _SPECIAL_DAYS), max_size=12))]
    breaks = [
        ShortBreakArrangement(start=d, end=draw(st.none() | _DAYS))
        for d in draw(st.lists(_DAYS, max_size=2))
    ]
    return CaseRecord.unchecked(
        child=Child(id=child_id, date_of_birth=dt.date(2010, 2, 28)),
        episodes=episodes,
        reviews=reviews,
        short_breaks=breaks,
    )


_CALENDARS = st.sampled_from([ENGLAND_AND_WALES, SCOTLAND, ANY_PART_OF_THE_UK])


@st.composite
def conventions(draw: st.DrawFn) -> Conventions:
    return Conventions(
        count_trigger_day=draw(st.booleans()),
        calendar=draw(_CALENDARS),
        chain_from_actual=draw(st.booleans()),
        new_period_min_gap_days=draw(st.sampled_from([0, 0, 1, 30, 120])),
        include_guidance=draw(st.booleans()),
    )


_AS_OF = st.one_of(st.just(AS_OF), _SPECIAL_DAYS, _DAYS)


@given(st.lists(mixed_records(), min_size=1, max_size=6), conventions(), _AS_OF)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_batch_equals_schedule_on_mixed_records(
    records: list[CaseRecord], conv: Conventions, as_of: dt.date
) -> None:
    assert_same(records, as_of, conventions=conv)


@st.composite
def windowed(draw: st.DrawFn, records: st.SearchStrategy[CaseRecord]) -> CaseRecord:
    """A record seen through an evidence window: restricted as a 903 return would show it, or
    only labelled with the window, or with no reviews held at all."""
    record = draw(records)
    start = draw(st.one_of(_DAYS, _SPECIAL_DAYS))
    end = draw(st.one_of(st.none(), st.dates(start, dt.date(2025, 12, 31))))
    how = draw(st.sampled_from(["restrict", "label", "label", "not_held", "reviews_only"]))
    if how == "not_held":
        evidence = Evidence(windows={"reviews": EvidenceWindow(held=False)})
    elif how == "reviews_only":
        evidence = Evidence(windows={"reviews": EvidenceWindow(start=start, end=end)})
    else:
        evidence = Evidence.ssda903(start, end or dt.date(2025, 12, 31))
    if how == "restrict":
        return restrict(record, evidence)
    fields = {f.name: getattr(record, f.name) for f in attrs.fields(CaseRecord) if f.init}
    fields["evidence"] = evidence
    return CaseRecord.unchecked(**fields)


@given(st.lists(windowed(mixed_records()), min_size=1, max_size=6), conventions(), _AS_OF)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_batch_equals_schedule_with_evidence_windows(
    records: list[CaseRecord], conv: Conventions, as_of: dt.date
) -> None:
    assert_same(records, as_of, conventions=conv)


@given(st.lists(windowed(case_records()), min_size=1, max_size=4), _AS_OF)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_batch_equals_schedule_on_realistic_windowed_records(
    records: list[CaseRecord], as_of: dt.date
) -> None:
    assert_same(records, as_of)


@given(st.lists(case_records(), min_size=1, max_size=4), conventions(), _AS_OF)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_batch_equals_schedule_on_realistic_records(
    records: list[CaseRecord], conv: Conventions, as_of: dt.date
) -> None:
    assert_same(records, as_of, conventions=conv)


@given(st.lists(faulty_case_records(), min_size=1, max_size=4))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_batch_equals_schedule_on_inconsistent_records(
    pairs: list[tuple[CaseRecord, object]],
) -> None:
    assert_same([record for record, _ in pairs], AS_OF)


def test_batch_equals_schedule_on_a_synthetic_caseload() -> None:
    records = synth.generate(600, seed=11).records
    assert assert_same(records, synth.DEFAULT_AS_OF) > 1000


def test_rule_sets_without_some_review_duties() -> None:
    records = synth.generate(200, seed=3).records
    assert_same(records, AS_OF, rules=ENGLAND.without("review_second"))
    assert_same(records, AS_OF, rules=ENGLAND.without("review_first"))
    assert_same(records, AS_OF, rules=RuleSet("none", []))


def test_local_standards_on_reviews_are_left_to_the_object_engine() -> None:
    assert unsupported(ENGLAND) is None
    duty = ENGLAND["review_first"]
    own = attrs.evolve(duty, id="anytown_first_review", force=Force.LOCAL)
    assert unsupported(ENGLAND.with_duties(own)) is None
    tightening = attrs.evolve(own, id="anytown_review", tightens="review_first")
    assert "tightens review_first" in (unsupported(ENGLAND.with_duties(tightening)) or "")
    with pytest.raises(ValueError, match="cannot schedule"):
        review_obligations(Columns.from_records([]), AS_OF, rules=ENGLAND.with_duties(tightening))


def test_dates_outside_the_calendars_go_to_the_object_engine() -> None:
    ok = synth.generate(1, seed=1).records[0]
    old = CaseRecord.unchecked(
        child=Child(id="C2", date_of_birth=dt.date(1800, 1, 1)),
        episodes=[
            Episode(
                start=dt.date(1810, 1, 1), legal_status=LegalStatus.C2, placement=PlacementType.U4
            )
        ],
    )
    columns = Columns.from_records([ok, old])
    assert columns.batchable.tolist() == [True, False]
    assert_same([ok, old], AS_OF)


def test_an_empty_caseload() -> None:
    table = review_obligations(Columns.from_records([]), AS_OF, rules=ENGLAND)
    assert len(table) == 0


# -- the vectorised date arithmetic --------------------------------------------------------------


@given(
    st.lists(st.dates(dt.date(1901, 1, 1), dt.date(2099, 12, 31)), max_size=50),
    st.integers(-30, 30),
)
def test_add_months_equals_relativedelta(days: list[dt.date], months: int) -> None:
    got = add_months(np.array([to_day(d) for d in days], np.int64), months)
    assert [from_day(x) for x in got] == [d + relativedelta(months=months) for d in days]


@given(
    st.lists(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)), max_size=50),
    st.integers(0, 40),
    st.booleans(),
    _CALENDARS,
)
def test_add_working_days_equals_the_calendar(
    days: list[dt.date], n: int, count: bool, calendar: object
) -> None:
    from corparent.dates import WorkingDayCalendar

    assert isinstance(calendar, WorkingDayCalendar)
    arr = np.array([to_day(d) for d in days], np.int64)
    got = add_working_days(arr, n, calendar, count_trigger_day=count)
    want = [calendar.add_working_days(d, n, count_trigger_day=count) for d in days]
    assert [from_day(x) for x in got] == want


def test_a_rule_the_batch_engine_does_not_know() -> None:
    class Odd(NotMoreThanMonthsAfter):
        pass

    duty = ENGLAND["review_second"]
    version = attrs.evolve(duty.versions[0], rule=Odd(months=3))
    assert "does not know" in (
        unsupported(ENGLAND.replace(attrs.evolve(duty, versions=[version]))) or ""
    )


def test_planner_duty_lists_cover_every_duty_the_planners_name() -> None:
    """The engine skips a planner none of whose duties is in the rule set: every duty id a
    planner's module names must be listed for it."""
    import importlib
    import re
    from pathlib import Path

    from corparent.schedule._engine import PLANNER_DUTIES

    folder = Path(str(importlib.import_module("corparent.schedule").__file__)).parent
    modules = {
        "reviews": ["_reviews.py"],
        "visits": ["_visits.py"],
        "care_planning": ["_care_planning.py", "_health.py", "_education.py"],
    }
    known = set(ENGLAND.ids())
    for family, files in modules.items():
        named = {
            word
            for name in files
            for word in re.findall(r'"([a-z0-9_]+)"', (folder / name).read_text())
            if word in known
        }
        others = set().union(*(v for k, v in PLANNER_DUTIES.items() if k != family))
        emitted = named - others  # a planner may read another family's duty (not emit it)
        assert emitted <= PLANNER_DUTIES[family], (family, emitted - PLANNER_DUTIES[family])
        assert named, family


def test_a_placement_for_adoption_after_as_of_starts_no_chain_yet() -> None:
    """A chain anchored after ``as_of`` says nothing yet, even when its start is unknown to
    the data (found by the differential test: the adoption placement of a merged period)."""
    ev = Evidence.ssda903(dt.date(2020, 2, 29), dt.date(2025, 12, 31))
    record = CaseRecord.unchecked(
        child=Child(id="C1", date_of_birth=dt.date(2010, 2, 28)),
        episodes=[
            Episode(
                start=dt.date(2024, 2, 29),
                end=dt.date(2024, 2, 29),
                legal_status=LegalStatus.C2,
                placement=PlacementType.U4,
                reason_new=ReasonNewEpisode.S,
                reason_ceased=ReasonEpisodeCeased.E8,
            ),
            Episode(
                start=dt.date(2024, 4, 1),
                legal_status=LegalStatus.C2,
                placement=PlacementType.A3,
                reason_new=ReasonNewEpisode.L,
            ),
        ],
        evidence=ev,
    )
    conv = Conventions(new_period_min_gap_days=120)
    for as_of in (dt.date(2024, 3, 31), dt.date(2024, 6, 30)):
        assert assert_same([record], as_of, conventions=conv) >= 1
