"""The Word writer: the rendered Markdown, parsed by pyromark (``briefgen.syntax``), written
with python-docx into a copy of the reference document, in its named styles, and saved
reproducibly.

The package is split by concern: ``reference`` (the reference document, prepared once per
process, and its styles by name), ``package`` (the allow-list of what a brief takes from
it, the properties, the reproducible save), ``blocks`` (paragraphs, headings, lists,
tables), ``runs`` (inline runs), ``notes`` (footnotes), ``fields`` (the contents list and
the page furniture), ``compact`` (the summary's tighter page) and ``oxml`` (the python-docx
extensions: the WordprocessingML that python-docx has no API for).
Only this package imports python-docx.

Style names follow pandoc's reference.docx, so a house reference made for pandoc works here.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.chart import FIND, Chart, Unfound, draw_picture
from briefgen.errors import RenderError
from briefgen.model import Brief, Comparison, ComparisonSet, Loaded
from briefgen.render.docx.blocks import Writer, share_width
from briefgen.render.docx.fields import write_page_furniture
from briefgen.render.docx.package import APP_XML, fit_property, save_document, set_properties
from briefgen.render.docx.reference import load_reference
from briefgen.syntax import Block
from briefgen.syntax import parse_markdown as parse_tree

__all__ = ["APP_XML", "fit_property", "left_out_of", "render_docx", "render_redline",
           "save_document", "share_width"]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters that XML 1.0 cannot hold."""


def parse_markdown(markdown: str) -> Block:
    """The syntax tree of ``markdown``, refused where it holds what XML cannot."""
    found = _NOT_XML.search(markdown)
    if found:
        line = markdown.count("\n", 0, found.start()) + 1
        raise RenderError(f"line {line} of the rendered Markdown holds U+{ord(found.group()):04X}"
                          ", which a Word document cannot hold (check the templates)")
    tree = parse_tree(markdown)
    if "&#" in markdown:  # a character reference can name what XML cannot hold (&#1;)
        replace_unstorable(tree)
    return tree


def replace_unstorable(node: Block) -> None:
    """Characters that XML cannot hold, in the tree's text, turned into U+FFFD."""
    content = node.meta.get("content")
    if isinstance(content, str):
        node.meta["content"] = _NOT_XML.sub("\ufffd", content)
    for child in node.children:
        replace_unstorable(child)


def left_out_of(reference: Path | None = None) -> list[str]:
    """What of ``reference`` no brief carries (parts and external targets outside the
    allow-list), for a caller to warn about; empty for a clean reference."""
    return sorted(set(load_reference(reference).left_out))


def render_redline(brief: Brief, old_markdown: str, markdown: str, author: str, date: str,
                   reference: Path | None = None, before: Brief | None = None) -> bytes:
    """The new brief with its changes since ``old_markdown`` (the Markdown of ``before``,
    whose chart it shows) as Word tracked changes by ``author`` at ``date``
    (``2026-11-21T00:00:00Z``): a .docx, reproducible."""
    return render_docx(brief, markdown, reference, (old_markdown, author, date), before)


def render_docx(brief: Loaded, markdown: str, reference: Path | None = None,
                redline: tuple[str, str, str] | None = None,
                before: Brief | None = None, compact: bool = False,
                chart: Chart | Unfound | None = FIND) -> bytes:
    """The brief as the bytes of a .docx, reproducible: same input, same bytes; with
    ``redline`` (the old Markdown, author, date), a redline (``render_redline``) against
    ``before``; ``compact``, on a one-page summary's tighter page (``compact``); ``chart``,
    the brief's chart's data where the caller has found it."""
    ref = load_reference(reference, compact)
    tree = parse_markdown(markdown)
    document = ref.new_document()
    writer = Writer(ref, document)
    pictures = [draw_picture(brief, "png", chart)]
    if before is not None:
        pictures.append(draw_picture(before, "png"))
    writer.charts = [picture for picture in pictures if picture is not None]
    if redline is not None:
        from briefgen.redline import merge_trees
        from briefgen.render.docx.redline import RevisedNotes

        tree = merge_trees(parse_markdown(redline[0]), tree)
        writer.notes.revised = RevisedNotes(tree)
    writer.write(tree)
    if redline is not None:
        from briefgen.render.docx.redline import finish

        finish(writer, redline[1], redline[2])
    head: Brief | Comparison
    if isinstance(brief, ComparisonSet):
        head = brief.comparison
        subject = f"Comparison of {len(brief.incidents)} incidents"
        actors = [actor.name for incident in brief.incidents for actor in incident.actors]
    else:
        head = brief
        subject = f"{brief.incident.event_type}, {brief.incident.place.name}"
        actors = [actor.name for actor in brief.actors]
    write_page_furniture(writer, head.handling)
    set_properties(document, head, subject, actors)
    if ref.footnotes_new and not writer.notes.count:
        document.part.rels.pop(ref.footnotes_rid)
    if ref.numbering_new and writer.numbering is None:
        document.part.rels.pop(ref.numbering_rid)
    return save_document(document)
