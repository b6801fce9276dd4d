"""PDF through LibreOffice: the .docx converted headless, when ``soffice`` is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from briefgen.errors import RenderError

INSTALL_HINT = (
    "PDF output needs LibreOffice's soffice on the PATH; install it (Debian or Ubuntu: "
    "apt-get install libreoffice-writer-nogui; macOS: brew install --cask libreoffice; "
    "Windows: https://www.libreoffice.org/download) or build without -f pdf"
)
TIMEOUT = 600
TAGGED_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
"""LibreOffice's PDF export with a structure tree, for screen readers."""
PDF_A_FILTER = ('pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
                '"SelectPdfVersion":{"type":"long","value":"2"}}')
"""The same, as PDF/A-2b."""


def find_soffice() -> str | None:
    """The LibreOffice command, if one is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(documents: dict[str, bytes], pdf_a: bool = False) -> dict[str, bytes]:
    """Each named .docx as PDF bytes, converted in one LibreOffice run.

    Tagged always; PDF/A-2b when ``pdf_a``. Raises ``RenderError`` when LibreOffice is
    missing or fails as a whole; a document it could not convert is missing from the result.
    """
    soffice = find_soffice()
    if soffice is None:
        raise RenderError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="briefgen-pdf-") as temp:
        folder = Path(temp)
        inputs = []
        for name, data in documents.items():
            path = folder / f"{name}.docx"
            path.write_bytes(data)
            inputs.append(str(path))
        profile = (folder / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", PDF_A_FILTER if pdf_a else TAGGED_FILTER,
                   "--outdir", str(folder / "pdf"), *inputs]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=True)
        except subprocess.TimeoutExpired as exc:
            raise RenderError(f"LibreOffice took more than {TIMEOUT} s to convert") from exc
        except subprocess.CalledProcessError as exc:
            detail = exc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise RenderError("LibreOffice failed to convert: "
                              + (detail[-1] if detail else f"exit code {exc.returncode}")) from exc
        return {name: (folder / "pdf" / f"{name}.pdf").read_bytes() for name in documents
                if (folder / "pdf" / f"{name}.pdf").is_file()}
