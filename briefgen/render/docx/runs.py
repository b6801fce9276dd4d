"""Inline runs: the inline nodes of the Markdown tree as ``w:r`` elements, neighbouring
text in one look joined into one run, links as ``w:hyperlink``, Arabic script in
right-to-left runs of its own.

Runs are made as python-docx's element classes (``CT_R``, ``CT_Text``), copies of a run
made once per reference for each look, rather than through ``Paragraph.add_run`` and
``Run.bold``: measured, a paragraph of three runs (one bold, one in a character style) took
1,065 us through python-docx's API, whose style lookup by name walks the styles part at
every call, and 13 us as element copies; a brief has some 70 paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefgen.chart import Picture
from briefgen.render.docx.oxml import XML_SPACE, add_hyperlink, sub
from briefgen.render.docx.reference import CHARACTER
from briefgen.syntax import Block

if TYPE_CHECKING:
    from briefgen.render.docx.blocks import Writer

W_R, W_T, W_RPR, W_VAL = qn("w:r"), qn("w:t"), qn("w:rPr"), qn("w:val")
W_B, W_I, W_RTL, W_RSTYLE = qn("w:b"), qn("w:i"), qn("w:rtl"), qn("w:rStyle")
W_BR, W_TAB = qn("w:br"), qn("w:tab")

_LINE_ENDS = re.compile(r"\r\n|\r|\n")
_ARABIC_CHARS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC = re.compile(f"[{_ARABIC_CHARS}]+(?:[\\s{_ARABIC_CHARS}]*[{_ARABIC_CHARS}])?")
"""A stretch of Arabic script, spaces inside it included: written as one right-to-left run."""


class Format(NamedTuple):
    """How a run looks: bold, italic, a character style, the hyperlink it belongs to (its
    number in the brief and target). A tuple: made for every run of bold or italic."""

    bold: bool = False
    italic: bool = False
    style: str = ""
    link: tuple[int, str] | None = None
    change: str = ""
    """``ins`` or ``del``: a redline's tracked insertion or deletion."""


PLAIN = Format()


def visible_text(nodes: Sequence[Block]) -> str:
    """The text inline nodes show: without Markdown syntax or footnote labels."""
    pieces: list[str] = []
    for node in nodes:
        name = node.name
        if name in ("text", "code_inline", "html_inline"):
            pieces.append(str(node.meta.get("content", "")))
        elif name == "softbreak":
            pieces.append(" ")
        elif name != "del" and not name.startswith("footnote"):  # not a redline's deleted words
            pieces.append(visible_text(node.children))
    return "".join(pieces)


def bookmark_name(slug: str) -> str:
    """Word's bookmark for a heading anchor: ``_Toc_`` and the slug, at most 40 characters."""
    return ("_Toc_" + slug.replace("-", "_"))[:40]


def add_text(run: Any, text: str) -> None:
    """``text`` into ``run`` as ``w:t``, with tabs as ``w:tab`` and line ends as ``w:br``."""
    if "\t" in text or "\n" in text or "\r" in text:
        for index, line in enumerate(_LINE_ENDS.split(text)):
            if index:
                sub(run, W_BR)
            for position, piece in enumerate(line.split("\t")):
                if position:
                    sub(run, W_TAB)
                if piece:
                    add_text(run, piece)
        return
    element = sub(run, W_T)
    if text[:1].isspace() or text[-1:].isspace():
        element.set(XML_SPACE, "preserve")
    element.text = text


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


def flatten(writer: Writer, nodes: Sequence[Block], look: Format,
            events: list[tuple[str, Any, Format]], in_note: bool) -> None:
    """The inline tree as a flat list of (kind, value, look)."""
    for node in nodes:
        name = node.name
        if name in ("text", "html_inline"):
            events.append(("text", str(node.meta.get("content", "")), look))
        elif name == "softbreak":
            events.append(("text", " ", look))
        elif name == "hardbreak":
            events.append(("break", None, look))
        elif name == "code_inline":
            events.append(("code", str(node.meta.get("content", "")), look))
        elif name == "strong":
            flatten(writer, node.children, look._replace(bold=True), events, in_note)
        elif name == "em":
            flatten(writer, node.children, look._replace(italic=True), events, in_note)
        elif name in ("ins", "del"):  # a redline's change
            flatten(writer, node.children, look._replace(change=name), events, in_note)
        elif name == "link":
            writer.link_count += 1
            url = str(node.meta.get("url", ""))
            flatten(writer, node.children, look._replace(link=(writer.link_count, url)),
                    events, in_note)
        elif name == "footnote_ref":
            if not in_note:
                events.append(("note", node.meta, look))
        elif name == "image" and look.link is None and (
                chart := writer.find_chart(str(node.meta.get("url")),
                                           visible_text(node.children))) is not None:
            events.append(("chart", chart, look))  # the brief's own, drawn from its data
        else:  # any other image shows its alt text: no file named in the Markdown is read
            flatten(writer, node.children, look, events, in_note)


class Runs:
    """Writes runs into paragraphs; the writer's inline half."""

    def __init__(self, writer: Writer) -> None:
        self.writer = writer
        self.ref = writer.ref
        self.rtl_runs = 0

    def add_runs(self, paragraph: Any, children: Sequence[Block], in_note: bool = False) -> None:
        """The runs of inline nodes into ``paragraph``; neighbouring text in one look is
        one run, a link's runs are inside its ``w:hyperlink``."""
        if len(children) == 1 and children[0].name == "text":  # half of all paragraphs
            self.add_styled(paragraph, str(children[0].meta.get("content", "")), PLAIN)
            return
        events: list[tuple[str, Any, Format]] = []
        flatten(self.writer, children, PLAIN, events, in_note)
        container, outer, link, change = paragraph, paragraph, None, ""
        pending: list[str] = []
        pending_look, previous, note_side = PLAIN, "", ""
        noted: set[tuple[str, str]] = set()  # one reference to a note in a paragraph
        for kind, value, look in events:
            if kind == "text" and pending and look == pending_look:
                pending.append(value)
                continue
            if pending:
                self.add_styled(container, "".join(pending), pending_look)
                pending = []
            if look.link != link:
                link = look.link
                container = outer = (self.add_link(paragraph, link[1]) if link is not None
                                     else paragraph)
                change = ""
            if look.change != change:  # w:ins and w:del sit inside w:hyperlink
                change = look.change
                container = sub(outer, qn(f"w:{change}")) if change else outer
            if kind == "text":
                pending, pending_look = [value], look
            elif kind == "code":
                self.add_styled(container, value, look._replace(style="Verbatim Char"))
            elif kind == "break":
                sub(self.new_run(container, look), W_BR)
            elif kind == "chart":
                self.add_chart(container, value)
            elif kind == "note":
                side = look.change or self.writer.change
                label = (str(value.get("label", "")), side)
                if label in noted:  # a template that cites one source twice in a paragraph
                    continue
                noted.add(label)
                after = previous == "note" and (side == note_side or not side or not note_side)
                comma = container
                if after and (side or note_side) != side:  # a comma only one revision has
                    comma = sub(outer, qn(f"w:{note_side}"))
                self.writer.notes.cite(container, value, after, side, comma)
                note_side = side
            previous = kind
        if pending:
            self.add_styled(container, "".join(pending), pending_look)

    def add_chart(self, container: Any, chart: Picture) -> None:
        """The chart as an inline picture, the width of the text column, its PNG a part of
        the package; its alt text (``wp:docPr`` ``descr``) states every figure."""
        import io

        from docx.shared import Emu
        from docx.text.run import Run

        run = Run(self.new_run(container, PLAIN), self.writer.document)
        shape = run.add_picture(io.BytesIO(chart.data), width=Emu(self.ref.text_width))
        properties = shape._inline.docPr  # python-docx has no API for the alt text
        properties.set("name", chart.title)
        properties.set("descr", chart.alt)
        properties.set("title", chart.title)

    def add_link(self, paragraph: Any, url: str) -> Any:
        """A hyperlink at the end of ``paragraph``: to a heading's bookmark, or to ``url``
        related from the part being written."""
        if url.startswith("#"):
            return add_hyperlink(paragraph, None, url, bookmark_name(url[1:]))
        return add_hyperlink(paragraph, self.writer.links_part, url, None)

    def new_run(self, container: Any, look: Format, rtl: bool = False) -> Any:
        """An empty ``w:r`` in ``look`` at the end of ``container``: a copy of the look's
        run, made once per reference (one lxml call instead of one per element)."""
        templates = self.ref.templates
        key = ("r", look, rtl)
        template = templates.get(key)
        if template is None:
            template = templates[key] = self.run_template(look, rtl)
        run = template.__copy__()
        container.append(run)
        return run

    def run_template(self, look: Format, rtl: bool) -> Any:
        """An empty ``w:r`` with the run properties of ``look``."""
        run = OxmlElement("w:r")
        style = look.style or ("Hyperlink" if look.link is not None else "")
        if not (style or look.bold or look.italic or rtl):
            return run
        r_pr = sub(run, W_RPR)
        if style:
            sub(r_pr, W_RSTYLE, {W_VAL: self.ref.style_id(style, CHARACTER)})
        for wanted, tag in ((look.bold, W_B), (look.italic, W_I), (rtl, W_RTL)):
            if wanted:
                sub(r_pr, tag)
        return run

    def add_styled(self, container: Any, text: str, look: Format) -> None:
        """Runs for ``text`` in ``look``: Arabic script in right-to-left runs of its own."""
        if not text:
            return
        if text.isascii() or not _ARABIC.search(text):
            self.add_text_run(container, text, look, False)
            return
        for piece, rtl in split_scripts(text):
            if piece:
                self.rtl_runs += rtl
                self.add_text_run(container, piece, look, rtl)

    def add_text_run(self, container: Any, text: str, look: Format, rtl: bool) -> None:
        """A run of ``text`` in ``look``; where the text is one ``w:t`` (no tab, no line
        end), a copy of the look's run with its ``w:t``, made once per reference."""
        if "\t" in text or "\n" in text or "\r" in text:
            add_text(self.new_run(container, look, rtl), text)
            return
        templates = self.ref.templates
        key = ("t", look, rtl)
        template = templates.get(key)
        if template is None:
            template = templates[key] = self.run_template(look, rtl)
            sub(template, W_T)
        run = template.__copy__()
        container.append(run)
        element = run[-1]
        if text[:1].isspace() or text[-1:].isspace():
            element.set(XML_SPACE, "preserve")
        element.text = text
