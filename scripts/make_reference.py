"""Build templates/reference.docx: the Word styles of every brief, as reviewable code.

Run ``python scripts/make_reference.py`` after changing a style here and commit both files.
The style names are pandoc's reference-doc names, so the file also serves pandoc, and a
house reference.docx made for pandoc serves briefgen.

It starts from python-docx's blank document, removes what a brief does not need (thumbnail,
custom XML, the Word 2010 style copy, unused table styles) and defines the styles below.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from briefgen.render.docx.package import save_document, set_app_properties

OUT = Path(__file__).resolve().parents[1] / "templates" / "reference.docx"

BODY_FONT = "Calibri"  # LibreOffice substitutes the metric-compatible Carlito
HEADING_FONT = "Calibri"
MONO_FONT = "Consolas"
COMPLEX_FONT = "Arial"  # Arabic script; LibreOffice falls back to a font that has it
INK = RGBColor(0x1F, 0x29, 0x33)
NAVY = RGBColor(0x1F, 0x3A, 0x5F)
STEEL = RGBColor(0x2E, 0x5C, 0x8A)
GREY = RGBColor(0x59, 0x63, 0x6E)

KEEP_TABLE_STYLES = {"Normal Table", "Table Grid"}

PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
    "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku",
    "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
    "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
    "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
    "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
]
"""The children of w:pPr in the order ISO 29500 requires."""


def insert_in_order(p_pr: docx.oxml.xmlchemy.BaseOxmlElement, element: object, tag: str) -> None:
    """Insert ``element`` into ``p_pr`` before the first child that must follow it."""
    successors = [f"w:{name}" for name in PPR_ORDER[PPR_ORDER.index(tag) + 1:]]
    p_pr.insert_element_before(element, *successors)


def set_font(style: docx.styles.style.BaseStyle, name: str) -> None:
    """An explicit font on every script slot, with the theme font references removed."""
    r_fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        r_fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        r_fonts.set(qn(attr), name)


def paragraph_style(document: docx.document.Document, name: str, base: str | None,
                    size: float | None = None, *, bold: bool = False, italic: bool = False,
                    color: RGBColor | None = None, before: float = 0, after: float = 6,
                    line: float | None = None, font: str | None = None,
                    keep_next: bool = False) -> docx.styles.style.ParagraphStyle:
    """Define (or redefine) a paragraph style completely, so nothing is inherited by chance.

    Size, colour and font are left to the document defaults unless given: a table style
    can then set them for the text in its cells (Word ranks paragraph styles above it).
    """
    styles = document.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    for old in style.element.findall(qn("w:pPr")) + style.element.findall(qn("w:rPr")):
        style.element.remove(old)
    style.base_style = styles[base] if base else None
    style.quick_style = True
    style.hidden = False
    style.unhide_when_used = False
    if font is not None:
        set_font(style, font)
    if size is not None:
        style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    if color is not None:
        style.font.color.rgb = color
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = line
    fmt.keep_with_next = keep_next
    return style


def set_defaults(document: docx.document.Document) -> None:
    """Document defaults: the body font, size and colour every style starts from, and
    widow and orphan control (no line of a paragraph alone at the top or foot of a page)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    defaults.getparent().remove(defaults)
    document.styles.element.insert(0, parse_xml(f"""<w:docDefaults {nsdecls("w")}>
  <w:rPrDefault><w:rPr>
    <w:rFonts w:ascii="{BODY_FONT}" w:hAnsi="{BODY_FONT}" w:eastAsia="{BODY_FONT}"
              w:cs="{COMPLEX_FONT}"/>
    <w:color w:val="{INK}"/>
    <w:sz w:val="21"/><w:szCs w:val="21"/>
    <w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/>
  </w:rPr></w:rPrDefault>
  <w:pPrDefault>
    <w:pPr><w:widowControl/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  </w:pPrDefault>
</w:docDefaults>"""))


def set_border(style: docx.styles.style.ParagraphStyle, side: str, color: str, size: int,
               space: int) -> None:
    """A paragraph border on one side, in schema order, replacing any the style had."""
    p_pr = style.element.get_or_add_pPr()
    for old in p_pr.findall(qn("w:pBdr")):
        p_pr.remove(old)
    border = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:{side} w:val="single" w:sz="{size}" w:space="{space}" '
        f'w:color="{color}"/></w:pBdr>')
    insert_in_order(p_pr, border, "pBdr")


def table_style(document: docx.document.Document) -> None:
    """``Table``: rules above and below, light row rules, a dark header row."""
    styles = document.styles.element
    xml = f"""<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="Table">
  <w:name w:val="Table"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="30" w:after="30" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="8" w:space="0" w:color="1F3A5F"/>
      <w:bottom w:val="single" w:sz="8" w:space="0" w:color="1F3A5F"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="C9D1DA"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="45" w:type="dxa"/>
      <w:left w:w="90" w:type="dxa"/>
      <w:bottom w:w="45" w:type="dxa"/>
      <w:right w:w="90" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3A5F"/></w:tcPr>
  </w:tblStylePr>
</w:style>"""
    styles.append(parse_xml(xml))


def remove_parts(document: docx.document.Document) -> None:
    """Drop the thumbnail, custom XML and stylesWithEffects that python-docx's blank carries."""
    package = document.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[r_id]
    for r_id, rel in list(document.part.rels.items()):
        if rel.reltype == RT.CUSTOM_XML or rel.reltype.endswith("/stylesWithEffects"):
            del document.part.rels[r_id]
    for style in list(document.styles):
        if style.type == WD_STYLE_TYPE.TABLE and style.name not in KEEP_TABLE_STYLES:
            style.element.getparent().remove(style.element)


def build() -> bytes:
    document = docx.Document()
    remove_parts(document)

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.3))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)

    set_defaults(document)
    paragraph_style(document, "Normal", None, after=0)
    body = paragraph_style(document, "Body Text", "Normal", after=6, line=1.08)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    paragraph_style(document, "First Paragraph", "Body Text", after=6, line=1.08)
    paragraph_style(document, "Compact", "Body Text", after=3, line=1.04)
    block = paragraph_style(document, "Block Text", "Body Text", italic=True,
                            color=GREY, before=4, after=8)
    block.paragraph_format.left_indent = Cm(0.6)
    set_border(block, "left", "8FA3B8", 18, 8)
    title = paragraph_style(document, "Title", "Normal", 22, bold=True, color=NAVY,
                            after=8, font=HEADING_FONT)
    set_border(title, "bottom", "1F3A5F", 12, 4)
    paragraph_style(document, "Subtitle", "Normal", 12.5, color=STEEL, after=4)
    paragraph_style(document, "Author", "Normal", 10, color=GREY, after=0)
    paragraph_style(document, "Date", "Normal", 10, color=GREY, after=14)
    h1 = paragraph_style(document, "Heading 1", "Normal", 14, bold=True, color=NAVY,
                         before=12, after=4, font=HEADING_FONT, keep_next=True)
    set_border(h1, "bottom", "C9D1DA", 4, 2)
    paragraph_style(document, "Heading 2", "Normal", 11.5, bold=True, color=STEEL,
                    before=8, after=3, font=HEADING_FONT, keep_next=True)
    paragraph_style(document, "Heading 3", "Normal", 10.5, bold=True, italic=True,
                    color=STEEL, before=8, after=2, font=HEADING_FONT, keep_next=True)
    paragraph_style(document, "Footnote Text", "Normal", 8.5, after=0, line=1.0)
    for name in ("Header", "Footer"):
        furniture = paragraph_style(document, name, "Normal", 8.5, color=GREY, after=2)
        furniture.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph_style(document, "TOC Heading", "Normal", 11.5, bold=True, color=STEEL,
                    before=10, after=3, font=HEADING_FONT, keep_next=True)
    paragraph_style(document, "TOC 1", "Normal", after=2)
    toc2 = paragraph_style(document, "TOC 2", "Normal", after=2)
    toc2.paragraph_format.left_indent = Cm(0.5)
    paragraph_style(document, "Source Code", "Normal", 9, after=0, font=MONO_FONT)
    for level in (1, 2, 3):
        heading = document.styles[f"Heading {level}"]
        p_pr = heading.element.get_or_add_pPr()
        if p_pr.find(qn("w:outlineLvl")) is None:
            lvl = OxmlElement("w:outlineLvl")
            lvl.set(qn("w:val"), str(level - 1))
            insert_in_order(p_pr, lvl, "outlineLvl")

    styles = document.styles
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True
    verbatim = styles.add_style("Verbatim Char", WD_STYLE_TYPE.CHARACTER)
    set_font(verbatim, MONO_FONT)
    verbatim.font.size = Pt(9.5)
    note_ref = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    note_ref.font.superscript = True
    table_style(document)

    props = document.core_properties
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    props.title = "briefgen reference document"
    props.author = props.last_modified_by = "briefgen"
    props.created = props.modified = stamp
    props.revision = 1
    props.comments = "Styles for briefgen briefs; made by scripts/make_reference.py"
    for key in ("subject", "keywords", "category"):
        setattr(props, key, "")

    # A sample line for whoever opens the file; the body is cleared before every brief.
    document.add_paragraph("Styles for briefgen briefs.", style="Body Text")
    for zoom in document.settings.element.findall(qn("w:zoom")):
        zoom.set(qn("w:percent"), "100")

    set_app_properties(document.part.package)
    return save_document(document)


def main() -> None:
    OUT.write_bytes(build())
    print(f"wrote {OUT.relative_to(Path.cwd()) if OUT.is_relative_to(Path.cwd()) else OUT}")


if __name__ == "__main__":
    main()
