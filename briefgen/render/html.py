"""The brief as one self-contained HTML page, written from the Markdown brief's syntax tree.

The page is made from the same Markdown as the .md and the .docx (the same templates), read
with the one parser (``briefgen.syntax``): the same sections, tables and notes. Its styles
are inline in a ``<style>``; it needs no script and requests nothing from any host (no
fonts, no images: a Markdown image is written as its text). Raw HTML in the Markdown is
never passed through: the templates' style cues (``<!-- style: Subtitle -->``) become class
names and the contents list a ``<nav>``; any other HTML is shown as text.

The markup is semantic: ``lang``, headings as the Markdown nests them (the brief's ``#`` is
the one ``h1``), header cells with ``scope`` and a caption named after the table's heading,
notes linked both ways (reference to note, note back to each reference), runs of Arabic
script in ``<span dir="rtl" lang="ar">``, the handling marking at the top and the bottom
of the page and, in print, in the margin of every A4 page with the page number.

The live preview (``briefgen.serve``) renders through the same function with a ``locate``
hook, which gives each paragraph, list item, table row and heading the place in the YAML it
came from, and with a script of its own; the distributed page has neither.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, NamedTuple

from briefgen.chart import FIND, Chart, Unfound
from briefgen.syntax import Block, cue_of, parse_markdown, slugify

if TYPE_CHECKING:
    from briefgen.chart import Picture
    from briefgen.model import Loaded

Locate = Callable[[str], dict[str, str] | None]
"""A block's plain text to the attributes that say where in the YAML it came from."""

_ARABIC = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+"
    "(?:[\\s\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]*"
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff])?")
"""A stretch of Arabic script, spaces inside it included (the Word writer's rule too)."""
_LINK_SCHEMES = ("http://", "https://", "mailto:", "#")
_NOT_ID = re.compile(r"[^a-z0-9_-]+")

TLP_COLOURS = {
    "TLP:CLEAR": "#ffffff", "TLP:GREEN": "#33ff00", "TLP:AMBER": "#ffc000",
    "TLP:AMBER+STRICT": "#ffc000", "TLP:RED": "#ff2b2b",
}
"""FIRST's TLP 2.0 colours: the label in its colour on black."""


class Page(NamedTuple):
    """What the page shows around the brief."""

    title: str
    handling: str
    locate: Locate | None = None
    head: str = ""
    """Markup added to ``<head>`` (the preview's script)."""
    top: str = ""
    """Markup shown above the brief (the preview's problems)."""
    chart: Picture | None = None
    """The brief's chart as SVG, drawn in place of the image the Markdown names."""


def page_of(brief: Loaded, locate: Locate | None = None, head: str = "",
            top: str = "", chart: Chart | Unfound | None = FIND) -> Page:
    """The page of a brief or a comparison: its title and handling marking, and its chart
    (``chart``, where the caller has found its data)."""
    from briefgen.chart import draw_picture
    from briefgen.model import ComparisonSet

    main = brief.comparison if isinstance(brief, ComparisonSet) else brief
    return Page(main.title, main.handling, locate, head, top, draw_picture(brief, "svg", chart))


def render_html(markdown: str, page: Page) -> str:
    """The Markdown brief as a complete HTML document."""
    writer = HtmlWriter(page.locate, page.chart)
    body = writer.write(parse_markdown(markdown))
    marking = escape(page.handling)
    tlp = _NOT_ID.sub("-", page.handling.lower()).strip("-") or "marking"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(page.title)}</title>\n"
        f"<style>\n{stylesheet(page.handling)}</style>\n{page.head}</head>\n<body>\n"
        f'<header class="marking {tlp}"><p><span class="visually-hidden">Handling: </span>'
        f"<strong>{marking}</strong></p></header>\n"
        f"{page.top}<main>\n{body}</main>\n"
        f'<footer class="marking {tlp}"><p><span class="visually-hidden">Handling: </span>'
        f"<strong>{marking}</strong></p></footer>\n</body>\n</html>\n")


class HtmlWriter:
    """One brief's tree to HTML: note numbers, heading anchors and the table captions."""

    def __init__(self, locate: Locate | None = None, chart: Picture | None = None) -> None:
        self.locate = locate
        self.chart = chart
        self.note_numbers: dict[str, int] = {}
        self.note_refs: dict[str, int] = {}
        self.notes: dict[str, Block] = {}
        self.anchors: set[str] = set()
        self.last_heading = ""
        self.since_heading = 0
        """Blocks written since the last heading: a table right under its heading does not
        show the caption that names it after that heading (a screen reader still reads it)."""
        self.style: str | None = None

    def write(self, root: Block) -> str:
        self.number_notes(root)
        out: list[str] = []
        contents: list[str] | None = None
        for node in root.children:
            cue = cue_of(node)
            if cue is not None:
                kind, value = cue
                if kind == "style":
                    self.style = value
                elif kind == "contents":
                    contents = []
                elif value == "contents" and contents is not None:
                    out.append('<nav class="contents" aria-label="Contents">\n'
                               + "".join(contents) + "</nav>\n")
                    contents = None
                else:
                    self.style = None
                continue
            if node.name == "footnote_def":
                self.notes[node.meta["label"]] = node
                continue
            html = self.block(node)
            if contents is not None:
                contents.append(html)
            else:
                out.append(html)
        if contents is not None:  # a contents cue left open: its blocks are still shown
            out.extend(contents)
        out.append(self.write_notes())
        return "".join(out)

    def number_notes(self, root: Block) -> None:
        """Notes numbered in the order of their first reference, as GitHub numbers them."""
        stack = [root]
        while stack:
            node = stack.pop()
            if node.name == "footnote_ref":
                self.note_numbers.setdefault(node.meta["label"], len(self.note_numbers) + 1)
            elif node.name != "footnote_def":
                stack.extend(reversed(node.children))

    def source_of(self, node: Block) -> str:
        """``data-source`` and the like, in the preview only."""
        if self.locate is None:
            return ""
        if node.name == "trow":
            found = self.locate(" ".join(plain_text(cell) for cell in node.children))
        else:
            found = self.locate(plain_text(node))
        if not found:
            return ""
        return "".join(f' {name}="{escape(value)}"' for name, value in found.items())

    def block(self, node: Block) -> str:
        name = node.name
        self.since_heading += 1
        if name == "paragraph":
            cls = f' class="{style_class(self.style)}"' if self.style else ""
            return f"<p{cls}{self.source_of(node)}>{self.inlines(node.children)}</p>\n"
        if name == "heading":
            level = min(max(int(node.meta.get("level", 2)), 1), 6)
            text = plain_text(node)
            self.last_heading = text
            self.since_heading = 0
            anchor = self.anchor(slugify(text))
            return (f'<h{level} id="{anchor}"{self.source_of(node)}>'
                    f"{self.inlines(node.children)}</h{level}>\n")
        if name in ("bullet_list", "ordered_list"):
            tag = "ul" if name == "bullet_list" else "ol"
            start = int(node.meta.get("start", 1))
            attrs = f' start="{start}"' if tag == "ol" and start != 1 else ""
            items = "".join(self.list_item(item) for item in node.children)
            return f"<{tag}{attrs}>\n{items}</{tag}>\n"
        if name == "blockquote":
            return f"<blockquote>\n{self.blocks(node.children)}</blockquote>\n"
        if name == "table":
            return self.table(node)
        if name == "code_block":
            return f"<pre><code>{escape(str(node.meta.get('content', '')))}</code></pre>\n"
        if name == "hr":
            return "<hr>\n"
        if name == "html_block":  # not a style cue: shown as text, never rendered
            return f"<p>{escape(str(node.meta.get('content', '')).strip())}</p>\n"
        return self.inlines([node])

    def blocks(self, nodes: list[Block]) -> str:
        return "".join(self.block(node) for node in nodes)

    def list_item(self, item: Block) -> str:
        if any(child.name in BLOCK_NAMES for child in item.children):
            inner = "".join(self.block(child) if child.name in BLOCK_NAMES
                            else self.inlines([child]) for child in item.children)
        else:  # a tight list: the item holds its inline nodes
            inner = self.inlines(item.children)
        return f"<li{self.source_of(item)}>{inner}</li>\n"

    def table(self, node: Block) -> str:
        alignments = list(node.meta.get("alignments", []))
        head, body = node.children
        caption = escape(self.last_heading)
        hidden = ' class="visually-hidden"' if self.since_heading <= 1 else ""

        labels = [escape(plain_text(cell)) for row in head.children for cell in row.children]

        def cells(row: Block, tag: str) -> str:
            out = []
            for i, cell in enumerate(row.children):
                align = alignments[i] if i < len(alignments) else "none"
                cls = ' class="num"' if align == "right" else (
                    ' class="centre"' if align == "center" else "")
                # the header cell's words, shown beside each value where a phone shows the
                # rows as cards
                extra = ' scope="col"' if tag == "th" else (
                    f' data-label="{labels[i]}"' if i < len(labels) else "")
                out.append(f"<{tag}{extra}{cls}>{self.inlines(cell.children)}</{tag}>")
            return "".join(out)

        rows_head = "".join(f"<tr>{cells(row, 'th')}</tr>\n" for row in head.children)
        rows_body = "".join(f"<tr{self.source_of(row)}>{cells(row, 'td')}</tr>\n"
                            for row in body.children)
        label = f' aria-label="{caption}"' if caption else ' aria-label="Table"'
        return (f'<div class="table-wrap" role="region" tabindex="0"{label}>\n<table>\n'
                + (f"<caption{hidden}>{caption}</caption>\n" if caption else "")
                + f"<thead>\n{rows_head}</thead>\n<tbody>\n{rows_body}</tbody>\n"
                  "</table>\n</div>\n")

    def anchor(self, slug: str) -> str:
        """A heading's id: its GitHub anchor, numbered when repeated, as GitHub numbers it."""
        slug = _NOT_ID.sub("-", slug).strip("-") or "section"
        found, n = slug, 0
        while found in self.anchors:
            n += 1
            found = f"{slug}-{n}"
        self.anchors.add(found)
        return found

    def inlines(self, nodes: list[Block]) -> str:
        out: list[str] = []
        for node in nodes:
            name = node.name
            if name == "text":
                out.append(text_html(str(node.meta.get("content", ""))))
            elif name == "softbreak":
                out.append("\n")
            elif name == "hardbreak":
                out.append("<br>\n")
            elif name == "code_inline":
                out.append(f"<code>{escape(str(node.meta.get('content', '')))}</code>")
            elif name in ("html_inline", "html"):
                out.append(escape(str(node.meta.get("content", ""))))
            elif name == "em":
                out.append(f"<em>{self.inlines(node.children)}</em>")
            elif name == "strong":
                out.append(f"<strong>{self.inlines(node.children)}</strong>")
            elif name == "link":
                url = str(node.meta.get("url", ""))
                inner = self.inlines(node.children)
                if url.lower().startswith(_LINK_SCHEMES):
                    out.append(f'<a href="{escape(url)}">{inner}</a>')
                else:
                    out.append(inner)
            elif (name == "image" and self.chart is not None
                  and node.meta.get("url") == self.chart.name):
                out.append(inline_svg(self.chart))  # the brief's own, drawn from its data
            elif name == "image":  # no remote resource: the image's text stands for it
                out.append(self.inlines(node.children))
            elif name == "footnote_ref":
                out.append(self.note_ref(node.meta["label"]))
            elif name in BLOCK_NAMES:
                out.append(self.block(node))
            else:
                out.append(self.inlines(node.children))
        return "".join(out)

    def note_ref(self, label: str) -> str:
        number = self.note_numbers.setdefault(label, len(self.note_numbers) + 1)
        count = self.note_refs[label] = self.note_refs.get(label, 0) + 1
        key = note_id(label)
        return (f'<sup class="note-ref"><a href="#note-{key}" id="ref-{key}-{count}" '
                f'role="doc-noteref" aria-label="Note {number}">{number}</a></sup>')

    def write_notes(self) -> str:
        if not self.notes:
            return ""
        order = sorted(self.notes, key=lambda label: self.note_numbers.get(label, 10**6))
        items = []
        for label in order:
            node = self.notes[label]
            key = note_id(label)
            number = self.note_numbers.get(label, 0)
            backs = self.back_links(key, number, self.note_refs.get(label, 0))
            inner = "".join(self.block(child) if child.name in BLOCK_NAMES
                            else self.inlines([child]) for child in node.children)
            if backs and inner.endswith("</p>\n"):
                inner = inner[:-5] + f" {backs}</p>\n"
            elif backs:
                inner += f"<p>{backs}</p>\n"
            items.append(f'<li id="note-{key}"{self.source_of(node)}>{inner}</li>\n')
        anchor = self.anchor("notes")
        return (f'<section class="notes" role="doc-endnotes" aria-labelledby="{anchor}">\n'
                f'<h2 id="{anchor}">Notes</h2>\n<ol>\n' + "".join(items) + "</ol>\n</section>\n")

    @staticmethod
    def back_links(key: str, number: int, count: int) -> str:
        """A note's way back: ``↩`` to its one reference, or ``↩ 1 2 3`` to each of them."""
        if count == 1:
            return (f'<a href="#ref-{key}-1" class="note-back" role="doc-backlink" '
                    f'aria-label="Back to reference {number}">↩</a>')
        if count == 0:
            return ""
        return ('<span class="note-back"><span aria-hidden="true">↩</span> ' + " ".join(
            f'<a href="#ref-{key}-{i}" role="doc-backlink" '
            f'aria-label="Back to reference {number}, use {i}">{i}</a>'
            for i in range(1, count + 1)) + "</span>")


BLOCK_NAMES = frozenset(("paragraph", "heading", "bullet_list", "ordered_list", "blockquote",
                         "table", "code_block", "hr", "html_block"))


_SVG_START = re.compile(r"<svg\b")
_SVG_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)


def inline_svg(chart: Picture) -> str:
    """The chart's SVG as markup in the page: the XML prolog and the metadata left out,
    ``role="img"`` with its alt text as ``aria-label`` and ``<title>``, scaled to the
    column, its style rule kept to itself. Everything in it is drawn in place: no link,
    no font, no image is fetched."""
    text = chart.data.decode("utf-8")
    start = _SVG_START.search(text)
    if start is None:  # not the SVG matplotlib writes: its text stands for it
        return escape(chart.alt)
    svg = _SVG_METADATA.sub("", text[start.start():], count=1).rstrip()
    svg = svg.replace('<style type="text/css">*{', '<style>svg.chart *{', 1)  # its own only
    alt = escape(chart.alt)
    head, rest = svg.split(">", 1)
    return (f'{head} role="img" aria-label="{alt}" class="chart">'
            f"<title>{alt}</title>{rest}")


def note_id(label: str) -> str:
    return _NOT_ID.sub("-", label.lower()).strip("-") or "note"


def style_class(style: str) -> str:
    """A Word style's name as a class: ``Block Text`` is ``block-text``."""
    return _NOT_ID.sub("-", style.lower()).strip("-") or "styled"


def text_html(text: str) -> str:
    """Text escaped, with each run of Arabic script marked right-to-left."""
    if text.isascii() or not _ARABIC.search(text):
        return escape(text, quote=False)
    out: list[str] = []
    position = 0
    for match in _ARABIC.finditer(text):
        out.append(escape(text[position:match.start()], quote=False))
        out.append(f'<span dir="rtl" lang="ar">{escape(match.group(), quote=False)}</span>')
        position = match.end()
    out.append(escape(text[position:], quote=False))
    return "".join(out)


def plain_text(node: Block) -> str:
    """The text a node shows, without its markup or note references."""
    parts: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.name in ("text", "code_inline"):
            parts.append(str(current.meta.get("content", "")))
        elif current.name in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif current.name != "footnote_ref":
            stack.extend(reversed(current.children))
    return "".join(parts)


def stylesheet(handling: str) -> str:
    """The page's styles: screen, phone and print (A4, the marking on every page)."""
    colour = TLP_COLOURS.get(handling, "#ffffff")
    label = handling.replace("\\", "\\\\").replace('"', '\\"')
    return STYLES.replace("%TLP_COLOUR%", colour).replace("%TLP_LABEL%", label)


STYLES = """\
:root { --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --tint: #f6f8fa;
        --link: #0b57b0; --tlp: %TLP_COLOUR%; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
       font: 1.0625rem/1.55 Carlito, Calibri, "Segoe UI", "Helvetica Neue", Arial,
             "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1.25rem 2.5rem; }
svg.chart { display: block; width: 100%; height: auto; }
.marking { background: #000; color: var(--tlp); text-align: center; letter-spacing: .06em;
           padding: .3rem 1rem; font-size: .95rem; }
.marking p { margin: 0; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .6rem 0 .6rem; }
h2 { font-size: 1.4rem; line-height: 1.25; margin: 2rem 0 .6rem; padding-bottom: .25rem;
     border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.12rem; margin: 1.5rem 0 .5rem; }
p, ul, ol { margin: 0 0 .8rem; }
li { margin: .25rem 0; }
a { color: var(--link); }
a:focus-visible, .table-wrap:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
.subtitle { font-size: 1.15rem; color: var(--muted); margin-bottom: .3rem; }
.author, .date { color: var(--muted); margin: 0 0 .15rem; }
nav.contents { background: var(--tint); border: 1px solid var(--rule); border-radius: 6px;
               padding: .7rem 1rem .2rem; margin: 1.2rem 0 1.5rem; }
nav.contents p { margin: 0 0 .3rem; }
nav.contents ul { margin: 0 0 .5rem; padding-left: 1.2rem; }
.table-wrap { overflow-x: auto; margin: .8rem 0 1.2rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; font-weight: 600; color: var(--muted); padding: 0 0 .35rem;
          font-size: .9rem; }
th, td { border: 1px solid var(--rule); padding: .35rem .55rem; vertical-align: top;
         text-align: left; }
th { background: var(--tint); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.centre, th.centre { text-align: center; }
sup.note-ref { line-height: 0; font-size: .75em; }
sup.note-ref a { text-decoration: none; padding: 0 .1em; }
sup.note-ref + sup.note-ref::before { content: ","; }
.notes { font-size: .92rem; margin-top: 2.5rem; }
.notes h2 { font-size: 1.1rem; }
.notes li p { margin: 0 0 .3rem; }
.note-back { margin-left: .2em; font-size: .85em; }
.note-back a, a.note-back { text-decoration: none; padding: 0 .15em; }
:target { background: #fff8c5; }
span[dir="rtl"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans",
                  sans-serif; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
                   clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 40rem) {
  body { font-size: 1rem; }
  main { padding: 1rem .9rem 2rem; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.25rem; }
  ul, ol { padding-left: 1.3rem; }
  /* a table's rows as cards, each value beside its column's name */
  table, tbody, tr, td { display: block; width: 100%; }
  thead tr { position: absolute; width: 1px; height: 1px; overflow: hidden;
             clip: rect(0 0 0 0); }
  tbody tr { border: 1px solid var(--rule); border-radius: 6px; margin: 0 0 .7rem;
             padding: .3rem .2rem; }
  td { border: 0; padding: .15rem .5rem; text-align: left; }
  td.num, td.centre { text-align: left; }
  td[data-label]::before { content: attr(data-label) ": "; font-weight: 600;
                           color: var(--muted); }
}
@page { size: A4; margin: 20mm 18mm 22mm;
  @top-center { content: "%TLP_LABEL%"; color: %TLP_COLOUR%; background: #000;
                font: bold 9pt sans-serif; padding: 1mm 4mm; }
  @bottom-center { content: "%TLP_LABEL%  ·  page " counter(page) " of " counter(pages);
                   font: 9pt sans-serif; color: #333; }
}
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .marking { display: none; }
  a { color: inherit; }
  nav.contents { background: none; }
  h2, h3 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  :target { background: none; }
}
"""
