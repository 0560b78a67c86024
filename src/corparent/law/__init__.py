"""The law as data: duties with dated, cited versions, deadline rules and conventions.

``ENGLAND`` holds every date-computable duty of an English authority; ``WALES``, ``SCOTLAND``
and ``NORTHERN_IRELAND`` those of the other UK nations (``LAWS`` by jurisdiction);
``Conventions`` every choice the law leaves open. The law knows no records:
:mod:`corparent.schedule` applies it.
"""

from __future__ import annotations

from corparent.law._citation import REFERENCE_EDITION, Citation, Force, Verification
from corparent.law._compare import (
    SHORT_BREAK_LIMITS,
    RuleSetSummary,
    comparison_rows,
    summarise,
)
from corparent.law._conventions import (
    Conventions,
    HealthTransition,
    SchoolTerm,
    UnannouncedVisitYear,
    VisitStraddle,
)
from corparent.law._duty import Duty, DutyVersion, Recurrence, Trigger
from corparent.law._laws import LAWS, law_for, law_named, resolve
from corparent.law._leaver import LeaverEpisodeRule, LeaverStatus
from corparent.law._nation import (
    PROSPECTIVE,
    ShortBreakLimits,
    WithinWeeksByConvention,
    commence,
    is_prospective,
    is_provisional,
    require_conventions,
    tag,
)
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
from corparent.law.northern_ireland import NORTHERN_IRELAND
from corparent.law.scotland import SCOTLAND
from corparent.law.wales import WALES

__all__ = [
    "ENGLAND",
    "LAWS",
    "NORTHERN_IRELAND",
    "PROSPECTIVE",
    "REFERENCE_EDITION",
    "SCOTLAND",
    "SHORT_BREAK_LIMITS",
    "WALES",
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
    "RuleSetSummary",
    "SchoolTerm",
    "ShortBreakLimits",
    "SupportsStandards",
    "Trigger",
    "UnannouncedVisitYear",
    "UntilAge",
    "Verification",
    "VisitStraddle",
    "WithinDays",
    "WithinWeeks",
    "WithinWeeksByConvention",
    "WithinWorkingDays",
    "commence",
    "comparison_rows",
    "is_prospective",
    "is_provisional",
    "law_for",
    "law_named",
    "never_later",
    "require_conventions",
    "resolve",
    "summarise",
    "tag",
]
