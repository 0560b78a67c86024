"""CPPCR 2010 Part 6 (reviews of the child's case) and AAR 2005 reg 36 (adoption reviews)."""

from __future__ import annotations

import datetime as dt

from corparent.law._citation import AAR, CPPCR
from corparent.law._rules import (
    IntervalMaxMonths,
    NotMoreThanMonthsAfter,
    WithinWeeks,
    WithinWorkingDays,
)
from corparent.law.england._build import SECONDARY, VERIFIED, F, P, R, T, cite, duty

_VIEWS = (P.EXPRESS_VIEWS, P.TAKE_ACCOUNT_OF_VIEWS, P.BEST_INTERESTS)
_LAC = "every looked-after child (not reg 48 short breaks, not while placed for adoption)"
AAR_START = dt.date(2005, 12, 30)

DUTIES = (
    duty(
        "review_first",
        "First review",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to=_LAC,
        trigger=T.BECAME_LOOKED_AFTER,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by="a review of the child's case",
        rule=WithinWorkingDays(days=20),
        citation=cite(CPPCR, "reg 33(1)", VERIFIED),
        resets="a new period of care (not a placement move or a change of legal status)",
    ),
    duty(
        "review_second",
        "Second review",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to=_LAC,
        trigger=T.FIRST_REVIEW,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by="a review of the child's case",
        rule=NotMoreThanMonthsAfter(months=3),
        citation=cite(CPPCR, "reg 33(2)", VERIFIED),
    ),
    duty(
        "review_subsequent",
        "Subsequent reviews",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to=_LAC,
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by="a review of the child's case",
        rule=IntervalMaxMonths(months=6),
        citation=cite(CPPCR, "reg 33(2)", VERIFIED),
        resets="every review actually held, including early reviews under reg 33(3)",
    ),
    duty(
        "review_short_breaks",
        "First short-break review",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to="a child to whom reg 48 applies (an agreed series of short breaks)",
        trigger=T.FIRST_SHORT_BREAK,
        recurrence=R.ONCE,
        discharged_by="a review of the child's case",
        rule=NotMoreThanMonthsAfter(months=3),
        citation=cite(CPPCR, "reg 48(3)", SECONDARY),
        notes="Within 3 months of the start of the first short break of the series; the "
        "breaks of one series count as one placement, so reviews held between breaks count. "
        "The paragraph letter within reg 48(3) was not checked.",
    ),
    duty(
        "review_short_breaks_subsequent",
        "Later short-break reviews",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to="a child to whom reg 48 applies (an agreed series of short breaks)",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by="a review of the child's case",
        rule=IntervalMaxMonths(months=6),
        citation=cite(CPPCR, "reg 48(3)", SECONDARY),
        resets="every review actually held",
    ),
    duty(
        "review_adoption_authorised_not_placed",
        "Review when authorised to place for adoption",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to="a child the agency may place for adoption but has not placed",
        trigger=T.PLACEMENT_ORDER,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by="a review of the child's case",
        rule=NotMoreThanMonthsAfter(months=3),
        citation=cite(AAR, "reg 36(1)", VERIFIED),
        in_force_from=AAR_START,
        notes="Then not more than 6 months after the previous review, alongside CPPCR reviews; "
        "the same reviews discharge both, so corparent checks the later AAR reviews through "
        "review_subsequent.",
    ),
    duty(
        "review_adoption_placed",
        "First review after placement for adoption",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to="a child placed for adoption",
        trigger=T.PLACED_FOR_ADOPTION,
        recurrence=R.ONCE,
        discharged_by="a review of the child's case",
        rule=WithinWeeks(weeks=4),
        citation=cite(AAR, "reg 36(3)", VERIFIED),
        in_force_from=AAR_START,
        notes="CPPCR reviews do not apply while the child is placed for adoption (CPPCR reg 3) "
        "[S]; AAR reg 36 reviews take over.",
    ),
    duty(
        "review_adoption_placed_second",
        "Second review after placement for adoption",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to="a child placed for adoption",
        trigger=T.FIRST_REVIEW,
        recurrence=R.ONCE,
        discharged_by="a review of the child's case",
        rule=NotMoreThanMonthsAfter(months=3),
        citation=cite(AAR, "reg 36(3)", VERIFIED),
        in_force_from=AAR_START,
    ),
    duty(
        "review_adoption_placed_subsequent",
        "Later reviews after placement for adoption",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to="a child placed for adoption, until the adoption order or disruption",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by="a review of the child's case",
        rule=IntervalMaxMonths(months=6),
        citation=cite(AAR, "reg 36(3)", VERIFIED),
        in_force_from=AAR_START,
    ),
)
