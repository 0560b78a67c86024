"""Pickling frozen classes that hold a read-only mapping.

A class that keeps a mapping read-only (``types.MappingProxyType``, made by its converter)
cannot be pickled or deep-copied field by field: a mapping proxy does not pickle. Such a class
pickles as the call that rebuilds it, its ``__init__`` with its own field values, so the
converter makes the read-only mapping again on the other side. Records must pickle to reach
the worker processes of a parallel run where processes are spawned rather than forked
(Windows), and to be deep-copied.
"""

from __future__ import annotations

import types
from typing import Any

import attrs

__all__ = ["reduce_by_init"]


def reduce_by_init(obj: Any) -> tuple[Any, tuple[type, dict[str, Any]]]:
    """``obj.__reduce__()`` for an attrs instance: rebuild it from its ``__init__`` fields."""
    cls = type(obj)
    fields = {a.alias: _plain(getattr(obj, a.name)) for a in attrs.fields(cls) if a.init}
    return _rebuild, (cls, fields)


def _plain(value: Any) -> Any:
    """A read-only mapping as a dict (which pickles); any other value as it is."""
    return dict(value) if isinstance(value, types.MappingProxyType) else value


def _rebuild(cls: type, fields: dict[str, Any]) -> Any:
    return cls(**fields)
