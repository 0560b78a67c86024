"""Parse the values councils' databases and CSV exports hold: dates as ``date``, ``datetime`` or
text, flags as 0/1, Y/N, yes/no or true/false. Each parser returns ``(value, None)`` or
``(None, what was expected)``: callers report the second as a problem."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corparent.io.ssda903 import parse_date

__all__ = ["as_date", "as_flag", "as_text"]

_ISO_CACHE: dict[str, dt.date | None] = {}
_DATE = "a date (YYYY-MM-DD or dd/mm/YYYY)"
_FLAG = "a flag (1/0, Y/N, yes/no, true/false)"
_TRUE = frozenset({"1", "y", "yes", "true", "t"})
_FALSE = frozenset({"0", "n", "no", "false", "f"})


def as_text(value: Any) -> str | None:
    """Text with surrounding space removed; ``None`` for NULL or blank. Whole numbers (an id
    stored as an integer) become their digits."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        return text or None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() or None


def as_date(value: Any) -> tuple[dt.date | None, str | None]:
    """A date from a ``date``, a ``datetime`` (its day) or text (ISO with an optional time, or
    dd/mm/YYYY); ``(None, None)`` for NULL or blank."""
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if not isinstance(value, str):
        return None, _DATE
    cached = _ISO_CACHE.get(value, ...)
    if cached is ...:
        text = value.strip()
        if not text:
            return None, None
        cached = None
        if len(text) >= 10 and text[4] == "-":
            try:
                cached = dt.date.fromisoformat(text[:10])
            except ValueError:
                cached = None
            if cached is not None and len(text) > 10 and text[10] not in " T":
                cached = None
        else:
            cached = parse_date(text)
        if len(_ISO_CACHE) < 500_000:
            _ISO_CACHE[value] = cached
    if cached is None:
        return None, _DATE
    return cached, None


def as_flag(value: Any) -> tuple[bool | None, str | None]:
    """A yes/no flag; ``(None, None)`` for NULL or blank."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        return value, None
    if isinstance(value, int) and value in (0, 1):
        return bool(value), None
    text = str(value).strip().lower()
    if not text:
        return None, None
    if text in _TRUE:
        return True, None
    if text in _FALSE:
        return False, None
    return None, _FLAG
