"""Evidence windows: what a one-year return cannot show is never a breach.

The worked cases follow the rules for a child continuously looked after since before the
return's year: the last review before 1 April is not in the data, so it was held at the latest
on 31 March; a first in-year review later than six months after that is certainly late, one
before it cannot be judged, and the chain resumes from the first known review.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corparent.codes import LegalStatus, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode
from corparent.model import (
    CaseRecord,
    Child,
    Episode,
    Evidence,
    EvidenceWindow,
    Review,
    restrict,
)
from corparent.schedule import Obligation, Status, schedule
from corparent.testing import case_records

YEAR_START = dt.date(2023, 4, 1)
YEAR_END = dt.date(2024, 3, 31)
RETURN = Evidence.ssda903(YEAR_START, YEAR_END)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _record(
    episodes: list[Episode], reviews: list[dt.date], evidence: Evidence = RETURN
) -> CaseRecord:
    return CaseRecord(
        child=Child(id="C1", date_of_birth=dt.date(2012, 5, 1)),
        episodes=episodes,
        reviews=[Review(date=d) for d in reviews],
        evidence=evidence,
    )


def _since_2020(**changes: object) -> Episode:
    fields: dict[str, object] = {
        "start": dt.date(2020, 1, 6),
        "legal_status": LegalStatus.C2,
        "placement": PlacementType.U4,
        "reason_new": ReasonNewEpisode.S,
    }
    fields.update(changes)
    return Episode(**fields)  # type: ignore[arg-type]


def _reviews(record: CaseRecord, as_of: dt.date = YEAR_END) -> list[Obligation]:
    return [o for o in schedule(record, as_of) if o.duty.id.startswith("review_")]


def test_first_in_year_review_within_six_months_of_31_march_is_not_assessable() -> None:
    record = _record([_since_2020()], [dt.date(2023, 7, 20), dt.date(2024, 1, 15)])
    first, second, third = _reviews(record)
    assert first.status is Status.NOT_ASSESSABLE
    assert first.met_on == dt.date(2023, 7, 20)
    assert first.due == dt.date(2023, 9, 30)  # 31 March + 6 months
    assert "not hold" in first.reason
    # The chain resumes from the first known review: six months from 20 July.
    assert (second.duty.id, second.due, second.status) == (
        "review_subsequent",
        dt.date(2024, 1, 20),
        Status.MET,
    )
    assert third.status is Status.DUE
    assert not schedule(record, YEAR_END).breaches()


def test_first_in_year_review_after_30_september_is_certainly_late() -> None:
    record = _record([_since_2020()], [dt.date(2023, 11, 15)])
    first = _reviews(record)[0]
    assert first.status is Status.MET_LATE
    assert first.due == dt.date(2023, 9, 30)
    assert first.days_late(YEAR_END) == 46
    assert first.reason  # judged against the latest possible due date
    assert "latest" in first.explain()


def test_no_review_in_the_year_is_certainly_overdue() -> None:
    record = _record([_since_2020()], [])
    (only,) = _reviews(record)
    assert only.status is Status.OVERDUE
    assert only.due == dt.date(2023, 9, 30)
    assert only.days_late(YEAR_END) == 183


def test_no_review_yet_is_not_assessable_before_the_bound() -> None:
    record = _record([_since_2020()], [])
    (only,) = _reviews(record, as_of=dt.date(2023, 8, 1))
    assert only.status is Status.NOT_ASSESSABLE
    assert "at the latest" in only.reason


def test_a_gap_over_six_months_between_known_reviews_is_late() -> None:
    record = _record([_since_2020()], [dt.date(2023, 5, 2), dt.date(2023, 12, 1)])
    obligations = _reviews(record)
    assert obligations[0].status is Status.NOT_ASSESSABLE
    assert (obligations[1].due, obligations[1].status) == (dt.date(2023, 11, 2), Status.MET_LATE)
    assert obligations[1].reason == ""  # known exactly from two known reviews


def test_first_visible_episode_without_rne_s_began_earlier() -> None:
    # A placement move on 1 June 2023: the period of care began earlier, on an unknown day.
    episode = _since_2020(start=dt.date(2023, 6, 1), reason_new=ReasonNewEpisode.P)
    record = _record([episode], [dt.date(2023, 8, 1)])
    (period,) = record.periods_of_care()
    assert not period.start_known
    first = _reviews(record)[0]
    # Not the 20-working-day first review: the period did not start on 1 June.
    assert first.duty.id == "review_subsequent"
    assert first.status is Status.NOT_ASSESSABLE


def test_a_period_starting_in_the_window_gets_the_exact_first_review_rules() -> None:
    episode = _since_2020(start=dt.date(2023, 12, 22))
    record = _record([episode], [dt.date(2024, 1, 30)])
    first = _reviews(record)[0]
    assert (first.duty.id, first.due, first.status) == (
        "review_first",
        dt.date(2024, 1, 24),
        Status.MET_LATE,
    )
    assert first.reason == ""


def test_a_return_holds_no_visits_so_visits_are_not_assessable() -> None:
    record = _record([_since_2020(start=dt.date(2023, 12, 22))], [])
    visits = [o for o in schedule(record, YEAR_END) if o.duty.id.startswith("visit_")]
    assert visits
    assert {o.status for o in visits} == {Status.NOT_ASSESSABLE}
    assert all("no visits" in o.reason for o in visits)


def test_clocks_stop_when_care_ends() -> None:
    # In care from 1 May 2023; left care on 1 December 2023 without a second review.
    episode = _since_2020(
        start=dt.date(2023, 5, 2),
        end=dt.date(2023, 12, 1),
        reason_ceased=ReasonEpisodeCeased.E4A,
    )
    record = _record([episode], [dt.date(2023, 5, 20)])
    obligations = {o.duty.id: o for o in _reviews(record)}
    second = obligations["review_second"]
    assert second.status is Status.MISSED
    assert second.closed_on == dt.date(2023, 12, 1)
    assert second.days_late(YEAR_END) == (dt.date(2023, 12, 1) - second.due).days
    # The third review would have fallen due after care ended: it lapses.
    assert "review_subsequent" not in obligations
    assert not schedule(record, YEAR_END).overdue()


def test_complete_evidence_is_the_default_and_keeps_exact_rules() -> None:
    record = CaseRecord(
        child=Child(id="C1", date_of_birth=dt.date(2012, 5, 1)),
        episodes=[_since_2020()],
    )
    assert record.evidence.is_complete
    assert record.periods_of_care()[0].start_known
    first = _reviews(record)[0]
    assert (first.duty.id, first.status) == ("review_first", Status.OVERDUE)


def test_evidence_rejects_a_window_that_ends_before_it_starts() -> None:
    with pytest.raises(ValueError, match="end before"):
        EvidenceWindow(start=YEAR_END, end=YEAR_START)


# -- invariants -------------------------------------------------------------------------------


def _family(o: Obligation) -> str:
    return o.duty.id.split("_", 1)[0]


def _breach_keys(obligations: list[Obligation] | tuple[Obligation, ...]) -> set[tuple[str, object]]:
    return {(_family(o), o.met_on) for o in obligations if o.status.is_breach}


def _window(as_of: dt.date, years_back: int) -> Evidence:
    start = dt.date(as_of.year - years_back, 4, 1)
    return Evidence.ssda903(start, as_of)


@SETTINGS
@given(record=case_records(), years=st.integers(1, 4))
def test_cutting_a_history_never_creates_a_breach(record: CaseRecord, years: int) -> None:
    """Every breach found through a window is a breach of the full history too."""
    as_of = YEAR_END
    truth = _breach_keys(schedule(record, as_of).obligations)
    seen = restrict(record, _window(as_of, years))
    for o in schedule(seen, as_of):
        if o.status.is_breach:
            assert (_family(o), o.met_on) in truth, o.explain()


@SETTINGS
@given(record=case_records(), years=st.integers(1, 3))
def test_widening_the_window_never_removes_a_breach(record: CaseRecord, years: int) -> None:
    as_of = YEAR_END
    narrow = schedule(restrict(record, _window(as_of, years)), as_of)
    wide = _breach_keys(schedule(restrict(record, _window(as_of, years + 1)), as_of).obligations)
    for o in narrow:
        if o.status.is_breach and o.duty.id.startswith("review_"):
            assert (_family(o), o.met_on) in wide, o.explain()


@SETTINGS
@given(record=case_records())
def test_hand_built_records_never_produce_not_assessable(record: CaseRecord) -> None:
    assert not schedule(record, YEAR_END).not_assessable()


@SETTINGS
@given(record=case_records(), years=st.integers(1, 3))
def test_not_assessable_obligations_say_why(record: CaseRecord, years: int) -> None:
    seen = restrict(record, _window(YEAR_END, years))
    for o in schedule(seen, YEAR_END).not_assessable():
        assert o.reason
        assert o.reason in o.explain()


# -- completeness checks look at the return's year only ----------------------------------------


def test_upn_is_asked_for_only_for_children_looked_after_in_the_year() -> None:
    from corparent.checks.builtin import completeness
    from corparent.testing import run_check

    left_long_ago = _since_2020(end=dt.date(2021, 6, 1), reason_ceased=ReasonEpisodeCeased.E4A)
    old = _record([left_long_ago], [], evidence=Evidence.complete())
    assert not run_check(completeness.upn_missing, old, YEAR_END)
    current = _record([_since_2020()], [], evidence=Evidence.complete())
    assert len(run_check(completeness.upn_missing, current, YEAR_END)) == 1


def test_participation_codes_are_asked_for_reviews_in_the_year_only() -> None:
    from corparent.checks.builtin import completeness
    from corparent.testing import run_check

    record = _record(
        [_since_2020()], [dt.date(2022, 9, 1), dt.date(2023, 9, 1)], evidence=Evidence.complete()
    )
    (finding,) = run_check(completeness.review_participation, record, YEAR_END)
    assert finding.due == dt.date(2023, 9, 1)


def test_missed_check_reports_requirements_unmet_when_care_ended() -> None:
    from corparent.checks.builtin import compliance
    from corparent.testing import run_check

    episode = _since_2020(
        start=dt.date(2023, 5, 2), end=dt.date(2023, 12, 1), reason_ceased=ReasonEpisodeCeased.E4A
    )
    record = _record([episode], [dt.date(2023, 5, 20)])
    (finding,) = run_check(compliance.missed, record, YEAR_END, duties=("review_*",))
    assert finding.duty_id == "review_second"
    assert "2023-12-01" in finding.message
    assert not run_check(compliance.overdue, record, YEAR_END)


def test_panel_measures_leave_out_what_the_data_cannot_show() -> None:
    from corparent.model import Caseload
    from corparent.reports import build_report

    on_time = _record([_since_2020()], [dt.date(2023, 7, 20), dt.date(2024, 1, 15)])
    report = build_report(Caseload(records=[on_time]), YEAR_END, duties=("review_*",))
    reviews = next(m for m in report.measures if m.name.startswith("Reviews held on time"))
    # The first in-year review cannot be judged; the second (from a known review) was on time.
    assert (reviews.numerator, reviews.denominator, reviews.not_assessable) == (1, 1, 1)
    assert reviews.note
    assert report.not_assessable >= 1
    assert "SSDA903" in report.evidence
    stability = next(m for m in report.measures if m.name.startswith("Under-16s"))
    # In care since 2020 by its RNE S row: the period start is known, the placement too.
    assert (stability.numerator, stability.denominator, stability.not_assessable) == (1, 1, 0)
    moved = _record([_since_2020(start=dt.date(2022, 1, 6), reason_new=ReasonNewEpisode.L)], [])
    report = build_report(Caseload(records=[moved]), YEAR_END, duties=("review_*",))
    stability = next(m for m in report.measures if m.name.startswith("Under-16s"))
    assert (stability.denominator, stability.not_assessable) == (0, 1)
    assert "previous years" in stability.note


def test_every_duty_names_the_record_field_that_discharges_it() -> None:
    from corparent.law import ENGLAND

    fields = {a.name for a in CaseRecord.__attrs_attrs__} | {
        "carer_reviews",
        "carer_unannounced_visits",
    }
    for duty in ENGLAND:
        assert duty.evidence in fields or not duty.evidence, duty.id
    assert {d.id for d in ENGLAND if not d.evidence} == {"pa_to_25", "staying_put"}


def test_a_review_met_late_on_the_first_day_of_a_leap_collection_year_is_reported() -> None:
    """The look-back is the 12 calendar months to ``as_of``: 365 days back from 31 March 2024
    is 1 April 2023 itself, which a day count would leave out."""
    from corparent.checks.builtin import compliance
    from corparent.testing import run_check

    reviews = [dt.date(2020, 1, 30), dt.date(2020, 4, 20), dt.date(2020, 10, 15)]
    reviews += [dt.date(2021, 4, 10), dt.date(2021, 10, 1), dt.date(2022, 3, 25)]
    reviews += [dt.date(2022, 9, 20), dt.date(2023, 4, 1)]  # due 20 March 2023
    record = _record([_since_2020()], reviews, evidence=Evidence.complete())
    ob = next(o for o in _reviews(record) if o.met_on == dt.date(2023, 4, 1))
    assert ob.status is Status.MET_LATE
    (finding,) = run_check(compliance.met_late, record, YEAR_END, duties=("review_*",))
    assert "2023-04-01" in finding.message


def test_ambiguity_report_leaves_out_what_the_data_cannot_judge_either_way() -> None:
    from corparent import ambiguities

    record = _record([_since_2020(start=dt.date(2023, 12, 22))], [dt.date(2024, 1, 24)])
    found = list(ambiguities(record, YEAR_END))
    # Visits, plans and PEPs are not held by a return: no reading makes them judgeable.
    assert found
    assert all(
        Status.NOT_ASSESSABLE not in (a.default_status, a.alternative_status)
        or a.default_status != a.alternative_status
        for a in found
    )
    assert any(a.duty_id == "review_first" for a in found)  # met on the 20th or 21st day


def test_a_run_counts_what_it_cannot_assess_the_same_way_on_every_path() -> None:
    from corparent import synth
    from corparent.checks import run_checks
    from corparent.law import ENGLAND
    from corparent.schedule import rules_for_duties

    # The review duties only: the column-wise engine's path (and the default for a return).
    rules = rules_for_duties(ENGLAND, [d.id for d in ENGLAND if d.id.startswith("review_")])
    history = synth.history(150, seed=5)
    records = synth.cut_return(history, YEAR_END)
    batch = run_checks(records, YEAR_END, rules=rules, batch=True, workers=1)
    objects = run_checks(records, YEAR_END, rules=rules, batch=False, workers=1)
    two = run_checks(records, YEAR_END, rules=rules, workers=2, chunk_size=40)
    assert batch.not_assessable
    assert batch.not_assessable == objects.not_assessable == two.not_assessable
    expected: dict[str, int] = {}
    for record in records:
        for o in schedule(record, YEAR_END, rules=rules).not_assessable():
            expected[o.duty.id] = expected.get(o.duty.id, 0) + 1
    assert dict(objects.not_assessable) == dict(sorted(expected.items()))
    assert sum(objects.not_assessable.values()) > 0
    assert not any(f.code == "not_assessable" for f in objects.findings)
