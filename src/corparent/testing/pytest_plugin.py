"""A pytest plugin: when an assertion compares two corparent model objects, pytest's
explanation names the fields that differ and shows only the values a repr may show, never a
date of birth, UPN or postcode (fields declared ``repr=False``). Without it, pytest drills into
attrs objects and prints every differing value.

Turn it on in your ``conftest.py``::

    pytest_plugins = ["corparent.testing.pytest_plugin"]
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["pytest_assertrepr_compare"]


def _is_model(value: object) -> bool:
    return type(value).__module__.startswith("corparent.model") and attrs.has(type(value))


def pytest_assertrepr_compare(
    config: Any, op: str, left: object, right: object
) -> list[str] | None:
    """The explanation of ``left == right`` for model objects, private by field."""
    if op != "==" or not (_is_model(left) and _is_model(right)) or type(left) is not type(right):
        return None
    lines = [f"{type(left).__name__} objects differ"]
    kind: Any = type(left)
    for field in attrs.fields(kind):
        if not field.eq:
            continue
        a, b = getattr(left, field.name), getattr(right, field.name)
        if a == b:
            continue
        if field.repr is False:
            lines.append(f"  {field.name}: differs (value not shown: it may be personal)")
        else:
            lines.append(f"  {field.name}: {a!r} != {b!r}")
    return lines
