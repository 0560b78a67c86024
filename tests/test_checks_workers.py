"""run_checks gives the same result with one worker process or several."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from corparent.checks import CheckContext, Finding, Severity, check, default, run_checks
from corparent.codes import LegalStatus, PlacementProvider, PlacementType, ReviewParticipation
from corparent.model import CaseRecord, Child, Episode, Review

AS_OF = dt.date(2024, 3, 31)


def varied_caseload(n: int, seed: int) -> list[CaseRecord]:
    """Children who came into care at different times, with reviews on time, late or missing."""
    rng = random.Random(seed)
    records = []
    for i in range(n):
        start = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(1150))
        reviews = []
        day = start + dt.timedelta(days=rng.choice([10, 25, 40]))
        while day < AS_OF and rng.random() < 0.8:
            code = rng.choice([None, ReviewParticipation.PN1, ReviewParticipation.PN7])
            reviews.append(Review(date=day, participation=code))
            day += dt.timedelta(days=rng.choice([80, 95, 170, 200]))
        records.append(
            CaseRecord(
                child=Child(
                    id=f"W{i:04d}",
                    date_of_birth=start - dt.timedelta(days=rng.randrange(200, 6000)),
                    upn=rng.choice([None, "A123456789012"]),
                ),
                episodes=[
                    Episode(
                        start=start,
                        legal_status=rng.choice([LegalStatus.C2, LegalStatus.V2]),
                        placement=rng.choice([PlacementType.U4, PlacementType.K2]),
                        provider=rng.choice([None, PlacementProvider.PR1]),
                    )
                ],
                reviews=reviews,
            )
        )
    return records


@check(id="test.odd_children_crash", severity=Severity.INFO)
def odd_children_crash(record: CaseRecord, ctx: CheckContext) -> Iterator[Finding]:
    """Crashes on every other child, so crashes cross the process boundary too."""
    if sum(map(ord, record.id)) % 2:
        raise ValueError("deliberate")
    yield ctx.finding(record, message=f"{len(ctx.schedule)} obligations")


def test_workers_give_the_same_result() -> None:
    records = varied_caseload(60, seed=7)
    checks = default(plugins_enabled=False).with_(odd_children_crash)
    one = run_checks(records, AS_OF, checks=checks, workers=1)
    two = run_checks(records, AS_OF, checks=checks, workers=2, chunk_size=7)
    assert one.findings, "synthetic children have findings"
    assert one.crashes, "the crashing check crashed"
    assert two.findings == one.findings
    assert two.crashes == one.crashes
    assert two.children_checked == one.children_checked == len(records)
    assert (two.by_severity, two.by_check, two.by_duty) == (
        one.by_severity,
        one.by_check,
        one.by_duty,
    )
    assert two.metadata.checks == one.metadata.checks
    assert two.metadata.workers == 2
