"""Benchmark the SSDA903 reader alone: parse-only floor, ``load()`` time and peak memory.

Writes synthetic 903 returns (``corparent.synth.write_sample``) of the given sizes (default 10,000
and 100,000 children), and optionally one big reviews file (``--big-reviews ROWS``: the reviews
of the largest return repeated with fresh child ids, next to a matching header file). Each
measurement runs in a fresh process so its peak memory (max RSS) is its own:

* **parse only**: every CSV file read with :func:`csv.reader` (the floor);
* **load**: ``corparent.io.ssda903.load`` (read, map, build records).

Prints wall time and peak memory; asserts nothing.

    python benchmarks/bench_load.py                          # 10k and 100k
    python benchmarks/bench_load.py --sizes 10000 --big-reviews 2000000
    python benchmarks/bench_load.py --data /tmp/bench-data   # keep (and reuse) the files
    python benchmarks/bench_load.py --sizes 100000 --corrupt 1   # 1% of lines corrupted
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _child import peak_mib, run_child

AS_OF = dt.date(2024, 3, 31)
SEED = 2026


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child_parse(folder: Path) -> dict[str, Any]:
    c0 = _cpu()
    t0 = time.perf_counter()
    rows = 0
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as stream:
            for _ in csv.reader(stream):
                rows += 1
    return {
        "seconds": time.perf_counter() - t0,
        "cpu": _cpu() - c0,
        "rows": rows,
        "peak_mib": peak_mib(),
    }


def child_load(folder: Path) -> dict[str, Any]:
    from corparent.io.ssda903 import load

    c0 = _cpu()
    t0 = time.perf_counter()
    loaded = load(folder)
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        "cpu": _cpu() - c0,
        "children": len(loaded.caseload),
        "problems": len(loaded.problems),
        "accounted": loaded.stats.accounted,
        "peak_mib": peak_mib(),
    }


def in_child(kind: str, folder: Path) -> dict[str, Any]:
    return run_child(__file__, kind, str(folder))


def write_return(folder: Path, children: int) -> None:
    from corparent.synth import write_sample

    if not (folder / "header.csv").exists():
        folder.mkdir(parents=True, exist_ok=True)
        write_sample(folder, children, seed=SEED, as_of=AS_OF)


def write_big_reviews(source: Path, folder: Path, rows: int) -> None:
    """``rows`` review rows: the source's reviews repeated, child ids suffixed per copy."""
    if (folder / "reviews.csv").exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    with (source / "reviews.csv").open(newline="") as stream:
        reviews = list(csv.reader(stream))
    with (source / "header.csv").open(newline="") as stream:
        header = list(csv.reader(stream))
    body = reviews[1:]
    copies = -(-rows // len(body))
    with (folder / "reviews.csv").open("w", newline="") as out:
        w = csv.writer(out)
        w.writerow(reviews[0])
        written = 0
        for k in range(copies):
            for row in body:
                if written == rows:
                    break
                w.writerow([f"{row[0]}-{k}", *row[1:]])
                written += 1
    with (folder / "header.csv").open("w", newline="") as out:
        w = csv.writer(out)
        w.writerow(header[0])
        for k in range(copies):
            for row in header[1:]:
                w.writerow([f"{row[0]}-{k}", *row[1:]])


def corrupt_copy(source: Path, folder: Path, percent: float, seed: int = 1) -> int:
    """Copy a return, corrupting ``percent`` % of its data lines at random (a quote, comma,
    line break, NUL, Windows-1252 byte inserted; bytes deleted or swapped); lines corrupted."""
    import random
    import shutil

    rng = random.Random(seed)
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(source, folder)
    hit = 0
    for path in sorted(folder.glob("*.csv")):
        lines = path.read_bytes().split(b"\n")
        for i in range(1, len(lines)):
            if not lines[i] or rng.random() >= percent / 100:
                continue
            line, p = lines[i], rng.randrange(len(lines[i]) + 1)
            kind = rng.randrange(7)
            if kind < 5:
                line = line[:p] + [b'"', b",", b"\n", b"\x00", b"\xe9"][kind] + line[p:]
            elif kind == 5:
                line = line[:p] + line[p + rng.randint(1, 6) :]
            else:
                q = rng.randrange(len(line))
                b = bytearray(line)
                b[p % len(b)], b[q] = b[q], b[p % len(b)]
                line = bytes(b)
            lines[i] = line
            hit += 1
        path.write_bytes(b"\n".join(lines))
    return hit


def child_corrupt(folder: Path) -> dict[str, Any]:
    from corparent.io.ssda903 import load

    loaded = load(folder)
    tables = loaded.stats.tables.values()
    on_disk = sum(len(p.read_bytes().splitlines()) for p in folder.glob("*.csv"))
    return {
        "lines": sum(t.lines for t in tables),
        "on_disk": on_disk,
        "read": sum(t.read for t in tables),
        "mapped": sum(t.mapped for t in tables),
        "reported": sum(t.reported for t in tables),
        "accounted": loaded.stats.accounted,
        "problems": len(loaded.problems),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Benchmark the SSDA903 reader: parse-only floor, load time, peak memory."
    )
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--big-reviews", type=int, default=0, metavar="ROWS")
    parser.add_argument("--data", type=Path, help="folder to keep the generated files in")
    parser.add_argument(
        "--corrupt",
        type=float,
        default=0,
        metavar="PERCENT",
        help="also load a copy of the "
        "largest return with PERCENT %% of its lines corrupted, and account for every line",
    )
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        kind, folder = args.child
        run = {"parse": child_parse, "load": child_load, "corrupt": child_corrupt}[kind]
        figures = run(Path(folder))
        print(json.dumps(figures))
        return

    with tempfile.TemporaryDirectory(prefix="corparent-bench-load-") as tmp:
        work = args.data or Path(tmp)
        print(f"reader benchmark: seed {SEED}, Python {sys.version.split()[0]}")
        for n in args.sizes:
            folder = work / f"return-{n}"
            write_return(folder, n)
            size = sum(p.stat().st_size for p in folder.glob("*.csv")) / 2**20
            parse = in_child("parse", folder)
            load = in_child("load", folder)
            print(
                f"{n:,} children ({size:.1f} MiB, {parse['rows']:,} lines): parse only "
                f"{parse['seconds']:.2f} s (CPU {parse['cpu']:.2f} s); load "
                f"{load['seconds']:.2f} s (CPU {load['cpu']:.2f} s, "
                f"{load['cpu'] / parse['cpu']:.1f}x parse), peak {load['peak_mib']:.0f} MiB, "
                f"{load['children']:,} children, {load['problems']} problems, "
                f"accounted {load['accounted']}"
            )
        if args.corrupt and args.sizes:
            n = max(args.sizes)
            broken = work / f"corrupt-{n}"
            hit = corrupt_copy(work / f"return-{n}", broken, args.corrupt)
            c = in_child("corrupt", broken)
            print(
                f"{n:,} children, {args.corrupt}% of lines corrupted ({hit:,} lines): "
                f"{c['lines']:,} lines seen of {c['on_disk']:,} on disk; {c['read']:,} read = "
                f"{c['mapped']:,} mapped + {c['reported']:,} reported; accounted "
                f"{c['accounted']}; {c['problems']:,} problems"
            )
        if args.big_reviews:
            source = work / f"return-{min(args.sizes or [10_000])}"
            write_return(source, min(args.sizes or [10_000]))
            big = work / f"big-reviews-{args.big_reviews}"
            write_big_reviews(source, big, args.big_reviews)
            size = (big / "reviews.csv").stat().st_size / 2**20
            load = in_child("load", big)
            print(
                f"big reviews.csv ({args.big_reviews:,} rows, {size:.0f} MiB): load "
                f"{load['seconds']:.2f} s (CPU {load['cpu']:.2f} s), "
                f"peak {load['peak_mib']:.0f} MiB, "
                f"{load['children']:,} children"
            )


if __name__ == "__main__":
    main()
