"""The audit's findings, each checked from the words of the regulation it concerns.

Each test's docstring says the case in plain words; the Legal cases page of the docs is built
from these docstrings and those of test_worked_examples.py.
"""

from __future__ import annotations

import datetime as dt

from corparent.codes import (
    Activity,
    InTouch,
    LegalStatus,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
)
from corparent.jurisdiction import Jurisdiction
from corparent.law import ENGLAND, SHORT_BREAK_LIMITS, LeaverStatus
from corparent.leaving_care import care_leaver_determination, care_leaver_status, short_breaks
from corparent.model import (
    AccommodationProvided,
    CarePlan,
    CaseRecord,
    CeaseToLookAfterApproval,
    Child,
    Episode,
    HealthAssessment,
    IROAppointment,
    LeaverOutcome,
    PathwayPlan,
    PermanencePlan,
    PersonalAdviserAppointment,
    PersonalAdviserContact,
    PlacementTerminationNotice,
    Review,
    ShortBreakArrangement,
    StayingPut,
    Visit,
)
from corparent.schedule import Obligation, Status, schedule

D = dt.date
E4A = ReasonEpisodeCeased.E4A


def brk(start: dt.date, end: dt.date, rec: ReasonEpisodeCeased = E4A) -> Episode:
    return Episode(
        start=start,
        end=end,
        legal_status=LegalStatus.V3,
        placement=PlacementType.U6,
        reason_ceased=rec,
    )


DOB = D(2014, 5, 1)


def record(*episodes: Episode, dob: dt.date = DOB, **fields: object) -> CaseRecord:
    return CaseRecord(
        child=Child(id="A1", date_of_birth=dob),
        episodes=list(episodes),
        **fields,  # type: ignore[arg-type]
    )


def obs(r: CaseRecord, duty: str, as_of: dt.date) -> tuple[Obligation, ...]:
    return schedule(r, as_of).by_duty().get(duty, ())


def test_short_breaks_form_one_series_with_reviews_between_breaks() -> None:
    """Short breaks count as one placement. A child has weekend breaks with the same foster
    carer from Sat 30 Nov 2024 and again from Fri 10 Jan 2025, going home after each. Their
    first review is due within 3 months of the first break, by Fri 28 Feb 2025; a review
    held at home between breaks, on Thu 20 Feb 2025, meets it, and the next is due within
    6 months, by Wed 20 Aug 2025. The second break does not start a new set of reviews, and
    the full regulations' first review within 20 working days does not apply."""
    r = record(
        brk(D(2024, 11, 30), D(2024, 12, 2)),
        brk(D(2025, 1, 10), D(2025, 1, 12)),
        reviews=[Review(date=D(2025, 2, 20))],
    )
    first = obs(r, "review_short_breaks", D(2025, 3, 1))
    assert [(o.due, o.status) for o in first] == [(D(2025, 2, 28), Status.MET)]
    later = obs(r, "review_short_breaks_subsequent", D(2025, 3, 1))
    assert [o.due for o in later] == [D(2025, 8, 20)]
    assert not obs(r, "review_first", D(2025, 3, 1))
    assert not obs(r, "care_plan_prepare", D(2025, 3, 1))


def test_breaks_recorded_one_by_one_form_one_series_under_a_recorded_arrangement() -> None:
    """A recorded short-break arrangement does not turn each break into its own series. The
    same two weekend breaks, with the council's record of the agreed arrangement from Fri 1
    Nov 2024, still have one first review, due by Fri 28 Feb 2025."""
    r = record(
        brk(D(2024, 11, 30), D(2024, 12, 2)),
        brk(D(2025, 1, 10), D(2025, 1, 12)),
        short_breaks=[ShortBreakArrangement(start=D(2024, 11, 1))],
    )
    first = obs(r, "review_short_breaks", D(2025, 3, 1))
    assert [o.due for o in first] == [D(2025, 2, 28)]
    assert len(short_breaks(r).series) == 1


def test_short_break_visits_count_only_on_break_days() -> None:
    """Visits to a short-break child are made on days the child is placed. The series from
    Sat 30 Nov 2024 needs a first visit within 3 months; a visit at the carer's on Sun 1 Dec
    2024 meets it, and the next is due within 6 months, by Sun 1 Jun 2025. A visit at home
    on Fri 20 Dec 2024, between breaks, does not count."""
    r = record(
        brk(D(2024, 11, 30), D(2024, 12, 2)),
        brk(D(2025, 1, 10), D(2025, 1, 12)),
        visits=[Visit(date=D(2024, 12, 1), seen=True), Visit(date=D(2024, 12, 20), seen=True)],
    )
    first = obs(r, "visit_short_breaks_first", D(2025, 3, 1))
    assert [(o.due, o.status, o.met_on) for o in first] == [
        (D(2025, 2, 28), Status.MET, D(2024, 12, 1))
    ]
    assert [o.due for o in obs(r, "visit_short_breaks", D(2025, 3, 1))] == [D(2025, 6, 1)]


def test_short_break_plan_is_due_before_the_first_break() -> None:
    """A short-break child has a short-break care plan before the first break (not a care
    plan within 10 working days). With the first break on Sat 30 Nov 2024 and the plan
    written on Mon 25 Nov 2024, the duty is met."""
    r = record(brk(D(2024, 11, 30), D(2024, 12, 2)), care_plans=[CarePlan(date=D(2024, 11, 25))])
    plan = obs(r, "care_plan_short_breaks", D(2025, 1, 1))
    assert [(o.due, o.status) for o in plan] == [(D(2024, 11, 30), Status.MET)]


def test_a_break_over_17_days_brings_the_full_regulations() -> None:
    """No single short break may last more than 17 days. A break from Mon 1 Jul 2024 to Mon
    22 Jul 2024 is 22 days, so the child is looked after under the full regulations for it:
    a care plan within 10 working days (by Mon 15 Jul 2024), missed when care ended, and a
    visit within a week, instead of the short-break duties."""
    r = record(brk(D(2024, 7, 1), D(2024, 7, 22)))
    found = short_breaks(r)
    assert not found.series
    assert "more than 17" in found.breaks[0].reason
    plan = obs(r, "care_plan_prepare", D(2024, 8, 1))
    assert [(o.due, o.status) for o in plan] == [(D(2024, 7, 15), Status.MISSED)]
    assert obs(r, "visit_first", D(2024, 8, 1))
    assert not obs(r, "review_short_breaks", D(2024, 8, 1))


def test_each_nation_tests_breaks_against_its_own_limits() -> None:
    """The limits are the responsible authority's nation's. A 20-day break is too long for
    England's 17 days but within Wales's 4 weeks."""
    r = record(brk(D(2024, 7, 1), D(2024, 7, 20)))
    assert not short_breaks(r).series
    welsh = short_breaks(r, limits=SHORT_BREAK_LIMITS[Jurisdiction.WALES])
    assert [len(s.periods) for s in welsh.series] == [1]


def test_breaks_over_75_days_in_12_months_end_the_series() -> None:
    """The breaks may total no more than 75 days in any 12 months. Five fortnightly breaks of
    17 days each (counting both the first and last day) reach 85 days: the fifth break is
    under the full regulations and ends the series; the first four stay one series."""
    starts = [D(2024, 1, 1) + dt.timedelta(days=30 * k) for k in range(5)]
    r = record(*(brk(s, s + dt.timedelta(days=16)) for s in starts))
    found = short_breaks(r)
    assert [b.days for b in found.breaks] == [17] * 5
    assert [b.reg48 for b in found.breaks] == [True, True, True, True, False]
    assert found.breaks[-1].days_in_12_months == 85
    assert len(found.series) == 1
    assert len(found.series[0].periods) == 4
    assert found.series[0].end == starts[4]


def test_a_break_not_ending_at_home_is_not_reg_48() -> None:
    """The child must return to a parent or a person with parental responsibility after each
    break. A break that ended with the child going to live with someone else (reason E13) is
    under the full regulations: its placement plan is due within 5 working days."""
    r = record(brk(D(2024, 7, 1), D(2024, 7, 12), rec=ReasonEpisodeCeased.E13))
    assert not short_breaks(r).series
    assert "did not return" in short_breaks(r).breaks[0].reason
    assert [o.due for o in obs(r, "placement_plan_prepare", D(2024, 8, 1))] == [D(2024, 7, 8)]
    assert not obs(r, "review_short_breaks", D(2024, 8, 1))


def test_iro_appointed_before_an_early_first_review() -> None:
    """The IRO must be appointed before the case is first reviewed. A child looked after
    from Mon 8 Jan 2024 has a first review early, on Fri 19 Jan 2024; an IRO appointed on Mon
    22 Jan 2024 is late, although within 20 working days."""
    r = record(
        Episode(start=D(2024, 1, 8), legal_status=LegalStatus.C2, placement=PlacementType.U4),
        reviews=[Review(date=D(2024, 1, 19))],
        iro_appointments=[IROAppointment(date=D(2024, 1, 22))],
    )
    (iro,) = obs(r, "iro_appoint", D(2024, 3, 1))
    assert (iro.due, iro.status) == (D(2024, 1, 19), Status.MET_LATE)
    ((_, first),) = [(o.duty.id, o.due) for o in obs(r, "review_first", D(2024, 3, 1))]
    assert first == D(2024, 2, 5)


def test_initial_health_assessment_before_an_early_first_review() -> None:
    """Where it was not done before the placement, the initial health assessment is due
    before the first review. With a first review on Fri 19 Jan 2024, an assessment on Tue 23
    Jan 2024 is late; without a review yet, it is due by the 20th working day."""
    ep = Episode(start=D(2024, 1, 8), legal_status=LegalStatus.C2, placement=PlacementType.U4)
    late = record(
        ep,
        reviews=[Review(date=D(2024, 1, 19))],
        health_assessments=[
            HealthAssessment(date=D(2024, 1, 23), kind="initial", by_medical_practitioner=True)
        ],
    )
    (ob,) = obs(late, "health_assessment_initial", D(2024, 3, 1))
    assert (ob.due, ob.status) == (D(2024, 1, 19), Status.MET_LATE)
    (open_,) = obs(record(ep), "health_assessment_initial", D(2024, 1, 20))
    assert open_.due == D(2024, 2, 5)


def _moved(change: ReasonPlaceChange, **fields: object) -> CaseRecord:
    return record(
        Episode(
            start=D(2024, 3, 1),
            end=D(2024, 3, 15),
            legal_status=LegalStatus.C2,
            placement=PlacementType.U4,
            reason_ceased=ReasonEpisodeCeased.X1,
            reason_place_change=change,
        ),
        Episode(
            start=D(2024, 3, 15),
            legal_status=LegalStatus.C2,
            placement=PlacementType.U5,
            reason_new=ReasonNewEpisode.P,
        ),
        **fields,
    )


def test_termination_notice_within_ten_working_days() -> None:
    """When the authority ends a placement and could not give written notice first, notice is
    due within 10 working days of the end. A placement ended at the authority's request on Fri
    15 Mar 2024 needs notice by Tue 2 Apr 2024 (Good Friday and Easter Monday are not working
    days). A placement the carer ended is not covered."""
    notice = PlacementTerminationNotice(date=D(2024, 4, 2), placement_start=D(2024, 3, 1))
    r = _moved(ReasonPlaceChange.LAREQ, termination_notices=[notice])
    (ob,) = obs(r, "placement_terminate_notice", D(2024, 5, 1))
    assert (ob.due, ob.status) == (D(2024, 4, 2), Status.MET)
    (overdue,) = obs(_moved(ReasonPlaceChange.STAND), "placement_terminate_notice", D(2024, 5, 1))
    assert overdue.status is Status.OVERDUE
    assert not obs(_moved(ReasonPlaceChange.CREQB), "placement_terminate_notice", D(2024, 5, 1))


def _home_at_16(reason: ReasonEpisodeCeased) -> CaseRecord:
    return record(
        Episode(
            start=D(2022, 3, 1),
            end=D(2023, 3, 1),
            legal_status=LegalStatus.V2,
            placement=PlacementType.U4,
            reason_ceased=reason,
        ),
        dob=D(2007, 1, 1),
    )


def test_qualifying_after_six_months_at_home_with_a_parent() -> None:
    """A young person born 1 Jan 2007, looked after from 1 Mar 2022 and eligible from their
    16th birthday, goes home to a parent on 1 Mar 2023. They are a relevant child until six
    months at home have passed (to 31 Aug 2023), then a qualifying care leaver until the day
    before their 21st birthday, because they were looked after after reaching 16."""
    r = _home_at_16(ReasonEpisodeCeased.E4A)
    assert care_leaver_status(r, D(2023, 5, 1)) is LeaverStatus.RELEVANT
    assert care_leaver_status(r, D(2023, 9, 1)) is LeaverStatus.QUALIFYING
    assert care_leaver_status(r, D(2027, 12, 31)) is LeaverStatus.QUALIFYING
    assert care_leaver_status(r, D(2028, 1, 1)) is LeaverStatus.NONE


def test_living_with_someone_without_parental_responsibility_keeps_relevant_status() -> None:
    """The six-months-at-home rule covers only a parent or a person with parental
    responsibility. The same young person going to live with someone without parental
    responsibility stays a relevant child to 18 and is then a former relevant child."""
    r = _home_at_16(ReasonEpisodeCeased.E13)
    assert care_leaver_status(r, D(2023, 9, 1)) is LeaverStatus.RELEVANT
    assert care_leaver_status(r, D(2025, 1, 1)) is LeaverStatus.FORMER_RELEVANT


def test_care_leaver_status_compares_with_leaver_status() -> None:
    """A care leaver's status is a plain value. Asking whether a relevant young person is
    eligible answers no; the dates and entitlements behind the status come separately."""
    r = _home_at_16(ReasonEpisodeCeased.E13)
    status = care_leaver_status(r, D(2023, 9, 1))
    assert status == LeaverStatus.RELEVANT
    assert status != LeaverStatus.ELIGIBLE
    determination = care_leaver_determination(r, D(2023, 9, 1))
    assert determination.status is status
    assert "relevant" in determination.explain()


def test_no_staying_put_after_leaving_care_at_17() -> None:
    """Staying put is for a young person looked after on reaching 18 in foster care. Someone
    who left care at 17 and later lives with a former foster carer has no staying-put
    entitlement; someone fostered until 18 does, until the day before their 21st birthday."""
    left_at_17 = record(
        Episode(
            start=D(2021, 1, 5),
            end=D(2023, 6, 1),
            legal_status=LegalStatus.C2,
            placement=PlacementType.U4,
            reason_ceased=ReasonEpisodeCeased.E8,
        ),
        dob=D(2006, 1, 1),
        staying_put=[StayingPut(start=D(2024, 1, 1))],
    )
    ents = care_leaver_determination(left_at_17, D(2024, 6, 1)).entitlements
    assert "staying put support" not in {e.name for e in ents}
    at_18 = record(
        Episode(
            start=D(2021, 1, 5),
            end=D(2024, 1, 1),
            legal_status=LegalStatus.C2,
            placement=PlacementType.U4,
            reason_ceased=ReasonEpisodeCeased.E17,
        ),
        dob=D(2006, 1, 1),
        staying_put=[StayingPut(start=D(2024, 1, 1))],
    )
    ents = care_leaver_determination(at_18, D(2024, 6, 1)).entitlements
    assert {e.name: e.end for e in ents}["staying put support"] == D(2026, 12, 31)


def _accommodated(**fields: object) -> CaseRecord:
    return record(
        Episode(
            start=D(2022, 1, 5),
            end=D(2025, 4, 4),
            legal_status=LegalStatus.C2,
            placement=PlacementType.U4,
            reason_ceased=ReasonEpisodeCeased.E8,
        ),
        dob=D(2008, 1, 10),
        accommodation_provided=[AccommodationProvided(start=D(2025, 4, 4))],
        **fields,
    )


def test_review_after_28_days_of_accommodation() -> None:
    """A care leaver's pathway plan is reviewed as soon as practicable after the 28 days
    beginning with the day the authority first provides accommodation (Fri 4 Apr 2025, so
    the 28 days end on Thu 1 May 2025): due from Fri 2 May 2025. A review on Sun 20 Apr 2025,
    inside the 28 days, does not count; one on Fri 2 May does."""
    early = _accommodated(pathway_plans=[PathwayPlan(date=D(2025, 4, 20))])
    (ob,) = obs(early, "pathway_plan_review_new_accommodation", D(2025, 5, 10))
    assert (ob.due, ob.status) == (D(2025, 5, 2), Status.OVERDUE)
    on_time = _accommodated(pathway_plans=[PathwayPlan(date=D(2025, 5, 2))])
    (ob,) = obs(on_time, "pathway_plan_review_new_accommodation", D(2025, 5, 10))
    assert ob.status is Status.MET


def test_personal_adviser_visits_again_before_that_review() -> None:
    """The personal adviser visits within 7 days and again before that review. With visits
    on Tue 8 Apr and Wed 30 Apr 2025 and the review on Fri 2 May, both are met; with the
    second visit only on Mon 5 May, the second is late; with no visit at all, it is overdue
    from Fri 2 May."""

    def contacts(*days: dt.date) -> list[PersonalAdviserContact]:
        return [PersonalAdviserContact(date=d, visit_at_accommodation=True) for d in days]

    review = [PathwayPlan(date=D(2025, 5, 2))]
    good = _accommodated(pa_contacts=contacts(D(2025, 4, 8), D(2025, 4, 30)), pathway_plans=review)
    (ob,) = obs(good, "pa_visit_before_accommodation_review", D(2025, 5, 10))
    assert (ob.due, ob.status) == (D(2025, 5, 2), Status.MET)
    late = _accommodated(pa_contacts=contacts(D(2025, 4, 8), D(2025, 5, 5)), pathway_plans=review)
    (ob,) = obs(late, "pa_visit_before_accommodation_review", D(2025, 5, 10))
    assert ob.status is Status.MET_LATE
    (none,) = obs(_accommodated(), "pa_visit_before_accommodation_review", D(2025, 5, 10))
    assert (none.due, none.status) == (D(2025, 5, 2), Status.OVERDUE)


def _former_relevant(**fields: object) -> CaseRecord:
    plans = [PathwayPlan(date=D(2018, 1, 1) + dt.timedelta(days=180 * k)) for k in range(7)]
    return record(
        Episode(
            start=D(2014, 1, 5),
            end=D(2018, 1, 1),
            legal_status=LegalStatus.C2,
            placement=PlacementType.U4,
            reason_ceased=ReasonEpisodeCeased.E17,
        ),
        dob=D(2000, 1, 1),
        pathway_plans=plans,
        **fields,
    )


def test_pathway_plans_continue_past_21_with_a_personal_adviser() -> None:
    """Pathway-plan duties usually end at 21, but continue to 25 for a young person who asks
    for a personal adviser after 21, or who is in the education or training their plan sets
    out. Born 1 Jan 2000, with the last plan on Wed 16 Dec 2020: without either, nothing is
    due after 1 Jan 2021; with an adviser appointed on 1 Mar 2021, or in higher education
    around the 21st birthday, the next review is due by Wed 16 Jun 2021."""
    as_of = D(2021, 12, 1)
    assert not obs(_former_relevant(), "pathway_plan_review", as_of)[-1].due > D(2021, 1, 1)
    pa = _former_relevant(pa_appointments=[PersonalAdviserAppointment(date=D(2021, 3, 1))])
    (after,) = obs(pa, "pathway_plan_review_after_21_with_adviser", as_of)
    assert after.due == D(2021, 6, 16)
    assert not after.version.citation.provisional
    study = _former_relevant(
        leaver_outcomes=[
            LeaverOutcome(year_ending=D(2021, 3, 31), in_touch=InTouch.YES, activity=Activity.F1)
        ]
    )
    (after,) = obs(study, "pathway_plan_review_after_21_in_education", as_of)
    assert after.due == D(2021, 6, 16)
    assert "provisional" in after.explain()


def test_visit_to_a_child_detained_after_leaving_care() -> None:
    """A child accommodated by the council who stops being looked after on being sentenced
    to custody on Thu 14 Mar 2024 is visited within 10 working days, by Thu 28 Mar 2024. A
    child in care stays looked after in custody, so this duty does not arise for them."""

    def sentenced(status: LegalStatus) -> CaseRecord:
        return record(
            Episode(
                start=D(2023, 1, 5),
                end=D(2024, 3, 14),
                legal_status=status,
                placement=PlacementType.U4,
                reason_ceased=ReasonEpisodeCeased.E9,
            ),
            dob=D(2009, 1, 1),
            visits=[Visit(date=D(2024, 3, 27), seen=True)],
        )

    (ob,) = obs(sentenced(LegalStatus.V2), "visit_former_lac_in_detention", D(2024, 4, 30))
    assert (ob.due, ob.status) == (D(2024, 3, 28), Status.MET)
    assert "provisional" in ob.explain()
    assert not obs(sentenced(LegalStatus.C2), "visit_former_lac_in_detention", D(2024, 4, 30))


def test_nominated_officer_approves_ceasing_after_20_working_days() -> None:
    """A decision to stop looking after a child accommodated for at least 20 working days
    needs the nominated officer's approval before it takes effect. A child accommodated from
    Thu 1 Feb 2024 who goes home on Mon 1 Apr 2024 needs approval by that day; a child
    accommodated for a week does not."""

    def home(start: dt.date, **fields: object) -> CaseRecord:
        return record(
            Episode(
                start=start,
                end=D(2024, 4, 1),
                legal_status=LegalStatus.V2,
                placement=PlacementType.U4,
                reason_ceased=E4A,
            ),
            **fields,
        )

    approved = home(D(2024, 2, 1), cease_approvals=[CeaseToLookAfterApproval(date=D(2024, 3, 28))])
    (ob,) = obs(approved, "cease_to_look_after_approval", D(2024, 5, 1))
    assert (ob.due, ob.status) == (D(2024, 4, 1), Status.MET)
    (missing,) = obs(home(D(2024, 2, 1)), "cease_to_look_after_approval", D(2024, 5, 1))
    assert missing.status is Status.OVERDUE
    assert not obs(home(D(2024, 3, 25)), "cease_to_look_after_approval", D(2024, 5, 1))


def test_permanence_plan_by_the_second_review() -> None:
    """Statutory guidance asks for the plan for permanence by the second review. A child
    looked after from Mon 8 Jan 2024, first reviewed on Fri 2 Feb 2024, has the second
    review early on Wed 1 May 2024, so the permanence plan is due by that day; one recorded
    on Tue 30 Apr meets it."""
    r = record(
        Episode(start=D(2024, 1, 8), legal_status=LegalStatus.C2, placement=PlacementType.U4),
        reviews=[Review(date=D(2024, 2, 2)), Review(date=D(2024, 5, 1))],
        permanence_plans=[PermanencePlan(date=D(2024, 4, 30))],
    )
    (ob,) = obs(r, "care_plan_permanence_by_second_review", D(2024, 6, 1))
    assert (ob.due, ob.status) == (D(2024, 5, 1), Status.MET)
    pending = record(
        Episode(start=D(2024, 1, 8), legal_status=LegalStatus.C2, placement=PlacementType.U4),
        reviews=[Review(date=D(2024, 2, 2))],
    )
    (ob,) = obs(pending, "care_plan_permanence_by_second_review", D(2024, 3, 1))
    assert ob.due == D(2024, 5, 2)


def test_entitlement_windows_say_21st_and_25th() -> None:
    """Ages as ordinals. Entitlements that end at an age say "until the 21st birthday" and
    "until the 25th birthday"."""
    assert ENGLAND["staying_put"].rule.describe() == "until the 21st birthday"
    assert ENGLAND["pa_to_25"].rule.describe() == "until the 25th birthday"
