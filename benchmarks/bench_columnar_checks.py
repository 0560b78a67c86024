"""The main job's checks column-wise (``corparent.checks._columnar``) on a synthetic 903 return.

Times the two steps a column-wise ``corparent check`` runs after reading the files:
``needs_records`` (which children must be checked as records) and ``columnar_findings`` (every
other child's findings), on the return as columns (``ReturnColumns``, built here from the
loaded records: the reader's own time belongs to the reader). The first call of
``columnar_findings`` in a process also builds the working-day calendar the batch engine uses;
the second shows the steady cost. Then it checks the findings and not-assessable counts equal
``run_checks`` on the same children's records.

    python benchmarks/bench_columnar_checks.py                 # 100,000 children
    python benchmarks/bench_columnar_checks.py --sizes 20000

Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import gc
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from _child import run_child
from bench_main_job import AS_OF, write_return


def child_columnar(folder: Path) -> dict[str, Any]:
    import argparse as ap

    from corparent.batch._tables import ReturnColumns
    from corparent.checks import run_checks
    from corparent.checks._columnar import columnar_findings, columnar_plan, needs_records
    from corparent.cli._check import rules_for, select_checks
    from corparent.io.ssda903 import load

    loaded = load(folder)
    records = list(loaded.caseload)
    data = ReturnColumns.from_records(records, loaded.collection_year_end)
    args = ap.Namespace(no_plugins=True, block=[], checks=[], exclude=[], duties=[], pledge=None)
    checks, rules = select_checks(args), rules_for(args)
    plan = columnar_plan(checks, rules)
    assert plan is not None
    gc.collect()
    gc.freeze()  # the records built for the comparison are not the job's: keep them out of GC
    times = []
    for _ in range(2):
        t0 = time.perf_counter()
        mask = needs_records(plan, data, AS_OF, loaded.evidence)
        t1 = time.perf_counter()
        got = columnar_findings(plan, data, ~mask, AS_OF, loaded.evidence)
        times.append((t1 - t0, time.perf_counter() - t1))
    kept = [r for r, m in zip(records, mask.tolist(), strict=True) if not m]
    ref = run_checks(kept, AS_OF, checks=checks, rules=rules, workers=1)
    same = got.findings == list(ref.findings) and got.not_assessable == dict(ref.not_assessable)
    return {
        "needs": [a for a, _ in times],
        "findings_s": [b for _, b in times],
        "marked": int(mask.sum()),
        "findings": len(got.findings),
        "same": same,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _, folder = args.child
        print(json.dumps(child_columnar(Path(folder))))
        return
    with tempfile.TemporaryDirectory(prefix="corparent-colchecks-") as tmp:
        for n in args.sizes:
            folder = Path(tmp) / f"return-{n}"
            folder.mkdir()
            write_return(folder, n)
            f = run_child(__file__, "columnar", str(folder))
            print(
                f"{n:,} children: needs_records {f['needs'][0]:.3f} s, columnar_findings "
                f"{f['findings_s'][0]:.3f} s first call (with the working-day calendar), "
                f"{f['needs'][1]:.3f} s + {f['findings_s'][1]:.3f} s again; "
                f"{f['marked']:,} children need records; {f['findings']:,} findings; the same as "
                f"run_checks on the others: {f['same']}",
                flush=True,
            )


if __name__ == "__main__":
    main()
