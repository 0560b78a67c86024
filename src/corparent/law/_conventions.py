"""Every ambiguity in the law as a documented, configurable convention (reference §20).

The defaults are the conservative readings of design.md §4: where two readings give different
deadlines, the default is the one that can only make a duty due sooner, never later.
"""

from __future__ import annotations

import enum

import attrs

from corparent.dates import ENGLAND_AND_WALES, LeapDay, WorkingDayCalendar
from corparent.law._leaver import LeaverEpisodeRule

__all__ = ["Conventions", "HealthTransition", "SchoolTerm", "VisitStraddle"]


class VisitStraddle(enum.Enum):
    """The visit interval that straddles the end of a placement's first year (W13, §20.7)."""

    SIX_WEEKS = "six_weeks"
    """An interval that began in the first year keeps the 6-week limit (default)."""
    THREE_MONTHS = "three_months"
    """The after-first-year limit applies to an interval that ends after the first year."""


class HealthTransition(enum.Enum):
    """The health review interval across the 5th birthday (W16, §20.9)."""

    SIX_MONTHS = "six_months"
    """An assessment before the 5th birthday is followed within 6 months (default)."""
    TWELVE_MONTHS = "twelve_months"
    """12 months when the 6-monthly review would fall after the 5th birthday."""


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
        count_trigger_day: Count the trigger day as working day 1 when it is a working day
            (§20.1). Default ``False``: Fri 22 Dec 2023 + 20 WD = Wed 24 Jan 2024 (W1), not
            Tue 23 Jan.
        calendar: Whose bank holidays make a working day (§20.2). Default England and Wales;
            W27 shows "any part of the UK" moving a date by a day.
        chain_from_actual: Recurring duties run from the actual date of the previous event
            (§20.4, default ``True``); ``False`` chains from the previous due date, which is
            only right for planning views.
        new_period_min_gap_days: A return to care within this many days of leaving continues
            the review schedule instead of starting a new first review (§20.6). Default 0.
        visit_straddle: The visit interval that straddles the end of a placement's first year
            (§20.7, W13): 6 weeks (Fri 24 Jan 2025) by default, or 3 months (Thu 13 Mar 2025).
        health_across_fifth_birthday: The health review interval across the 5th birthday
            (§20.9, W16): 6 months (Fri 25 Jul 2025) by default, or 12 months (Sun 25 Jan 2026).
        period_includes_trigger: A period "not exceeding 16 weeks" includes its first day, so
            it ends on trigger + 111 days (§20.10, W15: Thu 20 Jun 2024); ``False`` gives
            trigger + 112 days (Fri 21 Jun 2024).
        include_guidance: Include duties whose force is statutory guidance or practice
            (§20.13). Default ``True``; findings still say which force each duty has.
        temporary_placements_restart_visits: Whether a T0-T4 temporary move starts a new
            visiting clock. Default ``False``: the usual placement's clock carries on.
        school_terms: The terms for termly PEP reviews (§6): autumn, spring, summer by default.
        leaver_episode_rule: Which days count towards the 13 weeks (§20.11, W17).
        leaver_count_end_day: Count the day an episode ended (default ``False``; W17 gives
            Sun 24 Mar 2024 instead of Wed 27 Mar 2024).
        leaver_count_short_breaks: Count reg 48 short-break days (default ``False``).
        leaver_count_remand: Count remand (looked after under LASPO 2012 s.104; default
            ``True``).
        relevant_ends_after_six_months_home: A relevant child who returned home (REC E4A,
            E4B, E13) stops being relevant after 6 months at home (CLR 2010 reg 3(3)); default
            ``True``.
        leap_day: The birthday of someone born on 29 February in other years (§20.12).
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
