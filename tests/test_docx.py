"""The Word writer: reopen the .docx with python-docx and check text, styles and structure."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from briefgen.cli import main
from briefgen.errors import RenderError
from briefgen.load import load_brief
from briefgen.model import Brief
from briefgen.render.docx import render_docx, share_width
from briefgen.render.markdown import render_markdown
from briefgen.text import typeset
from conftest import BRIEFS, ROOT, SHARED_TOOLS

SAMPLE = """# Sample title

<!-- style: Subtitle -->
A subtitle
<!-- /style -->

## First section

Opening paragraph with **bold**, *italic* and a [link](https://example.org/report).

Second paragraph.

> Quoted words.

1. one
2. two

- bullet

3. three
4. four

| Name | Killed |
|:--|--:|
| KSS | 36 |
"""


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


@pytest.fixture
def sample(minimal: Brief) -> docx.document.Document:
    return open_docx(render_docx(minimal, SAMPLE))


def test_blocks_get_pandoc_style_names(sample: docx.document.Document) -> None:
    assert [(p.style.name, p.text) for p in sample.paragraphs] == [
        ("Title", "Sample title"),
        ("Subtitle", "A subtitle"),
        ("Heading 1", "First section"),
        ("First Paragraph", "Opening paragraph with bold, italic and a link."),
        ("Body Text", "Second paragraph."),
        ("Block Text", "Quoted words."),
        ("Compact", "one"), ("Compact", "two"), ("Compact", "bullet"),
        ("Compact", "three"), ("Compact", "four"),
    ]


def test_bold_italic_and_hyperlink_runs(sample: docx.document.Document) -> None:
    paragraph = sample.paragraphs[3]
    runs = [(r.text, bool(r.bold), bool(r.italic)) for r in paragraph.iter_inner_content()
            if hasattr(r, "bold")]
    assert ("bold", True, False) in runs
    assert ("italic", False, True) in runs
    links = paragraph.hyperlinks
    assert [(link.text, link.address) for link in links] == [
        ("link", "https://example.org/report")]
    assert links[0].runs[0].style.name == "Hyperlink"


def numbering_of(paragraph: docx.text.paragraph.Paragraph) -> tuple[int, int]:
    num_pr = paragraph._p.pPr.numPr
    return int(num_pr.numId.val), int(num_pr.ilvl.val)


def test_numbering_restarts_for_each_ordered_list(sample: docx.document.Document) -> None:
    items = sample.paragraphs[6:]
    first, second, bullet, third, fourth = (numbering_of(p) for p in items)
    assert first == second and third == fourth
    assert len({first[0], bullet[0], third[0]}) == 3
    numbering = sample.part.numbering_part.element
    starts = {}
    for num in numbering.findall(qn("w:num")):
        override = num.find(qn("w:lvlOverride"))
        if override is not None:
            starts[int(num.get(qn("w:numId")))] = int(
                override.find(qn("w:startOverride")).get(qn("w:val")))
    assert starts[first[0]] == 1
    assert starts[third[0]] == 3


def test_table_has_style_and_repeating_header_row(sample: docx.document.Document) -> None:
    [table] = sample.tables
    assert table.style.name == "Table"
    assert [[c.text for c in row.cells] for row in table.rows] == [["Name", "Killed"],
                                                                    ["KSS", "36"]]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[1].cells[1].paragraphs[0].alignment == 2  # right, from |--:|


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.stem)
def test_seed_brief_in_word_shows_every_section_and_the_claims(path: Path) -> None:
    brief = load_brief(path)
    document = open_docx(render_docx(brief, render_markdown(brief)))
    paragraphs = document.paragraphs
    assert (paragraphs[0].style.name, paragraphs[0].text) == ("Title", typeset(brief.title))
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Bottom line", "Key judgments", "Background", "Competing claims",
                        "Implications", "Sources"]
    text = "\n".join(p.text for p in paragraphs)
    for claim in brief.claims:
        assert typeset(claim.summary) in text
        if claim.quote:
            assert f"“{typeset(' '.join(claim.quote.split()))}”" in text
    matrix, table = document.tables
    assert [c.text for c in matrix.rows[0].cells] == [
        "Alleged perpetrator", "Said to have struck by", "Claims it", "Denies it"]
    assert [c.text for c in table.rows[0].cells] == [
        "Claim", "Claimant", "Counted", "Killed", "Wounded", "Source"]
    rows_with_figures = [c for c in brief.claims if c.casualties]
    assert len(table.rows) == 1 + len(rows_with_figures)


def test_properties_come_from_the_brief(minimal: Brief) -> None:
    document = open_docx(render_docx(minimal, render_markdown(minimal)))
    props = document.core_properties
    assert (props.title, props.author, props.category) == ("Minimal brief", "tester", "TLP:CLEAR")
    assert props.created.isoformat() == "2026-11-21T00:00:00+00:00"
    assert props.keywords == "Kataib Sayyid al-Shuhada; US-led coalition"


def test_two_builds_are_byte_identical(minimal: Brief) -> None:
    markdown = render_markdown(minimal)
    first = render_docx(minimal, markdown)
    assert render_docx(minimal, markdown) == first
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {
        (1980, 1, 1, 0, 0, 0)}


def test_missing_style_in_a_users_reference_is_named(minimal: Brief, tmp_path: Path) -> None:
    reference = tmp_path / "plain.docx"
    docx.Document().save(str(reference))  # python-docx's blank: no "Table" style
    with pytest.raises(RenderError, match="the reference document has no table style named "
                                          "'Table'"):
        render_docx(minimal, "| a |\n|--|\n| b |\n", reference)


def test_missing_paragraph_styles_fall_back(minimal: Brief, tmp_path: Path) -> None:
    reference = tmp_path / "plain.docx"
    docx.Document().save(str(reference))
    document = open_docx(render_docx(minimal, "# T\n\nFirst words.\n\n> quoted\n", reference))
    assert [p.style.name for p in document.paragraphs] == ["Title", "Body Text", "Body Text"]


@pytest.mark.skipif(not (SHARED_TOOLS / "check_docx.py").exists(),
                    reason="../shared/tools is not beside this clone")
def test_seed_briefs_pass_the_iso_schemas(tmp_path: Path) -> None:
    from briefgen.load import load_any
    from conftest import ALL_BRIEFS

    files = []
    for path in ALL_BRIEFS:
        brief = load_any(path)
        target = tmp_path / f"{brief.id}.docx"
        target.write_bytes(render_docx(brief, render_markdown(brief)))
        files.append(str(target))
    result = subprocess.run([sys.executable, str(SHARED_TOOLS / "check_docx.py"), "--strict",
                             "-q", *files],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_share_width_gives_every_column_its_minimum() -> None:
    assert share_width(100, [10, 30, 10], [1, 1, 8]) == [10, 30, 60]
    assert share_width(100, [10, 10], [1, 1]) == [50, 50]
    assert share_width(10, [10, 10], [1, 1]) == [5, 5]


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def brief_document(path: Path) -> tuple[Brief, bytes]:
    brief = load_brief(path)
    return brief, render_docx(brief, render_markdown(brief))


def part_xml(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


def footnote_texts(data: bytes) -> dict[int, str]:
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/footnotes.xml"))
    notes = {}
    for note in root.findall(f"{W}footnote"):
        if note.get(f"{W}type") is None:
            notes[int(note.get(f"{W}id"))] = "".join(t.text or "" for t in note.iter(f"{W}t"))
    return notes


def test_citations_are_word_footnotes_and_repeats_are_short() -> None:
    _brief, data = brief_document(BRIEFS[1])  # Albu Kamal
    notes = footnote_texts(data)
    assert notes[1] == (" “Iran-backed Iraqi militias say they will not remain silent on alleged "
                        "US strike”, 26 June 2018. Reliability C, fairly reliable.")
    assert notes[2] == (" Breitbart News. “Iraq Denies U.S. Bombed Anti-American Iran-Allied "
                        "Militias”. Reliability C, fairly reliable.")
    assert notes[3] == (" “Iran-backed Iraqi militias say they will not remain silent on alleged "
                        "US strike”, 26 June 2018.")
    assert notes[4] == " Breitbart News."
    document = open_docx(data)
    references = document.element.body.findall(f".//{W}footnoteReference")
    assert [int(r.get(f"{W}id")) for r in references] == list(range(1, len(notes) + 1))
    styles = {r.getparent().find(f"{W}rPr/{W}rStyle").get(f"{W}val") for r in references}
    assert styles == {"FootnoteReference"}
    assert 'w:pStyle w:val="FootnoteText"' in part_xml(data, "word/footnotes.xml")


def test_adjacent_citations_are_separated_by_a_comma() -> None:
    _brief, data = brief_document(BRIEFS[0])  # al-Tanf: C9 cites three sources
    document = open_docx(data)
    claim = next(p for p in document.paragraphs if p.text.startswith("C9 · "))
    assert claim.text.endswith("[at that time]”,, Credibility 3, possibly true.")


def test_header_and_footer_carry_the_marking_and_page_fields() -> None:
    _brief, data = brief_document(BRIEFS[2])
    section = open_docx(data).sections[0]
    assert [p.text for p in section.header.paragraphs] == [" TLP:CLEAR "]
    assert [p.text for p in section.footer.paragraphs] == [" TLP:CLEAR ", "Page 1 of 1"]
    assert [p.alignment for p in section.footer.paragraphs] == [1, 1]
    footer = "".join(part_xml(data, n) for n in zipfile.ZipFile(io.BytesIO(data)).namelist()
                     if n.startswith("word/footer"))
    assert "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>" in footer
    assert "<w:instrText xml:space=\"preserve\"> NUMPAGES </w:instrText>" in footer


def test_contents_is_a_toc_field_with_entries_linked_to_headings() -> None:
    _brief, data = brief_document(BRIEFS[0])
    document = open_docx(data)
    entries = [p for p in document.paragraphs if p.style.name == "TOC 1"]
    assert [p.text for p in entries] == ["Bottom line", "Key judgments", "Background",
                                         "Competing claims", "Implications", "Sources"]
    body = part_xml(data, "word/document.xml")
    # the heading levels of the entries written: updated, the field lists the same ones
    assert '<w:instrText xml:space="preserve"> TOC \\o "1-1" \\h \\z \\u </w:instrText>' in body
    anchors = [h.get(f"{W}anchor") for p in entries for h in p._p.findall(f"{W}hyperlink")]
    bookmarks = {b.get(f"{W}name") for b in document.element.body.iter(f"{W}bookmarkStart")}
    assert anchors == ["_Toc_bottom_line", "_Toc_key_judgments", "_Toc_background",
                       "_Toc_competing_claims", "_Toc_implications", "_Toc_sources"]
    assert set(anchors) <= bookmarks


def test_arabic_names_are_right_to_left_runs() -> None:
    _brief, data = brief_document(BRIEFS[1])
    document = open_docx(data)
    rtl = [(r.text, r.font.rtl) for p in document.paragraphs for r in p.runs if r.font.rtl]
    assert ("الحشد الشعبي", True) in rtl
    assert ("أبو مهدي المهندس", True) in rtl
    assert all(not any("a" <= c <= "z" for c in text) for text, _ in rtl)


def test_a_mostly_arabic_paragraph_is_bidi(minimal: Brief) -> None:
    document = open_docx(render_docx(minimal, "# T\n\nكتائب حزب الله (KH)\n\nEnglish only\n"))
    bidi = [p._p.pPr.find(qn("w:bidi")) is not None for p in document.paragraphs[1:]]
    assert bidi == [True, False]


def test_no_template_leftovers_in_the_package() -> None:
    _brief, data = brief_document(BRIEFS[0])
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not [n for n in names if "thumbnail" in n or n.startswith("customXml")]
    app = part_xml(data, "docProps/app.xml")
    assert "Normal.dotm" not in app and "<Application>briefgen</Application>" in app


def test_source_date_epoch_sets_the_zip_timestamps(minimal: Brief,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    data = render_docx(minimal, render_markdown(minimal))
    stamps = {info.date_time for info in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    assert stamps == {(2023, 11, 14, 22, 13, 20)}


def test_long_core_properties_are_cut_at_a_separator() -> None:
    from briefgen.render.docx import fit_property

    names = "; ".join(f"Actor number {i}" for i in range(40))
    fitted = fit_property(names, "; ")
    assert len(fitted) <= 255 and fitted.endswith("; Actor number 14…")
    assert fit_property("short") == "short"


def test_cross_incident_brief_compares_the_three_incidents() -> None:
    from briefgen.load import load_any
    from conftest import COMPARISONS

    [path] = COMPARISONS
    loaded = load_any(path)
    document = open_docx(render_docx(loaded, render_markdown(loaded)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Bottom line", "Incidents compared", "The pattern", "Background",
                        "Implications", "Sources"]
    [table] = document.tables
    assert [[c.text for c in row.cells][0::2] for row in table.rows] == [
        ["When", "Said to have struck", "Killed, as claimed"],
        ["7 August 2017,,", "US forces; Islamic State", "36–41+ KSS fighters"],
        ["The week of 18–24 June 2018,", "United States", "22 PMF members"],
        ["January 2019", "US forces", "30+ Hashd al\u2011Shaabi fighters"],
    ]
    assert [row.cells[5].text for row in table.rows[1:]] == ["contested", "weak", "discounted"]
    assert document.core_properties.subject == "Comparison of 3 incidents"


def edit_reference(target: Path, edits: dict[str, Callable[[bytes], bytes]]) -> Path:
    """A copy of the default reference at ``target``, each part named in ``edits`` passed
    through its edit."""
    source = zipfile.ZipFile(ROOT / "templates" / "reference.docx")
    with zipfile.ZipFile(target, "w") as copy:
        for info in source.infolist():
            data = source.read(info.filename)
            copy.writestr(info, edits.get(info.filename, lambda part: part)(data))
    return target


def test_a_reference_like_pandocs_works(minimal: Brief, tmp_path: Path) -> None:
    """pandoc's reference.docx names its styles "Heading 1" where Word's own say
    "heading 1", and gives no page size: Word matches style names in any case, and so do we."""
    reference = edit_reference(tmp_path / "pandoc-like.docx", {
        "word/styles.xml": lambda data: data.replace(b'w:val="heading 1"', b'w:val="Heading 1"'),
        "word/document.xml": lambda data: re.sub(rb"<w:pgSz[^>]*/>", b"", data)})
    document = open_docx(render_docx(minimal, "# T\n\n## Part\n\nWords.\n", reference))
    assert [(p.style.style_id, p.text) for p in document.paragraphs] == [
        ("Title", "T"), ("Heading1", "Part"), ("FirstParagraph", "Words.")]


def test_a_bracket_before_a_lone_backtick_renders_quietly(
        minimal: Brief, capfd: pytest.CaptureFixture[str]) -> None:
    # markdown-it-pyrs 0.4 (markdown-it 0.6.0) panicked on this
    document = open_docx(render_docx(minimal, "# T\n\nSee [a` and *this*.\n"))
    assert [p.text for p in document.paragraphs] == ["T", "See [a` and this."]
    italic = [r.text for r in document.paragraphs[1].runs if r.italic]
    assert italic == ["this"]
    assert capfd.readouterr().err == ""


def test_style_cues_inside_code_are_code_and_a_stray_close_shows_nothing(
        minimal: Brief) -> None:
    markdown = ("# T\n\n```\n<!-- contents -->\n<!-- /contents -->\n```\n\n"
                "<!-- /style -->\n\nWords.\n")
    document = open_docx(render_docx(minimal, markdown))
    assert [(p.style.name, p.text) for p in document.paragraphs] == [
        ("Title", "T"), ("Source Code", "<!-- contents -->"),
        ("Source Code", "<!-- /contents -->"), ("First Paragraph", "Words.")]


def test_pandoc_fenced_divs_are_text_not_styles(minimal: Brief) -> None:
    markdown = '# T\n\n::: {custom-style="Subtitle"}\nA\n:::\n'
    document = open_docx(render_docx(minimal, markdown))
    assert [(p.style.name, p.text) for p in document.paragraphs] == [
        ("Title", "T"), ("First Paragraph", '::: {custom-style="Subtitle"} A :::')]


@pytest.mark.parametrize("reference", ["&#1;", "&#xFFFE;", "&#xD800;"])
def test_character_references_xml_cannot_hold_become_replacement_characters(
        minimal: Brief, reference: str) -> None:
    document = open_docx(render_docx(minimal, f"# T\n\nA {reference} B.\n"))
    assert document.paragraphs[1].text == "A \ufffd B."


def test_saved_as_python_docx_saves_but_with_fixed_times(minimal: Brief) -> None:
    """save_document runs python-docx's own PackageWriter steps: the same members in the
    same order with the same bytes as Document.save, only the times fixed."""
    from briefgen.render.docx.package import save_document

    data = render_docx(minimal, render_markdown(minimal))
    document = open_docx(data)
    ours = zipfile.ZipFile(io.BytesIO(save_document(document)))
    buffer = io.BytesIO()
    document.save(buffer)
    theirs = zipfile.ZipFile(buffer)
    assert ours.namelist() == theirs.namelist()
    for name in ours.namelist():
        assert ours.read(name) == theirs.read(name), name
    assert {info.date_time for info in ours.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_core_properties_carry_nothing_of_python_docx_or_the_clock(minimal: Brief) -> None:
    data = render_docx(minimal, render_markdown(minimal))
    core = part_xml(data, "docProps/core.xml")
    assert "python-docx" not in core and "Word Document" not in core
    props = open_docx(data).core_properties
    assert props.last_modified_by == "tester"
    assert props.modified == props.created
    assert props.last_printed is None and "lastPrinted" not in core
    assert props.revision == minimal.revision.number


def hostile_reference(tmp_path: Path) -> Path:
    """The default reference with a macro, custom XML, a thumbnail, an image in the body,
    an external attached template and an external link added to it."""
    reference = docx.Document(str(ROOT / "templates" / "reference.docx"))
    package = reference.part.package
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    macro = Part(PackURI("/word/vbaProject.bin"), "application/vnd.ms-office.vbaProject",
                 b"MACRO", package)
    reference.part.relate_to(macro, "http://schemas.microsoft.com/office/2006/relationships/"
                                    "vbaProject")
    custom = Part(PackURI("/customXml/item1.xml"), "application/xml", b"<secret/>", package)
    reference.part.relate_to(custom, RT.CUSTOM_XML)
    thumb = Part(PackURI("/docProps/thumbnail.jpeg"), "image/jpeg", b"JPEG", package)
    package.relate_to(thumb, RT.THUMBNAIL)
    settings = reference.part.part_related_by(RT.SETTINGS)
    rid = settings.relate_to("file://attacker/share/t.dotm",
                             "http://schemas.openxmlformats.org/officeDocument/2006/"
                             "relationships/attachedTemplate", is_external=True)
    template = settings.element.makeelement(qn("w:attachedTemplate"), {qn("r:id"): rid})
    settings.element.insert(0, template)
    reference.part.relate_to("https://tracker.example/p", RT.HYPERLINK, is_external=True)
    path = tmp_path / "hostile.docx"
    reference.save(str(path))
    return path


def test_only_the_allowed_parts_of_a_reference_reach_a_brief(minimal: Brief,
                                                             tmp_path: Path) -> None:
    data = render_docx(minimal, render_markdown(minimal), hostile_reference(tmp_path))
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    assert not [n for n in names if "vba" in n.lower() or n.startswith("customXml")
                or "thumbnail" in n]
    everything = b"".join(archive.read(n) for n in names)
    assert b"attacker" not in everything and b"tracker.example" not in everything
    assert b"attachedTemplate" not in everything and b"MACRO" not in everything
    assert b"macroEnabled" not in archive.read("[Content_Types].xml")
    assert open_docx(data).paragraphs[0].text == minimal.title
    from briefgen.render.docx import left_out_of

    left_out = left_out_of(hostile_reference(tmp_path))
    assert {"vbaProject.bin", "../customXml/item1.xml", "docProps/thumbnail.jpeg",
            "file://attacker/share/t.dotm", "https://tracker.example/p"} <= set(left_out)
    assert left_out_of(None) == []


def test_a_reference_that_would_inflate_past_the_limit_is_refused(minimal: Brief,
                                                                  tmp_path: Path) -> None:
    reference = tmp_path / "bomb.docx"
    source = zipfile.ZipFile(ROOT / "templates" / "reference.docx")
    with zipfile.ZipFile(reference, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr("word/media/big.bin", b"\0" * (65 * 1024 * 1024))
    with pytest.raises(RenderError, match="would inflate to 65 MB"):
        render_docx(minimal, "# T\n", reference)


@pytest.mark.parametrize(("value", "message"), [
    ("99999999999", "SOURCE_DATE_EPOCH=99999999999 is after 2107, the last year a zip file can "
                    "hold (give seconds since 1970 before 4354819200)"),
    ("yesterday", "SOURCE_DATE_EPOCH='yesterday' is not a whole number of seconds since 1970 "
                  "(unset it, or give one, e.g. SOURCE_DATE_EPOCH=1732147200)"),
])
def test_a_source_date_epoch_no_zip_can_hold_is_an_error_naming_it(
        value: str, message: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    result = CliRunner().invoke(main, ["build", "briefs/2019-01-sarsar-lake.yaml", "-o",
                                       str(tmp_path)])
    assert (result.exit_code, result.stderr) == (1, message + "\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("value", "stamp"), [("0", (1980, 1, 1, 0, 0, 0)),
                                               ("1732147201", (2024, 11, 21, 0, 0, 0))])
def test_source_date_epoch_sets_every_member_time(value: str, stamp: tuple[int, ...],
                                                  minimal: Brief,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    data = render_docx(minimal, render_markdown(minimal))
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {stamp}


def test_a_macro_enabled_reference_is_refused_by_name(minimal: Brief, tmp_path: Path) -> None:
    reference = tmp_path / "macros.docm"
    macro_type = "application/vnd.ms-word.document.macroEnabled.main+xml"
    edit_reference(reference, {"[Content_Types].xml": lambda data: data.replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        macro_type.encode())})
    with pytest.raises(RenderError, match=f"not a Word document: its main part is "
                                          f"'?{re.escape(macro_type)}"):
        render_docx(minimal, "# T\n", reference)


def tiny_png() -> bytes:
    """A valid 1x1 PNG."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def test_a_logo_in_the_references_first_page_header_is_kept(minimal: Brief,
                                                             tmp_path: Path) -> None:
    reference = docx.Document(str(ROOT / "templates" / "reference.docx"))
    section = reference.sections[0]
    section.different_first_page_header_footer = True
    png = tiny_png()
    section.first_page_header.paragraphs[0].add_run().add_picture(io.BytesIO(png))
    path = tmp_path / "logo.docx"
    reference.save(str(path))
    data = render_docx(minimal, render_markdown(minimal), path)
    document = open_docx(data)
    header = document.sections[0].first_page_header
    blips = header._element.findall(f".//{qn('a:blip')}")
    assert blips and all(b.get(qn("r:embed")) in header.part.rels for b in blips)


def test_a_reference_without_section_properties_gets_words_default_page(
        minimal: Brief, tmp_path: Path) -> None:
    reference = edit_reference(tmp_path / "no-section.docx", {
        "word/document.xml": lambda data: re.sub(rb"<w:sectPr.*</w:sectPr>", b"", data)})
    section = open_docx(render_docx(minimal, "# T\n", reference)).sections[0]
    assert (section.page_width, section.page_height) == (12240 * 635, 15840 * 635)
    assert section.left_margin == 1440 * 635
    assert [p.text for p in section.footer.paragraphs] == [" TLP:CLEAR ", "Page 1 of 1"]


def test_a_cleaned_reference_builds_with_one_warning_and_fails_under_strict(
        tmp_path: Path) -> None:
    reference = hostile_reference(tmp_path)
    brief = "briefs/2019-01-sarsar-lake.yaml"
    built = CliRunner().invoke(main, ["build", brief, "-o", str(tmp_path / "out"), "-f", "docx",
                                      "--reference-doc", str(reference)])
    assert built.exit_code == 0, built.output
    warnings = [line for line in built.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"warning: {reference}: left out of every brief: ")
    assert "vbaProject.bin" in warnings[0] and "file://attacker/share/t.dotm" in warnings[0]
    assert (tmp_path / "out" / "2019-01-sarsar-lake.docx").is_file()
    strict = CliRunner().invoke(main, ["build", brief, "-o", str(tmp_path / "strict"), "-f",
                                       "docx", "--reference-doc", str(reference), "--strict"])
    assert strict.exit_code == 1
    assert strict.stderr.rstrip().endswith("; --strict makes this an error")
    assert not (tmp_path / "strict").exists()
    markdown = CliRunner().invoke(main, ["build", brief, "-o", str(tmp_path / "md"), "-f", "md",
                                         "--reference-doc", str(reference), "--strict"])
    assert markdown.exit_code == 0  # no Word brief, nothing taken from the reference
    rendered = CliRunner().invoke(main, ["render", brief, "-o", str(tmp_path / "one.docx"),
                                         "--reference-doc", str(reference)])
    assert rendered.exit_code == 0 and rendered.stderr.startswith("warning: ")


def test_the_suite_wide_safety_check_finds_what_a_hostile_package_holds(tmp_path: Path) -> None:
    from conftest import find_unsafe_parts

    found = find_unsafe_parts(hostile_reference(tmp_path).read_bytes())
    assert "part word/vbaProject.bin" in found and "part customXml/item1.xml" in found
    assert any("attachedTemplate file://attacker/share/t.dotm" in f for f in found)
    for path in BRIEFS:
        brief = load_brief(path)
        assert find_unsafe_parts(render_docx(brief, render_markdown(brief))) == []


def test_the_safety_check_allows_the_charts_one_png_and_no_other_picture(
        tmp_path: Path) -> None:
    from conftest import find_unsafe_parts

    brief = load_brief(BRIEFS[0])
    data = render_docx(brief, render_markdown(brief))
    assert find_unsafe_parts(data) == []
    document = open_docx(data)
    run = document.add_paragraph().add_run()
    chart = next(rel.target_part for rel in document.part.rels.values()
                 if rel.reltype == RT.IMAGE)
    run.add_picture(io.BytesIO(chart.blob + b"another"))  # a second picture
    document.part.relate_to("https://tracker.example/p.png", RT.IMAGE, is_external=True)
    path = tmp_path / "two.docx"
    document.save(str(path))
    found = find_unsafe_parts(path.read_bytes())
    assert "3 images in the body" in found
    assert "body image https://tracker.example/p.png" in found
    path.unlink()  # not a brief briefgen wrote: the suite-wide check is not for it


def test_word_2013_mode_table_alt_text_and_no_title_bookmark(minimal: Brief) -> None:
    """Issue 19: compatibilityMode 15, every table with a caption and a description, the
    title without a bookmark that nothing links to."""
    data = render_docx(minimal, render_markdown(minimal))
    settings = part_xml(data, "word/settings.xml")
    assert 'w:name="compatibilityMode"' in settings
    assert re.search(r'compatibilityMode"[^>]*w:val="15"|w:val="15"[^>]*compatibilityMode',
                     settings)
    document = part_xml(data, "word/document.xml")
    assert document.count("<w:tbl>") == document.count("<w:tblCaption ")
    assert document.count("<w:tbl>") == document.count("<w:tblDescription ")
    title = document.split('w:val="Title"', 1)[1].split("</w:p>", 1)[0]
    assert "bookmarkStart" not in title


def test_keywords_are_whole() -> None:
    """Issue 19: keywords that do not fit are left out whole, never cut with an ellipsis."""
    from briefgen.render.docx.package import fit_keywords

    names = [f"Actor number {n}" for n in range(40)]
    kept = fit_keywords(names)
    assert len(kept) <= 255 and "…" not in kept
    assert all(word in names for word in kept.split("; "))


def test_names_hold_together_in_word_and_markdown() -> None:
    """Issue 19: no line breaks inside a name: al- joined with U+2011 in every output."""
    brief, data = brief_document(BRIEFS[0])
    markdown = render_markdown(brief)
    document = part_xml(data, "word/document.xml")
    for text in (markdown, document):
        assert "al\u2011Shuhada" in text and "al-Shuhada" not in text
