"""The four nations' rule sets, by jurisdiction, and which one governs a record."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from corparent.errors import ConfigError, Problem
from corparent.jurisdiction import Jurisdiction
from corparent.law._conventions import Conventions
from corparent.law._nation import require_conventions
from corparent.law._ruleset import RuleSet
from corparent.law.england import ENGLAND
from corparent.law.northern_ireland import NORTHERN_IRELAND
from corparent.law.scotland import SCOTLAND
from corparent.law.wales import WALES

__all__ = ["LAWS", "law_for", "law_named", "resolve"]

LAWS: Mapping[Jurisdiction, RuleSet] = MappingProxyType(
    {
        Jurisdiction.ENGLAND: ENGLAND,
        Jurisdiction.WALES: WALES,
        Jurisdiction.SCOTLAND: SCOTLAND,
        Jurisdiction.NORTHERN_IRELAND: NORTHERN_IRELAND,
    }
)
"""Each nation's rule set."""


def law_for(jurisdiction: Jurisdiction) -> RuleSet:
    """The rule set of ``jurisdiction``."""
    return LAWS[jurisdiction]


def law_named(name: str) -> RuleSet:
    """The rule set of a nation named as on the command line (``"scotland"``, ``"ni"`` ...).

    Raises:
        CodeError: ``name`` is no UK nation.
    """
    return LAWS[Jurisdiction.parse(name)]


def resolve(
    record_id: str,
    jurisdiction: Jurisdiction | None,
    rules: RuleSet | None,
    conventions: Conventions | None,
) -> tuple[RuleSet, Conventions]:
    """The rule set and conventions that govern one record.

    The record's own jurisdiction (its responsible authority's nation) chooses the law when
    the run names none; a run's rule set applies to records that state no jurisdiction.
    Conventions default to the rule set's own (its calendar and choices).

    Raises:
        ConfigError: the record states a jurisdiction other than the run's rule set, or the
            rule set needs a convention the conventions leave unset.
    """
    if rules is None:
        rules = LAWS[jurisdiction or Jurisdiction.ENGLAND]
    elif jurisdiction is not None and jurisdiction is not rules.jurisdiction:
        raise ConfigError(
            [
                Problem(
                    code="jurisdiction_mismatch",
                    message=f"the record's responsible authority works under the law of "
                    f"{jurisdiction.title}, but this run applies {rules.jurisdiction.title}'s",
                    path="jurisdiction",
                    record_id=record_id,
                    expected=f"the {jurisdiction.title} rule set, or no rule set (each "
                    "record's own law)",
                )
            ],
            headline=f"case record {record_id} is under another nation's law",
        )
    conventions = conventions if conventions is not None else rules.conventions
    if rules.jurisdiction is not Jurisdiction.ENGLAND:
        require_conventions(rules, conventions)
    return rules, conventions
