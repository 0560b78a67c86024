"""The care-leaver vocabulary of the law: statuses and how the 13 weeks are counted.

The computation from a record lives in :mod:`corparent.leaving_care`; the names live here so
that duties can say which status triggers them.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Self

__all__ = [
    "ELIGIBILITY_AGE",
    "ELIGIBILITY_DAYS",
    "PA_TO_25_FROM",
    "QUALIFYING_START_AGE",
    "LeaverEpisodeRule",
    "LeaverStatus",
]

ELIGIBILITY_DAYS = 91
"""13 weeks: CPPCR 2010 reg 40(1) (prescribed period for Children Act 1989 Sched 2 para 19B)."""

ELIGIBILITY_AGE = 14
"""The 13 weeks must begin after the 14th birthday (CPPCR 2010 reg 40(1))."""

QUALIFYING_START_AGE = 16
"""Children Act 1989 s.24(1B): looked after at any time after reaching 16."""

PA_TO_25_FROM = dt.date(2018, 4, 1)
"""Children Act 1989 s.23CZB (personal adviser to 25 on request) in force (SI 2018/346 reg 4)."""


class LeaverStatus(enum.Enum):
    """A young person's status under the leaving-care provisions of the Children Act 1989."""

    description: str
    citation: str

    def __new__(cls, value: str, description: str, citation: str) -> Self:
        obj = object.__new__(cls)
        obj._value_ = value
        obj.description = description
        obj.citation = citation
        return obj

    ELIGIBLE = (
        "eligible",
        "looked after, aged 16 or 17, and looked after for 13 weeks in total since the age of 14",
        "Children Act 1989 Sched 2 para 19B; CPPCR 2010 reg 40",
    )
    RELEVANT = (
        "relevant",
        "aged 16 or 17, no longer looked after, and an eligible child when care ended",
        "Children Act 1989 s.23A(2); Care Leavers (England) Regulations 2010 reg 3",
    )
    FORMER_RELEVANT = (
        "former_relevant",
        "aged 18 or over and a relevant child before, or looked after and eligible at 18",
        "Children Act 1989 s.23C(1)",
    )
    QUALIFYING = (
        "qualifying",
        "under 21, looked after at some time after 16 (or under a special guardianship order "
        "made when previously looked after), but not eligible",
        "Children Act 1989 s.24(1)-(2)",
    )
    NONE = ("none", "none of the leaving-care statuses", "")


class LeaverEpisodeRule(enum.Enum):
    """Which looked-after days count towards the 13 weeks (a reading of unclear law)."""

    DAYS_AFTER_14TH_BIRTHDAY = "days_after_14th_birthday"
    """Count every day on or after the 14th birthday, clipping episodes that began earlier
    (the default)."""
    EPISODES_STARTING_AFTER_14TH_BIRTHDAY = "episodes_starting_after_14th_birthday"
    """Count only episodes that began on or after the 14th birthday (the strict reading)."""
