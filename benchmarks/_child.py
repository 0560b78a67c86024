"""What the benchmark scripts share: running one measurement in a fresh process, and reading
that process's peak memory. Not a benchmark itself (no figures of its own)."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from typing import Any


def peak_mib() -> float:
    """This process's peak resident memory. On Linux from ``VmHWM`` in ``/proc/self/status``:
    ``ru_maxrss`` of a child started by fork and exec also counts the parent's memory at the
    fork (the kernel carries the high-water mark across exec), which overstated every figure
    measured after the parent had built a large input."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run_child(script: str, *args: str) -> dict[str, Any]:
    """Run ``script --child ARGS`` under ``nice`` in a fresh process (so its time and peak
    memory are its own) and return the JSON object its last line prints; exit with its error
    output if it fails."""
    out = subprocess.run(
        ["nice", sys.executable, script, "--child", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(args[:1])} run failed:\n{out.stderr[-4000:]}")
    figures: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures
