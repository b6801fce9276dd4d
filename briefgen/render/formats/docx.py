"""The Word brief, in the named styles of the reference document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.render import OutputFormat

if TYPE_CHECKING:
    from briefgen.render import Options, Rendering


def render(rendering: Rendering, markdown: str, options: Options) -> bytes:
    from briefgen.render.docx import render_docx

    return render_docx(rendering.brief, markdown, options.reference,
                       compact=options.length == "summary", chart=rendering.chart)


FORMAT = OutputFormat("docx", ".docx", "a Word document for distribution", default=True,
                      render=render)
