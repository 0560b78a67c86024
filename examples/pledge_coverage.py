"""Load a council's pledge, print its coverage of the seven principles, and run its measurable
standards over the bundled SSDA903 sample.

    python examples/pledge_coverage.py
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import corparent as cp
from corparent import pledges
from corparent.io import ssda903
from corparent.law import ENGLAND, Force

AS_OF = dt.date(2024, 3, 31)
SAMPLE = Path(__file__).parent / "data" / "ssda903"

bnes = pledges.load("bath-and-north-east-somerset")
print(f"{bnes.council}: {len(bnes.commitments)} commitments, {len(bnes.standards)} standards")
coverage = pledges.coverage(bnes)
for principle, commitments in coverage.by_principle.items():
    print(f"  ({principle.letter}) {principle.plain_english}: {len(commitments)}")
print(f"  gaps: {', '.join(p.name for p in coverage.gaps) or 'none'}")

rules = ENGLAND.with_standards(bnes)
caseload = ssda903.load(SAMPLE).caseload
local: Counter[tuple[str, str]] = Counter()
for record in caseload:
    for obligation in cp.schedule(record, AS_OF, rules=rules):
        if obligation.force is Force.LOCAL:
            local[(obligation.duty.id, obligation.status.value)] += 1
print(f"\nLocal standards over the bundled sample ({len(caseload)} children, as of {AS_OF}):")
for (duty_id, status), count in sorted(local.items()):
    print(f"  {duty_id:<32} {status:<9} {count}")
