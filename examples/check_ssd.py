"""Check a council's Standard Safeguarding Dataset: load it from a SQLite database, run every
check, compare the system's review due dates with the law, and list what is due by worker.

The database is built in a temporary folder from the same synthetic history as the bundled
sample (``examples/data/ssd``); point ``ssd.load`` at ``postgresql://...`` or
``mssql+pyodbc://...`` for a real one. For contrast, the SSDA903 return cut from that history
can judge the review duties only.

    python examples/check_ssd.py
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from generate_ssd_sample import SAMPLE_SEED, sample_history

from corparent.checks import default, run_checks
from corparent.io import ssd
from corparent.io.worklist import worklist
from corparent.schedule import Status, schedule
from corparent.synth import cut_return, write_ssd


def main() -> None:
    h = sample_history()
    as_of = h.year_ending
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'ssd.db'}"
        write_ssd(h, url, seed=SAMPLE_SEED, misconfigured_share=0.1)
        loaded = ssd.load(url)
    print(f"Loaded {len(loaded.caseload)} children from the SSD")
    print(loaded.stats.summary())
    assert loaded.stats.accounted, "every row is mapped or reported"

    # The UPN and OC3 completeness checks are about SSDA903 columns the SSD does not carry.
    checks = default(plugins_enabled=False).without(*ssd.NOT_APPLICABLE_CHECKS)
    checks = checks.with_(ssd.SYSTEM_REVIEW_DUE)
    checks = checks.configure("ssd.system_review_due", due_dates=dict(loaded.review_due_dates))
    result = run_checks(loaded.caseload, as_of, checks=checks)
    print(f"\n{len(result.findings)} findings for {result.children_with_findings} children")
    for duty, n in sorted(result.by_duty.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {duty:<44} {n:>4}")

    late = ssd.compare_review_due_dates(loaded, as_of)
    print(f"\nReviews the system expects later than the law allows: {len(late)}")
    for finding in late[:3]:
        print(f"  {finding.child_id}: {finding.message}")

    ssd_judged = Counter(
        ob.status is not Status.NOT_ASSESSABLE
        for record in loaded.caseload
        for ob in schedule(record, as_of)
    )
    returned = cut_return(h, as_of)
    return_judged = Counter(
        ob.status is not Status.NOT_ASSESSABLE
        for record in returned
        for ob in schedule(record, as_of)
    )
    print(
        f"\nObligations the data can judge: SSD {ssd_judged[True]} of "
        f"{sum(ssd_judged.values())}; SSDA903 return {return_judged[True]} of "
        f"{sum(return_judged.values())}"
    )

    items = worklist(loaded.caseload, as_of, weeks=4, allocations=loaded.allocations)
    print(f"\nDue in the next 4 weeks (or overdue): {len(items)} items")
    for (team, worker), group in list(items.by_worker().items())[:4]:
        print(f"  {team} / {worker}: {len(group)}")


if __name__ == "__main__":
    main()
