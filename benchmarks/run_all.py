"""Every figure issue 15 asks for, in one run (each benchmark in its own process, under nice).

1. the main job on 20,000 children side by side with the DfE validator (``csc-validator-be-903``
   in a throw-away virtualenv; goal: corparent at least 5x faster);
2. the main job on 100,000 children: default duties (goal <= 5 s, <= 1 GiB, <= 5x parse only)
   and ``--duties '*'`` (goal <= 40 s), each labelled;
3. ``schedule()`` on 100,000 records on one core (goal <= 10 s), with the batch engine beside it;
4. building 100,000 records (goal <= 5 s);
5. the main job's column-wise reader (``bench_columnar_read.py``: clean and corrupted returns,
   beside parse only and ``load()``, its results compared with ``load()``'s);
6. the main job's checks column-wise (``bench_columnar_checks.py``: ``needs_records`` and
   ``columnar_findings`` on the return as columns, compared with ``run_checks``).

The machine's load average is printed before each part: on a shared machine, say it with the
figures. Prints figures; asserts nothing.

    python benchmarks/run_all.py                # everything (about 10-20 minutes)
    python benchmarks/run_all.py --no-dfe       # without installing the DfE validator
    python benchmarks/run_all.py --before       # also the main job without the batch engine
    python benchmarks/run_all.py --size 20000   # a quicker pass (main job, schedule, records)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def part(title: str, script: str, *args: str) -> None:
    load = os.getloadavg()[0]
    print(f"\n=== {title} (load average {load:.1f}, {os.cpu_count()} CPUs)", flush=True)
    subprocess.run(["nice", sys.executable, str(HERE / script), *args], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="the large size (100,000)")
    parser.add_argument("--no-dfe", action="store_true", help="skip the DfE validator")
    parser.add_argument(
        "--before", action="store_true", help="also time the main job without the batch engine"
    )
    args = parser.parse_args()
    print(f"corparent benchmarks, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    # The interpreter's build matters: a CPython built with profile-guided optimisation (as
    # Debian's and python.org's are) ran schedule() 4-12% faster than one built without.
    print(f"{platform.python_implementation()} {platform.python_version()} ({sys.executable})")
    jobs = ["default", "records", "every"] + (["object"] if args.before else [])
    main_job = ["--sizes", "20000", str(args.size), "--jobs", *jobs]
    if not args.no_dfe:
        main_job.append("--compare-dfe")
    part("main job (corparent check), DfE validator side by side", "bench_main_job.py", *main_job)
    part("schedule() on one core", "bench_schedule.py", "--sizes", str(args.size))
    part("building records", "bench_model.py", "--size", str(args.size))
    part("the column-wise reader", "bench_columnar_read.py", "--sizes", str(args.size))
    part("the checks column-wise", "bench_columnar_checks.py", "--sizes", str(args.size))


if __name__ == "__main__":
    main()
