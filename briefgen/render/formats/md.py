"""The Markdown brief: GitHub-flavoured Markdown, the text every other format starts from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.render import OutputFormat

if TYPE_CHECKING:
    from briefgen.model import Loaded
    from briefgen.render import Options


def render(_brief: Loaded, markdown: str, _options: Options) -> bytes:
    return markdown.encode("utf-8")


FORMAT = OutputFormat("md", ".md", "GitHub-flavoured Markdown, for the web and for diffs",
                      default=True, render=render)
