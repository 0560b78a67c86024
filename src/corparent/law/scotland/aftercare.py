"""Aftercare and continuing care in Scotland: Children (Scotland) Act 1995 ss.26A and 29, the
Continuing Care (Scotland) Order 2015, and the prospective 2026 Act.

There is no 13-week test: anyone looked after on or after their 16th birthday is owed
aftercare when they leave care (s.29(1)). See :mod:`corparent.leaving_care_nations`.
"""

from __future__ import annotations

import datetime as dt

from corparent.law._nation import PROSPECTIVE, VERIFIED, F, P, R, T, cite, duty, version
from corparent.law._rules import Asap, IntervalMaxMonths, UntilAge
from corparent.law.scotland._sources import (
    CCCESPSA,
    CCCESPSA_S1,
    CONTINUING_CARE_ORDER,
    CONTINUING_CARE_URL,
    CSA,
    CSA_S29,
    CYPSA_PART_10,
)

_ADULT = (P.PREPARE_FOR_ADULTHOOD, P.ACCESS_TO_SERVICES)
S29_READ_FROM = dt.date(2014, 8, 1)
"""The point-in-time text of s.29 read for this library is dated 1 August 2014."""
CONTINUING_CARE_FROM = dt.date(2015, 4, 1)
"""Taken as the commencement of CYP(S)A 2014 Parts 10-11 (aftercare to 26, continuing care):
the day the Continuing Care Order's first higher age (17) applied. The commencement order
itself was not read."""

DUTIES = (
    duty(
        "aftercare_duty",
        "Aftercare: advice, guidance and assistance to 19",
        force=F.STATUTE,
        principles=_ADULT,
        applies_to="a young person aged 16 to 18 who was looked after on or after their 16th "
        "birthday and is no longer looked after",
        trigger=T.DATE_OF_BIRTH,
        recurrence=R.WINDOW,
        discharged_by="advice, guidance and assistance (unless their welfare does not require it)",
        versions=[
            version(UntilAge(age=19), cite(CSA, "s.29(1)", VERIFIED, CSA_S29), S29_READ_FROM)
        ],
        notes="An entitlement window, not a deadline. To be repealed and replaced by the 2026 "
        "Act (aftercare_2026) once that is commenced.",
    ),
    duty(
        "aftercare_on_application",
        "Aftercare on application to 26",
        force=F.STATUTE,
        principles=_ADULT,
        applies_to="a young person aged 19 to 25 otherwise within s.29(1), who applies",
        trigger=T.DATE_OF_BIRTH,
        recurrence=R.WINDOW,
        discharged_by="an assessment, and eligible needs met that cannot otherwise be met",
        versions=[
            version(
                UntilAge(age=26),
                cite(CSA, "s.29(2), (5A) (CYP(S)A 2014 s.66)", VERIFIED, CYPSA_PART_10),
                CONTINUING_CARE_FROM,
            )
        ],
        notes="May continue after 26 (s.29(5B)).",
    ),
    duty(
        "continuing_care_welfare_assessment_before_leaving",
        "Continuing-care welfare assessment before leaving care",
        force=F.REGULATION,
        principles=_ADULT,
        applies_to="an eligible person (16 or over, under the higher age) about to leave care",
        trigger=T.CEASED_LOOKED_AFTER,
        recurrence=R.ONCE,
        discharged_by="a welfare assessment",
        versions=[
            version(
                Asap(),
                cite(CONTINUING_CARE_ORDER, "art 4", VERIFIED, CONTINUING_CARE_URL),
                CONTINUING_CARE_FROM,
            )
        ],
        notes="'As soon as reasonably practicable before the person ceases to be looked after'.",
    ),
    duty(
        "continuing_care_welfare_assessment",
        "Continuing-care welfare assessment at least every 12 months",
        force=F.REGULATION,
        principles=_ADULT,
        applies_to="a young person in continuing care (C(S)A 1995 s.26A), until 21",
        trigger=T.CONTINUING_CARE_STARTED,
        recurrence=R.REPEATING,
        discharged_by="a welfare assessment (recorded as a needs assessment)",
        versions=[
            version(
                IntervalMaxMonths(months=12),
                cite(CONTINUING_CARE_ORDER, "art 5(a)", VERIFIED, CONTINUING_CARE_URL),
                CONTINUING_CARE_FROM,
            )
        ],
        notes="'At intervals not exceeding twelve months' while in continuing care; corparent "
        "counts the first interval from the day continuing care began (the start wording was "
        "only partly read).",
    ),
    duty(
        "continuing_care",
        "Continuing care to 21",
        force=F.STATUTE,
        principles=(P.SAFETY_AND_STABILITY, P.PREPARE_FOR_ADULTHOOD),
        applies_to="an eligible person who ceased to be looked after (foster, kinship or "
        "residential care) aged 16 or over and under the higher age",
        trigger=T.DATE_OF_BIRTH,
        recurrence=R.WINDOW,
        discharged_by="the same accommodation and other assistance",
        versions=[
            version(
                UntilAge(age=21),
                cite(
                    CSA,
                    "s.26A; Continuing Care (Scotland) Order 2015 art 3",
                    VERIFIED,
                    CONTINUING_CARE_URL,
                ),
                CONTINUING_CARE_FROM,
            )
        ],
        notes="Until the 21st birthday. Who is eligible depends on the higher age in force on "
        "the day care ended (17 in 2015, rising to 21 from 1 April 2019).",
    ),
    duty(
        "aftercare_2026",
        "Aftercare under the 2026 Act (prospective)",
        force=F.STATUTE,
        principles=_ADULT,
        applies_to="young people aged 16 to 18 who left care on or after 16, and others on "
        "application",
        trigger=T.DATE_OF_BIRTH,
        recurrence=R.WINDOW,
        discharged_by="aftercare under the new duty",
        versions=[
            version(UntilAge(age=19), cite(CCCESPSA, "ss.1, 7", VERIFIED, CCCESPSA_S1), PROSPECTIVE)
        ],
        notes="Enacted 15 May 2026 and not yet in force (no commencement date found): switch it "
        "on with corparent.law.commence(rules, 'aftercare_2026', on=...).",
    ),
)
