"""The reference document, opened once per process with python-docx and made ready for
briefs: cut to the allow-list, its body cleared, the default header and footer, the
footnotes and numbering parts in place, its style ids resolved by name.

Each brief is then a copy of that document (``new_document``): a deep copy of the python-docx
package, the parts no brief changes (styles, theme, fonts, settings) shared rather than
copied. Measured on the curated briefs: 0.35 ms a brief, where opening the reference's bytes
with ``docx.Document`` again takes 1.9 ms and a full deep copy 1.0 ms.
"""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_HEADER_FOOTER
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
from docx.shared import Twips
from lxml import etree

from briefgen.errors import RenderError
from briefgen.render import default_templates_dir
from briefgen.render.docx.oxml import FootnotesPart, footnotes_part_of
from briefgen.render.docx.package import keep_allowed

REFERENCE_NAME = "reference.docx"
REFERENCE_LIMIT = 20 * 1024 * 1024
"""The largest reference document read (a house reference is some 50 KB)."""
INFLATED_LIMIT = 64 * 1024 * 1024
"""The most its parts may hold once decompressed, together: a larger claim is refused
before anything is decompressed."""
PARAGRAPH, CHARACTER, TABLE = "paragraph", "character", "table"
_KINDS = {WD_STYLE_TYPE.PARAGRAPH: PARAGRAPH, WD_STYLE_TYPE.CHARACTER: CHARACTER,
          WD_STYLE_TYPE.TABLE: TABLE}

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

SHARED = frozenset((CT.WML_STYLES, CT.WML_SETTINGS, CT.WML_FONT_TABLE, CT.OFC_THEME,
                    CT.WML_WEB_SETTINGS,
                    "application/vnd.openxmlformats-officedocument.extended-properties+xml"))
"""Parts that no brief changes: shared by every copy of the reference."""


@dataclass
class Reference:
    """The reference document ready for briefs, made once per process."""

    document: Any
    style_names: dict[tuple[str, str], str]
    text_width: int
    header_rid: str
    footer_rid: str
    footnotes_rid: str
    footnotes_new: bool
    numbering_new: bool
    numbering_rid: str
    left_out: list[str]
    styles: dict[tuple[str, str], str | None] = field(default_factory=dict)
    templates: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    """Elements that briefs copy (a paragraph in a style, a run in a look), by key."""

    def style_id(self, name: str, kind: str = PARAGRAPH) -> str:
        """The id of a style by name (as Word matches names: in any case), falling back
        along ``FALLBACK_STYLES``; an error naming it if none. Kept once found."""
        found = self.find_style(name, kind)
        if found is None:
            raise RenderError(f"the reference document has no {kind} style named '{name}'")
        return found

    def find_style(self, name: str, kind: str) -> str | None:
        """The id of a style by name with its fallbacks, or None."""
        key = (name, kind)
        if key not in self.styles:
            wanted: str | None = name
            while wanted is not None and (wanted.lower(), kind) not in self.style_names:
                wanted = FALLBACK_STYLES.get(wanted)
            self.styles[key] = (self.style_names[wanted.lower(), kind]
                                if wanted is not None else None)
        return self.styles[key]

    def new_document(self) -> Any:
        """A python-docx ``Document`` for one brief: a copy of the prepared reference, the
        parts no brief changes shared, not copied."""
        package = self.document.part.package
        memo: dict[int, Any] = {id(part): part for part in package.iter_parts()
                                if part.content_type in SHARED}
        return copy.deepcopy(package, memo).main_document_part.document


def freeze_shared(document_part: Any) -> None:
    """The parts that no brief changes (styles, settings, fonts, theme) as python-docx's
    plain ``Part`` holding their bytes, serialised once here rather than at every save.
    Their relationships keep their ids and order."""
    rels = document_part.rels
    for rid, rel in list(rels.items()):
        part = rel.target_part if not rel.is_external else None
        if part is None or part.content_type not in SHARED or not hasattr(part, "element"):
            continue
        frozen = Part(part.partname, part.content_type, part.blob, part.package)
        for inner in part.rels.values():
            frozen.rels.add_relationship(inner.reltype, inner.target_ref if inner.is_external
                                         else inner.target_part, inner.rId, inner.is_external)
        rels.add_relationship(rel.reltype, frozen, rid)  # in place: the same id and order


@lru_cache(maxsize=8)
def load_reference(path: Path | None, compact: bool = False) -> Reference:
    """The reference document, read and prepared once per process; ``compact``, as a one-page
    summary's page (``compact.tighten_page``)."""
    source = path if path is not None else default_templates_dir() / REFERENCE_NAME
    try:
        if not source.is_file():
            raise RenderError(f"{source}: the reference document is not a regular file")
        if source.stat().st_size > REFERENCE_LIMIT:
            raise RenderError(f"{source}: the reference document is over "
                              f"{REFERENCE_LIMIT // 1024 // 1024} MB")
        data = source.read_bytes()
    except OSError as exc:
        raise RenderError(f"{source}: cannot read the reference document: "
                          f"{exc.strerror or exc}") from exc
    try:
        inflated = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
        if inflated > INFLATED_LIMIT:
            raise RenderError(f"{source}: the reference document's parts would inflate to "
                              f"{inflated // 1024 // 1024} MB, over "
                              f"{INFLATED_LIMIT // 1024 // 1024} MB")
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError,
            etree.XMLSyntaxError) as exc:
        detail = str(exc).split("content type is ", 1)
        reason = (f"its main part is {detail[1]} (save it from Word as a .docx document)"
                  if len(detail) == 2 else str(exc))
        raise RenderError(f"{source}: not a Word document: {reason}") from exc
    return prepare_reference(document, compact)


def prepare_reference(document: Any, compact: bool = False) -> Reference:
    """``document`` made ready for briefs, in place; ``compact``, for summaries."""
    left_out = keep_allowed(document)
    if compact:
        from briefgen.render.docx.compact import tighten_page

        tighten_page(document)
    document.element.body.clear_content()
    sect_pr = document.element.body.sectPr
    if sect_pr is None:  # a reference without section properties: US Letter, 1" margins
        sect_pr = document.element.body.get_or_add_sectPr()
        set_default_page(document.sections[-1])
    for printer in sect_pr.findall(qn("w:printerSettings")):  # its part is left out
        sect_pr.remove(printer)
    section = document.sections[-1]
    for story in (section.header, section.footer):
        story.is_linked_to_previous = False  # adds an empty part where the reference has none
        element = story.part.element
        for child in list(element):
            element.remove(child)
    footnotes_rid, footnotes_new = prepare_footnotes(document.part)
    numbering_rid, numbering_new = prepare_numbering(document.part)
    names: dict[tuple[str, str], str] = {}
    for style in document.styles:
        if style.name and style.type in _KINDS:
            names.setdefault((style.name.lower(), _KINDS[style.type]), style.style_id)
    freeze_shared(document.part)
    width = section.page_width if section.page_width is not None else 12240 * 635
    margins = ((section.left_margin if section.left_margin is not None else 1440 * 635)
               + (section.right_margin if section.right_margin is not None else 1440 * 635))
    return Reference(document=document, style_names=names, text_width=int(width - margins),
                     header_rid=sect_pr.get_headerReference(WD_HEADER_FOOTER.PRIMARY).rId,
                     footer_rid=sect_pr.get_footerReference(WD_HEADER_FOOTER.PRIMARY).rId,
                     footnotes_rid=footnotes_rid, footnotes_new=footnotes_new,
                     numbering_new=numbering_new,
                     numbering_rid=numbering_rid, left_out=left_out)


def set_default_page(section: Any) -> None:
    """Word's default page, set where a reference has no section properties."""
    section.page_width, section.page_height = Twips(12240), Twips(15840)
    for side in ("top", "right", "bottom", "left"):
        setattr(section, f"{side}_margin", Twips(1440))
    section.header_distance = section.footer_distance = Twips(720)
    section.gutter = Twips(0)


def prepare_footnotes(document_part: Any) -> tuple[str, bool]:
    """The footnotes part as a ``FootnotesPart`` holding only its separators: the
    reference's own, or a new one; its relationship id and whether it is new."""
    found = footnotes_part_of(document_part)
    if found is None:
        return document_part.relate_to(FootnotesPart.new(document_part.package),
                                       RT.FOOTNOTES), True
    part, rid = found
    document_part.rels.add_relationship(RT.FOOTNOTES, FootnotesPart.from_part(part), rid)
    return rid, False


def prepare_numbering(document_part: Any) -> tuple[str, bool]:
    """A numbering part where the reference has none (python-docx cannot make one); its
    relationship id and whether it is new."""
    for rel in document_part.rels.values():
        if rel.reltype == RT.NUMBERING and not rel.is_external:
            return rel.rId, False
    part = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING,
                         parse_xml(f"<w:numbering {nsdecls('w')}/>"), document_part.package)
    return document_part.relate_to(part, RT.NUMBERING), True
