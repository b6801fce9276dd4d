"""python-docx extensions: the WordprocessingML that python-docx 1.2 has no API for.

Everything here is written as python-docx's own users write it (python-docx issue #1 for
footnotes, the hyperlink recipes of its issue tracker): elements made with python-docx's
parser (``OxmlElement``, or lxml's ``SubElement`` under such an element, which gives the
same element classes), parts as ``XmlPart`` related from the document part. Nothing else in
briefgen writes raw WordprocessingML:

- the footnotes part (``FootnotesPart``), its separators, notes and reference runs;
- complex fields (``PAGE``, ``NUMPAGES``, ``TOC``): ``w:fldChar`` and ``w:instrText``;
- bookmarks (``w:bookmarkStart``/``w:bookmarkEnd``) and hyperlinks (``w:hyperlink``);
- numbering: list definitions (``w:abstractNum``) and instances with a start override;
- right to left: ``w:bidi`` on a paragraph (runs use python-docx's ``w:rtl``).
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

W_VAL = qn("w:val")
W_ID = qn("w:id")
W_TYPE = qn("w:type")
R_ID = qn("r:id")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

FOOTNOTES_XML = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
    '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
    "<w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>")
"""The footnotes part of a reference that has none: just the separators."""

LIST_INDENT = 360
"""Twentieths of a point per list level."""


def sub(parent: Any, tag: str, attrs: dict[str, str] | None = None) -> Any:
    """A new child ``tag`` (a Clark name, see ``qn``) at the end of ``parent``."""
    return etree.SubElement(parent, tag, attrs) if attrs else etree.SubElement(parent, tag)


# -- footnotes ----------------------------------------------------------------------------


class FootnotesPart(XmlPart):
    """The footnotes part (``word/footnotes.xml``), which python-docx 1.2 loads as an
    opaque part and cannot make."""

    @classmethod
    def new(cls, package: Any) -> FootnotesPart:
        """A part with only the two separators."""
        return cls(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES,
                   parse_xml(FOOTNOTES_XML), package)

    @classmethod
    def from_part(cls, part: Any) -> FootnotesPart:
        """The reference's footnotes part parsed, keeping only its separators."""
        element = parse_xml(part.blob)
        for note in element.findall(qn("w:footnote")):
            if note.get(W_TYPE) in (None, "normal"):
                element.remove(note)
        made = cls(part.partname, part.content_type, element, part.package)
        for rel in part.rels.values():
            made.rels.add_relationship(rel.reltype, rel.target_ref if rel.is_external
                                       else rel.target_part, rel.rId, rel.is_external)
        return made


def footnotes_part_of(document_part: Any) -> tuple[Any, str] | None:
    """The footnotes part related from ``document_part`` and its relationship id."""
    for rel in document_part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            return rel.target_part, rel.rId
    return None


def add_footnote(notes: Any, note_id: int) -> Any:
    """A new ``w:footnote`` with ``note_id`` at the end of the footnotes element."""
    return sub(notes, qn("w:footnote"), {W_ID: str(note_id)})


def add_note_reference(run: Any, note_id: int | None) -> None:
    """``w:footnoteReference`` (in the text) or, with no id, ``w:footnoteRef`` (the number
    at the start of the note itself) into ``run``."""
    if note_id is None:
        sub(run, qn("w:footnoteRef"))
    else:
        sub(run, qn("w:footnoteReference"), {W_ID: str(note_id)})


# -- fields, bookmarks, hyperlinks, direction ----------------------------------------------


def add_field_char(paragraph: Any, kind: str) -> None:
    """A run holding ``w:fldChar`` of ``kind`` (begin, separate, end)."""
    sub(sub(paragraph, qn("w:r")), qn("w:fldChar"), {qn("w:fldCharType"): kind})


def add_field_start(paragraph: Any, instruction: str) -> None:
    """The begin, instruction and separate parts of a complex field."""
    add_field_char(paragraph, "begin")
    text = sub(sub(paragraph, qn("w:r")), qn("w:instrText"), {XML_SPACE: "preserve"})
    text.text = f" {instruction} "
    add_field_char(paragraph, "separate")


def start_bookmark(paragraph: Any, number: int, name: str) -> None:
    """``w:bookmarkStart`` at the end of ``paragraph``; ``end_bookmark`` closes it."""
    sub(paragraph, qn("w:bookmarkStart"), {W_ID: str(number), qn("w:name"): name})


def end_bookmark(paragraph: Any, number: int) -> None:
    """``w:bookmarkEnd`` at the end of ``paragraph``."""
    sub(paragraph, qn("w:bookmarkEnd"), {W_ID: str(number)})


def add_hyperlink(paragraph: Any, part: Any, url: str, anchor: str | None) -> Any:
    """A ``w:hyperlink`` to a bookmark (``anchor``) or to ``url``, related from ``part``
    (the document, a header or the footnotes: each part has its own relationships)."""
    if anchor is not None:
        return sub(paragraph, qn("w:hyperlink"), {qn("w:anchor"): anchor})
    rid = part.relate_to(url, RT.HYPERLINK, is_external=True)
    return sub(paragraph, qn("w:hyperlink"), {R_ID: rid})


def set_bidi(p_pr: Any) -> None:
    """Mark a paragraph right-to-left: ``w:bidi`` at the end of its properties (the
    writer adds it after ``w:pStyle`` and ``w:numPr``, before ``w:ind`` and ``w:jc``)."""
    sub(p_pr, qn("w:bidi"))


# -- numbering ------------------------------------------------------------------------------


def find_or_add_abstract(numbering: Any, name: str, ordered: bool) -> int:
    """The id of the list definition called ``name``; added if the reference lacks it."""
    abstracts = numbering.findall(qn("w:abstractNum"))
    for abstract in abstracts:
        label = abstract.find(qn("w:name"))
        if label is not None and label.get(W_VAL) == name:
            return int(abstract.get(qn("w:abstractNumId")))
    abstract_id = max((int(a.get(qn("w:abstractNumId"))) for a in abstracts), default=-1) + 1
    element = parse_xml(abstract_xml(abstract_id, name, ordered))
    nums = numbering.findall(qn("w:num"))
    cleanup = numbering.find(qn("w:numIdMacAtCleanup"))
    if nums:
        nums[0].addprevious(element)
    elif cleanup is not None:
        cleanup.addprevious(element)
    else:
        numbering.append(element)
    return abstract_id


def add_list_instance(numbering: Any, abstract_id: int, start: int | None) -> int:
    """A new ``w:num`` of ``abstract_id`` (python-docx's ``add_num``), restarting at
    ``start`` where given; its numId."""
    num = numbering.add_num(abstract_id)
    if start is not None:
        num.add_lvlOverride(0).add_startOverride(start)
    return int(num.numId)


def abstract_xml(abstract_id: int, name: str, ordered: bool) -> str:
    """A three-level list definition: decimal 1. a. i. or bullets."""
    formats = [("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3.")]
    bullets = ["•", "◦", "▪"]
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{formats[level][0] if ordered else "bullet"}"/>'
        f'<w:lvlText w:val="{formats[level][1] if ordered else bullets[level]}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{(level + 1) * LIST_INDENT}" '
        f'w:hanging="{LIST_INDENT}"/></w:pPr></w:lvl>' for level in range(3))
    return (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="{name}"/>'
            f"{levels}</w:abstractNum>")
