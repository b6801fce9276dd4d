"""Blocks: the Markdown tree's paragraphs, headings, lists, quotes, code and tables as
paragraphs and tables of the brief's python-docx document, in the reference's named
styles, walked as the templates' style cues (``syntax.cue_of``) say.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.parfmt import ParagraphFormat

from briefgen.chart import Picture
from briefgen.render.docx.fields import Contents
from briefgen.render.docx.notes import Notes
from briefgen.render.docx.oxml import (
    LIST_INDENT,
    W_VAL,
    add_list_instance,
    end_bookmark,
    find_or_add_abstract,
    set_bidi,
    start_bookmark,
    sub,
)
from briefgen.render.docx.reference import TABLE, Reference
from briefgen.render.docx.runs import (
    PLAIN,
    Runs,
    bookmark_name,
    is_mostly_arabic,
    visible_text,
)
from briefgen.syntax import BLOCKS, Block, cue_of, slugify

W_P, W_PPR, W_PSTYLE, W_JC = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:jc")
W_TR, W_NUMPR, W_ILVL, W_NUMID = qn("w:tr"), qn("w:numPr"), qn("w:ilvl"), qn("w:numId")

HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2", 4: "Heading 3"}
"""Markdown heading level -> style: the brief's one ``#`` heading is its title."""
BULLET_NAME = "briefgen bullet"
DECIMAL_NAME = "briefgen decimal"
CHAR_WIDTH = 73_000  # EMU: a bold 9 pt character, generously
CELL_PADDING = 150_000  # EMU: the table style's cell margins and a little air
EMU_PER_TWIP = 635
TABLE_LOOK = {"firstColumn": "1", "firstRow": "1", "lastColumn": "0", "lastRow": "0",
              "noHBand": "0", "noVBand": "1", "val": "04A0"}


@dataclass
class ListLevel:
    """One open list: its numbering instance and whether an item's first paragraph is due."""

    num_id: int
    tight: bool
    item_started: bool = False


class Writer:
    """Walks the Markdown syntax tree into the body of a python-docx document."""

    def __init__(self, reference: Reference, document: Any) -> None:
        self.ref = reference
        self.document = document
        self.part = document.part
        self.body = document.element.body
        self.lists: list[ListLevel] = []
        self.quote_depth = 0
        self.divs: list[tuple[str, str]] = []
        self.after_heading = True
        self.contents: Contents | None = None
        self.bookmarks = 0
        self.caption = ""
        self.link_count = 0
        self.bullet_num: int | None = None
        self.numbering: Any = None
        self.abstracts: dict[str, int] = {}
        self.markers: dict[tuple[int, int], Any] = {}
        self.links_part = self.part
        self.inline = Runs(self)
        self.notes = Notes(self)
        self.charts: list[Picture] = []
        """The brief's chart, drawn from its data: the one image the Markdown may name (a
        redline has the old revision's too)."""
        self.change = ""
        """``ins`` or ``del`` while a block added or removed whole is written (a redline)."""
        self.changed: list[tuple[Any, str]] = []
        """The paragraphs and table rows so written, for ``redline.finish`` to mark."""
        self.tail: Block | None = None
        """The brief's last block (the sources list): a list there keeps its end together."""

    def write(self, tree: Block) -> None:
        """Write the body; footnote definitions become Word footnotes where they are cited."""
        section = self.body.sectPr
        self.body.remove(section)
        for node in tree.children:
            if node.name == "footnote_def":
                self.notes.collect(node)
        shown = [node for node in tree.children
                 if node.name != "footnote_def" and cue_of(node) is None]
        self.tail = shown[-1] if shown else None
        for node in tree.children:
            self.block(node)
        self.body.append(section)

    def find_chart(self, url: str, alt: str) -> Picture | None:
        """The chart an image of the Markdown names, or None: by its file name and, where a
        redline has two of that name, its alt text (the revision whose figures it states)."""
        named = [chart for chart in self.charts if chart.name == url]
        return next((chart for chart in named if chart.alt == alt), named[0] if named else None)

    def block(self, node: Block) -> None:
        """One block node, as the walk stands."""
        name = node.name
        change = str(node.meta.get("change", ""))
        if change and change != self.change:  # a redline's block added or removed whole
            outer, self.change = self.change, change
            self.block(node)
            self.change = outer
            return
        cue = cue_of(node) if name == "html_block" else None
        if self.contents is not None and cue != ("close", "contents"):
            self.contents.collect(node)
        elif cue is not None:
            self.cue(cue)
        elif name == "paragraph":
            self.paragraph(node.children, self.paragraph_style())
            self.after_heading = False
        elif name == "heading":
            self.heading(node)
        elif name in ("bullet_list", "ordered_list"):
            self.write_list(node)
        elif name == "blockquote":
            self.quote_depth += 1
            for child in node.children:
                self.block(child)
            self.quote_depth -= 1
        elif name == "table":
            self.table(node)
            self.after_heading = False
        elif name in ("code_block", "html_block"):
            content = str(node.meta.get("content", ""))
            style = "Source Code" if name == "code_block" else self.paragraph_style()
            for line in content.rstrip("\n").split("\n"):
                self.inline.add_styled(self.styled_paragraph(style), line,
                                       PLAIN)

    def heading(self, node: Block) -> None:
        """A heading in its style, with the bookmark that the contents links to."""
        level = int(node.meta.get("level", 1))
        self.caption = visible_text(node.children)
        if level == 1:  # the title: no contents entry links to it
            self.paragraph(node.children, HEADING_STYLES[level])
        else:
            self.bookmarks += 1
            self.paragraph(node.children, HEADING_STYLES.get(level, "Heading 3"),
                           bookmark=(self.bookmarks, slugify(self.caption)))
        self.after_heading = True

    def cue(self, cue: tuple[str, str]) -> None:
        """A template's style cue: open a style or the contents, or close the last one."""
        kind, value = cue
        if kind == "close":
            if self.divs and self.divs[-1][0] == value:
                self.divs.pop()
                if value == "contents" and self.contents is not None:
                    self.contents.write(self)
                    self.contents = None
            return  # a stray close shows nothing, as in a Markdown viewer
        self.divs.append(cue)
        if kind == "contents":
            self.contents = Contents()

    def write_list(self, node: Block) -> None:
        """A list: its items' paragraphs numbered, nested blocks in place."""
        ordered = node.name == "ordered_list"
        start = int(node.meta.get("start", 1)) if ordered else 1
        tight = not any(child.name == "paragraph" for item in node.children
                        for child in item.children)
        self.lists.append(ListLevel(self.list_num(ordered, start), tight))
        outer = self.change
        starts = []
        for item in node.children:
            starts.append(len(self.body))
            self.change = str(item.meta.get("change", "")) or outer
            self.lists[-1].item_started = True
            inline: list[Block] = []
            for child in item.children:
                if child.name in BLOCKS:
                    if inline:
                        self.paragraph(inline, self.paragraph_style())
                        self.after_heading, inline = False, []
                    self.block(child)
                else:
                    inline.append(child)
            if inline:
                self.paragraph(inline, self.paragraph_style())
                self.after_heading = False
        self.change = outer
        self.lists.pop()
        self.after_heading = False
        if node is self.tail and len(starts) > 1:
            keep_together(list(self.body[starts[0]:]), len(self.body) - starts[-2])

    def paragraph_style(self) -> str:
        """The style of a body paragraph where the walk now stands."""
        styles = [style for kind, style in self.divs if kind == "style"]
        if styles:
            return styles[-1]
        if self.quote_depth:
            return "Block Text"
        if self.lists:
            return "Compact" if self.lists[-1].tight else "Body Text"
        return "First Paragraph" if self.after_heading else "Body Text"

    def styled_paragraph(self, style_name: str, align: str = "", parent: Any = None) -> Any:
        """An empty paragraph in a style at the end of ``parent`` (the body by default): a
        copy of the style's paragraph, made once per reference."""
        templates = self.ref.templates
        key = ("p", style_name, align)
        template = templates.get(key)
        if template is None:
            template = OxmlElement("w:p")
            p_pr = sub(template, W_PPR)
            sub(p_pr, W_PSTYLE, {W_VAL: self.ref.style_id(style_name)})
            if align:
                sub(p_pr, W_JC, {W_VAL: align})
            templates[key] = template
        p = template.__copy__()
        (self.body if parent is None else parent).append(p)
        if self.change and parent is None:
            self.changed.append((p, self.change))
        return p

    def paragraph(self, children: Sequence[Block], style_name: str,
                  bookmark: tuple[int, str] | None = None) -> None:
        """A paragraph of inline ``children``; the first paragraph of a list item is numbered,
        a paragraph mostly in Arabic runs right to left."""
        p = self.styled_paragraph(style_name)
        p_pr = p[0]
        indent = None
        if self.lists and not style_name.startswith(("Title", "Heading")):
            level, depth = self.lists[-1], len(self.lists) - 1
            if level.item_started:
                p_pr.append(self.list_marker(depth, level.num_id))
                level.item_started = False
            else:  # continuation lines up with the item's text
                indent = str((depth + 1) * LIST_INDENT)
        if bookmark is not None:
            start_bookmark(p, bookmark[0], bookmark_name(bookmark[1]))
        before = self.inline.rtl_runs
        self.inline.add_runs(p, children)
        if self.inline.rtl_runs != before and is_mostly_arabic(visible_text(children)):
            set_bidi(p_pr)
        if indent is not None:
            sub(p_pr, qn("w:ind"), {qn("w:left"): indent})
        if bookmark is not None:
            end_bookmark(p, bookmark[0])

    def list_marker(self, depth: int, num_id: int) -> Any:
        """``w:numPr`` for an item of list ``num_id`` at ``depth``: a copy of one made once
        per brief and list level."""
        template = self.markers.get((depth, num_id))
        if template is None:
            template = self.markers[depth, num_id] = OxmlElement("w:numPr")
            sub(template, W_ILVL, {W_VAL: str(depth)})
            sub(template, W_NUMID, {W_VAL: str(num_id)})
        return template.__copy__()

    def list_num(self, ordered: bool, start: int) -> int:
        """A numbering instance for a new list: one per ordered list, so numbering restarts;
        one for all bullet lists."""
        if not ordered and self.bullet_num is not None:
            return self.bullet_num
        name = DECIMAL_NAME if ordered else BULLET_NAME
        if self.numbering is None:
            self.numbering = self.part.rels[self.ref.numbering_rid].target_part.element
        if name not in self.abstracts:
            self.abstracts[name] = find_or_add_abstract(self.numbering, name, ordered)
        number = add_list_instance(self.numbering, self.abstracts[name],
                                   start if ordered else None)
        if not ordered:
            self.bullet_num = number
        return number

    def table(self, node: Block) -> None:
        """A Markdown table in the reference's ``Table`` style, its first row a header that
        repeats on every page, the columns sized to their text."""
        rows = [row.children for section in node.children for row in section.children]
        if not rows:
            return
        aligns = [str(a) for a in node.meta.get("alignments", [])]
        widths = [str(round(size / EMU_PER_TWIP))
                  for size in column_widths(self.ref.text_width, rows)]
        table = table_shell(self.body, self.ref.style_id("Table", TABLE), widths)
        header = [visible_text(cell.children) for cell in rows[0]]
        describe_table(table[0], self.caption or "Table",
                       f"{len(rows) - 1} rows; columns: {', '.join(header)}")
        changes = [str(row.meta.get("change", "")) or self.change
                   for section in node.children for row in section.children]
        for number, cells in enumerate(rows):
            tr = sub(table, W_TR)
            if changes[number]:
                self.changed.append((tr, changes[number]))
            tr_pr = sub(tr, qn("w:trPr"))
            sub(tr_pr, qn("w:cantSplit"))  # a row is never broken across pages
            if number == 0:
                sub(tr_pr, qn("w:tblHeader"))
            for column, width in enumerate(widths):
                align = aligns[column] if column < len(aligns) else ""
                tc = self.cell_template(width, align if align in ("right", "center") else "")
                tc = tc.__copy__()
                tr.append(tc)
                if column < len(cells):
                    self.inline.add_runs(tc[-1], cells[column].children)

    def cell_template(self, width: str, align: str) -> Any:
        """A table cell ``width`` wide holding an empty Compact paragraph: made once per
        reference, copied for every cell."""
        key = ("tc", width, align)
        template = self.ref.templates.get(key)
        if template is None:
            template = OxmlElement("w:tc")
            sub(sub(template, qn("w:tcPr")), qn("w:tcW"),
                {qn("w:type"): "dxa", qn("w:w"): width})
            self.styled_paragraph("Compact", align, parent=template)
            self.ref.templates[key] = template
        return template


def keep_together(paragraphs: list[Any], tail: int) -> None:
    """The paragraphs of a list that ends the brief each kept on one page, and its last
    ``tail`` paragraphs (its last two items) on one page, so that no page holds only the
    list's last entry."""
    for number, p in enumerate(paragraphs):
        if p.tag != W_P:
            continue
        fmt = ParagraphFormat(p)
        fmt.keep_together = True
        if number >= len(paragraphs) - tail and number < len(paragraphs) - 1:
            fmt.keep_with_next = True


def describe_table(tbl_pr: Any, caption: str, description: str) -> None:
    """``w:tblCaption`` and ``w:tblDescription`` (Word 2010's table alt text), last in
    ``w:tblPr`` as the schema orders them."""
    sub(tbl_pr, qn("w:tblCaption"), {W_VAL: caption[:255]})
    sub(tbl_pr, qn("w:tblDescription"), {W_VAL: description[:4000]})


def table_shell(body: Any, style_id: str, widths: list[str]) -> Any:
    """An empty ``w:tbl`` with its properties and grid, at the end of ``body``."""
    table = sub(body, qn("w:tbl"))
    tbl_pr = sub(table, qn("w:tblPr"))
    sub(tbl_pr, qn("w:tblStyle"), {W_VAL: style_id})
    sub(tbl_pr, qn("w:tblW"), {qn("w:type"): "pct", qn("w:w"): "5000"})
    sub(tbl_pr, W_JC, {W_VAL: "center"})
    sub(tbl_pr, qn("w:tblLayout"), {qn("w:type"): "fixed"})
    sub(tbl_pr, qn("w:tblLook"), {qn(f"w:{k}"): v for k, v in TABLE_LOOK.items()})
    grid = sub(table, qn("w:tblGrid"))
    for width in widths:
        sub(grid, qn("w:gridCol"), {qn("w:w"): width})
    return table


def column_widths(width: int, rows: Sequence[Sequence[Block]]) -> list[int]:
    """Column widths in EMU: room for each column's longest word, the rest shared by text
    length."""
    minimums, weights = [], []
    for column in range(len(rows[0])):
        texts = [visible_text(row[column].children) for row in rows if column < len(row)]
        longest_word = max((len(word) for text in texts for word in text.split()), default=1)
        minimums.append(longest_word * CHAR_WIDTH + CELL_PADDING)
        weights.append(min(max((len(text) for text in texts), default=1), 40))
    return share_width(width, minimums, weights)


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
