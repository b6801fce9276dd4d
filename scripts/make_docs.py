"""Write docs/fields.md and docs/incident.schema.json from the model.

Run it after changing briefgen/model.py; tests/test_docs.py fails while either is stale.
"""

from __future__ import annotations

from pathlib import Path

from briefgen.build import format_json_schema
from briefgen.docs import make_field_reference

DOCS = Path(__file__).resolve().parents[1] / "docs"


def main() -> None:
    (DOCS / "fields.md").write_text(make_field_reference(), encoding="utf-8")
    (DOCS / "incident.schema.json").write_text(format_json_schema(), encoding="utf-8")
    print("wrote docs/fields.md and docs/incident.schema.json")


if __name__ == "__main__":
    main()
