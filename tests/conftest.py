"""Shared paths and helpers for the tests."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import cmarkgfm.cmark
import pytest
from lxml import etree

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


ALLOWED_PART = re.compile(
    r"\[Content_Types\]\.xml|_rels/\.rels|docProps/(?:core|app)\.xml"
    r"|word/(?:document|styles|settings|webSettings|fontTable|numbering|footnotes)\.xml"
    r"|word/theme/theme\d+\.xml|word/(?:header|footer)\d+\.xml|word/_rels/[\w.]+\.xml\.rels"
    r"|word/media/[\w.-]+\.(?:png|jpeg|jpg|gif|emf|wmf|svg)")
"""The parts a brief may hold: the allow-list of what a reference gives, the parts briefgen
writes, and pictures (the casualty chart, a header's logo)."""
HYPERLINK = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
             "hyperlink")
IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
PNG = b"\x89PNG\r\n\x1a\n"


def find_unsafe_pictures(package: zipfile.ZipFile) -> list[str]:
    """The pictures of the body that are not the brief's own chart: the body may hold one
    image, a PNG inside the package (a header's or footer's logo is the reference's)."""
    name = "word/_rels/document.xml.rels"
    if name not in package.namelist():
        return []
    images = [rel for rel in etree.fromstring(package.read(name)) if rel.get("Type") == IMAGE]
    found = [f"{len(images)} images in the body"] if len(images) > 1 else []
    for rel in images:
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not re.fullmatch(r"media/image\d+\.png",
                                                                    target):
            found.append(f"body image {target}")
        elif not package.read(f"word/{target}").startswith(PNG):
            found.append(f"body image {target} is not a PNG")
    return found


def find_unsafe_parts(data: bytes) -> list[str]:
    """What a .docx holds that no brief may: a part outside the allow-list, a macro-enabled
    content type, an external relationship other than an http(s) or mailto hyperlink, or a
    picture in the body other than the one PNG of its chart."""
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if not ALLOWED_PART.fullmatch(name):
                found.append(f"part {name}")
            elif name.endswith(".rels"):
                for rel in etree.fromstring(package.read(name)):
                    target = rel.get("Target", "")
                    if rel.get("TargetMode") == "External" and not (
                            rel.get("Type") == HYPERLINK
                            and target.split(":", 1)[0].lower() in ("http", "https", "mailto")):
                        found.append(f"external {rel.get('Type')} {target} in {name}")
        if b"macroEnabled" in package.read("[Content_Types].xml"):
            found.append("a macro-enabled content type")
        found.extend(find_unsafe_pictures(package))
    return found


def is_briefgen_docx(path: Path) -> bool:
    """Whether ``path`` is a brief that briefgen wrote: its category is a handling marking,
    which a reference document's is not (the hostile tests' references are inputs). FIFOs
    and links to devices that those tests leave under such names are never opened here."""
    if path.is_symlink() or not path.is_file() or path.stat().st_size > 50_000_000:
        return False
    try:
        with zipfile.ZipFile(path) as package:
            return b"<cp:category>TLP:" in package.read("docProps/core.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


@pytest.fixture(autouse=True)
def _every_docx_built_is_safe(request: pytest.FixtureRequest) -> Iterator[None]:
    """After each test, every .docx that briefgen wrote into the test's temporary folder
    holds no macro, no part outside the allow-list and no external link but http(s) and
    mailto hyperlinks, whatever the test itself checked."""
    folder: Path | None = (request.getfixturevalue("tmp_path")
                           if "tmp_path" in request.fixturenames else None)
    yield
    if folder is None:
        return
    for path in folder.rglob("*.docx"):
        if is_briefgen_docx(path):
            assert find_unsafe_parts(path.read_bytes()) == [], path
