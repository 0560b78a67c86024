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
from collections.abc import Callable, Iterable, Sequence

from corparent.codes import LegalStatus
from corparent.dates import add_months, birthday
from corparent.law import (
    ENGLAND,
    Conventions,
    Duty,
    DutyVersion,
    Force,
    LeaverStatus,
    RuleSet,
    Trigger,
)
from corparent.law._rules import term_containing
from corparent.leaving_care import StatusPeriod, status_timeline
from corparent.model import (
    Carer,
    CaseRecord,
    Child,
    HealthAssessmentKind,
    PeriodOfCare,
    Placement,
)
from corparent.schedule._obligation import Obligation, Schedule, Status

__all__ = ["carer_schedule", "schedule"]

_ONE = dt.timedelta(days=1)
_WEEK = dt.timedelta(weeks=1)
_GUIDANCE = (Force.STATUTORY_GUIDANCE, Force.PRACTICE)
StepFn = Callable[[int, dt.date], str | None]


class _Run:
    """One record being scheduled: the shared state every planner uses."""

    __slots__ = (
        "_timeline",
        "as_of",
        "conventions",
        "has_local",
        "out",
        "record",
        "rules",
        "subject_id",
    )

    def __init__(
        self,
        record: CaseRecord,
        as_of: dt.date,
        rules: RuleSet,
        conventions: Conventions,
        subject_id: str | None = None,
    ) -> None:
        self.record = record
        self.subject_id = subject_id or record.id
        self.has_local = rules.has_local_standards
        self.as_of = as_of
        self.rules = rules
        self.conventions = conventions
        self.out: list[Obligation] = []
        self._timeline: tuple[StatusPeriod, ...] | None = None

    @property
    def timeline(self) -> tuple[StatusPeriod, ...]:
        if self._timeline is None:
            self._timeline = status_timeline(
                self.record, conventions=self.conventions, until=self.as_of
            )
        return self._timeline

    def duty(self, duty_id: str) -> Duty | None:
        duty = self.rules.get(duty_id)
        if duty is None:
            return None
        if duty.force in _GUIDANCE and not self.conventions.include_guidance:
            return None
        return duty

    def status(self, due: dt.date, met_on: dt.date | None) -> Status:
        if met_on is not None:
            return Status.MET if met_on <= due else Status.MET_LATE
        return Status.OVERDUE if due < self.as_of else Status.DUE

    def emit(
        self,
        duty: Duty,
        trigger: dt.date,
        met_on: dt.date | None,
        about: str,
        due: dt.date | None = None,
        version: DutyVersion | None = None,
    ) -> dt.date | None:
        """Record the obligation of ``duty`` triggered on ``trigger`` and of every local
        standard that tightens it; return the statutory due date (``None`` if not in force)."""
        if trigger > self.as_of:
            return None
        if version is None:
            version = duty.version_at(trigger)
        if version is None or not version.rule.computable:
            return None
        if met_on is not None and met_on > self.as_of:
            met_on = None
        due = due if due is not None else version.rule.due(trigger, self.conventions)
        self.out.append(
            Obligation(
                duty=duty,
                version=version,
                child_id=self.subject_id,
                trigger=trigger,
                due=due,
                met_on=met_on,
                status=self.status(due, met_on),
                about=about,
            )
        )
        if not self.has_local:
            return due
        for local in self.rules.tightening(duty.id):
            local_version = local.version_at(trigger)
            if local_version is None:
                continue
            local_due = local_version.rule.due(trigger, self.conventions)
            self.out.append(
                Obligation(
                    duty=local,
                    version=local_version,
                    child_id=self.subject_id,
                    trigger=trigger,
                    due=local_due,
                    met_on=met_on,
                    status=self.status(local_due, met_on),
                    about=about,
                )
            )
        return due

    def window_end(self, end: dt.date | None) -> dt.date | None:
        """The end of a window if it is already known on ``as_of``."""
        return end if end is not None and end <= self.as_of else None

    def chain(
        self,
        anchor: dt.date,
        step: StepFn,
        events: Sequence[dt.date],
        end: dt.date | None,
        about: str,
        *,
        first_event_may_precede: bool = False,
    ) -> None:
        """A chain of obligations: step 0 from ``anchor``, each next from the event that met
        the previous one. ``end`` closes the window (exclusive): an obligation falling due on
        or after it, unmet, lapses. Events are sorted dates inside the window."""
        window_end = self.window_end(end)
        trigger = anchor
        index = 0
        if not first_event_may_precede:
            while index < len(events) and events[index] < anchor:
                index += 1
        for k in range(10_000):
            duty_id = step(k, trigger)
            duty = self.duty(duty_id) if duty_id else None
            if duty is None:
                return
            version = duty.version_at(trigger)
            if version is None or trigger > self.as_of:
                return
            due = version.rule.due(trigger, self.conventions)
            met = events[index] if index < len(events) else None
            if met is not None and met > self.as_of:
                met = None
            if met is None:
                if window_end is not None and due >= window_end:
                    return
                self.emit(duty, trigger, None, about, due, version)
                return
            self.emit(duty, trigger, met, about, due, version)
            trigger = met if self.conventions.chain_from_actual else due
            index += 1
            while index < len(events) and events[index] <= met and events[index] < anchor:
                index += 1

    def once(
        self,
        duty_id: str,
        trigger: dt.date,
        events: Iterable[dt.date],
        about: str,
        *,
        end: dt.date | None = None,
        earliest: dt.date | None = None,
    ) -> None:
        """A one-off obligation met by the first event on or after ``earliest`` (default:
        the trigger); it lapses if the window ``end`` closes before it falls due."""
        duty = self.duty(duty_id)
        if duty is None:
            return
        start = earliest if earliest is not None else trigger
        met = next((d for d in events if d >= start), None)
        window_end = self.window_end(end)
        if met is not None and window_end is not None and met >= window_end:
            met = None
        if met is None and window_end is not None:
            version = duty.version_at(trigger)
            if version is None or version.rule.due(trigger, self.conventions) >= window_end:
                return
        self.emit(duty, trigger, met, about)


def _dates(events: Iterable[object], start: dt.date, end: dt.date | None) -> list[dt.date]:
    out = []
    for event in events:
        day: dt.date = event.date  # type: ignore[attr-defined]
        if day >= start and (end is None or day < end):
            out.append(day)
    return out


def _is_short_break_period(record: CaseRecord, period: PeriodOfCare) -> bool:
    if all(e.legal_status.is_short_break for e in period.episodes):
        return True
    return any(f.covers(period.start) for f in record.short_breaks)


def _merged_periods(run: _Run) -> list[PeriodOfCare]:
    """Periods of care, joining returns within ``new_period_min_gap_days`` (§20.6)."""
    gap = run.conventions.new_period_min_gap_days
    periods = list(run.record.periods_of_care())
    if gap <= 0 or len(periods) < 2:
        return periods
    merged = [periods[0]]
    for period in periods[1:]:
        last = merged[-1]
        if last.end is not None and (period.start - last.end).days <= gap:
            merged[-1] = PeriodOfCare(
                start=last.start, end=period.end, episodes=last.episodes + period.episodes
            )
        else:
            merged.append(period)
    return merged


# -- reviews (CPPCR Part 6; AAR 2005 reg 36) -------------------------------------------------


def _plan_reviews(run: _Run, period: PeriodOfCare, short_breaks: bool) -> None:
    record = run.record
    about = f"period of care from {period.start.isoformat()}"
    adoption = next(
        (
            p
            for p in record.placements()
            if p.placement_type.is_placed_for_adoption and period.covers(p.start)
        ),
        None,
    )
    cppcr_end = adoption.start if adoption else period.end
    reviews = _dates(record.reviews, period.start, period.end)
    cppcr_reviews = [d for d in reviews if cppcr_end is None or d < cppcr_end]
    if short_breaks:
        steps: StepFn = lambda k, _: "review_short_breaks" if k == 0 else "review_subsequent"  # noqa: E731
    else:
        steps = lambda k, _: ("review_first", "review_second")[k] if k < 2 else "review_subsequent"  # noqa: E731
    run.chain(period.start, steps, cppcr_reviews, cppcr_end, about)
    authority = next((e.start for e in period.episodes if e.legal_status.is_placement_order), None)
    if authority is not None:
        run.once(
            "review_adoption_authorised_not_placed",
            authority,
            cppcr_reviews,
            f"authority to place for adoption from {authority.isoformat()}",
            end=cppcr_end,
        )
    if adoption is not None:
        placed_reviews = [d for d in reviews if d >= adoption.start]
        names = ("review_adoption_placed", "review_adoption_placed_second")
        run.chain(
            adoption.start,
            lambda k, _: names[k] if k < 2 else "review_adoption_placed_subsequent",
            placed_reviews,
            period.end,
            f"placed for adoption from {adoption.start.isoformat()}",
        )


# -- visits (CPPCR reg 28; AAR reg 36(4)) -------------------------------------------------------


def _visit_placements(run: _Run, period: PeriodOfCare) -> list[tuple[Placement, dt.date | None]]:
    """Placements that start a visiting clock, each with the day its clock stops."""
    placements = [p for p in run.record.placements() if period.covers(p.start)]
    if run.conventions.temporary_placements_restart_visits:
        return [(p, p.end) for p in placements]
    out: list[tuple[Placement, dt.date | None]] = []
    previous: Placement | None = None
    interrupted = False
    for placement in placements:
        if placement.is_temporary:
            interrupted = True
            continue
        resumes = (
            interrupted
            and previous is not None
            and previous.placement_type is placement.placement_type
            and previous.provider is placement.provider
        )
        if resumes and out:
            out[-1] = (out[-1][0], placement.end)
        else:
            out.append((placement, placement.end))
        previous = placement
        interrupted = False
    return out


def _first_review_after(run: _Run, day: dt.date) -> dt.date:
    """The first review held on or after ``day`` (or far future when none yet)."""
    return next((r.date for r in run.record.reviews if r.date >= day), dt.date.max)


def _care_order_at_home(placement: Placement) -> dt.date | None:
    """The day a care order applies while the child lives with a parent (P1), if it does."""
    if not placement.placement_type.is_placed_with_parents:
        return None
    return next((e.start for e in placement.episodes if e.legal_status is LegalStatus.C2), None)


def _adoption_visits(first_review: dt.date) -> StepFn:
    """AAR reg 36(4)(a): within a week, then weekly until the first review."""

    def step(k: int, t: dt.date) -> str | None:
        weekly_due = t + _WEEK
        return "visit_adoption_placement" if k == 0 or weekly_due < first_review else None

    return step


def _plan_visits(run: _Run, period: PeriodOfCare, short_breaks: bool) -> None:
    record = run.record
    conv = run.conventions
    visits_seen = [v for v in record.visits if v.seen]
    if short_breaks:
        events = _dates(visits_seen, period.start, period.end)
        run.chain(
            period.start,
            lambda k, _: "visit_short_breaks_first" if k == 0 else "visit_short_breaks",
            events,
            period.end,
            f"short breaks from {period.start.isoformat()}",
        )
        return
    for placement, end in _visit_placements(run, period):
        start = placement.start
        events = _dates(visits_seen, start, end)
        about = f"placement from {start.isoformat()}"
        if placement.placement_type.is_placed_for_adoption:
            run.chain(start, _adoption_visits(_first_review_after(run, start)), events, end, about)
            continue
        year_end = add_months(start, 12)
        first_review = _first_review_after(run, start)
        with_parent = any(f.covers(start) for f in record.parent_placements_pending_assessment)

        def step(
            k: int,
            t: dt.date,
            start: dt.date = start,
            year_end: dt.date = year_end,
            first_review: dt.date = first_review,
            with_parent: bool = with_parent,
        ) -> str | None:
            if k == 0:
                return "visit_first"
            before_review = t + _WEEK < first_review  # "weekly until the first review"
            if with_parent and before_review:
                return "visit_placed_with_parent_pre_assessment"
            episode = record.episode_on(t)
            ico_home = (
                episode is not None
                and episode.legal_status.is_interim_care_order
                and episode.placement.is_placed_with_parents
            )
            if ico_home or any(f.covers(t) for f in record.connected_person_approvals):
                if before_review:
                    return "visit_connected_person_or_ico_with_parent"
                return "visit_connected_person_after_first_review"
            if t < year_end:
                if (
                    conv.visit_straddle.value == "three_months"
                    and t + dt.timedelta(weeks=6) >= year_end
                ):
                    return _after_first_year(t)
                return "visit_first_year"
            return _after_first_year(t)

        def _after_first_year(t: dt.date, start: dt.date = start) -> str:
            if (
                any(f.covers(t) for f in record.long_term_foster)
                and any(f.covers(t) for f in record.reduced_visit_consents)
                and add_months(start, 12) <= t
            ):
                return "visit_long_term_foster_reduced"
            if any(f.covers(t) for f in record.placements_until_18):
                return "visit_after_first_year"
            return "visit_after_first_year_other"

        # Placed with a parent before assessment (reg 19): reg 28(3) applies, not 28(5).
        order = None if with_parent else _care_order_at_home(placement)
        if order is None:
            run.chain(start, step, events, end, about)
            continue
        # CPPCR reg 28(5): from the care order (made or taking effect at home), a visit within
        # a week and then at least every six weeks; before it the usual rules apply.
        if order > start:
            run.chain(start, step, [d for d in events if d < order], order, about)
        run.chain(
            order,
            lambda k, _: (
                "visit_care_order_with_parent"
                if k == 0
                else "visit_care_order_with_parent_interval"
            ),
            [d for d in events if d >= order],
            end,
            f"care order at home from {order.isoformat()}",
        )


# -- care planning, health, education (CPPCR Parts 2-3, reg 7; guidance) ---------------------


def _plan_care_planning(
    run: _Run, period: PeriodOfCare, previous_end: dt.date | None, short_breaks: bool
) -> None:
    record = run.record
    about = f"period of care from {period.start.isoformat()}"
    since = previous_end or dt.date.min
    run.once(
        "care_plan_prepare",
        period.start,
        _dates(record.care_plans, since, period.end),
        about,
        end=period.end,
        earliest=since,
    )
    iro = _dates(record.iro_appointments, period.start, period.end)
    run.once("iro_appoint", period.start, iro, about, end=period.end)
    run.once("iro_appoint_good_practice", period.start, iro, about, end=period.end)
    if short_breaks:
        return
    three_months_before = add_months(period.start, -3)
    initial = [h for h in record.health_assessments if h.kind is HealthAssessmentKind.INITIAL]
    by_doctor = _dates(
        (h for h in initial if h.by_medical_practitioner), three_months_before, period.end
    )
    run.once(
        "health_assessment_initial",
        period.start,
        by_doctor,
        about,
        end=period.end,
        earliest=three_months_before,
    )
    run.once(
        "health_assessment_initial_guidance",
        period.start,
        _dates(initial, three_months_before, period.end),
        about,
        end=period.end,
        earliest=three_months_before,
    )
    for placement, _ in _visit_placements(run, period):
        if placement.placement_type.is_placed_for_adoption:
            continue
        place_about = f"placement from {placement.start.isoformat()}"
        plans = [p.date for p in record.placement_plans if p.placement_start == placement.start]
        run.once(
            "placement_plan_prepare", placement.start, plans, place_about, earliest=dt.date.min
        )
        notes = [
            n.date for n in record.placement_notifications if n.placement_start == placement.start
        ]
        run.once("placement_notify", placement.start, notes, place_about, earliest=dt.date.min)
    _plan_health_reviews(run, period, about)
    _plan_education(run, period, about)


def _plan_health_reviews(run: _Run, period: PeriodOfCare, about: str) -> None:
    record = run.record
    assessments = _dates(record.health_assessments, add_months(period.start, -3), period.end)
    if not assessments:
        return
    fifth = birthday(record.child.date_of_birth, 5, run.conventions.leap_day)
    twelve = run.conventions.health_across_fifth_birthday.value == "twelve_months"

    def step(k: int, t: dt.date) -> str:
        if t >= fifth or (twelve and add_months(t, 6) >= fifth):
            return "health_review_5_plus"
        return "health_review_under_5"

    run.chain(assessments[0], step, assessments[1:], period.end, about)


def _school_age(run: _Run, day: dt.date) -> bool:
    age = run.record.age_on(day, run.conventions.leap_day)
    return 5 <= age < 16


def _plan_education(run: _Run, period: PeriodOfCare, about: str) -> None:
    record = run.record
    peps = _dates(record.peps, period.start, period.end)
    if _school_age(run, period.start):
        run.once("pep_initiate", period.start, peps, about, end=period.end)
        run.once("pep_ready_first_review", period.start, peps, about, end=period.end)
    duty = run.duty("pep_review_termly")
    if duty is None:
        return
    last = min(period.end or run.as_of, run.as_of)
    day = term_containing(period.start, run.conventions)[1] + _ONE
    while day <= last:
        term_start, term_end = term_containing(day, run.conventions)
        term_start = max(term_start, day)
        if term_start > last:
            break
        if _school_age(run, term_start) and record.looked_after_on(term_start):
            met = next((d for d in peps if term_start <= d <= term_end), None)
            lapsed = met is None and period.end is not None and period.end <= term_end
            if not lapsed and (met is not None or term_end < run.as_of or term_end >= run.as_of):
                run.emit(
                    duty,
                    term_start,
                    met,
                    f"school term from {term_start.isoformat()}",
                    due=term_end,
                )
        day = term_end + _ONE


# -- approvals (CPPCR regs 19, 23, 24-25) -----------------------------------------------------


def _earliest(*days: dt.date | None) -> dt.date | None:
    present = [d for d in days if d is not None]
    return min(present) if present else None


def _plan_approvals(run: _Run) -> None:
    record = run.record
    conv = run.conventions
    for fact in record.connected_person_approvals:
        about = f"temporary approval from {fact.start.isoformat()}"
        temp = run.duty("connected_person_temp_approval")
        if temp is None:
            continue
        ended = fact.end + _ONE if fact.end is not None else None
        met = _earliest(fact.full_approval_on, fact.extended_on, ended)
        due = run.emit(temp, fact.start, met, about)
        if due is not None and fact.extended_on is not None:
            ext = run.duty("connected_person_extension")
            if ext is not None:
                trigger = due + _ONE if conv.period_includes_trigger else due
                run.emit(ext, trigger, _earliest(fact.full_approval_on, ended), about)
    for emergency in record.emergency_placements_outside_approval:
        duty = run.duty("emergency_foster_outside_approval")
        if duty is not None:
            ended = emergency.end + _ONE if emergency.end is not None else None
            run.emit(
                duty,
                emergency.start,
                _earliest(emergency.approval_amended_on, ended),
                f"emergency placement from {emergency.start.isoformat()}",
            )
    for pending in record.parent_placements_pending_assessment:
        about = f"placement with parent from {pending.start.isoformat()}"
        assessment = run.duty("placement_with_parent_before_assessment")
        if assessment is not None:
            run.emit(assessment, pending.start, pending.assessment_completed_on, about)
        decision = run.duty("placement_with_parent_decision")
        if decision is not None and pending.assessment_completed_on is not None:
            ended = pending.end + _ONE if pending.end is not None else None
            run.emit(
                decision,
                pending.assessment_completed_on,
                _earliest(pending.decision_on, ended),
                about,
            )


# -- leaving care (CPPCR regs 40-43; CLR 2010; CA 1989 s.23B-23C) -----------------------------


_LEAVING_CARE_DUTIES = (
    "needs_assessment_eligible",
    "pathway_plan_review",
    "pa_visit_when_accommodated",
    "pa_visit_interval",
    "pathway_plan_review_new_accommodation",
)


def _plan_leaving_care(run: _Run) -> None:
    record = run.record
    if not record.episodes or not any(run.duty(i) for i in _LEAVING_CARE_DUTIES):
        return
    dob = record.child.date_of_birth
    if dob > run.as_of - dt.timedelta(days=365 * 15):
        return  # nobody under 15 on as_of has a leaving-care status yet
    timeline = run.timeline
    eligible = next((p for p in timeline if p.status is LeaverStatus.ELIGIBLE), None)
    if eligible is not None:
        run.once(
            "needs_assessment_eligible",
            eligible.start,
            [a.date for a in record.needs_assessments],
            "became an eligible child",
            earliest=add_months(eligible.start, -3),
        )
    leaver = next(
        (p for p in timeline if p.status in (LeaverStatus.RELEVANT, LeaverStatus.FORMER_RELEVANT)),
        None,
    )
    if leaver is not None:
        until = birthday(dob, 21, run.conventions.leap_day)
        plans = [p.date for p in record.pathway_plans if p.date < until]
        before = [d for d in plans if d < leaver.start]
        anchor = before[-1] if before else leaver.start
        later = [d for d in plans if d > anchor]
        run.chain(
            anchor,
            lambda k, t: "pathway_plan_review" if t < until else None,
            later,
            until,
            "relevant or former relevant child",
        )
    for fact in record.accommodation_provided:
        about = f"accommodation from {fact.start.isoformat()}"
        end = fact.end + _ONE if fact.end is not None else None
        visits = [
            c.date
            for c in record.pa_contacts
            if c.visit_at_accommodation and c.date >= fact.start and (end is None or c.date < end)
        ]
        run.chain(
            fact.start,
            lambda k, _: "pa_visit_when_accommodated" if k == 0 else "pa_visit_interval",
            visits,
            end,
            about,
        )
        run.once(
            "pathway_plan_review_new_accommodation",
            fact.start,
            [p.date for p in record.pathway_plans],
            about,
            end=end,
        )


# -- local duties with their own trigger ---------------------------------------------------------


def _plan_local(run: _Run) -> None:
    for duty in run.rules:
        if duty.tightens is not None or duty.force is not Force.LOCAL:
            continue
        if duty.trigger is Trigger.CONTACT_REQUESTED:
            for request in run.record.contact_requests:
                run.emit(
                    duty,
                    request.date,
                    request.responded_on,
                    f"contact request of {request.date.isoformat()}",
                )
        elif duty.trigger is Trigger.PLACEMENT_MOVED:
            firsts = {period.start for period in run.record.periods_of_care()}
            reviews = [r.date for r in run.record.reviews]
            for placement in run.record.placements():
                if placement.start in firsts or placement.is_temporary:
                    continue
                met = next((d for d in reviews if d >= placement.start), None)
                run.emit(
                    duty, placement.start, met, f"placement from {placement.start.isoformat()}"
                )


# -- the entry point ------------------------------------------------------------------------


def schedule(
    record: CaseRecord,
    as_of: dt.date,
    *,
    rules: RuleSet = ENGLAND,
    conventions: Conventions | None = None,
) -> Schedule:
    """Every obligation ``record`` creates under ``rules``, as at ``as_of``.

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
    run = _Run(record, as_of, rules, conventions or Conventions())
    previous_end: dt.date | None = None
    for period in _merged_periods(run):
        if period.start > as_of:
            break
        short_breaks = _is_short_break_period(record, period)
        _plan_reviews(run, period, short_breaks)
        _plan_visits(run, period, short_breaks)
        _plan_care_planning(run, period, previous_end, short_breaks)
        previous_end = period.end
    _plan_approvals(run)
    _plan_leaving_care(run)
    _plan_local(run)
    return Schedule(child_id=record.id, as_of=as_of, obligations=run.out)


def carer_schedule(
    carer: Carer,
    as_of: dt.date,
    *,
    rules: RuleSet = ENGLAND,
    conventions: Conventions | None = None,
) -> Schedule:
    """The foster carer's approval reviews (FSR 2011 reg 28), as at ``as_of``.

    The first review is due within a year of approval, each later one within a year of the
    previous review actually completed (W25). Obligations carry the carer's id as ``child_id``.
    """
    if as_of.__class__ is not dt.date:
        raise TypeError("as_of must be a datetime.date")
    placeholder = CaseRecord.unchecked(child=Child(id=carer.id, date_of_birth=carer.approved_on))
    run = _Run(placeholder, as_of, rules, conventions or Conventions(), subject_id=carer.id)
    run.chain(
        carer.approved_on,
        lambda k, _: "foster_approval_review",
        [d for d in carer.reviews if d >= carer.approved_on],
        None,
        f"carer approved on {carer.approved_on.isoformat()}",
    )
    return Schedule(child_id=carer.id, as_of=as_of, obligations=run.out)
