"""The redline: a brief written from the tree that ``briefgen.redline`` merges from two
revisions, its changes as Word tracked changes.

The run writer puts the words of an ``ins`` or ``del`` node in ``w:ins`` or ``w:del`` (inside
a hyperlink where they are in one); the block writer lists the paragraphs and table rows of
blocks added or removed whole (``Writer.changed``), which ``finish`` marks: every run
wrapped, the paragraph mark tracked (``w:pPr/w:rPr/w:ins``), a row tracked
(``w:trPr/w:ins``). ``finish`` then gives every revision its id, author and date, and turns
deleted text into ``w:delText``, as WordprocessingML wants. Footnotes are diffed as they are
cited, so a note that both revisions cite shows its own changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefgen.redline import merge_inline
from briefgen.render.docx.notes import lead_of
from briefgen.render.docx.oxml import W_ID
from briefgen.syntax import Block

if TYPE_CHECKING:
    from briefgen.render.docx.blocks import Writer

W_INS, W_DEL, W_R, W_P = qn("w:ins"), qn("w:del"), qn("w:r"), qn("w:p")
W_HYPERLINK, W_PPR, W_RPR, W_TRPR = qn("w:hyperlink"), qn("w:pPr"), qn("w:rPr"), qn("w:trPr")
W_AUTHOR, W_DATE = qn("w:author"), qn("w:date")
_DELETED = {qn("w:t"): qn("w:delText"), qn("w:instrText"): qn("w:delInstrText")}


class RevisedNotes:
    """The notes of both revisions, each cited note the old one merged with the new one
    (each as that revision would show it: in full, or short where it is cited again)."""

    def __init__(self, tree: Block) -> None:
        self.old: dict[str, Sequence[Block]] = {}
        self.new: dict[str, Sequence[Block]] = {}
        for node in tree.children:
            if node.name == "footnote_def":
                side = self.old if node.meta.get("side") == "old" else self.new
                paragraphs = [c for c in node.children if c.name == "paragraph"]
                side.setdefault(str(node.meta.get("label", "")),
                                paragraphs[0].children if paragraphs else [])
        self.cited_old: set[str] = set()
        self.cited_new: set[str] = set()

    def note(self, key: str, change: str) -> Sequence[Block]:
        """What the note cited as ``key`` shows; ``change`` says whether the citation is only
        in the new revision (``ins``) or only in the old one (``del``)."""
        old = None if change == "ins" else view(self.old, self.cited_old, key)
        new = None if change == "del" else view(self.new, self.cited_new, key)
        if old is None:
            return new or []
        if new is None:
            return old
        return merge_inline(old, new)


def view(notes: dict[str, Sequence[Block]], cited: set[str], key: str) -> Sequence[Block]:
    children = notes.get(key, [])
    if key in cited:
        children = lead_of(children) or children
    cited.add(key)
    return children


def finish(writer: Writer, author: str, date: str) -> int:
    """Mark the blocks added or removed whole, and stamp every revision of the body and the
    footnotes; the number of revisions."""
    for element, change in writer.changed:
        if element.tag == W_P:
            mark_paragraph(element, change)
        else:
            mark_row(element, change)
    roots = [writer.body]
    if writer.notes.part is not None:
        roots.append(writer.notes.part.element)
    number = 1 + max((int(b.get(W_ID)) for root in roots
                      for b in root.iter(qn("w:bookmarkStart"))), default=0)
    first = number
    for root in roots:
        for revision in root.iter(W_INS, W_DEL):
            revision.set(W_ID, str(number))
            revision.set(W_AUTHOR, author)
            revision.set(W_DATE, date)
            number += 1
            if revision.tag == W_DEL:
                for text in revision.iter(*_DELETED):
                    text.tag = _DELETED[text.tag]
    return number - first


def mark_paragraph(p: Any, change: str) -> None:
    """A paragraph added or removed whole: its runs in one revision, its mark tracked."""
    wrap_runs(p, change)
    p_pr = p.find(W_PPR)
    if p_pr is None:
        p_pr = OxmlElement("w:pPr")
        p.insert(0, p_pr)
    r_pr = p_pr.find(W_RPR)
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        p_pr.append(r_pr)
    r_pr.insert(0, OxmlElement(f"w:{change}"))


def wrap_runs(container: Any, change: str) -> None:
    """Each stretch of runs of ``container`` (and of its hyperlinks) in ``w:ins`` or
    ``w:del``."""
    group = None
    for child in list(container):
        if child.tag == W_R:
            if group is None:
                group = OxmlElement(f"w:{change}")
                child.addprevious(group)
            group.append(child)
            continue
        group = None
        if child.tag == W_HYPERLINK:
            wrap_runs(child, change)


def mark_row(tr: Any, change: str) -> None:
    """A table row added or removed whole: tracked in its properties, its cells' text
    too."""
    tr_pr = tr.find(W_TRPR)
    if tr_pr is None:
        tr_pr = OxmlElement("w:trPr")
        first = tr.find(qn("w:tc"))
        if first is not None:
            first.addprevious(tr_pr)
        else:
            tr.append(tr_pr)
    tr_pr.append(OxmlElement(f"w:{change}"))
    for p in tr.iter(W_P):
        mark_paragraph(p, change)
