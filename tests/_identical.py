"""Shared by the trusted-construction tests: an object built again through the checked
constructors, and a comparison that also requires equal types (a code string equals its enum
member, so equality alone would not catch a loader leaving a value unconverted)."""

from __future__ import annotations

import attrs


def rebuilt(value: object) -> object:
    """``value`` built again through its class's checked constructor (events and records)."""
    if isinstance(value, tuple):
        return tuple(rebuilt(v) for v in value)
    if not attrs.has(type(value)):
        return value
    given = {f.alias: rebuilt(getattr(value, f.name)) for f in attrs.fields(type(value)) if f.init}
    return type(value)(**given)


def assert_identical(made: object, checked: object, where: str) -> None:
    """Equal values of the same types, field by field (a code string equals its member)."""
    assert type(made) is type(checked), where
    if isinstance(made, tuple):
        assert len(made) == len(checked), where  # type: ignore[arg-type]
        for i, (a, b) in enumerate(zip(made, checked, strict=True)):  # type: ignore[call-overload]
            assert_identical(a, b, f"{where}[{i}]")
    elif attrs.has(type(made)):
        for f in attrs.fields(type(made)):
            if f.eq:
                assert_identical(getattr(made, f.name), getattr(checked, f.name), where)
    else:
        assert made == checked, where
