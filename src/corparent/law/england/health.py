"""CPPCR 2010 reg 7 (health care) and the statutory guidance on health (2015)."""

from __future__ import annotations

from corparent.law._citation import CPPCR, HEALTH_GUIDANCE
from corparent.law._rules import BeforeEvent, IntervalMaxMonths, WithinWorkingDays
from corparent.law.england._build import SECONDARY, F, P, R, T, cite, duty

_HEALTH = (P.BEST_INTERESTS, P.ACCESS_TO_SERVICES)

DUTIES = (
    duty(
        "health_assessment_initial",
        "Initial health assessment by a registered medical practitioner",
        force=F.REGULATION,
        principles=_HEALTH,
        applies_to="every looked-after child (not reg 48 short breaks)",
        trigger=T.BECAME_LOOKED_AFTER,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by="an initial health assessment by a registered medical practitioner",
        rule=BeforeEvent(event="the first review", long_stop=WithinWorkingDays(days=20)),
        citation=cite(CPPCR, "reg 7", SECONDARY),
        notes="Before the first placement or, if not reasonably practicable, before the first "
        "review: due on the day of the first review if it is held early, otherwise by its due "
        "date, whichever is earlier. Not needed if one was done in the previous 3 months (an "
        "assessment in the 3 months before counts).",
    ),
    duty(
        "health_assessment_initial_guidance",
        "Initial health assessment and health plan in time for the first review",
        force=F.STATUTORY_GUIDANCE,
        principles=_HEALTH,
        applies_to="every looked-after child (not reg 48 short breaks)",
        trigger=T.BECAME_LOOKED_AFTER,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by="an initial health assessment",
        rule=WithinWorkingDays(days=20),
        citation=cite(
            HEALTH_GUIDANCE, "initial health assessment within 20 working days", SECONDARY
        ),
    ),
    duty(
        "health_review_under_5",
        "Health review every 6 months under 5",
        force=F.REGULATION,
        principles=_HEALTH,
        applies_to="a looked-after child under 5",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by="a health assessment (a review may be done by a nurse or midwife)",
        rule=IntervalMaxMonths(months=6),
        citation=cite(CPPCR, "reg 7", SECONDARY),
        notes="'At least once in every period of six months' treated as an interval from the "
        "previous assessment (conservative). Across the 5th birthday see Conventions.",
    ),
    duty(
        "health_review_5_plus",
        "Health review every 12 months from 5",
        force=F.REGULATION,
        principles=_HEALTH,
        applies_to="a looked-after child aged 5 or over",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by="a health assessment",
        rule=IntervalMaxMonths(months=12),
        citation=cite(CPPCR, "reg 7", SECONDARY),
    ),
)
