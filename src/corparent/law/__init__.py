"""The law as data: duties with dated, cited versions, deadline rules and conventions.

``ENGLAND`` holds every date-computable duty of an English authority; ``Conventions`` every
choice the law leaves open. The law knows no records: :mod:`corparent.schedule` applies it.
"""

from __future__ import annotations

from corparent.law._citation import REFERENCE_EDITION, Citation, Force, Verification
from corparent.law._conventions import (
    Conventions,
    HealthTransition,
    SchoolTerm,
    UnannouncedVisitYear,
    VisitStraddle,
)
from corparent.law._duty import Duty, DutyVersion, Recurrence, Trigger
from corparent.law._leaver import LeaverEpisodeRule, LeaverStatus
from corparent.law._rules import (
    AfterPeriodBeginningWith,
    Asap,
    BeforeEvent,
    DeadlineRule,
    EndOfSchoolTerm,
    IntervalMaxMonths,
    IntervalMaxWeeks,
    NotMoreThanMonthsAfter,
    PeriodNotExceedingWeeks,
    PeriodNotExceedingWorkingDays,
    UntilAge,
    WithinDays,
    WithinWeeks,
    WithinWorkingDays,
)
from corparent.law._ruleset import RuleSet
from corparent.law._standards import LocalStandard, SupportsStandards, never_later
from corparent.law.england import ENGLAND

__all__ = [
    "ENGLAND",
    "REFERENCE_EDITION",
    "AfterPeriodBeginningWith",
    "Asap",
    "BeforeEvent",
    "Citation",
    "Conventions",
    "DeadlineRule",
    "Duty",
    "DutyVersion",
    "EndOfSchoolTerm",
    "Force",
    "HealthTransition",
    "IntervalMaxMonths",
    "IntervalMaxWeeks",
    "LeaverEpisodeRule",
    "LeaverStatus",
    "LocalStandard",
    "NotMoreThanMonthsAfter",
    "PeriodNotExceedingWeeks",
    "PeriodNotExceedingWorkingDays",
    "Recurrence",
    "RuleSet",
    "SchoolTerm",
    "SupportsStandards",
    "Trigger",
    "UnannouncedVisitYear",
    "UntilAge",
    "Verification",
    "VisitStraddle",
    "WithinDays",
    "WithinWeeks",
    "WithinWorkingDays",
    "never_later",
]
