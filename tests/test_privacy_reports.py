"""Failure reports never print a date of birth: hypothesis pretty-prints model objects (and
problems) through their repr, which leaves out every identifying field."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.vendor.pretty import pretty

import corparent as cp
from corparent.testing import case_records

DOB = dt.date(2010, 2, 17)


def child() -> cp.Child:
    return cp.Child(id="C1", date_of_birth=DOB, upn="A123456789012", mother_child_date_of_birth=DOB)


def test_pretty_printing_uses_the_repr() -> None:
    record = cp.CaseRecord(child=child())
    text = pretty(record)
    assert text == repr(record)
    assert "C1" in text
    for secret in ("2010", "date_of_birth", "A123456789012"):
        assert secret not in text
    problem = cp.Problem(code="bad_date", message="DOB is wrong", value="17/02/2010", personal=True)
    assert "17/02/2010" not in pretty(problem)


def test_every_model_class_has_the_hook() -> None:
    import attrs

    from corparent import model

    classes = [getattr(model, n) for n in model.__all__]
    attrs_classes = [c for c in classes if isinstance(c, type) and attrs.has(c)]
    assert len(attrs_classes) > 30
    assert all(hasattr(c, "_repr_pretty_") for c in attrs_classes)


def test_a_failing_property_test_does_not_print_dates_of_birth() -> None:
    seen: list[dt.date] = []

    @settings(max_examples=5, database=None, derandomize=True)
    @given(record=case_records(), n=st.integers(0, 3))
    def always_fails(record: cp.CaseRecord, n: int) -> None:
        seen.append(record.child.date_of_birth)
        raise AssertionError("deliberate")

    with pytest.raises(AssertionError) as failure:
        always_fails()
    report = "\n".join(getattr(failure.value, "__notes__", []))
    assert "always_fails(" in report
    assert "CaseRecord(child=Child(id=" in report
    assert seen
    for dob in seen:
        assert dob.isoformat() not in report
        assert f"datetime.date({dob.year}, {dob.month}, {dob.day})" not in report
