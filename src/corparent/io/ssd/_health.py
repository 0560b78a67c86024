"""What a free-text health-check type means: every system words ``clah_health_check_type``
its own way, so the mapping is data you can read, extend and override.

>>> HEALTH_CHECKS.classify("Initial Health Assessment")
<HealthCheck.INITIAL: 'initial'>
>>> HEALTH_CHECKS.classify("RHA")
<HealthCheck.REVIEW: 'review'>
>>> mine = HEALTH_CHECKS.with_types({"LAC medical (first)": HealthCheck.INITIAL})
>>> mine.classify("lac medical - first")
<HealthCheck.INITIAL: 'initial'>
"""

from __future__ import annotations

import enum
import re
import types
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from corparent._pickling import reduce_by_init

__all__ = ["HEALTH_CHECKS", "HealthCheck", "HealthCheckTypes", "normalise"]


class HealthCheck(enum.Enum):
    """What a row of ``ssd_cla_health`` records."""

    INITIAL = "initial"
    """An initial health assessment (by a registered medical practitioner; CPPCR 2010 reg 7)."""
    REVIEW = "review"
    """A review health assessment (CPPCR 2010 reg 8)."""
    DENTAL = "dental"
    """A dental check."""
    OTHER = "other"
    """Not a statutory health assessment (an optician's check, an SDQ); read, not used."""


def normalise(text: str) -> str:
    """Lower case, punctuation as spaces, spaces collapsed: ``"Initial  Health-Assessment"``
    becomes ``"initial health assessment"``."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _types(value: Mapping[str, HealthCheck]) -> Mapping[str, HealthCheck]:
    return types.MappingProxyType({normalise(k): HealthCheck(v) for k, v in value.items()})


def _statuses(value: Iterable[str]) -> frozenset[str]:
    return frozenset(normalise(v) for v in value)


_DEFAULT_TYPES: dict[str, HealthCheck] = {
    **dict.fromkeys(
        (
            "initial health assessment", "iha", "initial", "initial assessment",
            "initial health check", "initial medical", "ha initial", "health assessment initial",
        ),
        HealthCheck.INITIAL,
    ),
    **dict.fromkeys(
        (
            "review health assessment", "rha", "review", "health review", "review assessment",
            "annual health assessment", "six monthly health assessment",
            "6 monthly health assessment", "health assessment review", "ha review",
            "review health check", "annual health check",
        ),
        HealthCheck.REVIEW,
    ),
    **dict.fromkeys(("dental", "dental check", "dentist", "dental assessment"), HealthCheck.DENTAL),
    **dict.fromkeys(
        ("optician", "eye test", "sdq", "immunisation", "immunisations", "hearing test"),
        HealthCheck.OTHER,
    ),
}  # fmt: skip


@attrs.frozen(kw_only=True)
class HealthCheckTypes:
    """How ``ssd_cla_health`` rows are read.

    Attributes:
        types: Each health-check type (as the system words it, matched whatever the case,
            punctuation and spacing) and what it records.
        done: Statuses meaning the check took place (a NULL or blank status counts as done:
            most systems record only completed checks).
        not_done: Statuses meaning it did not (refused, cancelled, booked): the row is read and
            not counted as an assessment.

    A type or status in neither list is reported, never guessed.
    """

    types: Mapping[str, HealthCheck] = attrs.field(converter=_types)
    done: frozenset[str] = attrs.field(converter=_statuses)
    not_done: frozenset[str] = attrs.field(converter=_statuses)

    def classify(self, text: str) -> HealthCheck | None:
        """What a type records, or ``None`` when the mapping does not know it."""
        return self.types.get(normalise(text))

    def took_place(self, status: str | None) -> bool | None:
        """True (done), False (not done) or ``None`` (a status the mapping does not know)."""
        if status is None:
            return True
        key = normalise(status)
        if not key or key in self.done:
            return True
        if key in self.not_done:
            return False
        return None

    def __reduce__(self) -> tuple[Any, tuple[type, dict[str, Any]]]:
        # The types are a read-only mapping, which does not pickle: rebuild from the fields.
        return reduce_by_init(self)

    def with_types(self, extra: Mapping[str, HealthCheck]) -> HealthCheckTypes:
        """The same mapping with ``extra`` types added (or re-mapped)."""
        return attrs.evolve(self, types={**self.types, **extra})

    def with_statuses(
        self, *, done: Iterable[str] = (), not_done: Iterable[str] = ()
    ) -> HealthCheckTypes:
        """The same mapping with more statuses (a status moves to the list it is added to)."""
        done_set, not_done_set = _statuses(done), _statuses(not_done)
        return attrs.evolve(
            self,
            done=(self.done - not_done_set) | done_set,
            not_done=(self.not_done - done_set) | not_done_set,
        )


HEALTH_CHECKS = HealthCheckTypes(
    types=_DEFAULT_TYPES,
    done=("completed", "complete", "done", "attended", "held", "seen"),
    not_done=(
        "refused", "declined", "cancelled", "canceled", "not attended", "dna",
        "did not attend", "booked", "scheduled", "requested", "not completed", "outstanding",
    ),
)  # fmt: skip
"""The default mapping: the wordings seen in Liquidlogic, Mosaic and Eclipse exports."""
