"""Shared paths and helpers for the tests."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import cmarkgfm.cmark
import pytest

from briefgen.load import load_brief
from briefgen.model import Brief

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
ALL_BRIEFS = sorted((ROOT / "briefs").glob("*.yaml"))
COMPARISONS = [p for p in ALL_BRIEFS if "\nincidents:" in p.read_text(encoding="utf-8")]
BRIEFS = [p for p in ALL_BRIEFS if p not in COMPARISONS]
"""The incident files; COMPARISONS holds the cross-incident briefs."""
SHARED_TOOLS = ROOT.parent / "shared" / "tools"


@pytest.fixture
def minimal() -> Brief:
    return load_brief(DATA / "valid" / "minimal.yaml")


@pytest.fixture(autouse=True)
def _in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test from the project root, so messages show paths as a user sees them."""
    monkeypatch.chdir(ROOT)


class _TextOf(HTMLParser):
    """The text of an HTML fragment, a line per block."""

    BLOCKS = frozenset(("p", "li", "h1", "h2", "h3", "h4", "tr", "blockquote", "pre"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")


def github_html(markdown: str) -> str:
    """``markdown`` as GitHub renders it: cmark-gfm with GitHub's extensions and footnotes."""
    return str(cmarkgfm.github_flavored_markdown_to_html(
        markdown, options=cmarkgfm.cmark.Options.CMARK_OPT_FOOTNOTES))


def github_text(markdown: str) -> str:
    """The text a reader sees once GitHub has rendered ``markdown``."""
    reader = _TextOf()
    reader.feed(github_html(markdown))
    reader.close()
    return "".join(reader.parts)
