"""Trusted construction: build model objects from values a loader has already checked.

Every public constructor converts and validates each field (codes from strings, events sorted,
types checked). A loader that has already parsed each value into its final type pays for that
work twice. :func:`trusted_maker` compiles, once per class, a function that sets the slots of
a new instance directly: no converters, no validators, no ``__attrs_post_init__``. It is for
corparent's own loaders, whose output is held equal to the checked constructors' by a test;
hand-built records always go through the checked constructors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["RECORD_SORT_KEYS", "trusted_maker"]

T = TypeVar("T")


def trusted_maker(cls: type[T]) -> Callable[..., T]:
    """A function ``make(**fields)`` building ``cls`` from keyword arguments, each field not
    given at its default, trusting every value to be of the field's final type (converted,
    sorted where the field sorts, valid). A field without a default must be given.
    """
    fields = attrs.fields(cls)  # type: ignore[arg-type]
    # Each slot's own descriptor sets it (twice as fast as ``object.__setattr__`` by name).
    scope: dict[str, Any] = {"_new": object.__new__, "cls": cls, "_MISSING": _MISSING}
    params: list[str] = []
    body = ["    self = _new(cls)"]
    for field in fields:
        name = field.name
        scope[f"_set_{name}"] = getattr(cls, name).__set__
        default = field.default
        value = name.lstrip("_")
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:  # pragma: no cover - no model class has one
                raise TypeError(f"{cls.__name__}.{name}: a default that needs the instance")
            scope[f"_factory_{value}"] = default.factory
            if field.init:
                params.append(f"{value}=_MISSING")
                body.append(f"    if {value} is _MISSING: {value} = _factory_{value}()")
            else:
                body.append(f"    {value} = _factory_{value}()")
        elif default is attrs.NOTHING:
            if not field.init:  # pragma: no cover - no model class has one
                raise TypeError(f"{cls.__name__}.{name}: no default and not an argument")
            params.append(value)
        else:
            scope[f"_default_{value}"] = default
            if field.init:
                params.append(f"{value}=_default_{value}")
            else:
                body.append(f"    {value} = _default_{value}")
        body.append(f"    _set_{name}(self, {value})")
    source = "\n".join([f"def make(*, {', '.join(params)}):", *body, "    return self"])
    exec(source, scope)  # field names only: our own classes' identifiers
    maker: Callable[..., T] = scope["make"]
    return maker


class _Missing:
    __slots__ = ()


_MISSING = _Missing()


def _record_sort_keys() -> dict[str, Callable[[Any], Any]]:
    from corparent.model._record import (
        _DATE,
        _SORT_DATE,
        _START,
        _YEAR,
        CaseRecord,
        _by_date,
        _by_sort_date,
        _by_start,
        _by_year,
    )

    key_of: dict[Any, Callable[[Any], Any]] = {
        _by_date: _DATE,
        _by_start: _START,
        _by_year: _YEAR,
        _by_sort_date: _SORT_DATE,
    }
    return {f.name: key_of[f.converter] for f in attrs.fields(CaseRecord) if f.converter in key_of}


RECORD_SORT_KEYS: dict[str, Callable[[Any], Any]] = _record_sort_keys()
"""For each event field of :class:`~corparent.model.CaseRecord`, the key its checked
constructor sorts by: a trusted caller sorts by the same key (a stable sort, as the
constructor's)."""
