"""The peer briefgen is measured against: the script a user would write with docxtpl.

    python scripts/docxtpl_peer.py OUT_DIR BRIEF.yaml...

A Word template with Jinja tags (made here with python-docx, in the styles of briefgen's
reference document) rendered by docxtpl from each incident file, read with PyYAML's C
loader: title block, bottom line, key judgments, background, the claims with their quotes
and sources, the casualty table, implications and sources. No checks, no footnotes, no
contents list: less than briefgen does, which only favours the peer.

Needs the bench extra: pip install '.[bench]'.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import docx
import yaml
from docxtpl import DocxTemplate

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "templates" / "reference.docx"

LINES = [
    ("Title", "{{ title }}"),
    ("Subtitle", "{{ incident.place.name }}, {{ incident.place.country }}"),
    ("Date", "{{ handling }} · Revision {{ revision.number }}, {{ revision.date }}"),
    ("Heading 1", "Bottom line"),
    ("First Paragraph", "{{ bluf }}"),
    ("Heading 1", "Key judgments"),
    ("Compact", "{%p for j in judgments %}"),
    ("Compact", "{{ j.likelihood }}, {{ j.confidence }} confidence: {{ j.text }}"),
    ("Compact", "{%p endfor %}"),
    ("Heading 1", "Background"),
    ("First Paragraph", "{{ background }}"),
    ("Heading 1", "Competing claims"),
    ("Compact", "{%p for c in claims %}"),
    ("Compact", "{{ c.actor }} ({{ c.kind }}): {{ c.summary }}{% if c.quote %} “{{ c.quote }}”"
                "{% endif %} [{{ c.sources | join(', ') }}]"),
    ("Compact", "{%p endfor %}"),
    ("Heading 1", "Implications"),
    ("Compact", "{%p for i in implications %}"),
    ("Compact", "{{ i.text }}"),
    ("Compact", "{%p endfor %}"),
    ("Heading 1", "Sources"),
    ("Compact", "{%p for s in sources %}"),
    ("Compact", "{{ s.publisher }}, “{{ s.title }}”, {{ s.date }}. Reliability "
                "{{ s.reliability }}."),
    ("Compact", "{%p endfor %}"),
]


def make_template() -> bytes:
    """The Word template, with a casualty table whose rows repeat per claim."""
    document = docx.Document(str(REFERENCE))
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    for style, text in LINES[:12]:
        document.add_paragraph(text, style=style)
    table = document.add_table(rows=3, cols=4, style="Table")
    for cell, text in zip(table.rows[0].cells, ("Claimant", "Counted", "Killed", "Wounded"),
                          strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for c in claims if c.casualties %}"
    for cell, text in zip(table.rows[2].cells, (
            "{{ c.actor }}", "{{ c.casualties.of }}",
            "{{ c.casualties.killed.text if c.casualties.killed else '–' }}",
            "{{ c.casualties.wounded.text if c.casualties.wounded else '–' }}"), strict=True):
        cell.text = text
    row = table.add_row()
    row.cells[0].text = "{%tr endfor %}"
    for style, text in LINES[12:]:
        document.add_paragraph(text, style=style)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def render(template: bytes, brief: dict[str, Any], target: Path) -> None:
    document = DocxTemplate(io.BytesIO(template))
    document.render(brief)
    document.save(str(target))


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    template = make_template()
    for name in sys.argv[2:]:
        with open(name, "rb") as handle:
            brief = yaml.load(handle, Loader=yaml.CSafeLoader)
        if "incident" not in brief:  # a comparison: not what this script is for
            continue
        brief["revision"] = brief.get("revision") or brief["revisions"][-1]  # the current one
        render(template, brief, out / f"{brief['id']}.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
