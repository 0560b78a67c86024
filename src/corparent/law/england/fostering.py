"""Foster carers: the Fostering Services (England) Regulations 2011 reg 28 and the National
Minimum Standards (2011) standard 21."""

from __future__ import annotations

from corparent.law._citation import FSR, NMS
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
        notes="At intervals of not more than a year: the first within a year of approval.",
    ),
    duty(
        "foster_unannounced_visit",
        "Unannounced visit to the foster home each year",
        force=F.STATUTORY_GUIDANCE,
        principles=(P.SAFETY_AND_STABILITY,),
        applies_to="every approved foster carer",
        trigger=T.CARER_APPROVED,
        recurrence=R.REPEATING,
        discharged_by="an unannounced visit by the supervising social worker",
        rule=IntervalMaxMonths(months=12),
        citation=cite(NMS, "standard 21.8", SECONDARY),
        notes="'At least one unannounced visit a year': by default a rolling year from approval "
        "and then from each unannounced visit; Conventions.unannounced_visit_year can judge "
        "each year of approval instead.",
        evidence="carer_unannounced_visits",
    ),
)
