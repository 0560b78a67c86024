"""The corparent exception family and :class:`Problem`, the unit of bad-input reporting.

Every exception the library raises on purpose derives from :class:`CorparentError`, so a
caller can catch one class. Errors that describe bad data carry a tuple of :class:`Problem`
values, one per thing that is wrong, so a user sees *every* problem at once rather than the
first.

Messages never contain personal data: they name a child by record id, a file by path, a row by
number and a field by name. A :class:`Problem` may carry the offending *value* (for a code or a
date that failed to parse) but that value is only shown by :meth:`Problem.describe` when the
field is not marked personal (see ``personal``).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "CodeError",
    "ConfigError",
    "CorparentError",
    "FieldTypeError",
    "LoadError",
    "Problem",
    "RecordError",
]


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
        value: The offending raw value, if it may be shown.
        expected: What would have been accepted.
        personal: True when ``value`` could identify a child (a date of birth, a name, a
            postcode). Such values are never included in :meth:`describe`.
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
            parts.append(f"child {self.record_id}")
        if self.path is not None:
            parts.append(self.path)
        return ", ".join(parts)

    def describe(self) -> str:
        """The full one-line description: location, message, value (if shareable), expectation."""
        text = self.message
        if self.value is not None and not self.personal:
            text += f" (got {self.value!r})"
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
    """A case record contradicts itself (design.md §5).

    ``problems`` lists every inconsistency found, each with its field path.
    """

    headline = "case record is inconsistent"


class LoadError(_ProblemsError):
    """Input files could not be read as asked; each problem names file, row, column and value."""

    headline = "could not load input"


class ConfigError(_ProblemsError, ValueError):
    """A pledge, policy or configuration is invalid; each problem names the file and key path."""

    headline = "invalid configuration"


class FieldTypeError(CorparentError, TypeError):
    """A model object was given a value of the wrong type for a field (e.g. a ``dict`` where a
    ``Review`` belongs); the message names the class, the field and what was expected.

    .. versionadded:: 0.1
    """


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
