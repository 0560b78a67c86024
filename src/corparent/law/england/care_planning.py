"""CPPCR 2010 Parts 2-4: care plans, placement plans, notifications and placement approvals."""

from __future__ import annotations

from corparent.law._citation import CA1989, CPPCR, IRO_HANDBOOK, VOLUME_2
from corparent.law._rules import (
    BeforeEvent,
    PeriodNotExceedingWeeks,
    PeriodNotExceedingWorkingDays,
    WithinWorkingDays,
)
from corparent.law.england._build import RECALLED, SECONDARY, VERIFIED, F, P, R, T, cite, duty

DUTIES = (
    duty(
        "care_plan_prepare",
        "Care plan prepared",
        force=F.REGULATION,
        principles=(P.BEST_INTERESTS, P.SAFETY_AND_STABILITY),
        applies_to="every looked-after child, from the first placement of each period of care "
        "(not reg 48 short breaks: they have a short-break care plan instead)",
        trigger=T.FIRST_PLACEMENT,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by="a care plan prepared since the child last ceased to be looked after",
        rule=WithinWorkingDays(days=10),
        citation=cite(CPPCR, "reg 4(2)", VERIFIED),
        notes="Before the first placement or, if that is not reasonably practicable, within 10 "
        "working days of its start: corparent checks the long-stop. Not restarted by moves.",
    ),
    duty(
        "placement_plan_prepare",
        "Placement plan prepared",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY, P.TAKE_ACCOUNT_OF_VIEWS),
        applies_to="every placement under s.22C (not reg 48 short breaks, not temporary moves)",
        trigger=T.PLACEMENT_STARTED,
        recurrence=R.ONCE_PER_PLACEMENT,
        discharged_by="a placement plan for that placement",
        rule=WithinWorkingDays(days=5),
        citation=cite(CPPCR, "reg 9(1)-(2)", VERIFIED),
        resets="each new placement",
    ),
    duty(
        "placement_notify",
        "Placement notified",
        force=F.REGULATION,
        principles=(P.ACCESS_TO_SERVICES, P.SAFETY_AND_STABILITY),
        applies_to="every placement (not reg 48 short breaks, not temporary moves)",
        trigger=T.PLACEMENT_STARTED,
        recurrence=R.ONCE_PER_PLACEMENT,
        discharged_by="notice of that placement to those reg 13 lists",
        rule=WithinWorkingDays(days=5),
        citation=cite(CPPCR, "reg 13(1)-(2)", VERIFIED),
        notes="Before the placement, or within 5 working days in an emergency: corparent checks "
        "the emergency long-stop.",
    ),
    duty(
        "iro_appoint",
        "IRO appointed before the first review",
        force=F.STATUTE,
        principles=(P.TAKE_ACCOUNT_OF_VIEWS, P.BEST_INTERESTS),
        applies_to="every looked-after child",
        trigger=T.BECAME_LOOKED_AFTER,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by="an IRO appointment",
        rule=BeforeEvent(
            event="the child's case is first reviewed", long_stop=WithinWorkingDays(days=20)
        ),
        citation=cite(CA1989, "s.25A(1)-(3)", VERIFIED),
        notes="The initial appointment must be made before the case is first reviewed: due on "
        "the day of the first review if it is held early, otherwise by the first review's due "
        "date (20 working days, CPPCR reg 33(1)), whichever is earlier.",
    ),
    duty(
        "iro_appoint_good_practice",
        "IRO appointed within 5 working days",
        force=F.STATUTORY_GUIDANCE,
        principles=(P.TAKE_ACCOUNT_OF_VIEWS, P.BEST_INTERESTS),
        applies_to="every looked-after child",
        trigger=T.BECAME_LOOKED_AFTER,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by="an IRO appointment",
        rule=WithinWorkingDays(days=5),
        citation=cite(IRO_HANDBOOK, "good practice", SECONDARY),
    ),
    duty(
        "connected_person_temp_approval",
        "Connected person's temporary approval ends",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY,),
        applies_to="a child placed with a relative, friend or other connected person not yet "
        "approved as a foster carer",
        trigger=T.CONNECTED_PERSON_PLACEMENT,
        recurrence=R.ONCE,
        discharged_by="full approval, an extension, or the placement ending, by the last day",
        rule=PeriodNotExceedingWeeks(weeks=16),
        citation=cite(CPPCR, "reg 24(1)-(2)", SECONDARY),
        notes="Wales allows 24 weeks (SI 2015/1818 reg 26 as amended 2021).",
    ),
    duty(
        "connected_person_extension",
        "Connected person's extended approval ends",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY,),
        applies_to="a temporary approval extended once under reg 25",
        trigger=T.APPROVAL_EXTENDED,
        recurrence=R.ONCE,
        discharged_by="full approval or the placement ending by the last day",
        rule=PeriodNotExceedingWeeks(weeks=8),
        citation=cite(CPPCR, "reg 25(1)-(5)", VERIFIED),
        notes="The extension runs from the end of the 16-week temporary approval.",
    ),
    duty(
        "emergency_foster_outside_approval",
        "Emergency placement outside the carer's approval ends",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY,),
        applies_to="an emergency placement with a foster carer whose terms of approval do not "
        "fit the child",
        trigger=T.EMERGENCY_PLACEMENT,
        recurrence=R.ONCE,
        discharged_by="the terms of approval amended, or the placement ended, by the last day",
        rule=PeriodNotExceedingWorkingDays(days=6),
        citation=cite(CPPCR, "reg 23", RECALLED),
    ),
    duty(
        "placement_with_parent_before_assessment",
        "Assessment of parent completed after placement before assessment",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY,),
        applies_to="a child in care placed with a parent before the assessment is complete",
        trigger=T.PLACED_WITH_PARENT,
        recurrence=R.ONCE,
        discharged_by="the assessment and review of the child's case completed",
        rule=WithinWorkingDays(days=10),
        citation=cite(CPPCR, "reg 19", RECALLED),
    ),
    duty(
        "placement_with_parent_decision",
        "Decision to place with parent approved after assessment",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY,),
        applies_to="a child in care placed with a parent before the assessment is complete",
        trigger=T.ASSESSMENT_COMPLETED,
        recurrence=R.ONCE,
        discharged_by="the placement decision approved (or the placement ended)",
        rule=WithinWorkingDays(days=10),
        citation=cite(CPPCR, "reg 19", RECALLED),
        notes="The second limb of reg 19 (reference id placement_with_parent_before_assessment "
        "covers both; corparent gives each limb its own id).",
    ),
    duty(
        "care_plan_short_breaks",
        "Short-break care plan before the first short break",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY, P.BEST_INTERESTS),
        applies_to="a child to whom reg 48 applies (an agreed series of short breaks)",
        trigger=T.FIRST_SHORT_BREAK,
        recurrence=R.ONCE,
        discharged_by="a care plan prepared on or before the first short break",
        rule=BeforeEvent(event="the first short break begins"),
        citation=cite(CPPCR, "reg 48(3)", VERIFIED),
        notes="Reg 48 replaces the reg 5 care plan and the reg 9 placement plan with a "
        "short-break plan, which also fixes the visiting pattern before the first break.",
    ),
    duty(
        "placement_terminate_notice",
        "Written notice of a placement ended without prior notice",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY, P.TAKE_ACCOUNT_OF_VIEWS),
        applies_to="a placement the authority ends (not reg 48 short breaks; not terminations "
        "under regs 19(c), 23(2) or 25(6))",
        trigger=T.PLACEMENT_ENDED,
        recurrence=R.ONCE_PER_PLACEMENT,
        discharged_by="written notice of the termination to those notified of the placement, "
        "the carer and any area authority",
        rule=WithinWorkingDays(days=10),
        citation=cite(CPPCR, "reg 14(4)", VERIFIED),
        notes="Notice is due before the termination so far as reasonably practicable; where it "
        "was not, within 10 working days of the date the placement ended. corparent checks the "
        "long-stop, for placements ended for a reason the authority decides (a change of care "
        "plan, the authority's request, a standards-of-care concern, an allegation, or the "
        "carer's approval removed); Conventions.authority_ended_placement_reasons sets them. "
        "Later amendments to reg 14 were not checked.",
        evidence="termination_notices",
    ),
    duty(
        "cease_to_look_after_approval",
        "Nominated officer approves ceasing to look after a child looked after 20 working days",
        force=F.REGULATION,
        principles=(P.SAFETY_AND_STABILITY, P.PREPARE_FOR_ADULTHOOD),
        applies_to="a child accommodated under s.20 (not short breaks) who has been looked "
        "after for at least 20 working days, when the authority decides to stop looking after "
        "them (not on reaching 18, adoption, death, custody or transfer to another authority)",
        trigger=T.CEASED_LOOKED_AFTER,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by="the nominated officer's approval of the decision",
        rule=BeforeEvent(event="the child ceases to be looked after"),
        citation=cite(CPPCR, "reg 39", VERIFIED),
        notes="The decision does not take effect until approved, so the approval is due on or "
        "before the day care ends. The further cases needing the Director of Children's "
        "Services (for example 16 and 17 year olds) are not yet modelled.",
        evidence="cease_approvals",
    ),
    duty(
        "care_plan_permanence_by_second_review",
        "Permanence plan in place by the second review",
        force=F.STATUTORY_GUIDANCE,
        principles=(P.SAFETY_AND_STABILITY, P.HIGH_ASPIRATIONS),
        applies_to="every looked-after child (not reg 48 short breaks)",
        trigger=T.BECAME_LOOKED_AFTER,
        recurrence=R.ONCE_PER_PERIOD,
        discharged_by="a permanence plan recorded",
        rule=BeforeEvent(event="the second review"),
        citation=cite(VOLUME_2, "permanence planning", SECONDARY),
        notes="Due on the day of the second review, or on its due date (3 months after the "
        "first review) if it has not been held, whichever is earlier: about four months after "
        "the child became looked after.",
        evidence="permanence_plans",
    ),
)
