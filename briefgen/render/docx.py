"""The Word writer: rendered Markdown, parsed by markdown-it-py, written with python-docx
over the reference document's named styles. The one module that imports python-docx.

Style names follow pandoc's reference.docx, so a house reference made for pandoc works here.
"""

from __future__ import annotations

import datetime as dt
import io
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
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from briefgen.errors import RenderError
from briefgen.model import Brief
from briefgen.render.markdown import default_templates_dir

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
}
"""Where a user's reference lacks a style, the nearest one used instead."""

BULLET_NAME = "briefgen bullet"
DECIMAL_NAME = "briefgen decimal"
LIST_INDENT = 360  # twentieths of a point per list level
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CHAR_WIDTH = 73_000  # EMU: a bold 9 pt character, generously
CELL_PADDING = 150_000  # EMU: the table style's cell margins and a little air

_CUSTOM_STYLE = re.compile(r'^\{\s*custom-style\s*=\s*"([^"]+)"\s*\}$')


def make_parser() -> MarkdownIt:
    """CommonMark with tables and pandoc's ``::: {custom-style="..."}`` divs; no raw HTML."""
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    container_plugin(parser, "custom_style",
                     validate=lambda params, *_: bool(_CUSTOM_STYLE.match(params.strip())))
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


def render_docx(brief: Brief, markdown: str, reference: Path | None = None) -> bytes:
    """The brief as the bytes of a .docx, reproducible: same input, same bytes."""
    try:
        document = docx.Document(io.BytesIO(read_reference(reference)))
    except Exception as exc:  # python-docx raises several kinds on a file that is not .docx
        raise RenderError(f"{reference}: not a Word document: {exc}") from exc
    clear_body(document)
    writer = Writer(document)
    writer.write(shared_parser().parse(markdown))
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


def set_properties(document: Any, brief: Brief) -> None:
    """Core properties from the brief; dates from the revision, never the clock."""
    props = document.core_properties
    stamp = dt.datetime.combine(brief.revision.date, dt.time(0, 0), tzinfo=dt.UTC)
    props.title = brief.title
    props.subject = f"{brief.incident.event_type}, {brief.incident.place.name}"
    props.author = ", ".join(brief.revision.authors)
    props.last_modified_by = props.author
    props.keywords = "; ".join(actor.name for actor in brief.actors)
    props.category = brief.handling
    props.comments = brief.revision.changes
    props.revision = brief.revision.number
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp


def fix_settings(document: Any) -> None:
    """``w:zoom`` needs ``w:percent`` to be schema-valid; some templates omit it."""
    for zoom in document.settings.element.findall(qn("w:zoom")):
        if zoom.get(qn("w:percent")) is None:
            zoom.set(qn("w:percent"), "100")


def normalise_zip(data: bytes) -> bytes:
    """The package rewritten with fixed timestamps and attributes, in the same order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
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

    def write(self, tokens: Sequence[Token]) -> None:
        index = 0
        while index < len(tokens):
            index = self.write_block(tokens, index)

    def write_block(self, tokens: Sequence[Token], index: int) -> int:
        """Write the block starting at ``tokens[index]``; return the index after it."""
        token = tokens[index]
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1:])
            self.paragraph(tokens[index + 1], HEADING_STYLES.get(level, "Heading 3"))
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
        elif kind == "table_open":
            end = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
            self.table(tokens[index:end + 1])
            self.after_heading = False
            return end + 1
        elif kind in ("fence", "code_block"):
            for line in token.content.rstrip("\n").split("\n"):
                self.document.add_paragraph(line, style=self.style("Source Code"))
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
        paragraph = self.document.add_paragraph(style=self.style(style_name))
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
        return paragraph

    def runs(self, paragraph: Any, children: Sequence[Token]) -> None:
        state = InlineState()
        for child in children:
            kind = child.type
            if kind == "text":
                self.run(paragraph, child.content, state)
            elif kind == "code_inline":
                run = self.run(paragraph, child.content, state)
                run.style = self.style("Verbatim Char", WD_STYLE_TYPE.CHARACTER)
            elif kind == "softbreak":
                self.run(paragraph, " ", state)
            elif kind == "hardbreak":
                self.run(paragraph, "", state).add_break()
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

    def run(self, paragraph: Any, text: str, state: InlineState) -> Any:
        run = paragraph.add_run(text)
        if state.bold:
            run.bold = True
        if state.italic:
            run.italic = True
        if state.link is not None:
            run.style = self.style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
            state.link.append(run._r)
        return run

    def hyperlink(self, paragraph: Any, url: str) -> Any:
        """A ``w:hyperlink`` element, appended to the paragraph, that later runs go into."""
        element = OxmlElement("w:hyperlink")
        if url.startswith("#"):
            element.set(qn("w:anchor"), url[1:])
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
        table.style = self.style("Table", WD_STYLE_TYPE.TABLE)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        mark_header(table.rows[0])
        for row, cells in zip(table.rows, rows, strict=True):
            for column, (cell, inline) in enumerate(zip(row.cells, cells, strict=False)):
                paragraph = cell.paragraphs[0]
                paragraph.style = self.style("Compact")
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
        texts = [row[column].content for row in rows if column < len(row)]
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
