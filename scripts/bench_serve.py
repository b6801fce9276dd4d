"""Time the live preview from a save to the reloaded page, in headless Chromium.

Starts ``briefgen serve`` on a free loopback port in a copy of briefs/ and seeds/, opens a
brief in Debian's chromium (Playwright), then saves the brief N times (default 20), each
time with a new title, and times from the write to the moment the open page shows the new
title, having reloaded by itself. Prints the median, the slowest and the target (0.5 s).

Run: python scripts/bench_serve.py [N]   (needs chromium and pip install '.[test]')
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
BRIEF = "2019-01-sarsar-lake"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TARGET = 0.5


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        for name in ("briefs", "seeds"):
            shutil.copytree(ROOT / name, project / name)
        path = project / "briefs" / f"{BRIEF}.yaml"
        original = path.read_text(encoding="utf-8")
        server = subprocess.Popen(
            [sys.executable, "-c", "from briefgen.cli import main; main()", "serve", "briefs",
             "--port", "0"], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True)
        try:
            assert server.stdout is not None
            url = server.stdout.readline().split(" at ", 1)[1].split()[0]
            times = measure(chromium, f"{url}b/{BRIEF}", path, original, count)
        finally:
            server.terminate()
            server.wait(timeout=10)
    times.sort()
    print(f"save to reloaded page, {count} saves of one brief: median "
          f"{statistics.median(times):.3f} s, fastest {times[0]:.3f} s, slowest "
          f"{times[-1]:.3f} s (target < {TARGET} s: "
          f"{'met' if statistics.median(times) < TARGET and times[-1] < TARGET else 'missed'})")


def measure(chromium: str, url: str, path: Path, original: str, count: int) -> list[float]:
    times: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        page = browser.new_page()
        page.goto(url)
        page.wait_for_selector("h1")
        time.sleep(0.5)  # the event stream is open
        for i in range(count):
            token = f"Bench save {i}"
            text = original.replace("Reported US strike on", f"{token} strike on", 1)
            began = time.perf_counter()
            path.write_text(text, encoding="utf-8")
            page.wait_for_function(
                f"document.querySelector('h1') && "
                f"document.querySelector('h1').textContent.startsWith({token!r})",
                timeout=10_000)
            times.append(time.perf_counter() - began)
            time.sleep(0.3)  # between saves, as a person types and saves
        browser.close()
    return times


if __name__ == "__main__":
    main()
