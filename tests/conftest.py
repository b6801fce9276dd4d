"""Shared paths and helpers for the tests."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import cmarkgfm.cmark
import pytest

from briefgen.load import load_brief
from briefgen.model import Brief

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
# The curated briefs, by name: editors add, rename and remove files in briefs/ and seeds/
# every week, and no test may depend on what else is there. A test that needs a known set
# copies these into a temporary folder (copy_curated).
INCIDENTS = ["2017-08-al-tanf-kss", "2018-06-albu-kamal-kh", "2019-01-sarsar-lake"]
COMPARISON_IDS = ["2017-2019-denied-strikes-on-iraqi-militias"]
BRIEFS = [ROOT / "briefs" / f"{name}.yaml" for name in INCIDENTS]
"""The curated incident files; COMPARISONS holds the cross-incident briefs."""
COMPARISONS = [ROOT / "briefs" / f"{name}.yaml" for name in COMPARISON_IDS]
ALL_BRIEFS = sorted([*BRIEFS, *COMPARISONS])
SEEDS = [ROOT / "seeds" / name for name in (
    "000-us-denies-attacking-iranian-backed-militia.txt",
    "001-reuters-us-denies-bombing-iraqi-shiite-militia.txt",
    "002-iraqi-militias-will-not-remain-silent.txt",
    "003-iraq-denies-us-bombed-iran-allied-militias.txt",
    "004-mei-kss-commander-accuses-us.txt")]
"""The seed articles the curated briefs cite."""
SHARED_TOOLS = ROOT.parent / "shared" / "tools"


def copy_curated(folder: Path) -> Path:
    """``folder`` with briefs/ holding the curated briefs and seeds/ the seeds they cite."""
    for path in [*ALL_BRIEFS, *SEEDS]:
        target = folder / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return folder


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
