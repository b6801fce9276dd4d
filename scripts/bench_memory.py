"""Peak memory of a full build against the number of briefs: is it flat in N?

    python scripts/bench_memory.py [N ...] [--jobs J]

For each N (default 1,000, 10,000 and 30,000) makes a corpus of N briefs with
scripts/make_corpus.py, builds it to .md and .docx as a user would (a fresh `briefgen`
process, `-j J`), and prints the peak of the resident memory of all its processes summed,
with the growth per brief from the smallest N. The sum counts the pages that the worker
processes share with the main one in each of them, so it overstates what the machine gives.
Making and building 30,000 briefs takes a few minutes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import BRIEFGEN, ROOT, compile_briefgen, timed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[1000, 10000, 30000])
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args()
    print(f"peak memory of a build to .md and .docx, -j {args.jobs}, all processes summed")
    first: tuple[int, int] | None = None
    for count in sorted(args.counts):
        folder = Path(tempfile.mkdtemp(prefix="briefgen-memory-"))
        try:
            compile_briefgen(folder)
            subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"),
                            str(count), str(folder)], check=True, stdout=subprocess.DEVNULL)
            seconds, peak = timed([*BRIEFGEN, "build", "briefs", "-o", "out", "-j",
                                   str(args.jobs)], folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        line = f"  {count:>7,} briefs  {peak / 2**20:6.0f} MB  {seconds:7.1f} s"
        if first is None:
            first = (count, peak)
        elif count > first[0]:
            line += f"  {(peak - first[1]) / (count - first[0]):+6.0f} bytes a brief"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
