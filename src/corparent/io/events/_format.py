"""The events format: one CSV or JSON file per kind of event, columns documented here and in a
JSON Schema (:func:`events_schema`), so any case-management system can export it.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from corparent.codes import (
    CategoryOfNeed,
    CodeList,
    LegalStatus,
    MissingType,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    ReviewParticipation,
)
from corparent.model import HealthAssessmentKind, PlanKind

__all__ = ["KINDS", "EventField", "EventKind", "FieldType", "events_schema", "kind"]


class FieldType(enum.Enum):
    """The type of a column."""

    STRING = "string"
    DATE = "date"
    BOOLEAN = "boolean"
    CODE = "code"


@attrs.frozen(kw_only=True)
class EventField:
    """One column of an events file.

    Attributes:
        name: The column (CSV) or key (JSON) name, lower case.
        datatype: How the value is read.
        description: What it holds.
        required: A row without it cannot be used (it is reported).
        codes: The code list or enumeration of a ``CODE`` column.
    """

    name: str
    datatype: FieldType = FieldType.STRING
    description: str
    required: bool = False
    codes: type[enum.Enum] | None = None

    def allowed(self) -> tuple[str, ...]:
        """The codes a ``CODE`` column accepts."""
        if self.codes is None:
            return ()
        if issubclass(self.codes, CodeList):
            return tuple(m.code for m in self.codes)
        return tuple(str(m.value) for m in self.codes)


@attrs.frozen(kw_only=True)
class EventKind:
    """One file of the events format.

    Attributes:
        name: The file name without extension (``visits`` for ``visits.csv`` or
            ``visits.json``).
        description: What one row records.
        fields: Its columns (``child_id`` first, except for ``evidence``).
        evidence: The kind of evidence (CaseRecord field) the file holds, if any.
    """

    name: str
    description: str
    fields: tuple[EventField, ...]
    evidence: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The column names."""
        return tuple(f.name for f in self.fields)


T = FieldType
_CHILD = EventField(
    name="child_id", required=True, description="The child's record id (as in children)."
)


def _f(
    name: str,
    datatype: FieldType = T.STRING,
    description: str = "",
    *,
    required: bool = False,
    codes: type[enum.Enum] | None = None,
) -> EventField:
    return EventField(
        name=name, datatype=datatype, description=description, required=required, codes=codes
    )


def _date(description: str = "The day it happened.") -> EventField:
    return _f("date", T.DATE, description, required=True)


def _dated(name: str, description: str, evidence: str, *extra: EventField) -> EventKind:
    return EventKind(
        name=name, description=description, fields=(_CHILD, _date(), *extra), evidence=evidence
    )


_PLAN_KIND = _f(
    "kind", T.CODE, "initial (first preparation) or review; default initial.", codes=PlanKind
)

KINDS: tuple[EventKind, ...] = (
    EventKind(
        name="children",
        description="One row per child (required).",
        fields=(
            _CHILD,
            _f("date_of_birth", T.DATE, "The child's date of birth (never shown).", required=True),
        ),
    ),
    EventKind(
        name="placements",
        description="Where the child lived: one row per placement. With legal_statuses, "
        "merged into episodes (RNE and X1 worked out).",
        fields=(
            _CHILD,
            _f("start", T.DATE, "The first day of the placement.", required=True),
            _f("end", T.DATE, "The day it ended (empty while it continues)."),
            _f("placement_type", T.CODE, "SSDA903 PLACE.", required=True, codes=PlacementType),
            _f("provider", T.CODE, "SSDA903 PLACE_PROVIDER.", codes=PlacementProvider),
            _f("carer", T.STRING, "The carer household's id (same carer: RNE B or U)."),
            _f("urn", T.STRING, "Ofsted URN of the provider."),
            _f(
                "reason_place_change",
                T.CODE,
                "SSDA903 REASON_PLACE_CHANGE, on the placement that ended.",
                codes=ReasonPlaceChange,
            ),
            _f(
                "reason_ceased",
                T.CODE,
                "SSDA903 REC, if care ended when this placement did.",
                codes=ReasonEpisodeCeased,
            ),
        ),
        evidence="episodes",
    ),
    EventKind(
        name="legal_statuses",
        description="The legal basis of care: one row per legal status.",
        fields=(
            _CHILD,
            _f("start", T.DATE, "The first day it applied.", required=True),
            _f("end", T.DATE, "The day it ended (empty while it continues)."),
            _f("legal_status", T.CODE, "SSDA903 LS.", required=True, codes=LegalStatus),
            _f("category_of_need", T.CODE, "SSDA903 CIN.", codes=CategoryOfNeed),
            _f(
                "reason_ceased",
                T.CODE,
                "SSDA903 REC, if care ended when this status did.",
                codes=ReasonEpisodeCeased,
            ),
        ),
        evidence="episodes",
    ),
    EventKind(
        name="episodes",
        description="SSDA903 episodes, for systems that already hold them (instead of "
        "placements and legal_statuses for that child).",
        fields=(
            _CHILD,
            _f("start", T.DATE, "SSDA903 DECOM.", required=True),
            _f("end", T.DATE, "SSDA903 DEC."),
            _f("legal_status", T.CODE, "SSDA903 LS.", required=True, codes=LegalStatus),
            _f("placement_type", T.CODE, "SSDA903 PLACE.", required=True, codes=PlacementType),
            _f("reason_new", T.CODE, "SSDA903 RNE.", required=True, codes=ReasonNewEpisode),
            _f("reason_ceased", T.CODE, "SSDA903 REC.", codes=ReasonEpisodeCeased),
            _f("provider", T.CODE, "SSDA903 PLACE_PROVIDER.", codes=PlacementProvider),
            _f("category_of_need", T.CODE, "SSDA903 CIN.", codes=CategoryOfNeed),
        ),
        evidence="episodes",
    ),
    _dated(
        "reviews",
        "A looked-after review held.",
        "reviews",
        _f("participation", T.CODE, "SSDA903 REVIEW_CODE.", codes=ReviewParticipation),
    ),
    _dated(
        "visits",
        "A social worker's statutory visit.",
        "visits",
        _f("seen", T.BOOLEAN, "The child was seen (default true)."),
        _f("seen_alone", T.BOOLEAN, "The child was seen alone."),
    ),
    _dated(
        "health_assessments",
        "A health assessment.",
        "health_assessments",
        _f("kind", T.CODE, "initial or review; default initial.", codes=HealthAssessmentKind),
    ),
    _dated("dental_checks", "A dental check.", "dental_checks"),
    _dated("peps", "A personal education plan initiated or reviewed.", "peps", _PLAN_KIND),
    _dated("care_plans", "The care plan prepared or reviewed.", "care_plans", _PLAN_KIND),
    _dated(
        "placement_plans",
        "The placement plan for a placement.",
        "placement_plans",
        _f("placement_start", T.DATE, "The start of the placement it is for.", required=True),
    ),
    _dated("pathway_plans", "The pathway plan prepared or reviewed.", "pathway_plans", _PLAN_KIND),
    _dated("needs_assessments", "The leaving-care needs assessment.", "needs_assessments"),
    _dated("pa_appointments", "A personal adviser appointed.", "pa_appointments"),
    _dated(
        "pa_contacts",
        "Contact between the personal adviser and the young person.",
        "pa_contacts",
        _f(
            "visit_at_accommodation",
            T.BOOLEAN,
            "A visit at accommodation the council provides.",
        ),
    ),
    _dated("iro_appointments", "An independent reviewing officer appointed.", "iro_appointments"),
    EventKind(
        name="missing",
        description="A period missing or away from placement.",
        fields=(
            _CHILD,
            _f("start", T.DATE, "The first day.", required=True),
            _f("end", T.DATE, "The last day (empty while it continues)."),
            _f("kind", T.CODE, "M missing, A away; default M.", codes=MissingType),
        ),
        evidence="missing",
    ),
    EventKind(
        name="allocations",
        description="A worker (and team) involved with the child: for worklists.",
        fields=(
            _CHILD,
            _f("worker", T.STRING, "The worker's staff id (not a name).", required=True),
            _f("team", T.STRING, "The team."),
            _f("role", T.STRING, "The worker's role."),
            _f("start", T.DATE, "The first day."),
            _f("end", T.DATE, "The last day (empty while it continues)."),
        ),
    ),
    EventKind(
        name="evidence",
        description="Optional: from when to when each kind of event is complete. Without "
        "it, a kind with a file is complete and a kind without one is not held.",
        fields=(
            _f("kind", T.STRING, "A file name above (e.g. visits).", required=True),
            _f("start", T.DATE, "The first day the file is complete from (empty: always)."),
            _f("end", T.DATE, "The last day it is complete to (empty: up to today)."),
            _f("held", T.BOOLEAN, "false: the system does not hold this kind (default true)."),
        ),
    ),
)
"""Every file of the events format, in load order."""

_BY_NAME = {k.name: k for k in KINDS}


def kind(name: str) -> EventKind:
    """The file kind called ``name``."""
    return _BY_NAME[name]


def _property(f: EventField) -> dict[str, Any]:
    out: dict[str, Any] = {"description": f.description}
    if f.datatype is T.DATE:
        out["type"] = "string"
        out["format"] = "date"
        out["pattern"] = r"^(\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})$"
    elif f.datatype is T.BOOLEAN:
        out["type"] = ["boolean", "string"]
        out["enum"] = [True, False, "1", "0", "Y", "N", "yes", "no", "true", "false"]
    elif f.datatype is T.CODE:
        out["type"] = "string"
        out["enum"] = list(f.allowed())
    else:
        out["type"] = "string"
        out["minLength"] = 1
    if not f.required:
        out = {"anyOf": [out, {"type": "null"}, {"const": ""}], "description": f.description}
    return out


def events_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the events format: one definition per file, each an
    array of row objects (a CSV file's rows read as objects validate against the same one)."""
    defs = {
        k.name: {
            "description": k.description,
            "type": "array",
            "items": {
                "type": "object",
                "properties": {f.name: _property(f) for f in k.fields},
                "required": [f.name for f in k.fields if f.required],
            },
        }
        for k in KINDS
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://corparent.readthedocs.io/events-format.schema.json",
        "title": "corparent events format",
        "description": "A folder of files, one per kind of event, named <kind>.csv or "
        "<kind>.json; a JSON file is an array of row objects.",
        "type": "object",
        "properties": {name: {"$ref": f"#/$defs/{name}"} for name in defs},
        "required": ["children"],
        "$defs": defs,
    }
