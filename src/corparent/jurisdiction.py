"""The UK nation whose law governs a council's duties to a child.

Jurisdiction belongs to the **responsible authority**, not to where the child lives: an English
council placing a child in Scotland keeps England's duties, and a Scottish council's child
placed in England stays under Scottish law. Each nation has its own bank holidays.

>>> from corparent.jurisdiction import Jurisdiction
>>> Jurisdiction.parse("ni") is Jurisdiction.NORTHERN_IRELAND
True
>>> Jurisdiction.SCOTLAND.calendar.name
'Scotland'
"""

from __future__ import annotations

import enum
from typing import Self

from corparent.dates import ENGLAND_AND_WALES, NORTHERN_IRELAND, SCOTLAND, WorkingDayCalendar
from corparent.errors import CodeError

__all__ = ["Jurisdiction"]


class Jurisdiction(enum.Enum):
    """One of the four UK nations, as the law a responsible authority works under."""

    title: str
    aliases: tuple[str, ...]

    def __new__(cls, value: str, title: str, aliases: tuple[str, ...]) -> Self:
        obj = object.__new__(cls)
        obj._value_ = value
        obj.title = title
        obj.aliases = aliases
        return obj

    ENGLAND = ("england", "England", ("eng", "en"))
    WALES = ("wales", "Wales", ("wal", "cymru", "cy"))
    SCOTLAND = ("scotland", "Scotland", ("sct", "scot"))
    NORTHERN_IRELAND = (
        "northern_ireland",
        "Northern Ireland",
        ("ni", "nir", "northern-ireland", "northern ireland"),
    )

    @property
    def calendar(self) -> WorkingDayCalendar:
        """The nation's bank holidays (England and Wales share one list)."""
        if self is Jurisdiction.SCOTLAND:
            return SCOTLAND
        if self is Jurisdiction.NORTHERN_IRELAND:
            return NORTHERN_IRELAND
        return ENGLAND_AND_WALES

    @classmethod
    def parse(cls, text: str) -> Jurisdiction:
        """A jurisdiction from its value, title or a short alias (case-insensitive).

        Raises:
            CodeError: ``text`` names no UK nation.
        """
        key = str(text).strip().lower()
        for member in cls:
            if key in (member.value, member.title.lower(), *member.aliases):
                return member
        raise CodeError(
            "Jurisdiction", str(text), "england, wales, scotland or northern-ireland (ni)"
        )
