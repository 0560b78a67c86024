"""Every duty cites its source with provenance a council's lawyers can audit, and a rule whose
wording was only recalled is marked provisional wherever it is used."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest

from corparent.checks import run_checks
from corparent.cli import main
from corparent.cli._duties import FIELDS
from corparent.codes import LegalStatus, PlacementType, ReasonEpisodeCeased
from corparent.law import ENGLAND, REFERENCE_EDITION, Verification
from corparent.model import CaseRecord, Child, EmergencyPlacementOutsideApproval, Episode
from corparent.synth import generate

_POINT_IN_TIME = re.compile(r"^https://www\.legislation\.gov\.uk/.+/\d{4}-\d{2}-\d{2}$")


@pytest.mark.parametrize("duty", list(ENGLAND), ids=lambda d: d.id)
def test_every_citation_has_provenance(duty: object) -> None:
    for version in duty.versions:  # type: ignore[attr-defined]
        c = version.citation
        assert c.verification in tuple(Verification)
        assert c.url.startswith("https://")
        if "legislation.gov.uk" in c.url:
            assert _POINT_IN_TIME.match(c.url), c.url
        if c.verification is Verification.RECALLED:
            assert c.checked_on is None
            assert c.provisional
            assert "provisional" in c.short
        else:
            assert c.checked_on == REFERENCE_EDITION
            assert not c.provisional
            assert "provisional" not in c.short


def test_point_in_time_urls_name_the_provision() -> None:
    assert ENGLAND["review_first"].citation.url.endswith("/uksi/2010/959/regulation/33/2026-11-30")
    assert ENGLAND["iro_appoint"].citation.url.endswith("/ukpga/1989/41/section/25A/2026-11-30")


def _recalled_cases() -> list[CaseRecord]:
    """Records that bring rules recalled but not checked: short-break visits, a visit after
    detention, an emergency placement outside a carer's approval."""

    def ep(start: dt.date, end: dt.date, status: LegalStatus, rec: str) -> Episode:
        return Episode(
            start=start,
            end=end,
            legal_status=status,
            placement=PlacementType.U4,
            reason_ceased=ReasonEpisodeCeased(rec),
        )

    child = Child(id="R1", date_of_birth=dt.date(2012, 1, 1))
    breaks = CaseRecord(
        child=child, episodes=[ep(dt.date(2023, 6, 2), dt.date(2023, 6, 4), LegalStatus.V3, "E4A")]
    )
    detained = CaseRecord(
        child=Child(id="R2", date_of_birth=dt.date(2008, 1, 1)),
        episodes=[ep(dt.date(2023, 6, 2), dt.date(2024, 1, 4), LegalStatus.V2, "E9")],
    )
    emergency = CaseRecord(
        child=Child(id="R3", date_of_birth=dt.date(2012, 1, 1)),
        episodes=[
            Episode(
                start=dt.date(2024, 1, 8), legal_status=LegalStatus.C2, placement=PlacementType.U4
            )
        ],
        emergency_placements_outside_approval=[
            EmergencyPlacementOutsideApproval(start=dt.date(2024, 1, 8))
        ],
    )
    return [breaks, detained, emergency]


def test_recalled_rules_are_provisional_in_obligations_and_findings() -> None:
    """Any obligation or finding resting on a recalled rule says "provisional"."""
    as_of = dt.date(2024, 3, 31)
    caseload = [*generate(300, seed=12), *_recalled_cases()]
    result = run_checks(caseload, as_of)
    recalled = {d.id for d in ENGLAND if d.citation.provisional}
    seen = [f for f in result.findings if f.duty_id in recalled]
    assert seen, "the sample should exercise at least one recalled rule"
    for finding in result.findings:
        provisional = finding.duty_id in recalled
        text = f"{finding.message} {finding.citation}"
        assert ("provisional" in text) is provisional, finding.duty_id


def test_duties_export_csv_json_md(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["duties", "--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert tuple(table[0]) == FIELDS
    assert {r["id"] for r in table} == set(ENGLAND.ids())
    tags = {r["checked"] for r in table}
    assert tags <= {"[V]", "[S]", "[R]"}
    assert all((r["provisional"] == "yes") == (r["checked"] == "[R]") for r in table)
    assert main(["duties", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == len(table)
    assert rows[0]["url"].startswith("https://")
    assert main(["duties", "--format", "md"]) == 0
    md = capsys.readouterr().out.splitlines()
    assert md[0].startswith("| id |")
    assert len(md) == len(table) + 2
    assert main(["duties"]) == 0
    assert "21th" not in capsys.readouterr().out
