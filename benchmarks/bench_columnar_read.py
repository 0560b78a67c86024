"""Benchmark the column-wise SSDA903 reader against parsing the files and against ``load()``.

Writes synthetic 903 returns (``corparent.synth.write_sample``) of the given sizes and, with
``--corrupt PERCENT``, a copy of each with that share of its lines corrupted (as
``bench_load.py --corrupt`` corrupts them: a quote, comma, line break, NUL or Windows-1252 byte
inserted, bytes deleted or swapped). Each measurement runs in a fresh process (best of
``--repeat`` runs inside it):

* **parse only**: every CSV file read with :func:`csv.reader` (the floor);
* **column-wise**: ``read_columns`` + ``finish()`` (no child marked): the clean children as
  columns, the others as records;
* **load**: ``corparent.io.ssda903.load``.

The column-wise run also checks that its problems, notes, counts and years equal ``load()``'s
(``same as load()``), with the children whose records have integrity problems marked for
records (as the column-wise checks mark them: the reader does not check record integrity).
Prints figures; asserts nothing about time.

    python benchmarks/bench_columnar_read.py                   # 100,000 children
    python benchmarks/bench_columnar_read.py --sizes 20000 --corrupt 1
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from _child import peak_mib, run_child
from bench_load import child_parse, corrupt_copy, write_return


def child_columnar(folder: Path, repeat: int) -> dict[str, Any]:
    import gc

    import numpy as np

    from corparent.io.ssda903 import load
    from corparent.io.ssda903._columnar import read_columns

    best = read_best = float("inf")
    out = None
    for _ in range(repeat):
        out = read = None  # the previous run is not kept alive by this one
        gc.collect()
        t0 = time.perf_counter()
        read = read_columns(folder)
        t1 = time.perf_counter()
        if read is None:
            return {"eligible": False, "peak_mib": peak_mib()}
        readable = len(read.columns)
        out = read.finish()
        t2 = time.perf_counter()
        best, read_best = min(best, t2 - t0), min(read_best, t1 - t0)
        peak = peak_mib()
    assert out is not None
    records = len(out.records)
    # the same load, the children whose records have integrity problems marked (as the
    # column-wise checks mark them), against load()
    ref = load(folder)
    again = read_columns(folder)
    assert again is not None
    ids = again.columns.child_ids
    out = again.finish(np.array([bool(ref.record_problems.get(c)) for c in ids], np.bool_))
    same = (
        out.problems == ref.problems
        and out.notes == ref.notes
        and dict(out.stats.tables) == dict(ref.stats.tables)
        and out.stats.children == ref.stats.children
        and out.years == ref.years
    )
    return {
        "eligible": True,
        "seconds": best,
        "read": read_best,
        "children": out.stats.children,
        "readable": readable,
        "records": records,
        "problems": len(out.problems),
        "same": same,
        "peak_mib": peak,
    }


def child_load(folder: Path) -> dict[str, Any]:
    from corparent.io.ssda903 import load

    t0 = time.perf_counter()
    loaded = load(folder)
    return {
        "seconds": time.perf_counter() - t0,
        "children": len(loaded.caseload),
        "peak_mib": peak_mib(),
    }


def _report(label: str, folder: Path, repeat: int, parse: dict[str, Any]) -> None:
    columnar = run_child(__file__, "columnar", str(folder), str(repeat))
    loaded = run_child(__file__, "load", str(folder))
    if not columnar["eligible"]:
        print(f"{label}: not plain, load() only ({loaded['seconds']:.2f} s)", flush=True)
        return
    share = columnar["readable"] / max(columnar["children"], 1)
    print(
        f"{label}: parse only {parse['seconds']:.2f} s; column-wise {columnar['seconds']:.2f} s "
        f"(read {columnar['read']:.2f} s; {columnar['seconds'] / parse['seconds']:.1f}x parse, "
        f"peak {columnar['peak_mib']:.0f} MiB); load() {loaded['seconds']:.2f} s "
        f"(peak {loaded['peak_mib']:.0f} MiB)\n  {columnar['children']:,} children, "
        f"{columnar['readable']:,} read column-wise ({share:.1%}), {columnar['records']:,} "
        f"records built, {columnar['problems']:,} problems; same as load(): {columnar['same']}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--corrupt", type=float, default=0, metavar="PERCENT")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, help="folder to keep the generated files in")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, folder, *rest = args.child
        if kind == "parse":
            figures = child_parse(Path(folder))
        elif kind == "columnar":
            figures = child_columnar(Path(folder), int(rest[0]))
        else:
            figures = child_load(Path(folder))
        print(json.dumps(figures))
        return
    with tempfile.TemporaryDirectory(prefix="corparent-bench-columnar-") as tmp:
        work = args.data or Path(tmp)
        for n in args.sizes:
            folder = work / f"return-{n}"
            write_return(folder, n)
            parse = run_child(__file__, "parse", str(folder))
            _report(f"{n:,} children", folder, args.repeat, parse)
            if args.corrupt:  # the parse floor of the clean files (csv cannot read NULs)
                broken = work / f"corrupt-{n}-{args.corrupt}"
                hit = corrupt_copy(folder, broken, args.corrupt)
                _report(f"{n:,} children, {hit:,} lines corrupted", broken, args.repeat, parse)


if __name__ == "__main__":
    main()
