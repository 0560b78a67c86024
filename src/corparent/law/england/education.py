"""Personal Education Plans: CPPCR 2010 Sched 1 para 2 and the statutory guidance (2018)."""

from __future__ import annotations

from corparent.law._citation import EDUCATION_GUIDANCE
from corparent.law._rules import EndOfSchoolTerm, WithinWorkingDays
from corparent.law.england._build import SECONDARY, F, P, R, T, cite, duty

_EDU = (P.HIGH_ASPIRATIONS, P.SAFETY_AND_STABILITY)
_SCHOOL_AGE = "a looked-after child of compulsory school age (5 to 15 at the trigger)"

DUTIES = (
    duty(
        "pep_initiate",
        "Personal Education Plan initiated",
        force=F.STATUTORY_GUIDANCE,
        principles=_EDU,
        applies_to=_SCHOOL_AGE,
        trigger=T.BECAME_LOOKED_AFTER,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by="a Personal Education Plan",
        rule=WithinWorkingDays(days=10),
        citation=cite(EDUCATION_GUIDANCE, "PEP initiated within 10 working days", SECONDARY),
    ),
    duty(
        "pep_ready_first_review",
        "Personal Education Plan ready for the first review",
        force=F.STATUTORY_GUIDANCE,
        principles=_EDU,
        applies_to=_SCHOOL_AGE,
        trigger=T.BECAME_LOOKED_AFTER,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by="a Personal Education Plan",
        rule=WithinWorkingDays(days=20),
        citation=cite(EDUCATION_GUIDANCE, "PEP available for the first review", SECONDARY),
    ),
    duty(
        "pep_review_termly",
        "Personal Education Plan reviewed each term",
        force=F.STATUTORY_GUIDANCE,
        principles=_EDU,
        applies_to=_SCHOOL_AGE,
        trigger=T.SCHOOL_TERM,
        recurrence=R.PER_TERM,
        discharged_by="a Personal Education Plan dated in the term",
        rule=EndOfSchoolTerm(),
        citation=cite(EDUCATION_GUIDANCE, "PEP reviewed each school term", SECONDARY),
        notes="One obligation per term the child is looked after for (after the PEP was "
        "initiated), due on the term's last day; terms come from Conventions.school_terms.",
    ),
)
