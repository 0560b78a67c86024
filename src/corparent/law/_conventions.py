"""Every ambiguity in the law as a documented, configurable convention.

The defaults are the conservative readings: where two readings give different deadlines, the
default is the one that can only make a duty due sooner, never later.
:func:`corparent.schedule.ambiguities` shows, per child, which due dates another reading moves.
"""

from __future__ import annotations

import enum

import attrs

from corparent.codes import ReasonPlaceChange
from corparent.dates import ENGLAND_AND_WALES, LeapDay, WorkingDayCalendar
from corparent.law._leaver import LeaverEpisodeRule

__all__ = [
    "AUTHORITY_ENDED_PLACEMENT_REASONS",
    "Conventions",
    "HealthTransition",
    "SchoolTerm",
    "UnannouncedVisitYear",
    "VisitStraddle",
]


class VisitStraddle(enum.Enum):
    """The visit interval that straddles the end of a placement's first year."""

    SIX_WEEKS = "six_weeks"
    """An interval that began in the first year keeps the 6-week limit (default)."""
    THREE_MONTHS = "three_months"
    """The after-first-year limit applies to an interval that ends after the first year."""


class HealthTransition(enum.Enum):
    """The health review interval across the 5th birthday."""

    SIX_MONTHS = "six_months"
    """An assessment before the 5th birthday is followed within 6 months (default)."""
    TWELVE_MONTHS = "twelve_months"
    """12 months when the 6-monthly review would fall after the 5th birthday."""


class UnannouncedVisitYear(enum.Enum):
    """What "at least one unannounced visit a year" to a foster home means."""

    ROLLING = "rolling"
    """Not more than 12 months after approval, then after each unannounced visit (default)."""
    APPROVAL_YEAR = "approval_year"
    """At least one visit in each year counted from the approval date, due on its last day."""


@attrs.frozen(kw_only=True)
class SchoolTerm:
    """A school term by month and day, e.g. autumn from 1 September to 31 December.

    Attributes:
        name: "autumn", "spring", "summer".
        start: (month, day) of the first day.
        end: (month, day) of the last day.
    """

    name: str
    start: tuple[int, int]
    end: tuple[int, int]


ENGLISH_TERMS = (
    SchoolTerm(name="autumn", start=(9, 1), end=(12, 31)),
    SchoolTerm(name="spring", start=(1, 1), end=(3, 31)),
    SchoolTerm(name="summer", start=(4, 1), end=(7, 31)),
)

AUTHORITY_ENDED_PLACEMENT_REASONS = (
    ReasonPlaceChange.CARPL,
    ReasonPlaceChange.LAREQ,
    ReasonPlaceChange.STAND,
    ReasonPlaceChange.ALLEG,
    ReasonPlaceChange.APPRR,
)
"""Reasons a placement ends that are the authority's decision (CPPCR 2010 reg 14): a change of
care plan, the authority's request, a standards-of-care concern, an allegation, approval
removed. A carer's or the child's request, a closure and custody are left out."""


def _optional_weeks(
    instance: object, attribute: attrs.Attribute[int | None], value: object
) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise ValueError(
            f"Conventions.{attribute.name} must be None or a whole number of weeks >= 1"
        )


@attrs.frozen(kw_only=True)
class Conventions:
    """How corparent reads the law where the law leaves a choice. Change one with
    ``attrs.evolve(Conventions(), count_trigger_day=True)`` or ``Conventions(...)``.

    Attributes:
        count_trigger_day: Count the trigger day as working day 1 when it is a working day.
            Default ``False``: a child looked after on Fri 22 Dec 2023 has a first review due
            by Wed 24 Jan 2024 (20 working days), not Tue 23 Jan.
        calendar: Whose bank holidays make a working day. Default England and Wales; "any part
            of the UK" adds, for instance, St Patrick's Day.
        chain_from_actual: Recurring duties run from the actual date of the previous event
            (default ``True``); ``False`` chains from the previous due date, which is only
            right for planning views.
        new_period_min_gap_days: A return to care within this many days of leaving continues
            the review schedule instead of starting a new first review. Default 0.
        visit_straddle: The visit interval that straddles the end of a placement's first
            year: 6 weeks by default (a placement from Mon 8 Jan 2024 visited on 13 Dec 2024
            needs its next visit by Fri 24 Jan 2025), or 3 months (Thu 13 Mar 2025).
        health_across_fifth_birthday: The health review interval across the 5th birthday:
            6 months by default (an assessment on 25 Jan 2025 before a 5th birthday in March
            2025 is followed by Fri 25 Jul 2025), or 12 months (Sun 25 Jan 2026).
        period_includes_trigger: A period "not exceeding 16 weeks" includes its first day, so
            one from Fri 1 Mar 2024 ends on Thu 20 Jun 2024; ``False`` gives Fri 21 Jun 2024.
        include_guidance: Include duties whose force is statutory guidance or practice.
            Default ``True``; findings still say which force each duty has.
        temporary_placements_restart_visits: Whether a T0-T4 temporary move starts a new
            visiting clock. Default ``False``: the usual placement's clock carries on.
        school_terms: The terms for termly PEP reviews: autumn, spring, summer by default.
        leaver_episode_rule: Which days count towards the 13 weeks that make a child eligible.
        leaver_count_end_day: Count the day an episode ended (default ``False``).
        leaver_count_short_breaks: Count short-break days to which reg 48 applies (default
            ``False``: a reg 48 child is not an eligible child, CPPCR 2010 reg 40(2)).
        leaver_count_remand: Count remand (looked after under LASPO 2012 s.104; default
            ``True``).
        relevant_ends_after_six_months_home: A relevant child who went home to a parent or a
            person with parental responsibility (REC E4A, E4B) stops being relevant after 6
            months there (CLR 2010 reg 3(3)); default ``True``. Living with someone without
            parental responsibility (REC E13) never ends relevant status this way.
        leap_day: The birthday of someone born on 29 February in other years.
        short_break_days_inclusive: Count both the first and the last day of a short break
            towards the 17-day and 75-day limits of CPPCR 2010 reg 48(2) (default ``True``:
            a Friday-to-Sunday break is 3 days); ``False`` counts nights (2).
        short_break_series_lapse_months: A series of short breaks with no break for this many
            months is taken to have ended this many months after its last break (default 12,
            the reg 48(2) rolling year); a later break starts a new series.
        unannounced_visit_year: What "an unannounced visit a year" to a foster home means.
        authority_ended_placement_reasons: The reasons for a placement ending that count as
            the authority ending it (CPPCR 2010 reg 14).
        placement_restarts_reviews: Scotland only: whether each new placement starts a new
            "first review within 6 weeks of the placement" (LAC(S) 2009 reg 45(2)(a), the
            literal reading and the default, which can only make reviews due sooner); ``False``
            runs one review chain from the first placement of each period of care.
        ni_first_review_weeks: Northern Ireland only: the weeks within which the first review
            is due (Review of Children's Cases Regulations (NI) 1996 reg 3). The period could
            not be confirmed (2 or 4 weeks), so there is no default: scheduling a Northern
            Irish first review without it raises :class:`~corparent.errors.ConfigError`.
    """

    count_trigger_day: bool = False
    calendar: WorkingDayCalendar = ENGLAND_AND_WALES
    chain_from_actual: bool = True
    new_period_min_gap_days: int = 0
    visit_straddle: VisitStraddle = VisitStraddle.SIX_WEEKS
    health_across_fifth_birthday: HealthTransition = HealthTransition.SIX_MONTHS
    period_includes_trigger: bool = True
    include_guidance: bool = True
    temporary_placements_restart_visits: bool = False
    school_terms: tuple[SchoolTerm, ...] = ENGLISH_TERMS
    leaver_episode_rule: LeaverEpisodeRule = LeaverEpisodeRule.DAYS_AFTER_14TH_BIRTHDAY
    leaver_count_end_day: bool = False
    leaver_count_short_breaks: bool = False
    leaver_count_remand: bool = True
    relevant_ends_after_six_months_home: bool = True
    leap_day: LeapDay = LeapDay.MARCH_1
    placement_restarts_reviews: bool = True
    ni_first_review_weeks: int | None = attrs.field(default=None, validator=_optional_weeks)
    short_break_days_inclusive: bool = True
    short_break_series_lapse_months: int = 12
    unannounced_visit_year: UnannouncedVisitYear = UnannouncedVisitYear.ROLLING
    authority_ended_placement_reasons: tuple[ReasonPlaceChange, ...] = (
        AUTHORITY_ENDED_PLACEMENT_REASONS
    )
