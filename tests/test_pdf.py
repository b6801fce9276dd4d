"""PDF through LibreOffice. CI installs LibreOffice, so there these tests never skip."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.render import Options
from briefgen.render.pdf import INSTALL_HINT, find_soffice
from conftest import ROOT, copy_curated

needs_soffice = pytest.mark.skipif(find_soffice() is None and not os.environ.get("CI"),
                                   reason="LibreOffice is not installed")


@needs_soffice
def test_build_pdf_shows_the_brief_with_page_furniture(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "briefs/2019-01-sarsar-lake.yaml", "-f", "pdf",
                                       "-v", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "2019-01-sarsar-lake.pdf"
    assert result.stdout == f"wrote {pdf}\n"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        # Where lines break and how many pages there are follow the fonts installed: the
        # text is compared with its whitespace normalised, and the page count is any.
        words = " ".join(text.split())
        assert "Reported US strike on Hashd al-Shaabi fighters" in words
        assert re.search(r"Page 1 of [1-9]\d*", words), words
        assert "TLP:CLEAR" in words
        assert "Competing claims" in words
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        assert re.search(r"^Tagged:\s+yes$", info, re.M), info


@needs_soffice
def test_pdf_a_is_tagged_pdf_a_2(tmp_path: Path) -> None:
    """Issue 19: the PDF/A-2 option gives a tagged file that claims PDF/A-2."""
    from briefgen.render.pdf import convert_to_pdf

    docx = (ROOT / "templates" / "reference.docx").read_bytes()
    pdf = convert_to_pdf({"reference": docx}, pdf_a=True)["reference"]
    assert b"pdfaid:part" in pdf and b"StructTreeRoot" in pdf


def test_pdf_without_libreoffice_says_how_to_install_it(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    result = CliRunner().invoke(main, ["build", "briefs/2019-01-sarsar-lake.yaml", "-f", "pdf",
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == INSTALL_HINT
    assert lines[1].startswith("built 0 of 1 brief, skipped 0 unchanged, 1 failed, ")
    assert len(lines) == 2


@pytest.mark.skipif(shutil.which("pandoc") is None and not os.environ.get("CI"),
                    reason="pandoc is not installed")
def test_pandoc_reads_the_text_and_its_footnotes(tmp_path: Path) -> None:
    CliRunner().invoke(main, ["build", "briefs/2018-06-albu-kamal-kh.yaml", "-f", "docx",
                              "-o", str(tmp_path)])
    text = subprocess.run(["pandoc", "-f", "docx", "-t", "plain", "--wrap=none",
                           str(tmp_path / "2018-06-albu-kamal-kh.docx")],
                          capture_output=True, text=True, check=True).stdout
    assert "C5 · United States: The United States denied any involvement in the strike.[3]" in text
    assert "[7] Breitbart News." in text
    assert str(ROOT) not in text


@needs_soffice
def test_pdfs_of_a_batch_are_converted_a_few_at_a_time_and_recorded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    from briefgen import render
    from briefgen.render.formats import pdf

    runs: list[list[str]] = []

    def spy(documents: dict[str, bytes], options: Options) -> dict[str, bytes]:
        runs.append(sorted(documents))
        return pdf.convert(documents, options)

    monkeypatch.setattr(pdf, "FORMAT", replace(pdf.FORMAT, batch=1, convert=spy))
    render.get_format.cache_clear()  # the registry reads the spy, and forgets it after
    request.addfinalizer(render.get_format.cache_clear)
    briefs = ["briefs/2017-08-al-tanf-kss.yaml", "briefs/2019-01-sarsar-lake.yaml"]
    command = ["build", *briefs, "-f", "pdf", "-f", "md", "-j", "1", "-o", str(tmp_path)]
    result = CliRunner().invoke(main, [*command, "-v"])
    assert result.exit_code == 0, result.output
    assert runs == [["2017-08-al-tanf-kss"], ["2019-01-sarsar-lake"]]
    assert result.stdout.splitlines() == [
        f"wrote {tmp_path / f'{Path(brief).stem}.{fmt}'}" for brief in briefs
        for fmt in ("chart.png", "md", "pdf")]
    assert all((tmp_path / f"{Path(b).stem}.pdf").read_bytes()[:5] == b"%PDF-" for b in briefs)
    again = CliRunner().invoke(main, command)
    assert again.stderr.startswith("built 0 of 2 briefs, skipped 2 unchanged, 0 failed")
    assert len(runs) == 2


def page_texts(pdf: Path) -> list[str]:
    """The text of each page, as pdftotext lays it out."""
    pages = int(re.search(r"^Pages:\s+(\d+)$", subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout, re.M)[1])
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
            for n in range(1, pages + 1)]


@needs_soffice
def test_pdf_contents_gives_the_page_of_every_section(tmp_path: Path) -> None:
    """Issue 19: LibreOffice updates the contents list before export, so each entry ends
    with the number of the page where its heading is."""
    result = CliRunner().invoke(main, ["build", "briefs/2017-08-al-tanf-kss.yaml", "-f", "pdf",
                                       "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "2017-08-al-tanf-kss.pdf"
    pages = page_texts(pdf)
    entries = re.findall(r"^(\S.*?)\s*\.{4,}\s*(\d+)$", pages[0], re.M)
    assert [title for title, _ in entries] == [
        "Bottom line", "Key judgments", "Background", "Competing claims", "Implications",
        "Sources"]
    for title, page in entries:
        found = [n for n, text in enumerate(pages, 1)
                 if re.search(rf"^\s*{re.escape(title)}\s*$", text, re.M)]
        assert found == [int(page)], title
    assert [int(page) for _, page in entries] == sorted(int(page) for _, page in entries)
    assert int(entries[-1][1]) > 1
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    assert b"pdfaid:part" not in pdf.read_bytes()


@needs_soffice
def test_build_pdf_a_from_the_flag_or_briefgen_toml(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19: --pdf-a, or pdf_a = true in briefgen.toml, writes PDF/A-2; --no-pdf-a wins
    over the file, and changing it rebuilds."""
    folder = copy_curated(tmp_path / "folder")
    (folder / "briefgen.toml").write_text('pdf_a = true\n', encoding="utf-8")
    monkeypatch.chdir(folder)
    brief = ["briefs/2019-01-sarsar-lake.yaml", "-f", "pdf", "-o", "out"]
    pdf = folder / "out" / "2019-01-sarsar-lake.pdf"
    assert CliRunner().invoke(main, ["build", *brief]).exit_code == 0
    assert re.search(rb"<pdfaid:part>2</pdfaid:part>", pdf.read_bytes())
    result = CliRunner().invoke(main, ["build", *brief, "--no-pdf-a"])
    assert result.stderr.startswith("built 1 of 1 brief, skipped 0 unchanged"), result.output
    assert b"pdfaid:part" not in pdf.read_bytes()
    (folder / "briefgen.toml").write_text("", encoding="utf-8")
    assert CliRunner().invoke(main, ["build", *brief, "--pdf-a"]).exit_code == 0
    data = pdf.read_bytes()
    assert re.search(rb"<pdfaid:part>2</pdfaid:part>", data) and b"StructTreeRoot" in data


def test_a_libreoffice_that_runs_no_macro_is_an_error(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A soffice that starts and ends without running the conversion macro (one without
    Basic, say) fails the batch with a message, rather than leaving the PDFs unmade
    silently."""
    from briefgen.errors import RenderError
    from briefgen.render.pdf import convert_to_pdf

    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError) as caught:
        convert_to_pdf({"brief": b"not a docx"})
    assert str(caught.value) == ("LibreOffice did not run briefgen's conversion macro (is "
                                 "its Basic support installed?)")


@needs_soffice
def test_a_pdf_past_the_output_limit_fails_that_brief_and_is_not_written(
        tmp_path: Path) -> None:
    """--max-output holds the PDF too: it is measured after the conversion, before writing."""
    brief = "briefs/2019-01-sarsar-lake.yaml"
    result = CliRunner().invoke(main, ["build", brief, "-f", "docx", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    limit = len((tmp_path / "2019-01-sarsar-lake.docx").read_bytes()) + 1000
    result = CliRunner().invoke(main, ["build", brief, "-f", "pdf", "-o", str(tmp_path),
                                       "--max-output", str(limit)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert re.fullmatch(rf"{brief}:1:1: \$: the pdf output is [\d,]+ bytes, more than the "
                        rf"output limit of {limit:,} \(no real brief comes near it; look for a "
                        r"loop in the templates, or raise --max-output\)", lines[0]), lines[0]
    assert lines[1].startswith("built 0 of 1 brief, skipped 0 unchanged, 1 failed, ")
    assert not (tmp_path / "2019-01-sarsar-lake.pdf").exists()


def damage_document(data: bytes) -> bytes:
    """The .docx ``data`` with its main part, word/document.xml, replaced by broken XML:
    a zip that LibreOffice cannot open as a document."""
    import io
    import zipfile

    damaged = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            part = source.read(item.filename)
            target.writestr(item, b"<w:document <<< not XML" if item.filename ==
                            "word/document.xml" else part)
    return damaged.getvalue()


@needs_soffice
def test_a_document_libreoffice_cannot_convert_fails_alone_with_its_reason(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The brief whose .docx LibreOffice cannot open fails with an error that names that
    .docx and says why, from the macro's status file; the other brief of the same run is
    converted and written."""
    import briefgen.render.docx

    bad, good = "briefs/2017-08-al-tanf-kss.yaml", "briefs/2019-01-sarsar-lake.yaml"
    render_docx = briefgen.render.docx.render_docx

    def damage_one(brief: Any, *args: Any, **kwargs: Any) -> bytes:
        data = render_docx(brief, *args, **kwargs)
        return damage_document(data) if brief.id == Path(bad).stem else data

    monkeypatch.setattr(briefgen.render.docx, "render_docx", damage_one)
    result = CliRunner().invoke(main, ["build", bad, good, "-f", "pdf", "-j", "1",
                                       "-o", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == (f"{bad}: {Path(bad).stem}.docx: LibreOffice could not convert it "
                        "to PDF: it did not open as a document (damaged, or not a kind "
                        "LibreOffice reads)")
    assert lines[1].startswith("built 1 of 2 briefs, skipped 0 unchanged, 1 failed, ")
    assert (tmp_path / f"{Path(good).stem}.pdf").read_bytes()[:5] == b"%PDF-"
    assert not (tmp_path / f"{Path(bad).stem}.pdf").exists()
    output = tmp_path / "one.pdf"
    result = CliRunner().invoke(main, ["render", bad, "-o", str(output)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith(
        f"{output}: {Path(bad).stem}.docx: LibreOffice could not convert it to PDF: it did not "
        "open as a document")
    assert not output.exists()
