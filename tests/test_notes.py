"""Fewer, better notes (issue 19): one note per source per claim, list item or table row;
claims in a row on the same sources share theirs; the Word brief keeps its tail together."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from briefgen.load import load_brief
from briefgen.render.context import cite_notes, share_notes
from briefgen.render.docx import render_docx
from briefgen.render.markdown import render_markdown
from conftest import BRIEFS, github_html

AL_TANF = BRIEFS[0]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NEWS, REUTERS, MEI = "news-agencies-2017-08", "reuters-2017-08-08", "mei-2017-08"


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def part_xml(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


def footnote_texts(data: bytes) -> dict[int, str]:
    """The text of each note by its number (the separators left out)."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/footnotes.xml"))
    return {int(note.get(f"{W}id")): "".join(t.text or "" for t in note.iter(f"{W}t"))
            for note in root.findall(f"{W}footnote") if note.get(f"{W}type") is None}


def test_a_run_on_the_same_sources_carries_its_notes_on_the_last_item() -> None:
    cited = [["a"], ["a"], ["b", "a"], ["a", "b"], ["a"], ["c", "c"]]
    assert share_notes(cited) == [[], ["a"], [], ["a", "b"], ["a"], ["c"]]
    assert share_notes([]) == []


def test_cite_notes_writes_each_label_once() -> None:
    assert cite_notes(["a", "b", "a"]) == "[^a][^b]"


def claim_labels(markdown: str) -> dict[str, list[str]]:
    """Each claim's note labels, by its number, from the claims lists."""
    found = {}
    for line in markdown.splitlines():
        claim = re.match(r"- \*\*(C\d+) · ", line)
        if claim:
            found[claim[1]] = re.findall(r"\[\^([^\]]+)\]", line)
    return found


def test_al_tanf_claims_cite_each_source_once_and_runs_share_notes() -> None:
    markdown = render_markdown(load_brief(AL_TANF))
    assert claim_labels(markdown) == {
        # accusations: C2 and C3 rest on one article, C5 and C6 on MEI
        "C1": [REUTERS], "C2": [], "C3": [NEWS], "C4": [REUTERS, NEWS], "C5": [],
        "C6": [MEI],
        "C7": [NEWS], "C8": [REUTERS, MEI],  # claims of responsibility
        "C9": [MEI, REUTERS, NEWS],  # the denial
        "C10": [], "C11": [], "C12": [REUTERS], "C13": [NEWS],  # reports
        "C14": [REUTERS, NEWS], "C15": [REUTERS],  # no comment
    }
    assert ("*Where claims in a row rest on the same sources, the notes follow the last of "
            "them.*") in markdown
    rows = [line for line in markdown.splitlines() if re.match(r"\| C\d+ \|", line)]
    assert [re.findall(r"\[\^([^\]]+)\]", row) for row in rows] == [[], [NEWS], [], [REUTERS]]
    # every definition is still cited, so GitHub shows every note and no unused one
    html = github_html(markdown)
    assert html.count('data-footnote-ref') == markdown.count("[^") - 3
    assert html.count('<li id="fn-') == 3


def test_the_word_brief_has_eighteen_notes_the_first_of_each_source_in_full() -> None:
    data = render_docx(brief := load_brief(AL_TANF), render_markdown(brief))
    notes = footnote_texts(data)
    assert len(notes) == 18  # 22 before issue 19
    full = [number for number, text in notes.items() if "Reliability" in text]
    assert full == [1, 2, 5]  # Reuters, the news-agencies article, MEI: first use each
    assert notes[3] == " Reuters, 8 August 2017."


def test_a_user_template_citing_a_source_twice_in_a_paragraph_gets_one_note(
        tmp_path: Path) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "bluf.md.j2").write_text(
        "## Bottom line\n\n{{ brief.bluf }}{{ cite_notes(['reuters-2017-08-08']) }} Again"
        "{{ cite_notes(['reuters-2017-08-08', 'reuters-2017-08-08']) }}.\n", encoding="utf-8")
    brief = load_brief(AL_TANF)
    markdown = render_markdown(brief, folder)
    line = next(x for x in markdown.splitlines() if x.startswith("An attack on 7 August"))
    assert line.endswith("as its own; the analyst judges it **likely** that Islamic State "
                         "fighters took part and a **roughly even chance** that US or "
                         "coalition aircraft struck.[^reuters-2017-08-08] "
                         "Again[^reuters-2017-08-08].")
    document = open_docx(render_docx(brief, markdown))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("An attack on"))
    assert len(paragraph._p.findall(f".//{W}footnoteReference")) == 1
    assert paragraph.text.endswith("aircraft struck. Again.")


def test_the_sources_list_keeps_its_entries_whole_and_its_last_two_together() -> None:
    brief = load_brief(AL_TANF)
    document = open_docx(render_docx(brief, render_markdown(brief)))
    paragraphs = document.paragraphs
    start = max(n for n, p in enumerate(paragraphs) if p.text == "Sources") + 1
    entries = paragraphs[start:]
    assert [p.text.split(",")[0] for p in entries] == [
        "Publisher not given", "Reuters", "Middle East Institute", "Tasnim News Agency",
        "Amaq"]
    assert [p.paragraph_format.keep_together for p in entries] == [True] * 5
    assert [p.paragraph_format.keep_with_next for p in entries] == [
        None, None, None, True, None]
    # no other list keeps its lines together
    assert [p.text[:12] for p in paragraphs[:start]
            if p.paragraph_format.keep_together] == []


def test_widow_control_is_on_and_table_rows_do_not_split() -> None:
    brief = load_brief(AL_TANF)
    data = render_docx(brief, render_markdown(brief))
    styles = part_xml(data, "word/styles.xml")
    assert re.search(r"<w:pPrDefault><w:pPr><w:widowControl/>", styles)
    document = open_docx(data)
    rows = [row for table in document.tables for row in table.rows]
    assert len(rows) == 8
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)
