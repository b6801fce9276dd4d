"""The Word brief, in the named styles of the reference document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.render import OutputFormat

if TYPE_CHECKING:
    from briefgen.render import Draft, Options


def render(draft: Draft, markdown: str, options: Options) -> bytes:
    from briefgen.render.docx import render_docx

    return render_docx(draft.brief, markdown, options.reference,
                       compact=options.length == "summary", chart=draft.chart)


FORMAT = OutputFormat("docx", ".docx", "a Word document for distribution", default=True,
                      render=render)
