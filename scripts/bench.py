"""Benchmark briefgen against its speed and memory targets, and against pandoc.

    python scripts/bench.py [N] [--jobs J] [--keep DIR]

Makes N corpus briefs (default 1,000) with scripts/make_corpus.py, then times, each as a
user would run it (a fresh `briefgen` process):

- `briefgen --help`, and a cold build of one brief (best of 5);
- a full build of the N briefs to .md and .docx (`--force`), best of 3 with the median
  beside it, and the peak memory of all briefgen processes together;
- the rebuild with nothing changed, and after one file is edited (best of 3, a different
  file each time);
- the import floor, `python -c "import jinja2, yaml, click, docx"` (best of 5): a cold
  brief is measured against it;
- pandoc converting the same N Markdown files to .docx, J at a time, when pandoc is
  installed;
- docxtpl rendering the same N YAML files into a Word template (scripts/docxtpl_peer.py,
  the script a user would write instead), split over J processes, when docxtpl is installed
  (`pip install '.[bench]'`).

Briefgen's own modules are compiled to bytecode first, as `pip install` does, so that no
run pays for compiling them (where PYTHONDONTWRITEBYTECODE is set, an editable install would
otherwise compile them at every start). A fixed pure-Python workload is timed too: on a
shared machine, compare figures across runs by it.

Prints the figures and the targets beside them. Run it on an idle machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BRIEFGEN = [sys.executable, "-c", "from briefgen.cli import main; main()"]
"""The installed command, run by this Python so that the benchmark needs no PATH."""


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds of ``command`` and the peak of the summed RSS (bytes) of its process
    tree, sampled every 10 ms from /proc (0 where /proc is missing)."""
    began = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            done.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - began
    done.set()
    sampler.join()
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{stderr.decode(errors='replace')}")
    return seconds, peak


def tree_rss(pid: int) -> int:
    """Resident memory of ``pid`` and its descendants, in bytes."""
    total = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except (OSError, ValueError):
        return total
    return total + sum(tree_rss(int(child)) for child in children)


RUNS = 3
"""Runs of each batch step; the best is reported, as noise on a shared machine only ever adds
time (the median of the full build is shown beside it)."""


def best_of(runs: int, command: list[str], cwd: Path) -> float:
    return min(timed(command, cwd)[0] for _ in range(runs))


def run_pandoc(markdown: list[Path], out: Path, jobs: int) -> float:
    out.mkdir(parents=True, exist_ok=True)

    def convert(path: Path) -> None:
        subprocess.run(["pandoc", "--quiet", "-f", "markdown", str(path), "-o",
                        str(out / f"{path.stem}.docx")], check=True)

    began = time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(convert, markdown))
    return time.perf_counter() - began


def run_docxtpl(briefs: list[Path], out: Path, jobs: int) -> float:
    """Seconds for docxtpl to render ``briefs``, a share to each of ``jobs`` processes."""
    peer = [sys.executable, str(ROOT / "scripts" / "docxtpl_peer.py"), str(out)]
    shares = [briefs[number::jobs] for number in range(jobs)]
    began = time.perf_counter()
    processes = [subprocess.Popen([*peer, *map(str, share)]) for share in shares if share]
    if any(process.wait() != 0 for process in processes):
        sys.exit("scripts/docxtpl_peer.py failed")
    return time.perf_counter() - began


def has_module(name: str) -> bool:
    found = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True,
                           check=False)
    return found.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--keep", type=Path, help="make the corpus here and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="briefgen-bench-"))
    try:
        return bench(folder, args.count, args.jobs)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def compile_briefgen(folder: Path) -> None:
    """Write the bytecode of the briefgen that BRIEFGEN runs, as an installed package has it.
    It is found from ``folder``, where BRIEFGEN runs: from the project's root, ``-c`` would
    import the project's own copy, which is not the one run when briefgen is installed."""
    where = subprocess.run([sys.executable, "-c", "import briefgen; print(briefgen.__file__)"],
                           check=True, capture_output=True, text=True, cwd=folder).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(where).parent)],
                   stdout=subprocess.DEVNULL, check=False)


def measure_speed() -> float:
    """Seconds for a fixed pure-Python workload, best of 3: the machine's speed right now."""
    def work() -> float:
        began = time.perf_counter()
        sum(i * i for i in range(1_000_000))
        return time.perf_counter() - began
    return min(work() for _ in range(3))


def bench(folder: Path, count: int, jobs: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    compile_briefgen(folder)
    speed = measure_speed()
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), str(count),
                    str(folder)], check=True, stdout=subprocess.DEVNULL)
    briefs = sorted((folder / "briefs").glob("*.yaml"))
    out = folder / "out"
    one = ["build", str(briefs[0]), "-o", str(folder / "one"), "--force"]
    help_time = best_of(5, [*BRIEFGEN, "--help"], folder)
    floor_time = best_of(5, [sys.executable, "-c", "import jinja2, yaml, click, docx"], folder)
    cold_time = best_of(5, [*BRIEFGEN, *one], folder)
    build = [*BRIEFGEN, "build", "briefs", "-o", str(out), "-j", str(jobs)]
    fulls = sorted(timed([*build, "--force"], folder) for _ in range(RUNS))
    full_time, median_time = fulls[0][0], fulls[len(fulls) // 2][0]
    peak = max(memory for _, memory in fulls)
    noop_time = best_of(RUNS, build, folder)
    edit_times = []
    for number in range(RUNS):
        edited = briefs[(number + 1) * len(briefs) // (RUNS + 1)]
        edited.write_text(edited.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
        edit_times.append(timed(build, folder)[0])
    edit_time = min(edit_times)
    rate = count / full_time

    rows = [
        ("briefgen --help", f"{help_time:.3f} s", "<= 0.1 s", help_time <= 0.1),
        ("import floor: jinja2, yaml, click, docx", f"{floor_time:.3f} s", "", True),
        ("cold build of one brief", f"{cold_time:.3f} s (floor + {cold_time - floor_time:.3f})",
         "<= floor + 0.15 s", cold_time <= floor_time + 0.15),
        (f"build {count} briefs to .md and .docx, -j {jobs}",
         f"{full_time:.2f} s ({rate:.0f} briefs/s), median {median_time:.2f} s",
         "<= 5 s for 1,000",
         full_time <= 5 * count / 1000),
        ("peak memory of that build (all processes)", f"{peak / 2**20:.0f} MB", "< 300 MB",
         0 < peak < 300 * 2**20),
        ("rebuild, nothing changed", f"{noop_time:.3f} s", "", True),
        ("rebuild after one edit", f"{edit_time:.3f} s", "< 0.5 s", edit_time < 0.5),
    ]
    if shutil.which("pandoc"):
        pandoc_time = run_pandoc(sorted(out.glob("*.md")), folder / "pandoc", jobs)
        pandoc_rate = count / pandoc_time
        rows.append((f"pandoc, the same {count} .md to .docx, {jobs} at a time",
                     f"{pandoc_time:.2f} s ({pandoc_rate:.0f} briefs/s)", "", True))
        rows.append(("briefgen's rate / pandoc's", f"{rate / pandoc_rate:.1f}x", ">= 8x",
                     rate / pandoc_rate >= 8))
    else:
        rows.append(("pandoc", "not installed: no comparison", "", True))
    if has_module("docxtpl"):
        peer_time = run_docxtpl(briefs, folder / "docxtpl", jobs)
        peer_rate = len(briefs) / peer_time
        rows.append((f"docxtpl, the same {len(briefs)} .yaml to .docx, {jobs} processes",
                     f"{peer_time:.2f} s ({peer_rate:.0f} briefs/s)", "", True))
        rows.append(("briefgen's rate / docxtpl's", f"{rate / peer_rate:.1f}x", "> 1x",
                     rate > peer_rate))
    else:
        rows.append(("docxtpl", "not installed (pip install '.[bench]'): no comparison", "",
                     True))
    print(f"briefgen benchmark: {count} briefs, {jobs} jobs, {os.cpu_count()} CPUs, "
          f"Python {sys.version.split()[0]}; reference workload {speed * 1000:.0f} ms")
    width = max(len(row[0]) for row in rows)
    figures = max(len(row[1]) for row in rows)
    for label, figure, target, met in rows:
        mark = "" if not target else ("  met" if met else "  NOT MET")
        print(f"  {label:<{width}}  {figure:<{figures}}  {target:<18}{mark}".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
