"""Synthetic caseloads of whole records, with adjustable rates of late and missed duties.

Nothing here describes a real child. The shapes follow the published looked-after children
statistics in broad strokes (entry ages, legal statuses, placement types, moves, leavers) and
duties are mostly met on time, with a realistic share late or missing, so that checks have
something to find.

>>> import datetime as dt
>>> caseload = generate(5, seed=1, as_of=dt.date(2024, 3, 31))
>>> len(caseload)
5
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from corparent.codes import (
    Accommodation,
    Activity,
    CategoryOfNeed,
    Ethnicity,
    InTouch,
    LegalStatus,
    MissingType,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReviewParticipation,
    Sex,
)
from corparent.dates import ENGLAND_AND_WALES, add_months, age_on, birthday
from corparent.io.ssda903 import write
from corparent.model import (
    AccommodationProvided,
    CarePlan,
    Caseload,
    CaseRecord,
    Child,
    Episode,
    HealthAssessment,
    HealthAssessmentKind,
    HealthOutcome,
    IROAppointment,
    LeaverOutcome,
    MissingEpisode,
    NeedsAssessment,
    PathwayPlan,
    PersonalAdviserContact,
    PersonalEducationPlan,
    PlacementNotification,
    PlacementPlan,
    PlacementUntil18,
    PlanKind,
    Review,
    Visit,
)

__all__ = ["DEFAULT_AS_OF", "generate", "generate_record", "write_sample"]

T = TypeVar("T")
D = dt.date
_DAY = dt.timedelta(days=1)
_CAL = ENGLAND_AND_WALES
DEFAULT_AS_OF = D(2024, 3, 31)
"""The end of the 2023/24 collection year, the bundled sample's as-of date."""

_LEGAL = [
    (LegalStatus.C2, 45),
    (LegalStatus.C1, 15),
    (LegalStatus.V2, 25),
    (LegalStatus.E1, 7),
    (LegalStatus.J1, 3),
    (LegalStatus.L2, 5),
]
_PLACE = [
    (PlacementType.U6, 30),
    (PlacementType.U4, 20),
    (PlacementType.U3, 10),
    (PlacementType.U1, 5),
    (PlacementType.K2, 15),
    (PlacementType.P1, 5),
    (PlacementType.R1, 2),
    (PlacementType.U5, 3),
    (PlacementType.S1, 2),
]
_LEAVE = [
    (ReasonEpisodeCeased.E17, 20),
    (ReasonEpisodeCeased.E8, 20),
    (ReasonEpisodeCeased.E5, 25),
    (ReasonEpisodeCeased.E6, 15),
    (ReasonEpisodeCeased.E4A, 15),
    (ReasonEpisodeCeased.E13, 5),
]
_ACTIVITY = [
    (Activity.F2, 30),
    (Activity.F1, 8),
    (Activity.F5, 15),
    (Activity.P5, 5),
    (Activity.F4, 5),
    (Activity.G5, 25),
    (Activity.G4, 6),
    (Activity.G6, 6),
]
_ACCOM = [
    (Accommodation.U1, 25),
    (Accommodation.D1, 20),
    (Accommodation.Z1, 15),
    (Accommodation.E1, 10),
    (Accommodation.B1, 10),
    (Accommodation.T1, 5),
    (Accommodation.V2, 5),
    (Accommodation.W2, 3),
    (Accommodation.S2, 2),
    (Accommodation.K2, 5),
]


def _pick(rng: random.Random, table: Sequence[tuple[T, int]]) -> T:
    return rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]


def _provider(place: PlacementType, rng: random.Random) -> PlacementProvider | None:
    if place.is_temporary:
        return None
    if place is PlacementType.P1:
        return PlacementProvider.PR0
    if place.is_foster:
        return rng.choice([PlacementProvider.PR1, PlacementProvider.PR1, PlacementProvider.PR4])
    return rng.choice([PlacementProvider.PR4, PlacementProvider.PR5, PlacementProvider.PR1])


def _chain(
    rng: random.Random,
    anchor: D,
    first: Callable[[D], D],
    then: Callable[[D], D],
    end: D,
    on_time: float,
) -> list[D]:
    """Event dates for a recurring duty: mostly on time, sometimes late, rarely stopping."""
    out: list[D] = []
    due = first(anchor)
    last = anchor
    while True:
        roll = rng.random()
        if roll < on_time:
            span = max((due - last).days, 1)
            day = due - dt.timedelta(days=rng.randrange(0, min(span, 21)))
        elif roll < on_time + (1 - on_time) * 0.8:
            day = due + dt.timedelta(days=rng.randrange(1, 45))
        else:
            break  # missed: the chain stops (overdue from here)
        day = max(day, last + _DAY) if out else max(day, anchor)
        if day >= end:
            break
        out.append(day)
        last = day
        due = then(day)
    return out


def generate_record(
    rng: random.Random,
    child_id: str,
    as_of: D,
    *,
    care_leaver: bool = False,
    on_time_rate: float = 0.85,
    include_non_903_events: bool = True,
) -> CaseRecord:
    """One realistic, consistent record, drawn from ``rng``."""
    if care_leaver:
        age_now = rng.randint(17, 21)
    else:
        age_now = _pick(
            rng,
            [
                (rng.randint(0, 4), 20),
                (rng.randint(5, 9), 20),
                (rng.randint(10, 15), 40),
                (rng.randint(16, 17), 20),
            ],
        )
    dob = as_of - dt.timedelta(days=365 * age_now + rng.randrange(1, 364))
    eighteen = birthday(dob, 18)
    if care_leaver:
        leave = min(eighteen, as_of - _DAY) if rng.random() < 0.7 else birthday(dob, 17)
        leave = min(leave, as_of - _DAY)
        start = max(dob + _DAY, leave - dt.timedelta(days=rng.randint(200, 2500)))
        start = max(start, birthday(dob, 12))
    else:
        leave = None
        earliest = max(dob + _DAY, as_of - dt.timedelta(days=365 * 6))
        span = max((as_of - dt.timedelta(days=7) - earliest).days, 1)
        start = earliest + dt.timedelta(days=rng.randrange(span))
    end_of_care = leave or as_of
    legal = _pick(rng, _LEGAL)
    if legal is LegalStatus.E1 and age_on(dob, start) > 8:
        legal = LegalStatus.C2
    place = _pick(rng, _PLACE)
    if age_on(dob, start) >= 16 and rng.random() < 0.3:
        place = PlacementType.K3 if as_of >= D(2024, 4, 1) else PlacementType.H5
    cin = rng.choice(list(CategoryOfNeed))
    # -- episodes: moves and legal-status changes inside one period of care
    moves = sorted(
        {
            start + dt.timedelta(days=rng.randrange(14, max((end_of_care - start).days, 15)))
            for _ in range(min(rng.choice([0, 0, 0, 1, 1, 2, 3]), 3))
        }
    )
    moves = [m for m in moves if start < m < end_of_care]
    episodes: list[Episode] = []
    current_start, current_place, current_legal = start, place, legal
    rne = ReasonNewEpisode.S
    until_18 = []
    for move in [*moves, None]:
        end = move if move is not None else leave
        rec = (
            ReasonEpisodeCeased.X1 if move is not None else (_pick(rng, _LEAVE) if leave else None)
        )
        episodes.append(
            Episode(
                start=current_start,
                end=end,
                legal_status=current_legal,
                placement=current_place,
                reason_new=rne,
                reason_ceased=rec,
                provider=_provider(current_place, rng),
                category_of_need=cin,
                urn=None,
            )
        )
        if current_place in (PlacementType.U1, PlacementType.U4):
            until_18.append(
                PlacementUntil18(start=current_start, end=(end - _DAY) if end else None)
            )
        if move is None:
            break
        if current_legal is LegalStatus.C1 and rng.random() < 0.5:
            current_legal, rne = LegalStatus.C2, ReasonNewEpisode.L
        else:
            current_place, rne = _pick(rng, _PLACE), ReasonNewEpisode.P
            if current_place is episodes[-1].placement:
                current_place = (
                    PlacementType.U6 if current_place is not PlacementType.U6 else PlacementType.K2
                )
        current_start = move
    record_end = leave or as_of + _DAY
    reviews = _chain(
        rng,
        start,
        lambda d: _CAL.add_working_days(d, 20),
        lambda d: add_months(d, 3),
        record_end,
        on_time_rate,
    )
    if len(reviews) > 1:
        tail = _chain(
            rng,
            reviews[1],
            lambda d: add_months(d, 6),
            lambda d: add_months(d, 6),
            record_end,
            on_time_rate,
        )
        reviews = reviews[:2] + tail
    review_events = []
    for day in reviews:
        age = age_on(dob, day)
        code = (
            ReviewParticipation.PN0
            if age < 4
            else _pick(
                rng,
                [
                    (ReviewParticipation.PN1, 55),
                    (ReviewParticipation.PN3, 10),
                    (ReviewParticipation.PN4, 5),
                    (ReviewParticipation.PN5, 10),
                    (ReviewParticipation.PN6, 10),
                    (ReviewParticipation.PN7, 10),
                ],
            )
        )
        review_events.append(Review(date=day, participation=code if rng.random() > 0.03 else None))
    fields: dict[str, Any] = {
        "episodes": episodes,
        "reviews": review_events,
        "placements_until_18": until_18 if include_non_903_events else [],
    }
    if (as_of - start).days >= 365 and not care_leaver:
        year_end = as_of
        sdq = rng.randint(0, 30) if 4 <= age_now <= 16 else None
        fields["health_outcomes"] = [
            HealthOutcome(
                year_ending=year_end,
                sdq_score=sdq,
                health_assessment=rng.random() < 0.9,
                immunisations=rng.random() < 0.85,
                teeth_check=rng.random() < 0.8,
                health_check=(rng.random() < 0.9) if age_now < 5 else None,
                convicted=(rng.random() < 0.04) if age_now >= 10 else None,
                substance_misuse=rng.random() < 0.03,
            )
        ]
    if care_leaver:
        touch = _pick(
            rng, [(InTouch.YES, 88), (InTouch.NO, 5), (InTouch.REFU, 4), (InTouch.NREQ, 3)]
        )
        fields["leaver_outcomes"] = [
            LeaverOutcome(
                year_ending=as_of,
                in_touch=touch,
                activity=_pick(rng, _ACTIVITY) if touch is InTouch.YES else None,
                accommodation=_pick(rng, _ACCOM) if touch is InTouch.YES else None,
            )
        ]
    if age_now >= 12 and rng.random() < 0.1:
        m_start = start + dt.timedelta(days=rng.randrange(max((end_of_care - start).days, 1)))
        fields["missing"] = [
            MissingEpisode(
                start=m_start,
                end=m_start + dt.timedelta(days=rng.randint(0, 5)),
                kind=rng.choice(list(MissingType)),
            )
        ]
    sex = (
        rng.choice([Sex.M, Sex.F])
        if as_of >= D(2024, 4, 1)
        else rng.choice([Sex.MALE_1, Sex.FEMALE_2])
    )
    child = Child(
        id=child_id,
        date_of_birth=dob,
        sex=sex,
        ethnicity=_pick(
            rng,
            [
                (Ethnicity.WBRI, 70),
                (Ethnicity.MWBC, 6),
                (Ethnicity.BAFR, 6),
                (Ethnicity.AOTH, 5),
                (Ethnicity.WOTH, 8),
                (Ethnicity.OOTH, 5),
            ],
        ),
        uasc=(age_now >= 14 and rng.random() < 0.06),
    )
    if include_non_903_events:
        _add_casework(rng, fields, child, start, leave, record_end, as_of, on_time_rate)
    return CaseRecord(child=child, **fields)


def _add_casework(
    rng: random.Random,
    fields: dict[str, Any],
    child: Child,
    start: D,
    leave: D | None,
    record_end: D,
    as_of: D,
    on_time: float,
) -> None:
    """Events the 903 return does not hold: visits, plans, assessments, leaving-care work."""
    episodes: list[Episode] = fields["episodes"]
    placement_starts = [e.start for e in episodes if e.reason_new is not ReasonNewEpisode.L]
    visits: list[Visit] = []
    plans, notices = [], []
    for index, p_start in enumerate(placement_starts):
        p_end = placement_starts[index + 1] if index + 1 < len(placement_starts) else record_end
        for day in _chain(
            rng,
            p_start,
            lambda d: d + dt.timedelta(days=7),
            lambda d: d + dt.timedelta(weeks=6),
            p_end,
            on_time,
        ):
            visits.append(Visit(date=day, seen=True, seen_alone=rng.random() < 0.6))
        if rng.random() < on_time + 0.1:
            plans.append(
                PlacementPlan(
                    date=_CAL.add_working_days(p_start, rng.randint(0, 6)), placement_start=p_start
                )
            )
        if rng.random() < on_time + 0.1:
            notices.append(
                PlacementNotification(
                    date=_CAL.add_working_days(p_start, rng.randint(0, 6)), placement_start=p_start
                )
            )
    fields["visits"] = [v for v in visits if v.date <= as_of]
    fields["placement_plans"] = [p for p in plans if p.date <= as_of]
    fields["placement_notifications"] = [n for n in notices if n.date <= as_of]
    if rng.random() < on_time + 0.1:
        fields["care_plans"] = [CarePlan(date=_CAL.add_working_days(start, rng.randint(0, 12)))]
    if rng.random() < 0.95:
        fields["iro_appointments"] = [
            IROAppointment(date=_CAL.add_working_days(start, rng.randint(1, 8)))
        ]
    health = _chain(
        rng,
        start,
        lambda d: _CAL.add_working_days(d, 20),
        lambda d: add_months(d, 6 if age_on(child.date_of_birth, d) < 5 else 12),
        record_end,
        on_time,
    )
    fields["health_assessments"] = [
        HealthAssessment(
            date=d,
            kind=HealthAssessmentKind.INITIAL if i == 0 else HealthAssessmentKind.REVIEW,
            by_medical_practitioner=True if i == 0 else None,
        )
        for i, d in enumerate(health)
        if d <= as_of
    ]
    if 5 <= age_on(child.date_of_birth, start) < 16:
        peps = _chain(
            rng,
            start,
            lambda d: _CAL.add_working_days(d, 10),
            lambda d: d + dt.timedelta(days=100),
            record_end,
            on_time,
        )
        fields["peps"] = [
            PersonalEducationPlan(date=d, kind=PlanKind.INITIAL if i == 0 else PlanKind.REVIEW)
            for i, d in enumerate(peps)
            if d <= as_of
        ]
    sixteen = birthday(child.date_of_birth, 16)
    if sixteen < record_end and sixteen <= as_of:
        assessed = max(sixteen, start) + dt.timedelta(days=rng.randint(10, 120))
        if assessed <= as_of:
            fields["needs_assessments"] = [NeedsAssessment(date=assessed)]
            fields["pathway_plans"] = [
                PathwayPlan(date=d, kind=PlanKind.INITIAL if i == 0 else PlanKind.REVIEW)
                for i, d in enumerate(
                    [
                        assessed,
                        *_chain(
                            rng,
                            assessed,
                            lambda d: add_months(d, 6),
                            lambda d: add_months(d, 6),
                            as_of + _DAY,
                            on_time,
                        ),
                    ]
                )
            ]
    if leave is not None and rng.random() < 0.3:
        fields["accommodation_provided"] = [AccommodationProvided(start=leave)]
        contacts = _chain(
            rng,
            leave,
            lambda d: d + dt.timedelta(days=7),
            lambda d: add_months(d, 2),
            as_of + _DAY,
            on_time,
        )
        fields["pa_contacts"] = [
            PersonalAdviserContact(date=d, visit_at_accommodation=True) for d in contacts
        ]


def generate(
    n: int,
    *,
    seed: int = 0,
    as_of: D = DEFAULT_AS_OF,
    care_leaver_share: float = 0.25,
    on_time_rate: float = 0.85,
    include_non_903_events: bool = True,
) -> Caseload:
    """A caseload of ``n`` synthetic children, the same for the same arguments.

    Args:
        n: How many children.
        seed: The random seed.
        as_of: The day the caseload is as at (nothing happens after it).
        care_leaver_share: The share of care leavers aged 17 to 21.
        on_time_rate: The share of duties met on time.
        include_non_903_events: Add visits, plans, assessments and leaving-care events that
            the SSDA903 return does not hold.
    """
    rng = random.Random(seed)
    width = max(4, len(str(n)))
    return Caseload(
        records=[
            generate_record(
                random.Random(rng.getrandbits(64)),
                f"C{i:0{width}d}",
                as_of,
                care_leaver=rng.random() < care_leaver_share,
                on_time_rate=on_time_rate,
                include_non_903_events=include_non_903_events,
            )
            for i in range(1, n + 1)
        ]
    )


def write_sample(
    folder: str | Path, n: int, *, seed: int = 0, as_of: D = DEFAULT_AS_OF
) -> Caseload:
    """Generate ``n`` children (SSDA903 data only) and write them as 903 CSV files.

    Each child's whole history goes into the files, which no real return holds (a return
    covers one collection year): a load fixture for tests and benchmarks. For a real-shaped
    return, use :func:`~corparent.synth.write_returns`.
    """
    caseload = generate(n, seed=seed, as_of=as_of, include_non_903_events=False)
    write(caseload, folder)
    return caseload
