"""PDF, converted from the Word brief by LibreOffice, many briefs to a run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.render import Options, OutputFormat

if TYPE_CHECKING:
    from briefgen.errors import BriefgenError


def convert(documents: dict[str, bytes], options: Options) -> dict[str, bytes | BriefgenError]:
    from briefgen.render.pdf import convert_to_pdf

    return convert_to_pdf(documents, options.pdf_a)


FORMAT = OutputFormat("pdf", ".pdf", "PDF of the Word brief (needs LibreOffice)",
                      source="docx", convert=convert, batch=100)
