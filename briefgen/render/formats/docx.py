"""The Word brief, in the named styles of the reference document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.render import OutputFormat

if TYPE_CHECKING:
    from briefgen.model import Loaded
    from briefgen.render import Options


def render(brief: Loaded, markdown: str, options: Options) -> bytes:
    from briefgen.render.docx import render_docx

    return render_docx(brief, markdown, options.reference,
                       compact=options.length == "summary")


FORMAT = OutputFormat("docx", ".docx", "a Word document for distribution", default=True,
                      render=render)
