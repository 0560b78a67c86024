"""Leaving care: CPPCR 2010 regs 40-43, the Care Leavers (England) Regulations 2010 and the
Children Act 1989 ss.23B-23CZB."""

from __future__ import annotations

import datetime as dt

from corparent.law._citation import CA1989, CLR, CPPCR
from corparent.law._leaver import PA_TO_25_FROM
from corparent.law._rules import (
    AfterPeriodBeginningWith,
    BeforeEvent,
    IntervalMaxMonths,
    NotMoreThanMonthsAfter,
    UntilAge,
    WithinDays,
)
from corparent.law.england._build import RECALLED, SECONDARY, VERIFIED, F, P, R, T, cite, duty

_ADULT = (P.PREPARE_FOR_ADULTHOOD, P.ACCESS_TO_SERVICES)

DUTIES = (
    duty(
        "needs_assessment_eligible",
        "Leaving-care needs assessment",
        force=F.REGULATION,
        principles=_ADULT,
        applies_to="an eligible child",
        trigger=T.BECAME_ELIGIBLE,
        recurrence=R.ONCE,
        discharged_by="a needs assessment completed",
        rule=NotMoreThanMonthsAfter(months=3),
        citation=cite(CPPCR, "reg 42(1) (CA 1989 Sched 2 para 19B(4))", VERIFIED),
    ),
    duty(
        "pathway_plan_review",
        "Pathway plan reviewed",
        force=F.REGULATION,
        principles=_ADULT,
        applies_to="a relevant or former relevant child, to 21",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by="a pathway plan prepared or reviewed",
        rule=IntervalMaxMonths(months=6),
        citation=cite(CLR, "reg 7", SECONDARY),
        notes="Chained from the last pathway plan once the young person is relevant or former "
        "relevant; eligible children's plans are reviewed with their looked-after reviews. "
        "Past 21 the review continues as pathway_plan_review_after_21_with_adviser or "
        "pathway_plan_review_after_21_in_education.",
    ),
    duty(
        "pathway_plan_review_after_21_with_adviser",
        "Pathway plan reviewed after 21, with a personal adviser on request",
        force=F.STATUTE,
        principles=_ADULT,
        applies_to="a former relevant child aged 21 to 24 who asked for a personal adviser",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by="a pathway plan prepared or reviewed",
        rule=IntervalMaxMonths(months=6),
        citation=cite(CA1989, "s.23CZB (CSWA 2017 s.3); CLR 2010 reg 7", VERIFIED),
        in_force_from=PA_TO_25_FROM,
        notes="The personal adviser provided on request after 21 comes with a needs "
        "assessment and a pathway plan, kept under review as before 21; corparent takes a "
        "personal adviser appointment on or after the 21st birthday as the request.",
    ),
    duty(
        "pathway_plan_review_after_21_in_education",
        "Pathway plan reviewed after 21, in education or training",
        force=F.STATUTE,
        principles=(*_ADULT, P.HIGH_ASPIRATIONS),
        applies_to="a former relevant child aged 21 to 24 still in the education or training "
        "their pathway plan sets out, or helped back into it",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by="a pathway plan prepared or reviewed",
        rule=IntervalMaxMonths(months=6),
        citation=cite(CA1989, "s.23C(7), s.23CA; CLR 2010 reg 7", RECALLED),
        notes="The s.23C duties continue while the programme does; corparent takes a leaving-"
        "care return around the 21st birthday showing education or an apprenticeship as the "
        "evidence, to the 25th birthday.",
    ),
    duty(
        "pathway_plan_review_new_accommodation",
        "Pathway plan reviewed after the first 28 days of accommodation",
        force=F.REGULATION,
        principles=_ADULT,
        applies_to="a relevant child for whom the authority provides accommodation (s.23B(8))",
        trigger=T.ACCOMMODATION_PROVIDED,
        recurrence=R.ONCE,
        discharged_by="a pathway plan review",
        rule=AfterPeriodBeginningWith(days=28),
        citation=cite(CLR, "reg 7(3)", SECONDARY),
        notes="The review comes as soon as reasonably practicable after the end of the 28 days "
        "beginning with the day accommodation was first provided (day 1 is that day); a review "
        "inside the 28 days does not discharge it. corparent takes the first day after the 28 "
        "days as the due date.",
    ),
    duty(
        "pa_visit_when_accommodated",
        "Personal adviser visits the accommodation",
        force=F.REGULATION,
        principles=(P.PREPARE_FOR_ADULTHOOD, P.SAFETY_AND_STABILITY),
        applies_to="a relevant or former relevant child provided with accommodation by the "
        "authority (s.23B or s.24B)",
        trigger=T.ACCOMMODATION_PROVIDED,
        recurrence=R.ONCE,
        discharged_by="a personal adviser visit at the accommodation",
        rule=WithinDays(days=7),
        citation=cite(CLR, "reg 8(2)", VERIFIED),
        resets="new accommodation",
        notes="Within 7 days, again before the reg 7(3) review, then at intervals of not more "
        "than two months. 'Every 8 weeks' is local practice, not law.",
    ),
    duty(
        "pa_visit_before_accommodation_review",
        "Personal adviser visits again before the review after 28 days' accommodation",
        force=F.REGULATION,
        principles=(P.PREPARE_FOR_ADULTHOOD, P.SAFETY_AND_STABILITY),
        applies_to="a relevant or former relevant child provided with accommodation by the "
        "authority (s.23B or s.24B)",
        trigger=T.ACCOMMODATION_PROVIDED,
        recurrence=R.ONCE,
        discharged_by="a second personal adviser visit at the accommodation, after the first",
        rule=BeforeEvent(
            event="the pathway plan review after the first 28 days",
            long_stop=AfterPeriodBeginningWith(days=28),
        ),
        citation=cite(CLR, "reg 8(2)", VERIFIED),
        resets="new accommodation",
        notes="Due on the day of that review if it is held, otherwise by its due date.",
    ),
    duty(
        "pa_visit_interval",
        "Personal adviser visits at least every two months while accommodated",
        force=F.REGULATION,
        principles=(P.PREPARE_FOR_ADULTHOOD, P.SAFETY_AND_STABILITY),
        applies_to="a relevant or former relevant child provided with accommodation by the "
        "authority, after the first visit",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by="a personal adviser visit at the accommodation",
        rule=IntervalMaxMonths(months=2),
        citation=cite(CLR, "reg 8(2)", VERIFIED),
    ),
    duty(
        "pa_to_25",
        "Personal adviser on request until 25",
        force=F.STATUTE,
        principles=_ADULT,
        applies_to="a former relevant child aged 21 to 24 who asks",
        trigger=T.DATE_OF_BIRTH,
        recurrence=R.WINDOW,
        discharged_by="a personal adviser provided on request",
        rule=UntilAge(age=25),
        citation=cite(CA1989, "s.23CZB (CSWA 2017 s.3)", VERIFIED),
        in_force_from=PA_TO_25_FROM,
        notes="An entitlement window, not a deadline: corparent.leaving_care reports it.",
    ),
    duty(
        "staying_put",
        "Staying put support until 21",
        force=F.STATUTE,
        principles=(P.SAFETY_AND_STABILITY, P.PREPARE_FOR_ADULTHOOD),
        applies_to="a former relevant child by virtue of s.23C(1)(b) (looked after on reaching "
        "18 and an eligible child immediately before) living with their former local-authority "
        "foster parent",
        trigger=T.DATE_OF_BIRTH,
        recurrence=R.WINDOW,
        discharged_by="support for the staying-put arrangement",
        rule=UntilAge(age=21),
        citation=cite(CA1989, "s.23CZA(1)-(6) (CFA 2014 s.98)", VERIFIED),
        in_force_from=dt.date(2014, 5, 13),
        notes="An entitlement window, not a deadline: corparent.leaving_care reports it. A "
        "young person who left care at 16 or 17 (a relevant child) has no staying-put "
        "entitlement.",
    ),
)
