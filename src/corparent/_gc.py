"""Bulk work and the cyclic garbage collector.

Loading a caseload or checking it makes millions of small objects that hold no reference
cycles and mostly live on. With the collector running, each of its passes walks every object
made so far, to find no garbage: about half of a 100,000-child load. Turned off for the work
and simply turned on again, it walks them all on its first passes afterwards (young
generation, then middle, then old: three walks, a second or more at that scale).

:func:`collector_paused` turns it off for the work and, on the way out, moves everything that
survived straight into the oldest generation (``gc.freeze()`` then ``gc.unfreeze()``: no walk),
where the next full collection, due only once the heap has grown by a quarter, looks at it once.
The move is made only after bulk work (over :data:`PROMOTE_FROM` new objects: small work
leaves the collector as it was, garbage included), and only if the program has frozen no objects
of its own (``gc.get_freeze_count() > 0``, e.g. a server before forking): those stay frozen.
The collector is left enabled or disabled as it was.

A one-shot command freezes what it loaded for good (:func:`freeze_for_good`). A pause after
that freezes what its work made too (the checks' findings: the command keeps them to its end)
instead of leaving them to the young collection due as soon as the collector is back on (a
walk of every finding and the objects made with it, 0.05 s after the checks of 100,000
children), and never counts the frozen objects (``gc.get_freeze_count()`` walks them all,
0.12 s after a 100,000-child load). Frozen objects are still freed by reference counting when
no longer used; only reference cycles among them, which this work does not make, would stay.
When the command is over (:func:`command_over`, called by ``corparent.cli.main``), later pauses
in the same process leave what they make to the collector again.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["PROMOTE_FROM", "collector_paused", "command_over", "freeze_for_good", "unfreeze"]

PROMOTE_FROM = 100_000
"""New tracked objects from which a pause ends by promoting them (a walk of fewer costs little;
counting a program's frozen objects costs a walk of those)."""

_froze_for_good = False  # set by freeze_for_good: there are frozen objects (no need to count)


def freeze_for_good() -> None:
    """Move every tracked object into the permanent generation, for the rest of the process (a
    command's loaded records, which live to its end): no collection walks them again."""
    global _froze_for_good
    gc.freeze()
    _froze_for_good = True


def command_over() -> None:
    """The command that called :func:`freeze_for_good` has finished: what it froze stays frozen,
    but later pauses in this process (a program or a test that called ``corparent.cli.main``
    and goes on) no longer freeze what they make; they leave it to the collector again."""
    global _froze_for_good
    _froze_for_good = False


def unfreeze() -> None:
    """``gc.unfreeze()``, forgetting :func:`freeze_for_good` (for tests running commands)."""
    global _froze_for_good
    gc.unfreeze()
    _froze_for_good = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off while the ``with`` block runs; what it made is then promoted to the
    oldest generation without a walk (see the module notes)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # The youngest generation's count is what the work made (the collector was off).
        if gc.get_count()[0] >= PROMOTE_FROM:
            if _froze_for_good:
                gc.freeze()  # kept to the command's end with its load (see the module notes)
            elif gc.get_freeze_count() == 0:  # else the program's frozen objects stay frozen
                gc.freeze()  # every tracked object into the permanent generation ...
                gc.unfreeze()  # ... and back, into the oldest one
        if was_enabled:
            gc.enable()
