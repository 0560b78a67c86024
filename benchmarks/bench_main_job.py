"""Benchmark the main job: load an SSDA903 return and run every check, end to end.

Writes synthetic 903 returns (``corparent.synth.write_sample``) of 10,000 and 100,000 children,
then, each in a fresh process so peak memory is the job's own:

* **parse only**: read every CSV file with :func:`csv.reader` (the floor: no parsing of dates or
  codes, no model, no law);
* **main job**: ``corparent.io.ssda903.load`` + ``corparent.run_checks`` with the default checks.

Prints wall time, peak memory (max RSS), children per second, the ratio to parse-only and the
growth ratio between the sizes (1.0 = linear). Targets (issue 5): 100k children in <= 30 s end
to end, <= 2 GiB peak, within 4x of parse-only, linear growth. Prints figures; asserts nothing.

    python benchmarks/bench_main_job.py                 # 10k and 100k
    python benchmarks/bench_main_job.py --sizes 20000   # any sizes
    python benchmarks/bench_main_job.py --compare-dfe   # + the DfE validator on 20k, side by side

``--compare-dfe`` installs ``csc-validator-be-903`` into a throw-away virtualenv (never a
dependency of corparent) and times its command line on the same 20k files.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

AS_OF = dt.date(2024, 3, 31)
SEED = 2026


def _peak_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_parse(folder: Path) -> dict[str, Any]:
    t0 = time.perf_counter()
    rows = 0
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as stream:
            for _ in csv.reader(stream):
                rows += 1
    return {"seconds": time.perf_counter() - t0, "rows": rows, "peak_mib": _peak_mib()}


def child_main_job(folder: Path, workers: int) -> dict[str, Any]:
    from corparent.checks import run_checks
    from corparent.io.ssda903 import load

    t0 = time.perf_counter()
    loaded = load(folder)
    t1 = time.perf_counter()
    result = run_checks(loaded.caseload, AS_OF, workers=workers)
    t2 = time.perf_counter()
    return {
        "seconds": t2 - t0,
        "load_seconds": t1 - t0,
        "check_seconds": t2 - t1,
        "children": result.children_checked,
        "load_problems": len(loaded.problems),
        "findings": len(result.findings),
        "crashes": len(result.crashes),
        "by_severity": {s.value: n for s, n in result.by_severity.items()},
        "peak_mib": _peak_mib(),
    }


def in_child(kind: str, folder: Path, workers: int = 1) -> dict[str, Any]:
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(folder), "--workers", str(workers)],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - t0
    if out.returncode != 0:
        raise SystemExit(f"{kind} run failed:\n{out.stderr[-4000:]}")
    figures: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    figures["process_wall"] = wall
    return figures


def write_return(folder: Path, children: int) -> float:
    from corparent.synth import write_sample

    t0 = time.perf_counter()
    write_sample(folder, children, seed=SEED, as_of=AS_OF)
    return time.perf_counter() - t0


def compare_dfe(folder: Path, work: Path) -> None:
    """Time the DfE's own validator on ``folder`` in a separate virtualenv; report what happened."""
    print("\n--- DfE validator (csc-validator-be-903) on the same files, separate virtualenv")
    venv = work / "dfe-venv"
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = venv / "bin" / "pip"
        t0 = time.perf_counter()
        inst = subprocess.run(
            # its command line imports click and pytest without declaring them
            [str(pip), "install", "--quiet", "csc-validator-be-903", "click", "pytest"],
            capture_output=True,
            text=True,
            check=False,
        )
        print(f"install: exit {inst.returncode} in {time.perf_counter() - t0:.0f} s")
        if inst.returncode != 0:
            print(inst.stderr[-2000:])
            return
        # `python -m lac_validator run-offline DIR` reads fixed file names from DIR.
        staged = work / "dfe-input"
        staged.mkdir(exist_ok=True)
        names = {
            "placed_adoption.csv": "placed_for_adoption_errors.csv",
            "prev_perm.csv": "previous_permanence.csv",
        }
        for path in folder.glob("*.csv"):
            shutil.copy(path, staged / names.get(path.name, path.name))
        t0 = time.perf_counter()
        run = subprocess.run(
            [str(venv / "bin" / "python"), "-m", "lac_validator", "run-offline", str(staged)],
            capture_output=True,
            text=True,
            check=False,
            cwd=work,
        )
        wall = time.perf_counter() - t0
        print(f"DfE validator: exit {run.returncode}, wall time {wall:.1f} s (incl. start-up)")
        if run.returncode != 0:
            print("it did not run to completion; last lines of its error output:")
            print("\n".join(run.stderr.strip().splitlines()[-15:]))
    finally:
        shutil.rmtree(venv, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--compare-dfe", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        kind, folder = args.child
        if kind == "parse":
            figures = child_parse(Path(folder))
        else:
            figures = child_main_job(Path(folder), args.workers)
        print(json.dumps(figures))
        return

    print(
        f"main job benchmark: as of {AS_OF}, seed {SEED}, workers {args.workers}, "
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    )
    rows = []
    with tempfile.TemporaryDirectory(prefix="corparent-bench-") as tmp:
        work = Path(tmp)
        for n in args.sizes:
            folder = work / f"return-{n}"
            folder.mkdir()
            synth_s = write_return(folder, n)
            size_mib = sum(p.stat().st_size for p in folder.glob("*.csv")) / 2**20
            parse = in_child("parse", folder)
            job = in_child("job", folder, args.workers)
            rows.append((n, parse, job))
            print(
                f"\n{n:,} children ({size_mib:.1f} MiB of CSV, written in {synth_s:.1f} s, "
                f"{parse['rows']:,} rows)\n"
                f"  parse only (csv.reader): {parse['seconds']:7.2f} s   "
                f"peak {parse['peak_mib']:7.0f} MiB\n"
                f"  main job (load+checks):  {job['seconds']:7.2f} s   "
                f"peak {job['peak_mib']:7.0f} MiB   "
                f"(load {job['load_seconds']:.2f} s, checks {job['check_seconds']:.2f} s; "
                f"process incl. start-up {job['process_wall']:.2f} s)\n"
                f"  children/s:              {n / job['seconds']:10,.0f}\n"
                f"  ratio to parse only:     {job['seconds'] / parse['seconds']:7.1f}x\n"
                f"  findings {job['findings']:,} {job['by_severity']}, crashes {job['crashes']}, "
                f"load problems {job['load_problems']}"
            )
            if n == 20_000 and args.compare_dfe:
                compare_dfe(folder, work)
        if len(rows) >= 2:
            (n0, _, j0), (n1, _, j1) = rows[0], rows[-1]
            growth = (j1["seconds"] / j0["seconds"]) / (n1 / n0)
            print(f"\nlinear growth ratio {n0:,} -> {n1:,}: {growth:.2f} (1.00 = linear)")
        if args.compare_dfe and 20_000 not in args.sizes:
            folder = work / "return-20000"
            folder.mkdir()
            write_return(folder, 20_000)
            job = in_child("job", folder, args.workers)
            print(f"\ncorparent main job on 20,000 children: {job['seconds']:.2f} s")
            compare_dfe(folder, work)
    print("\ntargets: 100k <= 30 s, <= 2048 MiB peak, <= 4x parse only, growth ratio ~1")


if __name__ == "__main__":
    main()
