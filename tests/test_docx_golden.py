"""The curated briefs in Word, part by part against golden data (not bytes).

Each curated brief's .docx is reopened with python-docx and described as data: every body
block in order (paragraph style, text, numbering, alignment, direction, bookmarks, runs with
their look, hyperlinks; tables with their style and cells), the footnotes, the fields, the
header and footer, the page setup, the settings' compatibility and the core properties.
The description is compared with ``tests/golden/ID.docx.json``.

``BRIEFGEN_UPDATE_GOLDEN=1 pytest tests/test_docx_golden.py`` writes the golden files from
the writer as it is; review their diff before committing it.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from briefgen.load import load_any
from briefgen.render.docx import render_docx
from briefgen.render.markdown import render_markdown
from conftest import ALL_BRIEFS, ROOT

GOLDEN = ROOT / "tests" / "golden"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = qn("r:id")
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def style_names(document: Any) -> dict[str, str]:
    """Style id -> style name, for the styles part of ``document``."""
    return {s.style_id: s.name for s in document.styles}


def list_kinds(document: Any) -> dict[str, tuple[str, str | None]]:
    """numId -> (the first level's number format, the start override if any)."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    formats = {}
    for abstract in numbering.findall(qn("w:abstractNum")):
        fmt = abstract.find(f"{W}lvl/{W}numFmt")
        formats[abstract.get(qn("w:abstractNumId"))] = fmt.get(qn("w:val")) if fmt is not None \
            else ""
    kinds: dict[str, tuple[str, str | None]] = {}
    for num in numbering.findall(qn("w:num")):
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        start = num.find(f"{W}lvlOverride/{W}startOverride")
        kinds[num.get(qn("w:numId"))] = (formats.get(abstract_id, ""),
                                         start.get(qn("w:val")) if start is not None else None)
    return kinds


def describe_run(run: Any, styles: dict[str, str],
                 rels: dict[str, str] | None = None) -> dict[str, Any]:
    """A run's text and look, and a picture's alt text, size and part; only what is set."""
    r_pr = run.find(qn("w:rPr"))
    look: dict[str, Any] = {}
    if r_pr is not None:
        for tag in ("b", "i", "rtl", "vertAlign", "color", "shd"):
            found = r_pr.find(qn(f"w:{tag}"))
            if found is not None:
                look[tag] = (found.get(qn("w:fill")) if tag == "shd" else found.get(qn("w:val"))
                             ) or True
        style = r_pr.find(qn("w:rStyle"))
        if style is not None:
            look["style"] = styles.get(style.get(qn("w:val")), style.get(qn("w:val")))
    pieces = []
    for child in run:
        if child.tag == qn("w:t"):
            pieces.append(child.text or "")
        elif child.tag == qn("w:tab"):
            pieces.append("\t")
        elif child.tag == qn("w:br"):
            pieces.append("\n")
        elif child.tag == qn("w:footnoteReference"):
            pieces.append(f"[^{child.get(qn('w:id'))}]")
        elif child.tag == qn("w:footnoteRef"):
            pieces.append("[note]")
        elif child.tag == qn("w:fldChar"):
            pieces.append(f"{{{child.get(qn('w:fldCharType'))}}}")
        elif child.tag == qn("w:instrText"):
            pieces.append(f"{{instr:{child.text}}}")
        elif child.tag == qn("w:drawing"):
            pieces.append("[picture]")
            properties = child.find(f".//{{{WP}}}docPr")
            extent = child.find(f".//{{{WP}}}extent")
            blip = child.find(f".//{{{A}}}blip")
            look["picture"] = {
                "inline": child.find(f"{{{WP}}}inline") is not None,
                "title": properties.get("title"), "descr": properties.get("descr"),
                "extent": [int(extent.get("cx")), int(extent.get("cy"))],
                "part": (rels or {}).get(blip.get(qn("r:embed")), "?")}
    return {"text": "".join(pieces), **look}


def describe_paragraph(p: Any, context: dict[str, Any]) -> dict[str, Any]:
    """A paragraph: style, text, numbering, alignment, direction, bookmarks, runs, links."""
    styles, kinds, rels = context["styles"], context["lists"], context["rels"]
    p_pr = p.find(qn("w:pPr"))
    out: dict[str, Any] = {"style": None}
    if p_pr is not None:
        style = p_pr.find(qn("w:pStyle"))
        if style is not None:
            out["style"] = styles.get(style.get(qn("w:val")), style.get(qn("w:val")))
        num = p_pr.find(qn("w:numPr"))
        if num is not None:
            num_id = num.find(qn("w:numId")).get(qn("w:val"))
            out["list"] = {"level": num.find(qn("w:ilvl")).get(qn("w:val")),
                           "kind": kinds.get(num_id, ("?", None))[0],
                           "start": kinds.get(num_id, ("?", None))[1],
                           "instance": context["instances"].setdefault(
                               num_id, len(context["instances"]))}
        for tag, key in (("jc", "align"), ("bidi", "bidi")):
            found = p_pr.find(qn(f"w:{tag}"))
            if found is not None:
                out[key] = found.get(qn("w:val")) or True
        indent = p_pr.find(qn("w:ind"))
        if indent is not None:
            out["indent"] = dict(sorted((etree.QName(k).localname, v)
                                        for k, v in indent.attrib.items()))
    runs, links, bookmarks = [], [], []
    for child in p.iter(qn("w:r"), qn("w:hyperlink"), qn("w:bookmarkStart")):
        if child.tag == qn("w:r"):
            run = describe_run(child, styles, rels)
            if child.getparent().tag == qn("w:hyperlink"):
                run["link"] = True
            runs.append(run)
        elif child.tag == qn("w:bookmarkStart"):
            bookmarks.append(child.get(qn("w:name")))
        else:
            target = child.get(qn("w:anchor"))
            links.append({"anchor": target} if target is not None else
                         {"url": rels.get(child.get(R_ID), "?")})
    out["text"] = "".join(r["text"] for r in runs)
    out["runs"] = runs
    if links:
        out["links"] = links
    if bookmarks:
        out["bookmarks"] = bookmarks
    return out


def describe_table(table: Any, context: dict[str, Any]) -> dict[str, Any]:
    """A table: its style, whether its first row repeats, and its cells' paragraphs."""
    style = table.find(f"{W}tblPr/{W}tblStyle")
    rows = []
    for tr in table.findall(qn("w:tr")):
        rows.append([[describe_paragraph(p, context) for p in tc.findall(qn("w:p"))]
                     for tc in tr.findall(qn("w:tc"))])
    header = table.find(f"{W}tr/{W}trPr/{W}tblHeader")
    return {"table": context["styles"].get(style.get(qn("w:val"))) if style is not None else None,
            "header_row": header is not None, "rows": rows}


def describe_story(element: Any, context: dict[str, Any]) -> list[dict[str, Any]]:
    """The blocks of a body, header, footer or note, in order."""
    out = []
    for child in element:
        if child.tag == qn("w:p"):
            out.append(describe_paragraph(child, context))
        elif child.tag == qn("w:tbl"):
            out.append(describe_table(child, context))
    return out


def part_rels(part: Any) -> dict[str, str]:
    return {rid: rel.target_ref for rid, rel in part.rels.items()}


def describe_notes(document: Any, context: dict[str, Any]) -> dict[str, Any]:
    """Footnote id -> its blocks; only the notes (not the separators)."""
    part = next((rel.target_part for rel in document.part.rels.values()
                 if rel.reltype.endswith("/footnotes")), None)
    if part is None:
        return {}
    root = etree.fromstring(part.blob) if not hasattr(part, "element") else part.element
    note_context = {**context, "rels": part_rels(part)}
    return {note.get(qn("w:id")): describe_story(note, note_context)
            for note in root.findall(qn("w:footnote"))
            if note.get(qn("w:type")) in (None, "normal")}


def describe_section(document: Any, context: dict[str, Any]) -> dict[str, Any]:
    """Page setup, and the header and footer with their fields."""
    section = document.sections[-1]
    out: dict[str, Any] = {
        "page": [section.page_width, section.page_height, section.orientation],
        "margins": [section.top_margin, section.right_margin, section.bottom_margin,
                    section.left_margin, section.header_distance, section.footer_distance,
                    section.gutter]}
    for name, story in (("header", section.header), ("footer", section.footer)):
        story_context = {**context, "rels": part_rels(story.part)}
        out[name] = describe_story(story._element, story_context)
    return out


def describe_docx(data: bytes) -> dict[str, Any]:
    """What matters in a .docx, as data that JSON holds."""
    document = docx.Document(io.BytesIO(data))
    context: dict[str, Any] = {"styles": style_names(document), "lists": list_kinds(document),
                               "rels": part_rels(document.part), "instances": {}}
    props = document.core_properties
    settings = document.settings.element
    compat = [(s.get(qn("w:name")), s.get(qn("w:val")))
              for s in settings.iter(qn("w:compatSetting"))]
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {
        "parts": sorted(n for n in archive.namelist() if not n.endswith(".rels")),
        "app": archive.read("docProps/app.xml").decode("utf-8").split("?>", 1)[-1].strip(),
        "properties": {key: str(getattr(props, key)) for key in (
            "title", "subject", "author", "keywords", "comments", "last_modified_by",
            "revision", "created", "modified", "category", "last_printed")},
        "settings": {"compat": compat,
                     "children": [etree.QName(c).localname for c in settings]},
        "section": describe_section(document, context),
        "body": describe_story(document.element.body, context),
        "notes": describe_notes(document, context),
    }


@pytest.mark.parametrize("path", ALL_BRIEFS, ids=lambda p: p.stem)
def test_curated_brief_matches_golden_word_document(path: Path) -> None:
    brief = load_any(path)
    described = describe_docx(render_docx(brief, render_markdown(brief)))
    golden = GOLDEN / f"{brief.id}.docx.json"
    if os.environ.get("BRIEFGEN_UPDATE_GOLDEN") == "1":
        golden.write_text(json.dumps(described, ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(described))
    for key in expected:
        assert actual[key] == expected[key], key
    assert actual == expected
