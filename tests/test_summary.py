"""Issue 19, point 1: ``build --length summary``, the one-page summary of each brief, beside
the full brief, and the ``length`` key of briefgen.toml."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import click.testing
import docx
import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.render.pdf import find_soffice
from conftest import ALL_BRIEFS, COMPARISON_IDS, ROOT

AL_TANF = "briefs/2017-08-al-tanf-kss.yaml"
INCIDENT_HEADINGS = ["Bottom line", "Key judgments", "Who is said to have struck"]
COMPARISON_HEADINGS = ["Bottom line", "Incidents compared", "The pattern"]
FULL_ONLY = ["Contents", "Background", "Competing claims", "Casualty figures", "Implications",
             "Sources", "What we do not know"]
"""Sections of the full brief that a summary leaves to it."""

needs_soffice = pytest.mark.skipif(find_soffice() is None and not os.environ.get("CI"),
                                   reason="LibreOffice is not installed")


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), prog_name="briefgen")


def full_brief_line(brief_id: str, suffixes: list[str]) -> str:
    """The summary's last line as a reader sees it."""
    names = " / ".join(f"{brief_id}{suffix}" for suffix in suffixes)
    if brief_id in COMPARISON_IDS:
        return f"The full brief: {names}, with the sources; each incident has a brief of its own."
    return f"The full brief: {names}. Claims are numbered as there, where each cites its sources."


@pytest.fixture(scope="module")
def summaries(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every curated brief's summary, as Markdown and Word, built once."""
    out = tmp_path_factory.mktemp("summaries")
    result = CliRunner().invoke(main, ["build", *map(str, ALL_BRIEFS), "--length", "summary",
                                       "-f", "md", "-f", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("path", ALL_BRIEFS, ids=lambda p: p.stem)
def test_summary_docx_holds_the_summary_sections_and_none_of_the_rest(
        summaries: Path, path: Path) -> None:
    document = docx.Document(str(summaries / f"{path.stem}.summary.docx"))
    paragraphs = document.paragraphs
    headings = [p.text for p in paragraphs if p.style.name.startswith("Heading")]
    expected = COMPARISON_HEADINGS if path.stem in COMPARISON_IDS else INCIDENT_HEADINGS
    assert headings == expected
    title = next(p for p in paragraphs if p.style.name == "Title")
    assert title.text == CliRunner().invoke(main, ["render", str(path)]).stdout.split(
        "\n", 1)[0].removeprefix("# ").replace("\\", "")
    texts = [p.text for p in paragraphs]
    assert not [text for text in texts if text in FULL_ONLY]
    assert texts[-1] == full_brief_line(path.stem, [".md", ".docx"])
    assert paragraphs[-1].runs[0].italic
    # the title block as the full brief has it: handling marking, revision and its date
    assert [p.style.name for p in paragraphs[:4]] == ["Title", "Subtitle", "Author", "Date"]
    assert re.fullmatch(r"TLP:CLEAR · Revision \d+, \d+ \w+ \d{4}", paragraphs[3].text)
    # no notes: the full brief carries them
    assert b"footnoteReference" not in document.part.blob
    assert not document.element.body.findall(".//" + docx.oxml.ns.qn("w:sdt"))  # no contents


def test_summary_of_an_incident_has_its_judgments_and_matrix(summaries: Path) -> None:
    markdown = (summaries / "2017-08-al-tanf-kss.summary.md").read_text(encoding="utf-8")
    full = CliRunner().invoke(main, ["render", AL_TANF]).stdout
    for section in ("## Bottom line\n", "## Key judgments\n"):
        start = full.index(section)
        text = full[start:full.index("\n## ", start + 1)]
        # the same section, word for word, but that its claim numbers are the full brief's
        text = text.replace("refer to Competing claims", "refer to the full brief’s Competing "
                            "claims")
        assert text in markdown
    matrix = full[full.index("| Alleged perpetrator"):full.index("\n\n### ", full.index(
        "| Alleged perpetrator"))]
    assert "## Who is said to have struck\n\n" + matrix in markdown
    assert "[^" not in markdown and "### " not in markdown
    assert markdown.endswith(
        "\n\n*" + full_brief_line("2017-08-al-tanf-kss", [".md", ".docx"]) + "*\n")
    document = docx.Document(str(summaries / "2017-08-al-tanf-kss.summary.docx"))
    [table] = document.tables
    assert [cell.text for cell in table.rows[0].cells] == [
        "Alleged perpetrator", "Said to have struck by", "Claims it", "Denies it"]
    assert [row.cells[0].text for row in table.rows[1:]] == ["US forces", "Islamic State"]


def test_summary_of_a_comparison_has_its_table_and_pattern(summaries: Path) -> None:
    name = COMPARISON_IDS[0]
    markdown = (summaries / f"{name}.summary.md").read_text(encoding="utf-8")
    assert "| When | Where | Said to have struck | Denied by | Killed, as claimed | Grade |" in (
        markdown)
    assert "\n| 7 August 2017 | Iraq–Syria border area" in markdown  # no note after the date
    assert "*The analyst’s reading of the incidents together" in markdown
    document = docx.Document(str(summaries / f"{name}.summary.docx"))
    [table] = document.tables
    assert len(table.rows) == 4


def test_the_line_names_the_full_brief_of_each_document_format_built(tmp_path: Path) -> None:
    result = run("build", AL_TANF, "--length", "summary", "-f", "docx", "-f", "stix",
                 "-f", "html", "-v", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"wrote {tmp_path}/2017-08-al-tanf-kss{suffix}" for
                                          suffix in (".summary.docx", ".stix.json",
                                                     ".summary.html")]
    document = docx.Document(str(tmp_path / "2017-08-al-tanf-kss.summary.docx"))
    assert document.paragraphs[-1].text == (
        "The full brief: 2017-08-al-tanf-kss.docx / 2017-08-al-tanf-kss.html. Claims are "
        "numbered as there, where each cites its sources.")
    html = (tmp_path / "2017-08-al-tanf-kss.summary.html").read_text(encoding="utf-8")
    assert "The full brief: 2017-08-al-tanf-kss.docx / 2017-08-al-tanf-kss.html." in html


def test_summary_sits_beside_the_full_brief_and_data_exports_are_the_same(
        tmp_path: Path) -> None:
    full, summary = tmp_path / "full", tmp_path / "summary"
    formats = ["-f", "md", "-f", "docx", "-f", "stix", "-f", "geojson", "-f", "csv"]
    assert run("build", AL_TANF, *formats, "-o", str(full)).exit_code == 0
    assert run("build", AL_TANF, *formats, "-o", str(summary), "--length", "summary"
               ).exit_code == 0
    assert sorted(p.name for p in summary.iterdir() if not p.name.startswith(".")) == [
        "2017-08-al-tanf-kss.chart.png", "2017-08-al-tanf-kss.geojson",
        "2017-08-al-tanf-kss.stix.json", "2017-08-al-tanf-kss.summary.docx",
        "2017-08-al-tanf-kss.summary.md", "incidents.csv"]
    for name in ("2017-08-al-tanf-kss.geojson", "2017-08-al-tanf-kss.stix.json",
                 "incidents.csv"):
        assert (summary / name).read_bytes() == (full / name).read_bytes(), name
    # both lengths into one folder: neither overwrites the other
    before = {p.name: p.read_bytes() for p in full.glob("2017-08-al-tanf-kss.*")}
    result = run("build", AL_TANF, "-f", "md", "-f", "docx", "-o", str(full), "--length",
                 "summary", "-v")
    assert result.stdout.splitlines() == [f"wrote {full}/2017-08-al-tanf-kss.{suffix}"
                                          for suffix in ("chart.png", "summary.md",
                                                         "summary.docx")]
    # the chart the summary shows is the full brief's, the same bytes
    assert {p.name: p.read_bytes() for p in full.glob("2017-08-al-tanf-kss.*")
            if ".summary." not in p.name} == before
    # a record holds one build's outputs: the full build, after the summary, builds again
    again = run("build", AL_TANF, "-f", "md", "-f", "docx", "-o", str(full))
    assert again.stderr.startswith("built 1 of 1 brief, skipped 0 unchanged, 0 failed")
    assert run("build", AL_TANF, "-f", "md", "-f", "docx", "-o", str(full)).stderr.startswith(
        "built 0 of 1 brief, skipped 1 unchanged, 0 failed")


def test_summary_builds_again_when_its_formats_change(tmp_path: Path) -> None:
    """The line names the full brief in each format built: other formats, other lines."""
    assert run("build", AL_TANF, "-f", "md", "--length", "summary", "-o", str(tmp_path)
               ).exit_code == 0
    again = run("build", AL_TANF, "-f", "md", "-f", "docx", "--length", "summary", "-o",
                str(tmp_path))
    assert again.stderr.startswith("built 1 of 1 brief, skipped 0 unchanged")
    markdown = (tmp_path / "2017-08-al-tanf-kss.summary.md").read_text(encoding="utf-8")
    assert markdown.endswith("*The full brief: 2017-08-al-tanf-kss.md / "
                             "2017-08-al-tanf-kss.docx. Claims are numbered as there, where "
                             "each cites its sources.*\n")


def test_length_not_known_is_a_usage_error() -> None:
    """A bad option exits 2 (README, Commands), with a message that names the option and the
    value; the sentence around them is click's, and is not checked."""
    result = run("build", "--length", "short")
    assert result.exit_code == 2
    assert "--length" in result.stderr and "short" in result.stderr
    assert result.stdout == ""


def test_a_house_summary_template_is_used(tmp_path: Path) -> None:
    house = tmp_path / "house"
    house.mkdir()
    (house / "summary.md.j2").write_text(
        '{% include "title.md.j2" %}\n\n{% include "bluf.md.j2" %}\n\nFull: '
        '{{ full_brief | join(", ") }}\n', encoding="utf-8")
    result = run("build", AL_TANF, "-f", "md", "--length", "summary", "--templates",
                 str(house), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    markdown = (tmp_path / "out" / "2017-08-al-tanf-kss.summary.md").read_text(encoding="utf-8")
    assert markdown.endswith("\n\nFull: 2017-08-al-tanf-kss.md\n")
    assert "## Key judgments" not in markdown


@needs_soffice
@pytest.mark.skipif(shutil.which("pdfinfo") is None and not os.environ.get("CI"),
                    reason="poppler's pdfinfo is not installed")
def test_every_summary_is_one_page_of_pdf(tmp_path: Path) -> None:
    result = run("build", *map(str, ALL_BRIEFS), "--length", "summary", "-f", "pdf", "-o",
                 str(tmp_path))
    assert result.exit_code == 0, result.output
    for path in ALL_BRIEFS:
        pdf = tmp_path / f"{path.stem}.summary.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.M), (path.stem, info)
        assert re.search(r"^Tagged:\s+yes$", info, re.M), info
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                  text=True, check=True).stdout
            assert full_brief_line(path.stem, [".pdf"]) in " ".join(text.split())


def test_templates_export_writes_the_summary_templates(tmp_path: Path) -> None:
    assert run("templates", "export", str(tmp_path / "house")).exit_code == 0
    names = {p.name for p in (tmp_path / "house").iterdir()}
    assert {"summary.md.j2", "comparison_summary.md.j2", "matrix.md.j2",
            "comparison_title.md.j2", "comparison_table.md.j2", "pattern.md.j2"} <= names
    for name in ("summary.md.j2", "matrix.md.j2"):
        assert (tmp_path / "house" / name).read_bytes() == (ROOT / "templates" / name
                                                             ).read_bytes()


def test_summary_page_is_tighter_and_the_full_brief_keeps_the_reference(
        summaries: Path, tmp_path: Path) -> None:
    """The summary's margins, title and body text, read back from its .docx; the full
    brief's are the reference's own (the two are prepared apart)."""
    from docx.oxml.ns import qn

    assert run("build", AL_TANF, "-f", "docx", "-o", str(tmp_path)).exit_code == 0
    summary = docx.Document(str(summaries / "2017-08-al-tanf-kss.summary.docx"))
    full = docx.Document(str(tmp_path / "2017-08-al-tanf-kss.docx"))
    reference = docx.Document(str(ROOT / "templates" / "reference.docx"))

    def page(document: docx.document.Document) -> list[int | None]:
        section = document.sections[0]
        return [section.top_margin, section.right_margin, section.bottom_margin,
                section.left_margin, section.header_distance, section.footer_distance]

    def looks(document: docx.document.Document) -> tuple[object, ...]:
        styles = document.styles
        size = styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/"
                                   f"{qn('w:rPr')}/{qn('w:sz')}").get(qn("w:val"))
        return (size, styles["Title"].font.size.pt,
                styles["Heading 1"].paragraph_format.space_before.pt,
                styles["Body Text"].paragraph_format.space_after.pt)

    assert [length.twips for length in page(summary)] == [737, 851, 737, 851, 340, 340]
    assert looks(summary) == ("20", 16.5, 6.0, 3.0)
    assert page(full) == page(reference)
    assert looks(full) == looks(reference) == ("21", 22.0, 12.0, 6.0)
    # the matrix spans the summary's wider text, as tables do in the full brief
    for document, margin in ((summary, 851), (full, 1304)):
        widths = [int(col.get(qn("w:w"))) for col in document.tables[0]._tbl.tblGrid]
        assert abs(11906 - 2 * margin - sum(widths)) < len(widths)  # each column rounded
