"""Lossless JSON round trip of every model class (cattrs)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings

from corparent.errors import LoadError
from corparent.model import Caseload, CaseRecord, Child, from_json, to_dict, to_json
from corparent.testing import case_records


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=case_records())
def test_json_round_trip(record: CaseRecord) -> None:
    assert from_json(to_json(record), CaseRecord) == record


def test_dates_and_codes_are_plain_strings() -> None:
    data = to_dict(Child(id="C1", date_of_birth=dt.date(2010, 5, 1)))
    assert data == {"id": "C1", "date_of_birth": "2010-05-01"}  # defaults are left out


def test_caseload_round_trip() -> None:
    from corparent import synth

    caseload = synth.generate(20, seed=8)
    assert from_json(to_json(caseload), Caseload) == caseload


def test_bad_json_names_the_key_path() -> None:
    with pytest.raises(LoadError) as info:
        from_json('{"child": {"id": "C1", "date_of_birth": "2010-13-01"}}', CaseRecord)
    assert info.value.problems[0].path == "child.date_of_birth"
    with pytest.raises(LoadError, match="not JSON"):
        from_json("{", CaseRecord)
