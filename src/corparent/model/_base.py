"""Small shared pieces of the model: field validators, converters and the two base classes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any, TypeVar

import attrs

from corparent.dates import require_date

__all__ = ["DatedEvent", "Period", "check_date", "check_optional_date", "sorted_tuple"]

T = TypeVar("T")
_D = dt.date


def check_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: ``value`` is a ``date`` and not a ``datetime``."""
    if value.__class__ is not _D:
        require_date(value, attribute.name)


def check_optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: ``value`` is ``None`` or a ``date`` (not a ``datetime``)."""
    if value is not None and value.__class__ is not _D:
        require_date(value, attribute.name)


def check_type(
    kind: type | tuple[type, ...],
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """attrs validator factory: ``value`` is an instance of ``kind`` (or ``None`` if allowed)."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise TypeError(
                f"{type(instance).__name__}.{attribute.name} must be "
                f"{getattr(kind, '__name__', kind)}, not {type(value).__name__}"
            )

    return validate


def sorted_tuple(key: str) -> Callable[[Iterable[T]], tuple[T, ...]]:
    """A converter: any iterable to a tuple sorted (stably) by attribute ``key``."""
    get = attrgetter(key)

    def convert(values: Iterable[T]) -> tuple[T, ...]:
        return tuple(sorted(values, key=get))

    return convert


@attrs.frozen(kw_only=True)
class DatedEvent:
    """Something that happened on one day to (or for) the child.

    Attributes:
        date: The day it happened.
    """

    date: dt.date = attrs.field(validator=check_date)


@attrs.frozen(kw_only=True)
class Period:
    """A fact that holds from ``start`` to ``end`` (both inclusive; ``end=None``: still holds).

    Attributes:
        start: The first day the fact holds.
        end: The last day it holds, or ``None`` if it still does.
    """

    start: dt.date = attrs.field(validator=check_date)
    end: dt.date | None = attrs.field(default=None, validator=check_optional_date)

    def covers(self, day: dt.date) -> bool:
        """True if the fact holds on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)
