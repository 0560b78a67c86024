"""Care-leaver status in Scotland, Wales and Northern Ireland, beside England's
(:mod:`corparent.leaving_care`).

* **Scotland** has no 13-week test: anyone looked after on or after their 16th birthday is
  owed aftercare when they leave care, as a duty to 19 and on application to 26 (Children
  (Scotland) Act 1995 s.29); someone who leaves foster, kinship or residential care aged 16 or
  over and under the *higher age* in force that day may stay on in continuing care to 21
  (s.26A; Continuing Care (Scotland) Order 2015).
* **Wales** counts categories 1 to 6 (Social Services and Well-being (Wales) Act 2014 s.104):
  categories 1-3 use England's 13-week test (CPPCR(W) 2015 reg 47), 4 is a former category 3
  in education or training to 25, 5 a young person aged 16 to 20 under a special guardianship
  order made when previously looked after, 6 the rest (its conditions were not read: provisional).
* **Northern Ireland** uses England's test (CLC(NI) 2005 reg 2); its former relevant ages
  (Arts 34C-34E) were not read, so that status is provisional.

>>> import datetime as dt
>>> from corparent.codes import LegalStatus, PlacementType
>>> from corparent.jurisdiction import Jurisdiction
>>> from corparent.model import CaseRecord, Child, Episode
>>> record = CaseRecord(
...     child=Child(id="S7", date_of_birth=dt.date(2007, 6, 1)),
...     episodes=[Episode(start=dt.date(2023, 7, 1), end=dt.date(2023, 7, 20),
...                       legal_status=LegalStatus.V2, placement=PlacementType.U4,
...                       reason_ceased="E4A")],
...     jurisdiction=Jurisdiction.SCOTLAND,
... )
>>> leaver_status(record, dt.date(2024, 1, 1)).status.name  # 19 days after 16 are enough
'AFTERCARE'
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from typing import Self

import attrs

from corparent.dates import age_on, birthday
from corparent.jurisdiction import Jurisdiction
from corparent.law import LAWS, Conventions, LeaverStatus
from corparent.leaving_care import Entitlement, status_timeline
from corparent.model import CaseRecord

__all__ = [
    "NationalLeaverStatus",
    "ScottishLeaverStatus",
    "WelshCategory",
    "continuing_care_eligible",
    "continuing_care_higher_age",
    "leaver_status",
]

_ONE = dt.timedelta(days=1)
_PART_10_FROM = dt.date(2015, 4, 1)
"""CYP(S)A 2014 Parts 10-11 (aftercare on application to 26, continuing care) in force."""

_HIGHER_AGE = (
    (dt.date(2015, 4, 1), 17),
    (dt.date(2016, 4, 1), 18),
    (dt.date(2017, 4, 1), 19),
    (dt.date(2018, 4, 1), 20),
    (dt.date(2019, 4, 1), 21),
)
"""Continuing Care (Scotland) Order 2015 art 2 as amended: 17 as made [V], 18 from 2016 [V],
rising a year at a time to 21 from 1 April 2019 [S]; the 2017 and 2018 steps are inferred."""


class _Described(enum.Enum):
    description: str
    citation: str

    def __new__(cls, value: str, description: str, citation: str) -> Self:
        obj = object.__new__(cls)
        obj._value_ = value
        obj.description = description
        obj.citation = citation
        return obj


class ScottishLeaverStatus(_Described):
    """A young person's status under the Scottish aftercare provisions."""

    LOOKED_AFTER_16_PLUS = (
        "looked_after_16_plus",
        "looked after and 16 or over: owed aftercare on leaving care",
        "Children (Scotland) Act 1995 s.29(1)",
    )
    AFTERCARE = (
        "aftercare",
        "16 to 18, looked after on or after the 16th birthday, no longer looked after: the "
        "authority must advise, guide and assist",
        "Children (Scotland) Act 1995 s.29(1)",
    )
    AFTERCARE_ON_APPLICATION = (
        "aftercare_on_application",
        "19 to 25 and formerly within s.29(1): assessed and supported on application",
        "Children (Scotland) Act 1995 s.29(2), (5A)",
    )
    NONE = ("none", "none of the aftercare statuses", "")


class WelshCategory(_Described):
    """A young person's category under the Social Services and Well-being (Wales) Act 2014
    s.104(2)."""

    CATEGORY_1 = (
        "category_1",
        "looked after, 16 or 17, looked after for 13 weeks since 14",
        "SSWBA 2014 s.104(2); CPPCR(W) 2015 reg 47",
    )
    CATEGORY_2 = (
        "category_2",
        "16 or 17, no longer looked after, category 1 when care ended",
        "SSWBA 2014 s.104(2); CL(W) 2015 reg 3",
    )
    CATEGORY_3 = (
        "category_3",
        "18 or over, formerly category 2, or category 1 when looked after at 18 (duties to 21, "
        "provisional)",
        "SSWBA 2014 s.104(2), s.111",
    )
    CATEGORY_4 = (
        "category_4",
        "a former category 3 under 25 in, or wishing to be in, education or training",
        "SSWBA 2014 s.104(2), s.112",
    )
    CATEGORY_5 = (
        "category_5",
        "16 to 20, under a special guardianship order made when previously looked after",
        "SSWBA 2014 s.104(2)",
    )
    CATEGORY_6 = (
        "category_6",
        "left care after 16 without being category 1 (conditions not read: provisional)",
        "SSWBA 2014 s.104(2)",
    )
    NONE = ("none", "none of the categories", "")


@attrs.frozen(kw_only=True)
class NationalLeaverStatus:
    """A young person's leaving-care status on one day under their authority's nation's law.

    Attributes:
        child_id: The record id.
        on: The day asked about.
        jurisdiction: The nation whose law was applied.
        status: The status in that nation's terms.
        since: The day it began, or ``None``.
        provisional: True where the status rests on text not read (e.g. Welsh category 6).
        continuing_care_eligible: Scotland: left care eligible for continuing care.
        entitlements: What the young person is entitled to on ``on``, with end dates.
    """

    child_id: str
    on: dt.date
    jurisdiction: Jurisdiction
    status: ScottishLeaverStatus | WelshCategory | LeaverStatus
    since: dt.date | None
    provisional: bool = False
    continuing_care_eligible: bool = False
    entitlements: tuple[Entitlement, ...] = ()


def continuing_care_higher_age(day: dt.date) -> int | None:
    """The Scottish continuing-care higher age in force on ``day`` (``None`` before 1 April
    2015, when there was no continuing-care duty)."""
    age: int | None = None
    for start, value in _HIGHER_AGE:
        if day >= start:
            age = value
    return age


def _left_care_after_16(record: CaseRecord, on: dt.date, bday16: dt.date) -> dt.date | None:
    """The day the young person last ceased to be looked after, if they were looked after on
    or after their 16th birthday and are not looked after on ``on``."""
    if record.looked_after_on(on):
        return None
    ended = [
        p.end
        for p in record.periods_of_care()
        if p.end is not None and p.end <= on and p.end > bday16
    ]
    return ended[-1] if ended else None


def continuing_care_eligible(
    record: CaseRecord, ceased_on: dt.date, conventions: Conventions | None = None
) -> bool:
    """True if a young person who ceased to be looked after on ``ceased_on`` was an eligible
    person for Scottish continuing care: aged 16 or over and under the higher age in force that
    day, leaving foster, kinship or residential care (C(S)A 1995 s.26A)."""
    conventions = conventions or LAWS[Jurisdiction.SCOTLAND].conventions
    higher = continuing_care_higher_age(ceased_on)
    if higher is None:
        return False
    age = age_on(record.child.date_of_birth, ceased_on, conventions.leap_day)
    last = record.placement_on(ceased_on - _ONE)
    kind = last.placement_type if last is not None else None
    in_care_setting = kind is not None and (kind.is_foster or kind.is_residential)
    return 16 <= age < higher and in_care_setting


def _scotland(record: CaseRecord, on: dt.date, conventions: Conventions) -> NationalLeaverStatus:
    dob = record.child.date_of_birth
    day = {a: birthday(dob, a, conventions.leap_day) for a in (16, 19, 21, 26)}
    base = functools.partial(
        NationalLeaverStatus, child_id=record.id, on=on, jurisdiction=Jurisdiction.SCOTLAND
    )
    if record.looked_after_on(on):
        if on < day[16]:
            return base(status=ScottishLeaverStatus.NONE, since=None)
        period = record.period_on(on)
        since = max(day[16], period.start) if period is not None else day[16]
        return base(status=ScottishLeaverStatus.LOOKED_AFTER_16_PLUS, since=since)
    left = _left_care_after_16(record, on, day[16])
    if left is None:
        return base(status=ScottishLeaverStatus.NONE, since=None)
    eligible = continuing_care_eligible(record, left, conventions)
    out: list[Entitlement] = []
    in_continuing_care = next((f for f in record.staying_put if f.covers(on)), None)
    if in_continuing_care is not None and on < day[21]:
        out.append(
            Entitlement(
                name="continuing care",
                citation="C(S)A 1995 s.26A",
                start=in_continuing_care.start,
                end=day[21] - _ONE,
            )
        )
    if on < day[19]:
        out.append(
            Entitlement(
                name="aftercare (duty)",
                citation="C(S)A 1995 s.29(1)",
                start=left,
                end=day[19] - _ONE,
            )
        )
        status, since = ScottishLeaverStatus.AFTERCARE, left
    elif on < day[26] and on >= _PART_10_FROM:
        out.append(
            Entitlement(
                name="aftercare on application",
                citation="C(S)A 1995 s.29(2), (5A)",
                start=day[19],
                end=day[26] - _ONE,
            )
        )
        status, since = ScottishLeaverStatus.AFTERCARE_ON_APPLICATION, day[19]
    else:
        return base(status=ScottishLeaverStatus.NONE, since=None, continuing_care_eligible=eligible)
    return base(
        status=status,
        since=since,
        continuing_care_eligible=eligible,
        entitlements=tuple(out),
    )


def _wales(
    record: CaseRecord, on: dt.date, conventions: Conventions, in_education_or_training: bool
) -> NationalLeaverStatus:
    dob = record.child.date_of_birth
    day = {a: birthday(dob, a, conventions.leap_day) for a in (16, 21, 25)}
    base = functools.partial(
        NationalLeaverStatus, child_id=record.id, on=on, jurisdiction=Jurisdiction.WALES
    )
    timeline = status_timeline(record, conventions=conventions, until=on)
    current = next((p for p in timeline if p.covers(on)), None)
    english = current.status if current is not None else LeaverStatus.NONE
    started = current.start if current is not None else None
    if english is LeaverStatus.ELIGIBLE:
        return base(status=WelshCategory.CATEGORY_1, since=started)
    if english is LeaverStatus.RELEVANT:
        return base(status=WelshCategory.CATEGORY_2, since=started)
    former = next((p for p in timeline if p.status is LeaverStatus.FORMER_RELEVANT), None)
    if former is not None and former.start <= on:
        if on < day[21]:
            return base(status=WelshCategory.CATEGORY_3, since=former.start, provisional=True)
        if in_education_or_training and on < day[25]:
            return base(status=WelshCategory.CATEGORY_4, since=day[21])
        return base(status=WelshCategory.NONE, since=None)
    last = next((p for p in reversed(record.periods_of_care()) if p.end is not None), None)
    if (
        last is not None
        and last.end is not None
        and last.end <= on
        and last.reason_ceased is not None
        and last.reason_ceased.is_special_guardianship
        and day[16] <= on < day[21]
    ):
        return base(status=WelshCategory.CATEGORY_5, since=max(last.end, day[16]))
    if english is LeaverStatus.QUALIFYING:
        return base(status=WelshCategory.CATEGORY_6, since=started, provisional=True)
    return base(status=WelshCategory.NONE, since=None)


def leaver_status(
    record: CaseRecord,
    on: dt.date,
    *,
    jurisdiction: Jurisdiction | None = None,
    conventions: Conventions | None = None,
    in_education_or_training: bool = False,
) -> NationalLeaverStatus:
    """The young person's leaving-care status on ``on`` under their nation's law.

    Args:
        record: The case record.
        on: The day asked about.
        jurisdiction: The nation; default the record's own (England if it states none).
        conventions: Default: the nation's rule set's conventions (its calendar, leap-day rule).
        in_education_or_training: Wales: the young person has told the authority they are (or
            wish to be) in education or training (category 4); a record does not hold this.
    """
    nation = jurisdiction or record.jurisdiction or Jurisdiction.ENGLAND
    conventions = conventions or LAWS[nation].conventions
    if nation is Jurisdiction.SCOTLAND:
        return _scotland(record, on, conventions)
    if nation is Jurisdiction.WALES:
        return _wales(record, on, conventions, in_education_or_training)
    timeline = status_timeline(record, conventions=conventions, until=on)
    current = next((p for p in timeline if p.covers(on)), None)
    status = current.status if current is not None else LeaverStatus.NONE
    return NationalLeaverStatus(
        child_id=record.id,
        on=on,
        jurisdiction=nation,
        status=status,
        since=current.start if current is not None else None,
        provisional=nation is Jurisdiction.NORTHERN_IRELAND
        and status in (LeaverStatus.FORMER_RELEVANT, LeaverStatus.QUALIFYING),
    )
