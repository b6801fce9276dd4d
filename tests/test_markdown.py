"""Markdown rendering: golden briefs, escaping of data, prose, strictness, the sandbox.

Set BRIEFGEN_UPDATE_GOLDEN=1 to rewrite the golden files from the current output; review
the diff before committing it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import jinja2
import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment

from briefgen.errors import RenderError
from briefgen.load import load_any
from briefgen.model import Brief
from briefgen.render.markdown import escape_markdown, make_environment, render_markdown
from briefgen.render.sandbox import CODE_VERSION
from conftest import ALL_BRIEFS, DATA, ROOT, github_html, github_text

GOLDEN = ROOT / "tests" / "golden"


@pytest.mark.parametrize("path", ALL_BRIEFS, ids=lambda p: p.stem)
def test_brief_matches_golden_markdown(path: Path) -> None:
    text = render_markdown(load_any(path))
    golden = GOLDEN / f"{path.stem}.md"
    if os.environ.get("BRIEFGEN_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_every_section_is_rendered_in_order(minimal: Brief) -> None:
    headings = [line for line in render_markdown(minimal).splitlines() if line.startswith("#")]
    assert headings == [
        "# Minimal brief", "## Bottom line", "## Key judgments", "## Background",
        "## Competing claims", "### Who is said to have struck", "### Accusations",
        "### Denials", "### Casualty figures",
        "## Implications", "## Sources"]


def plain_text(markdown: str) -> str:
    """The text a reader sees once the Markdown is rendered."""
    return github_text(markdown).strip()


@pytest.mark.parametrize("value", [
    "{{ 7*7 }}", "<b>bold</b>", "a | b", "*not emphasis*", "[^1]", "[link](http://x)",
    "# not a heading", "1. not a list", "- not a bullet", "back\\slash", "`code`", "&amp;",
])
def test_data_is_printed_as_typed(value: str) -> None:
    assert plain_text(escape_markdown(value)) == value


def test_template_syntax_in_a_field_is_not_evaluated(minimal: Brief) -> None:
    brief = minimal.model_copy(update={"title": "{{ 7*7 }} <script>x</script> | pipe"})
    first = render_markdown(brief).splitlines()[0]
    assert first == r"# {{ 7\*7 }} \<script\>x\</script\> \| pipe"


def test_prose_is_markdown_but_raw_html_is_shown_as_text(minimal: Brief) -> None:
    brief = minimal.model_copy(update={"background": "*Seen* <i>raw</i>"})
    text = render_markdown(brief)
    assert "## Background\n\n*Seen* &lt;i>raw&lt;/i>\n" in text


def write_template(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_user_template_overrides_one_section(minimal: Brief, tmp_path: Path) -> None:
    folder = write_template(tmp_path / "t", "bluf.md.j2", "## BLUF\n\n{{ brief.bluf }}\n")
    text = render_markdown(minimal, folder)
    assert "## BLUF\n\nThe coalition denied the strike.\n\n## Key judgments" in text


def test_undefined_variable_is_an_error(minimal: Brief, tmp_path: Path) -> None:
    folder = write_template(tmp_path / "u", "bluf.md.j2", "{{ brief.no_such_field }}\n")
    with pytest.raises(RenderError) as caught:
        render_markdown(minimal, folder)
    assert str(caught.value) == (f"{folder / 'bluf.md.j2'}:1:1: template error while rendering "
                                 "minimal: 'dict object' has no attribute 'no_such_field'")


def test_sandbox_refuses_python_internals(minimal: Brief, tmp_path: Path) -> None:
    folder = write_template(tmp_path / "s", "bluf.md.j2", "{{ ''.__class__.__mro__ }}\n")
    with pytest.raises(RenderError, match="access to attribute '__class__' of 'str' object "
                                          "is unsafe"):
        render_markdown(minimal, folder)


def test_user_templates_are_sandboxed_and_the_default_ones_are_not(
        minimal: Brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sandboxed templates compile to other code than plain ones: each kind keeps its own
    bytecode cache, or one would load the other's and fail."""
    monkeypatch.setenv("BRIEFGEN_CACHE", str(tmp_path / "cache"))
    make_environment.cache_clear()
    folder = write_template(tmp_path / "k", "bluf.md.j2", "## BLUF\n\n{{ brief.bluf }}\n")
    sandboxed = render_markdown(minimal, folder)
    plain = render_markdown(minimal)
    assert sandboxed == plain.replace("## Bottom line\n", "## BLUF\n")
    assert isinstance(make_environment(folder.resolve()), ImmutableSandboxedEnvironment)
    assert not isinstance(make_environment(None), SandboxedEnvironment)
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [
        f"jinja-{jinja2.__version__}-plain", f"jinja-{jinja2.__version__}-sandboxed-{CODE_VERSION}"]
    make_environment.cache_clear()


def test_template_syntax_error_names_file_and_line(minimal: Brief, tmp_path: Path) -> None:
    folder = write_template(tmp_path / "e", "bluf.md.j2", "ok\n{% if %}\n")
    with pytest.raises(RenderError) as caught:
        render_markdown(minimal, folder)
    assert str(caught.value).startswith(f"{folder / 'bluf.md.j2'}:2:1: template syntax error:")


LEAKS = (":::", "{custom-style", "{.", "<!--")
"""Markup that shows as text where a viewer does not know pandoc's extensions."""


@pytest.mark.parametrize("path", ALL_BRIEFS, ids=lambda p: p.stem)
def test_github_renders_every_brief_without_leaked_markup(path: Path) -> None:
    markdown = render_markdown(load_any(path))
    shown = github_text(markdown)
    assert [leak for leak in LEAKS if leak in shown] == []
    html = github_html(markdown)
    # the notes and tables are GitHub's own footnotes and tables, not text
    assert html.count("<table>") == markdown.count("\n|:--")
    assert 'data-footnote-ref' in html and 'class="footnotes"' in html
    assert "[^" not in shown


@pytest.mark.parametrize("path", ALL_BRIEFS, ids=lambda p: p.stem)
def test_every_footnote_is_cited_and_every_citation_defined(path: Path) -> None:
    markdown = render_markdown(load_any(path))
    defined = set(re.findall(r"^\[\^([^\]]+)\]:", markdown, flags=re.M))
    cited = set(re.findall(r"\[\^([^\]]+)\](?!:)", markdown))
    assert defined == cited


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
@pytest.mark.parametrize("reader", ["gfm", "markdown"])
def test_pandoc_reads_every_brief_without_a_warning(reader: str, tmp_path: Path) -> None:
    from briefgen.build import build_briefs

    assert build_briefs(ALL_BRIEFS, tmp_path, ["md"], jobs=1).failed == []
    for path in ALL_BRIEFS:
        source = tmp_path / f"{path.stem}.md"  # its chart beside it, as the build writes it
        result = subprocess.run(
            ["pandoc", "-f", reader, "-t", "docx", "-o", str(tmp_path / "x.docx"), source.name],
            capture_output=True, text=True, check=False, cwd=tmp_path)
        assert (result.returncode, result.stderr) == (0, ""), path.name


def test_the_title_block_gives_the_current_revision_and_what_changed() -> None:
    text = render_markdown(load_any(DATA / "valid" / "revised.yaml"))
    assert ("<!-- style: Date -->\nTLP:CLEAR · Revision 2, 25 November 2026\n<!-- /style -->\n\n"
            "*Changes in this revision:* New casualty count. *Approved by duty editor.*\n") in text
