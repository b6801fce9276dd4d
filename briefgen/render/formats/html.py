"""The brief as one self-contained HTML page: styles inline, no script, nothing remote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.render import OutputFormat

if TYPE_CHECKING:
    from briefgen.render import Options, Rendering


def render(rendering: Rendering, markdown: str, _options: Options) -> bytes:
    from briefgen.render.html import page_of, render_html

    return render_html(markdown, page_of(rendering.brief, chart=rendering.chart)).encode("utf-8")


FORMAT = OutputFormat("html", ".html", "one self-contained HTML page, for an intranet or mail",
                      render=render)
