"""Northern Ireland's duties: reviews (RCC(NI) 1996), health (APC(NI) 1996 reg 7), foster
carers (FP(NI) 1996 reg 4), leaving care (C(NI)O 1995 Arts 34A-35; CLC(NI) 2005) and the
prospective continuing-care duty (Adoption and Children Act (NI) 2022 s.128)."""

from __future__ import annotations

import datetime as dt

from corparent.law._nation import (
    PARTIAL,
    PROSPECTIVE,
    RECALLED,
    SECONDARY,
    VERIFIED,
    F,
    P,
    R,
    T,
    WithinWeeksByConvention,
    cite,
    duty,
    version,
)
from corparent.law._rules import Asap, IntervalMaxMonths, NotMoreThanMonthsAfter, UntilAge
from corparent.law.northern_ireland._sources import (
    ACA_NOTES,
    ACA_S128,
    APC_2005,
    APC_REG_7,
    APCNI,
    CLC_REG_6,
    CLC_REG_7,
    CLCNI,
    CNIO,
    FP_NOTE,
    FPNI,
    HEALTH_SUBSTITUTED,
    LEAVING_CARE_START,
    NI_START,
    RCC,
    RCC_REG_11,
    RCCNI,
)

ACA = "Adoption and Children Act (Northern Ireland) 2022"
_VIEWS = (P.EXPRESS_VIEWS, P.TAKE_ACCOUNT_OF_VIEWS, P.BEST_INTERESTS)
_ADULT = (P.PREPARE_FOR_ADULTHOOD, P.ACCESS_TO_SERVICES)
_LAC = "every child looked after or accommodated by the authority"
_REVIEW = "a review of the child's case"
_REVIEW_NOTE = "RCC(NI) reg 3 was not read: this period is provisional."

DUTIES = (
    duty(
        "review_first",
        "First review",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to=_LAC,
        trigger=T.BECAME_LOOKED_AFTER,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by=_REVIEW,
        versions=[
            version(
                WithinWeeksByConvention(setting="ni_first_review_weeks"),
                cite(RCCNI, "reg 3", RECALLED, RCC),
                NI_START,
            )
        ],
        notes="Unresolved: recollection says 2 weeks, a weak secondary source 4 weeks. Set "
        "Conventions.ni_first_review_weeks; there is no default.",
    ),
    duty(
        "review_second",
        "Second review",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to=_LAC,
        trigger=T.FIRST_REVIEW,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by=_REVIEW,
        versions=[
            version(NotMoreThanMonthsAfter(months=3), cite(RCCNI, "reg 3", RECALLED, RCC), NI_START)
        ],
        notes=_REVIEW_NOTE,
    ),
    duty(
        "review_subsequent",
        "Subsequent reviews",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to=_LAC,
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by=_REVIEW,
        versions=[
            version(IntervalMaxMonths(months=6), cite(RCCNI, "reg 3", RECALLED, RCC), NI_START)
        ],
        notes=_REVIEW_NOTE + " For short breaks the 6-month interval is read (reg 11(2)).",
    ),
    duty(
        "review_short_breaks",
        "First review of a series of short periods",
        force=F.REGULATION,
        principles=_VIEWS,
        applies_to="a child in a series of short periods at the same place (reg 11)",
        trigger=T.FIRST_SHORT_BREAK,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by=_REVIEW,
        versions=[
            version(
                NotMoreThanMonthsAfter(months=3),
                cite(RCCNI, "reg 11(2)", VERIFIED, RCC_REG_11),
                NI_START,
            )
        ],
        notes="Within 3 months of the beginning of the first short period; the second not more "
        "than 6 months after the first, then not more than 6 months after the previous.",
    ),
    duty(
        "health_assessment_initial",
        "Health assessment before or as soon as practicable after placement",
        force=F.REGULATION,
        principles=(P.BEST_INTERESTS, P.ACCESS_TO_SERVICES),
        applies_to="every placement (not if examined in the previous 3 months)",
        trigger=T.PLACEMENT_STARTED,
        recurrence=R.ONCE_PER_PLACEMENT,
        discharged_by="a medical examination and written assessment",
        versions=[
            version(
                Asap(),
                cite(APCNI, "reg 7 (as made)", VERIFIED, APC_REG_7),
                NI_START,
                until=HEALTH_SUBSTITUTED - dt.timedelta(days=1),
            ),
            version(
                Asap(),
                cite(APCNI, "reg 7 (as substituted 2005)", RECALLED, APC_2005),
                HEALTH_SUBSTITUTED,
            ),
        ],
        notes="No computable date in either version; the 2005 wording was not read.",
    ),
    duty(
        "foster_approval_review",
        "Foster parent's approval reviewed yearly",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY,),
        applies_to="every approved foster parent",
        trigger=T.CARER_APPROVED,
        recurrence=R.REPEATING,
        discharged_by="a review of the foster parent and household",
        versions=[
            version(IntervalMaxMonths(months=12), cite(FPNI, "reg 4", SECONDARY, FP_NOTE), NI_START)
        ],
        notes="Suspended from 7 May 2020 into 2021 by SR 2020/78; corparent does not yet "
        "suspend it for that window.",
    ),
    duty(
        "needs_assessment_eligible",
        "Leaving-care needs assessment of an eligible child",
        force=F.REGULATION,
        principles=_ADULT,
        applies_to="an eligible child (13 weeks looked after since 14, still looked after at 16)",
        trigger=T.BECAME_ELIGIBLE,
        recurrence=R.ONCE,
        discharged_by="a needs assessment completed",
        versions=[
            version(
                NotMoreThanMonthsAfter(months=3),
                cite(CLCNI, "reg 6(2)(a)", VERIFIED, CLC_REG_6),
                LEAVING_CARE_START,
            )
        ],
    ),
    duty(
        "needs_assessment_relevant",
        "Leaving-care needs assessment of a relevant child",
        force=F.REGULATION,
        principles=_ADULT,
        applies_to="a relevant child without a pathway plan",
        trigger=T.BECAME_RELEVANT,
        recurrence=R.ONCE,
        discharged_by="a needs assessment completed",
        versions=[
            version(
                NotMoreThanMonthsAfter(months=3),
                cite(CLCNI, "reg 6(2)(b)", VERIFIED, CLC_REG_6),
                LEAVING_CARE_START,
            )
        ],
    ),
    duty(
        "pathway_plan_prepare",
        "Pathway plan prepared as soon as possible after the assessment",
        force=F.REGULATION,
        principles=_ADULT,
        applies_to="an eligible or relevant child, once assessed",
        trigger=T.BECAME_ELIGIBLE,
        recurrence=R.ONCE,
        discharged_by="a pathway plan",
        versions=[
            version(Asap(), cite(CLCNI, "reg 7(1)", VERIFIED, CLC_REG_7), LEAVING_CARE_START)
        ],
    ),
    duty(
        "pathway_plan_review",
        "Pathway plan reviewed",
        force=F.REGULATION,
        principles=_ADULT,
        applies_to="an eligible, relevant or former relevant child",
        trigger=T.PREVIOUS_EVENT,
        recurrence=R.REPEATING,
        discharged_by="a pathway plan prepared or reviewed",
        versions=[
            version(
                IntervalMaxMonths(months=6),
                cite(CLCNI, "reg 8", RECALLED, ""),
                LEAVING_CARE_START,
            )
        ],
        notes="The interval (believed 6 months) was not read: provisional.",
    ),
    duty(
        "continuing_care",
        "Continuing care with a former foster parent to 21 (prospective)",
        force=F.STATUTE,
        principles=(P.SAFETY_AND_STABILITY, P.PREPARE_FOR_ADULTHOOD),
        applies_to="an eligible child placed with an authority foster parent, in a continuing "
        "care arrangement",
        trigger=T.DATE_OF_BIRTH,
        recurrence=R.WINDOW,
        discharged_by="advice, assistance and support, including to the former foster parent",
        versions=[
            version(
                UntilAge(age=21),
                cite(CNIO, "Arts 34AA, 34DA (ACA(NI) 2022 s.128)", VERIFIED, ACA_S128),
                PROSPECTIVE,
            )
        ],
        notes="Enacted and not yet in force: switch on with corparent.law.commence().",
    ),
    duty(
        "pa_beyond_21",
        "Support beyond 21 on request (prospective)",
        force=F.STATUTE,
        principles=_ADULT,
        applies_to="a former relevant child who has reached 21 and asks",
        trigger=T.DATE_OF_BIRTH,
        recurrence=R.WINDOW,
        discharged_by="the Art 34D duties continued",
        versions=[
            version(
                UntilAge(age=25),
                cite(CNIO, "Art 34DB (ACA(NI) 2022 s.128(3))", PARTIAL, ACA_NOTES),
                PROSPECTIVE,
            )
        ],
        notes="The upper age was not read (25 is the age Art 26A uses for former relevant "
        "children): provisional as well as prospective.",
    ),
)
