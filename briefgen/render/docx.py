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
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin

from briefgen.errors import RenderError
from briefgen.load import ComparisonSet, Loaded
from briefgen.model import Brief, Comparison
from briefgen.render import default_templates_dir
from briefgen.render.markdown import slugify

REFERENCE_NAME = "reference.docx"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag or attribute, ``w:p`` -> ``{...}p``."""
    return f"{{{W_NS}}}{tag}"


W_P, W_PPR, W_PSTYLE, W_R, W_RPR, W_RSTYLE, W_T = (
    w("p"), w("pPr"), w("pStyle"), w("r"), w("rPr"), w("rStyle"), w("t"))
W_B, W_I, W_RTL, W_TAB, W_BR, W_VAL, W_ID = (
    w("b"), w("i"), w("rtl"), w("tab"), w("br"), w("val"), w("id"))
W_NUMPR, W_ILVL, W_NUMID, W_BIDI, W_IND, W_JC, W_LEFT = (
    w("numPr"), w("ilvl"), w("numId"), w("bidi"), w("ind"), w("jc"), w("left"))


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


@lru_cache(maxsize=8)
def style_ids(reference: Path | None) -> dict[tuple[str, WD_STYLE_TYPE], str]:
    """The style ids resolved from names, kept per reference document for the process: every
    brief rendered on one reference finds the same ids, and python-docx's lookup by name
    scans all styles."""
    return {}


def render_docx(brief: Loaded, markdown: str, reference: Path | None = None) -> bytes:
    """The brief as the bytes of a .docx, reproducible: same input, same bytes."""
    try:
        document = docx.Document(io.BytesIO(read_reference(reference)))
    except Exception as exc:  # python-docx raises several kinds on a file that is not .docx
        raise RenderError(f"{reference}: not a Word document: {exc}") from exc
    clear_body(document)
    writer = Writer(document, styles=style_ids(reference))
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
        if child.tag != w("sectPr"):
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
    for zoom in document.settings.element.findall(w("zoom")):
        if zoom.get(w("percent")) is None:
            zoom.set(w("percent"), "100")


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


def sub(parent: Any, tag: str, attributes: dict[str, str] | None = None) -> Any:
    """A new child element at the end of ``parent``: lxml directly, without python-docx's
    proxies, which cost a search of the schema's child order on every call."""
    return etree.SubElement(parent, tag, attributes) if attributes else etree.SubElement(
        parent, tag)


def add_text(run: Any, text: str) -> None:
    """``text`` into ``run`` as ``w:t``, with tabs as ``w:tab`` and line ends as ``w:br``."""
    if "\t" in text or "\n" in text or "\r" in text:
        for index, line in enumerate(re.split(r"\r\n|\r|\n", text)):
            if index:
                sub(run, W_BR)
            for position, piece in enumerate(line.split("\t")):
                if position:
                    sub(run, W_TAB)
                if piece:
                    add_text(run, piece)
        return
    element = sub(run, W_T)
    element.text = text
    if text[:1].isspace() or text[-1:].isspace():
        element.set(XML_SPACE, "preserve")


@dataclass(frozen=True)
class Format:
    """How a run looks: bold, italic, a character style, a hyperlink it belongs to."""

    bold: bool = False
    italic: bool = False
    style: str = ""
    link: Any = None


@dataclass
class ListLevel:
    """One open list: its numbering instance and whether an item's first paragraph is due."""

    num_id: int
    ordered: bool
    tight: bool
    item_started: bool = False


@dataclass
class Writer:
    """Walks markdown-it tokens and writes paragraphs, runs and tables into ``document``."""

    document: Any
    lists: list[ListLevel] = field(default_factory=list)
    quote_depth: int = 0
    custom_styles: list[str] = field(default_factory=list)
    after_heading: bool = True
    styles: dict[tuple[str, WD_STYLE_TYPE], str] = field(default_factory=dict)
    abstract_ids: dict[str, int] = field(default_factory=dict)
    bullet_num: int | None = None
    notes: Notes = field(init=False)
    contents: Contents | None = None
    bookmarks: int = 0
    body: Any = None
    part: Any = None
    text_width: int = 0

    def __post_init__(self) -> None:
        self.notes = Notes(self)
        self.body = self.document.element.body
        self.part = self.document.part
        section = self.document.sections[-1]
        self.text_width = int(section.page_width - section.left_margin - section.right_margin)

    def style_id(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> str:
        """The id of a style by name, falling back along ``FALLBACK_STYLES``; an error naming
        it if none. Written straight into the XML."""
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
            self.styles[key] = str(found.style_id)
        return self.styles[key]

    def add_paragraph(self, container: Any, style_name: str, text: str = "",
                      align: str = "") -> Any:
        """A paragraph at the end of ``container`` (the body, a header, a cell) in a style."""
        paragraph = sub(container, W_P)
        properties = sub(paragraph, W_PPR)
        sub(properties, W_PSTYLE, {W_VAL: self.style_id(style_name)})
        if align:
            sub(properties, W_JC, {W_VAL: align})
        if text:
            self.add_runs(paragraph, text, Format())
        return paragraph

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
        section = self.body.find(w("sectPr"))
        if section is not None:
            self.body.remove(section)  # content goes before it; put back at the end
        index = 0
        while index < len(body):
            index = self.write_block(body, index)
        if section is not None:
            self.body.append(section)

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
                self.add_paragraph(self.body, "Source Code", line)
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
        """A paragraph of ``inline``'s runs; the first paragraph of a list item is numbered,
        a paragraph mostly in Arabic runs right to left."""
        paragraph = sub(self.body, W_P)
        properties = sub(paragraph, W_PPR)
        sub(properties, W_PSTYLE, {W_VAL: self.style_id(style_name)})
        if self.lists and not style_name.startswith(("Title", "Heading")):
            level = self.lists[-1]
            depth = len(self.lists) - 1
            if level.item_started:
                numbering = sub(properties, W_NUMPR)
                sub(numbering, W_ILVL, {W_VAL: str(depth)})
                sub(numbering, W_NUMID, {W_VAL: str(level.num_id)})
                level.item_started = False
            else:  # continuation lines up with the item's text
                sub(properties, W_IND, {W_LEFT: str((depth + 1) * LIST_INDENT)})
        if is_mostly_arabic(inline.content):
            properties.insert(1 + (properties.find(W_NUMPR) is not None), etree.Element(W_BIDI))
        self.runs(paragraph, inline.children or [])
        return paragraph

    def bookmark(self, paragraph: Any, slug: str) -> None:
        """A bookmark around the paragraph's text, named for the heading's anchor."""
        self.bookmarks += 1
        number = str(self.bookmarks)
        start = etree.Element(w("bookmarkStart"), {W_ID: number, w("name"): bookmark_name(slug)})
        paragraph.insert(1, start)  # after w:pPr, which every paragraph here has
        sub(paragraph, w("bookmarkEnd"), {W_ID: number})

    def runs(self, paragraph: Any, children: Sequence[Token], in_note: bool = False) -> None:
        """The runs of an inline token's children; neighbouring text in one look is one run."""
        bold = italic = 0
        link: Any = None
        pending: list[str] = []
        previous = ""

        def look(style: str = "") -> Format:
            return Format(bold > 0, italic > 0, style, link)

        def flush() -> None:
            if pending:
                self.add_runs(paragraph, "".join(pending), look())
                pending.clear()

        for child in children:
            kind = child.type
            if kind in ("text", "image"):
                pending.append(child.content)
            elif kind == "softbreak":
                pending.append(" ")
            else:
                flush()
                if kind == "code_inline":
                    self.add_runs(paragraph, child.content, look("Verbatim Char"))
                elif kind == "hardbreak":
                    sub(self.add_run(paragraph, look()), W_BR)
                elif kind == "strong_open":
                    bold += 1
                elif kind == "strong_close":
                    bold -= 1
                elif kind == "em_open":
                    italic += 1
                elif kind == "em_close":
                    italic -= 1
                elif kind == "link_open":
                    link = self.hyperlink(paragraph, str(child.attrGet("href") or ""))
                elif kind == "link_close":
                    link = None
                elif kind == "footnote_ref" and not in_note:
                    if previous == "footnote_ref":
                        add_text(self.notes.reference_run(paragraph), ",")
                    self.notes.cite(paragraph, child.meta)
            previous = kind
        flush()

    def add_run(self, paragraph: Any, look: Format, rtl: bool = False) -> Any:
        """An empty run in ``look``, inside its hyperlink if it has one."""
        run = sub(paragraph if look.link is None else look.link, W_R)
        style = look.style or ("Hyperlink" if look.link is not None else "")
        if style or look.bold or look.italic or rtl:
            properties = sub(run, W_RPR)  # children in the schema's order
            if style:
                sub(properties, W_RSTYLE,
                    {W_VAL: self.style_id(style, WD_STYLE_TYPE.CHARACTER)})
            if look.bold:
                sub(properties, W_B)
            if look.italic:
                sub(properties, W_I)
            if rtl:
                sub(properties, W_RTL)
        return run

    def add_runs(self, paragraph: Any, text: str, look: Format) -> None:
        """Runs for ``text``: Arabic script in right-to-left runs of its own."""
        for piece, rtl in split_scripts(text):
            if piece:
                add_text(self.add_run(paragraph, look, rtl), piece)

    def hyperlink(self, paragraph: Any, url: str) -> Any:
        """A ``w:hyperlink`` element, appended to the paragraph, that later runs go into."""
        if url.startswith("#"):
            return sub(paragraph, w("hyperlink"), {w("anchor"): bookmark_name(url[1:])})
        relation = self.part.relate_to(url, RT.HYPERLINK, is_external=True)
        return sub(paragraph, w("hyperlink"), {R_ID: relation})

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
        """A Markdown table in the reference's ``Table`` style, its first row a header that
        repeats on every page, the columns sized to their text."""
        rows: list[list[Token]] = []
        aligns: list[str] = []
        for index, token in enumerate(tokens):
            if token.type == "tr_open":
                rows.append([])
            elif token.type in ("th_open", "td_open"):
                rows[-1].append(tokens[index + 1])
                if len(rows) == 1:
                    aligns.append(str(token.attrGet("style") or ""))
        widths = [str(round(size / 635)) for size in column_widths(self.text_width, rows)]
        table = sub(self.body, w("tbl"))
        properties = sub(table, w("tblPr"))
        sub(properties, w("tblStyle"), {W_VAL: self.style_id("Table", WD_STYLE_TYPE.TABLE)})
        sub(properties, w("tblW"), {w("type"): "pct", w("w"): "5000"})
        sub(properties, W_JC, {W_VAL: "center"})
        sub(properties, w("tblLayout"), {w("type"): "fixed"})
        sub(properties, w("tblLook"), {
            w("firstColumn"): "1", w("firstRow"): "1", w("lastColumn"): "0",
            w("lastRow"): "0", w("noHBand"): "0", w("noVBand"): "1", W_VAL: "04A0"})
        grid = sub(table, w("tblGrid"))
        for width in widths:
            sub(grid, w("gridCol"), {w("w"): width})
        for number, cells in enumerate(rows):
            row = sub(table, w("tr"))
            if number == 0:
                sub(sub(row, w("trPr")), w("tblHeader"))
            for column, width in enumerate(widths):
                cell = sub(row, w("tc"))
                sub(sub(cell, w("tcPr")), w("tcW"), {w("type"): "dxa", w("w"): width})
                align = ("right" if "right" in aligns[column] else
                         "center" if "center" in aligns[column] else "")
                paragraph = self.add_paragraph(cell, "Compact", align=align)
                if column < len(cells):
                    self.runs(paragraph, cells[column].children or [])


def column_widths(width: int, rows: list[list[Token]]) -> list[int]:
    """Column widths in EMU: room for each column's longest word, the rest shared by text
    length."""
    minimums, weights = [], []
    for column in range(len(rows[0])):
        texts = [visible_text(row[column]) for row in rows if column < len(row)]
        longest_word = max((len(word) for text in texts for word in text.split()), default=1)
        minimums.append(longest_word * CHAR_WIDTH + CELL_PADDING)
        weights.append(min(max((len(text) for text in texts), default=1), 40))
    return share_width(width, minimums, weights)


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
    for abstract in numbering.findall(w("abstractNum")):
        label = abstract.find(w("name"))
        if label is not None and label.get(w("val")) == name:
            return int(abstract.get(w("abstractNumId")))
    ids = [int(a.get(w("abstractNumId"))) for a in numbering.findall(w("abstractNum"))]
    abstract_id = max(ids, default=-1) + 1
    abstract = build_abstract(abstract_id, name, ordered)
    first_num = numbering.find(w("num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return abstract_id


def build_abstract(abstract_id: int, name: str, ordered: bool) -> Any:
    """A three-level list definition: decimal 1. a. i. or bullets."""
    abstract = etree.Element(w("abstractNum"), {w("abstractNumId"): str(abstract_id)})
    sub(abstract, w("multiLevelType"), {W_VAL: "hybridMultilevel"})
    sub(abstract, w("name"), {W_VAL: name})
    formats = [("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3.")]
    bullets = ["•", "◦", "▪"]
    for level in range(3):
        lvl = sub(abstract, w("lvl"), {W_ILVL: str(level)})
        for tag, value in (
            ("start", "1"),
            ("numFmt", formats[level][0] if ordered else "bullet"),
            ("lvlText", formats[level][1] if ordered else bullets[level]),
            ("lvlJc", "left"),
        ):
            sub(lvl, w(tag), {W_VAL: value})
        sub(sub(lvl, W_PPR), W_IND, {W_LEFT: str((level + 1) * LIST_INDENT),
                                     w("hanging"): str(LIST_INDENT)})
    return abstract


def bookmark_name(slug: str) -> str:
    """Word's bookmark for a heading anchor: ``_Toc_`` and the slug, at most 40 characters."""
    return ("_Toc_" + slug.replace("-", "_"))[:40]


def split_scripts(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_arabic) so that Arabic runs can be marked right-to-left."""
    if not _ARABIC.search(text):
        return [(text, False)]
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
    arabic = sum(len(m.group().replace(" ", "")) for m in _ARABIC.finditer(text))
    if not arabic:
        return False
    letters = sum(1 for c in text if c.isalpha())
    return arabic * 2 > letters


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
            for note in self.element.findall(w("footnote")):
                if note.get(w("type")) in (None, "normal"):
                    self.element.remove(note)

    def reference_run(self, paragraph: Any) -> Any:
        """A run in the Footnote Reference style (superscript where the style is missing)."""
        try:
            return self.writer.add_run(paragraph, Format(style="Footnote Reference"))
        except RenderError:
            run = sub(paragraph, W_R)
            sub(sub(run, W_RPR), w("vertAlign"), {W_VAL: "superscript"})
            return run

    def cite(self, paragraph: Any, meta: dict[str, Any]) -> None:
        """A footnote reference in ``paragraph`` and its note."""
        if self.element is None:
            self.open_part()
        note_id = str(self.next_id)
        self.next_id += 1
        sub(self.reference_run(paragraph), w("footnoteReference"), {W_ID: note_id})

        note = sub(self.element, w("footnote"), {W_ID: note_id})
        text = self.writer.add_paragraph(note, "Footnote Text")
        sub(self.reference_run(text), w("footnoteRef"))
        add_text(sub(text, W_R), " ")
        inline = self.contents.get(int(meta["id"]))
        children = list(inline.children or []) if inline is not None else []
        if int(meta.get("subId", 0)) > 0:
            children = lead_of(children) or children
        document_part, self.writer.part = self.writer.part, self.part  # links relate here
        try:
            self.writer.runs(text, children, in_note=True)
        finally:
            self.writer.part = document_part

    def finish(self) -> None:
        """Write the notes back where the part keeps its bytes rather than its XML."""
        if self.part is not None and not isinstance(self.part, XmlPart):
            self.part._blob = etree.tostring(self.element, xml_declaration=True,
                                             encoding="UTF-8", standalone=True)


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
        writer.add_paragraph(writer.body, "TOC Heading", self.title)
        paragraphs = []
        for level, text, href in self.entries:
            paragraph = writer.add_paragraph(writer.body, f"TOC {min(level, 3)}")
            paragraphs.append(paragraph)
            if len(paragraphs) == 1:
                add_field_start(paragraph, 'TOC \\o "1-3" \\h \\z \\u')
            writer.add_runs(paragraph, text, Format(link=writer.hyperlink(paragraph, href)))
        if paragraphs:
            add_field_char(paragraphs[-1], "end")
        writer.after_heading = True


def add_field_char(paragraph: Any, kind: str) -> None:
    sub(sub(paragraph, W_R), w("fldChar"), {w("fldCharType"): kind})


def add_field_start(paragraph: Any, instruction: str) -> None:
    """The begin, instruction and separate parts of a complex field."""
    add_field_char(paragraph, "begin")
    text = sub(sub(paragraph, W_R), w("instrText"), {XML_SPACE: "preserve"})
    text.text = f" {instruction} "
    add_field_char(paragraph, "separate")


def add_field(paragraph: Any, instruction: str, shown: str) -> None:
    """A complex field (PAGE, NUMPAGES) with ``shown`` as its result until updated."""
    add_field_start(paragraph, instruction)
    add_text(sub(paragraph, W_R), shown)
    add_field_char(paragraph, "end")


def add_marking(paragraph: Any, handling: str) -> None:
    """The TLP label, bold, in its colour on black."""
    run = sub(paragraph, W_R)
    properties = sub(run, W_RPR)
    sub(properties, W_B)
    sub(properties, w("color"), {W_VAL: TLP_COLOURS.get(handling, "FFFFFF")})
    sub(properties, w("shd"), {W_VAL: "clear", w("color"): "auto", w("fill"): "000000"})
    add_text(run, f" {handling} ")


def write_page_furniture(writer: Writer, handling: str) -> None:
    """The handling marking centred in header and footer, and ``Page X of Y`` below it."""
    section = writer.document.sections[0]
    for story, style_name, numbered in ((section.header, "Header", False),
                                        (section.footer, "Footer", True)):
        story.is_linked_to_previous = False
        element = story._element
        for child in list(element):
            element.remove(child)
        add_marking(writer.add_paragraph(element, style_name, align="center"), handling)
        if numbered:
            pages = writer.add_paragraph(element, style_name, align="center")
            add_text(sub(pages, W_R), "Page ")
            add_field(pages, "PAGE", "1")
            add_text(sub(pages, W_R), " of ")
            add_field(pages, "NUMPAGES", "1")
