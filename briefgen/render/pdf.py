"""PDF through LibreOffice: the .docx converted headless, when ``soffice`` is installed.

``soffice --convert-to pdf`` exports a document as it was loaded, so the contents list
would show the entries written into the .docx, without page numbers. Instead LibreOffice
runs a small Basic macro of ours, from a throw-away profile: it opens each document hidden,
updates its indexes (the contents list, now with page numbers), and exports it with the
``writer_pdf_Export`` filter, tagged, and as PDF/A-2b on request. Basic is part of every
LibreOffice, so this needs nothing beyond ``soffice`` (no Python-UNO bridge).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

from briefgen.errors import BriefgenError, RenderError

INSTALL_HINT = (
    "PDF output needs LibreOffice's soffice on the PATH; install it (Debian or Ubuntu: "
    "apt-get install libreoffice-writer-nogui; macOS: brew install --cask libreoffice; "
    "Windows: https://www.libreoffice.org/download) or build without -f pdf"
)
TIMEOUT = 600
MODULE = "Module1"
MACRO = f"macro:///Standard.{MODULE}.ConvertAll"
"""The macro, in the profile's Standard library (a fresh profile's only one)."""
STATUS = "status.txt"
"""The file the macro writes a line to for each document: its name, a tab, and ``ok`` or
why it was not converted: LibreOffice's error (``error 1: ...``, on one line), or
``UNOPENED``."""
UNOPENED = "it did not open as a document (damaged, or not a kind LibreOffice reads)"
"""What the macro writes for a document that LibreOffice loads as nothing, as it does a
damaged file, without a reason of its own."""

BASIC = """REM briefgen: each document opened hidden, its indexes updated, exported as PDF.
Function Prop(name As String, value As Variant) As com.sun.star.beans.PropertyValue
  Dim p As New com.sun.star.beans.PropertyValue
  p.Name = name
  p.Value = value
  Prop = p
End Function

Function OneLine(text As String) As String
  OneLine = Replace(Replace(Replace(text, Chr(13), " "), Chr(10), " "), Chr(9), " ")
End Function

Function ConvertOne(source As String, target As String) As String
  Dim doc As Object, i As Integer, pass As Integer
  On Error GoTo Failed
  doc = StarDesktop.loadComponentFromURL(source, "_blank", 0, _
    Array(Prop("Hidden", True), Prop("MacroExecutionMode", 0), Prop("UpdateDocMode", 0)))
  If IsNull(doc) Then
    ConvertOne = "{unopened}"
    Exit Function
  End If
  REM Twice: page numbers written in the first pass can move what follows.
  For pass = 1 To 2
    For i = 0 To doc.getDocumentIndexes().getCount() - 1
      doc.getDocumentIndexes().getByIndex(i).update()
    Next i
    doc.refresh()
  Next pass
  doc.storeToURL(target, Array(Prop("FilterName", "writer_pdf_Export"), _
    Prop("FilterData", Array(Prop("UseTaggedPDF", True), _
                             Prop("SelectPdfVersion", CLng({version}))))))
  doc.close(True)
  ConvertOne = "ok"
  Exit Function
Failed:
  ConvertOne = "error " & Err & ": " & OneLine(Error$)
  On Error Resume Next
  If Not IsNull(doc) And Not IsEmpty(doc) Then doc.close(True)
End Function

Sub ConvertAll
  Dim names, f As Integer, i As Integer, result As String
  names = Array({names})
  f = FreeFile
  Open ConvertFromURL("{status}") For Output As #f
  For i = LBound(names) To UBound(names)
    result = ConvertOne("{inputs}/" & names(i) & ".docx", "{outputs}/" & names(i) & ".pdf")
    Print #f, names(i) & Chr(9) & result
  Next i
  Close #f
  StarDesktop.terminate()
End Sub
"""

MODULE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="{module}" \
script:language="StarBasic">{source}</script:module>
"""


def find_soffice() -> str | None:
    """The LibreOffice command, if one is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def write_macro(folder: Path, names: list[str], pdf_a: bool) -> None:
    """The conversion macro in the profile under ``folder``, for the documents ``names``
    (``folder/in/NAME.docx`` to ``folder/pdf/NAME.pdf``)."""
    quoted = ", ".join('"' + name.replace('"', '""') + '"' for name in names)
    source = BASIC.format(version=2 if pdf_a else 0, names=quoted, unopened=UNOPENED,
                          status=(folder / STATUS).as_uri(), inputs=(folder / "in").as_uri(),
                          outputs=(folder / "pdf").as_uri())
    library = folder / "profile" / "user" / "basic" / "Standard"
    library.mkdir(parents=True, exist_ok=True)
    (library / f"{MODULE}.xba").write_text(MODULE_XML.format(module=MODULE,
                                                             source=escape(source)),
                                           encoding="utf-8")


def run_soffice(command: list[str], deadline: float) -> None:
    """Run LibreOffice until ``deadline`` (``time.monotonic``); its failure or overtime as a
    ``RenderError``."""
    try:
        subprocess.run(command, capture_output=True, check=True, stdin=subprocess.DEVNULL,
                       timeout=max(deadline - time.monotonic(), 1))
    except subprocess.TimeoutExpired as exc:
        raise RenderError(f"LibreOffice took more than {TIMEOUT} s to convert") from exc
    except subprocess.CalledProcessError as exc:
        detail = exc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RenderError("LibreOffice failed to convert: "
                          + (detail[-1] if detail else f"exit code {exc.returncode}")) from exc


def read_status(folder: Path) -> dict[str, str]:
    """What the macro wrote of each document, by its name: ``ok``, or why it failed."""
    status = {}
    for line in (folder / STATUS).read_text(encoding="utf-8", errors="replace").splitlines():
        name, _, result = line.partition("\t")
        status[name] = result.strip()
    return status


def collect_pdfs(folder: Path, names: list[str],
                 keys: Iterable[str]) -> dict[str, bytes | BriefgenError]:
    """Each document's PDF, or the error that names its .docx (``KEY.docx``) and says why
    LibreOffice did not convert it; one with neither (LibreOffice stopped before it) is
    missing."""
    status = read_status(folder)
    made: dict[str, bytes | BriefgenError] = {}
    for name, key in zip(names, keys, strict=True):
        target = folder / "pdf" / f"{name}.pdf"
        result = status.get(name)  # None: LibreOffice stopped before it
        if result not in (None, "ok"):
            made[key] = RenderError(f"{key}.docx: LibreOffice could not convert it to PDF: "
                                    f"{result}")
        elif target.is_file():
            made[key] = target.read_bytes()
    return made


def convert_to_pdf(documents: dict[str, bytes],
                   pdf_a: bool = False) -> dict[str, bytes | BriefgenError]:
    """Each named .docx as PDF bytes, converted in one LibreOffice run, its contents list
    updated with page numbers; for one that LibreOffice could not convert, the error that
    says why (``collect_pdfs``), while the others convert.

    Tagged always; PDF/A-2b when ``pdf_a``. Raises ``RenderError`` when LibreOffice is
    missing or fails as a whole.
    """
    soffice = find_soffice()
    if soffice is None:
        raise RenderError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="briefgen-pdf-") as temp:
        folder = Path(temp)
        for sub in ("in", "pdf"):
            (folder / sub).mkdir()
        names = [f"doc{number}" for number in range(len(documents))]
        for name, data in zip(names, documents.values(), strict=True):
            (folder / "in" / f"{name}.docx").write_bytes(data)
        base = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                "--headless", "--norestore"]
        deadline = time.monotonic() + TIMEOUT  # for both runs together
        run_soffice([*base, "--terminate_after_init"], deadline)  # a fresh profile, then
        write_macro(folder, names, pdf_a)  # our macro in it
        run_soffice([*base, MACRO], deadline)
        if not (folder / STATUS).is_file():
            raise RenderError("LibreOffice did not run briefgen's conversion macro (is its "
                              "Basic support installed?)")
        return collect_pdfs(folder, names, documents)
