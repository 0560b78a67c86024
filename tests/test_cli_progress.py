"""The progress bar appears on a terminal only."""

from __future__ import annotations

import io

from corparent.cli._progress import ProgressBar, progress_for


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_bar_when_not_a_terminal() -> None:
    assert progress_for(io.StringIO()) is None
    assert progress_for(FakeTerminal(), enabled=False) is None


def test_progress_bar_draws_in_place_and_ends_with_a_newline() -> None:
    stream = FakeTerminal()
    bar = progress_for(stream)
    assert isinstance(bar, ProgressBar)
    bar(0, 4)
    bar(4, 4)
    text = stream.getvalue()
    assert text.startswith("\r[")
    assert "4/4 children" in text
    assert text.endswith("\n")
    assert text.count("\n") == 1


def test_empty_run_is_complete() -> None:
    stream = FakeTerminal()
    ProgressBar(stream)(0, 0)
    assert "100%" in stream.getvalue()
