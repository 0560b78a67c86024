"""The Legal cases page is built from test docstrings: every case is documented in plain words,
without internal ids or references to research files users do not have."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

from legal_cases import cases  # noqa: E402

FILES = ("test_worked_examples.py", "test_law_audit.py")
_INTERNAL = re.compile(r"\bW\d{1,2}\b|§|reference/|duties\.md")


@pytest.mark.parametrize("name", FILES)
def test_every_case_is_documented_in_plain_words(name: str) -> None:
    path = ROOT / "tests" / name
    found = cases(path)
    tests = re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.MULTILINE)
    assert len(found) == len(tests)
    for title, text in found:
        assert title
        assert text
        assert not _INTERNAL.search(title + text), title


def test_law_texts_cite_no_internal_ids() -> None:
    from corparent.law import ENGLAND, Conventions

    for duty in ENGLAND:
        words = " ".join((duty.title, duty.applies_to, duty.notes, duty.citation.checked))
        assert not _INTERNAL.search(words), duty.id
    assert not _INTERNAL.search(Conventions.__doc__ or "")
