"""Worked examples of the law, through the public API.

Each test's docstring says the case in plain words; the Legal cases page of the docs is built
from these docstrings and those of test_law_audit.py.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from corparent.codes import LegalStatus, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode
from corparent.dates import ANY_PART_OF_THE_UK
from corparent.law import (
    Conventions,
    HealthTransition,
    LeaverEpisodeRule,
    UnannouncedVisitYear,
    VisitStraddle,
)
from corparent.leaving_care import care_leaver_determination, eligible_from
from corparent.model import (
    AccommodationProvided,
    Carer,
    CaseRecord,
    Child,
    ConnectedPersonApproval,
    EmergencyPlacementOutsideApproval,
    Episode,
    HealthAssessment,
    HealthAssessmentKind,
    LongTermFosterPlacement,
    PathwayPlan,
    PersonalAdviserContact,
    PlacementUntil18,
    PlacementWithParentPendingAssessment,
    PlanKind,
    ReducedVisitsConsent,
    Review,
    ShortBreakArrangement,
    StayingPut,
    Visit,
)
from corparent.schedule import Obligation, Status, carer_schedule, schedule

D = dt.date
X1 = ReasonEpisodeCeased.X1
B = Conventions(count_trigger_day=True)


def ep(start: dt.date, end: dt.date | None = None, **kw: object) -> Episode:
    fields: dict[str, object] = {
        "start": start,
        "end": end,
        "legal_status": LegalStatus.C2,
        "placement": PlacementType.U4,
    }
    if end is not None:
        fields["reason_ceased"] = ReasonEpisodeCeased.E8
    fields.update(kw)
    return Episode(**fields)  # type: ignore[arg-type]


DOB = D(2012, 6, 1)


def rec(start: dt.date, dob: dt.date = DOB, **fields: object) -> CaseRecord:
    fields.setdefault("episodes", [ep(start)])
    return CaseRecord(child=Child(id="W", date_of_birth=dob), **fields)  # type: ignore[arg-type]


def due(record: CaseRecord, duty_id: str, as_of: dt.date, n: int = 0, **kw: object) -> dt.date:
    return obligation(record, duty_id, as_of, n, **kw).due


def obligation(
    record: CaseRecord, duty_id: str, as_of: dt.date, n: int = 0, **kw: object
) -> Obligation:
    obs = schedule(record, as_of, **kw).by_duty()[duty_id]  # type: ignore[arg-type]
    return obs[n]


AS_OF = D(2026, 1, 1)


def test_w1_first_review_over_christmas() -> None:
    """First review over Christmas. A child looked after from Fri 22 Dec 2023 has a first
    review due within 20 working days, by Wed 24 Jan 2024: Christmas Day, Boxing Day and New
    Year's Day are not working days, and the day the child became looked after is not
    counted. If that day counted as day 1, the review would be due on Tue 23 Jan 2024."""
    r = rec(D(2023, 12, 22))
    assert due(r, "review_first", AS_OF) == D(2024, 1, 24)
    assert due(r, "review_first", AS_OF, conventions=B) == D(2024, 1, 23)


def test_w2_care_plan_and_pep_ten_working_days() -> None:
    """Care plan and education plan in 10 working days. The same child, placed in an
    emergency that day, needs a care plan and a Personal Education Plan within 10 working
    days: by Wed 10 Jan 2024."""
    r = rec(D(2023, 12, 22))
    assert due(r, "care_plan_prepare", AS_OF) == D(2024, 1, 10)
    assert due(r, "pep_initiate", AS_OF) == D(2024, 1, 10)


def test_w3_iro_appointment() -> None:
    """Independent reviewing officer. Good practice is to appoint the IRO within 5 working
    days (by Wed 3 Jan 2024 for the same child); the law requires the appointment before the
    first review, so at the latest by Wed 24 Jan 2024."""
    r = rec(D(2023, 12, 22))
    assert due(r, "iro_appoint_good_practice", AS_OF) == D(2024, 1, 3)
    assert due(r, "iro_appoint", AS_OF) == D(2024, 1, 24)


def test_w4_reviews_chain_from_actual_dates() -> None:
    """Reviews run from the actual date of the previous review. A first review held on its
    due date, Wed 24 Jan 2024, makes the second due within 3 months (Wed 24 Apr 2024); a
    second held that day makes the third due within 6 months (Thu 24 Oct 2024)."""
    r = rec(D(2023, 12, 22), reviews=[Review(date=D(2024, 1, 24)), Review(date=D(2024, 4, 24))])
    assert obligation(r, "review_first", AS_OF).status is Status.MET
    assert due(r, "review_second", AS_OF) == D(2024, 4, 24)
    assert due(r, "review_subsequent", AS_OF) == D(2024, 10, 24)
    assert obligation(r, "review_subsequent", AS_OF).status is Status.OVERDUE


@pytest.mark.parametrize(
    ("name", "start", "duty", "expected"),
    [
        ("W5", D(2022, 6, 1), "placement_plan_prepare", D(2022, 6, 10)),
        ("W6", D(2022, 9, 15), "placement_notify", D(2022, 9, 23)),
        ("W8", D(2020, 5, 4), "placement_plan_prepare", D(2020, 5, 12)),
        ("W9", D(2022, 12, 22), "placement_notify", D(2023, 1, 3)),
        ("W7", D(2023, 4, 24), "review_first", D(2023, 5, 24)),
        ("W10", D(2023, 12, 23), "review_first", D(2024, 1, 24)),
        ("W32", D(2023, 4, 6), "review_first", D(2023, 5, 10)),
        ("W26 England", D(2024, 12, 20), "review_first", D(2025, 1, 22)),
    ],
)
def test_working_day_examples(name: str, start: dt.date, duty: str, expected: dt.date) -> None:
    """Moved and one-off bank holidays. Working days follow the real calendar of England
    and Wales: a placement from Wed 1 Jun 2022 needs its plan within 5 working days by Fri 10
    Jun 2022 (the moved spring holiday and the Platinum Jubilee); notice of a placement from
    Thu 15 Sep 2022 is due by Fri 23 Sep 2022 (the State Funeral); a placement from Mon 4 May
    2020 by Tue 12 May 2020 (the VE Day holiday on Fri 8 May); notice of a placement from Thu
    22 Dec 2022 by Tue 3 Jan 2023 (substitute holidays on 27 Dec and 2 Jan). First reviews:
    looked after from Mon 24 Apr 2023, due Wed 24 May 2023 (the Coronation holiday); from Sat
    23 Dec 2023, due Wed 24 Jan 2024; from Thu 6 Apr 2023, due Wed 10 May 2023 (Easter, early
    May and the Coronation); from Fri 20 Dec 2024, due Wed 22 Jan 2025."""
    assert due(rec(start), duty, AS_OF) == expected, name


def test_w10_saturday_trigger_same_under_both_conventions() -> None:
    """A Saturday start. When the day that starts the count is not a working day, counting
    it or not makes no difference: a child looked after on Sat 23 Dec 2023 has a first review
    due on Wed 24 Jan 2024 either way."""
    assert due(rec(D(2023, 12, 23)), "review_first", AS_OF, conventions=B) == D(2024, 1, 24)


def test_w11_w12_month_end_clamping_and_drift() -> None:
    """Months end on the last day of a shorter month. A first review on Thu 30 Nov 2023 makes
    the second due by Thu 29 Feb 2024 (there is no 30 February). Reviews on Tue 20 Aug 2024,
    Sat 31 Aug 2024 and Fri 28 Feb 2025 make the next due by 20 Feb 2025, 28 Feb 2025 and Thu
    28 Aug 2025: each interval runs from the review actually held, so the date drifts and is
    never computed as the first date plus a multiple of 6 months."""
    r = rec(D(2023, 10, 30), reviews=[Review(date=D(2023, 11, 30))])
    assert due(r, "review_second", AS_OF) == D(2024, 2, 29)
    r = rec(
        D(2024, 5, 1),
        reviews=[
            Review(date=D(2024, 5, 20)),
            Review(date=D(2024, 8, 20)),
            Review(date=D(2024, 8, 31)),
            Review(date=D(2025, 2, 28)),
        ],
    )
    subsequent = schedule(r, AS_OF).by_duty()["review_subsequent"]
    assert [o.due for o in subsequent] == [D(2025, 2, 20), D(2025, 2, 28), D(2025, 8, 28)]


def _w13(visits: list[dt.date]) -> CaseRecord:
    return rec(
        D(2024, 1, 8),
        placements_until_18=[PlacementUntil18(start=D(2024, 1, 8))],
        visits=[Visit(date=d, seen=True) for d in visits],
    )


W13_CHAIN = [
    D(2024, 1, 12),
    D(2024, 2, 23),
    D(2024, 4, 5),
    D(2024, 5, 17),
    D(2024, 6, 28),
    D(2024, 8, 9),
    D(2024, 9, 20),
    D(2024, 11, 1),
    D(2024, 12, 13),
]


def test_w13_visits_in_the_first_year_and_the_straddle() -> None:
    """Visits in a placement's first year. A placement meant to last until 18 begins Mon 8
    Jan 2024: the first visit is due within a week (Mon 15 Jan 2024), then visits at most 6
    weeks apart in the first year. Visiting on each last permitted day gives 23 Feb, 5 Apr,
    17 May, 28 Jun, 9 Aug, 20 Sep, 1 Nov and 13 Dec 2024. The first year ends on Tue 7 Jan
    2025; the interval that began inside it keeps the 6-week limit, so the next visit is due
    by Fri 24 Jan 2025 (under the 3-month reading of the year's end, by Thu 13 Mar 2025)."""
    r = _w13(W13_CHAIN)
    s = schedule(r, D(2024, 12, 20))
    assert s.by_duty()["visit_first"][0].due == D(2024, 1, 15)
    first_year = s.by_duty()["visit_first_year"]
    assert [o.due for o in first_year[:-1]] == W13_CHAIN[1:]
    assert all(o.status is Status.MET for o in first_year[:-1])
    assert first_year[-1].due == D(2025, 1, 24)
    later = schedule(
        r, D(2024, 12, 20), conventions=Conventions(visit_straddle=VisitStraddle.THREE_MONTHS)
    )
    assert later.by_duty()["visit_after_first_year"][-1].due == D(2025, 3, 13)


def test_w14_a_move_restarts_visits_but_not_reviews() -> None:
    """A move restarts visits, not reviews. The same child moves on Wed 20 Mar 2024: a new
    first visit is due within a week (Wed 27 Mar 2024), but the review dates do not change,
    because reviews run from becoming looked after and from the previous review."""
    base = rec(
        D(2024, 1, 8),
        visits=[Visit(date=D(2024, 1, 12), seen=True), Visit(date=D(2024, 2, 23), seen=True)],
        reviews=[Review(date=D(2024, 2, 5))],
    )
    moved = attrs.evolve(
        base,
        episodes=[
            ep(D(2024, 1, 8), D(2024, 3, 20), reason_ceased=X1),
            ep(D(2024, 3, 20), reason_new=ReasonNewEpisode.P, placement=PlacementType.U6),
        ],
    )
    as_of = D(2024, 3, 25)
    firsts = schedule(moved, as_of).by_duty()["visit_first"]
    assert [o.due for o in firsts] == [D(2024, 1, 15), D(2024, 3, 27)]

    def reviews(r: CaseRecord) -> list[tuple[str, dt.date]]:
        return [(o.duty.id, o.due) for o in schedule(r, as_of) if o.duty.id.startswith("review")]

    assert reviews(moved) == reviews(base)


def test_w15_connected_person_visits_and_temporary_approval() -> None:
    """Placement with a relative not yet approved. A child looked after and placed with an
    aunt on Fri 1 Mar 2024 is visited weekly until the first review (due Tue 2 Apr 2024 after
    Good Friday and Easter Monday), then at most every 4 weeks: after visits on 8, 15 and 22
    Mar and a review on 28 Mar, the next visit is due by Fri 19 Apr 2024. The temporary
    approval lasts at most 16 weeks, to Thu 20 Jun 2024, and an extension at most 8 more,
    to Thu 15 Aug 2024 (Fri 21 Jun and Fri 16 Aug if the first day is not counted)."""
    r = rec(
        D(2024, 3, 1),
        episodes=[ep(D(2024, 3, 1), placement=PlacementType.U3)],
        connected_person_approvals=[
            ConnectedPersonApproval(start=D(2024, 3, 1), extended_on=D(2024, 6, 10))
        ],
        visits=[
            Visit(date=D(2024, 3, 8), seen=True),
            Visit(date=D(2024, 3, 15), seen=True),
            Visit(date=D(2024, 3, 22), seen=True),
        ],
        reviews=[Review(date=D(2024, 3, 28))],
    )
    s = schedule(r, D(2024, 4, 10))
    assert s.by_duty()["review_first"][0].due == D(2024, 4, 2)
    assert s.by_duty()["visit_connected_person_after_first_review"][0].due == D(2024, 4, 19)
    assert [o.due for o in s.by_duty()["visit_connected_person_or_ico_with_parent"]] == [
        D(2024, 3, 15),
        D(2024, 3, 22),
    ]
    late = schedule(r, D(2024, 9, 1))
    assert late.by_duty()["connected_person_temp_approval"][0].due == D(2024, 6, 20)
    assert late.by_duty()["connected_person_extension"][0].due == D(2024, 8, 15)
    alt = schedule(r, D(2024, 9, 1), conventions=Conventions(period_includes_trigger=False))
    assert alt.by_duty()["connected_person_temp_approval"][0].due == D(2024, 6, 21)
    assert alt.by_duty()["connected_person_extension"][0].due == D(2024, 8, 16)


def test_placements_ending_on_their_last_permitted_day_are_in_time() -> None:
    """A fact's end is the last day it holds. An emergency placement outside the carer's
    approval from Thu 19 Dec 2024 may last to Tue 31 Dec 2024: ending that day is in time, a
    day later is one day late. A temporary approval from Fri 1 Mar 2024 may last to Thu 20 Jun
    2024: a placement ending that day needs no extension."""
    start = D(2024, 12, 19)

    def emergency(end: dt.date) -> Obligation:
        r = rec(
            start,
            emergency_placements_outside_approval=[
                EmergencyPlacementOutsideApproval(start=start, end=end)
            ],
        )
        return obligation(r, "emergency_foster_outside_approval", AS_OF)

    assert emergency(D(2024, 12, 31)).status is Status.MET
    late = emergency(D(2025, 1, 1))
    assert (late.status, late.days_late(AS_OF)) == (Status.MET_LATE, 1)

    def connected(end: dt.date) -> Obligation:
        r = rec(
            D(2024, 3, 1),
            connected_person_approvals=[ConnectedPersonApproval(start=D(2024, 3, 1), end=end)],
        )
        return obligation(r, "connected_person_temp_approval", AS_OF)

    assert connected(D(2024, 6, 20)).status is Status.MET
    assert connected(D(2024, 6, 21)).status is Status.MET_LATE


def test_w16_health_reviews_across_the_fifth_birthday() -> None:
    """Health reviews across the 5th birthday. A child born Tue 10 Mar 2020 with assessments
    on 25 Jan 2024, 25 Jul 2024 and 25 Jan 2025 has reviews every 6 months under 5 and every
    12 months from 5. The assessment before the 5th birthday is followed within 6 months, by
    Fri 25 Jul 2025 (under the 12-month reading, by Sun 25 Jan 2026)."""
    assessments = [
        HealthAssessment(
            date=D(2024, 1, 25), kind=HealthAssessmentKind.INITIAL, by_medical_practitioner=True
        ),
        HealthAssessment(date=D(2024, 7, 25), kind=HealthAssessmentKind.REVIEW),
        HealthAssessment(date=D(2025, 1, 25), kind=HealthAssessmentKind.REVIEW),
    ]
    r = rec(D(2024, 1, 10), dob=D(2020, 3, 10), health_assessments=assessments)
    s = schedule(r, D(2025, 3, 1))
    assert [o.due for o in s.by_duty()["health_review_under_5"]] == [
        D(2024, 7, 25),
        D(2025, 1, 25),
        D(2025, 7, 25),
    ]
    twelve = Conventions(health_across_fifth_birthday=HealthTransition.TWELVE_MONTHS)
    alt = schedule(r, D(2025, 3, 1), conventions=twelve)
    assert alt.by_duty()["health_review_5_plus"][-1].due == D(2026, 1, 25)


def _w17() -> CaseRecord:
    return CaseRecord(
        child=Child(id="W17", date_of_birth=D(2008, 3, 15)),
        episodes=[
            ep(D(2021, 12, 1), D(2022, 4, 10)),
            ep(D(2023, 6, 1), D(2023, 6, 30)),
            ep(D(2024, 2, 20)),
        ],
    )


def test_w17_thirteen_weeks_three_ways() -> None:
    """Thirteen weeks of care since the 14th birthday. A young person born 15 Mar 2008 was
    looked after from 1 Dec 2021 to 10 Apr 2022, from 1 to 30 Jun 2023 and from 20 Feb 2024.
    Counting days from the 14th birthday and not the day an episode ended, they become an
    eligible child on Wed 27 Mar 2024; counting that day too, on Sun 24 Mar 2024; counting
    only episodes begun after the 14th birthday, on Mon 22 Apr 2024. Nobody is eligible
    before their 16th birthday."""
    r = _w17()
    assert eligible_from(r) == D(2024, 3, 27)
    assert eligible_from(r, Conventions(leaver_count_end_day=True)) == D(2024, 3, 24)
    strict = Conventions(
        leaver_episode_rule=LeaverEpisodeRule.EPISODES_STARTING_AFTER_14TH_BIRTHDAY
    )
    assert eligible_from(r, strict) == D(2024, 4, 22)


def test_w18_needs_assessment_three_months_after_becoming_eligible() -> None:
    """Needs assessment after becoming eligible. The same young person, eligible from Wed 27
    Mar 2024, needs a leaving-care needs assessment within 3 months: by Thu 27 Jun 2024."""
    assert due(_w17(), "needs_assessment_eligible", D(2024, 7, 1)) == D(2024, 6, 27)


def test_w19_needs_assessment_after_sixteenth_birthday() -> None:
    """Needs assessment after the 16th birthday. A child looked after since 13 and 16 on Sat
    30 Nov 2024 needs the assessment by Fri 28 Feb 2025 (there is no 30 February)."""
    r = CaseRecord(
        child=Child(id="W19", date_of_birth=D(2008, 11, 30)), episodes=[ep(D(2022, 1, 5))]
    )
    assert due(r, "needs_assessment_eligible", D(2025, 3, 1)) == D(2025, 2, 28)


def test_w20_pathway_plan_review() -> None:
    """Pathway plan reviews. A care leaver's pathway plan reviewed on Mon 31 Mar 2025 is
    reviewed again within 6 months, by Tue 30 Sep 2025 (there is no 31 September)."""
    r = CaseRecord(
        child=Child(id="W20", date_of_birth=D(2008, 1, 10)),
        episodes=[ep(D(2022, 1, 5), D(2025, 1, 20))],
        pathway_plans=[PathwayPlan(date=D(2025, 3, 31), kind=PlanKind.REVIEW)],
    )
    assert due(r, "pathway_plan_review", D(2025, 6, 1), -1) == D(2025, 9, 30)


def test_w21_pa_visits_when_accommodated() -> None:
    """Personal adviser visits to accommodation. The council provides accommodation to a
    care leaver from Fri 4 Apr 2025: the personal adviser visits within 7 days (by Fri 11 Apr
    2025), again before the pathway plan review that follows the 28 days beginning that day
    (the 28 days end Thu 1 May 2025), then at most every two months: after a visit on Wed 30
    Apr 2025 the next is due by Mon 30 Jun 2025. Two months is not 8 weeks."""
    r = CaseRecord(
        child=Child(id="W21", date_of_birth=D(2008, 1, 10)),
        episodes=[ep(D(2022, 1, 5), D(2025, 4, 4))],
        accommodation_provided=[AccommodationProvided(start=D(2025, 4, 4))],
        pa_contacts=[
            PersonalAdviserContact(date=d, visit_at_accommodation=True)
            for d in (D(2025, 4, 8), D(2025, 4, 30))
        ],
    )
    s = schedule(r, D(2025, 5, 10)).by_duty()
    assert s["pa_visit_when_accommodated"][0].due == D(2025, 4, 11)
    assert s["pa_visit_interval"][-1].due == D(2025, 6, 30)
    assert s["pathway_plan_review_new_accommodation"][0].due == D(2025, 5, 2)
    again = s["pa_visit_before_accommodation_review"][0]
    assert (again.due, again.met_on) == (D(2025, 5, 2), D(2025, 4, 30))


def test_w23_w24_entitlement_windows() -> None:
    """Entitlements that end at an age. A former relevant young person born 15 Jun 2001 may
    ask for a personal adviser until the day before their 25th birthday, 14 Jun 2026; someone
    born 10 Jan 1995 could ask only from 1 Apr 2018, when the right began, to 9 Jan 2020.
    Staying put support for a young person born 1 Sep 2006 and fostered at 18 lasts until
    31 Aug 2027, the day before their 21st birthday."""

    def leaver(dob: dt.date, **kw: object) -> CaseRecord:
        eighteen = D(dob.year + 18, dob.month, dob.day)
        return CaseRecord(
            child=Child(id="L", date_of_birth=dob),
            episodes=[ep(D(dob.year + 15, 1, 5), eighteen, reason_ceased=ReasonEpisodeCeased.E17)],
            **kw,
        )  # type: ignore[arg-type]

    determination = care_leaver_determination(leaver(D(2001, 6, 15)), D(2024, 1, 1))
    ents = {e.name: e for e in determination.entitlements}
    assert ents["personal adviser on request until 25"].end == D(2026, 6, 14)
    older = care_leaver_determination(leaver(D(1995, 1, 10)), D(2019, 1, 1)).entitlements
    pa = next(e for e in older if e.name.startswith("personal adviser on request"))
    assert (pa.start, pa.end) == (D(2018, 4, 1), D(2020, 1, 9))
    sp = leaver(D(2006, 9, 1), staying_put=[StayingPut(start=D(2024, 9, 1))])
    ents = {e.name: e for e in care_leaver_determination(sp, D(2025, 1, 1)).entitlements}
    assert ents["staying put support"].end == D(2027, 8, 31)


def test_w25_foster_carer_reviews() -> None:
    """A foster carer approved on Thu 29 Feb 2024 has the first review of their approval due
    within a year, by Fri 28 Feb 2025 (there is no 29 Feb 2025); a review completed on Thu
    20 Feb 2025 moves the next to Fri 20 Feb 2026. At least one unannounced visit to the home
    is due each year: with one on Tue 1 Oct 2024, the next is due by Wed 1 Oct 2025, or, if
    each year of approval is judged on its own, by its last day."""
    carer = Carer(
        id="F1",
        approved_on=D(2024, 2, 29),
        reviews=[D(2025, 2, 20)],
        unannounced_visits=[D(2024, 10, 1)],
    )
    obs = carer_schedule(carer, D(2025, 6, 1)).by_duty()
    assert [(o.due, o.status) for o in obs["foster_approval_review"]] == [
        (D(2025, 2, 28), Status.MET),
        (D(2026, 2, 20), Status.DUE),
    ]
    assert [(o.due, o.status) for o in obs["foster_unannounced_visit"]] == [
        (D(2025, 2, 28), Status.MET),
        (D(2025, 10, 1), Status.DUE),
    ]
    yearly = Conventions(unannounced_visit_year=UnannouncedVisitYear.APPROVAL_YEAR)
    by_year = carer_schedule(carer, D(2025, 6, 1), conventions=yearly).by_duty()
    assert [o.due for o in by_year["foster_unannounced_visit"]] == [
        D(2025, 2, 27),
        D(2026, 2, 27),
    ]


def test_w27_any_part_of_the_uk_calendar() -> None:
    """Whose bank holidays. Notice of an emergency placement on Thu 14 Mar 2024 is due by Thu
    21 Mar 2024 on the England and Wales calendar, or Fri 22 Mar 2024 if a bank holiday in
    any part of the UK counts (St Patrick's Day was observed on Mon 18 Mar in Northern
    Ireland)."""
    r = rec(D(2024, 3, 14))
    uk = Conventions(calendar=ANY_PART_OF_THE_UK)
    assert due(r, "placement_notify", AS_OF) == D(2024, 3, 21)
    assert due(r, "placement_notify", AS_OF, conventions=uk) == D(2024, 3, 22)


def test_w28_short_break_reviews() -> None:
    """Short-break reviews. A child whose agreed short breaks began on Sat 30 Nov 2024 has a
    first review within 3 months, by Fri 28 Feb 2025, then at most 6-monthly: held on 28 Feb,
    the next is due by Thu 28 Aug 2025. The full regulations' 20-working-day review and
    placement plan do not apply."""
    r = rec(
        D(2024, 11, 30),
        episodes=[ep(D(2024, 11, 30), legal_status=LegalStatus.V4)],
        short_breaks=[ShortBreakArrangement(start=D(2024, 11, 30))],
        reviews=[Review(date=D(2025, 2, 28))],
    )
    s = schedule(r, D(2025, 3, 10)).by_duty()
    assert s["review_short_breaks"][0].due == D(2025, 2, 28)
    assert s["review_short_breaks_subsequent"][0].due == D(2025, 8, 28)
    assert "review_first" not in s
    assert "placement_plan_prepare" not in s


def test_w29_long_term_foster_reduced_visits() -> None:
    """Fewer visits in a long-term foster placement. A child settled for over a year in a
    long-term foster placement who agrees to fewer visits is visited at most 6-monthly: after
    a visit on Sun 31 Mar 2024, by Mon 30 Sep 2024."""
    r = rec(
        D(2023, 3, 1),
        long_term_foster=[LongTermFosterPlacement(start=D(2023, 3, 1))],
        reduced_visit_consents=[ReducedVisitsConsent(start=D(2024, 3, 1))],
        visits=[
            Visit(date=D(2023, 3, 5), seen=True),
            *[
                Visit(date=D(2023, 3, 5) + dt.timedelta(weeks=6 * k), seen=True)
                for k in range(1, 9)
            ],
            Visit(date=D(2024, 3, 31), seen=True),
        ],
    )
    assert due(r, "visit_long_term_foster_reduced", D(2024, 4, 1), -1) == D(2024, 9, 30)


def test_w30_emergency_placement_outside_approval() -> None:
    """An emergency placement outside a carer's approval may last no longer than 6 working
    days. From Thu 19 Dec 2024 the last permitted day is Tue 31 Dec 2024, skipping Christmas
    and Boxing Day (Mon 30 Dec 2024 if the first day counts)."""
    r = rec(
        D(2024, 12, 19),
        emergency_placements_outside_approval=[
            EmergencyPlacementOutsideApproval(start=D(2024, 12, 19))
        ],
    )
    assert due(r, "emergency_foster_outside_approval", AS_OF) == D(2024, 12, 31)
    assert due(r, "emergency_foster_outside_approval", AS_OF, conventions=B) == D(2024, 12, 30)


def test_w31_placement_with_parent_before_assessment() -> None:
    """Placed with a parent before the assessment. A child in care placed with a parent on
    Mon 3 Jun 2024 before the assessment needs the assessment and a review within 10 working
    days (by Mon 17 Jun 2024) and, once it is done on 17 Jun, the decision approved within
    10 working days more (by Mon 1 Jul 2024); visits are weekly until the first review."""
    r = rec(
        D(2024, 6, 3),
        episodes=[ep(D(2024, 6, 3), placement=PlacementType.P1)],
        parent_placements_pending_assessment=[
            PlacementWithParentPendingAssessment(
                start=D(2024, 6, 3), assessment_completed_on=D(2024, 6, 17)
            )
        ],
        visits=[Visit(date=D(2024, 6, 5), seen=True)],
    )
    s = schedule(r, D(2024, 6, 20)).by_duty()
    assert s["placement_with_parent_before_assessment"][0].due == D(2024, 6, 17)
    assert s["placement_with_parent_before_assessment"][0].status is Status.MET
    assert s["placement_with_parent_decision"][0].due == D(2024, 7, 1)
    assert s["visit_placed_with_parent_pre_assessment"][0].due == D(2024, 6, 12)


def test_care_order_at_home_visits_reg_28_5() -> None:
    """Care order at home. A child on an interim care order living with a parent from Mon 8
    Jan 2024 gets a full care order on Thu 1 Feb 2024: a visit is due within a week of the
    order (by Thu 8 Feb 2024), then at most every 6 weeks (after a visit on Tue 6 Feb, by
    Tue 19 Mar 2024)."""
    r = rec(
        D(2024, 1, 8),
        episodes=[
            ep(
                D(2024, 1, 8),
                D(2024, 2, 1),
                legal_status=LegalStatus.C1,
                placement=PlacementType.P1,
                reason_ceased=X1,
            ),
            ep(
                D(2024, 2, 1),
                legal_status=LegalStatus.C2,
                placement=PlacementType.P1,
                reason_new=ReasonNewEpisode.L,
            ),
        ],
        visits=[Visit(date=D(2024, 1, 10), seen=True), Visit(date=D(2024, 2, 6), seen=True)],
    )
    s = schedule(r, D(2024, 4, 1)).by_duty()
    assert s["visit_first"][0].due == D(2024, 1, 15)
    assert s["visit_care_order_with_parent"][0].due == D(2024, 2, 8)
    assert s["visit_care_order_with_parent"][0].status is Status.MET
    assert s["visit_care_order_with_parent_interval"][0].due == D(2024, 3, 19)
