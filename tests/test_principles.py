"""The seven corporate parenting principles (CSWA 2017 s.1)."""

from __future__ import annotations

import pytest

from corparent.errors import CodeError
from corparent.principles import IN_FORCE_FROM, UK_EQUIVALENTS, WHO_IS_COVERED, Principle


def test_seven_principles_in_statutory_order() -> None:
    assert [p.letter for p in Principle] == list("abcdefg")
    assert Principle.BEST_INTERESTS.citation == "Children and Social Work Act 2017 s.1(1)(a)"
    assert Principle.PREPARE_FOR_ADULTHOOD.citation.endswith("s.1(1)(g)")
    assert all(p.statutory_wording and p.plain_english for p in Principle)


@pytest.mark.parametrize("principle", list(Principle))
def test_parse_by_every_alias(principle: Principle) -> None:
    assert Principle.parse(principle.name) is principle
    assert Principle.parse(principle.name.lower()) is principle
    assert Principle.parse(principle.letter.upper()) is principle
    assert Principle.parse(principle.reference_id) is principle


def test_parse_rejects_unknown() -> None:
    with pytest.raises(CodeError, match="Principle"):
        Principle.parse("h")


def test_coverage_and_commencement() -> None:
    assert IN_FORCE_FROM.isoformat() == "2018-04-01"
    assert len(WHO_IS_COVERED) == 3
    assert "under 25" in WHO_IS_COVERED[2]


def test_uk_equivalents() -> None:
    nations = {e.nation: e for e in UK_EQUIVALENTS}
    assert set(nations) == {"Northern Ireland", "Scotland", "Wales"}
    assert "not yet in force" in nations["Northern Ireland"].in_force
    assert len(nations["Scotland"].duties) == 6
    assert len(nations["Scotland"].maps_to) == 6
    assert "Voluntary" in nations["Wales"].in_force
