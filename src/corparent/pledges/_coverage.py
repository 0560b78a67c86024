"""Which of the seven principles a pledge covers, and a council-by-principle comparison."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from corparent.pledges._model import Commitment, CouncilCommitment, Pledge
from corparent.principles import Principle

__all__ = ["Coverage", "compare", "coverage", "reporting_calendar"]


@attrs.frozen(kw_only=True)
class Coverage:
    """A pledge's commitments by principle.

    Attributes:
        council: The council.
        by_principle: For each of the seven principles, the commitments that serve it.
    """

    council: str
    by_principle: Mapping[Principle, tuple[Commitment | CouncilCommitment, ...]]

    @property
    def gaps(self) -> tuple[Principle, ...]:
        """The principles no commitment serves."""
        return tuple(p for p in Principle if not self.by_principle[p])

    def counts(self) -> dict[Principle, int]:
        """How many commitments serve each principle."""
        return {p: len(c) for p, c in self.by_principle.items()}


def coverage(pledge: Pledge) -> Coverage:
    """The commitments (the pledge's own and the council-wide ones) serving each principle
    (CSWA 2017 s.1(1)(a)-(g)), gaps included."""
    by: dict[Principle, list[Commitment | CouncilCommitment]] = {p: [] for p in Principle}
    every: list[Commitment | CouncilCommitment] = [*pledge.commitments, *pledge.council_commitments]
    for commitment in every:
        for principle in {link.principle for link in commitment.principles}:
            by[principle].append(commitment)
    return Coverage(council=pledge.council, by_principle={p: tuple(c) for p, c in by.items()})


def compare(pledges: Iterable[Pledge]) -> dict[str, dict[Principle, int]]:
    """A council × principle table of commitment counts."""
    return {p.council: coverage(p).counts() for p in pledges}


def reporting_calendar(
    pledge: Pledge, start: dt.date, end: dt.date
) -> tuple[tuple[dt.date, CouncilCommitment], ...]:
    """What the council-wide commitments bring to the Corporate Parenting Committee, and when."""
    items = [
        (day, c) for c in pledge.council_commitments for day in c.cadence.occurrences(start, end)
    ]
    return tuple(sorted(items, key=lambda item: (item[0], item[1].id)))
