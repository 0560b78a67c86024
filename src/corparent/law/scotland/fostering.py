"""Foster carers in Scotland: LAC(S) 2009 regs 22 and 25."""

from __future__ import annotations

from corparent.law._nation import VERIFIED, F, P, R, T, cite, duty, version
from corparent.law._rules import IntervalMaxMonths, WithinDays
from corparent.law.scotland._sources import LACS, LACS_REG22, LACS_REG25, LACS_START

DUTIES = (
    duty(
        "foster_approval_decision",
        "Decision on approval within 14 days of the panel's recommendation",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY,),
        applies_to="a prospective foster carer recommended by the fostering panel",
        trigger=T.PANEL_RECOMMENDATION,
        recurrence=R.ONCE,
        discharged_by="the authority's decision",
        versions=[
            version(WithinDays(days=14), cite(LACS, "reg 22(3)", VERIFIED, LACS_REG22), LACS_START)
        ],
    ),
    duty(
        "foster_approval_review",
        "Foster carer's first approval review within 12 months",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY,),
        applies_to="every approved foster carer",
        trigger=T.CARER_APPROVED,
        recurrence=R.ONCE,
        discharged_by="a review of the carer's approval, referred to the fostering panel",
        versions=[
            version(
                IntervalMaxMonths(months=12),
                cite(LACS, "reg 25(1)", VERIFIED, LACS_REG25),
                LACS_START,
            )
        ],
    ),
    duty(
        "foster_approval_review_subsequent",
        "Foster carer's later approval reviews within 3 years",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY,),
        applies_to="every approved foster carer, after the first review",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by="a review of the carer's approval, referred to the fostering panel",
        versions=[
            version(
                IntervalMaxMonths(months=36),
                cite(LACS, "reg 25(2)", VERIFIED, LACS_REG25),
                LACS_START,
            )
        ],
        notes="'Within 3 years of the previous review' (England: yearly).",
    ),
)
