"""Benchmark loading and checking a Standard Safeguarding Dataset held in SQLite.

Writes synthetic SSD databases (``corparent.synth.write_ssd``: people, episodes, placements,
legal statuses, reviews with the system's due dates, visits, health checks, care plans,
care-leaver rows, missing episodes, involvements) of the given sizes (default 10,000, 30,000 and
100,000 children), then, each in a fresh process so its peak memory (max RSS) is its own:

* **load**: ``corparent.io.ssd.load`` (read every table, build every record);
* **load + check**: the load, then every built-in check over every duty plus the system
  review-due-date check, as ``corparent check sqlite:///ssd.db`` runs them.

Prints wall time, CPU time (of the process and its check workers), peak memory and wall time
per child for each size, so growth can be judged (linear: the time per child stays flat). On a
shared machine, wall time exceeds CPU time by the share of the cores other work takes. The
target is 100,000 children loaded and checked in at most 60 s and 2 GiB, the load alone in at
most 12 s. Asserts nothing.

Measured on the shared 2-core development machine (another job running): 100,000 children
(3.9 million rows) load in 10.6 s (34 s before the loader's rework) and load and check in 35 s
(60-70 s before), at 0.93 GiB; 10,000 and 30,000 load in 1.3 s and 3.5 s (3.8 s and 10.9 s
before).

    nice python benchmarks/bench_ssd.py                        # 10k, 30k and 100k
    nice python benchmarks/bench_ssd.py --sizes 2000 10000     # a quick look
    nice python benchmarks/bench_ssd.py --data /tmp/bench-ssd  # keep (and reuse) the databases
    nice python benchmarks/bench_ssd.py --workers 2            # checks on two processes
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from _child import peak_mib, run_child

AS_OF = dt.date(2024, 3, 31)
SEED = 2026
CHUNK = 20_000


def _cpu() -> float:
    """CPU seconds of this process and of the worker processes it waited for."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def make_database(path: Path, n: int) -> dict[str, int]:
    """A synthetic SSD of ``n`` children in SQLite at ``path`` (built in chunks to keep the
    generator's memory small)."""
    import sqlite3

    from corparent.synth import SSD_SCHEMA, generate, ssd_rows, write_ssd

    counts: dict[str, int] = {}
    for start in range(0, n, CHUNK):
        size = min(CHUNK, n - start)
        caseload = generate(size, seed=SEED + start, as_of=AS_OF)
        if start == 0:
            counts = write_ssd(caseload, f"sqlite:///{path}", as_of=AS_OF, seed=SEED)
            continue
        prefix = f"K{start // CHUNK}-"
        tables = ssd_rows(caseload, as_of=AS_OF, seed=SEED + start)
        with sqlite3.connect(path) as conn:
            for name, rows in tables.items():
                columns = SSD_SCHEMA[name]
                marks = ", ".join("?" for _ in columns)
                conn.executemany(
                    f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})",
                    (
                        tuple(
                            prefix + v
                            if isinstance(v, str) and c.endswith("_id")
                            else v.isoformat()
                            if isinstance(v, dt.date)
                            else v
                            for c, v in ((c, row.get(c)) for c in columns)
                        )
                        for row in rows
                    ),
                )
                counts[name] = counts.get(name, 0) + len(rows)
    return counts


def child_load(url: str) -> dict[str, Any]:
    from corparent.io import ssd

    c0, t0 = _cpu(), time.perf_counter()
    loaded = ssd.load(url)
    return {
        "load_s": time.perf_counter() - t0,
        "load_cpu": _cpu() - c0,
        "children": len(loaded.caseload),
        "rows": sum(t.read for t in loaded.stats.tables.values()),
        "accounted": loaded.stats.accounted,
        "peak_mib": peak_mib(),
    }


def child_check(url: str, workers: int) -> dict[str, Any]:
    from corparent.checks import default, run_checks
    from corparent.io import ssd

    c0, t0 = _cpu(), time.perf_counter()
    loaded = ssd.load(url)
    t1, c1 = time.perf_counter(), _cpu()
    checks = (
        default(plugins_enabled=False)
        .without(*ssd.NOT_APPLICABLE_CHECKS)
        .with_(ssd.SYSTEM_REVIEW_DUE)
        .configure("ssd.system_review_due", due_dates=dict(loaded.review_due_dates))
    )
    result = run_checks(loaded.caseload, AS_OF, checks=checks, workers=workers)
    t2 = time.perf_counter()
    return {
        "load_s": t1 - t0,
        "check_s": t2 - t1,
        "total_s": t2 - t0,
        "cpu": _cpu() - c0,
        "load_cpu": c1 - c0,
        "findings": len(result.findings),
        "system_due": result.by_check.get("ssd.system_review_due", 0),
        "peak_mib": peak_mib(),
    }


def _in_child(*args: str) -> dict[str, Any]:
    return run_child(__file__, *args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--data", type=Path, help="folder to keep the databases in")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        what, url, *rest = args.child
        result = child_load(url) if what == "load" else child_check(url, int(rest[0]))
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.data or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        print(
            f"{'children':>9} {'rows':>10} {'load s':>7} {'check s':>8} {'total s':>8} "
            f"{'load cpu':>9} {'cpu s':>7} {'peak MiB':>9} {'us/child':>9} {'findings':>9}"
        )
        for n in args.sizes:
            path = folder / f"ssd-{n}.db"
            if not path.exists():
                t0 = time.perf_counter()
                make_database(path, n)
                print(f"  (built {path.name} in {time.perf_counter() - t0:.0f} s)", flush=True)
            url = f"sqlite:///{path}"
            load = _in_child("load", url)
            full = _in_child("check", url, str(args.workers))
            print(
                f"{load['children']:>9,} {load['rows']:>10,} {load['load_s']:>7.1f} "
                f"{full['check_s']:>8.1f} {full['total_s']:>8.1f} {full['load_cpu']:>9.1f} "
                f"{full['cpu']:>7.1f} "
                f"{full['peak_mib']:>9.0f} {1e6 * full['total_s'] / load['children']:>9.0f} "
                f"{full['findings']:>9,}",
                flush=True,
            )


if __name__ == "__main__":
    main()
