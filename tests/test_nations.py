"""Scotland, Wales and Northern Ireland: the Scottish worked examples S1-S6 and each nation's
rule set, conventions, jurisdiction and care-leaver status."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import corparent as cp
from corparent.codes import LegalStatus, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode
from corparent.dates import ENGLAND_AND_WALES, SCOTLAND, LeapDay
from corparent.errors import CodeError, ConfigError
from corparent.jurisdiction import Jurisdiction
from corparent.law import (
    ENGLAND,
    LAWS,
    NORTHERN_IRELAND,
    PROSPECTIVE,
    WALES,
    commence,
    is_prospective,
    is_provisional,
    law_named,
    tag,
)
from corparent.law import SCOTLAND as SCOTTISH_LAW
from corparent.law.scotland import SCOTTISH_CONVENTIONS
from corparent.leaving_care_nations import (
    ScottishLeaverStatus,
    WelshCategory,
    continuing_care_eligible,
    continuing_care_higher_age,
    leaver_status,
)
from corparent.model import (
    CaseRecord,
    Child,
    EmergencyPlacement,
    Episode,
    NeedsAssessment,
    Review,
    StayingPut,
    Visit,
)
from corparent.schedule import Status, carer_schedule, schedule

D = dt.date
SC = Jurisdiction.SCOTLAND


def ep(start: D, end: D | None = None, **kw: object) -> Episode:
    fields: dict[str, object] = {
        "start": start,
        "legal_status": LegalStatus.C2,
        "placement": PlacementType.U4,
    }
    if end is not None:
        fields["end"] = end
        fields.setdefault("reason_ceased", ReasonEpisodeCeased.E8)
    fields.update(kw)
    return Episode(**fields)  # type: ignore[arg-type]


DOB = D(2012, 5, 1)


def record(*episodes: Episode, dob: D = DOB, **kw: object) -> CaseRecord:
    return CaseRecord(child=Child(id="N1", date_of_birth=dob), episodes=episodes, **kw)  # type: ignore[arg-type]


def by_duty(
    rec: CaseRecord, as_of: D, **kw: object
) -> dict[str, tuple[cp.schedule.Obligation, ...]]:  # type: ignore[name-defined]
    return schedule(rec, as_of, **kw).by_duty()  # type: ignore[arg-type]


# -- Scottish worked examples S1-S6 -----------------------------------------------------------


@pytest.mark.parametrize("duty_id", ["emergency_placement_review", "emergency_placement_max"])
def test_s1_emergency_placement_before_christmas(duty_id: str) -> None:
    rule = SCOTTISH_LAW[duty_id].rule
    assert rule.due(D(2024, 12, 20), SCOTTISH_CONVENTIONS) == D(2024, 12, 27)
    convention_b = attrs.evolve(SCOTTISH_CONVENTIONS, count_trigger_day=True)
    assert rule.due(D(2024, 12, 20), convention_b) == D(2024, 12, 24)


def test_s2_second_of_january_is_a_scottish_bank_holiday() -> None:
    rule = SCOTTISH_LAW["emergency_placement_review"].rule
    assert rule.due(D(2024, 12, 27), SCOTTISH_CONVENTIONS) == D(2025, 1, 3)
    england_calendar = attrs.evolve(SCOTTISH_CONVENTIONS, calendar=ENGLAND_AND_WALES)
    assert rule.due(D(2024, 12, 27), england_calendar) == D(2025, 1, 2)


def test_s1_s2_through_the_engine() -> None:
    rec = record(
        ep(D(2024, 12, 20)),
        emergency_placements=[EmergencyPlacement(start=D(2024, 12, 20), end=D(2024, 12, 27))],
        reviews=[Review(date=D(2024, 12, 24))],
        jurisdiction=SC,
    )
    got = by_duty(rec, D(2025, 1, 31))
    limit = got["emergency_placement_max"][0]
    assert (limit.due, limit.status) == (D(2024, 12, 27), Status.MET)
    review = got["emergency_placement_review"][0]
    assert (review.due, review.status) == (D(2024, 12, 27), Status.MET)
    assert "emergency_placement_continuation" not in got
    # A review after the placement ended cannot review it: the duty was missed.
    late = attrs.evolve(rec, reviews=[Review(date=D(2024, 12, 30))])
    unmet = by_duty(late, D(2025, 1, 31))["emergency_placement_review"][0]
    assert (unmet.status, unmet.met_on) == (Status.MISSED, None)
    # Still there on day 4: the limit is broken.
    stayed = attrs.evolve(
        rec, emergency_placements=[EmergencyPlacement(start=D(2024, 12, 20), end=D(2024, 12, 30))]
    )
    assert by_duty(stayed, D(2025, 1, 31))["emergency_placement_max"][0].status is Status.MET_LATE


def test_emergency_placement_continued_is_provisional() -> None:
    rec = record(
        ep(D(2025, 3, 3)),
        emergency_placements=[EmergencyPlacement(start=D(2025, 3, 3), continued_on=D(2025, 3, 5))],
        jurisdiction=SC,
    )
    got = by_duty(rec, D(2025, 5, 1))
    assert got["emergency_placement_max"][0].status is Status.MET
    further = got["emergency_placement_continuation"][0]
    assert further.status is Status.OVERDUE
    assert "(provisional" in str(further.version.citation)


def _foster(start: D, **kw: object) -> CaseRecord:
    return record(ep(start), jurisdiction=SC, **kw)


def test_s3_reviews_run_from_the_placement() -> None:
    rec = _foster(D(2025, 1, 6), reviews=[Review(date=D(2025, 2, 17)), Review(date=D(2025, 5, 17))])
    got = by_duty(rec, D(2025, 6, 1))
    assert [(o.due, o.status) for o in got["review_first"]] == [(D(2025, 2, 17), Status.MET)]
    assert [(o.due, o.status) for o in got["review_second"]] == [(D(2025, 5, 17), Status.MET)]
    assert [o.due for o in got["review_subsequent"]] == [D(2025, 11, 17)]
    assert str(got["review_first"][0].version.citation) == "LAC(S) 2009 reg 45(2)(a)"


def test_s4_visits_every_three_months_from_the_start() -> None:
    rec = _foster(D(2025, 1, 6), visits=[Visit(date=D(2025, 1, 13), seen=True)])
    got = by_duty(rec, D(2025, 3, 1))
    assert [(o.due, o.status) for o in got["visit_first"]] == [(D(2025, 1, 13), Status.MET)]
    assert [o.due for o in got["visit_routine"]] == [D(2025, 4, 13)]
    assert "visit_first_year" not in got


def test_s5_foster_carer_reviews_then_every_three_years() -> None:
    carer = cp.Carer(id="F1", approved_on=D(2024, 2, 29), reviews=[D(2025, 2, 28)])
    obligations = carer_schedule(carer, D(2025, 6, 1), rules=SCOTTISH_LAW)
    assert [(o.duty.id, o.due, o.status) for o in obligations] == [
        ("foster_approval_review", D(2025, 2, 28), Status.MET),
        ("foster_approval_review_subsequent", D(2028, 2, 28), Status.DUE),
    ]
    england = carer_schedule(carer, D(2025, 6, 1))
    # England also schedules the annual unannounced visit; the reviews are yearly.
    reviews = [o for o in england if o.duty.id.startswith("foster_approval_review")]
    assert [o.due for o in reviews] == [D(2025, 2, 28), D(2026, 2, 28)]


def test_s6_continuing_care_welfare_assessment() -> None:
    rec = record(
        ep(D(2023, 5, 1), D(2024, 8, 1), reason_ceased=ReasonEpisodeCeased.E17),
        dob=D(2006, 9, 1),
        staying_put=[StayingPut(start=D(2024, 8, 1))],
        jurisdiction=SC,
    )
    got = by_duty(rec, D(2025, 3, 1))["continuing_care_welfare_assessment"]
    assert [(o.due, o.status) for o in got] == [(D(2025, 8, 1), Status.DUE)]
    met = attrs.evolve(rec, needs_assessments=[NeedsAssessment(date=D(2025, 7, 30))])
    chain = by_duty(met, D(2026, 9, 1))["continuing_care_welfare_assessment"]
    assert [o.due for o in chain] == [D(2025, 8, 1), D(2026, 7, 30)]
    yearly = attrs.evolve(
        rec,
        needs_assessments=[
            NeedsAssessment(date=D(2025, 7, 30)),
            NeedsAssessment(date=D(2026, 9, 2)),
        ],
    )
    chain = by_duty(yearly, D(2028, 1, 1))["continuing_care_welfare_assessment"]
    assert [o.due for o in chain] == [D(2025, 8, 1), D(2026, 7, 30)]  # 2 Sep 2027 is after 21


# -- Scotland: conventions ----------------------------------------------------------------------


def _moved() -> CaseRecord:
    return record(
        ep(D(2025, 1, 6), D(2025, 3, 3), reason_ceased=ReasonEpisodeCeased.X1),
        ep(D(2025, 3, 3), reason_new=ReasonNewEpisode.P, placement=PlacementType.U1),
        reviews=[Review(date=D(2025, 2, 10))],
        jurisdiction=SC,
    )


def test_a_new_placement_restarts_the_review_chain_by_default() -> None:
    got = by_duty(_moved(), D(2025, 4, 30))
    firsts = [(o.trigger, o.due, o.status) for o in got["review_first"]]
    assert firsts == [
        (D(2025, 1, 6), D(2025, 2, 17), Status.MET),
        (D(2025, 3, 3), D(2025, 4, 14), Status.OVERDUE),
    ]


def test_one_review_chain_per_period_when_chosen() -> None:
    one_chain = attrs.evolve(SCOTTISH_CONVENTIONS, placement_restarts_reviews=False)
    got = by_duty(_moved(), D(2025, 4, 30), conventions=one_chain)
    assert [o.due for o in got["review_first"]] == [D(2025, 2, 17)]
    assert [o.due for o in got["review_second"]] == [D(2025, 5, 10)]


def test_scottish_visits_not_held_are_not_assessable() -> None:
    rec = _foster(D(2025, 1, 6), evidence=cp.model.Evidence.ssda903(D(2024, 4, 1), D(2025, 3, 31)))
    got = by_duty(rec, D(2025, 3, 31))
    assert {o.status for o in got["visit_first"]} == {Status.NOT_ASSESSABLE}
    assert got["review_first"][0].status is Status.OVERDUE


def test_child_at_home_with_parents_has_no_dated_reviews_or_visits() -> None:
    rec = record(ep(D(2025, 1, 6), placement=PlacementType.P1), jurisdiction=SC)
    got = by_duty(rec, D(2025, 12, 31))
    assert not any(i.startswith(("review_", "visit_")) for i in got)


def test_scottish_conventions() -> None:
    assert SCOTTISH_LAW.conventions.calendar is SCOTLAND
    assert SCOTTISH_LAW.conventions.leap_day is LeapDay.MARCH_1
    assert not SCOTTISH_LAW.conventions.count_trigger_day
    assert SCOTLAND.is_working_day(D(2025, 4, 21))  # Easter Monday is no Scottish bank holiday
    assert not SCOTLAND.is_working_day(D(2025, 12, 1))  # St Andrew's Day (Monday substitute)


@given(st.dates(min_value=D(2010, 1, 1), max_value=D(2039, 12, 1)))
def test_scottish_three_working_days_are_scottish(day: D) -> None:
    due = SCOTTISH_LAW["emergency_placement_review"].rule.due(day, SCOTTISH_CONVENTIONS)
    assert SCOTLAND.is_working_day(due)
    assert SCOTLAND.working_days_between(day, due) == 3
    assert SCOTTISH_LAW["review_first"].rule.due(day, SCOTTISH_CONVENTIONS) == day + dt.timedelta(
        days=42
    )


# -- Scotland: aftercare and continuing care ----------------------------------------------------


def test_scotland_has_no_thirteen_week_test() -> None:
    rec = record(
        ep(D(2023, 7, 1), D(2023, 7, 20), reason_ceased=ReasonEpisodeCeased.E4A),
        dob=D(2007, 6, 1),
        jurisdiction=SC,
    )
    assert leaver_status(rec, D(2024, 1, 1)).status is ScottishLeaverStatus.AFTERCARE
    assert leaver_status(rec, D(2027, 1, 1)).status is ScottishLeaverStatus.AFTERCARE_ON_APPLICATION
    assert leaver_status(rec, D(2033, 6, 1)).status is ScottishLeaverStatus.NONE
    england = leaver_status(rec, D(2024, 1, 1), jurisdiction=Jurisdiction.ENGLAND)
    assert england.status is cp.LeaverStatus.QUALIFYING


def test_left_care_before_sixteen_is_owed_no_aftercare() -> None:
    rec = record(
        ep(D(2022, 1, 1), D(2023, 5, 31), reason_ceased=ReasonEpisodeCeased.E4A),
        dob=D(2007, 6, 1),
        jurisdiction=SC,
    )
    assert leaver_status(rec, D(2024, 1, 1)).status is ScottishLeaverStatus.NONE


@pytest.mark.parametrize(
    ("left", "higher"),
    [(D(2015, 3, 31), None), (D(2015, 4, 1), 17), (D(2016, 4, 1), 18), (D(2019, 4, 1), 21)],
)
def test_continuing_care_higher_age_by_date(left: D, higher: int | None) -> None:
    assert continuing_care_higher_age(left) == higher


def test_continuing_care_eligibility_uses_the_higher_age_of_the_day_care_ended() -> None:
    def leaving(on: D) -> CaseRecord:
        return record(
            ep(D(2014, 1, 1), on, reason_ceased=ReasonEpisodeCeased.E17),
            dob=D(1998, 2, 1),
            jurisdiction=SC,
        )

    assert not continuing_care_eligible(leaving(D(2016, 3, 1)), D(2016, 3, 1))  # 18, limit 17
    assert continuing_care_eligible(leaving(D(2017, 3, 1)), D(2017, 3, 1)) is False  # 19 vs 18
    young = record(
        ep(D(2020, 1, 1), D(2021, 3, 1), reason_ceased=ReasonEpisodeCeased.E17),
        dob=D(2003, 2, 1),
        jurisdiction=SC,
    )
    assert continuing_care_eligible(young, D(2021, 3, 1))  # 18, limit 21


# -- Wales ------------------------------------------------------------------------------------


def test_wales_restates_every_inherited_duty_in_welsh_law() -> None:
    english_only = {"CPPCR 2010", "CLR 2010", "CA 1989", "AAR 2005", "FSR 2011", "IRO Handbook"}
    for duty in WALES:
        assert not str(duty.citation).startswith(tuple(english_only)), duty.id
        assert duty.in_force_from >= D(2016, 4, 6), duty.id
    assert "visit_long_term_foster_reduced" not in WALES
    assert "pep_initiate" not in WALES
    assert WALES.jurisdiction is Jurisdiction.WALES


def test_welsh_connected_person_approval_is_versioned() -> None:
    duty = WALES["connected_person_temp_approval"]
    conv = WALES.conventions
    early, late = duty.version_at(D(2020, 1, 6)), duty.version_at(D(2022, 1, 6))
    assert early is not None
    assert late is not None
    assert early.rule.due(D(2020, 1, 6), conv) == D(2020, 4, 26)  # 16 weeks, provisional
    assert late.rule.due(D(2022, 1, 6), conv) == D(2022, 6, 22)  # 24 weeks [V]
    assert tag(early.citation) == "R"
    assert tag(late.citation) == "V"
    assert not is_provisional(duty)
    assert is_provisional(duty, D(2020, 1, 6))


def test_welsh_remand_plan_within_five_working_days() -> None:
    rec = record(
        ep(D(2024, 5, 23), legal_status=LegalStatus.J1),
        dob=D(2008, 1, 1),
        care_plans=[cp.CarePlan(date=D(2024, 6, 4))],
        jurisdiction=Jurisdiction.WALES,
    )
    got = by_duty(rec, D(2024, 7, 1))
    remand = got["care_plan_prepare_remand"][0]
    assert remand.due == D(2024, 5, 31)  # 27 May 2024 is a bank holiday
    assert remand.status is Status.MET_LATE
    assert got["care_plan_prepare"][0].status is Status.MET  # 10 working days: 7 June
    assert "(provisional" in str(got["review_first"][0].version.citation)


def test_welsh_categories() -> None:
    wales = Jurisdiction.WALES
    looked_after = record(ep(D(2023, 6, 1)), dob=D(2007, 9, 1), jurisdiction=wales)
    assert leaver_status(looked_after, D(2024, 1, 1)).status is WelshCategory.CATEGORY_1
    left = record(
        ep(D(2023, 6, 1), D(2024, 2, 1), reason_ceased=ReasonEpisodeCeased.E4A),
        dob=D(2007, 9, 1),
        jurisdiction=wales,
    )
    assert leaver_status(left, D(2024, 3, 1)).status is WelshCategory.CATEGORY_2
    stayed = record(
        ep(D(2023, 6, 1), D(2025, 9, 1), reason_ceased=ReasonEpisodeCeased.E17),
        dob=D(2007, 9, 1),
        jurisdiction=wales,
    )
    three = leaver_status(stayed, D(2026, 1, 1))
    assert (three.status, three.provisional) == (WelshCategory.CATEGORY_3, True)
    assert leaver_status(stayed, D(2030, 1, 1)).status is WelshCategory.NONE
    four = leaver_status(stayed, D(2030, 1, 1), in_education_or_training=True)
    assert four.status is WelshCategory.CATEGORY_4
    sgo = record(
        ep(D(2023, 12, 1), D(2024, 1, 10), reason_ceased=ReasonEpisodeCeased.E45),
        dob=D(2007, 9, 1),
        jurisdiction=wales,
    )
    assert leaver_status(sgo, D(2024, 3, 1)).status is WelshCategory.CATEGORY_5


def test_welsh_relevant_child_needs_assessment() -> None:
    rec = record(
        ep(D(2023, 6, 1), D(2024, 2, 1), reason_ceased=ReasonEpisodeCeased.E4A),
        dob=D(2007, 9, 1),
        jurisdiction=Jurisdiction.WALES,
    )
    got = by_duty(rec, D(2024, 6, 1))["needs_assessment_relevant"]
    assert [(o.trigger, o.due, o.status) for o in got] == [
        (D(2024, 2, 1), D(2024, 5, 1), Status.OVERDUE)
    ]


def test_welsh_and_english_short_break_limits_differ() -> None:
    from corparent.law.wales import SHORT_BREAKS

    breaks = [(D(2024, 1, 1), D(2024, 1, 21)), (D(2024, 3, 1), D(2024, 3, 20))]
    assert SHORT_BREAKS.allows(breaks)
    assert not SHORT_BREAKS.allows([(D(2024, 1, 1), D(2024, 1, 29))])
    many = [(D(2024, m, 1), D(2024, m, 25)) for m in range(1, 7)]
    assert not SHORT_BREAKS.allows(many)  # 150 days in 12 months


# -- Northern Ireland -----------------------------------------------------------------------------


def test_ni_first_review_requires_an_explicit_convention() -> None:
    rec = record(ep(D(2024, 3, 4)), jurisdiction=Jurisdiction.NORTHERN_IRELAND)
    with pytest.raises(ConfigError, match="ni_first_review_weeks"):
        schedule(rec, D(2024, 6, 1))
    for weeks, due in ((2, D(2024, 3, 18)), (4, D(2024, 4, 1))):
        conv = attrs.evolve(NORTHERN_IRELAND.conventions, ni_first_review_weeks=weeks)
        first = by_duty(rec, D(2024, 6, 1), conventions=conv)["review_first"][0]
        assert first.due == due
        assert "(provisional" in str(first.version.citation)


def test_ni_run_without_the_convention_stops_before_checking() -> None:
    rec = record(jurisdiction=Jurisdiction.NORTHERN_IRELAND)
    with pytest.raises(ConfigError, match="ni_first_review_weeks"):
        cp.run_checks([rec], D(2024, 6, 1))
    conv = attrs.evolve(NORTHERN_IRELAND.conventions, ni_first_review_weeks=2)
    assert not cp.run_checks([rec], D(2024, 6, 1), conventions=conv).crashes


def test_ni_convention_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="weeks"):
        cp.Conventions(ni_first_review_weeks=0)


def test_ni_short_break_review_is_verified() -> None:
    duty = NORTHERN_IRELAND["review_short_breaks"]
    assert tag(duty.citation) == "V"
    assert not is_provisional(duty)
    assert duty.rule.due(D(2024, 1, 15), NORTHERN_IRELAND.conventions) == D(2024, 4, 15)


def test_ni_calendar_has_st_patricks_day() -> None:
    assert not NORTHERN_IRELAND.conventions.calendar.is_working_day(D(2025, 3, 17))


# -- prospective law, tags, jurisdiction ----------------------------------------------------------


@pytest.mark.parametrize(
    ("rules", "duty_id"),
    [(SCOTTISH_LAW, "aftercare_2026"), (NORTHERN_IRELAND, "continuing_care")],
)
def test_prospective_law_is_not_in_force_until_commenced(rules: cp.RuleSet, duty_id: str) -> None:
    assert is_prospective(rules[duty_id])
    assert duty_id not in rules.at(D(2026, 11, 30))
    switched = commence(rules, duty_id, D(2027, 4, 1))
    assert duty_id in switched.at(D(2027, 4, 1))
    assert duty_id not in switched.at(D(2027, 3, 31))
    assert switched.jurisdiction is rules.jurisdiction
    with pytest.raises(ConfigError):
        commence(switched, duty_id, D(2028, 1, 1))


def test_every_duty_of_every_nation_is_tagged_and_provisional_means_recalled() -> None:
    for rules in LAWS.values():
        for duty in rules:
            for version in duty.versions:
                assert tag(version.citation) in {"V", "S", "R"} or rules is ENGLAND
                marked = version.citation.provisional
                if rules is not ENGLAND:
                    assert marked == (tag(version.citation) == "R"), duty.id
            assert duty.in_force_from <= PROSPECTIVE


def test_jurisdiction_is_parsed_and_tied_to_rule_sets() -> None:
    assert Jurisdiction.parse("Northern Ireland") is Jurisdiction.NORTHERN_IRELAND
    assert law_named("scotland") is SCOTTISH_LAW
    assert law_named("cymru") is WALES
    with pytest.raises(CodeError):
        Jurisdiction.parse("France")
    for jurisdiction, rules in LAWS.items():
        assert rules.jurisdiction is jurisdiction
        assert rules.conventions.calendar is jurisdiction.calendar
        assert rules.without(next(iter(rules)).id).jurisdiction is jurisdiction


def test_a_record_under_another_nations_law_is_refused() -> None:
    rec = _foster(D(2025, 1, 6))
    with pytest.raises(ConfigError, match="Scotland"):
        schedule(rec, D(2025, 3, 1), rules=ENGLAND)


def test_mixed_caseload_each_record_under_its_own_law() -> None:
    scottish = _foster(D(2025, 1, 6))
    english = attrs.evolve(scottish, child=Child(id="E1", date_of_birth=D(2012, 5, 1)))
    english = attrs.evolve(english, jurisdiction=None)
    result = cp.run_checks([scottish, english], D(2025, 3, 31), checks=cp.checks.default())
    due = {(f.child_id, f.duty_id, f.due) for f in result.findings if f.duty_id}
    assert ("N1", "review_first", D(2025, 2, 17)) in due  # 6 weeks from the placement
    assert ("E1", "review_first", D(2025, 2, 3)) in due  # 20 working days in England
    assert not result.crashes


def test_england_unchanged_by_default() -> None:
    rec = record(ep(D(2023, 12, 22)), reviews=[Review(date=D(2024, 1, 18))])
    assert rec.jurisdiction is None
    first = by_duty(rec, D(2024, 3, 31))["review_first"][0]
    assert (first.due, first.status) == (D(2024, 1, 24), Status.MET)


# -- the comparison ------------------------------------------------------------------------------


@pytest.mark.parametrize("jurisdiction", list(Jurisdiction))
def test_summary_counts_partition_each_rule_set(jurisdiction: Jurisdiction) -> None:
    rules = LAWS[jurisdiction]
    summary = cp.law.summarise(rules)
    assert summary.coded == len(rules)
    assert summary.verified + summary.secondary + len(summary.provisional) <= summary.coded
    if jurisdiction is not Jurisdiction.ENGLAND:
        assert summary.verified + summary.secondary + len(summary.provisional) == summary.coded
        provisional = {d.id for d in rules if d.citation.provisional}
        assert provisional == set(summary.provisional)
    assert set(summary.prospective) == {d.id for d in rules if is_prospective(d)}


def test_comparison_rows_cover_every_duty_of_every_nation() -> None:
    laws = list(LAWS.values())
    rows = dict(cp.law.comparison_rows(laws))
    for index, rules in enumerate(laws):
        for duty in rules:
            assert str(duty.citation) in rows[duty.id][index]
    assert rows["visit_routine"][0] == ""  # England has no such duty


def test_short_break_test_is_the_responsible_authoritys() -> None:
    twenty_days = [(D(2024, 1, 1), D(2024, 1, 20))]
    assert cp.law.SHORT_BREAK_LIMITS[Jurisdiction.WALES].allows(twenty_days)
    assert not cp.law.SHORT_BREAK_LIMITS[Jurisdiction.ENGLAND].allows(twenty_days)
    ninety_five = [(D(2024, m, 1), D(2024, m, 19)) for m in range(1, 6)]
    assert cp.law.SHORT_BREAK_LIMITS[Jurisdiction.SCOTLAND].allows(ninety_five)
    assert not cp.law.SHORT_BREAK_LIMITS[Jurisdiction.NORTHERN_IRELAND].allows(ninety_five)
