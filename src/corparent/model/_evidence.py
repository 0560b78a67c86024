"""Evidence windows: from when, and until when, each kind of evidence in a record is known.

A council's SSDA903 return is a one-year window on each child's history: it holds the episodes
open during the collection year and the reviews held in it, and no visits at all. A record
built from it must say so, or every deadline whose trigger or discharge lies before the window
looks missed. :class:`Evidence` says it, kind by kind; the engine marks an obligation it cannot
judge from the evidence as not assessable instead of reporting a breach.

>>> import datetime as dt
>>> evidence = Evidence.ssda903(dt.date(2023, 4, 1), dt.date(2024, 3, 31))
>>> evidence.window("reviews").start
datetime.date(2023, 4, 1)
>>> evidence.window("visits").held
False
>>> Evidence.complete().window("visits").is_complete
True
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from corparent._pickling import reduce_by_init
from corparent.model._base import check_optional_date

__all__ = ["SSDA903_KINDS", "Evidence", "EvidenceWindow"]


@attrs.frozen(kw_only=True)
class EvidenceWindow:
    """The span over which one kind of evidence is known.

    Attributes:
        start: The first day the source holds this kind of evidence for, or ``None`` when it
            holds the whole history.
        end: The last day it holds (inclusive), or ``None`` when it runs up to any ``as_of``.
        held: ``False`` when the source holds none of this kind (a 903 return holds no visits).
    """

    start: dt.date | None = attrs.field(default=None, validator=check_optional_date)
    end: dt.date | None = attrs.field(default=None, validator=check_optional_date)
    held: bool = True

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError("an evidence window cannot end before it starts")

    @property
    def is_complete(self) -> bool:
        """True when every event of this kind, whenever it happened, is in the record."""
        return self.held and self.start is None and self.end is None

    def covers(self, day: dt.date) -> bool:
        """True if an event of this kind on ``day`` would be in the record."""
        return (
            self.held
            and (self.start is None or self.start <= day)
            and (self.end is None or day <= self.end)
        )

    def may_lack_since(self, day: dt.date) -> bool:
        """True if an event of this kind on or after ``day`` could be missing from the record
        (the source holds none, or starts later)."""
        return not self.held or (self.start is not None and self.start > day)

    def describe(self) -> str:
        """The window in words, e.g. ``"from 2023-04-01 to 2024-03-31"``."""
        if not self.held:
            return "not held"
        if self.start is None and self.end is None:
            return "complete"
        start = self.start.isoformat() if self.start else "the beginning"
        end = self.end.isoformat() if self.end else "now"
        return f"from {start} to {end}"


ALL_KNOWN = EvidenceWindow()
NOT_HELD = EvidenceWindow(held=False)

SSDA903_KINDS: tuple[str, ...] = (
    "episodes",
    "reviews",
    "health_outcomes",
    "leaver_outcomes",
    "missing",
    "adoption_decisions",
    "placed_for_adoption",
    "previous_permanence",
    "social_worker_episodes",
    "deprivations_of_liberty",
)
"""The kinds of evidence (CaseRecord fields) an SSDA903 return holds."""


def _frozen_windows(value: Mapping[str, EvidenceWindow]) -> Mapping[str, EvidenceWindow]:
    out = dict(value)
    for kind, window in out.items():
        if not isinstance(window, EvidenceWindow):
            raise TypeError(f"Evidence.windows[{kind!r}] must be an EvidenceWindow")
    return types.MappingProxyType(out)


@attrs.frozen(kw_only=True)
class Evidence:
    """What a record's source can show: one :class:`EvidenceWindow` per kind of evidence.

    Kinds are :class:`~corparent.model.CaseRecord` field names (``"episodes"``, ``"reviews"``,
    ``"visits"``, ...). A kind not named takes ``default``. Hand-built records default to
    :meth:`complete` (everything known), so they behave as they always have.

    Attributes:
        windows: The window of each named kind.
        default: The window of every kind not named.
        source: Where the evidence came from, in words (e.g. ``"SSDA903 2023-24"``).
    """

    windows: Mapping[str, EvidenceWindow] = attrs.field(
        factory=dict, converter=_frozen_windows, eq=False, repr=False
    )
    default: EvidenceWindow = ALL_KNOWN
    source: str = ""
    _key: tuple[tuple[str, EvidenceWindow], ...] = attrs.field(init=False, repr=False)
    _complete: bool = attrs.field(init=False, repr=False, eq=False)

    @_key.default
    def _make_key(self) -> tuple[tuple[str, EvidenceWindow], ...]:
        return tuple(sorted(self.windows.items()))

    @_complete.default
    def _make_complete(self) -> bool:
        # Worked out once: the engine asks it of every record it schedules.
        return self.default.is_complete and all(w.is_complete for w in self.windows.values())

    def __reduce__(self) -> tuple[Any, tuple[type, dict[str, Any]]]:
        # The windows are a read-only mapping, which does not pickle: rebuild from the fields.
        return reduce_by_init(self)

    def window(self, kind: str) -> EvidenceWindow:
        """The window of ``kind`` (a CaseRecord field name)."""
        return self.windows.get(kind, self.default)

    @property
    def is_complete(self) -> bool:
        """True when every kind is completely known (a hand-built record)."""
        return self._complete

    @classmethod
    def complete(cls) -> Evidence:
        """Everything known: the default for records built by hand."""
        return COMPLETE

    @classmethod
    def ssda903(
        cls,
        start: dt.date,
        end: dt.date,
        *,
        kinds: Iterable[str] = SSDA903_KINDS,
        source: str = "",
    ) -> Evidence:
        """The evidence of SSDA903 returns covering ``start`` to ``end`` (inclusive).

        Episodes, reviews and the other 903 tables are known over the window; visits, health
        assessments, PEPs, plans and every other kind are not held at all.
        """
        window = EvidenceWindow(start=start, end=end)
        name = source or f"SSDA903 {start.isoformat()} to {end.isoformat()}"
        return cls(windows=dict.fromkeys(kinds, window), default=NOT_HELD, source=name)

    def describe(self) -> str:
        """Each kind's window in words, one per line (complete records say so)."""
        if self.is_complete:
            return "complete history"
        lines = [f"{kind}: {w.describe()}" for kind, w in sorted(self.windows.items())]
        lines.append(f"everything else: {self.default.describe()}")
        return "\n".join(lines)


COMPLETE = Evidence()
