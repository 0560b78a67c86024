"""The loaders' trusted construction path builds exactly what the checked constructors build.

Loaders parse every value into its final type and then set it without converting or validating
again (``corparent.model._trusted``). These tests rebuild every loaded record, and every event
in it, through the public checked constructors (validators on) and require equal objects with
equal integrity problems: a loader value of the wrong type, unsorted events or a missed default
would show here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _identical import assert_identical, rebuilt
from corparent import synth
from corparent.io.ssda903 import load
from corparent.model import CaseRecord, Episode, Review
from corparent.model._trusted import RECORD_SORT_KEYS, trusted_maker

EXAMPLES = Path(__file__).parent.parent / "examples" / "data"


def _assert_same_as_checked(folder: Path, **options: object) -> int:
    loaded = load(folder, **options)  # type: ignore[arg-type]
    for record in loaded.caseload:
        checked, problems = CaseRecord.build(
            **{
                f.alias: rebuilt(getattr(record, f.name))
                for f in attrs.fields(CaseRecord)
                if f.init
            }
        )
        assert checked == record, record.id
        assert_identical(record, checked, record.id)
        assert problems == record.problems(), record.id
    return len(loaded.caseload)


def test_the_bundled_return_and_its_previous_years_load_as_the_checked_path_builds() -> None:
    previous = sorted((EXAMPLES / "ssda903-previous").iterdir(), reverse=True)
    assert _assert_same_as_checked(EXAMPLES / "ssda903", previous=previous) >= 240


def test_a_faulty_real_shaped_return_loads_as_the_checked_path_builds(tmp_path: Path) -> None:
    history = synth.history(300, seed=41)
    folders = list(synth.write_returns(history, tmp_path, previous=1).values())
    assert _assert_same_as_checked(folders[0], previous=folders[1:]) > 200


def test_unknown_or_missing_fields_are_refused() -> None:
    make = trusted_maker(Episode)
    with pytest.raises(TypeError):
        make(start=dt.date(2020, 1, 1), colour="red")
    with pytest.raises(TypeError):
        make(start=dt.date(2020, 1, 1))  # legal_status, placement, reason_new have no default


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)), max_size=8))
def test_trusted_records_sort_events_as_the_checked_constructor(days: list[dt.date]) -> None:
    reviews = [Review(date=day) for day in days]
    child = synth.generate(1, seed=1).records[0].child
    made = sorted(reviews, key=RECORD_SORT_KEYS["reviews"])
    trusted = trusted_maker(CaseRecord)(child=child, reviews=tuple(made))
    assert trusted == CaseRecord.unchecked(child=child, reviews=reviews)
