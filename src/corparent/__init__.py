"""corparent: the duties of a council as corporate parent, as typed, cited Python.

Import it as ``import corparent as cp``. Every public name below is stable; see the API
reference for each.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from corparent import codes, dates, errors, principles
from corparent.codes import (
    Accommodation,
    Activity,
    CategoryOfNeed,
    Ethnicity,
    InTouch,
    LegalStatus,
    MissingType,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    ReviewParticipation,
    SdqReason,
    Sex,
)
from corparent.errors import CodeError, ConfigError, CorparentError, LoadError, Problem, RecordError
from corparent.principles import Principle

try:
    __version__ = version("corparent")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"

__all__ = [
    "Accommodation",
    "Activity",
    "CategoryOfNeed",
    "CodeError",
    "ConfigError",
    "CorparentError",
    "Ethnicity",
    "InTouch",
    "LegalStatus",
    "LoadError",
    "MissingType",
    "PlacementProvider",
    "PlacementType",
    "Principle",
    "Problem",
    "ReasonEpisodeCeased",
    "ReasonNewEpisode",
    "ReasonPlaceChange",
    "RecordError",
    "ReviewParticipation",
    "SdqReason",
    "Sex",
    "__version__",
    "codes",
    "dates",
    "errors",
    "principles",
]
