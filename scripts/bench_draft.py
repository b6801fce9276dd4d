"""Time `briefgen draft` on a long article: the seed articles repeated to 5,000 words.

Prints words, seconds and words per second. Run: python scripts/bench_draft.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from briefgen.draft import draft_incident

ROOT = Path(__file__).resolve().parents[1]
WORDS = 5000


def main() -> None:
    bodies = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    parts, count = [], 0
    while count < WORDS:
        body = bodies[len(parts) % len(bodies)]
        parts.append(body)
        count += len(body.split())
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "long-article.txt"
        article.write_text("\n\n".join(parts), encoding="utf-8")
        start = time.perf_counter()
        draft = draft_incident([article], briefs_dir=ROOT / "briefs")
        seconds = time.perf_counter() - start
    print(f"{count} words drafted in {seconds:.2f} s ({count / seconds:,.0f} words/s); "
          f"{len(draft['claims'])} claims")


if __name__ == "__main__":
    main()
