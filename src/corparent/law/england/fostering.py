"""Foster carers: the Fostering Services (England) Regulations 2011 reg 28."""

from __future__ import annotations

from corparent.law._citation import FSR
from corparent.law._rules import IntervalMaxMonths
from corparent.law.england._build import SECONDARY, F, P, R, T, cite, duty

DUTIES = (
    duty(
        "foster_approval_review",
        "Foster carer's approval reviewed",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY,),
        applies_to="every approved foster carer",
        trigger=T.CARER_APPROVED,
        recurrence=R.REPEATING,
        discharged_by="a completed review of the carer's approval",
        rule=IntervalMaxMonths(months=12),
        citation=cite(FSR, "reg 28", SECONDARY),
        notes="At intervals of not more than a year: the first within a year of approval (W25).",
    ),
)
