"""Councils' pledges as data: commitments mapped to the seven principles, measurable local
standards that overlay the law (``ENGLAND.with_standards(pledge)``), council-wide commitments
with cadences, coverage and comparison.

>>> from corparent import pledges
>>> bnes = pledges.load("bath-and-north-east-somerset")
>>> bnes.council
'Bath and North East Somerset Council'
"""

from __future__ import annotations

from corparent.pledges._coverage import Coverage, compare, coverage, reporting_calendar
from corparent.pledges._model import (
    Cadence,
    CadenceKind,
    Commitment,
    CouncilCommitment,
    Pledge,
    PrincipleLink,
)
from corparent.pledges._toml import BUNDLED, load, loads

__all__ = [
    "BUNDLED",
    "Cadence",
    "CadenceKind",
    "Commitment",
    "CouncilCommitment",
    "Coverage",
    "Pledge",
    "PrincipleLink",
    "compare",
    "coverage",
    "load",
    "loads",
    "reporting_calendar",
]
