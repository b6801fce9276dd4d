"""Notes: the Markdown footnotes as real Word footnotes, in the order they are cited, in
the footnotes part (``oxml.FootnotesPart``).

A footnote cited a second time gets a short note: the bold lead of its first note
(``Reuters, 8 August 2017.``), as a careful writer would.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefgen.render.docx.oxml import (
    W_VAL,
    XML_SPACE,
    add_footnote,
    add_note_reference,
    sub,
)
from briefgen.render.docx.reference import CHARACTER
from briefgen.render.docx.runs import W_R, W_RPR, W_RSTYLE, W_T, add_text
from briefgen.syntax import Block

if TYPE_CHECKING:
    from briefgen.render.docx.blocks import Writer


class Notes:
    """The brief's footnotes: definitions by label, and the notes written so far."""

    def __init__(self, writer: Writer) -> None:
        self.writer = writer
        self.definitions: dict[str, Sequence[Block]] = {}
        self.cited: set[str] = set()
        self.count = 0
        self.part: Any = None
        self.style = writer.ref.find_style("Footnote Reference", CHARACTER)
        self.revised: Any = None
        """A redline's notes of both revisions (``redline.RevisedNotes``), if it is one."""

    def collect(self, definition: Block) -> None:
        """The first paragraph of a definition, by its label: the first definition of a
        label counts, as in CommonMark."""
        key = str(definition.meta.get("label", ""))
        if definition.meta.get("side") == "old":  # a redline's old note
            return
        paragraphs = [c for c in definition.children if c.name == "paragraph"]
        if key not in self.definitions:
            self.definitions[key] = paragraphs[0].children if paragraphs else []

    def reference_run(self, container: Any) -> Any:
        """A run in the Footnote Reference style (superscript where the style is missing),
        at the end of ``container``: a copy of one made once per reference."""
        templates = self.writer.ref.templates
        template = templates.get(("note",))
        if template is None:
            template = templates[("note",)] = OxmlElement("w:r")
            r_pr = sub(template, W_RPR)
            if self.style is not None:
                sub(r_pr, W_RSTYLE, {W_VAL: self.style})
            else:
                sub(r_pr, qn("w:vertAlign"), {W_VAL: "superscript"})
        run = template.__copy__()
        container.append(run)
        return run

    def cite(self, container: Any, meta: Any, after_note: bool, change: str = "",
             comma: Any = None) -> None:
        """A footnote reference into ``container``, and its note; a repeated citation gets
        the short note; a comma between neighbouring references."""
        if after_note:
            add_text(self.reference_run(container if comma is None else comma), ",")
        self.count += 1
        key = str(meta.get("label", ""))
        children: Sequence[Block] = self.definitions.get(key, [])
        if key in self.cited:
            children = lead_of(children) or children
        self.cited.add(key)
        if self.revised is not None:
            children = self.revised.note(key, change)
        self.write_note(self.count, children)
        add_note_reference(self.reference_run(container), self.count)

    def write_note(self, note_id: int, children: Sequence[Block]) -> None:
        """The note itself, in the footnotes part; its links relate from that part."""
        writer = self.writer
        if self.part is None:
            self.part = writer.part.rels[writer.ref.footnotes_rid].target_part
        note = add_footnote(self.part.element, note_id)
        p = writer.styled_paragraph("Footnote Text", parent=note)
        add_note_reference(self.reference_run(p), None)
        sub(sub(p, W_R), W_T, {XML_SPACE: "preserve"}).text = " "
        writer.links_part = self.part
        try:
            writer.inline.add_runs(p, children, in_note=True)
        finally:
            writer.links_part = writer.part


def lead_of(children: Sequence[Block]) -> Sequence[Block]:
    """The bold lead of a note (its first strong span), for a repeated citation."""
    for child in children:
        if child.name == "strong":
            return child.children
    return []
