"""Screenshots of every curated brief's HTML page in headless Chromium, to look at.

Builds briefs/ to HTML in a temporary folder, then writes OUT/ID-1280.png and
OUT/ID-390.png (desktop and phone widths, the whole page). Run:
python scripts/screenshots.py OUT   (needs chromium and pip install '.[test]')
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from briefgen.build import build_briefs

ROOT = Path(__file__).resolve().parents[1]
WIDTHS = (1280, 390)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        report = build_briefs(sorted((ROOT / "briefs").glob("*.yaml")), Path(folder), ["html"])
        for _path, error in report.failed:
            print(error, file=sys.stderr)
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        for page_file in sorted(Path(folder).glob("*.html")):
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto(page_file.as_uri())
                target = out / f"{page_file.stem}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                page.close()
                print(f"wrote {target}")
        browser.close()


if __name__ == "__main__":
    main()
