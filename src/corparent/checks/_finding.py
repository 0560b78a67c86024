"""What a check reports: :class:`Finding`, graded by :class:`Severity`."""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Iterable

import attrs

from corparent.dates import require_date
from corparent.errors import CodeError
from corparent.law import Force
from corparent.principles import Principle

__all__ = ["Crash", "Finding", "Severity"]


@functools.total_ordering
class Severity(enum.Enum):
    """How much a finding matters, ordered ``INFO < WARNING < ERROR``.

    ``ERROR`` is a breach of a statutory duty (regulation or statute); ``WARNING`` a departure
    from statutory guidance or a gap in the data; ``INFO`` something worth knowing, such as a
    duty falling due soon.

    .. versionadded:: 0.1
    """

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for ``INFO``, 1 for ``WARNING``, 2 for ``ERROR``."""
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    @classmethod
    def parse(cls, text: str) -> Severity:
        """``"error"``, ``"ERROR"`` or ``" Warning "`` to a member.

        Raises:
            CodeError: ``text`` names no severity.
        """
        key = text.strip().lower()
        for member in cls:
            if member.value == key:
                return member
        raise CodeError("Severity", text, "one of info, warning, error")


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def _principles(values: Iterable[Principle]) -> tuple[Principle, ...]:
    return tuple(values)


def _optional_date(
    instance: object, attribute: attrs.Attribute[dt.date | None], value: dt.date | None
) -> None:
    if value is not None:
        require_date(value, attribute.name)


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a check found about one child, free of personal data.

    Attributes:
        check_id: The id of the check that reported it (e.g. ``"builtin.compliance.overdue"``).
        severity: How much it matters.
        child_id: The child's record id (never a name or date of birth).
        message: One sentence for a person.
        duty_id: The duty concerned, for findings about a statutory or local duty.
        due: The date the duty fell due.
        days_overdue: Days past ``due``: on the run's ``as_of`` date for an overdue duty, on the
            day it was met for a duty met late.
        citation: The provision the duty comes from, e.g. ``"CPPCR 2010 reg 28(2)(a)"``.
        principles: The corporate parenting principles (CSWA 2017 s.1) the duty serves.
        force: The legal force of the duty (statute, regulation, statutory guidance, local).
        code: A machine-readable sub-kind (an integrity problem code, an obligation status).

    .. versionadded:: 0.1
    """

    check_id: str
    severity: Severity
    child_id: str
    message: str
    duty_id: str | None = None
    due: dt.date | None = attrs.field(default=None, validator=_optional_date)
    days_overdue: int | None = None
    citation: str | None = None
    principles: tuple[Principle, ...] = attrs.field(default=(), converter=_principles)
    force: Force | None = None
    code: str | None = None

    def sort_key(self) -> tuple[str, int, str, str, dt.date, str]:
        """Child, most severe first, check, duty, due date, message: a stable report order."""
        return (
            self.child_id,
            -self.severity.rank,
            self.check_id,
            self.duty_id or "",
            self.due or dt.date.min,
            self.message,
        )


_SET = {f.name: vars(Finding)[f.name].__set__ for f in attrs.fields(Finding)}
_S_CHECK, _S_SEVERITY, _S_CHILD, _S_MESSAGE, _S_DUTY, _S_DUE, _S_DAYS = (
    _SET[name]
    for name in ("check_id", "severity", "child_id", "message", "duty_id", "due", "days_overdue")
)
_S_CITATION, _S_PRINCIPLES, _S_FORCE, _S_CODE = (
    _SET[name] for name in ("citation", "principles", "force", "code")
)
assert len(_SET) == 11, "set each field of Finding in _made"
_new = object.__new__


def _made(
    check_id: str,
    severity: Severity,
    child_id: str,
    message: str,
    duty_id: str | None,
    due: dt.date | None,
    days_overdue: int | None,
    citation: str | None,
    principles: Iterable[Principle],
    force: Force | None,
    code: str | None,
) -> Finding:
    """``Finding(check_id=..., ...)`` with its slots set directly, as the checks and the runner
    make 115,000 of them on 100,000 children: the same object, ``due`` checked and
    ``principles`` made a tuple as the constructor does, at a third of its cost."""
    if due is not None and due.__class__ is not dt.date:
        require_date(due, "due")
    finding: Finding = _new(Finding)
    _S_CHECK(finding, check_id)
    _S_SEVERITY(finding, severity)
    _S_CHILD(finding, child_id)
    _S_MESSAGE(finding, message)
    _S_DUTY(finding, duty_id)
    _S_DUE(finding, due)
    _S_DAYS(finding, days_overdue)
    _S_CITATION(finding, citation)
    _S_PRINCIPLES(finding, principles if principles.__class__ is tuple else tuple(principles))
    _S_FORCE(finding, force)
    _S_CODE(finding, code)
    return finding


@attrs.frozen(kw_only=True)
class Crash:
    """A check raised an exception for one child: reported, never skipped silently.

    Attributes:
        check_id: The check that raised.
        child_id: The record it was checking.
        error: The exception's type name, e.g. ``"KeyError"``.
        message: The exception's text (kept out of reports: it may quote data).

    .. versionadded:: 0.1
    """

    check_id: str
    child_id: str
    error: str
    message: str = attrs.field(default="", repr=False)
