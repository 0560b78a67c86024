"""The obligations engine: a record, the rules and the conventions in; a schedule out.

The law (:mod:`corparent.law`) says what each duty requires; this module knows how to walk a
record to find each duty's triggers and the events that discharge it. It works family by
family (reviews, visits, care planning, health, education, approvals, leaving care), each a
small planner reading like the regulations it applies:

* reviews run from becoming looked after and never restart on a placement move; a new period
  of care restarts them (CPPCR reg 33);
* visits and placement plans restart with every placement (CPPCR regs 9, 28);
* recurring duties chain from the actual date of the previous event (Conventions);
* the law applied to each obligation is the version in force on its trigger date;
* a local standard that tightens a duty is checked against the same trigger and event.

Events after ``as_of`` are ignored, so a schedule is what was knowable on ``as_of``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from corparent.jurisdiction import Jurisdiction
from corparent.law import Conventions, RuleSet, resolve
from corparent.model import Carer, CaseRecord, Child
from corparent.schedule._approvals import plan_approvals, plan_unannounced_visits
from corparent.schedule._care_planning import plan_care_planning
from corparent.schedule._leaving_care import plan_leaving_care
from corparent.schedule._local import plan_local
from corparent.schedule._nations import plan_nation_additions
from corparent.schedule._obligation import Schedule, new_schedule
from corparent.schedule._reviews import plan_reviews
from corparent.schedule._run import Run, merged_periods
from corparent.schedule._scotland import plan_scotland
from corparent.schedule._visits import plan_visits

__all__ = ["PLANNER_DUTIES", "carer_schedule", "rules_for_duties", "schedule"]

PLANNER_DUTIES: dict[str, frozenset[str]] = {
    "reviews": frozenset(
        {
            "review_first",
            "review_second",
            "review_subsequent",
            "review_short_breaks",
            "review_short_breaks_subsequent",
            "review_adoption_authorised_not_placed",
            "review_adoption_placed",
            "review_adoption_placed_second",
            "review_adoption_placed_subsequent",
        }
    ),
    "visits": frozenset(
        {
            "visit_adoption_placement",
            "visit_after_first_year",
            "visit_after_first_year_other",
            "visit_care_order_with_parent",
            "visit_care_order_with_parent_interval",
            "visit_connected_person_after_first_review",
            "visit_connected_person_or_ico_with_parent",
            "visit_first",
            "visit_first_year",
            "visit_former_lac_in_detention",
            "visit_long_term_foster_reduced",
            "visit_placed_with_parent_pre_assessment",
            "visit_short_breaks",
            "visit_short_breaks_first",
        }
    ),
    "care_planning": frozenset(
        {
            "care_plan_permanence_by_second_review",
            "care_plan_prepare",
            "care_plan_short_breaks",
            "cease_to_look_after_approval",
            "health_assessment_initial",
            "health_assessment_initial_guidance",
            "health_review_5_plus",
            "health_review_under_5",
            "iro_appoint",
            "iro_appoint_good_practice",
            "pep_initiate",
            "pep_ready_first_review",
            "pep_review_termly",
            "placement_notify",
            "placement_plan_prepare",
            "placement_terminate_notice",
        }
    ),
}
"""The duties each per-period planner can emit (a test holds these to the planners' code; a
planner may read another family's duty, as care planning reads the review duties): a planner
none of whose duties is in the rule set is skipped."""

_PRESENT: dict[int, tuple[RuleSet, tuple[bool, bool, bool]]] = {}


def _planners(rules: RuleSet) -> tuple[bool, bool, bool]:
    """Whether the reviews, visits and care-planning planners have duties in ``rules``."""
    cached = _PRESENT.get(id(rules))
    if cached is not None and cached[0] is rules:
        return cached[1]
    ids = set(rules.ids())
    present = (
        not ids.isdisjoint(PLANNER_DUTIES["reviews"]),
        not ids.isdisjoint(PLANNER_DUTIES["visits"]),
        not ids.isdisjoint(PLANNER_DUTIES["care_planning"]),
    )
    if len(_PRESENT) > 64:
        _PRESENT.clear()
    _PRESENT[id(rules)] = (rules, present)
    return present


# Duties whose obligations chain from one another: reporting one needs the others computed (a
# subsequent review is due from the second, which is due from the first).
_CHAINED_PREFIXES = ("review_", "visit_", "health_review_", "pa_visit_", "pep_")


def rules_for_duties(rules: RuleSet, duty_ids: Iterable[str]) -> RuleSet:
    """``rules`` cut down to ``duty_ids`` and every duty their chains are computed from.

    Scheduling only the duties a run reports is much faster, but a chained duty cannot be
    scheduled alone: ``review_subsequent`` falls due from the review before it, so the first
    and second reviews must be computed too. Local standards tightening a kept duty are kept.
    """
    wanted = set(duty_ids)
    prefixes = {p for p in _CHAINED_PREFIXES for d in wanted if d.startswith(p)}
    keep = [
        d
        for d in rules
        if d.id in wanted
        or any(d.id.startswith(p) for p in prefixes)
        or (d.tightens is not None and d.tightens in wanted)
    ]
    kept = {d.id for d in keep}
    keep += [d for d in rules if d.tightens is not None and d.tightens in kept and d not in keep]
    return attrs.evolve(rules, duties=keep)  # keeps the jurisdiction and conventions


# -- the entry point ------------------------------------------------------------------------


def schedule(
    record: CaseRecord,
    as_of: dt.date,
    *,
    rules: RuleSet | None = None,
    conventions: Conventions | None = None,
) -> Schedule:
    """Every obligation ``record`` creates under ``rules``, as at ``as_of``.

    ``rules`` defaults to the law of the record's jurisdiction (England unless the record
    states another nation); ``conventions`` to the rule set's own. A record whose stated
    jurisdiction differs from ``rules`` raises :class:`~corparent.errors.ConfigError`.

    For every applicable duty, each obligation from its first trigger up to ``as_of``, plus
    the next obligation of each recurring chain. Statuses are judged on ``as_of``; events dated
    after it are ignored.

    >>> import datetime as dt
    >>> from corparent.codes import LegalStatus, PlacementType
    >>> from corparent.model import CaseRecord, Child, Episode, Review
    >>> record = CaseRecord(
    ...     child=Child(id="C0042", date_of_birth=dt.date(2009, 3, 15)),
    ...     episodes=[Episode(start=dt.date(2023, 12, 22), legal_status=LegalStatus.C2,
    ...                       placement=PlacementType.U4)],
    ...     reviews=[Review(date=dt.date(2024, 1, 18))],
    ... )
    >>> first = schedule(record, dt.date(2024, 3, 31)).by_duty()["review_first"][0]
    >>> first.due, first.status.name
    (datetime.date(2024, 1, 24), 'MET')
    """
    if as_of.__class__ is not dt.date:
        raise TypeError("as_of must be a datetime.date")
    rules, conventions = resolve(record.id, record.jurisdiction, rules, conventions)
    run = Run(record, as_of, rules, conventions)
    if rules.jurisdiction is Jurisdiction.SCOTLAND:  # reviews and visits run from placements
        plan_scotland(run)
        plan_local(run)
        return new_schedule(record.id, as_of, run.out)
    reviews, visits, care_planning = _planners(rules)
    previous_end: dt.date | None = None
    for period in merged_periods(run):
        if period.start > as_of:
            break
        # Each planner settles a period's regime (full, or reg 48 short breaks) itself.
        if reviews:
            plan_reviews(run, period)
        if visits:
            plan_visits(run, period)
        if care_planning:
            plan_care_planning(run, period, previous_end)
        previous_end = period.end
    plan_approvals(run)
    plan_leaving_care(run)
    plan_nation_additions(run)
    plan_local(run)
    return new_schedule(record.id, as_of, run.out)


def carer_schedule(
    carer: Carer,
    as_of: dt.date,
    *,
    rules: RuleSet | None = None,
    conventions: Conventions | None = None,
) -> Schedule:
    """The foster carer's approval reviews (FSR 2011 reg 28), as at ``as_of``.

    The first review is due within a year of approval, each later one within a year of the
    previous review actually completed; at least one unannounced visit a year (Fostering NMS
    2011 standard 21.8). Obligations carry the carer's id as ``child_id``. Under a rule set
    with ``foster_approval_review_subsequent`` (Scotland: 3 years, LAC(S) 2009 reg 25(2)), the
    later reviews follow that duty instead.
    """
    if as_of.__class__ is not dt.date:
        raise TypeError("as_of must be a datetime.date")
    placeholder = CaseRecord.unchecked(child=Child(id=carer.id, date_of_birth=carer.approved_on))
    rules, conventions = resolve(carer.id, None, rules, conventions)
    run = Run(placeholder, as_of, rules, conventions, subject_id=carer.id)
    later = (
        "foster_approval_review_subsequent"
        if "foster_approval_review_subsequent" in rules
        else "foster_approval_review"
    )
    run.chain(
        carer.approved_on,
        lambda k, _: "foster_approval_review" if k == 0 else later,
        [d for d in carer.reviews if d >= carer.approved_on],
        None,
        f"carer approved on {carer.approved_on.isoformat()}",
        kind="carer_reviews",
    )
    plan_unannounced_visits(run, carer)
    return Schedule(child_id=carer.id, as_of=as_of, obligations=run.out)
