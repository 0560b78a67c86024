"""Run corparent's checks over the bundled SSDA903 sample from Python and print a summary.

    python examples/run_checks.py

The same job as ``corparent check examples/data/ssda903 --as-of 2024-03-31``, step by step:
load the return (every unreadable row is reported, none dropped), run the default checks, then
look at the findings by severity, by duty and for one child.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import corparent as cp
from corparent.io import ssda903

SAMPLE = Path(__file__).parent / "data" / "ssda903"
AS_OF = dt.date(2024, 3, 31)


def main() -> None:
    loaded = ssda903.load(SAMPLE)
    print(f"Loaded {len(loaded.caseload)} children; {len(loaded.problems)} rows not read")
    for problem in loaded.problems[:5]:
        print(f"  - {problem.describe()}")

    result = cp.run_checks(loaded.caseload, AS_OF)
    print(
        f"\nChecked {result.children_checked} children as of {AS_OF} "
        f"with {len(result.metadata.checks)} checks "
        f"(corparent {result.metadata.corparent_version}, {result.metadata.holidays_version})"
    )
    for severity, count in result.by_severity.items():
        print(f"  {severity.value:<8} {count:>6}")

    print("\nMost frequent duties not met on time:")
    top = sorted(result.by_duty.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
    for duty, count in top:
        print(f"  {duty:<40} {count:>5}")

    errors = result.at_least(cp.Severity.ERROR)
    if errors:
        child = errors[0].child_id
        print(f"\nFindings for child {child}:")
        for f in result.findings:
            if f.child_id == child:
                print(f"  {f.severity.value:<8} {f.message}  [{f.citation or f.check_id}]")
    if result.crashes:
        print(f"\n{len(result.crashes)} check crashes (see RunResult.crashes)")


if __name__ == "__main__":
    main()
