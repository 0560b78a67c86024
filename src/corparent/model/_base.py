"""Small shared pieces of the model: field validators, converters and the two base classes."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any, TypeVar

import attrs

from corparent.dates import require_date
from corparent.errors import CodeError, FieldTypeError

__all__ = [
    "DatedEvent",
    "Period",
    "check_date",
    "check_optional_date",
    "check_type",
    "sorted_tuple",
    "to_code",
    "to_optional_code",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)
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
            hint = " (build it with its class, not a dict)" if isinstance(value, dict) else ""
            raise FieldTypeError(
                f"{type(instance).__name__}.{attribute.name} must be "
                f"{getattr(kind, '__name__', kind)}, not {type(value).__name__}{hint}"
            )

    return validate


def to_code(kind: type[E], value: object, where: str) -> E:
    """``value`` as a member of ``kind``: a member as it is, or a code string such as ``"C2"``
    (any case; for plain enums the value or the member name, e.g. ``"review"``).

    Raises:
        CodeError: a string that is not a code of ``kind``, naming ``where`` (``Class.field``).
        FieldTypeError: neither a member nor a string.
    """
    if value.__class__ is kind:
        return value
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        parse = getattr(kind, "parse", None)
        if parse is not None:
            try:
                member: E = parse(value)
            except CodeError as exc:
                raise CodeError(exc.code_list, exc.value, f"{exc.expected} for {where}") from None
            return member
        key = value.strip()
        for m in kind:
            if key.lower() in (str(m.value).lower(), m.name.lower()):
                return m
        expected = ", ".join(repr(m.value) for m in kind)
        raise CodeError(kind.__name__, value, f"one of {expected} for {where}")
    raise FieldTypeError(
        f"{where} must be a {kind.__name__} or its code as a string, not {type(value).__name__}"
    )


def to_optional_code(kind: type[E], value: object, where: str) -> E | None:
    """As :func:`to_code`, with ``None`` (and a blank string) kept as ``None``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return to_code(kind, value, where)


def repr_pretty(obj: object, printer: Any, cycle: bool) -> None:
    """``_repr_pretty_`` for model classes: the object's own ``repr``.

    Hypothesis (and IPython) pretty-print attrs classes field by field, ignoring
    ``repr=False``, so a failing property test would print a child's date of birth. With this
    hook they print the ``repr``, which leaves out every field that could identify a child.
    """
    printer.text("..." if cycle else repr(obj))


def hide_personal_fields_from_pretty_printers(classes: Iterable[object]) -> None:
    """Give every attrs class in ``classes`` the :func:`repr_pretty` hook."""
    for cls in classes:
        if isinstance(cls, type) and attrs.has(cls):
            cls._repr_pretty_ = repr_pretty  # type: ignore[attr-defined]


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
