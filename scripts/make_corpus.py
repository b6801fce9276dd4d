"""Make N valid incident files from the curated ones, for benchmarks and soak tests.

    python scripts/make_corpus.py N DIR

Writes DIR/briefs/ID.yaml (new ids, varied titles, claims, judgments and lengths) and copies
the seed articles to DIR/seeds/, so every quote still checks against its article.
"""

from __future__ import annotations

import copy
import random
import shutil
import sys
from pathlib import Path

import yaml

from briefgen.load import read_document

ROOT = Path(__file__).resolve().parents[1]
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def vary(data: dict[str, object], number: int, rng: random.Random) -> dict[str, object]:
    """A copy of a curated incident with a new id and varied content and length."""
    brief = copy.deepcopy(data)
    brief["id"] = f"corpus-{number:05d}-{brief['id']}"
    brief["title"] = f"{brief['title']} (corpus item {number})"
    claims = brief["claims"]
    keep = max(2, rng.randint(len(claims) // 2, len(claims)))
    kept = rng.sample(claims, keep)
    # denials, findings and claims of responsibility stay, so the attribution grade still holds
    kept_ids = {c["id"] for c in kept} | {c["id"] for c in claims if c["kind"] in (
        "denies", "finds", "claims-responsibility", "accuses")}
    brief["claims"] = [c for c in claims if c["id"] in kept_ids]
    judgments = []
    for judgment in brief["judgments"]:
        rests = [c for c in judgment.get("rests_on", []) if c in kept_ids]
        if rests:
            judgments.append({**judgment, "rests_on": rests})
    brief["judgments"] = judgments or [{
        "text": "The incident happened as the first claim says.", "likelihood": "unlikely",
        "confidence": "low", "rests_on": [brief["claims"][0]["id"]]}]
    repeat = rng.randint(1, 4)
    brief["background"] = "\n\n".join([brief["background"]] * repeat)
    if rng.random() < 0.3:
        brief.pop("indicators", None)
    return brief


def main() -> int:
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    count, folder = int(sys.argv[1]), Path(sys.argv[2])
    curated = [read_document(p).data for p in sorted((ROOT / "briefs").glob("*.yaml"))]
    curated = [c for c in curated if "incidents" not in c]
    (folder / "briefs").mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "seeds", folder / "seeds", dirs_exist_ok=True)
    rng = random.Random(20261121)
    for number in range(count):
        brief = vary(curated[number % len(curated)], number, rng)
        text = yaml.dump(brief, Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=100)
        (folder / "briefs" / f"{brief['id']}.yaml").write_text(text, encoding="utf-8")
    print(f"wrote {count} incident files to {folder / 'briefs'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
