"""The Word writer: reopen the .docx with python-docx and check text, styles and structure."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from briefgen.errors import RenderError
from briefgen.load import load_brief
from briefgen.model import Brief
from briefgen.render.docx import render_docx, share_width
from briefgen.render.markdown import render_markdown
from conftest import BRIEFS, SHARED_TOOLS

SAMPLE = """# Sample title

::: {custom-style="Subtitle"}
A subtitle
:::

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
    assert (paragraphs[0].style.name, paragraphs[0].text) == ("Title", brief.title)
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Bottom line", "Key judgments", "Background", "Competing claims",
                        "Implications", "Sources"]
    text = "\n".join(p.text for p in paragraphs)
    for claim in brief.claims:
        assert claim.summary in text
        if claim.quote:
            assert f"“{' '.join(claim.quote.split())}”" in text
    [table] = document.tables
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
        render_docx(minimal, render_markdown(minimal), reference)


def test_missing_paragraph_styles_fall_back(minimal: Brief, tmp_path: Path) -> None:
    reference = tmp_path / "plain.docx"
    docx.Document().save(str(reference))
    document = open_docx(render_docx(minimal, "# T\n\nFirst words.\n\n> quoted\n", reference))
    assert [p.style.name for p in document.paragraphs] == ["Title", "Body Text", "Body Text"]


@pytest.mark.skipif(not (SHARED_TOOLS / "check_docx.py").exists(),
                    reason="../shared/tools is not beside this clone")
def test_seed_briefs_pass_the_iso_schemas(tmp_path: Path) -> None:
    files = []
    for path in BRIEFS:
        brief = load_brief(path)
        target = tmp_path / f"{brief.id}.docx"
        target.write_bytes(render_docx(brief, render_markdown(brief)))
        files.append(str(target))
    result = subprocess.run([sys.executable, str(SHARED_TOOLS / "check_docx.py"), "-q", *files],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_share_width_gives_every_column_its_minimum() -> None:
    assert share_width(100, [10, 30, 10], [1, 1, 8]) == [10, 30, 60]
    assert share_width(100, [10, 10], [1, 1]) == [50, 50]
    assert share_width(10, [10, 10], [1, 1]) == [5, 5]
