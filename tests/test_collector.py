"""The bulk-work collector pause (corparent._gc): state restored, survivors promoted without a
walk, a program's own frozen objects left frozen."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from corparent._gc import PROMOTE_FROM, collector_paused, freeze_for_good, unfreeze
from corparent.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "data" / "ssda903"


class Made:
    """A tracked object (instances of Python classes are)."""


def _generation_of(obj: object) -> int | None:
    for generation in range(3):
        if any(o is obj for o in gc.get_objects(generation=generation)):
            return generation
    return None


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), collector_paused():
            raise RuntimeError
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_what_the_work_made_goes_straight_to_the_oldest_generation() -> None:
    unfreeze()  # what earlier tests' command-line runs froze in this process
    with collector_paused():
        bulk = [Made() for _ in range(PROMOTE_FROM)]
    assert _generation_of(bulk[-1]) == 2
    assert gc.get_freeze_count() == 0
    with collector_paused():  # small work: left to the collector as it comes
        made = Made()
    assert _generation_of(made) != 2


def test_a_programs_own_frozen_objects_stay_frozen() -> None:
    unfreeze()  # what earlier tests' command-line runs froze in this process
    kept = Made()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert _generation_of(kept) is None  # frozen: in no generation
        with collector_paused():
            made = Made()
            bulk = [Made() for _ in range(PROMOTE_FROM)]
        assert gc.get_freeze_count() == frozen
        assert _generation_of(kept) is None
        assert _generation_of(made) is not None  # ours is collected as usual
        assert len(bulk) == PROMOTE_FROM
    finally:
        gc.unfreeze()


def test_after_a_command_froze_its_load_the_work_is_frozen_too_and_still_freed() -> None:
    unfreeze()
    freeze_for_good()  # as the command line does with its load
    try:
        with collector_paused():
            bulk = [Made() for _ in range(PROMOTE_FROM)]
        assert _generation_of(bulk[-1]) is None  # frozen: no collection walks it
        survivor = weakref.ref(bulk[-1])
        del bulk
        assert survivor() is None  # reference counting frees frozen objects all the same
    finally:
        unfreeze()


def test_after_the_command_the_program_collects_as_before(tmp_path: Path) -> None:
    unfreeze()
    assert main(["check", str(EXAMPLE), "--as-of", "2024-03-31", "--fail-on", "never",
                 "--no-plugins", "-o", str(tmp_path / "f.csv")]) == 0  # fmt: skip
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0  # the command froze its load for good ...
        with collector_paused():
            bulk = [Made() for _ in range(PROMOTE_FROM)]
        # ... but once it is over, later work is no longer frozen with it
        assert gc.get_freeze_count() == frozen
        assert _generation_of(bulk[-1]) is not None
    finally:
        unfreeze()
