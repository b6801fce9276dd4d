"""Draft each seed incident from its articles and compare the draft with the curated file.

Prints, per incident, the share of curated quotes and of curated casualty figures (with the
right claimant) that the draft found, and how many drafted quotes and figures the curated
file does not have. Run: python scripts/draft_recall.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefgen.draft import draft_incident, measure_recall
from briefgen.load import read_document

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    briefs = ROOT / "briefs"
    print(f"{'incident':28} {'quotes':>12} {'figures':>12} {'extra quotes':>13} "
          f"{'extra figures':>14}")
    for path in sorted(briefs.glob("*.yaml")):
        curated = read_document(path).data
        if "incidents" in curated:
            continue  # a comparison has no articles of its own
        seeds = [ROOT / "seeds" / s["seed"] for s in curated["sources"] if s.get("seed")]
        draft = draft_incident(seeds, briefs_dir=briefs)
        r = measure_recall(curated, draft)
        quotes = (f"{r.quotes_found}/{r.quotes_total} "
                  f"{100 * r.quotes_found // max(r.quotes_total, 1)}%")
        figures = (f"{r.figures_found}/{r.figures_total} "
                   f"{100 * r.figures_found // max(r.figures_total, 1)}%")
        print(f"{path.stem:28} {quotes:>12} {figures:>12} {r.extra_quotes:>13} "
              f"{r.extra_figures:>14}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
