"""A council's hidden history: every child's whole care record, from which returns are cut.

The shapes follow the published looked-after children statistics for England in broad strokes:
about a third of the children looked after during a year start during it and a similar share
leave; most have been looked after for years; ages at entry are spread from birth to 17; some
leave at 18 and are then followed as care leavers (OC3) until 21. Reviews are held as councils
hold them: nearly all on time (often a little early), a small share late by days or weeks, a
few late by months, so that some are still outstanding on 31 March or when care ends.
Nothing here describes a real child.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from corparent.codes import (
    CategoryOfNeed,
    Ethnicity,
    InTouch,
    LegalStatus,
    MissingType,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    ReviewParticipation,
    SdqReason,
    Sex,
)
from corparent.dates import age_on, birthday
from corparent.law import ENGLAND, Conventions
from corparent.model import (
    Caseload,
    CaseRecord,
    Child,
    Episode,
    HealthOutcome,
    LeaverOutcome,
    MissingEpisode,
    Review,
)
from corparent.synth._caseload import (
    _ACCOM,
    _ACTIVITY,
    DEFAULT_AS_OF,
    _add_casework,
    _pick,
    _provider,
)

__all__ = ["History", "collection_year", "history"]

D = dt.date
_DAY = dt.timedelta(days=1)
_YEAR = 365.25
_CONVENTIONS = Conventions()


def collection_year(year_ending: D) -> tuple[D, D]:
    """The first and last day of the SSDA903 collection year ending on ``year_ending``.

    >>> collection_year(dt.date(2024, 3, 31))
    (datetime.date(2023, 4, 1), datetime.date(2024, 3, 31))

    Raises:
        ValueError: ``year_ending`` is not a 31 March.
    """
    if (year_ending.month, year_ending.day) != (3, 31):
        raise ValueError(f"a collection year ends on 31 March, not on {year_ending.isoformat()}")
    return D(year_ending.year - 1, 4, 1), year_ending


@attrs.frozen(kw_only=True)
class History:
    """The hidden truth: every child's whole record, up to the end of a collection year.

    Records carry complete evidence (everything that happened is in them), so scheduling them
    gives the true status of every duty. Cut returns from it with
    :func:`~corparent.synth.cut_return`.

    Attributes:
        caseload: The full records.
        year_ending: The 31 March the history runs to: nothing happens after it.
        years: How many collection years it was built to fill, this one included (children
            who left care in an earlier year appear only in that year's return).
    """

    caseload: Caseload
    year_ending: D
    years: int = 1

    @property
    def year_endings(self) -> tuple[D, ...]:
        """The collection years covered, earliest first."""
        last = self.year_ending.year
        return tuple(D(y, 3, 31) for y in range(last - self.years + 1, last + 1))

    @property
    def known_from(self) -> D:
        """The first day of the earliest collection year covered."""
        return collection_year(self.year_endings[0])[0]


# -- the shape of the caseload ---------------------------------------------------------------

_KINDS = [("stay", 47), ("leave", 18), ("new", 17), ("new_leave", 6), ("leaver", 12)]
"""Children in a year's return: looked after on 1 April and still on 31 March, looked after on
1 April and leaving in the year, starting in the year and staying, starting and leaving in the
year, and care leavers with an OC3 row who were not looked after in the year."""

_GONE_PER_YEAR = 0.2
"""Children who left care in each earlier year (not care leavers), per child in this year."""
_SHORT_BREAKS = 0.01
"""Children looked after only under an agreed series of short breaks (V4), a rare case."""
_AGED_OUT_PER_YEAR = 0.03
"""Care leavers followed in an earlier year who are past 21 by this year, per child in it."""

_ENTRY_AGE = [((0, 1), 20), ((1, 5), 14), ((5, 10), 16), ((10, 16), 38), ((16, 18), 12)]
_BEFORE_YEAR = [
    ((30, 365), 30),
    ((365, 3 * 365), 35),
    ((3 * 365, 6 * 365), 22),
    ((6 * 365, 12 * 365), 13),
]

_FIRST_LEGAL = [
    (LegalStatus.V2, 40),
    (LegalStatus.C1, 33),
    (LegalStatus.C2, 16),
    (LegalStatus.L2, 6),
    (LegalStatus.J1, 2),
    (LegalStatus.L1, 3),
]
_FIRST_PLACE = [
    (PlacementType.U6, 45),
    (PlacementType.U3, 14),
    (PlacementType.K2, 10),
    (PlacementType.P1, 4),
    (PlacementType.R1, 2),
    (PlacementType.S1, 1),
    (PlacementType.U5, 2),
    (PlacementType.U4, 8),
    (PlacementType.U1, 4),
]
_MOVE_PLACE = [
    (PlacementType.U6, 30),
    (PlacementType.U4, 22),
    (PlacementType.U1, 8),
    (PlacementType.U3, 8),
    (PlacementType.K2, 16),
    (PlacementType.P1, 4),
    (PlacementType.R1, 2),
    (PlacementType.S1, 2),
]
_PLACE_CHANGE = [
    (ReasonPlaceChange.CARPL, 45),
    (ReasonPlaceChange.CREQB, 14),
    (ReasonPlaceChange.CREQO, 12),
    (ReasonPlaceChange.CHILD, 6),
    (ReasonPlaceChange.LAREQ, 5),
    (ReasonPlaceChange.CLOSE, 3),
    (ReasonPlaceChange.STAND, 2),
    (ReasonPlaceChange.OTHER, 13),
]
_LEAVE_YOUNG = [
    (ReasonEpisodeCeased.E4A, 44),
    (ReasonEpisodeCeased.E4B, 4),
    (ReasonEpisodeCeased.E13, 8),
    (ReasonEpisodeCeased.E41, 8),
    (ReasonEpisodeCeased.E45, 10),
    (ReasonEpisodeCeased.E48, 3),
    (ReasonEpisodeCeased.E8, 8),
    (ReasonEpisodeCeased.E14, 2),
]
_LEAVE_AT_18 = [
    (ReasonEpisodeCeased.E17, 25),
    (ReasonEpisodeCeased.E5, 30),
    (ReasonEpisodeCeased.E6, 10),
    (ReasonEpisodeCeased.E8, 20),
    (ReasonEpisodeCeased.E4A, 10),
    (ReasonEpisodeCeased.E7, 5),
]
_PARTICIPATION = [
    (ReviewParticipation.PN1, 58),
    (ReviewParticipation.PN2, 4),
    (ReviewParticipation.PN3, 8),
    (ReviewParticipation.PN4, 5),
    (ReviewParticipation.PN5, 8),
    (ReviewParticipation.PN6, 10),
    (ReviewParticipation.PN7, 7),
]
_ETHNIC = [
    (Ethnicity.WBRI, 70),
    (Ethnicity.WOTH, 5),
    (Ethnicity.MWBC, 5),
    (Ethnicity.MOTH, 3),
    (Ethnicity.BAFR, 4),
    (Ethnicity.BCRB, 2),
    (Ethnicity.AOTH, 4),
    (Ethnicity.APKN, 2),
    (Ethnicity.OOTH, 4),
    (Ethnicity.NOBT, 1),
]
_UASC_ETHNIC = [(Ethnicity.AOTH, 4), (Ethnicity.BAFR, 3), (Ethnicity.OOTH, 3)]
_SDQ_REASONS = [(SdqReason.SDQ2, 2), (SdqReason.SDQ3, 3), (SdqReason.SDQ4, 4), (SdqReason.SDQ5, 3)]
_OC3_AGES = [(17, 8), (18, 27), (19, 25), (20, 22), (21, 18)]
_LA_CODE = 831
_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def _upn(rng: random.Random, first_school_year: int) -> str:
    """A UPN in the DfE's format: check letter, LA code, school, year of issue, serial."""
    digits = f"{_LA_CODE:03d}{rng.randrange(2000, 7000):04d}{first_school_year % 100:02d}"
    digits += f"{rng.randrange(1000):03d}"
    total = sum(int(d) * weight for weight, d in enumerate(digits, start=2))
    return _UPN_LETTERS[total % 23] + digits


def _days(rng: random.Random, span: tuple[int, int]) -> dt.timedelta:
    low, high = span
    return dt.timedelta(days=rng.randrange(low, max(high, low + 1)))


def _age_days(rng: random.Random, table: Sequence[tuple[tuple[int, int], int]]) -> int:
    low, high = _pick(rng, table)
    return rng.randrange(int(low * _YEAR), int(high * _YEAR))


# -- reviews --------------------------------------------------------------------------------


def _due(duty_id: str, trigger: D) -> D:
    duty = ENGLAND.get(duty_id)
    assert duty is not None
    version = duty.version_at(trigger) or duty.versions[0]  # before the law: its first rule
    return version.rule.due(trigger, _CONVENTIONS)


def _held(rng: random.Random, previous: D, due: D, on_time: float) -> D:
    """The day a review due on ``due`` is held: usually a little early, sometimes late."""
    roll = rng.random()
    if roll < on_time:
        span = (due - previous).days
        early = rng.randrange(0, max(1, min(21, span // 3)))
        return max(due - dt.timedelta(days=early), previous + _DAY)
    if roll < on_time + (1 - on_time) * 0.75:
        return due + dt.timedelta(days=1 + int(rng.expovariate(1 / 10)) % 45)
    return due + dt.timedelta(days=rng.randrange(46, 200))


def _review_dates(
    rng: random.Random,
    start: D,
    end: D | None,
    horizon: D,
    authority: D | None,
    adoption: D | None,
    on_time: float,
    short_breaks: bool = False,
) -> list[D]:
    """Review dates in one period of care: the CPPCR chain, then AAR reviews once placed for
    adoption. Reviews stop when care ends (a review then due is missed)."""
    stop = min(end, horizon + _DAY) if end is not None else horizon + _DAY
    cppcr_stop = min(adoption, stop) if adoption is not None else stop
    out: list[D] = []
    previous = start
    k = 0
    authority_pending = authority is not None
    while True:
        if short_breaks:  # CPPCR 2010 reg 48: within 3 months, then every 6 months
            duty = "review_short_breaks" if k == 0 else "review_subsequent"
        else:
            duty = ("review_first", "review_second")[k] if k < 2 else "review_subsequent"
        due = _due(duty, previous)
        if authority_pending and authority is not None and authority <= due:
            due = min(due, _due("review_adoption_authorised_not_placed", authority))
            authority_pending = False
        day = _held(rng, previous, due, on_time)
        if day >= cppcr_stop:
            break
        out.append(day)
        previous, k = day, k + 1
    if adoption is not None and adoption < stop:
        previous = adoption
        names = ("review_adoption_placed", "review_adoption_placed_second")
        for k in range(1000):
            due = _due(names[k] if k < 2 else "review_adoption_placed_subsequent", previous)
            day = _held(rng, previous, due, on_time)
            if day >= stop:
                break
            if not out or day > out[-1]:
                out.append(day)
            previous = day
    return out


def _participation(rng: random.Random, dob: D, day: D) -> ReviewParticipation | None:
    if rng.random() < 0.005:
        return None
    if age_on(dob, day) < 4:
        return ReviewParticipation.PN0
    return _pick(rng, _PARTICIPATION)


# -- episodes -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Period:
    start: D
    end: D | None
    ceased: ReasonEpisodeCeased | None = None
    short_breaks: bool = False


def _period_episodes(
    rng: random.Random, dob: D, period: _Period, horizon: D
) -> tuple[list[Episode], D | None, D | None]:
    """The episodes of one period, and the days it gained authority to place for adoption and
    was placed for adoption (if it did)."""
    start, end = period.start, period.end
    last = end or horizon
    if period.short_breaks:  # V4: one episode for the agreement, not one per break
        place = PlacementType.K2 if rng.random() < 0.4 else PlacementType.U6
        episode = Episode(
            start=start,
            end=end,
            legal_status=LegalStatus.V4,
            placement=place,
            reason_new=ReasonNewEpisode.S,
            reason_ceased=period.ceased,
            provider=_provider(place, rng),
            category_of_need=CategoryOfNeed.N2,
        )
        return [episode], None, None
    cin = _pick(
        rng,
        [
            (CategoryOfNeed.N1, 57),
            (CategoryOfNeed.N2, 4),
            (CategoryOfNeed.N3, 3),
            (CategoryOfNeed.N4, 8),
            (CategoryOfNeed.N5, 14),
            (CategoryOfNeed.N6, 2),
            (CategoryOfNeed.N8, 12),
        ],
    )
    entry_age = age_on(dob, start)
    legal = _pick(rng, _FIRST_LEGAL)
    if legal is LegalStatus.J1 and entry_age < 10:
        legal = LegalStatus.V2
    place = _pick(rng, _FIRST_PLACE)
    if place in (PlacementType.K2, PlacementType.R1, PlacementType.S1) and entry_age < 8:
        place = PlacementType.U6
    if entry_age >= 16 and rng.random() < 0.35:
        place = PlacementType.H5 if start < D(2024, 4, 1) else PlacementType.K3
    # changes: (day, new legal status or None, new placement or None)
    changes: dict[D, tuple[LegalStatus | None, PlacementType | None]] = {}
    length = (last - start).days
    authority = adoption = None
    adopted = (
        period.ceased in (ReasonEpisodeCeased.E11, ReasonEpisodeCeased.E12)
        and end is not None
        and length > 400
    )
    if adopted and end is not None:
        adoption = end - _days(rng, (100, 270))
        authority = adoption - _days(rng, (60, 200))
        authority = max(authority, start + dt.timedelta(days=60))
        if legal is LegalStatus.V2:
            legal = LegalStatus.C1
        changes[authority] = (LegalStatus.E1, None)
        changes[adoption] = (None, PlacementType.A6 if rng.random() < 0.7 else PlacementType.A5)
    elif legal in (LegalStatus.L1, LegalStatus.L2) and length > 10:
        # police protection (72 hours) or an emergency protection order (8 days) gives way
        # to an interim care order or accommodation by agreement
        changes[start + _days(rng, (1, 9))] = (
            LegalStatus.C1 if rng.random() < 0.7 else LegalStatus.V2,
            None,
        )
    elif legal is LegalStatus.C1 and length > 120:
        changes[start + _days(rng, (100, min(420, length)))] = (LegalStatus.C2, None)
    moves = 0
    if length > 30:
        expected = 0.35 * length / 365 + (0.4 if entry_age >= 12 else 0.15)
        moves = sum(1 for _ in range(6) if rng.random() < expected / 6)
    for _ in range(moves):
        day = start + _days(rng, (14, length))
        if adoption is not None and day >= adoption - dt.timedelta(days=14):
            continue
        new = _pick(rng, _MOVE_PLACE)
        if new in (PlacementType.K2, PlacementType.R1, PlacementType.S1) and age_on(dob, day) < 8:
            new = PlacementType.U4
        if day < last and day not in changes:
            changes[day] = (None, new)
    episodes: list[Episode] = []
    ep_start, rne = start, ReasonNewEpisode.S
    for change in [*sorted(d for d in changes if start < d < last), None]:
        new_legal, new_place = changes[change] if change is not None else (None, None)
        if change is not None and new_place is None and new_legal is legal:
            continue
        if change is not None and new_place is not None and new_place is place:
            new_place = PlacementType.U4 if place is not PlacementType.U4 else PlacementType.U6
        if change is None:
            stop, rec = end, period.ceased
            reason_change = None
        else:
            stop, rec = change, ReasonEpisodeCeased.X1
            reason_change = _pick(rng, _PLACE_CHANGE) if new_place is not None else None
        episodes.append(
            Episode(
                start=ep_start,
                end=stop,
                legal_status=legal,
                placement=place,
                reason_new=rne,
                reason_ceased=rec,
                provider=_provider(place, rng),
                reason_place_change=reason_change,
                category_of_need=cin,
            )
        )
        if change is None:
            break
        if new_legal is not None and new_place is not None:
            rne = ReasonNewEpisode.T
        elif new_legal is not None:
            rne = ReasonNewEpisode.L
        else:
            rne = ReasonNewEpisode.P
        legal = new_legal or legal
        place = new_place or place
        ep_start = change
    return episodes, authority, adoption


# -- one child -------------------------------------------------------------------------------


def _leaving(rng: random.Random, dob: D, end: D) -> ReasonEpisodeCeased:
    if end == birthday(dob, 18):
        return _pick(rng, _LEAVE_AT_18)
    return _pick(rng, _LEAVE_YOUNG)


def _plan(
    rng: random.Random, kind: str, year_start: D, year_end: D, gone_year: D | None
) -> tuple[D, list[_Period]]:
    """A date of birth and the periods of care for a child of ``kind``."""
    for _ in range(200):
        if kind in ("leaver", "aged_out"):
            if kind == "leaver":
                age = _pick(rng, _OC3_AGES)
            else:  # followed in an earlier year, too old for an OC3 row this year
                assert gone_year is not None
                year_start = collection_year(gone_year)[0]
                age = rng.randint(22 - (year_end.year - gone_year.year), 21)
            relevant = year_start + dt.timedelta(days=rng.randrange(365))
            dob = D(relevant.year - age, relevant.month, min(relevant.day, 28))
            b16, b18 = birthday(dob, 16), birthday(dob, 18)
            latest = min(b18, year_start - _DAY, relevant - _DAY)
            if b16 + dt.timedelta(days=100) >= latest:
                continue
            if b18 <= latest and rng.random() < 0.75:
                left = b18
            else:
                left = b16 + dt.timedelta(days=rng.randrange(100, (latest - b16).days + 1))
            start = birthday(dob, 12) + dt.timedelta(days=rng.randrange(4 * 365))
            if start >= left - dt.timedelta(days=100) or start > b16:
                continue
            return dob, [_Period(start=start, end=left, ceased=_leaving(rng, dob, left))]
        if kind == "gone":
            assert gone_year is not None
            g_start, g_end = collection_year(gone_year)
            gone = g_start + dt.timedelta(days=rng.randrange((g_end - g_start).days + 1))
            dob = gone - dt.timedelta(days=rng.randrange(200, int(15.5 * _YEAR)))
            start = gone - _days(rng, (20, 4 * 365))
            if start <= dob:
                continue
            reason = (
                ReasonEpisodeCeased.E11
                if age_on(dob, start) < 3 and (gone - start).days > 400 and rng.random() < 0.5
                else _pick(rng, _LEAVE_YOUNG)
            )
            return dob, [_Period(start=start, end=gone, ceased=reason)]
        entry_age = _age_days(rng, _ENTRY_AGE)
        if kind in ("stay", "leave"):
            start = year_start - _days(rng, _pick(rng, _BEFORE_YEAR))
        else:
            start = year_start + dt.timedelta(days=rng.randrange(365 - 7))
        dob = start - dt.timedelta(days=entry_age)
        if kind == "leave" and rng.random() < 0.35:  # turning 18 in the year
            eighteen = year_start + dt.timedelta(days=rng.randrange(365))
            dob = D(eighteen.year - 18, eighteen.month, min(eighteen.day, 28))
            if age_on(dob, start) < 11:
                continue
        b18 = birthday(dob, 18)
        if b18 <= start + dt.timedelta(days=20):
            continue
        end: D | None = None
        if kind in ("leave", "new_leave"):
            earliest = max(start, year_start) + dt.timedelta(days=3)
            if earliest >= year_end:
                continue
            if kind == "new_leave":
                end = earliest + _days(rng, (0, 200))
            else:
                end = earliest + dt.timedelta(days=rng.randrange((year_end - earliest).days))
            if b18 <= year_end and rng.random() < 0.85:
                end = b18
            if end > year_end or end > b18 or end < earliest:
                continue
        elif b18 <= year_end:
            continue
        ceased: ReasonEpisodeCeased | None = None
        if end is not None:
            young = age_on(dob, start) < 3 and (end - start).days > 500
            ceased = (
                ReasonEpisodeCeased.E11 if young and rng.random() < 0.5 else _leaving(rng, dob, end)
            )
        periods = [_Period(start=start, end=end, ceased=ceased)]
        if rng.random() < 0.06:
            earlier_end = start - _days(rng, (90, 900))
            earlier_start = earlier_end - _days(rng, (20, 400))
            if earlier_start > dob + dt.timedelta(days=30):
                periods.insert(
                    0,
                    _Period(start=earlier_start, end=earlier_end, ceased=ReasonEpisodeCeased.E4A),
                )
        return dob, periods
    raise AssertionError(f"could not plan a child of kind {kind}")  # pragma: no cover


def _looked_after(periods: Sequence[_Period], day: D) -> bool:
    return any(p.start <= day and (p.end is None or day < p.end) for p in periods)


def _oc2_due(periods: Sequence[_Period], year_end: D) -> bool:
    """OC2 is collected for children looked after continuously for 12 months at 31 March."""
    year_start = collection_year(year_end)[0]
    return any(
        p.start <= year_start and (p.end is None or p.end > year_end) and not p.short_breaks
        for p in periods
    )


def _oc2(rng: random.Random, dob: D, year_end: D) -> HealthOutcome:
    age = age_on(dob, year_end)
    sdq: int | None = None
    reason: SdqReason | None = None
    if 4 <= age <= 16:
        if rng.random() < 0.82:
            sdq = min(40, max(0, int(rng.gauss(14, 7))))
        else:
            reason = _pick(rng, _SDQ_REASONS)
    else:
        reason = SdqReason.SDQ1
    misuse = age >= 10 and rng.random() < 0.04
    return HealthOutcome(
        year_ending=year_end,
        sdq_score=sdq,
        sdq_reason=reason,
        convicted=(rng.random() < 0.03) if age >= 10 else None,
        health_check=(rng.random() < 0.88) if age < 5 else None,
        immunisations=rng.random() < 0.85,
        teeth_check=rng.random() < 0.75,
        health_assessment=rng.random() < 0.9,
        substance_misuse=misuse,
        intervention_received=(rng.random() < 0.6) if misuse else None,
        intervention_offered=(rng.random() < 0.9) if misuse else None,
    )


def _oc3_due(dob: D, periods: Sequence[_Period], year_end: D) -> bool:
    """True when the DfE collects an OC3 row for this young person in the year.

    A care leaver whose 17th to 21st birthday falls in the year, who was looked after for at
    least 13 weeks after their 14th birthday including some time after their 16th, and who was
    no longer looked after on that birthday (leaving care on the birthday itself does not
    count: they were looked after until then).
    """
    year_start, _ = collection_year(year_end)
    periods = [p for p in periods if not p.short_breaks]  # short breaks do not count
    if not periods:
        return False
    b14, b16 = birthday(dob, 14), birthday(dob, 16)
    after_14 = sum(max(0, ((p.end or year_end + _DAY) - max(p.start, b14)).days) for p in periods)
    after_16 = any((p.end or year_end + _DAY) > b16 for p in periods)
    if after_14 < 91 or not after_16:
        return False
    last_end = periods[-1].end
    for age in range(17, 22):
        day = birthday(dob, age)
        if year_start <= day <= year_end:
            return last_end is not None and last_end < day and not _looked_after(periods, day)
    return False


def _child(
    rng: random.Random,
    child_id: str,
    kind: str,
    history_end: D,
    year_endings: Sequence[D],
    gone_year: D | None,
    review_on_time: float,
    casework: bool,
) -> CaseRecord:
    year_start, year_end = collection_year(history_end)
    dob, periods = _plan(rng, kind, year_start, year_end, gone_year)
    sex = Sex.MALE_1 if rng.random() < 0.56 else Sex.FEMALE_2
    uasc = kind != "gone" and age_on(dob, periods[-1].start) >= 14 and rng.random() < 0.12
    if uasc:
        sex = Sex.MALE_1 if rng.random() < 0.9 else Sex.FEMALE_2
    last = periods[-1]
    if (
        kind in ("stay", "leave", "new", "new_leave")
        and not uasc
        and age_on(dob, last.start) >= 4
        and rng.random() < _SHORT_BREAKS
    ):
        ceased = None if last.end is None else ReasonEpisodeCeased.E8
        periods = [attrs.evolve(last, short_breaks=True, ceased=ceased)]
    episodes: list[Episode] = []
    reviews: list[Review] = []
    fields: dict[str, Any] = {}
    for index, period in enumerate(periods):
        eps, authority, adoption = _period_episodes(rng, dob, period, history_end)
        episodes.extend(eps)
        for day in _review_dates(
            rng,
            period.start,
            period.end,
            history_end,
            authority,
            adoption,
            review_on_time,
            period.short_breaks,
        ):
            reviews.append(Review(date=day, participation=_participation(rng, dob, day)))
        if casework and index == len(periods) - 1:
            fields["episodes"] = eps
            child_stub = Child(id=child_id, date_of_birth=dob)
            _add_casework(
                rng,
                fields,
                child_stub,
                period.start,
                period.end,
                period.end or history_end + _DAY,
                history_end,
                0.97,
            )
    fields["episodes"] = episodes
    fields["reviews"] = reviews
    fields["missing"] = list(_missing(rng, dob, periods, history_end))
    fields["health_outcomes"] = [_oc2(rng, dob, ye) for ye in year_endings if _oc2_due(periods, ye)]
    fields["leaver_outcomes"] = [_oc3(rng, ye) for ye in year_endings if _oc3_due(dob, periods, ye)]
    school_year = birthday(dob, 4).year
    female = sex is Sex.FEMALE_2
    mother = (rng.random() < 0.02) if female and age_on(dob, history_end) >= 12 else None
    child = Child(
        id=child_id,
        date_of_birth=dob,
        sex=sex,
        ethnicity=_pick(rng, _UASC_ETHNIC if uasc else _ETHNIC),
        upn=_upn(rng, school_year),
        mother=mother,
        mother_child_date_of_birth=(
            history_end - dt.timedelta(days=rng.randrange(30, 400)) if mother else None
        ),
        uasc=uasc,
        uasc_ceased=birthday(dob, 18) if uasc and birthday(dob, 18) <= history_end else None,
    )
    return CaseRecord(child=child, **fields)


def _oc3(rng: random.Random, year_end: D) -> LeaverOutcome:
    touch = _pick(rng, [(InTouch.YES, 88), (InTouch.NO, 5), (InTouch.REFU, 4), (InTouch.NREQ, 3)])
    return LeaverOutcome(
        year_ending=year_end,
        in_touch=touch,
        activity=_pick(rng, _ACTIVITY) if touch is InTouch.YES else None,
        accommodation=_pick(rng, _ACCOM) if touch is InTouch.YES else None,
    )


def _missing(
    rng: random.Random, dob: D, periods: Sequence[_Period], history_end: D
) -> Iterator[MissingEpisode]:
    """Missing and away episodes: teenagers, about one in eight in a year, often repeatedly."""
    last: D | None = None
    for period in periods:
        start = max(period.start, birthday(dob, 11))
        stop = min(period.end or history_end, history_end)
        if start >= stop or rng.random() > min(0.9, 0.12 * (stop - start).days / 365):
            continue
        days = sorted(
            start + dt.timedelta(days=rng.randrange((stop - start).days))
            for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 5]))
        )
        for day in days:
            if last is not None and day <= last:
                continue
            end = min(day + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3, 6])), stop)
            yield MissingEpisode(
                start=day, end=end, kind=MissingType.M if rng.random() < 0.7 else MissingType.A
            )
            last = end


def history(
    n: int,
    *,
    seed: int = 0,
    year_ending: D = DEFAULT_AS_OF,
    previous: int = 2,
    review_on_time: float = 0.985,
    casework: bool = True,
) -> History:
    """A council's hidden history: ``n`` children in the return for the year ending
    ``year_ending``, each with their whole record, the same for the same arguments.

    The ``n`` children are those a return for that year holds: looked after at any time in
    the year, or care leavers whose 17th to 21st birthday fell in it. For each of ``previous``
    earlier years, about ``0.2 * n`` more children who left care during that year (and are
    not followed as care leavers) are added, and care leavers followed then who are past 21
    now, so that earlier returns have their own leavers.

    Args:
        n: Children in this year's return.
        seed: The random seed.
        year_ending: The 31 March ending the last collection year; nothing happens after it.
        previous: Earlier collection years to fill, for returns cut from them.
        review_on_time: The share of reviews held on time (the rest are late by days or weeks,
            a few by months).
        casework: Add the events a 903 return does not hold (visits, plans, health
            assessments, PEPs, leaving-care work) to the hidden records.

    >>> h = history(20, seed=1, previous=0)
    >>> len(h.caseload), h.known_from
    (20, datetime.date(2023, 4, 1))
    """
    collection_year(year_ending)
    if n < 0 or previous < 0:
        raise ValueError("n and previous must not be negative")
    rng = random.Random(seed)
    endings = tuple(D(year_ending.year - k, 3, 31) for k in range(previous, -1, -1))
    plan: list[tuple[str, D | None]] = [(_pick(rng, _KINDS), None) for _ in range(n)]
    for ending in endings[:-1]:
        plan.extend(("gone", ending) for _ in range(round(n * _GONE_PER_YEAR)))
        back = year_ending.year - ending.year
        plan.extend(("aged_out", ending) for _ in range(round(n * _AGED_OUT_PER_YEAR * back)))
    width = max(4, len(str(len(plan))))
    records = [
        _child(
            random.Random(rng.getrandbits(64)),
            f"C{i:0{width}d}",
            kind,
            year_ending,
            endings,
            gone,
            review_on_time,
            casework,
        )
        for i, (kind, gone) in enumerate(plan, start=1)
    ]
    return History(caseload=Caseload(records=records), year_ending=year_ending, years=len(endings))
