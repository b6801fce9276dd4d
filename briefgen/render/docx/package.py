"""The package around a brief: what is taken from the reference document, the properties,
and a reproducible save.

Reproducible: python-docx's ``Document.save`` stamps every zip member with the clock. So a
brief is saved by ``save_document``, which runs python-docx's own ``PackageWriter`` steps
(the content types, the package relationships, then every part's blob and relationships,
in python-docx's order) into a stdlib ``zipfile`` whose members carry a fixed time:
``SOURCE_DATE_EPOCH`` when set, else 1980-01-01. Every byte of every member is
python-docx's; ``tests/test_docx.py`` checks that against ``Document.save``. (Saving with
``Document.save`` and rewriting the zip would do the same at twice the compression.)
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn

from briefgen.errors import RenderError
from briefgen.files import read_source_date

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
LEVEL = 3
"""zlib's level for every member: 0.6 ms a brief less than python-docx's 6 (zipfile's
default), for members 11% larger (measured on the curated briefs: 20.0 KB against 18.1)."""

APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>briefgen</Application><DocSecurity>0</DocSecurity>'
    "</Properties>"
)
"""Extended properties without the template's leftovers (Normal.dotm, page counts)."""
CT_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"

DOCUMENT_PARTS = frozenset((RT.STYLES, RT.NUMBERING, RT.THEME, RT.FONT_TABLE, RT.SETTINGS,
                            RT.WEB_SETTINGS, RT.HEADER, RT.FOOTER, RT.FOOTNOTES))
"""What a brief takes from the reference's main document: the allow-list. Macros
(vbaProject), custom XML, OLE objects, images, glossaries, comments, external
relationships of any kind and unknown parts are left out."""
STORY_PARTS = frozenset((RT.IMAGE,))
"""What a header or footer of the reference keeps: its images (a logo), inside the package."""
STORY_TYPES = frozenset((CT.WML_HEADER, CT.WML_FOOTER))
PACKAGE_PARTS = frozenset((RT.OFFICE_DOCUMENT,))
"""What a brief keeps of the package's own relationships: the main document. The core and
extended properties are made anew; thumbnails, custom properties and the rest are left
out."""
SETTINGS_DROPPED = ("w:attachedTemplate", "w:mailMerge", "w:documentProtection",
                    "w:writeProtection")
"""Settings that point outside the document or lock it: never carried into a brief."""


def zip_time() -> tuple[int, int, int, int, int, int]:
    """Timestamp of every member: ``SOURCE_DATE_EPOCH`` if set, else 1980-01-01 (see
    ``briefgen.files.read_source_date``)."""
    return read_source_date()


class StampedZip:
    """A physical package writer for python-docx's ``PackageWriter``: members deflated and
    dated ``stamp``, in the order written."""

    def __init__(self, stamp: tuple[int, int, int, int, int, int]) -> None:
        self.buffer = io.BytesIO()
        self.stamp = stamp
        self.zip = zipfile.ZipFile(self.buffer, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        """``blob`` as the member of ``pack_uri``, deflated, dated ``stamp``."""
        info = zipfile.ZipInfo(pack_uri.membername, self.stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, blob, compresslevel=LEVEL)

    def close(self) -> None:
        """Write the zip's central directory."""
        self.zip.close()


def save_document(document: Any) -> bytes:
    """The bytes of ``document`` as python-docx saves it, every member dated by
    ``zip_time``: the steps of python-docx's ``PackageWriter.write``, with the one
    difference of the members' time."""
    package = document.part.package
    parts = list(package.iter_parts())
    writer = StampedZip(zip_time())
    steps: Any = PackageWriter  # its steps are static methods, untyped in python-docx 1.2
    try:
        steps._write_content_types_stream(writer, parts)
        steps._write_pkg_rels(writer, package.rels)
        steps._write_parts(writer, parts)
    except (ValueError, zipfile.LargeZipFile) as exc:
        raise RenderError(f"the Word document cannot be written: {exc}") from exc
    writer.close()
    return writer.buffer.getvalue()


def keep_allowed(document: Any) -> list[str]:
    """The reference package cut down to the allow-list, in place; the names of what was
    left out."""
    left_out: list[str] = []
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype not in PACKAGE_PARTS or rel.is_external:
            if rel.reltype not in (RT.CORE_PROPERTIES, RT.EXTENDED_PROPERTIES):
                left_out.append(rel.target_ref)
            package.rels.pop(rid)
    for source in [document.part, *(r.target_part for r in document.part.rels.values()
                                    if not r.is_external and r.reltype in DOCUMENT_PARTS)]:
        allowed = (DOCUMENT_PARTS if source is document.part
                   else STORY_PARTS if source.content_type in STORY_TYPES else frozenset())
        for rid, rel in list(source.rels.items()):
            if rel.is_external or rel.reltype not in allowed:
                left_out.append(rel.target_ref)
                source.rels.pop(rid)
    clean_settings(document.settings.element)
    _ = document.core_properties  # python-docx makes the part anew: set per brief
    set_app_properties(package)
    return left_out


def set_app_properties(package: Any) -> None:
    """The extended properties (``docProps/app.xml``) as ``APP_XML``, in place of any."""
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            package.rels.pop(rid)
    app = Part(PackURI("/docProps/app.xml"), CT_APP, APP_XML.encode("utf-8"), package)
    package.relate_to(app, RT.EXTENDED_PROPERTIES)


def clean_settings(settings: Any) -> None:
    """Settings made safe and schema-valid: no attached template, mail merge source or
    protection; ``w:zoom`` with the ``w:percent`` that some templates omit."""
    for tag in SETTINGS_DROPPED:
        for element in settings.findall(qn(tag)):
            settings.remove(element)
    for zoom in settings.findall(qn("w:zoom")):
        if zoom.get(qn("w:percent")) is None:
            zoom.set(qn("w:percent"), "100")
    set_compatibility_mode(settings)


COMPAT_URI = "http://schemas.microsoft.com/office/word"
COMPATIBILITY_MODE = "15"
"""Word 2013 and later: a brief opens without '[Compatibility Mode]'."""


def set_compatibility_mode(settings: Any) -> None:
    """``w:compatSetting compatibilityMode`` as 15, added to ``w:compat`` if missing."""
    compat = settings.find(qn("w:compat"))
    if compat is None:
        return
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), COMPATIBILITY_MODE)
            return
    setting = compat.makeelement(qn("w:compatSetting"), {
        qn("w:name"): "compatibilityMode", qn("w:uri"): COMPAT_URI,
        qn("w:val"): COMPATIBILITY_MODE})
    compat.insert(0, setting)


PROPERTY_LIMIT = 255
"""Word's limit on a core property's length."""


def fit_property(text: str, separator: str = " ") -> str:
    """``text`` cut at a ``separator`` to fit a core property, with an ellipsis if cut."""
    if len(text) <= PROPERTY_LIMIT:
        return text
    cut = text[: PROPERTY_LIMIT - 1].rsplit(separator, 1)[0].rstrip(" ;,")
    return cut + "…"


def fit_keywords(keywords: list[str]) -> str:
    """As many whole keywords as fit a core property, ``; ``-separated: never one cut."""
    kept: list[str] = []
    for keyword in dict.fromkeys(keywords):
        if len("; ".join([*kept, keyword])) > PROPERTY_LIMIT:
            break
        kept.append(keyword)
    return "; ".join(kept)


def set_properties(document: Any, head: Any, subject: str, actors: list[str]) -> None:
    """Core properties from the brief (``head``: a Brief or a Comparison); the dates from
    its revision, never the clock, so python-docx's 'now' and 'python-docx' never stay."""
    props = document.core_properties
    stamp = dt.datetime.combine(head.revision.date, dt.time(0, 0), tzinfo=dt.UTC)
    author = fit_property(", ".join(head.revision.authors), ", ")
    props.title = fit_property(head.title)
    props.subject = fit_property(subject)
    props.author = author
    props.keywords = fit_keywords(actors)
    props.comments = fit_property(head.revision.changes)
    props.last_modified_by = author
    props.revision = head.revision.number
    props.created = props.modified = stamp  # never lastPrinted: no one printed it
    props.category = head.handling
