"""The events format: a folder of CSV or JSON files, one per kind of event, that any
case-management system can export (documented, with a JSON Schema, on the "Events format"
page), and the helper that builds SSDA903-style episodes from separate placement and
legal-status timelines.

>>> from corparent.io.events import kind
>>> kind("visits").names
('child_id', 'date', 'seen', 'seen_alone')
"""

from __future__ import annotations

from corparent.io.events._format import (
    KINDS,
    EventField,
    EventKind,
    FieldType,
    events_schema,
    kind,
)
from corparent.io.events._load import is_events_folder, load
from corparent.io.events._spans import LegalStatusSpan, PlacementSpan, build_episodes
from corparent.io.events._write import spans_from_episodes, write

__all__ = [
    "KINDS",
    "EventField",
    "EventKind",
    "FieldType",
    "LegalStatusSpan",
    "PlacementSpan",
    "build_episodes",
    "events_schema",
    "is_events_folder",
    "kind",
    "load",
    "spans_from_episodes",
    "write",
]
