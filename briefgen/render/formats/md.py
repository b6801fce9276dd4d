"""The Markdown brief: GitHub-flavoured Markdown, the text every other format starts from,
and beside it the chart its text shows, ``ID.chart.png``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.render import OutputFormat

if TYPE_CHECKING:
    from briefgen.render import Options, Rendering


def render(_rendering: Rendering, markdown: str, _options: Options) -> bytes:
    return markdown.encode("utf-8")


def companions(rendering: Rendering, _options: Options) -> dict[str, bytes | None]:
    """The chart the Markdown names, as PNG; none for a brief without figures."""
    from briefgen.chart import CHART_SUFFIX, draw_chart

    data = rendering.chart
    return {CHART_SUFFIX: draw_chart(data, "png") if data is not None else None}


FORMAT = OutputFormat("md", ".md", "GitHub-flavoured Markdown, for the web and for diffs, "
                      "and its chart (ID.chart.png)", default=True, render=render,
                      companions=companions)
