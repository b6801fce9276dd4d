"""The Word writer: rendered Markdown, parsed by markdown-it-py, written with python-docx
over the reference document's named styles. The one module that imports python-docx.

Style names follow pandoc's reference.docx, so a house reference made for pandoc works here.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, RGBColor
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin

from briefgen.errors import RenderError
from briefgen.load import ComparisonSet, Loaded
from briefgen.model import Brief, Comparison
from briefgen.render.markdown import default_templates_dir, slugify

REFERENCE_NAME = "reference.docx"

HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2", 4: "Heading 3"}
"""Markdown heading level -> style: the brief's one ``#`` heading is its title."""

FALLBACK_STYLES = {
    "First Paragraph": "Body Text",
    "Compact": "Body Text",
    "Block Text": "Body Text",
    "Author": "Body Text",
    "Date": "Body Text",
    "Source Code": "Body Text",
    "Subtitle": "Body Text",
    "Heading 3": "Heading 2",
    "Body Text": "Normal",
    "TOC Heading": "Heading 1",
    "TOC 3": "TOC 2",
    "TOC 2": "TOC 1",
    "TOC 1": "Compact",
    "Footnote Text": "Normal",
    "Header": "Normal",
    "Footer": "Normal",
}
"""Where a user's reference lacks a style, the nearest one used instead."""

BULLET_NAME = "briefgen bullet"
DECIMAL_NAME = "briefgen decimal"
LIST_INDENT = 360  # twentieths of a point per list level
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CHAR_WIDTH = 73_000  # EMU: a bold 9 pt character, generously
CELL_PADDING = 150_000  # EMU: the table style's cell margins and a little air

_CUSTOM_STYLE = re.compile(r'^\{\s*custom-style\s*=\s*"([^"]+)"\s*\}$')
_CONTENTS = re.compile(r"^\{\s*\.contents\s*\}$")
_ARABIC = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+"
    "(?:[\\s\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]*"
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff])?")
"""A stretch of Arabic script, spaces inside it included: written as one right-to-left run."""

TLP_COLOURS = {
    "TLP:CLEAR": "FFFFFF", "TLP:GREEN": "33FF00", "TLP:AMBER": "FFC000",
    "TLP:AMBER+STRICT": "FFC000", "TLP:RED": "FF2B2B",
}
"""FIRST's TLP 2.0 colours: the label in its colour on black."""

RPR_AFTER_SHD = ("w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
                 "w:eastAsianLayout", "w:specVanish", "w:oMath")
PPR_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                  "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                  "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
                  "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
"""Children of w:rPr and w:pPr that ISO 29500 puts after w:shd and w:bidi."""

APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>briefgen</Application><DocSecurity>0</DocSecurity>'
    "</Properties>"
)
"""Extended properties without the template's leftovers (Normal.dotm, page counts)."""


def make_parser() -> MarkdownIt:
    """CommonMark with tables and pandoc's ``::: {custom-style="..."}`` divs; no raw HTML."""
    parser = MarkdownIt("commonmark", {"html": False}).enable("table").use(footnote_plugin)
    container_plugin(parser, "custom_style",
                     validate=lambda params, *_: bool(_CUSTOM_STYLE.match(params.strip())))
    container_plugin(parser, "contents",
                     validate=lambda params, *_: bool(_CONTENTS.match(params.strip())))
    return parser


@lru_cache(maxsize=1)
def shared_parser() -> MarkdownIt:
    """The Markdown parser, built once per process."""
    return make_parser()


@lru_cache(maxsize=8)
def read_reference(path: Path | None) -> bytes:
    """The reference document's bytes, read once per process."""
    source = path if path is not None else default_templates_dir() / REFERENCE_NAME
    try:
        return source.read_bytes()
    except OSError as exc:
        raise RenderError(f"{source}: cannot read the reference document: "
                          f"{exc.strerror or exc}") from exc


def render_docx(brief: Loaded, markdown: str, reference: Path | None = None) -> bytes:
    """The brief as the bytes of a .docx, reproducible: same input, same bytes."""
    try:
        document = docx.Document(io.BytesIO(read_reference(reference)))
    except Exception as exc:  # python-docx raises several kinds on a file that is not .docx
        raise RenderError(f"{reference}: not a Word document: {exc}") from exc
    clear_body(document)
    writer = Writer(document)
    writer.write(shared_parser().parse(markdown))
    writer.notes.finish()
    head = brief.comparison if isinstance(brief, ComparisonSet) else brief
    write_page_furniture(writer, head.handling)
    set_properties(document, brief)
    fix_settings(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue())


def clear_body(document: Any) -> None:
    """Remove the reference's sample content, keep its section (page size, margins)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def set_properties(document: Any, brief: Loaded) -> None:
    """Core properties from the brief; dates from the revision, never the clock."""
    head: Brief | Comparison
    if isinstance(brief, ComparisonSet):
        head = brief.comparison
        subject = f"Comparison of {len(brief.incidents)} incidents"
        actors = [actor.name for incident in brief.incidents for actor in incident.actors]
    else:
        head = brief
        subject = f"{brief.incident.event_type}, {brief.incident.place.name}"
        actors = [actor.name for actor in brief.actors]
    props = document.core_properties
    stamp = dt.datetime.combine(head.revision.date, dt.time(0, 0), tzinfo=dt.UTC)
    props.title = fit_property(head.title)
    props.subject = fit_property(subject)
    props.author = fit_property(", ".join(head.revision.authors), ", ")
    props.last_modified_by = props.author
    props.keywords = fit_property("; ".join(dict.fromkeys(actors)), "; ")
    props.category = head.handling
    props.comments = fit_property(head.revision.changes)
    props.revision = head.revision.number
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp


PROPERTY_LIMIT = 255
"""python-docx's (and Word's) limit on a core property's length."""


def fit_property(text: str, separator: str = " ") -> str:
    """``text`` cut at a ``separator`` to fit a core property, with an ellipsis if cut."""
    if len(text) <= PROPERTY_LIMIT:
        return text
    cut = text[: PROPERTY_LIMIT - 1].rsplit(separator, 1)[0].rstrip(" ;,")
    return cut + "…"


def fix_settings(document: Any) -> None:
    """``w:zoom`` needs ``w:percent`` to be schema-valid; some templates omit it."""
    for zoom in document.settings.element.findall(qn("w:zoom")):
        if zoom.get(qn("w:percent")) is None:
            zoom.set(qn("w:percent"), "100")


def zip_time() -> tuple[int, int, int, int, int, int]:
    """Timestamp of every zip entry: ``SOURCE_DATE_EPOCH`` if set, else 1980-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return ZIP_TIME
    moment = dt.datetime.fromtimestamp(max(int(epoch), 315532800), tz=dt.UTC)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute,
            moment.second // 2 * 2)


def normalise_zip(data: bytes) -> bytes:
    """The package rewritten with fixed timestamps and attributes, in the same order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    stamp = zip_time()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            blob = APP_XML.encode() if info.filename == "docProps/app.xml" else source.read(
                info.filename)
            target.writestr(entry, blob)
    return out.getvalue()


@dataclass
class ListLevel:
    """One open list: its numbering instance and whether an item's first paragraph is due."""

    num_id: int
    ordered: bool
    tight: bool
    item_started: bool = False


@dataclass
class InlineState:
    """Formatting that applies to the next run."""

    bold: int = 0
    italic: int = 0
    link: Any = None


@dataclass
class Writer:
    """Walks markdown-it tokens and writes paragraphs, runs and tables into ``document``."""

    document: Any
    lists: list[ListLevel] = field(default_factory=list)
    quote_depth: int = 0
    custom_styles: list[str] = field(default_factory=list)
    after_heading: bool = True
    styles: dict[tuple[str, WD_STYLE_TYPE], Any] = field(default_factory=dict)
    abstract_ids: dict[str, int] = field(default_factory=dict)
    bullet_num: int | None = None
    notes: Notes = field(init=False)
    contents: Contents | None = None
    bookmarks: int = 0

    def __post_init__(self) -> None:
        self.notes = Notes(self)

    def style(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> Any:
        """A style by name, falling back along ``FALLBACK_STYLES``; an error naming it if none."""
        key = (name, kind)
        if key not in self.styles:
            wanted = name
            while True:
                try:
                    found = self.document.styles[wanted]
                except KeyError:
                    found = None
                if found is not None and found.type == kind:
                    break
                if wanted not in FALLBACK_STYLES:
                    raise RenderError(f"the reference document has no {kind.name.lower()} "
                                      f"style named '{name}'")
                wanted = FALLBACK_STYLES[wanted]
            self.styles[key] = found
        return self.styles[key]

    def style_id(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> str:
        """The id of a style by name (with fallbacks), for writing it straight into the XML:
        python-docx's own style setters scan every style on every call."""
        return str(self.style(name, kind).style_id)

    def add_paragraph(self, container: Any, style_name: str, text: str = "") -> Any:
        """A paragraph at the end of ``container`` (the body, a header) in a named style."""
        paragraph = container.add_paragraph(text)
        self.set_paragraph_style(paragraph, style_name)
        return paragraph

    def set_paragraph_style(self, paragraph: Any, style_name: str) -> None:
        paragraph._p.get_or_add_pPr().style = self.style_id(style_name)

    def set_run_style(self, run: Any, style_name: str) -> None:
        run._r.get_or_add_rPr().style = self.style_id(style_name, WD_STYLE_TYPE.CHARACTER)

    def write(self, tokens: Sequence[Token]) -> None:
        """Write the body; footnote definitions become Word footnotes where they are cited."""
        body: list[Token] = []
        note_id: int | None = None
        for token in tokens:
            if token.type == "footnote_open":
                note_id = int(token.meta["id"])
            elif token.type == "footnote_close":
                note_id = None
            elif note_id is not None:
                if token.type == "inline" and note_id not in self.notes.contents:
                    self.notes.contents[note_id] = token
            elif not token.type.startswith("footnote_block"):
                body.append(token)
        index = 0
        while index < len(body):
            index = self.write_block(body, index)

    def write_block(self, tokens: Sequence[Token], index: int) -> int:
        """Write the block starting at ``tokens[index]``; return the index after it."""
        token = tokens[index]
        kind = token.type
        if self.contents is not None and kind != "container_contents_close":
            self.contents.collect(token)
            return index + 1
        if kind == "heading_open":
            level = int(token.tag[1:])
            inline = tokens[index + 1]
            heading = self.paragraph(inline, HEADING_STYLES.get(level, "Heading 3"))
            self.bookmark(heading, slugify(inline.content))
            self.after_heading = True
            return index + 3
        if kind == "paragraph_open":
            self.paragraph(tokens[index + 1], self.paragraph_style())
            self.after_heading = False
            return index + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            start = int(token.attrGet("start") or 1) if ordered else 1
            tight = bool(index + 2 < len(tokens) and tokens[index + 2].hidden)
            self.lists.append(ListLevel(self.list_num(ordered, start), ordered, tight))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
            self.after_heading = False
        elif kind == "list_item_open":
            self.lists[-1].item_started = True
        elif kind == "blockquote_open":
            self.quote_depth += 1
        elif kind == "blockquote_close":
            self.quote_depth -= 1
        elif kind == "container_custom_style_open":
            match = _CUSTOM_STYLE.match(token.info.strip())
            self.custom_styles.append(match.group(1) if match else "Body Text")
        elif kind == "container_custom_style_close":
            self.custom_styles.pop()
        elif kind == "container_contents_open":
            self.contents = Contents()
        elif kind == "container_contents_close" and self.contents is not None:
            self.contents.write(self)
            self.contents = None
        elif kind == "table_open":
            end = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
            self.table(tokens[index:end + 1])
            self.after_heading = False
            return end + 1
        elif kind in ("fence", "code_block"):
            for line in token.content.rstrip("\n").split("\n"):
                self.add_paragraph(self.document, "Source Code", line)
        return index + 1

    def paragraph_style(self) -> str:
        """The style of a body paragraph where the walk now stands."""
        if self.custom_styles:
            return self.custom_styles[-1]
        if self.quote_depth:
            return "Block Text"
        if self.lists:
            return "Compact" if self.lists[-1].tight else "Body Text"
        return "First Paragraph" if self.after_heading else "Body Text"

    def paragraph(self, inline: Token, style_name: str) -> Any:
        """A paragraph of ``inline``'s runs; the first paragraph of a list item is numbered."""
        paragraph = self.add_paragraph(self.document, style_name)
        if self.lists and not style_name.startswith(("Title", "Heading")):
            level = self.lists[-1]
            depth = len(self.lists) - 1
            if level.item_started:
                set_numbering(paragraph, level.num_id, depth)
                level.item_started = False
            else:
                paragraph.paragraph_format.left_indent = Emu(
                    (depth + 1) * LIST_INDENT * 635)  # continuation lines up with item text
        self.runs(paragraph, inline.children or [])
        if is_mostly_arabic(inline.content):
            set_bidi(paragraph)
        return paragraph

    def bookmark(self, paragraph: Any, slug: str) -> None:
        """A bookmark around the paragraph's text, named for the heading's anchor."""
        self.bookmarks += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.bookmarks))
        start.set(qn("w:name"), bookmark_name(slug))
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self.bookmarks))
        p_pr = paragraph._p.pPr
        if p_pr is not None:
            p_pr.addnext(start)
        else:
            paragraph._p.insert(0, start)
        paragraph._p.append(end)

    def runs(self, paragraph: Any, children: Sequence[Token], in_note: bool = False) -> None:
        state = InlineState()
        previous = ""
        for child in children:
            kind = child.type
            if kind == "text":
                self.run(paragraph, child.content, state)
            elif kind == "code_inline":
                for run in self.run(paragraph, child.content, state):
                    self.set_run_style(run, "Verbatim Char")
            elif kind == "softbreak":
                self.run(paragraph, " ", state)
            elif kind == "hardbreak":
                self.run(paragraph, "", state)[-1].add_break()
            elif kind == "strong_open":
                state.bold += 1
            elif kind == "strong_close":
                state.bold -= 1
            elif kind == "em_open":
                state.italic += 1
            elif kind == "em_close":
                state.italic -= 1
            elif kind == "link_open":
                state.link = self.hyperlink(paragraph, str(child.attrGet("href") or ""))
            elif kind == "link_close":
                state.link = None
            elif kind == "image":
                self.run(paragraph, child.content, state)
            elif kind == "footnote_ref" and not in_note:
                if previous == "footnote_ref":
                    self.notes.reference_run(paragraph).text = ","
                self.notes.cite(paragraph, child.meta)
            previous = kind

    def run(self, paragraph: Any, text: str, state: InlineState) -> list[Any]:
        """Runs for ``text``: Arabic script in right-to-left runs of its own."""
        runs = []
        for piece, rtl in split_scripts(text):
            run = paragraph.add_run(piece)
            if state.bold:
                run.bold = True
            if state.italic:
                run.italic = True
            if rtl:
                run.font.rtl = True
            if state.link is not None:
                self.set_run_style(run, "Hyperlink")
                state.link.append(run._r)
            runs.append(run)
        return runs

    def hyperlink(self, paragraph: Any, url: str) -> Any:
        """A ``w:hyperlink`` element, appended to the paragraph, that later runs go into."""
        element = OxmlElement("w:hyperlink")
        if url.startswith("#"):
            element.set(qn("w:anchor"), bookmark_name(url[1:]))
        else:
            element.set(qn("r:id"), paragraph.part.relate_to(url, RT.HYPERLINK,
                                                              is_external=True))
        paragraph._p.append(element)
        return element

    def list_num(self, ordered: bool, start: int) -> int:
        """A numbering instance for a new list: one per ordered list, so numbering restarts."""
        numbering = self.document.part.numbering_part.element
        name = DECIMAL_NAME if ordered else BULLET_NAME
        if name not in self.abstract_ids:
            self.abstract_ids[name] = find_or_add_abstract(numbering, name, ordered)
        abstract_id = self.abstract_ids[name]
        if not ordered and self.bullet_num is not None:
            return self.bullet_num
        num = numbering.add_num(abstract_id)
        if ordered:
            num.add_lvlOverride(ilvl=0).add_startOverride(start)
        else:
            self.bullet_num = num.numId
        return int(num.numId)

    def table(self, tokens: Sequence[Token]) -> None:
        """A Markdown table in the reference's ``Table`` style, its first row a header."""
        rows: list[list[Token]] = []
        aligns: list[str] = []
        for index, token in enumerate(tokens):
            if token.type == "tr_open":
                rows.append([])
            elif token.type in ("th_open", "td_open"):
                rows[-1].append(tokens[index + 1])
                if len(rows) == 1:
                    aligns.append(str(token.attrGet("style") or ""))
        columns = len(aligns)
        table = self.document.add_table(rows=len(rows), cols=columns)
        table._tbl.tblPr.style = self.style_id("Table", WD_STYLE_TYPE.TABLE)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        mark_header(table.rows[0])
        for row, cells in zip(table.rows, rows, strict=True):
            for column, (cell, inline) in enumerate(zip(row.cells, cells, strict=False)):
                paragraph = cell.paragraphs[0]
                self.set_paragraph_style(paragraph, "Compact")
                if "right" in aligns[column]:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                elif "center" in aligns[column]:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self.runs(paragraph, inline.children or [])
        size_columns(table, self.document, rows)


def set_numbering(paragraph: Any, num_id: int, level: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def mark_header(row: Any) -> None:
    """Repeat the row on every page and let the table style's first-row look apply."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def size_columns(table: Any, document: Any, rows: list[list[Token]]) -> None:
    """Column widths: room for each column's longest word, the rest shared by text length."""
    section = document.sections[-1]
    width = int(section.page_width - section.left_margin - section.right_margin)
    minimums, weights = [], []
    for column in range(len(rows[0])):
        texts = [visible_text(row[column]) for row in rows if column < len(row)]
        longest_word = max((len(word) for text in texts for word in text.split()), default=1)
        minimums.append(longest_word * CHAR_WIDTH + CELL_PADDING)
        weights.append(min(max((len(text) for text in texts), default=1), 40))
    sizes = share_width(width, minimums, weights)
    grid = table._tbl.tblGrid
    for column, size in enumerate(sizes):
        grid.gridCol_lst[column].w = Emu(size)
        for cell in table.columns[column].cells:
            cell.width = Emu(size)
    table.autofit = False
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:type"), "pct")
        tbl_w.set(qn("w:w"), "5000")


def visible_text(inline: Token) -> str:
    """The text a cell shows: without Markdown syntax or footnote labels."""
    return "".join(c.content for c in inline.children or []
                   if c.type in ("text", "code_inline", "softbreak"))


def share_width(width: int, minimums: list[int], weights: list[int]) -> list[int]:
    """Split ``width`` in proportion to ``weights``, no column below its minimum."""
    if sum(minimums) >= width:
        return [width * m // sum(minimums) for m in minimums]
    fixed: set[int] = set()
    while True:
        free = width - sum(minimums[i] for i in fixed)
        total = sum(w for i, w in enumerate(weights) if i not in fixed)
        sizes = [minimums[i] if i in fixed else free * w // total for i, w in enumerate(weights)]
        short = {i for i, size in enumerate(sizes) if size < minimums[i]} - fixed
        if not short:
            return sizes
        fixed |= short


def find_or_add_abstract(numbering: Any, name: str, ordered: bool) -> int:
    """The id of the abstract numbering called ``name``; added if the reference lacks it."""
    for abstract in numbering.findall(qn("w:abstractNum")):
        label = abstract.find(qn("w:name"))
        if label is not None and label.get(qn("w:val")) == name:
            return int(abstract.get(qn("w:abstractNumId")))
    ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(ids, default=-1) + 1
    abstract = build_abstract(abstract_id, name, ordered)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return abstract_id


def build_abstract(abstract_id: int, name: str, ordered: bool) -> Any:
    """A three-level list definition: decimal 1. a. i. or bullets."""
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "hybridMultilevel")
    abstract.append(multi)
    label = OxmlElement("w:name")
    label.set(qn("w:val"), name)
    abstract.append(label)
    formats = [("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3.")]
    bullets = ["•", "◦", "▪"]
    for level in range(3):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (
            ("w:start", "1"),
            ("w:numFmt", formats[level][0] if ordered else "bullet"),
            ("w:lvlText", formats[level][1] if ordered else bullets[level]),
            ("w:lvlJc", "left"),
        ):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            lvl.append(child)
        p_pr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str((level + 1) * LIST_INDENT))
        ind.set(qn("w:hanging"), str(LIST_INDENT))
        p_pr.append(ind)
        lvl.append(p_pr)
        abstract.append(lvl)
    return abstract


def bookmark_name(slug: str) -> str:
    """Word's bookmark for a heading anchor: ``_Toc_`` and the slug, at most 40 characters."""
    return ("_Toc_" + slug.replace("-", "_"))[:40]


def split_scripts(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_arabic) so that Arabic runs can be marked right-to-left."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _ARABIC.finditer(text):
        if match.start() > position:
            pieces.append((text[position:match.start()], False))
        pieces.append((match.group(), True))
        position = match.end()
    if position < len(text) or not pieces:
        pieces.append((text[position:], False))
    return pieces


def is_mostly_arabic(text: str) -> bool:
    """Whether most letters of ``text`` are Arabic script: such a paragraph is a bidi one."""
    letters = [c for c in text if c.isalpha()]
    arabic = sum(len(m.group().replace(" ", "")) for m in _ARABIC.finditer(text))
    return bool(letters) and arabic * 2 > len(letters)


def set_bidi(paragraph: Any) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    if p_pr.find(qn("w:bidi")) is None:
        p_pr.insert_element_before(OxmlElement("w:bidi"), *PPR_AFTER_BIDI)


class NoteStory:
    """What a footnote's paragraphs see as their part: styles from the document,
    relationships (hyperlinks) on the footnotes part."""

    def __init__(self, document_part: Any, notes_part: Any) -> None:
        self.document_part = document_part
        self.notes_part = notes_part

    @property
    def part(self) -> NoteStory:
        return self

    def get_style_id(self, style: Any, style_type: Any) -> Any:
        return self.document_part.get_style_id(style, style_type)

    def relate_to(self, target: str, reltype: str, is_external: bool = False) -> str:
        return str(self.notes_part.relate_to(target, reltype, is_external))


class Notes:
    """Word footnotes made from the Markdown footnotes, in the order they are cited.

    A footnote cited a second time gets a short note: the bold lead of its first note
    (``Reuters, 8 August 2017.``), as a careful writer would.
    """

    def __init__(self, writer: Writer) -> None:
        self.writer = writer
        self.contents: dict[int, Token] = {}
        self.next_id = 1
        self.element: Any = None
        self.part: Any = None
        self.story: NoteStory | None = None

    def open_part(self) -> None:
        """The footnotes part: the reference's, emptied of notes, or a new one."""
        document_part = self.writer.document.part
        for rel in document_part.rels.values():
            if rel.reltype == RT.FOOTNOTES and not rel.is_external:
                self.part = rel.target_part
                break
        if self.part is None:
            self.element = parse_xml(
                f'<w:footnotes {nsdecls("w", "r")}>'
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
                "<w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>")
            self.part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, self.element,
                                document_part.package)
            document_part.relate_to(self.part, RT.FOOTNOTES)
        else:
            self.element = (self.part.element if isinstance(self.part, XmlPart)
                            else parse_xml(self.part.blob))
            for note in self.element.findall(qn("w:footnote")):
                if note.get(qn("w:type")) in (None, "normal"):
                    self.element.remove(note)
        self.story = NoteStory(document_part, self.part)

    def reference_run(self, paragraph: Any) -> Any:
        """A run in the Footnote Reference style (superscript where the style is missing)."""
        run = paragraph.add_run()
        try:
            self.writer.set_run_style(run, "Footnote Reference")
        except RenderError:
            run.font.superscript = True
        return run

    def cite(self, paragraph: Any, meta: dict[str, Any]) -> None:
        """A footnote reference in ``paragraph`` and its note."""
        if self.story is None:
            self.open_part()
        note_id = self.next_id
        self.next_id += 1
        reference = OxmlElement("w:footnoteReference")
        reference.set(qn("w:id"), str(note_id))
        self.reference_run(paragraph)._r.append(reference)

        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(note_id))
        p = OxmlElement("w:p")
        note.append(p)
        self.element.append(note)
        text = Paragraph(p, self.story)  # type: ignore[arg-type]  # duck-typed story part
        self.writer.set_paragraph_style(text, "Footnote Text")
        self.reference_run(text)._r.append(OxmlElement("w:footnoteRef"))
        text.add_run(" ")
        inline = self.contents.get(int(meta["id"]))
        children = list(inline.children or []) if inline is not None else []
        if int(meta.get("subId", 0)) > 0:
            children = lead_of(children) or children
        self.writer.runs(text, children, in_note=True)

    def finish(self) -> None:
        """Write the notes back where the part keeps its bytes rather than its XML."""
        if self.part is not None and not isinstance(self.part, XmlPart):
            self.part._blob = self.element.xml.encode("utf-8")


def lead_of(children: list[Token]) -> list[Token]:
    """The bold lead of a note (its first strong span), for a repeated citation."""
    start = next((i for i, t in enumerate(children) if t.type == "strong_open"), None)
    if start is None:
        return []
    end = next((i for i in range(start, len(children)) if children[i].type == "strong_close"),
               len(children) - 1)
    return children[start + 1:end]


@dataclass
class Contents:
    """The ``::: {.contents}`` div: a title and links to headings, written as a TOC field
    whose entries are already filled in, so they show where no program updates fields."""

    title: str = "Contents"
    entries: list[tuple[int, str, str]] = field(default_factory=list)
    depth: int = 0
    has_title: bool = False

    def collect(self, token: Token) -> None:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            self.depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            self.depth -= 1
        elif token.type == "inline":
            children = token.children or []
            href = next((str(c.attrGet("href")) for c in children if c.type == "link_open"), "")
            text = visible_text(token)
            if self.depth == 0 and not self.has_title:
                self.title, self.has_title = text, True
            elif href.startswith("#"):
                self.entries.append((max(self.depth, 1), text, href))

    def write(self, writer: Writer) -> None:
        document = writer.document
        writer.add_paragraph(document, "TOC Heading", self.title)
        paragraphs = []
        for level, text, href in self.entries:
            paragraph = writer.add_paragraph(document, f"TOC {min(level, 3)}")
            paragraphs.append(paragraph)
            if len(paragraphs) == 1:
                add_field_start(paragraph, 'TOC \\o "1-3" \\h \\z \\u')
            writer.run(paragraph, text, InlineState(link=writer.hyperlink(paragraph, href)))
        if paragraphs:
            add_field_char(paragraphs[-1], "end")
        writer.after_heading = True


def add_field_char(paragraph: Any, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def add_field_start(paragraph: Any, instruction: str) -> None:
    """The begin, instruction and separate parts of a complex field."""
    add_field_char(paragraph, "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    paragraph.add_run()._r.append(text)
    add_field_char(paragraph, "separate")


def add_field(paragraph: Any, instruction: str, shown: str) -> None:
    """A complex field (PAGE, NUMPAGES) with ``shown`` as its result until updated."""
    add_field_start(paragraph, instruction)
    paragraph.add_run(shown)
    add_field_char(paragraph, "end")


def add_marking(paragraph: Any, handling: str) -> None:
    """The TLP label, bold, in its colour on black."""
    run = paragraph.add_run(f" {handling} ")
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(TLP_COLOURS.get(handling, "FFFFFF"))
    shade = OxmlElement("w:shd")
    shade.set(qn("w:val"), "clear")
    shade.set(qn("w:color"), "auto")
    shade.set(qn("w:fill"), "000000")
    run._r.get_or_add_rPr().insert_element_before(shade, *RPR_AFTER_SHD)


def write_page_furniture(writer: Writer, handling: str) -> None:
    """The handling marking centred in header and footer, and ``Page X of Y`` below it."""
    section = writer.document.sections[0]
    for story, style_name, numbered in ((section.header, "Header", False),
                                        (section.footer, "Footer", True)):
        story.is_linked_to_previous = False
        for child in list(story._element):
            story._element.remove(child)
        marking = writer.add_paragraph(story, style_name)
        marking.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_marking(marking, handling)
        if numbered:
            pages = writer.add_paragraph(story, style_name)
            pages.alignment = WD_ALIGN_PARAGRAPH.CENTER
            pages.add_run("Page ")
            add_field(pages, "PAGE", "1")
            pages.add_run(" of ")
            add_field(pages, "NUMPAGES", "1")
