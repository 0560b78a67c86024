"""Looked-after children in Scotland: the Looked After Children (Scotland) Regulations 2009.

Reviews and visits run from **the placement** (regs 45-46), not from becoming looked after;
emergency placements last at most 3 working days and are reviewed within 3 (regs 36, 38).
Regulation 45 and 46 apply to placements with kinship carers, foster carers, in residential
establishments and under reg 39; a child cared for at home by parents is reviewed as often as
agreed (reg 44(5)), which sets no date.
"""

from __future__ import annotations

from corparent.law._nation import PARTIAL, VERIFIED, F, P, R, T, cite, duty, version
from corparent.law._rules import (
    Asap,
    IntervalMaxMonths,
    NotMoreThanMonthsAfter,
    PeriodNotExceedingWeeks,
    PeriodNotExceedingWorkingDays,
    WithinWeeks,
    WithinWorkingDays,
)
from corparent.law.scotland._sources import (
    LACS,
    LACS_MADE,
    LACS_PART_X,
    LACS_REG5,
    LACS_REG38,
    LACS_REG39,
    LACS_REG45,
    LACS_REG46,
    LACS_START,
)

_VIEWS = (P.EXPRESS_VIEWS, P.TAKE_ACCOUNT_OF_VIEWS, P.BEST_INTERESTS)
_VISIT = (P.SAFETY_AND_STABILITY, P.EXPRESS_VIEWS)
_REG45 = (
    "a child placed with a kinship carer, a foster carer, under reg 39(1) or in a residential "
    "establishment (not a child cared for at home by parents, reg 44(5))"
)
_REVIEW = "a review of the child's case"
_SEEN = "a visit to the child and carer"

DUTIES = (
    duty(
        "care_plan_assess_needs",
        "Assessment of the child's needs",
        force=F.REGULATION,
        principles=(P.BEST_INTERESTS,),
        applies_to="every child looked after, or about to be looked after, by the authority",
        trigger=T.BECAME_LOOKED_AFTER,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by="an assessment of the child's immediate and long-term needs",
        versions=[
            version(Asap(), cite(LACS, "regs 3(2)(a), 4(1)", VERIFIED, LACS_MADE), LACS_START)
        ],
        notes="No fixed number of days: an open obligation, never overdue by a date.",
    ),
    duty(
        "care_plan_prepare",
        "Child's plan prepared",
        force=F.REGULATION,
        principles=(P.BEST_INTERESTS, P.SAFETY_AND_STABILITY),
        applies_to="every child looked after, after the reg 4 assessment",
        trigger=T.BECAME_LOOKED_AFTER,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by="a child's plan",
        versions=[version(Asap(), cite(LACS, "reg 5(1)", VERIFIED, LACS_REG5), LACS_START)],
        notes="'Following an assessment made under regulation 4': no fixed number of days.",
    ),
    duty(
        "health_assessment_initial",
        "Written health assessment",
        force=F.REGULATION,
        principles=(P.BEST_INTERESTS, P.ACCESS_TO_SERVICES),
        applies_to="every child looked after (not if one was made in the 3 months before)",
        trigger=T.BECAME_LOOKED_AFTER,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by="a written health assessment by a registered medical practitioner or nurse",
        versions=[
            version(Asap(), cite(LACS, "reg 3(2)(b), (3)(b), (4)", VERIFIED, LACS_MADE), LACS_START)
        ],
        notes="'So far as is reasonably practicable': no fixed days, no periodic health reviews.",
    ),
    duty(
        "review_first",
        "First review within 6 weeks of the placement",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to=_REG45,
        trigger=T.PLACEMENT_STARTED,
        recurrence=R.ONCE_PER_PLACEMENT,
        discharged_by=_REVIEW,
        versions=[
            version(
                WithinWeeks(weeks=6), cite(LACS, "reg 45(2)(a)", VERIFIED, LACS_REG45), LACS_START
            )
        ],
        resets="each new placement (Conventions.placement_restarts_reviews; the literal reading)",
    ),
    duty(
        "review_second",
        "Second review",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to=_REG45,
        trigger=T.FIRST_REVIEW,
        recurrence=R.ONCE_PER_PLACEMENT,
        discharged_by=_REVIEW,
        versions=[
            version(
                NotMoreThanMonthsAfter(months=3),
                cite(LACS, "reg 45(2)(b)", VERIFIED, LACS_REG45),
                LACS_START,
            )
        ],
    ),
    duty(
        "review_subsequent",
        "Subsequent reviews",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to=_REG45,
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by=_REVIEW,
        versions=[
            version(
                IntervalMaxMonths(months=6),
                cite(LACS, "reg 45(2)(c)", VERIFIED, LACS_REG45),
                LACS_START,
            )
        ],
    ),
    duty(
        "review_short_breaks",
        "First review of a series of short-term placements",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to="a child in a series of short-term placements treated as one (regs 14, 30)",
        trigger=T.FIRST_SHORT_BREAK,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by=_REVIEW,
        versions=[
            version(
                NotMoreThanMonthsAfter(months=3),
                cite(LACS, "reg 45(3)", VERIFIED, LACS_REG45),
                LACS_START,
            )
        ],
        notes="Within 3 months of the day the placement was first made, then within 6 months "
        "of the previous review (review_subsequent).",
    ),
    duty(
        "emergency_placement_review",
        "Emergency placement reviewed within 3 working days",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY, P.BEST_INTERESTS),
        applies_to="a child placed in an emergency under reg 36",
        trigger=T.PLACED_IN_EMERGENCY,
        recurrence=R.ONCE,
        discharged_by="a review of whether the placement is in the child's best interests",
        versions=[
            version(
                WithinWorkingDays(days=3), cite(LACS, "reg 38(2)", VERIFIED, LACS_REG38), LACS_START
            )
        ],
        notes="Working days exclude weekends and Scottish bank holidays (LAC(S) 2009 defines "
        "no working day). A 2020 amendment altered the period and let the Chief Social Work "
        "Officer defer the review; its dates were not read, so the 3-day rule applies throughout.",
    ),
    duty(
        "emergency_placement_max",
        "Emergency placement ends within 3 working days",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY,),
        applies_to="a child placed in an emergency under reg 36 with an approved kinship or "
        "foster carer, or a person known to the child",
        trigger=T.PLACED_IN_EMERGENCY,
        recurrence=R.ONCE,
        discharged_by="the emergency placement ended, or continued after the reg 38 review",
        versions=[
            version(
                PeriodNotExceedingWorkingDays(days=3),
                cite(LACS, "reg 36(1)-(3)", VERIFIED, LACS_PART_X),
                LACS_START,
            )
        ],
    ),
    duty(
        "emergency_placement_continuation",
        "Emergency placement continued for at most 6 more weeks",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY,),
        applies_to="an emergency placement continued after the reg 38 review (reg 39)",
        trigger=T.PLACED_IN_EMERGENCY,
        recurrence=R.ONCE,
        discharged_by="the continued placement ended or replaced by a full placement",
        versions=[
            version(
                PeriodNotExceedingWeeks(weeks=6),
                cite(LACS, "reg 39", PARTIAL, LACS_REG39),
                LACS_START,
            )
        ],
        notes="Counted from the day the placement was continued. The 6 weeks come from a "
        "secondary summary; the regulation's own periods were not read.",
    ),
    duty(
        "visit_first",
        "First visit within a week of the placement",
        force=F.REGULATION,
        principles=_VISIT,
        applies_to=_REG45,
        trigger=T.PLACEMENT_STARTED,
        recurrence=R.ONCE_PER_PLACEMENT,
        discharged_by=_SEEN,
        versions=[
            version(
                WithinWeeks(weeks=1), cite(LACS, "reg 46(2)(a)", VERIFIED, LACS_REG46), LACS_START
            )
        ],
        resets="each new placement",
    ),
    duty(
        "visit_routine",
        "Visits at least every 3 months",
        force=F.REGULATION,
        principles=_VISIT,
        applies_to=_REG45,
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by=_SEEN,
        versions=[
            version(
                IntervalMaxMonths(months=3),
                cite(LACS, "reg 46(2)(b)", VERIFIED, LACS_REG46),
                LACS_START,
            )
        ],
        notes="From the start of the placement: no 6-week first-year rule, no long-term variant.",
    ),
)
