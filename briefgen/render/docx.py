"""The Word writer: the rendered Markdown, parsed by pyromark, written as
WordprocessingML over the reference document's named styles, and packaged as a .docx.

The reference document is read once per process (its parts, its styles by name, its page);
each brief is then written as XML text and zipped with the reference's unchanged parts, which
were compressed once (``briefgen.render.package``). python-docx is not needed for any of this:
the tests reopen every document with it, as an independent reader.

Style names follow pandoc's reference.docx, so a house reference made for pandoc works here.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from lxml import etree

from briefgen.errors import RenderError
from briefgen.model import Brief, Comparison, ComparisonSet, Loaded
from briefgen.render import default_templates_dir
from briefgen.render.markdown import slugify
from briefgen.render.package import KEPT_LEVEL, Entry, make_entry, normalise_zip, write_zip
from briefgen.syntax import BLOCKS, Block, cue_of
from briefgen.syntax import parse_markdown as parse_tree

__all__ = ["fit_property", "normalise_zip", "render_docx", "share_width"]

REFERENCE_NAME = "reference.docx"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ROOT_NAMESPACES = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag or attribute, ``w:p`` -> ``{...}p``."""
    return f"{{{W_NS}}}{tag}"


class RT:
    """Relationship types (ECMA-376 part 1, 15.2 and part 2, 9.3)."""

    _OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    _PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
    OFFICE_DOCUMENT = f"{_OD}/officeDocument"
    CORE_PROPERTIES = f"{_PKG}/metadata/core-properties"
    EXTENDED_PROPERTIES = f"{_OD}/extended-properties"
    THUMBNAIL = f"{_PKG}/metadata/thumbnail"
    STYLES = f"{_OD}/styles"
    NUMBERING = f"{_OD}/numbering"
    FOOTNOTES = f"{_OD}/footnotes"
    HEADER = f"{_OD}/header"
    FOOTER = f"{_OD}/footer"
    HYPERLINK = f"{_OD}/hyperlink"


CT_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CT_FOOTNOTES = f"{CT_WML}.footnotes+xml"
CT_NUMBERING = f"{CT_WML}.numbering+xml"
CT_HEADER = f"{CT_WML}.header+xml"
CT_FOOTER = f"{CT_WML}.footer+xml"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
CT_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"

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

PARAGRAPH, CHARACTER, TABLE = "paragraph", "character", "table"
BULLET_NAME = "briefgen bullet"
DECIMAL_NAME = "briefgen decimal"
LIST_INDENT = 360  # twentieths of a point per list level
CHAR_WIDTH = 73_000  # EMU: a bold 9 pt character, generously
CELL_PADDING = 150_000  # EMU: the table style's cell margins and a little air
EMU_PER_TWIP = 635

_LINE_ENDS = re.compile(r"\r\n|\r|\n")
_ARABIC = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+"
    "(?:[\\s\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]*"
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff])?")
"""A stretch of Arabic script, spaces inside it included: written as one right-to-left run."""
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters that XML 1.0 cannot hold."""

TLP_COLOURS = {
    "TLP:CLEAR": "FFFFFF", "TLP:GREEN": "33FF00", "TLP:AMBER": "FFC000",
    "TLP:AMBER+STRICT": "FFC000", "TLP:RED": "FF2B2B",
}
"""FIRST's TLP 2.0 colours: the label in its colour on black."""

APP_XML = (
    XML_DECLARATION +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>briefgen</Application><DocSecurity>0</DocSecurity>'
    "</Properties>"
)
"""Extended properties without the template's leftovers (Normal.dotm, page counts)."""

FOOTNOTES_XML = (
    f'{XML_DECLARATION}<w:footnotes {ROOT_NAMESPACES}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
    '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
    "<w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>")
"""The footnotes part of a reference that has none: just the separators."""

PLACE = "briefgen-here"
"""A comment put where per-brief content goes into a part serialised once per process."""


def escape(text: str) -> str:
    """``text`` as XML character data."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(text: str) -> str:
    """``text`` as an XML attribute value in double quotes."""
    return escape(text).replace('"', "&quot;")


# -- parsing -----------------------------------------------------------------------------


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


def visible_text(nodes: Sequence[Block]) -> str:
    """The text inline nodes show: without Markdown syntax or footnote labels."""
    pieces: list[str] = []
    for node in nodes:
        name = node.name
        if name in ("text", "code_inline", "html_inline"):
            pieces.append(str(node.meta.get("content", "")))
        elif name == "softbreak":
            pieces.append(" ")
        elif not name.startswith("footnote"):
            pieces.append(visible_text(node.children))
    return "".join(pieces)


# -- the reference document, once per process -------------------------------------------


class Rel(NamedTuple):
    """A relationship from a part: id, type, target (relative, or a URL) and whether the
    target is outside the package."""

    rid: str
    kind: str
    target: str
    external: bool = False


def rels_xml(rels: Iterable[Rel]) -> str:
    items = "".join(
        f'<Relationship Id="{r.rid}" Type="{r.kind}" Target="{attr(r.target)}"'
        + (' TargetMode="External"/>' if r.external else "/>") for r in rels)
    return f'{XML_DECLARATION}<Relationships xmlns="{PKG_RELS_NS}">{items}</Relationships>'


def rels_name(partname: str) -> str:
    """The member holding the relationships of ``partname``."""
    folder, name = posixpath.split(partname)
    return posixpath.join(folder, "_rels", name + ".rels")


@dataclass
class Story:
    """A part the writer fills per brief (footnotes, header, footer): where it lives, how it
    is related from the document, and its XML around the place the content goes."""

    name: str
    rid: str
    before: str
    after: str
    rels: list[Rel] = field(default_factory=list)
    new: bool = False


@dataclass
class Reference:
    """The reference document as the writer needs it, read once per process."""

    style_names: dict[tuple[str, str], str]
    main: str
    document_start: str
    section: str
    text_width: int
    document_rels: list[Rel]
    package_rels: list[Rel]
    parts: list[tuple[str, Entry | None]]
    content_types: dict[str, str]
    header: Story
    footer: Story
    footnotes: Story
    numbering_name: str
    numbering_rid: str
    numbering_blob: bytes | None
    numbering_entry: Entry | None
    reserved: set[str]
    styles: dict[tuple[str, str], str] = field(default_factory=dict)
    numberings: dict[tuple[str, ...], tuple[str, str, dict[str, int], list[int]]] = field(
        default_factory=dict)

    def style_id(self, name: str, kind: str = PARAGRAPH) -> str:
        """The id of a style by name (as Word matches names: in any case), falling back
        along ``FALLBACK_STYLES``; an error naming it if none. Escaped for an attribute."""
        key = (name, kind)
        if key not in self.styles:
            wanted = name
            while (wanted.lower(), kind) not in self.style_names:
                if wanted not in FALLBACK_STYLES:
                    raise RenderError(f"the reference document has no {kind} style named "
                                      f"'{name}'")
                wanted = FALLBACK_STYLES[wanted]
            self.styles[key] = attr(self.style_names[wanted.lower(), kind])
        return self.styles[key]

    def has_style(self, name: str, kind: str) -> bool:
        try:
            self.style_id(name, kind)
        except RenderError:
            return False
        return True

    def numbering(self, names: tuple[str, ...]) -> tuple[str, str, dict[str, int], list[int]]:
        """The numbering part around the place new ``w:num``s go, with the list definitions
        ``names`` (added where the reference lacks them, in that order), their ids, and the
        numIds already taken. Kept per combination, so every brief gets the same bytes."""
        if names not in self.numberings:
            root = (etree.fromstring(self.numbering_blob) if self.numbering_blob is not None
                    else etree.fromstring(f"<w:numbering {ROOT_NAMESPACES}/>".encode()))
            ids = {name: find_or_add_abstract(root, name, name == DECIMAL_NAME)
                   for name in names}
            taken = [int(n.get(w("numId"))) for n in root.findall(w("num"))]
            place = etree.Comment(PLACE)
            insert_in_numbering(root, place, before_nums=False)
            before, after = cut_at(root, place)
            self.numberings[names] = (before, after, ids, taken)
        return self.numberings[names]


def serialise(root: Any) -> str:
    return XML_DECLARATION + str(etree.tostring(root, encoding="unicode"))


def cut_at(root: Any, place: Any) -> tuple[str, str]:
    """``root`` serialised, cut where the comment ``place`` (already inside it) stands, so
    that per-brief content can go there; the comment is taken out again."""
    before, after = serialise(root).split(f"<!--{PLACE}-->")
    place.getparent().remove(place)
    return before, after


def cut_at_end(root: Any) -> tuple[str, str]:
    """``root`` serialised, cut before its end tag."""
    place = etree.Comment(PLACE)
    root.append(place)
    return cut_at(root, place)


@dataclass
class Part:
    """A part of a package: its name (without the leading ``/``), content type, bytes and
    relationships."""

    name: str
    content_type: str
    blob: bytes
    rels: list[Rel]

    def target(self, rel: Rel) -> str:
        """The name of the part ``rel`` points to."""
        return resolve_target(posixpath.dirname(self.name), rel.target)


def resolve_target(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target)).lstrip("/")


def parse_rels(data: bytes) -> list[Rel]:
    return [Rel(str(r.get("Id")), str(r.get("Type")), str(r.get("Target")),
                r.get("TargetMode") == "External")
            for r in etree.fromstring(data).iterchildren(f"{{{PKG_RELS_NS}}}Relationship")]


def read_package(data: bytes) -> tuple[list[Rel], dict[str, Part]]:
    """The package relationships and every part reachable from them, in the order found."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    members = {name.lower(): name for name in archive.namelist()}
    types = etree.fromstring(archive.read(members["[content_types].xml"]))
    defaults = {str(d.get("Extension")).lower(): str(d.get("ContentType"))
                for d in types.iterchildren(f"{{{CT_NS}}}Default")}
    overrides = {str(o.get("PartName")).lstrip("/").lower(): str(o.get("ContentType"))
                 for o in types.iterchildren(f"{{{CT_NS}}}Override")}
    package_rels = parse_rels(archive.read(members["_rels/.rels"]))
    parts: dict[str, Part] = {}
    queue = [resolve_target("", r.target) for r in package_rels if not r.external]
    while queue:
        name = queue.pop(0)
        member = members.get(name.lower())
        if member is None or name in parts:
            continue
        rels_member = members.get(rels_name(name).lower())
        rels = parse_rels(archive.read(rels_member)) if rels_member else []
        content_type = overrides.get(name.lower()) or defaults.get(
            name.rsplit(".", 1)[-1].lower(), "application/octet-stream")
        part = Part(name, content_type, archive.read(member), rels)
        parts[name] = part
        queue.extend(part.target(r) for r in rels if not r.external)
    return package_rels, parts


@lru_cache(maxsize=8)
def load_reference(path: Path | None) -> Reference:
    """The reference document, read and taken apart once per process."""
    source = path if path is not None else default_templates_dir() / REFERENCE_NAME
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise RenderError(f"{source}: cannot read the reference document: "
                          f"{exc.strerror or exc}") from exc
    try:
        package_rels, parts = read_package(data)
        main = next(resolve_target("", r.target) for r in package_rels
                    if r.kind == RT.OFFICE_DOCUMENT and not r.external)
        root = etree.fromstring(parts[main].blob)
    except (zipfile.BadZipFile, KeyError, StopIteration, etree.XMLSyntaxError) as exc:
        raise RenderError(f"{path}: not a Word document: {exc}") from exc
    return read_reference(str(source), package_rels, parts, main, root)


def read_reference(source: str, package_rels: list[Rel], parts: dict[str, Part], main: str,
                   root: Any) -> Reference:
    main_part = parts[main]
    folder = posixpath.dirname(main)
    body = root.find(w("body"))
    if root.nsmap.get("w", W_NS) != W_NS or root.nsmap.get("r", R_NS) != R_NS:
        raise RenderError(f"{source}: the reference document binds the prefixes w: or r: to "
                          "unusual namespaces; save it again from Word")
    shell = etree.Element(root.tag, dict(root.attrib),
                          nsmap={**root.nsmap, "w": W_NS, "r": R_NS})
    start, _ = cut_at_end(shell)
    sections = body.findall(w("sectPr")) if body is not None else []
    section = sections[-1] if sections else etree.fromstring(
        f'<w:sectPr {ROOT_NAMESPACES}><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" '
        'w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" '
        'w:gutter="0"/></w:sectPr>')
    size, margins = section.find(w("pgSz")), section.find(w("pgMar"))

    def twips(element: Any, name: str, default: int) -> int:
        value = element.get(w(name)) if element is not None else None
        try:
            return int(value) if value is not None else default
        except ValueError:
            return default

    text_width = (twips(size, "w", 12240) - twips(margins, "left", 1440)
                  - twips(margins, "right", 1440)) * EMU_PER_TWIP

    used_names = set(parts)
    rels = list(main_part.rels)
    rel_ids = {int(r.rid[3:]) for r in rels if r.rid[3:].isdigit() and r.rid.startswith("rId")}

    def new_rid() -> str:
        number = max(rel_ids, default=0) + 1
        rel_ids.add(number)
        return f"rId{number}"

    def new_name(stem: str) -> str:
        number = 1
        while posixpath.join(folder, f"{stem}{number}.xml") in used_names:
            number += 1
        name = posixpath.join(folder, f"{stem}{number}.xml")
        used_names.add(name)
        return name

    def existing(kind: str, rid: str | None = None) -> tuple[str, str, Part] | None:
        for rel in main_part.rels:
            if rel.kind == kind and not rel.external and (rid is None or rel.rid == rid):
                part = parts.get(main_part.target(rel))
                if part is not None:
                    return rel.rid, part.name, part
        return None

    replaced: set[str] = set()

    def story(kind: str, tag: str, stem: str, rid: str | None) -> Story:
        found = existing(kind, rid) if rid is not None or kind == RT.FOOTNOTES else None
        if found is None and stem == "footnotes":
            name = posixpath.join(folder, "footnotes.xml")
            if name in used_names:
                name = new_name("footnotes")
            used_names.add(name)
            before, after = FOOTNOTES_XML.rsplit("</w:footnotes>", 1)
            return Story(name, new_rid(), before, "</w:footnotes>" + after, new=True)
        if found is None:
            return Story(new_name(stem), new_rid(),
                         f"{XML_DECLARATION}<w:{tag} {ROOT_NAMESPACES}>", f"</w:{tag}>",
                         new=True)
        key, name, part = found
        replaced.add(name)
        element = etree.fromstring(part.blob)
        for child in list(element):
            if stem != "footnotes" or child.get(w("type")) in (None, "normal"):
                element.remove(child)
        before, after = cut_at_end(element)
        return Story(name, key, before, after, list(part.rels))

    def reference_id(tag: str) -> str | None:
        for ref in section.findall(w(tag)):
            if ref.get(w("type"), "default") == "default":
                return str(ref.get(f"{{{R_NS}}}id"))
        return None

    header = story(RT.HEADER, "hdr", "header", reference_id("headerReference"))
    footer = story(RT.FOOTER, "ftr", "footer", reference_id("footerReference"))
    footnotes = story(RT.FOOTNOTES, "footnotes", "footnotes", None)

    numbering = existing(RT.NUMBERING)
    numbering_blob: bytes | None = None
    if numbering is not None:
        numbering_rid, numbering_name, numbering_part = numbering
        numbering_blob = numbering_part.blob
        replaced.add(numbering_name)
    else:
        numbering_rid, numbering_name = new_rid(), new_name("numbering")

    section = etree.fromstring(etree.tostring(section))
    for tag in ("headerReference", "footerReference"):
        for ref in section.findall(w(tag)):
            if ref.get(w("type"), "default") == "default":
                section.remove(ref)
    for position, (tag, rid) in enumerate((("headerReference", header.rid),
                                           ("footerReference", footer.rid))):
        section.insert(position, etree.Element(w(tag), {w("type"): "default",
                                                        f"{{{R_NS}}}id": rid}))

    content_types: dict[str, str] = {}
    entries: list[tuple[str, Entry | None]] = []
    thumbnails = {resolve_target("", r.target) for r in package_rels
                  if r.kind == RT.THUMBNAIL and not r.external}
    skipped = {main, "docProps/core.xml", "docProps/app.xml"} | thumbnails
    kept_rels = [Rel("rId1", RT.OFFICE_DOCUMENT, main),
                 Rel("rId2", RT.CORE_PROPERTIES, "docProps/core.xml"),
                 Rel("rId3", RT.EXTENDED_PROPERTIES, "docProps/app.xml")]
    for rel in package_rels:
        if rel.kind not in (RT.OFFICE_DOCUMENT, RT.CORE_PROPERTIES, RT.EXTENDED_PROPERTIES,
                            RT.THUMBNAIL):
            kept_rels.append(Rel(f"rId{len(kept_rels) + 1}", rel.kind, rel.target,
                                 rel.external))
    for name, part in parts.items():
        if name in skipped:
            continue
        content_types[name] = part.content_type
        if name in replaced:
            entries.append((name, None))
        else:
            blob = part.blob
            if part.content_type.endswith(".settings+xml"):
                blob = fix_settings(blob)
            entries.append((name, make_entry(name, blob, KEPT_LEVEL)))
        if part.rels and name != footnotes.name:  # the notes' links are added per brief
            entries.append((rels_name(name), make_entry(rels_name(name),
                                                        rels_xml(part.rels).encode(),
                                                        KEPT_LEVEL)))
    content_types[main] = main_part.content_type
    styles = existing(RT.STYLES)
    style_names = read_style_names(styles[2].blob) if styles is not None else {}
    content_types["docProps/core.xml"] = CT_CORE
    content_types["docProps/app.xml"] = CT_APP
    for story_part, kind in ((header, CT_HEADER), (footer, CT_FOOTER),
                             (footnotes, CT_FOOTNOTES)):
        content_types[story_part.name] = kind
    content_types[numbering_name] = CT_NUMBERING
    rels = [r for r in rels if r.rid not in (header.rid, footer.rid)]
    return Reference(
        style_names=style_names, main=main,
        document_start=start + "<w:body>",
        section=etree.tostring(section, encoding="unicode"),
        text_width=text_width, document_rels=rels, package_rels=kept_rels, parts=entries,
        content_types=content_types, header=header, footer=footer, footnotes=footnotes,
        numbering_name=numbering_name, numbering_rid=numbering_rid,
        numbering_blob=numbering_blob,
        numbering_entry=(make_entry(numbering_name, numbering_blob, KEPT_LEVEL)
                         if numbering_blob is not None else None),
        reserved={header.rid, footer.rid, footnotes.rid, numbering_rid})


def read_style_names(blob: bytes) -> dict[tuple[str, str], str]:
    """(name in lower case, type) -> style id, for every style of a styles part."""
    names: dict[tuple[str, str], str] = {}
    for style in etree.fromstring(blob).iterchildren(w("style")):
        label = style.find(w("name"))
        style_id = style.get(w("styleId"))
        if label is not None and style_id is not None:
            key = (str(label.get(w("val"), "")).lower(), style.get(w("type"), PARAGRAPH))
            names.setdefault(key, style_id)
    return names


def fix_settings(blob: bytes) -> bytes:
    """``w:zoom`` needs ``w:percent`` to be schema-valid; some templates omit it."""
    root = etree.fromstring(blob)
    zooms = [z for z in root.findall(w("zoom")) if z.get(w("percent")) is None]
    if not zooms:
        return blob
    for zoom in zooms:
        zoom.set(w("percent"), "100")
    return serialise(root).encode("utf-8")


def find_or_add_abstract(numbering: Any, name: str, ordered: bool) -> int:
    """The id of the abstract numbering called ``name``; added if the reference lacks it."""
    for abstract in numbering.findall(w("abstractNum")):
        label = abstract.find(w("name"))
        if label is not None and label.get(w("val")) == name:
            return int(abstract.get(w("abstractNumId")))
    ids = [int(a.get(w("abstractNumId"))) for a in numbering.findall(w("abstractNum"))]
    abstract_id = max(ids, default=-1) + 1
    abstract = etree.fromstring(abstract_xml(abstract_id, name, ordered))
    insert_in_numbering(numbering, abstract, before_nums=True)
    return abstract_id


def insert_in_numbering(numbering: Any, element: Any, before_nums: bool) -> None:
    """``element`` into a ``w:numbering`` where the schema wants it: before the first
    ``w:num`` (a list definition) or after the last (an instance); with no ``w:num``, before
    ``w:numIdMacAtCleanup`` or at the end."""
    nums = numbering.findall(w("num"))
    if nums:
        if before_nums:
            nums[0].addprevious(element)
        else:
            nums[-1].addnext(element)
        return
    cleanup = numbering.find(w("numIdMacAtCleanup"))
    if cleanup is not None:
        cleanup.addprevious(element)
    else:
        numbering.append(element)


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
    return (f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="{name}"/>'
            f"{levels}</w:abstractNum>")


# -- the writer ---------------------------------------------------------------------------


class Format(NamedTuple):
    """How a run looks: bold, italic, a character style, the hyperlink it belongs to (its
    number in the paragraph and target). A tuple: made for every run of bold or italic."""

    bold: bool = False
    italic: bool = False
    style: str = ""
    link: tuple[int, str] | None = None


PLAIN = Format()


@dataclass
class ListLevel:
    """One open list: its numbering instance and whether an item's first paragraph is due."""

    num_id: int
    tight: bool
    item_started: bool = False


@dataclass
class Links:
    """The hyperlink relationships of one part, one per distinct URL."""

    rels: list[Rel]
    reserved: set[str] = field(default_factory=set)
    by_url: dict[str, str] = field(default_factory=dict)

    def rid(self, url: str) -> str:
        if url not in self.by_url:
            taken = {r.rid for r in self.rels} | self.reserved
            number = len(self.rels) + 1
            while f"rId{number}" in taken:
                number += 1
            self.by_url[url] = f"rId{number}"
            self.rels.append(Rel(f"rId{number}", RT.HYPERLINK, url, external=True))
        return self.by_url[url]


class Writer:
    """Walks the Markdown syntax tree and writes paragraphs, runs and tables as XML text."""

    def __init__(self, reference: Reference) -> None:
        self.ref = reference
        self.body: list[str] = []
        self.lists: list[ListLevel] = []
        self.quote_depth = 0
        self.divs: list[tuple[str, str]] = []
        self.after_heading = True
        self.contents: Contents | None = None
        self.bookmarks = 0
        self.bullet_num: int | None = None
        self.abstracts: list[str] = []
        self.nums: list[tuple[int, str, int | None]] = []
        self.taken: set[int] | None = None
        self.notes = Notes(self)
        self.document_links = Links(list(reference.document_rels), reference.reserved)
        self.links = self.document_links
        self.link_count = 0

    # blocks

    def write(self, tree: Block) -> None:
        """Write the body; footnote definitions become Word footnotes where they are cited."""
        for node in tree.children:
            if node.name == "footnote_def":
                self.notes.collect(node)
        for node in tree.children:
            self.block(node)

    def block(self, node: Block) -> None:
        name = node.name
        cue = cue_of(node) if name == "html_block" else None
        if self.contents is not None and cue != ("close", "contents"):
            self.contents.collect(node)
            return
        if cue is not None:
            self.cue(cue)
        elif name == "paragraph":
            self.body.append(self.paragraph(node.children, self.paragraph_style()))
            self.after_heading = False
        elif name == "heading":
            level = int(node.meta.get("level", 1))
            text = visible_text(node.children)
            self.bookmarks += 1
            self.body.append(self.paragraph(node.children,
                                            HEADING_STYLES.get(level, "Heading 3"),
                                            bookmark=(self.bookmarks, slugify(text))))
            self.after_heading = True
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
                self.body.append(self.styled_paragraph(style, self.text_runs(line)))

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
        ordered = node.name == "ordered_list"
        start = int(node.meta.get("start", 1)) if ordered else 1
        tight = not any(child.name == "paragraph" for item in node.children
                        for child in item.children)
        self.lists.append(ListLevel(self.list_num(ordered, start), tight))
        for item in node.children:
            self.lists[-1].item_started = True
            inline: list[Block] = []
            for child in item.children:
                if child.name in BLOCKS:
                    if inline:
                        self.body.append(self.paragraph(inline, self.paragraph_style()))
                        self.after_heading, inline = False, []
                    self.block(child)
                else:
                    inline.append(child)
            if inline:
                self.body.append(self.paragraph(inline, self.paragraph_style()))
                self.after_heading = False
        self.lists.pop()
        self.after_heading = False

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

    def styled_paragraph(self, style_name: str, runs: str, align: str = "") -> str:
        """A paragraph in a style, of ``runs``."""
        justify = f'<w:jc w:val="{align}"/>' if align else ""
        return (f'<w:p><w:pPr><w:pStyle w:val="{self.ref.style_id(style_name)}"/>{justify}'
                f"</w:pPr>{runs}</w:p>")

    def paragraph(self, children: Sequence[Block], style_name: str,
                  bookmark: tuple[int, str] | None = None) -> str:
        """A paragraph of inline ``children``; the first paragraph of a list item is numbered,
        a paragraph mostly in Arabic runs right to left."""
        properties = [f'<w:pStyle w:val="{self.ref.style_id(style_name)}"/>']
        indent = ""
        if self.lists and not style_name.startswith(("Title", "Heading")):
            level = self.lists[-1]
            depth = len(self.lists) - 1
            if level.item_started:
                properties.append(f'<w:numPr><w:ilvl w:val="{depth}"/>'
                                  f'<w:numId w:val="{level.num_id}"/></w:numPr>')
                level.item_started = False
            else:  # continuation lines up with the item's text
                indent = f'<w:ind w:left="{(depth + 1) * LIST_INDENT}"/>'
        runs = self.runs(children)
        if "<w:rtl/>" in runs and is_mostly_arabic(visible_text(children)):
            properties.append("<w:bidi/>")
        properties.append(indent)
        start = end = ""
        if bookmark is not None:
            number, slug = bookmark
            start = (f'<w:bookmarkStart w:id="{number}" '
                     f'w:name="{attr(bookmark_name(slug))}"/>')
            end = f'<w:bookmarkEnd w:id="{number}"/>'
        return f'<w:p><w:pPr>{"".join(properties)}</w:pPr>{start}{runs}{end}</w:p>'

    # runs

    def runs(self, children: Sequence[Block], in_note: bool = False) -> str:
        """The runs of inline nodes; neighbouring text in one look is one run, a link's runs
        are inside its ``w:hyperlink``."""
        if len(children) == 1 and children[0].name == "text":  # half of all paragraphs
            return self.styled_runs(str(children[0].meta.get("content", "")), PLAIN)
        events: list[tuple[str, Any, Format]] = []
        self.flatten(children, PLAIN, events, in_note)
        out: list[str] = []
        link: tuple[int, str] | None = None
        pending: list[str] = []
        pending_look = PLAIN
        previous = ""

        def flush() -> None:
            if pending:
                out.append(self.styled_runs("".join(pending), pending_look))
                pending.clear()

        for kind, value, look in events:
            if kind == "text" and pending and look == pending_look:
                pending.append(value)
                continue
            flush()
            if look.link != link:
                if link is not None:
                    out.append("</w:hyperlink>")
                link = look.link
                if link is not None:
                    out.append(self.hyperlink_start(link[1]))
            if kind == "text":
                pending.append(value)
                pending_look = look
            elif kind == "code":
                out.append(self.styled_runs(value, look._replace(style="Verbatim Char")))
            elif kind == "break":
                out.append(f"<w:r>{self.run_properties(look)}<w:br/></w:r>")
            elif kind == "note":
                if previous == "note":
                    out.append(self.notes.reference_run(text_xml(",")))
                out.append(self.notes.cite(value))
            previous = kind
        flush()
        if link is not None:
            out.append("</w:hyperlink>")
        return "".join(out)

    def flatten(self, nodes: Sequence[Block], look: Format,
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
                self.flatten(node.children, Format(True, look.italic, look.style, look.link),
                             events, in_note)
            elif name == "em":
                self.flatten(node.children, Format(look.bold, True, look.style, look.link),
                             events, in_note)
            elif name == "link":
                self.link_count += 1
                url = str(node.meta.get("url", ""))
                self.flatten(node.children, look._replace(link=(self.link_count, url)),
                             events, in_note)
            elif name == "footnote_ref":
                if not in_note:
                    events.append(("note", node.meta, look))
            else:  # an image shows its alt text
                self.flatten(node.children, look, events, in_note)

    def hyperlink_start(self, url: str) -> str:
        if url.startswith("#"):
            return f'<w:hyperlink w:anchor="{attr(bookmark_name(url[1:]))}">'
        return f'<w:hyperlink r:id="{self.links.rid(url)}">'

    def run_properties(self, look: Format, rtl: bool = False) -> str:
        style = look.style or ("Hyperlink" if look.link is not None else "")
        if not (style or look.bold or look.italic or rtl):
            return ""
        return ("<w:rPr>"
                + (f'<w:rStyle w:val="{self.ref.style_id(style, CHARACTER)}"/>' if style else "")
                + ("<w:b/>" if look.bold else "") + ("<w:i/>" if look.italic else "")
                + ("<w:rtl/>" if rtl else "") + "</w:rPr>")

    def styled_runs(self, text: str, look: Format) -> str:
        """Runs for ``text``: Arabic script in right-to-left runs of its own."""
        if not text:
            return ""
        if text.isascii() or not _ARABIC.search(text):
            return f"<w:r>{self.run_properties(look)}{text_xml(text)}</w:r>"
        return "".join(f"<w:r>{self.run_properties(look, rtl)}{text_xml(piece)}</w:r>"
                       for piece, rtl in split_scripts(text) if piece)

    def text_runs(self, text: str) -> str:
        return self.styled_runs(text, PLAIN)

    # lists and tables

    def list_num(self, ordered: bool, start: int) -> int:
        """A numbering instance for a new list: one per ordered list, so numbering restarts."""
        name = DECIMAL_NAME if ordered else BULLET_NAME
        if name not in self.abstracts:
            self.abstracts.append(name)
        if not ordered and self.bullet_num is not None:
            return self.bullet_num
        if self.taken is None:
            self.taken = set(self.ref.numbering(tuple(self.abstracts))[3])
        number = 1
        while number in self.taken:
            number += 1
        self.taken.add(number)
        self.nums.append((number, name, start if ordered else None))
        if not ordered:
            self.bullet_num = number
        return number

    def numbering_xml(self) -> str | None:
        """The numbering part with this brief's list instances, or None if it has no list."""
        if not self.nums:
            return None
        before, after, ids, _ = self.ref.numbering(tuple(self.abstracts))
        nums = "".join(
            f'<w:num w:numId="{number}"><w:abstractNumId w:val="{ids[name]}"/>'
            + (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
               if start is not None else "") + "</w:num>"
            for number, name, start in self.nums)
        return before + nums + after

    def table(self, node: Block) -> None:
        """A Markdown table in the reference's ``Table`` style, its first row a header that
        repeats on every page, the columns sized to their text."""
        rows = [row.children for section in node.children for row in section.children]
        if not rows:
            return
        aligns = [str(a) for a in node.meta.get("alignments", [])]
        widths = [str(round(size / EMU_PER_TWIP))
                  for size in column_widths(self.ref.text_width, rows)]
        out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.ref.style_id("Table", TABLE)}"/>'
               '<w:tblW w:type="pct" w:w="5000"/><w:jc w:val="center"/>'
               '<w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" '
               'w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/>'
               "</w:tblPr><w:tblGrid>"]
        out.extend(f'<w:gridCol w:w="{width}"/>' for width in widths)
        out.append("</w:tblGrid>")
        for number, cells in enumerate(rows):
            out.append("<w:tr><w:trPr><w:tblHeader/></w:trPr>" if number == 0 else "<w:tr>")
            for column, width in enumerate(widths):
                align = aligns[column] if column < len(aligns) else ""
                runs = self.runs(cells[column].children) if column < len(cells) else ""
                out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>'
                           + self.styled_paragraph("Compact", runs,
                                                   align if align in ("right", "center")
                                                   else "") + "</w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self.body.append("".join(out))


def text_xml(text: str) -> str:
    """``text`` as ``w:t``, with tabs as ``w:tab`` and line ends as ``w:br``."""
    if "\t" in text or "\n" in text or "\r" in text:
        out = []
        for index, line in enumerate(_LINE_ENDS.split(text)):
            if index:
                out.append("<w:br/>")
            for position, piece in enumerate(line.split("\t")):
                if position:
                    out.append("<w:tab/>")
                if piece:
                    out.append(text_xml(piece))
        return "".join(out)
    if text[:1].isspace() or text[-1:].isspace():
        return f'<w:t xml:space="preserve">{escape(text)}</w:t>'
    return f"<w:t>{escape(text)}</w:t>"


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
        self.definitions: dict[str, Sequence[Block]] = {}
        self.cited: set[str] = set()
        self.items: list[str] = []
        self.links = Links(list(writer.ref.footnotes.rels))

    def collect(self, definition: Block) -> None:
        """The first paragraph of a definition, by its label: the first definition of a
        label counts, as in CommonMark."""
        key = str(definition.meta.get("label", ""))
        paragraphs = [c for c in definition.children if c.name == "paragraph"]
        if key not in self.definitions:
            self.definitions[key] = paragraphs[0].children if paragraphs else []

    def reference_run(self, content: str) -> str:
        """A run in the Footnote Reference style (superscript where the style is missing)."""
        if self.writer.ref.has_style("Footnote Reference", CHARACTER):
            style = self.writer.ref.style_id("Footnote Reference", CHARACTER)
            return f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr>{content}</w:r>'
        return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>{content}</w:r>'

    def cite(self, meta: Any) -> str:
        """A footnote reference, and its note; a repeated citation gets the short note."""
        note_id = len(self.items) + 1
        key = str(meta.get("label", ""))
        children: Sequence[Block] = self.definitions.get(key, [])
        if key in self.cited:
            children = lead_of(children) or children
        self.cited.add(key)
        writer = self.writer
        writer.links = self.links  # links in a note relate from the footnotes part
        try:
            runs = writer.runs(children, in_note=True)
        finally:
            writer.links = writer.document_links
        self.items.append(
            f'<w:footnote w:id="{note_id}">'
            + writer.styled_paragraph("Footnote Text", self.reference_run("<w:footnoteRef/>")
                                      + '<w:r><w:t xml:space="preserve"> </w:t></w:r>' + runs)
            + "</w:footnote>")
        return self.reference_run(f'<w:footnoteReference w:id="{note_id}"/>')

    def part_xml(self) -> str | None:
        """The footnotes part, or None where there is none to write."""
        story = self.writer.ref.footnotes
        if not self.items and story.new:
            return None
        return story.before + "".join(self.items) + story.after


def lead_of(children: Sequence[Block]) -> Sequence[Block]:
    """The bold lead of a note (its first strong span), for a repeated citation."""
    for child in children:
        if child.name == "strong":
            return child.children
    return []


@dataclass
class Contents:
    """The ``<!-- contents -->`` block: a title and links to headings, written as a TOC field
    whose entries are already filled in, so they show where no program updates fields."""

    title: str = "Contents"
    entries: list[tuple[int, str, str]] = field(default_factory=list)
    has_title: bool = False

    def collect(self, node: Block, depth: int = 0) -> None:
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
        href = next((str(c.meta.get("url", "")) for c in children if c.name == "link"), "")
        text = visible_text(children)
        if depth == 0 and not self.has_title:
            self.title, self.has_title = text, True
        elif href.startswith("#"):
            self.entries.append((max(depth, 1), text, href))

    def write(self, writer: Writer) -> None:
        body = writer.body
        body.append(writer.styled_paragraph("TOC Heading", writer.text_runs(self.title)))
        for number, (level, text, href) in enumerate(self.entries):
            writer.link_count += 1
            runs = [field_start('TOC \\o "1-3" \\h \\z \\u') if number == 0 else "",
                    writer.hyperlink_start(href),
                    writer.styled_runs(text, Format(link=(writer.link_count, href))),
                    "</w:hyperlink>",
                    field_char("end") if number == len(self.entries) - 1 else ""]
            body.append(writer.styled_paragraph(f"TOC {min(level, 3)}", "".join(runs)))
        writer.after_heading = True


def field_char(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


def field_start(instruction: str) -> str:
    """The begin, instruction and separate parts of a complex field."""
    return (field_char("begin")
            + f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText>'
            + "</w:r>" + field_char("separate"))


def complex_field(instruction: str, shown: str) -> str:
    """A complex field (PAGE, NUMPAGES) with ``shown`` as its result until updated."""
    return field_start(instruction) + f"<w:r>{text_xml(shown)}</w:r>" + field_char("end")


def marking(handling: str) -> str:
    """The TLP label, bold, in its colour on black."""
    return (f'<w:r><w:rPr><w:b/><w:color w:val="{TLP_COLOURS.get(handling, "FFFFFF")}"/>'
            '<w:shd w:val="clear" w:color="auto" w:fill="000000"/></w:rPr>'
            f"{text_xml(f' {handling} ')}</w:r>")


def page_furniture(writer: Writer, handling: str) -> tuple[str, str]:
    """The header and footer: the handling marking centred, and ``Page X of Y`` below it in
    the footer."""
    ref = writer.ref
    header = writer.styled_paragraph("Header", marking(handling), "center")
    pages = ("<w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>" + complex_field("PAGE", "1")
             + "<w:r><w:t xml:space=\"preserve\"> of </w:t></w:r>" + complex_field("NUMPAGES", "1"))
    footer = (writer.styled_paragraph("Footer", marking(handling), "center")
              + writer.styled_paragraph("Footer", pages, "center"))
    return (ref.header.before + header + ref.header.after,
            ref.footer.before + footer + ref.footer.after)


# -- properties and the package -----------------------------------------------------------


PROPERTY_LIMIT = 255
"""Word's limit on a core property's length."""


def fit_property(text: str, separator: str = " ") -> str:
    """``text`` cut at a ``separator`` to fit a core property, with an ellipsis if cut."""
    if len(text) <= PROPERTY_LIMIT:
        return text
    cut = text[: PROPERTY_LIMIT - 1].rsplit(separator, 1)[0].rstrip(" ;,")
    return cut + "…"


def core_xml(brief: Loaded) -> str:
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
    stamp = dt.datetime.combine(head.revision.date, dt.time(0, 0)).strftime(
        "%Y-%m-%dT%H:%M:%SZ")
    author = escape(fit_property(", ".join(head.revision.authors), ", "))
    dated = 'xsi:type="dcterms:W3CDTF"'
    return (
        XML_DECLARATION
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/'
        'dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(fit_property(head.title))}</dc:title>"
        f"<dc:subject>{escape(fit_property(subject))}</dc:subject>"
        f"<dc:creator>{author}</dc:creator>"
        f"<cp:keywords>{escape(fit_property('; '.join(dict.fromkeys(actors)), '; '))}"
        "</cp:keywords>"
        f"<dc:description>{escape(fit_property(head.revision.changes))}</dc:description>"
        f"<cp:lastModifiedBy>{author}</cp:lastModifiedBy>"
        f"<cp:revision>{head.revision.number}</cp:revision>"
        f"<dcterms:created {dated}>{stamp}</dcterms:created>"
        f"<dcterms:modified {dated}>{stamp}</dcterms:modified>"
        f"<cp:category>{escape(head.handling)}</cp:category>"
        f"<cp:lastPrinted>{stamp}</cp:lastPrinted></cp:coreProperties>")


def content_types_xml(types: dict[str, str]) -> str:
    overrides = "".join(f'<Override PartName="/{attr(name)}" ContentType="{kind}"/>'
                        for name, kind in sorted(types.items()) if not name.endswith(".rels"))
    return (f'{XML_DECLARATION}<Types xmlns="{CT_NS}">'
            f'<Default Extension="rels" ContentType="{CT_RELS}"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f"{overrides}</Types>")


def render_docx(brief: Loaded, markdown: str, reference: Path | None = None) -> bytes:
    """The brief as the bytes of a .docx, reproducible: same input, same bytes."""
    ref = load_reference(reference)
    writer = Writer(ref)
    writer.write(parse_markdown(markdown))
    head = brief.comparison if isinstance(brief, ComparisonSet) else brief
    header, footer = page_furniture(writer, head.handling)
    numbering = writer.numbering_xml()
    notes = writer.notes.part_xml()

    types = dict(ref.content_types)
    rels = writer.document_links.rels
    made: dict[str, str] = {ref.header.name: header, ref.footer.name: footer}
    folder = posixpath.dirname(ref.main)
    rels.append(Rel(ref.header.rid, RT.HEADER, posixpath.relpath(ref.header.name, folder)))
    rels.append(Rel(ref.footer.rid, RT.FOOTER, posixpath.relpath(ref.footer.name, folder)))
    for name, text, rid, kind, new in (
            (ref.numbering_name, numbering, ref.numbering_rid, RT.NUMBERING,
             ref.numbering_blob is None),
            (ref.footnotes.name, notes, ref.footnotes.rid, RT.FOOTNOTES, ref.footnotes.new)):
        if text is not None:
            made[name] = text
            if new:
                rels.append(Rel(rid, kind, posixpath.relpath(name, folder)))
        elif new:
            types.pop(name, None)
    # Text that XML cannot hold never gets here: parse_markdown refuses it in the Markdown,
    # and both parsers turn character references to it (&#1;) into U+FFFD.
    document = (ref.document_start + "".join(writer.body) + ref.section
                + "</w:body></w:document>")

    entries = [package_entry("[Content_Types].xml", content_types_xml(types)),
               package_entry("_rels/.rels", rels_xml(ref.package_rels)),
               make_entry("docProps/core.xml", core_xml(brief).encode("utf-8")),
               package_entry("docProps/app.xml", APP_XML),
               make_entry(ref.main, document.encode("utf-8")),
               package_entry(rels_name(ref.main), rels_xml(rels))]
    for name, entry in ref.parts:
        if entry is not None:
            entries.append(entry)
        elif name in made:
            entries.append(package_entry(name, made.pop(name)))
        elif name == ref.numbering_name and ref.numbering_entry is not None:
            entries.append(ref.numbering_entry)
    for name, text in made.items():  # parts the reference did not have
        entries.append(package_entry(name, text))
    note_links = writer.notes.links.rels
    if notes is not None and note_links:
        entries.append(make_entry(rels_name(ref.footnotes.name),
                                  rels_xml(note_links).encode("utf-8")))
    return write_zip(entries)


@lru_cache(maxsize=64)
def package_entry(name: str, text: str) -> Entry:
    """An entry whose text is often the same from brief to brief (the header, the footer,
    the content types), compressed once while it keeps coming."""
    return make_entry(name, text.encode("utf-8"))
