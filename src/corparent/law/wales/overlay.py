"""The Welsh overlay on England's duties: what Wales restates, adds and leaves out.

Each restated duty keeps England's id, trigger and discharging event, with the Welsh
provision, rule and commencement. An English duty not restated here is left out of Wales, so
a duty added to England never reaches Wales unread.
"""

from __future__ import annotations

import datetime as dt

from corparent.law._duty import Duty
from corparent.law._nation import (
    PARTIAL,
    RECALLED,
    VERIFIED,
    F,
    P,
    R,
    T,
    cite,
    duty,
    restate,
    version,
)
from corparent.law._rules import (
    NotMoreThanMonthsAfter,
    PeriodNotExceedingWeeks,
    UntilAge,
    WithinWorkingDays,
)
from corparent.law.england import ENGLAND
from corparent.law.wales._sources import (
    CLW,
    CLW_2001_REG_9,
    CLW_PART_2,
    CPPCRW,
    PART_2,
    PART_3,
    PART_6,
    PART_7,
    PART_9,
    PART_10,
    REG_20,
    REG_26,
    REG_31,
    SSWBA,
    SSWBA_S99,
    SSWBA_S104,
    SSWBA_S108,
    WALES_START,
)

__all__ = ["ADDED", "REPLACED"]

E = ENGLAND
W = WALES_START
_TWENTY_FOUR_WEEKS_READ = dt.date(2021, 9, 1)
"""The 24-week text of reg 26 was read in its point-in-time view of 1 September 2021; the
amending instrument and its date were not, so earlier triggers keep the as-made 16 weeks."""
_ADULT = (P.PREPARE_FOR_ADULTHOOD, P.ACCESS_TO_SERVICES)
_REVIEW_NOTE = (
    "The Part 6 timing regulation of CPPCR(W) 2015 was not read: the England-shaped period "
    "is provisional."
)


def _r(
    duty_id: str,
    provision: str,
    checked: str,
    url: str,
    instrument: str = CPPCRW,
    *,
    notes: str | None = None,
) -> Duty:
    """England's ``duty_id`` restated as Welsh law."""
    return restate(E[duty_id], cite(instrument, provision, checked, url), W, notes=notes)


REPLACED: tuple[Duty, ...] = (
    # Part 2-4: plans and placements [V]
    _r("care_plan_prepare", "reg 4(3)", VERIFIED, PART_2),
    _r("placement_plan_prepare", "reg 10(1)-(3)", VERIFIED, PART_3),
    _r("placement_with_parent_before_assessment", "reg 20(b)", VERIFIED, REG_20),
    _r("placement_with_parent_decision", "reg 20(c)", VERIFIED, REG_20),
    _r(
        "iro_appoint",
        "s.99(2)-(3)",
        PARTIAL,
        SSWBA_S99,
        SSWBA,
        notes="Before the case is first reviewed [V]; the first review's 20 working days are "
        "not verified for Wales, so this long-stop is provisional.",
    ),
    _r(
        "connected_person_extension",
        "reg 27",
        RECALLED,
        "",
        notes="England's 8-week extension; the Welsh reg 27 was not read.",
    ),
    _r(
        "emergency_foster_outside_approval",
        "reg 24",
        RECALLED,
        "",
        notes="England's 6 working days; the Welsh reg 24 period was not read.",
    ),
    # Part 6: reviews [R]
    _r("review_first", "Part 6 (first review)", RECALLED, PART_6, notes=_REVIEW_NOTE),
    _r("review_second", "Part 6 (second review)", RECALLED, PART_6, notes=_REVIEW_NOTE),
    _r("review_subsequent", "Part 6 (later reviews)", RECALLED, PART_6, notes=_REVIEW_NOTE),
    _r("review_short_breaks", "reg 62(3)", RECALLED, PART_10, notes=_REVIEW_NOTE),
    # reg 31: visits [V], except the limbs not read
    _r("visit_first", "reg 31(1), (2)(a)", VERIFIED, REG_31),
    _r("visit_first_year", "reg 31(2)(b)", VERIFIED, REG_31),
    _r("visit_after_first_year", "reg 31(2)(c)", VERIFIED, REG_31),
    _r("visit_after_first_year_other", "reg 31(2)(c)", VERIFIED, REG_31),
    _r("visit_placed_with_parent_pre_assessment", "reg 31(3)", VERIFIED, REG_31),
    _r("visit_connected_person_or_ico_with_parent", "reg 31(4)", VERIFIED, REG_31),
    _r("visit_connected_person_after_first_review", "reg 31(4)", VERIFIED, REG_31),
    _r("visit_care_order_with_parent", "reg 31(5)", PARTIAL, REG_31),
    _r("visit_care_order_with_parent_interval", "reg 31(5)", PARTIAL, REG_31),
    _r("visit_short_breaks_first", "reg 62(3)(c)", PARTIAL, PART_10),
    _r("visit_short_breaks", "reg 62(3)(c)", PARTIAL, PART_10),
    # leaving care
    _r("needs_assessment_eligible", "regs 48-49(1)", VERIFIED, PART_7),
    _r(
        "pathway_plan_review",
        "regs 6-7",
        RECALLED,
        CLW_2001_REG_9,
        CLW,
        notes="Six months is the revoked 2001 Welsh rule; the 2015 interval was not read.",
    ),
)

_CONNECTED = E["connected_person_temp_approval"]
REPLACED += (
    duty(
        _CONNECTED.id,
        _CONNECTED.title,
        force=_CONNECTED.force,
        principles=_CONNECTED.principles,
        applies_to=_CONNECTED.applies_to,
        trigger=_CONNECTED.trigger,
        recurrence=_CONNECTED.recurrence,
        discharged_by=_CONNECTED.discharged_by,
        versions=[
            version(
                PeriodNotExceedingWeeks(weeks=16),
                cite(CPPCRW, "reg 26(1)-(2) as made", RECALLED, ""),
                W,
                until=_TWENTY_FOUR_WEEKS_READ - dt.timedelta(days=1),
            ),
            version(
                PeriodNotExceedingWeeks(weeks=24),
                cite(CPPCRW, "reg 26(1)-(2) as amended", VERIFIED, REG_26),
                _TWENTY_FOUR_WEEKS_READ,
            ),
        ],
        notes="24 weeks in the text read (1 September 2021); the as-made 16 weeks applies to "
        "earlier triggers, provisionally (it can only make the deadline sooner).",
    ),
)

ADDED = (
    duty(
        "care_plan_prepare_remand",
        "Care and support plan within 5 working days of remand",
        force=F.REGULATION,
        principles=(P.BEST_INTERESTS, P.SAFETY_AND_STABILITY),
        applies_to="a child looked after only because remanded to local authority accommodation",
        trigger=T.REMANDED,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by="a care and support plan",
        versions=[
            version(WithinWorkingDays(days=5), cite(CPPCRW, "reg 57(2)(a)", VERIFIED, PART_9), W)
        ],
    ),
    duty(
        "needs_assessment_relevant",
        "Needs assessment of a category 2 young person",
        force=F.REGULATION,
        principles=_ADULT,
        applies_to="a category 2 young person (relevant child)",
        trigger=T.BECAME_RELEVANT,
        recurrence=R.ONCE,
        discharged_by="a needs assessment completed",
        versions=[
            version(
                NotMoreThanMonthsAfter(months=3), cite(CLW, "reg 5(2)(a)", VERIFIED, CLW_PART_2), W
            )
        ],
    ),
    duty(
        "needs_assessment_former_relevant_no_plan",
        "Needs assessment of a category 3 young person without a pathway plan",
        force=F.REGULATION,
        principles=_ADULT,
        applies_to="a category 3 young person (former relevant) who has no pathway plan",
        trigger=T.BECAME_RELEVANT,
        recurrence=R.ONCE,
        discharged_by="a needs assessment completed",
        versions=[
            version(
                NotMoreThanMonthsAfter(months=3), cite(CLW, "reg 5(2)(b)", VERIFIED, CLW_PART_2), W
            )
        ],
    ),
    duty(
        "needs_assessment_category_4",
        "Needs assessment of a category 4 young person",
        force=F.REGULATION,
        principles=(*_ADULT, P.HIGH_ASPIRATIONS),
        applies_to="a category 4 young person (in or wishing to be in education or training)",
        trigger=T.EDUCATION_NOTIFIED,
        recurrence=R.ONCE,
        discharged_by="a needs assessment completed",
        versions=[
            version(
                NotMoreThanMonthsAfter(months=3), cite(CLW, "reg 5(2)(c)", VERIFIED, CLW_PART_2), W
            )
        ],
        notes="Counted from the day the authority is told; a case record does not hold that "
        "day, so corparent does not schedule it.",
    ),
    duty(
        "category_4_support",
        "Support in education or training until 25",
        force=F.STATUTE,
        principles=(*_ADULT, P.HIGH_ASPIRATIONS),
        applies_to="a category 4 young person",
        trigger=T.DATE_OF_BIRTH,
        recurrence=R.WINDOW,
        discharged_by="contributions to costs, grants and vacation accommodation (s.112)",
        versions=[
            version(UntilAge(age=25), cite(SSWBA, "s.104(2), s.112", VERIFIED, SSWBA_S104), W)
        ],
        notes="An entitlement window, not a deadline.",
    ),
    duty(
        "category_5_support",
        "Support under a special guardianship order until 21",
        force=F.STATUTE,
        principles=_ADULT,
        applies_to="a category 5 young person (16 to 20, under a special guardianship order made "
        "when previously looked after)",
        trigger=T.DATE_OF_BIRTH,
        recurrence=R.WINDOW,
        discharged_by="advice and support",
        versions=[version(UntilAge(age=21), cite(SSWBA, "s.104(2)", VERIFIED, SSWBA_S104), W)],
        notes="An entitlement window, not a deadline.",
    ),
    duty(
        "post_18_living_arrangement",
        "Post-18 living arrangement ('When I am Ready') support",
        force=F.STATUTE,
        principles=(P.SAFETY_AND_STABILITY, P.PREPARE_FOR_ADULTHOOD),
        applies_to="a category 3 young person who was fostered and stays with the former foster "
        "parent",
        trigger=T.DATE_OF_BIRTH,
        recurrence=R.WINDOW,
        discharged_by="support for the post-18 living arrangement",
        versions=[version(UntilAge(age=21), cite(SSWBA, "s.108", RECALLED, SSWBA_S108), W)],
        notes="The upper age (believed 21) was not read: provisional.",
    ),
)
