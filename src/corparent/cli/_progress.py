"""A progress bar on standard error, shown only when standard error is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["ProgressBar", "progress_for"]


class ProgressBar:
    """Draws ``[#####.....]  45%  4,500/10,000 children`` in place; call it as a progress hook.

    Redraws at most ten times a second and always on completion; writes a newline at the end.
    """

    def __init__(self, stream: TextIO, *, label: str = "children", width: int = 30) -> None:
        self._stream = stream
        self._label = label
        self._width = width
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        finished = done >= total
        if not finished and now - self._last < 0.1:
            return
        self._last = now
        fraction = done / total if total else 1.0
        filled = int(fraction * self._width)
        bar = "#" * filled + "." * (self._width - filled)
        self._stream.write(
            f"\r[{bar}] {fraction:4.0%}  {done:,}/{total:,} {self._label}"
            + ("\n" if finished else "")
        )
        self._stream.flush()


def progress_for(stream: TextIO | None = None, *, enabled: bool = True) -> ProgressBar | None:
    """A :class:`ProgressBar` on ``stream`` (default stderr) if it is a TTY, else None."""
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    if not enabled or isatty is None or not isatty():
        return None
    return ProgressBar(stream)
