"""What happened to a child: immutable, validated facts with no law in them.

The classes map onto the SSDA903 return (see the "Model" page of the docs for each field's 903
column) and onto the events councils record in their own systems (visits, plans, assessments).
"""

from __future__ import annotations

from corparent.model._base import DatedEvent, Period, hide_personal_fields_from_pretty_printers
from corparent.model._episodes import Episode, PeriodOfCare, Placement
from corparent.model._events import (
    CarePlan,
    CeaseToLookAfterApproval,
    ContactRequest,
    DentalCheck,
    HealthAssessment,
    HealthAssessmentKind,
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
    PlanKind,
    Review,
    Visit,
)
from corparent.model._evidence import SSDA903_KINDS, Evidence, EvidenceWindow
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
from corparent.model._integrity import IntegrityProblem, problems
from corparent.model._people import Carer, CarerKind, Child
from corparent.model._record import Caseload, CaseRecord
from corparent.model._restrict import restrict
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
from corparent.model._serialise import converter, from_dict, from_json, to_dict, to_json

__all__ = [
    "SSDA903_KINDS",
    "AccommodationProvided",
    "AdoptionDecision",
    "CarePlan",
    "Carer",
    "CarerKind",
    "CaseRecord",
    "Caseload",
    "CeaseToLookAfterApproval",
    "Child",
    "ConnectedPersonApproval",
    "ContactRequest",
    "DatedEvent",
    "DentalCheck",
    "DeprivationOfLiberty",
    "EmergencyPlacement",
    "EmergencyPlacementOutsideApproval",
    "Episode",
    "Evidence",
    "EvidenceWindow",
    "HealthAssessment",
    "HealthAssessmentKind",
    "HealthOutcome",
    "IROAppointment",
    "IntegrityProblem",
    "LeaverOutcome",
    "LongTermFosterPlacement",
    "MissingEpisode",
    "NeedsAssessment",
    "PathwayPlan",
    "Period",
    "PeriodOfCare",
    "PermanencePlan",
    "PersonalAdviserAppointment",
    "PersonalAdviserContact",
    "PersonalEducationPlan",
    "PlacedForAdoption",
    "Placement",
    "PlacementNotification",
    "PlacementPlan",
    "PlacementTerminationNotice",
    "PlacementUntil18",
    "PlacementWithParentPendingAssessment",
    "PlanKind",
    "PreviousPermanence",
    "ReducedVisitsConsent",
    "Review",
    "ShortBreakArrangement",
    "SocialWorkerEpisode",
    "StayingPut",
    "Visit",
    "converter",
    "from_dict",
    "from_json",
    "problems",
    "restrict",
    "to_dict",
    "to_json",
]

# Failure reports (hypothesis, IPython) print the repr, which never shows a date of birth.
hide_personal_fields_from_pretty_printers(globals()[name] for name in __all__)
