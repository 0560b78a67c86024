"""Two children's records built by hand, and their schedules explained.

Amira (record C0101) became looked after on Friday 22 December 2023 and moved placement on
20 March 2024; Ben (record C0102) is 17, in a long-term foster placement intended to last until
18, and an eligible child. Each obligation prints with its trigger, rule, due date, status and
citation.

    python examples/schedules_by_hand.py
"""

from __future__ import annotations

import datetime as dt

import corparent as cp

AS_OF = dt.date(2024, 3, 31)

amira = cp.CaseRecord(
    child=cp.Child(id="C0101", date_of_birth=dt.date(2015, 6, 2)),
    episodes=[
        cp.Episode(
            start=dt.date(2023, 12, 22),
            end=dt.date(2024, 3, 20),
            legal_status=cp.LegalStatus.C1,
            placement=cp.PlacementType.U6,
            reason_ceased=cp.ReasonEpisodeCeased.X1,
        ),
        cp.Episode(
            start=dt.date(2024, 3, 20),
            legal_status=cp.LegalStatus.C1,
            placement=cp.PlacementType.U4,
            reason_new=cp.ReasonNewEpisode.P,
        ),
    ],
    reviews=[cp.Review(date=dt.date(2024, 1, 18), participation=cp.ReviewParticipation.PN1)],
    visits=[
        cp.Visit(date=dt.date(2023, 12, 28), seen=True),
        cp.Visit(date=dt.date(2024, 2, 2), seen=True),
    ],
    care_plans=[cp.CarePlan(date=dt.date(2024, 1, 5))],
    placement_plans=[
        cp.PlacementPlan(date=dt.date(2023, 12, 22), placement_start=dt.date(2023, 12, 22))
    ],
    iro_appointments=[cp.IROAppointment(date=dt.date(2023, 12, 29))],
    health_assessments=[
        cp.HealthAssessment(date=dt.date(2024, 1, 30), kind="initial", by_medical_practitioner=True)
    ],
    peps=[cp.PersonalEducationPlan(date=dt.date(2024, 1, 9))],
)

ben = cp.CaseRecord(
    child=cp.Child(id="C0102", date_of_birth=dt.date(2006, 11, 30)),
    episodes=[
        cp.Episode(
            start=dt.date(2019, 9, 2), legal_status=cp.LegalStatus.C2, placement=cp.PlacementType.U4
        )
    ],
    reviews=[cp.Review(date=dt.date(2023, 6, 1)), cp.Review(date=dt.date(2023, 11, 28))],
    visits=[
        cp.Visit(date=dt.date(2023, 12, 1), seen=True),
        cp.Visit(date=dt.date(2024, 2, 20), seen=True),
    ],
    placements_until_18=[cp.PlacementUntil18(start=dt.date(2019, 9, 2))],
    needs_assessments=[cp.NeedsAssessment(date=dt.date(2023, 1, 20))],
)

for record in (amira, ben):
    schedule = cp.schedule(record, AS_OF)
    status = cp.care_leaver_status(record, AS_OF)
    print(
        f"\n== {record.id}: {len(schedule)} obligations as at {AS_OF}; "
        f"leaving-care status: {status.value}"
    )
    for obligation in schedule:
        if obligation.trigger >= dt.date(2023, 6, 1):
            print(f"  [{obligation.status.value:>8}] {obligation.explain()}")
