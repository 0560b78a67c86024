"""The corparent exception family and :class:`Problem`, the unit of bad-input reporting.

Every exception the library raises on purpose derives from :class:`CorparentError`, so a
caller can catch one class. Errors that describe bad data carry a tuple of :class:`Problem`
values, one per thing that is wrong, so a user sees *every* problem at once rather than the
first.

Messages never contain personal data: they name a child by record id, a file by path, a row by
number and a field by name. A :class:`Problem` may carry the offending *value*, but privacy goes
by value, not by column name: a row shifted by one field puts a date of birth under ``SEX``, so
:meth:`Problem.describe` shows only the value's *shape* (:func:`shape`: "a date",
"13 characters", ``A9`` for ``C9``) unless the caller asks for values explicitly
(``describe(show_values=True)``, ``--show-values`` on the command line).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

__all__ = [
    "CodeError",
    "ConfigError",
    "CorparentError",
    "DateRangeError",
    "FieldTypeError",
    "LoadError",
    "OutputError",
    "Problem",
    "RecordError",
    "RecordTypeError",
    "redact",
    "shape",
]

_DATE_LIKE = re.compile(r"\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,4}")
_SHORT = 8


def shape(value: str) -> str:
    """A description of ``value`` that never repeats it: safe to print whatever the value is.

    Dates (or anything shaped like one) are "a date"; long values give their length; short ones
    their pattern, letters as ``A``, digits as ``9``, other characters as ``?``.

    >>> shape("21/09/2011"), shape("A123456789012"), shape("C9"), shape("")
    ('a value shaped like a date', '13 characters', "a value shaped 'A9'", 'empty')
    """
    if not value:
        return "empty"
    if _DATE_LIKE.search(value):
        return "a value shaped like a date"
    if len(value) > _SHORT:
        return f"{len(value)} characters"
    pattern = "".join(
        "A" if c.isascii() and c.isalpha() else "9" if c in "0123456789" else "?" for c in value
    )
    return f"a value shaped {pattern!r}"


def redact(value: str | None, show_values: bool = False) -> str:
    """``value`` as a message may show it: its :func:`shape`, or (asked for explicitly) the
    value itself, escaped so control characters cannot reach a terminal."""
    if value is None:
        return "nothing"
    if show_values:
        return repr(value)
    return shape(value)


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with some input, located as precisely as the input allows.

    Attributes:
        code: A stable machine-readable name for the kind of problem
            (e.g. ``"episode_ends_before_start"``, ``"bad_date"``).
        message: One sentence for a person, free of personal data.
        record_id: The child's record id, when known.
        path: The field path inside a record (e.g. ``"episodes[2].end"``) or a key path inside a
            configuration file (e.g. ``"commitments[3].principles"``).
        file: The file the problem was found in, when input came from a file.
        row: The 1-based line number in ``file`` (the header is line 1).
        column: The column (field) name in ``file``.
        value: The offending raw value. :meth:`describe` shows only its shape unless asked.
        expected: What would have been accepted.
        personal: True when ``value`` came from a column that identifies a child (a date of
            birth, a UPN, a postcode). Kept for callers; :meth:`describe` hides every value
            by default whatever its column.
    """

    code: str
    message: str
    record_id: str | None = None
    path: str | None = None
    file: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = attrs.field(default=None, repr=False)
    expected: str | None = None
    personal: bool = False

    def _repr_pretty_(self, printer: object, cycle: bool) -> None:
        # Pretty-printers (hypothesis, IPython) ignore repr=False; print the repr instead.
        printer.text(repr(self))  # type: ignore[attr-defined]

    def location(self) -> str:
        """Where the problem is, e.g. ``episodes.csv, row 12, column DECOM, child C0042``."""
        parts: list[str] = []
        if self.file is not None:
            parts.append(self.file)
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column}")
        if self.record_id is not None:
            shown = self.record_id if self.record_id.isprintable() else shape(self.record_id)
            parts.append(f"child {shown}")
        if self.path is not None:
            parts.append(self.path)
        return ", ".join(parts)

    def describe(self, show_values: bool = False) -> str:
        """The full one-line description: location, message, the value's shape (or, with
        ``show_values``, the value itself, escaped), expectation.

        Args:
            show_values: Show raw values instead of their shapes. Only for a user who asked
                to see their own data (``--show-values``): values may be personal.
        """
        text = self.message
        if self.value is not None:
            text += f" (got {redact(self.value, show_values)})"
        if self.expected is not None:
            text += f"; expected {self.expected}"
        where = self.location()
        return f"{where}: {text}" if where else text


class CorparentError(Exception):
    """Base class of every error corparent raises on purpose."""


def _summarise(headline: str, problems: tuple[Problem, ...], limit: int = 50) -> str:
    lines = [f"{headline} ({len(problems)} problem{'s' if len(problems) != 1 else ''})"]
    lines.extend(f"  - {p.describe()}" for p in problems[:limit])
    if len(problems) > limit:
        lines.append(f"  ... and {len(problems) - limit} more")
    return "\n".join(lines)


class _ProblemsError(CorparentError):
    """An error that carries every :class:`Problem` found, not just the first."""

    headline = "invalid input"

    def __init__(self, problems: Iterable[Problem], headline: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        if headline is not None:
            self.headline = headline
        super().__init__(_summarise(self.headline, self.problems))


class RecordError(_ProblemsError, ValueError):
    """A case record contradicts itself.

    ``problems`` lists every inconsistency found, each with its field path.
    """

    headline = "case record is inconsistent"


class FieldTypeError(CorparentError, TypeError):
    """A model object was given a value of the wrong type for a field (e.g. a ``dict`` where a
    ``Review`` belongs); the message names the class, the field and what was expected.

    .. versionadded:: 0.1
    """


class RecordTypeError(RecordError, FieldTypeError):
    """A case record was given a value of the wrong type (e.g. ``episodes="abc"``, or a ``dict``
    where a ``Review`` belongs), with the field path in its problems.

    Also a :class:`FieldTypeError` and so a :class:`TypeError`, as attrs' own type checks are.
    """

    headline = "case record has a value of the wrong type"


class LoadError(_ProblemsError):
    """Input files could not be read as asked; each problem names file, row, column and value."""

    headline = "could not load input"


class ConfigError(_ProblemsError, ValueError):
    """A pledge, policy or configuration is invalid; each problem names the file and key path."""

    headline = "invalid configuration"


class OutputError(CorparentError, OSError):
    """An output file could not be written (missing folder, a folder in its place, disk full)."""


class DateRangeError(CorparentError, ValueError):
    """A date calculation was asked to go beyond the dates corparent can represent."""


class CodeError(CorparentError, ValueError):
    """A code is not a member of its code list (e.g. ``"C9"`` as a legal status).

    Attributes:
        code_list: The name of the code list (e.g. ``"LegalStatus"``).
        value: The rejected value.
        expected: A short description of what would have been accepted.
    """

    def __init__(self, code_list: str, value: str, expected: str) -> None:
        self.code_list = code_list
        self.value = value
        self.expected = expected
        super().__init__(f"{value!r} is not a {code_list} code; expected {expected}")
