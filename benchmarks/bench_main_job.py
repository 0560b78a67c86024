"""Benchmark the main job: ``corparent check`` on an SSDA903 return, end to end.

Writes synthetic 903 returns (``corparent.synth.write_sample``) of 20,000 and 100,000 children,
then, each in a fresh process so peak memory is the job's own:

* **parse only**: read every CSV file with :func:`csv.reader` (the floor: no parsing of dates or
  codes, no model, no law);
* **main job, default duties**: what ``corparent check PATH --as-of ... --format csv --output
  FILE`` does: load and check (column-wise where the data allows:
  :func:`corparent.io.ssda903.check_return`), the default checks with the duties a 903 return
  can show (``review_*``), the findings written as CSV;
* **records**: the same with ``--engine records`` (every child read into a record first);
* **main job, every duty** (``--duties '*'``), labelled as such;
* with ``--jobs object``: the default duties with records and without the batch engine (the
  first version).

Prints wall time, peak memory (max RSS), children per second and the ratio to parse-only.
Targets (issue 15): default duties on 100k in <= 5 s, <= 1 GiB, within 5x of parse-only;
``--duties '*'`` on 100k in <= 40 s; the DfE validator on 20k at least 5x slower. Prints
figures; asserts nothing.

    python benchmarks/bench_main_job.py                 # 20k and 100k
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
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _child import peak_mib, run_child

AS_OF = dt.date(2024, 3, 31)
SEED = 2026


def child_parse(folder: Path) -> dict[str, Any]:
    t0 = time.perf_counter()
    rows = 0
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as stream:
            for _ in csv.reader(stream):
                rows += 1
    return {"seconds": time.perf_counter() - t0, "rows": rows, "peak_mib": peak_mib()}


def child_main_job(folder: Path, workers: int | None, duties: str, engine: str) -> dict[str, Any]:
    """What ``corparent check`` does, timed: ``engine`` "columns" (its default), "records"
    (every child read into a record) or "object" (records, and no batch engine)."""
    import argparse as ap
    import gc

    from corparent._gc import freeze_for_good
    from corparent.checks import run_checks
    from corparent.cli._check import rules_for, select_checks
    from corparent.cli._source import load_source
    from corparent.io.findings import write_csv
    from corparent.io.ssda903 import check_return

    args = ap.Namespace(
        no_plugins=True,
        block=[],
        checks=[],
        exclude=[],
        duties=[] if duties == "default" else [duties],
        pledge=None,
    )
    t0 = time.perf_counter()
    loaded_at: list[float] = []
    built = None
    if engine == "object":
        loaded = load_source(str(folder))  # as `corparent check` loads (collector frozen after)
        loaded_at.append(time.perf_counter())
        result = run_checks(
            loaded.caseload,
            AS_OF,
            checks=select_checks(args),
            rules=rules_for(args),
            workers=workers,
            batch=False,
        )
        problems = len(loaded.problems)
    else:
        gc.disable()  # as `corparent check` runs it
        checked = check_return(
            str(folder),
            AS_OF,
            checks=select_checks(args),
            rules=rules_for(args),
            workers=workers,
            gate=lambda _: loaded_at.append(time.perf_counter()),
            columnar=engine == "columns",
        )
        freeze_for_good()
        gc.enable()
        result, problems, built = checked.result, len(checked.load.problems), checked.load
    t2 = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        write_csv(result, Path(out) / "findings.csv")
    t3 = time.perf_counter()
    return {
        "seconds": t3 - t0,
        "load_seconds": loaded_at[0] - t0,
        "check_seconds": t2 - loaded_at[0],
        "write_seconds": t3 - t2,
        "children": result.children_checked,
        "records_built": result.children_checked if built is None else built.records_built,
        "workers": result.metadata.workers,
        "load_problems": problems,
        "findings": len(result.findings),
        "crashes": len(result.crashes),
        "by_severity": {s.value: n for s, n in result.by_severity.items()},
        "peak_mib": peak_mib(),
    }


def in_child(kind: str, folder: Path, workers: int | None = None) -> dict[str, Any]:
    t0 = time.perf_counter()
    extra = [] if workers is None else ["--workers", str(workers)]
    figures = run_child(__file__, kind, str(folder), *extra)
    figures["process_wall"] = time.perf_counter() - t0
    return figures


def write_return(folder: Path, children: int) -> float:
    from corparent.synth import write_sample

    t0 = time.perf_counter()
    write_sample(folder, children, seed=SEED, as_of=AS_OF)
    return time.perf_counter() - t0


def compare_dfe(folder: Path, work: Path, ours: float) -> None:
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
            [
                "nice",
                str(venv / "bin" / "python"),
                "-m",
                "lac_validator",
                "run-offline",
                str(staged),
            ],
            capture_output=True,
            text=True,
            check=False,
            cwd=work,
        )
        wall = time.perf_counter() - t0
        print(f"DfE validator: exit {run.returncode}, wall time {wall:.1f} s (incl. start-up)")
        print(
            f"corparent main job (default duties) {ours:.2f} s: the DfE validator takes "
            f"{wall / ours:.1f}x as long (target >= 5x)"
        )
        if run.returncode != 0:
            print("it did not run to completion; last lines of its error output:")
            print("\n".join(run.stderr.strip().splitlines()[-15:]))
    finally:
        shutil.rmtree(venv, ignore_errors=True)


JOBS = {
    "default": ("default duties (review_*)", "default", "columns"),
    "records": (
        "default duties, every child read into a record (--engine records)",
        "default",
        "records",
    ),
    "object": (
        "default duties, records and no batch engine (the first version)",
        "default",
        "object",
    ),
    "every": ("--duties '*' (every duty)", "*", "columns"),
}


def _line(label: str, job: dict[str, Any], parse: dict[str, Any], n: int) -> str:
    return (
        f"  main job, {label}:\n"
        f"      {job['seconds']:7.2f} s   peak {job['peak_mib']:6.0f} MiB   "
        f"{n / job['seconds']:8,.0f} children/s   {job['seconds'] / parse['seconds']:5.1f}x parse"
        f"   (load {job['load_seconds']:.2f} s, checks {job['check_seconds']:.2f} s on "
        f"{job['workers']} process(es), CSV {job['write_seconds']:.2f} s; "
        f"{job['findings']:,} findings; {job['records_built']:,} records built)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: automatic)"
    )
    parser.add_argument(
        "--jobs",
        nargs="+",
        choices=sorted(JOBS),
        default=["default", "records", "every"],
        help="which jobs to time (default: default records every; 'object' = records without "
        "the batch engine)",
    )
    parser.add_argument("--compare-dfe", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        kind, folder = args.child
        if kind == "parse":
            figures = child_parse(Path(folder))
        else:
            _, duties, engine = JOBS[kind]
            figures = child_main_job(Path(folder), args.workers, duties, engine)
        print(json.dumps(figures))
        return

    load = os.getloadavg()[0]
    print(
        f"main job benchmark: as of {AS_OF}, seed {SEED}, workers "
        f"{args.workers or 'automatic'}, {os.cpu_count()} CPUs (load average {load:.1f} at "
        f"start), Python {sys.version.split()[0]}"
    )
    with tempfile.TemporaryDirectory(prefix="corparent-bench-") as tmp:
        work = Path(tmp)
        for n in args.sizes:
            folder = work / f"return-{n}"
            folder.mkdir()
            synth_s = write_return(folder, n)
            size_mib = sum(p.stat().st_size for p in folder.glob("*.csv")) / 2**20
            parse = in_child("parse", folder)
            print(
                f"\n{n:,} children ({size_mib:.1f} MiB of CSV, written in {synth_s:.1f} s, "
                f"{parse['rows']:,} rows); load average {os.getloadavg()[0]:.1f}\n"
                f"  parse only (csv.reader): {parse['seconds']:7.2f} s   "
                f"peak {parse['peak_mib']:6.0f} MiB",
                flush=True,
            )
            timed = {}
            for kind in args.jobs:
                timed[kind] = in_child(kind, folder, args.workers)
                print(_line(JOBS[kind][0], timed[kind], parse, n), flush=True)
            if n == 20_000 and args.compare_dfe:
                job = timed.get("default") or in_child("default", folder, args.workers)
                compare_dfe(folder, work, job["seconds"])
        if args.compare_dfe and 20_000 not in args.sizes:
            folder = work / "return-20000"
            folder.mkdir()
            write_return(folder, 20_000)
            job = in_child("default", folder, args.workers)
            print(f"\ncorparent main job on 20,000 children: {job['seconds']:.2f} s")
            compare_dfe(folder, work, job["seconds"])
    print(
        "\ntargets: default duties on 100k <= 5 s, <= 1024 MiB, <= 5x parse only; "
        "--duties '*' on 100k <= 40 s; DfE validator on 20k >= 5x corparent's time"
    )


if __name__ == "__main__":
    main()
