"""The shape of the public API: the callable ``corparent.schedule`` package, citations,
identifier-like status values, constructors that explain bad input."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pickle
import sys
import types

import pytest

import corparent as cp
from corparent.schedule import Status

D = dt.date


def record() -> cp.CaseRecord:
    return cp.CaseRecord(
        child=cp.Child(id="C0042", date_of_birth=D(2009, 3, 15)),
        episodes=[
            cp.Episode(
                start=D(2023, 12, 22), legal_status=cp.LegalStatus.C2, placement=cp.PlacementType.U4
            )
        ],
        reviews=[cp.Review(date=D(2024, 1, 18))],
    )


def test_import_corparent_schedule_gives_the_module() -> None:
    import corparent.schedule as module

    assert isinstance(module, types.ModuleType)
    assert module is sys.modules["corparent.schedule"]
    assert module is importlib.import_module("corparent.schedule")
    assert cp.schedule is module
    assert module.Status is Status


def test_cp_schedule_is_still_the_function() -> None:
    from corparent.schedule import schedule

    as_of = D(2024, 3, 31)
    assert cp.schedule(record(), as_of) == schedule(record(), as_of)
    assert cp.schedule(record(), as_of=as_of, rules=cp.ENGLAND) == schedule(record(), as_of)
    assert inspect.signature(cp.schedule) == inspect.signature(schedule)
    assert pickle.loads(pickle.dumps(schedule)) is schedule
    assert pickle.loads(pickle.dumps(cp.schedule)) is cp.schedule
    with pytest.raises(TypeError):
        cp.schedule(record())  # type: ignore[call-arg]


def test_status_values_are_identifiers_and_labels_are_words() -> None:
    for status in Status:
        assert status.value == status.name.lower()
        assert status.value.isidentifier()
        assert status.label == status.value.replace("_", " ")
    assert Status.MET_LATE.value == "met_late"
    assert Status.MET_LATE.label == "met late"
    assert Status("met_late") is Status.MET_LATE


def test_obligation_citation_is_a_string_like_findings() -> None:
    [first] = cp.schedule(record(), D(2024, 3, 31)).by_duty()["review_first"]
    assert first.citation == "CPPCR 2010 reg 33(1)"
    assert first.citation == str(first.version.citation)
    assert isinstance(first.citation, str)
    run = cp.run_checks(
        cp.Caseload(
            records=[
                cp.CaseRecord(
                    child=cp.Child(id="C1", date_of_birth=D(2009, 1, 1)), episodes=record().episodes
                )
            ]
        ),
        as_of=D(2024, 3, 31),
    )
    cited = [f for f in run.findings if f.duty_id == "review_first"]
    assert cited
    assert all(isinstance(f.citation, str) for f in cited)
    assert cited[0].citation == first.citation
