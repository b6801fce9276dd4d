"""Markdown as a syntax tree: pyromark's events (pulldown-cmark, CommonMark with
GitHub's tables and footnotes) gathered into nodes that the writers walk.

A node has a ``name``, a ``meta`` mapping and ``children``. Block names: ``paragraph``,
``heading`` (``level``), ``bullet_list``, ``ordered_list`` (``start``), ``list_item``,
``blockquote``, ``table`` (``alignments``) holding ``thead`` and ``tbody`` of ``trow`` of
``tcell``, ``code_block`` (``content``), ``html_block`` (``content``), ``hr`` and
``footnote_def`` (``label``). Inline names: ``text`` (``content``), ``softbreak``,
``hardbreak``, ``code_inline`` (``content``), ``html_inline`` (``content``), ``em``,
``strong``, ``link`` (``url``), ``image`` (``url``) and ``footnote_ref`` (``label``). A tight
list's items hold their inline nodes directly, as in pulldown-cmark.
"""

from __future__ import annotations

import re
from typing import Any

import pyromark

OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_FOOTNOTES
"""CommonMark with GitHub's tables and footnotes: what GitHub renders, and no more."""

BLOCKS = frozenset(("paragraph", "heading", "bullet_list", "ordered_list", "blockquote",
                    "table", "code_block", "hr", "html_block", "footnote_def"))
"""The names of block nodes; every other name is inline."""

_CUE = re.compile(r"^<!--\s*(/?)\s*(style|contents)\s*(?::\s*([^\n>]*?))?\s*-->\s*$")


class Block:
    """A node of the syntax tree."""

    __slots__ = ("children", "meta", "name")

    def __init__(self, name: str, meta: dict[str, Any] | None = None) -> None:
        self.name = name
        self.meta: dict[str, Any] = meta if meta is not None else {}
        self.children: list[Block] = []

    def __repr__(self) -> str:
        return f"Block({self.name!r}, {self.meta!r}, {len(self.children)} children)"


_SIMPLE_STARTS = {"Paragraph": "paragraph", "Item": "list_item", "Emphasis": "em",
                  "Strong": "strong", "TableHead": "thead", "TableRow": "trow",
                  "TableCell": "tcell", "HtmlBlock": "html_block"}
_LEAVES = {"Text": "text", "Code": "code_inline", "InlineHtml": "html_inline",
           "Html": "html", "FootnoteReference": "footnote_ref"}


def parse_markdown(text: str) -> Block:
    """The tree of ``text``, its root named ``root``."""
    root = Block("root")
    stack = [root]
    for event in pyromark.events(text, options=OPTIONS):
        if isinstance(event, str):  # SoftBreak, HardBreak, Rule
            stack[-1].children.append(Block("hr" if event == "Rule" else event.lower()))
        elif "Start" in event:
            block = start_block(event["Start"])
            stack[-1].children.append(block)
            stack.append(block)
        elif "End" in event:
            finish_block(stack.pop())
        else:
            (kind, value), = event.items()
            add_leaf(stack[-1], kind, value)
    return root


def start_block(tag: Any) -> Block:
    """The node that a Start event opens."""
    if isinstance(tag, str):
        return Block(_SIMPLE_STARTS.get(tag, tag.lower()))
    (kind, value), = tag.items()
    if kind == "Heading":
        return Block("heading", {"level": int(value["level"][1:])})
    if kind == "List":
        return (Block("ordered_list", {"start": int(value)}) if value is not None
                else Block("bullet_list"))
    if kind == "BlockQuote":
        return Block("blockquote")
    if kind == "CodeBlock":
        return Block("code_block", {"content": ""})
    if kind == "Table":
        return Block("table", {"alignments": [str(a).lower() for a in value]})
    if kind in ("Link", "Image"):
        url = str(value["dest_url"])
        if value["link_type"] == "Email":
            url = "mailto:" + url
        return Block(kind.lower(), {"url": url, "title": str(value["title"])})
    if kind == "FootnoteDefinition":
        return Block("footnote_def", {"label": str(value).lower()})
    return Block(kind.lower())


def finish_block(block: Block) -> None:
    """Fold leaf text into the nodes that keep it as ``content``; give a table its header
    row and its body (pulldown-cmark puts the header's cells and the body's rows straight
    into the table)."""
    if block.name in ("code_block", "html_block"):
        block.meta["content"] = "".join(str(c.meta.get("content", "")) for c in block.children)
        block.children = []
    elif block.name == "table":
        head, body = Block("thead"), Block("tbody")
        for child in block.children:
            if child.name == "thead":
                row = Block("trow")
                row.children = child.children
                head.children.append(row)
            else:
                body.children.append(child)
        block.children = [head, body]


def add_leaf(parent: Block, kind: str, value: Any) -> None:
    name = _LEAVES.get(kind, kind.lower())
    meta = {"label": str(value).lower()} if name == "footnote_ref" else {"content": str(value)}
    parent.children.append(Block(name, meta))


def slugify(text: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to '-'."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def cue_of(node: Block) -> tuple[str, str] | None:
    """The style cue an HTML comment block gives, if it is one: ``("style", NAME)``,
    ``("contents", "")``, or ``("close", KIND)`` for ``<!-- /style -->``.

    Templates mark paragraphs for the Word writer with comments, which Markdown viewers do
    not show: ``<!-- style: Subtitle -->`` ... ``<!-- /style -->`` sets a paragraph style
    (as pandoc's ``custom-style`` divs do), ``<!-- contents -->`` ... ``<!-- /contents -->``
    marks the contents list. Prose cannot write them: its raw HTML is shown as text."""
    if node.name != "html_block":
        return None
    match = _CUE.match(str(node.meta.get("content", "")).strip())
    if match is None:
        return None
    closing, kind, value = match.groups()
    if closing:
        return ("close", kind)
    if kind == "style":
        return ("style", (value or "").strip()) if value and value.strip() else None
    return ("contents", "")
