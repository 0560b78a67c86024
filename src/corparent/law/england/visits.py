"""CPPCR 2010 Part 5 reg 28: visits by the child's social worker (R), and AAR 2005 reg 36(4)."""

from __future__ import annotations

import datetime as dt

from corparent.law._citation import AAR, CPPCR, DETENTION
from corparent.law._rules import (
    IntervalMaxMonths,
    IntervalMaxWeeks,
    NotMoreThanMonthsAfter,
    WithinWeeks,
    WithinWorkingDays,
)
from corparent.law.england._build import RECALLED, SECONDARY, VERIFIED, F, P, R, T, cite, duty
from corparent.law.england.reviews import AAR_START

_VISIT = (P.SAFETY_AND_STABILITY, P.EXPRESS_VIEWS)
_BY = "a visit in which the child is seen"

DUTIES = (
    duty(
        "visit_first",
        "First visit in a placement",
        force=F.REGULATION,
        principles=_VISIT,
        applies_to="every looked-after child in a placement (the default rule)",
        trigger=T.PLACEMENT_STARTED,
        recurrence=R.ONCE_PER_PLACEMENT,
        discharged_by=_BY,
        rule=WithinWeeks(weeks=1),
        citation=cite(CPPCR, "reg 28(2)(a)", VERIFIED),
        resets="each new placement",
    ),
    duty(
        "visit_first_year",
        "Visits in the first year of a placement",
        force=F.REGULATION,
        principles=_VISIT,
        applies_to="the first year of any placement",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by=_BY,
        rule=IntervalMaxWeeks(weeks=6),
        citation=cite(CPPCR, "reg 28(2)(b)", VERIFIED),
        resets="each visit; a new placement restarts the year",
    ),
    duty(
        "visit_after_first_year",
        "Visits after the first year (placement intended to last until 18)",
        force=F.REGULATION,
        principles=_VISIT,
        applies_to="after the first year of a placement intended to last until the child is 18",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by=_BY,
        rule=IntervalMaxMonths(months=3),
        citation=cite(CPPCR, "reg 28(2)(c)", VERIFIED),
        notes="Other placements keep the 6-week interval after the first year "
        "(visit_after_first_year_other).",
    ),
    duty(
        "visit_after_first_year_other",
        "Visits after the first year (other placements)",
        force=F.REGULATION,
        principles=_VISIT,
        applies_to="after the first year of a placement not intended to last until 18",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by=_BY,
        rule=IntervalMaxWeeks(weeks=6),
        citation=cite(CPPCR, "reg 28(2)(c)", VERIFIED),
    ),
    duty(
        "visit_long_term_foster_reduced",
        "Visits in a long-term foster placement, reduced with the child's agreement",
        force=F.REGULATION,
        principles=(*_VISIT, P.TAKE_ACCOUNT_OF_VIEWS),
        applies_to="a child in a long-term foster placement for at least a year who agrees",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by=_BY,
        rule=IntervalMaxMonths(months=6),
        citation=cite(CPPCR, "reg 28(3A), inserted by SI 2015/495", SECONDARY),
        in_force_from=dt.date(2015, 4, 1),
    ),
    duty(
        "visit_placed_with_parent_pre_assessment",
        "Weekly visits when placed with a parent before assessment",
        force=F.REGULATION,
        principles=_VISIT,
        applies_to="a child placed with a parent under reg 19, until the first review",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by=_BY,
        rule=IntervalMaxWeeks(weeks=1),
        citation=cite(CPPCR, "reg 28(3)", VERIFIED),
        notes="'At least once a week' read as a maximum 7-day gap, not one visit in each "
        "calendar week; after the first review the 6-week first-year rule applies.",
    ),
    duty(
        "visit_connected_person_or_ico_with_parent",
        "Weekly, then four-weekly, visits with a connected person or on an ICO at home",
        force=F.REGULATION,
        principles=_VISIT,
        applies_to="a child placed with a temporarily approved connected person (reg 24), or on "
        "an interim care order and living with a parent",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by=_BY,
        rule=IntervalMaxWeeks(weeks=1),
        citation=cite(CPPCR, "reg 28(4)", VERIFIED),
        notes="Weekly until the first review, then at intervals of not more than 4 weeks "
        "(visit_connected_person_after_first_review).",
    ),
    duty(
        "visit_connected_person_after_first_review",
        "Four-weekly visits with a connected person or on an ICO at home, after the first review",
        force=F.REGULATION,
        principles=_VISIT,
        applies_to="as visit_connected_person_or_ico_with_parent, after the first review",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by=_BY,
        rule=IntervalMaxWeeks(weeks=4),
        citation=cite(CPPCR, "reg 28(4)", VERIFIED),
    ),
    duty(
        "visit_care_order_with_parent",
        "Visit within a week of a care order while living with a parent",
        force=F.REGULATION,
        principles=_VISIT,
        applies_to="a child in care under a care order (s.31) who lives with a parent",
        trigger=T.CARE_ORDER_AT_HOME,
        recurrence=R.ONCE,
        discharged_by=_BY,
        rule=WithinWeeks(weeks=1),
        citation=cite(CPPCR, "reg 28(5)(a)", VERIFIED),
        notes="Trigger: the start of the first episode with legal status C2 in a placement with "
        "a parent (P1), i.e. the order date or the day the child went home under the order.",
    ),
    duty(
        "visit_care_order_with_parent_interval",
        "Visits at least every six weeks on a care order at home",
        force=F.REGULATION,
        principles=_VISIT,
        applies_to="a child in care under a care order (s.31) who lives with a parent",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by=_BY,
        rule=IntervalMaxWeeks(weeks=6),
        citation=cite(CPPCR, "reg 28(5)(b)", VERIFIED),
        notes="No relaxation after the first year, unlike reg 28(2)(c).",
    ),
    duty(
        "visit_short_breaks_first",
        "First visit during short breaks",
        force=F.REGULATION,
        principles=_VISIT,
        applies_to="a child to whom reg 48 applies",
        trigger=T.FIRST_SHORT_BREAK,
        recurrence=R.ONCE,
        discharged_by=_BY,
        rule=NotMoreThanMonthsAfter(months=3),
        citation=cite(CPPCR, "reg 48(3)(c)", RECALLED),
    ),
    duty(
        "visit_short_breaks",
        "Visits during short breaks",
        force=F.REGULATION,
        principles=_VISIT,
        applies_to="a child to whom reg 48 applies",
        trigger=T.FIRST_SHORT_BREAK,
        recurrence=R.REPEATING,
        discharged_by=_BY,
        rule=IntervalMaxMonths(months=6),
        citation=cite(CPPCR, "reg 48(3)(c)", RECALLED),
        notes="After the first visit, at intervals of not more than 6 months, on days the "
        "child is placed; the breaks of one series count as one placement.",
    ),
    duty(
        "visit_adoption_placement",
        "Visits after placement for adoption",
        force=F.REGULATION,
        principles=_VISIT,
        applies_to="a child placed for adoption, until the first review",
        trigger=T.PLACED_FOR_ADOPTION,
        recurrence=R.REPEATING,
        discharged_by=_BY,
        rule=WithinWeeks(weeks=1),
        citation=cite(AAR, "reg 36(4)(a)", VERIFIED),
        in_force_from=AAR_START,
        notes="Within a week, then weekly until the first review; after that as the review "
        "decides (no computable interval).",
    ),
    duty(
        "visit_former_lac_in_detention",
        "Visit to a child detained after leaving care",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY, P.EXPRESS_VIEWS),
        applies_to="a child who stopped being looked after (accommodated or remanded, not in "
        "care) on being sentenced to custody, and is not a relevant child",
        trigger=T.DETAINED,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by=_BY,
        rule=WithinWorkingDays(days=10),
        citation=cite(DETENTION, "reg 4 (CA 1989 s.23ZA)", RECALLED),
        notes="Within 10 working days of first being detained, so far as reasonably "
        "practicable; then whenever reasonably requested (no computable date). The Welsh "
        "twin was read; the English text is believed the same. Trigger: care ended with "
        "reason 'sentenced to custody'.",
    ),
)
