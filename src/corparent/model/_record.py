"""The case record (one child's history) and the caseload (many records)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from operator import attrgetter
from typing import Any

import attrs

from corparent.dates import LeapDay, age_on
from corparent.errors import Problem, RecordError, RecordTypeError
from corparent.jurisdiction import Jurisdiction
from corparent.model._base import check_type
from corparent.model._episodes import Episode, PeriodOfCare, Placement
from corparent.model._events import (
    CarePlan,
    CeaseToLookAfterApproval,
    ContactRequest,
    DentalCheck,
    HealthAssessment,
    IROAppointment,
    NeedsAssessment,
    PathwayPlan,
    PermanencePlan,
    PersonalAdviserAppointment,
    PersonalAdviserContact,
    PersonalEducationPlan,
    PlacementNotification,
    PlacementPlan,
    PlacementTerminationNotice,
    Review,
    Visit,
)
from corparent.model._evidence import COMPLETE, Evidence
from corparent.model._facts import (
    AccommodationProvided,
    ConnectedPersonApproval,
    EmergencyPlacement,
    EmergencyPlacementOutsideApproval,
    LongTermFosterPlacement,
    PlacementUntil18,
    PlacementWithParentPendingAssessment,
    ReducedVisitsConsent,
    ShortBreakArrangement,
    StayingPut,
)
from corparent.model._people import Child
from corparent.model._returns import (
    AdoptionDecision,
    DeprivationOfLiberty,
    HealthOutcome,
    LeaverOutcome,
    MissingEpisode,
    PlacedForAdoption,
    PreviousPermanence,
    SocialWorkerEpisode,
)

__all__ = ["CaseRecord", "Caseload"]

_DATE = attrgetter("date")
_START = attrgetter("start")
_YEAR = attrgetter("year_ending")
_SORT_DATE = attrgetter("sort_date")


def _sorted(values: Iterable[Any], key: Callable[[Any], Any]) -> tuple[Any, ...]:
    """``values`` as a tuple sorted by ``key``; a value that is not a collection of events is a
    :class:`~corparent.errors.RecordTypeError` (an item of the wrong kind is left for the
    field's validator, which names its position)."""
    if values.__class__ is list:  # the usual case, with no further tests
        items: Iterable[Any] = values
    elif isinstance(values, str | bytes) or not hasattr(values, "__iter__"):
        raise RecordTypeError(
            [
                Problem(
                    code="bad_type",
                    message=f"expected a list of events, got a {type(values).__name__}",
                )
            ]
        )
    else:
        items = tuple(values)
    try:
        return tuple(sorted(items, key=key))
    except (AttributeError, TypeError):
        return tuple(items)


# The converters (named functions, as the attrs type checker plugin needs): the default ``()``
# and a single event return at once.
def _by_date(values: Iterable[Any]) -> tuple[Any, ...]:
    if values.__class__ is tuple and len(values) < 2:
        return values
    return _sorted(values, _DATE)


def _by_start(values: Iterable[Any]) -> tuple[Any, ...]:
    if values.__class__ is tuple and len(values) < 2:
        return values
    return _sorted(values, _START)


def _by_year(values: Iterable[Any]) -> tuple[Any, ...]:
    if values.__class__ is tuple and len(values) < 2:
        return values
    return _sorted(values, _YEAR)


def _by_sort_date(values: Iterable[Any]) -> tuple[Any, ...]:
    if values.__class__ is tuple and len(values) < 2:
        return values
    return _sorted(values, _SORT_DATE)


_state = threading.local()


def _each(kind: type) -> Callable[[object, attrs.Attribute[Any], tuple[object, ...]], None]:
    def validate(
        instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
    ) -> None:
        if not value:
            return
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                hint = f"; build one with {kind.__name__}(**item)" if isinstance(item, dict) else ""
                article = "an" if kind.__name__[0] in "AEIOU" else "a"
                raise RecordTypeError(
                    [
                        Problem(
                            code="bad_type",
                            message=f"CaseRecord.{attribute.name}[{index}] must be "
                            f"{article} {kind.__name__}, not {type(item).__name__}{hint}",
                            path=f"{attribute.name}[{index}]",
                        )
                    ]
                )

    return validate


@attrs.frozen(kw_only=True)
class CaseRecord:
    """Everything corparent knows about one child: episodes of care, events and facts.

    Every collection is a tuple sorted by date (callers may pass lists in any order).
    Constructing a record checks its integrity and raises :class:`~corparent.errors.RecordError`
    listing **every** problem with its field path; loaders use :meth:`build` (or
    :meth:`unchecked`) to keep the record and collect the problems instead.

    >>> import datetime as dt
    >>> from corparent.codes import LegalStatus, PlacementType
    >>> from corparent.model import CaseRecord, Child, Episode
    >>> record = CaseRecord(
    ...     child=Child(id="C0042", date_of_birth=dt.date(2009, 3, 15)),
    ...     episodes=[Episode(start=dt.date(2023, 12, 22), legal_status=LegalStatus.C2,
    ...                       placement=PlacementType.U4)],
    ... )
    >>> record.looked_after_on(dt.date(2024, 1, 1))
    True

    Attributes:
        child: The child.
        episodes: Episodes of care (903 Episodes), sorted by start.
        reviews: Reviews of the child's case.
        visits: Social-worker visits.
        health_assessments: Health assessments (initial and reviews).
        dental_checks: Dental checks.
        peps: Personal Education Plans.
        care_plans: Care plans prepared or reviewed.
        placement_plans: Placement plans, each for one placement.
        pathway_plans: Pathway plans prepared or reviewed.
        needs_assessments: Leaving-care needs assessments.
        pa_appointments: Personal adviser appointments. Informational: the law sets no
            timescale for appointing a personal adviser, so no duty is discharged by one and
            they never change a schedule; they are kept, validated and exported so a council's
            own checks can use them.
        pa_contacts: Personal adviser contacts.
        iro_appointments: IRO appointments.
        placement_notifications: Placement notices (CPPCR reg 13).
        contact_requests: Requests for contact (for pledge standards).
        termination_notices: Written notices that the authority ended a placement (reg 14).
        cease_approvals: Nominated officer approvals of ceasing to look after (reg 39).
        permanence_plans: Permanence plans recorded.
        long_term_foster: Long-term foster placement designations.
        reduced_visit_consents: The child's consent to reduced visits (reg 28(3A)).
        placements_until_18: Placements intended to last until 18 (reg 28(2)(c)).
        accommodation_provided: Accommodation provided to a relevant or former relevant child.
        staying_put: Staying-put arrangements.
        connected_person_approvals: Temporary approvals of connected persons (reg 24).
        short_breaks: Short-break arrangements under reg 48.
        parent_placements_pending_assessment: Placements with a parent before assessment.
        emergency_placements_outside_approval: Emergency placements outside approval (reg 23).
        health_outcomes: 903 OC2 rows.
        leaver_outcomes: 903 OC3 rows.
        missing: 903 Missing rows.
        adoption_decisions: 903 AD1 rows.
        placed_for_adoption: 903 PlacedAdoption rows.
        previous_permanence: 903 PrevPerm rows.
        social_worker_episodes: 903 SWEpisodes rows.
        deprivations_of_liberty: 903 DoLo rows.
        emergency_placements: Emergency placements (Scotland: LAC(S) 2009 reg 36).
        evidence: From when, and until when, each kind of evidence is known (see
            :class:`~corparent.model.Evidence`); complete by default. Loaders set it, so that
            what the data cannot show is never taken for a breach.
        jurisdiction: The nation whose law the responsible authority works under, or ``None``
            (not stated: the run's law applies, England unless told otherwise).
    """

    child: Child = attrs.field(validator=check_type(Child))
    episodes: tuple[Episode, ...] = attrs.field(
        default=(), converter=_by_start, validator=_each(Episode)
    )
    reviews: tuple[Review, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(Review)
    )
    visits: tuple[Visit, ...] = attrs.field(default=(), converter=_by_date, validator=_each(Visit))
    health_assessments: tuple[HealthAssessment, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(HealthAssessment)
    )
    dental_checks: tuple[DentalCheck, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(DentalCheck)
    )
    peps: tuple[PersonalEducationPlan, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(PersonalEducationPlan)
    )
    care_plans: tuple[CarePlan, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(CarePlan)
    )
    placement_plans: tuple[PlacementPlan, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(PlacementPlan)
    )
    pathway_plans: tuple[PathwayPlan, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(PathwayPlan)
    )
    needs_assessments: tuple[NeedsAssessment, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(NeedsAssessment)
    )
    pa_appointments: tuple[PersonalAdviserAppointment, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(PersonalAdviserAppointment)
    )
    pa_contacts: tuple[PersonalAdviserContact, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(PersonalAdviserContact)
    )
    iro_appointments: tuple[IROAppointment, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(IROAppointment)
    )
    placement_notifications: tuple[PlacementNotification, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(PlacementNotification)
    )
    contact_requests: tuple[ContactRequest, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(ContactRequest)
    )
    termination_notices: tuple[PlacementTerminationNotice, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(PlacementTerminationNotice)
    )
    cease_approvals: tuple[CeaseToLookAfterApproval, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(CeaseToLookAfterApproval)
    )
    permanence_plans: tuple[PermanencePlan, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(PermanencePlan)
    )
    long_term_foster: tuple[LongTermFosterPlacement, ...] = attrs.field(
        default=(), converter=_by_start, validator=_each(LongTermFosterPlacement)
    )
    reduced_visit_consents: tuple[ReducedVisitsConsent, ...] = attrs.field(
        default=(), converter=_by_start, validator=_each(ReducedVisitsConsent)
    )
    placements_until_18: tuple[PlacementUntil18, ...] = attrs.field(
        default=(), converter=_by_start, validator=_each(PlacementUntil18)
    )
    accommodation_provided: tuple[AccommodationProvided, ...] = attrs.field(
        default=(), converter=_by_start, validator=_each(AccommodationProvided)
    )
    staying_put: tuple[StayingPut, ...] = attrs.field(
        default=(), converter=_by_start, validator=_each(StayingPut)
    )
    connected_person_approvals: tuple[ConnectedPersonApproval, ...] = attrs.field(
        default=(), converter=_by_start, validator=_each(ConnectedPersonApproval)
    )
    short_breaks: tuple[ShortBreakArrangement, ...] = attrs.field(
        default=(), converter=_by_start, validator=_each(ShortBreakArrangement)
    )
    parent_placements_pending_assessment: tuple[PlacementWithParentPendingAssessment, ...] = (
        attrs.field(
            default=(), converter=_by_start, validator=_each(PlacementWithParentPendingAssessment)
        )
    )
    emergency_placements_outside_approval: tuple[EmergencyPlacementOutsideApproval, ...] = (
        attrs.field(
            default=(), converter=_by_start, validator=_each(EmergencyPlacementOutsideApproval)
        )
    )
    health_outcomes: tuple[HealthOutcome, ...] = attrs.field(
        default=(), converter=_by_year, validator=_each(HealthOutcome)
    )
    leaver_outcomes: tuple[LeaverOutcome, ...] = attrs.field(
        default=(), converter=_by_year, validator=_each(LeaverOutcome)
    )
    missing: tuple[MissingEpisode, ...] = attrs.field(
        default=(), converter=_by_start, validator=_each(MissingEpisode)
    )
    adoption_decisions: tuple[AdoptionDecision, ...] = attrs.field(
        default=(), converter=_by_sort_date, validator=_each(AdoptionDecision)
    )
    placed_for_adoption: tuple[PlacedForAdoption, ...] = attrs.field(
        default=(), converter=_by_date, validator=_each(PlacedForAdoption)
    )
    previous_permanence: tuple[PreviousPermanence, ...] = attrs.field(
        default=(), converter=_by_sort_date, validator=_each(PreviousPermanence)
    )
    social_worker_episodes: tuple[SocialWorkerEpisode, ...] = attrs.field(
        default=(), converter=_by_start, validator=_each(SocialWorkerEpisode)
    )
    deprivations_of_liberty: tuple[DeprivationOfLiberty, ...] = attrs.field(
        default=(), converter=_by_start, validator=_each(DeprivationOfLiberty)
    )
    emergency_placements: tuple[EmergencyPlacement, ...] = attrs.field(
        default=(), converter=_by_start, validator=_each(EmergencyPlacement)
    )
    evidence: Evidence = attrs.field(
        default=COMPLETE, validator=attrs.validators.instance_of(Evidence)
    )
    jurisdiction: Jurisdiction | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(Jurisdiction)),
    )
    _views: dict[str, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if getattr(_state, "unchecked", False):
            return
        from corparent.model._integrity import problems

        found = problems(self)
        if found:
            raise RecordError(found, headline=f"case record {self.id} is inconsistent")

    # -- construction without raising -----------------------------------------------------------

    @classmethod
    def unchecked(cls, **fields: Any) -> CaseRecord:
        """Build a record without the integrity checks (field types are still checked)."""
        _state.unchecked = True
        try:
            return cls(**fields)
        finally:
            _state.unchecked = False

    @classmethod
    def build(cls, **fields: Any) -> tuple[CaseRecord, tuple[Problem, ...]]:
        """Build a record and return it with its integrity problems, without raising for them.

        Loaders use this to keep every record they can read and report every problem.
        """
        record = cls.unchecked(**fields)
        return record, record.problems()

    def problems(self) -> tuple[Problem, ...]:
        """Every integrity problem of this record (empty when consistent).

        Computed once per record (records are immutable) and kept: a loader that builds the
        record and the integrity check that reports on it share one computation.
        """
        cached: tuple[Problem, ...] | None = self._views.get("problems")
        if cached is None:
            from corparent.model._integrity import problems

            cached = problems(self)
            self._views["problems"] = cached
        return cached

    # -- derived views ------------------------------------------------------------------------

    @property
    def id(self) -> str:
        """The child's record id."""
        return self.child.id

    def periods_of_care(self) -> tuple[PeriodOfCare, ...]:
        """Periods of care: runs of episodes joined by REC X1 on the same day (cached).

        A period also starts at RNE ``S`` and after any gap between episodes. Only RNE ``S``
        proves the day the child became looked after: when the episodes are a window on a
        longer history (an SSDA903 return), a period whose first visible episode has another
        RNE began earlier, on a day the data does not hold (``start_known`` is ``False``).
        """
        cached: tuple[PeriodOfCare, ...] | None = self._views.get("periods")
        if cached is None:
            cached = tuple(
                _periods_of_care(self.episodes, self.evidence.window("episodes").is_complete)
            )
            self._views["periods"] = cached
        return cached

    def placements(self) -> tuple[Placement, ...]:
        """Placements: runs of episodes with the same placement (see :class:`Placement`)."""
        cached: tuple[Placement, ...] | None = self._views.get("placements")
        if cached is None:
            cached = tuple(p for period in self.periods_of_care() for p in _placements(period))
            self._views["placements"] = cached
        return cached

    def became_looked_after(self) -> tuple[dt.date, ...]:
        """The day each period of care began."""
        return tuple(period.start for period in self.periods_of_care())

    @property
    def first_placement_start(self) -> dt.date | None:
        """The start of the first placement on record, or ``None``."""
        return self.episodes[0].start if self.episodes else None

    def episode_on(self, day: dt.date) -> Episode | None:
        """The episode the child is in on ``day``, or ``None``."""
        for episode in reversed(self.episodes):
            if episode.start <= day:
                return episode if episode.covers(day) else None
        return None

    def period_on(self, day: dt.date) -> PeriodOfCare | None:
        """The period of care the child is in on ``day``, or ``None``."""
        for period in reversed(self.periods_of_care()):
            if period.start <= day:
                return period if period.covers(day) else None
        return None

    def placement_on(self, day: dt.date) -> Placement | None:
        """The placement the child is in on ``day``, or ``None``."""
        for placement in reversed(self.placements()):
            if placement.start <= day:
                return placement if placement.covers(day) else None
        return None

    def looked_after_on(self, day: dt.date) -> bool:
        """True if the child is looked after on ``day``."""
        return self.episode_on(day) is not None

    def age_on(self, day: dt.date, leap_day: LeapDay = LeapDay.MARCH_1) -> int:
        """The child's age in whole years on ``day`` (Family Law Reform Act 1969 s.9)."""
        return age_on(self.child.date_of_birth, day, leap_day)


def _periods_of_care(episodes: tuple[Episode, ...], complete: bool) -> Iterator[PeriodOfCare]:
    run: list[Episode] = []
    for episode in episodes:
        if run:
            previous = run[-1]
            continues = (
                previous.reason_ceased is not None
                and previous.reason_ceased.continues_care
                and previous.end == episode.start
                and not episode.reason_new.starts_period_of_care
            )
            if not continues:
                yield _period(run, complete)
                run = []
        run.append(episode)
    if run:
        yield _period(run, complete)


def _period(run: list[Episode], complete: bool) -> PeriodOfCare:
    first = run[0]
    return PeriodOfCare(
        start=first.start,
        end=run[-1].end,
        episodes=tuple(run),
        start_known=complete or first.reason_new.starts_period_of_care,
    )


def _placements(period: PeriodOfCare) -> Iterator[Placement]:
    run: list[Episode] = []
    for episode in period.episodes:
        if run and episode.reason_new.changes_placement:
            yield _placement(run, start_known=True)
            run = []
        run.append(episode)
    if run:
        # The first placement of a period starts when the period does; a later one starts at
        # an episode whose RNE says the placement changed, a day the data holds.
        first_of_period = run[0] is period.episodes[0]
        yield _placement(run, start_known=period.start_known or not first_of_period)


def _placement(run: list[Episode], *, start_known: bool) -> Placement:
    first = run[0]
    return Placement(
        start=first.start,
        end=run[-1].end,
        placement_type=first.placement,
        provider=first.provider,
        episodes=tuple(run),
        start_known=start_known or first.reason_new.changes_placement,
    )


def _as_records(records: Iterable[CaseRecord]) -> tuple[CaseRecord, ...]:
    return tuple(records)


@attrs.frozen(kw_only=True)
class Caseload:
    """Many case records, looked up by child id in O(1).

    Raises:
        RecordError: two records share a child id.
    """

    records: tuple[CaseRecord, ...] = attrs.field(converter=_as_records)
    _index: Mapping[str, CaseRecord] = attrs.field(init=False, repr=False, eq=False)

    @_index.default
    def _build_index(self) -> Mapping[str, CaseRecord]:
        index: dict[str, CaseRecord] = {}
        duplicates: list[Problem] = []
        for position, record in enumerate(self.records):
            if not isinstance(record, CaseRecord):
                raise TypeError(f"Caseload.records[{position}] must be a CaseRecord")
            child_id = record.child.id  # record.id, read once (a property: 100,000 records)
            if child_id in index:
                duplicates.append(
                    Problem(
                        code="duplicate_child",
                        message="two records share this child id",
                        record_id=child_id,
                        path=f"records[{position}]",
                    )
                )
            index[child_id] = record
        if duplicates:
            raise RecordError(duplicates, headline="caseload has duplicate child ids")
        return index

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[CaseRecord]:
        return iter(self.records)

    def __getitem__(self, child_id: str) -> CaseRecord:
        return self._index[child_id]

    def __contains__(self, child_id: object) -> bool:
        return child_id in self._index

    def get(self, child_id: str) -> CaseRecord | None:
        """The record for ``child_id``, or ``None``."""
        return self._index.get(child_id)

    def ids(self) -> tuple[str, ...]:
        """Every child id, in record order."""
        return tuple(record.id for record in self.records)
