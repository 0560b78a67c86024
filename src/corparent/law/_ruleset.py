"""A rule set: an immutable mapping of duty id to :class:`Duty`, with copy-on-write overlays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from corparent.errors import ConfigError, Problem
from corparent.jurisdiction import Jurisdiction
from corparent.law._conventions import Conventions
from corparent.law._duty import Duty

__all__ = ["RuleSet"]


def _index(duties: Iterable[Duty] | Mapping[str, Duty]) -> Mapping[str, Duty]:
    if isinstance(duties, Mapping):
        duties = duties.values()
    index: dict[str, Duty] = {}
    for duty in duties:
        if duty.id in index:
            raise ConfigError(
                [Problem(code="duplicate_duty", message="two duties share an id", path=duty.id)]
            )
        index[duty.id] = duty
    return index


@attrs.frozen
class RuleSet:
    """The duties that apply, by id. Immutable: every change returns a new rule set.

    Attributes:
        name: E.g. ``"England"``.
        duties: The duties, by id.
        jurisdiction: The nation whose law this is (every copy keeps it).
        conventions: How the nation's law is read by default (its calendar, its choices);
            ``schedule`` uses them when it is given none.
    """

    name: str
    duties: Mapping[str, Duty] = attrs.field(converter=_index)
    jurisdiction: Jurisdiction = attrs.field(default=Jurisdiction.ENGLAND, kw_only=True)
    conventions: Conventions = attrs.field(factory=Conventions, kw_only=True)
    _tightened: Mapping[str, tuple[Duty, ...]] = attrs.field(init=False, repr=False, eq=False)
    _has_local: bool = attrs.field(init=False, repr=False, eq=False)

    @_tightened.default
    def _local_by_statutory_id(self) -> Mapping[str, tuple[Duty, ...]]:
        out: dict[str, list[Duty]] = {}
        for duty in self.duties.values():
            if duty.tightens is not None:
                out.setdefault(duty.tightens, []).append(duty)
        return {k: tuple(v) for k, v in out.items()}

    @_has_local.default
    def _any_local(self) -> bool:
        return bool(self._tightened) or any(
            d.tightens is None and d.force.value == "local" for d in self.duties.values()
        )

    def __iter__(self) -> Iterator[Duty]:
        return iter(self.duties.values())

    def __len__(self) -> int:
        return len(self.duties)

    def __contains__(self, duty_id: object) -> bool:
        return duty_id in self.duties

    def __getitem__(self, duty_id: str) -> Duty:
        return self.duties[duty_id]

    def get(self, duty_id: str) -> Duty | None:
        """The duty with ``duty_id``, or ``None``."""
        return self.duties.get(duty_id)

    def ids(self) -> tuple[str, ...]:
        """Every duty id, in order."""
        return tuple(self.duties)

    def at(self, day: dt.date) -> RuleSet:
        """The duties with a version in force for a trigger on ``day``."""
        return attrs.evolve(
            self,
            name=f"{self.name} at {day.isoformat()}",
            duties=[d for d in self if d.version_at(day)],
        )

    def without(self, *duty_ids: str) -> RuleSet:
        """A copy without the given duties (unknown ids are an error)."""
        unknown = [i for i in duty_ids if i not in self.duties]
        if unknown:
            raise ConfigError(
                [
                    Problem(code="unknown_duty", message="no such duty in the rule set", path=i)
                    for i in unknown
                ]
            )
        return attrs.evolve(self, duties=[d for d in self if d.id not in duty_ids])

    def replace(self, duty: Duty) -> RuleSet:
        """A copy with ``duty`` in place of the duty with the same id (or added)."""
        duties = dict(self.duties)
        duties[duty.id] = duty
        return attrs.evolve(self, duties=duties.values())

    def with_duties(self, *duties: Duty) -> RuleSet:
        """A copy with extra duties (an id already present is an error)."""
        return attrs.evolve(self, duties=[*self, *duties])

    @property
    def has_local_standards(self) -> bool:
        """True if any duty is a local standard (a council's own)."""
        return self._has_local

    def tightening(self, duty_id: str) -> tuple[Duty, ...]:
        """The local duties that tighten ``duty_id``."""
        return self._tightened.get(duty_id, ())

    def with_standards(self, source: Any) -> RuleSet:
        """A copy with a council's local standards added beside the statutory duties.

        ``source`` is a pledge (anything with a ``standards`` attribute) or an iterable of
        :class:`~corparent.law.LocalStandard`. A standard may only tighten: one that would give
        a later due date than the duty it tightens is refused with a
        :class:`~corparent.errors.ConfigError` naming both.
        """
        from corparent.law._standards import apply_standards

        return apply_standards(self, source)
