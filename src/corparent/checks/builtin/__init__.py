"""The checks corparent ships, written with the same :func:`~corparent.checks.check` decorator
users use: record integrity, compliance with duties, and completeness of 903 data."""

from __future__ import annotations

from corparent.checks._spec import CheckSpec
from corparent.checks.builtin.completeness import (
    oc3_missing,
    placement_provider,
    review_participation,
    upn_missing,
)
from corparent.checks.builtin.compliance import due_soon, met_late, missed, overdue
from corparent.checks.builtin.integrity import record_integrity

__all__ = ["BUILTIN_CHECKS"]

BUILTIN_CHECKS: tuple[CheckSpec, ...] = (
    record_integrity,
    overdue,
    met_late,
    missed,
    due_soon,
    review_participation,
    upn_missing,
    placement_provider,
    oc3_missing,
)
"""Every built-in check, in run order."""
