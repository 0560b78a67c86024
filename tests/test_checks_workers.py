"""run_checks gives the same result with one worker process or several."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from corparent.checks import CheckContext, Finding, Severity, check, default, run_checks
from corparent.model import CaseRecord
from corparent.synth import caseload as synthetic_caseload

AS_OF = dt.date(2024, 3, 31)


@check(id="test.odd_children_crash", severity=Severity.INFO)
def odd_children_crash(record: CaseRecord, ctx: CheckContext) -> Iterator[Finding]:
    """Crashes on every other child, so crashes cross the process boundary too."""
    if sum(map(ord, record.id)) % 2:
        raise ValueError("deliberate")
    yield ctx.finding(record, message=f"{len(ctx.schedule)} obligations")


def test_workers_give_the_same_result() -> None:
    records = synthetic_caseload(60, seed=7)
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
