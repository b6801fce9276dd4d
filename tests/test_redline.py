"""The Word redline: the new brief with its changes as tracked changes. Accepting every
change gives the new brief's text, rejecting every change the old one's, part by part."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from test_diff import BRIEF, run, versions  # noqa: F401  (the fixture)

from briefgen.build import diff_file
from briefgen.load import load_brief
from briefgen.redline import merge_inline, merge_trees
from briefgen.render.docx import render_docx, render_redline
from briefgen.render.markdown import render_markdown
from briefgen.syntax import parse_markdown
from conftest import ROOT, SHARED_TOOLS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CHECK = SHARED_TOOLS / "check_docx.py"


def parts(data: bytes) -> tuple[Any, Any]:
    """The body and the footnotes of a .docx, parsed."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        notes = (package.read("word/footnotes.xml") if "word/footnotes.xml" in
                 package.namelist() else b"<none/>")
        return etree.fromstring(package.read("word/document.xml")), etree.fromstring(notes)


def resolve(root: Any, keep: str) -> None:
    """Every change accepted (``keep="ins"``) or rejected (``keep="del"``), as Word does:
    the kept kind unwrapped, the other dropped, with the paragraphs and rows it made."""
    drop = "del" if keep == "ins" else "ins"
    for mark in list(root.iter(f"{W}{drop}")):
        holder = mark.getparent()
        if holder.tag == f"{W}rPr" and holder.getparent().tag == f"{W}pPr":
            paragraph = holder.getparent().getparent()
            paragraph.set("dropped", "1")
        elif holder.tag == f"{W}trPr":
            holder.getparent().getparent().remove(holder.getparent())
            continue
        holder.remove(mark)
    for mark in list(root.iter(f"{W}{keep}")):
        holder = mark.getparent()
        index = holder.index(mark)
        for child in reversed(list(mark)):
            holder.insert(index, child)
        holder.remove(mark)
    for text in root.iter(f"{W}delText"):
        text.tag = f"{W}t"
    for paragraph in list(root.iter(f"{W}p")):
        if paragraph.get("dropped"):
            assert text_of(paragraph) == "", text_of(paragraph)
            paragraph.getparent().remove(paragraph)


def text_of(paragraph: Any) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))


def texts(body: Any, notes: Any) -> tuple[list[str], list[str]]:
    """The body's paragraphs' text, and the text of each note in the order it is cited."""
    by_id = {note.get(f"{W}id"): "".join(text_of(p) for p in note.iter(f"{W}p"))
             for note in notes.iter(f"{W}footnote")}
    cited = [by_id[ref.get(f"{W}id")] for ref in body.iter(f"{W}footnoteReference")]
    return [text_of(p) for p in body.iter(f"{W}p")], cited


@pytest.fixture
def redline(versions: tuple[Path, Path, str], tmp_path: Path) -> Path:  # noqa: F811
    old, new, _ = versions
    target = tmp_path / "redline.docx"
    assert diff_file(new, old, output=target) is None
    return target


def word_text(path: Path) -> tuple[list[str], list[str]]:
    brief = load_brief(path)
    return texts(*parts(render_docx(brief, render_markdown(brief))))


@pytest.mark.parametrize("keep", ["ins", "del"])
def test_accepting_gives_the_new_brief_and_rejecting_the_old(
        versions: tuple[Path, Path, str], redline: Path, keep: str) -> None:  # noqa: F811
    body, notes = parts(redline.read_bytes())
    resolve(body, keep)
    resolve(notes, keep)
    paragraphs, cited = texts(body, notes)
    want_paragraphs, want_cited = word_text(versions[1 if keep == "ins" else 0])
    assert paragraphs == want_paragraphs
    assert cited == want_cited


def test_each_change_is_a_revision_with_author_and_date(redline: Path) -> None:
    body, notes = parts(redline.read_bytes())
    marks = [*body.iter(f"{W}ins", f"{W}del"), *notes.iter(f"{W}ins", f"{W}del")]
    ids = [mark.get(f"{W}id") for mark in marks]
    bookmarks = {mark.get(f"{W}id") for mark in body.iter(f"{W}bookmarkStart")}
    assert len(set(ids)) == len(ids) and not bookmarks & set(ids)
    assert {(m.get(f"{W}author"), m.get(f"{W}date")) for m in marks} == {
        ("briefgen editors", "2026-11-21T00:00:00Z")}
    deleted = " ".join(t.text for t in body.iter(f"{W}delText"))
    inserted = " ".join(t.text for m in body.iter(f"{W}ins") for t in m.iter(f"{W}t"))
    assert "35" in deleted and "Unlikely" in deleted and "Extra Wire" in deleted
    assert "36" in inserted and "Roughly even chance" in inserted
    assert "No spokesman for the Revolutionary Guards" in inserted
    assert not [t for m in body.iter(f"{W}del") for t in m.iter(f"{W}t")]
    assert body.findall(f".//{W}pPr/{W}rPr/{W}del"), "the removed source's paragraph mark"


def test_the_same_input_gives_the_same_bytes(versions: tuple[Path, Path, str],  # noqa: F811
                                             redline: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.docx"
    diff_file(versions[1], versions[0], output=again)
    assert again.read_bytes() == redline.read_bytes()


@pytest.mark.skipif(not CHECK.exists(), reason="the shared check_docx.py is not here")
def test_the_redline_passes_the_strict_check(redline: Path) -> None:
    done = subprocess.run([sys.executable, str(CHECK), "--strict", str(redline)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


TABLE = "| Claim | Killed |\n|:--|--:|\n| C1 | 35 |\n| C2 | 7 |\n"


def test_rows_added_and_removed_are_tracked_whole(versions: tuple[Path, Path, str]) -> None:  # noqa: F811
    brief = load_brief(versions[1])
    new = TABLE.replace("35", "36").replace("| C2 | 7 |\n", "| C3 | 68 |\n- a new item\n")
    data = render_redline(brief, "# T\n\n" + TABLE, "# T\n\n" + new, "An Editor",
                          "2026-11-21T00:00:00Z")
    body, _ = parts(data)
    rows = body.findall(f".//{W}tr")
    assert [row.find(f"{W}trPr/{W}{kind}") is not None for row in rows
            for kind in ("ins", "del")] == [False, False, False, False, False, True,
                                            True, False]
    assert [t.text for t in rows[1].iter(f"{W}delText", f"{W}t")] == ["C1", "35", "36"]
    item = body.findall(f"{W}body/{W}p")[-1]
    assert item.find(f"{W}pPr/{W}rPr/{W}ins") is not None
    assert item.find(f"{W}ins/{W}r/{W}t").text == "a new item"


def test_an_old_style_cue_does_not_style_the_new_text() -> None:
    old = parse_markdown("<!-- style: Author -->\nA\n<!-- /style -->\n\nB\n")
    new = parse_markdown("<!-- style: Date -->\nA\n<!-- /style -->\n\nB\n")
    merged = merge_trees(old, new)
    assert [(node.name, node.meta.get("change", "")) for node in merged.children] == [
        ("html_block", "ins"), ("paragraph", ""), ("html_block", ""), ("paragraph", "")]


def test_since_reads_this_repositorys_own_history(tmp_path: Path) -> None:
    known = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{SARSAR_CHANGED}~1"],
                           capture_output=True, check=False)
    if known.returncode:
        pytest.skip("this checkout does not hold the commit (a shallow clone)")
    target = tmp_path / "sarsar.docx"
    brief = str(ROOT / "briefs" / "2019-01-sarsar-lake.yaml")
    summary = run("diff", brief, "--since", f"{SARSAR_CHANGED}~1")
    assert "claim 'pmf-prevented-us-reconnaissance': kind accuses to reports." in summary.stdout
    assert run("diff", brief, "--since", f"{SARSAR_CHANGED}~1", "-o", str(target)).exit_code == 0
    body, _ = parts(target.read_bytes())
    assert "C4" in [t.text for t in body.iter(f"{W}delText")]


SARSAR_CHANGED = "bdc6fec"
"""A commit of this repository that changed the Sarsar lake brief (a claim's kind)."""


def test_words_are_marked_inside_their_wrappers() -> None:
    old = parse_markdown("**Unlikely**, low confidence[^a].").children[0].children
    new = parse_markdown("**Roughly even chance**, low confidence[^b].").children[0].children
    merged = merge_inline(old, new)
    assert [node.name for node in merged] == ["strong", "text", "del", "ins", "text"]
    assert [node.name for node in merged[0].children] == ["del", "ins"]


def test_diff_writes_a_redline_from_the_command_line(versions: tuple[Path, Path, str],  # noqa: F811
                                                     tmp_path: Path) -> None:
    old, new, _ = versions
    target = tmp_path / "changes.docx"
    result = run("diff", str(old), str(new), "-o", str(target))
    assert (result.exit_code, result.stdout) == (0, f"wrote {target}\n")
    assert zipfile.is_zipfile(target)
    bad = run("diff", str(old), str(new), "-o", str(tmp_path / "changes.txt"))
    assert bad.exit_code == 1
    assert "a diff is written as Markdown (.md) or as a Word redline (.docx)" in bad.stderr
def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@t",
                    *args], check=True, capture_output=True)


def test_build_since_writes_a_redline_beside_each_changed_brief(
        versions: tuple[Path, Path, str], tmp_path: Path) -> None:  # noqa: F811
    old, new, _ = versions
    folder = tmp_path / "repo"
    (folder / "briefs").mkdir(parents=True)
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    shutil.copy(old, folder / "briefs" / new.name)
    shutil.copy(ROOT / "briefs" / "2019-01-sarsar-lake.yaml", folder / "briefs")
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-qm", "first")
    shutil.copy(new, folder / "briefs" / new.name)
    shutil.copy(ROOT / "briefs" / "2018-06-albu-kamal-kh.yaml", folder / "briefs")
    shutil.copy(ROOT / "briefs" / "2017-2019-denied-strikes-on-iraqi-militias.yaml",
                folder / "briefs")  # a new comparison: its changes are its incidents'
    out = tmp_path / "out"
    result = run("build", str(folder / "briefs"), "-o", str(out), "-f", "md", "--since", "HEAD")
    assert result.exit_code == 0, result.output
    made = sorted(path.name for path in out.iterdir() if not path.name.startswith("."))
    assert made == ["2017-08-al-tanf-kss.changes.md", "2017-08-al-tanf-kss.chart.png",
                    "2017-08-al-tanf-kss.md", "2017-08-al-tanf-kss.redline.docx",
                    "2017-2019-denied-strikes-on-iraqi-militias.chart.png",
                    "2017-2019-denied-strikes-on-iraqi-militias.md",
                    "2018-06-albu-kamal-kh.changes.md", "2018-06-albu-kamal-kh.chart.png",
                    "2018-06-albu-kamal-kh.md", "2018-06-albu-kamal-kh.redline.docx",
                    "2019-01-sarsar-lake.chart.png", "2019-01-sarsar-lake.md"]
    changes = (out / "2017-08-al-tanf-kss.changes.md").read_text(encoding="utf-8")
    assert "- KSS fighters killed: 35–41+ to 36–41+." in changes
    added = (out / "2018-06-albu-kamal-kh.changes.md").read_text(encoding="utf-8")
    assert added.startswith("# Changes to 2018-06-albu-kamal-kh\n\nNew since HEAD: all of it "
                            "is added.\n\n---\n\n# <ins>")
    body, _ = parts((out / "2018-06-albu-kamal-kh.redline.docx").read_bytes())
    assert not list(body.iter(f"{W}del")) and list(body.iter(f"{W}ins"))
    outside = tmp_path / "outside"
    shutil.copytree(folder / "briefs", outside / "briefs")
    shutil.copytree(ROOT / "seeds", outside / "seeds")
    bad = run("build", str(outside / "briefs"), "-o", str(out), "--since", "HEAD")
    assert bad.exit_code == 1
    assert "not in a git checkout, so --since has no history to read" in bad.stderr


@pytest.mark.parametrize(("old", "new"), [("2019-01-sarsar-lake", "2017-08-al-tanf-kss"),
                                          ("2017-08-al-tanf-kss", "2018-06-albu-kamal-kh")])
def test_even_two_different_briefs_accept_and_reject_exactly(old: str, new: str) -> None:
    """Nearly everything changes: blocks, rows and notes replaced, a few words kept."""
    briefs = [load_brief(ROOT / "briefs" / f"{name}.yaml") for name in (old, new)]
    markdown = [render_markdown(brief) for brief in briefs]
    data = render_redline(briefs[1], markdown[0], markdown[1], "An Editor",
                          "2026-11-21T00:00:00Z", before=briefs[0])
    for keep, want in (("ins", 1), ("del", 0)):
        body, notes = parts(data)
        resolve(body, keep)
        resolve(notes, keep)
        assert texts(body, notes) == texts(*parts(render_docx(briefs[want], markdown[want])))


def test_a_revised_heading_keeps_the_bookmark_of_its_new_text(
        versions: tuple[Path, Path, str]) -> None:  # noqa: F811
    brief = load_brief(versions[1])
    body, _ = parts(render_redline(brief, "# T\n\n## Old name\n", "# T\n\n## New name\n",
                                   "An Editor", "2026-11-21T00:00:00Z"))
    names = [mark.get(f"{W}name") for mark in body.iter(f"{W}bookmarkStart")]
    assert "_Toc_new_name" in names
