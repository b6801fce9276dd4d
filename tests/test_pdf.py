"""PDF through LibreOffice. CI installs LibreOffice, so there these tests never skip."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.render.pdf import INSTALL_HINT, find_soffice
from conftest import ROOT

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
    assert "C5 · United States: The United States denied any involvement in the strike.[5]" in text
    assert "[6] Breitbart News." in text
    assert str(ROOT) not in text


@needs_soffice
def test_pdfs_of_a_batch_are_converted_a_few_at_a_time_and_recorded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    from briefgen import render
    from briefgen.render.formats import pdf

    runs: list[list[str]] = []

    def spy(documents: dict[str, bytes]) -> dict[str, bytes]:
        runs.append(sorted(documents))
        return pdf.convert(documents)

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
