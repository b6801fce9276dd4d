"""Fields: the contents list (a ``TOC`` field whose entries are already written, linked
to the headings' bookmarks, so it reads right where no program updates fields), and the
page furniture (the handling marking in header and footer, ``Page X of Y`` from the
``PAGE`` and ``NUMPAGES`` fields).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn

from briefgen.render.docx.oxml import W_VAL, add_field_char, add_field_start, sub
from briefgen.render.docx.runs import PLAIN, W_R, W_RPR, Format, add_text, visible_text
from briefgen.syntax import BLOCKS, Block

if TYPE_CHECKING:
    from briefgen.render.docx.blocks import Writer

TOC_FIELD = 'TOC \\o "1-{depth}" \\h \\z \\u'
"""Word's contents field, of the heading levels the written entries go down to: a program
that updates it (Word, LibreOffice before the PDF export) lists the same headings, with
their page numbers."""
TLP_COLOURS = {
    "TLP:CLEAR": "FFFFFF", "TLP:GREEN": "33FF00", "TLP:AMBER": "FFC000",
    "TLP:AMBER+STRICT": "FFC000", "TLP:RED": "FF2B2B",
}
"""FIRST's TLP 2.0 colours: the label in its colour on black."""


@dataclass
class Contents:
    """The ``<!-- contents -->`` block: a title and links to headings."""

    title: str = "Contents"
    entries: list[tuple[int, str, str]] = field(default_factory=list)
    has_title: bool = False

    def collect(self, node: Block, depth: int = 0) -> None:
        """The title and entries a block of the contents holds."""
        if node.name in ("bullet_list", "ordered_list"):
            for item in node.children:
                inline = [c for c in item.children if c.name not in BLOCKS]
                if inline:
                    self.take(inline, depth + 1)
                for child in item.children:
                    if child.name in BLOCKS:
                        self.collect(child, depth + 1)
        elif node.name in ("paragraph", "heading"):
            self.take(node.children, depth)
        else:
            for child in node.children:
                if child.name in BLOCKS:
                    self.collect(child, depth)

    def take(self, children: Sequence[Block], depth: int) -> None:
        """A line of the contents: its title, or an entry linked to a heading."""
        href = next((str(c.meta.get("url", "")) for c in children if c.name == "link"), "")
        text = visible_text(children)
        if depth == 0 and not self.has_title:
            self.title, self.has_title = text, True
        elif href.startswith("#"):
            self.entries.append((max(depth, 1), text, href))

    def write(self, writer: Writer) -> None:
        """The title in TOC Heading, then an entry a paragraph inside one TOC field."""
        inline = writer.inline
        inline.add_styled(writer.styled_paragraph("TOC Heading"), self.title, PLAIN)
        for number, (level, text, href) in enumerate(self.entries):
            writer.link_count += 1
            p = writer.styled_paragraph(f"TOC {min(level, 3)}")
            if number == 0:
                depth = min(max(entry[0] for entry in self.entries), 3)
                add_field_start(p, TOC_FIELD.format(depth=depth))
            inline.add_styled(inline.add_link(p, href), text,
                              Format(link=(writer.link_count, href)))
            if number == len(self.entries) - 1:
                add_field_char(p, "end")
        writer.after_heading = True


def add_marking(paragraph: Any, handling: str) -> None:
    """The TLP label, bold, in its colour on black."""
    run = sub(paragraph, W_R)
    r_pr = sub(run, W_RPR)
    sub(r_pr, qn("w:b"))
    sub(r_pr, qn("w:color"), {W_VAL: TLP_COLOURS.get(handling, "FFFFFF")})
    sub(r_pr, qn("w:shd"), {W_VAL: "clear", qn("w:color"): "auto", qn("w:fill"): "000000"})
    add_text(run, f" {handling} ")


def add_complex_field(paragraph: Any, instruction: str, shown: str) -> None:
    """A complex field (PAGE, NUMPAGES) with ``shown`` as its result until updated."""
    add_field_start(paragraph, instruction)
    add_text(sub(paragraph, W_R), shown)
    add_field_char(paragraph, "end")


def write_page_furniture(writer: Writer, handling: str) -> None:
    """The header and footer: the handling marking centred, and ``Page X of Y`` below it in
    the footer."""
    rels = writer.part.rels
    header = rels[writer.ref.header_rid].target_part.element
    footer = rels[writer.ref.footer_rid].target_part.element
    add_marking(writer.styled_paragraph("Header", "center", parent=header), handling)
    add_marking(writer.styled_paragraph("Footer", "center", parent=footer), handling)
    pages = writer.styled_paragraph("Footer", "center", parent=footer)
    add_text(sub(pages, W_R), "Page ")
    add_complex_field(pages, "PAGE", "1")
    add_text(sub(pages, W_R), " of ")
    add_complex_field(pages, "NUMPAGES", "1")
