"""Two syntax trees of a brief merged into one that shows what changed: the tree the Word
redline is written from.

Blocks are aligned by what they show (their kind and text, footnote labels and link targets
included); a block that is in both with other words is merged word by word, so a paragraph,
a list item, a table cell or a footnote holds new inline nodes named ``ins`` and ``del``
around the words added and removed. A block, list item or table row that is only in one of
the two carries ``meta["change"]`` (``ins`` or ``del``) and is written whole as a tracked
insertion or deletion. Footnote definitions of the new brief stay as they are; those of the
old one follow them with ``meta["side"] = "old"``, so the writer can diff each note as it
is cited. The contents list is the new brief's.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from briefgen.syntax import BLOCKS, Block, cue_of

__all__ = ["merge_inline", "merge_trees", "signature"]

_WORDS = re.compile(r"\s+|[^\s\w]|\w+")
"""Text cut into spaces, single punctuation marks and words: what a revision marks."""
_VISIBLE = re.compile(r"[^\s\w]|\w+")
"""Words and punctuation, without the spaces: what two blocks must share to be alike."""
WRAPPERS = frozenset(("strong", "em", "link", "image"))
"""Inline nodes that hold others and give them their look."""

Token = tuple[tuple[Block, ...], Block]
"""A leaf (a word, a space, a footnote reference, ...) and the wrappers it sits in."""


def merge_trees(old: Block, new: Block) -> Block:
    """The new tree with the changes since ``old`` marked."""
    old_body = [c for c in old.children if c.name != "footnote_def"]
    new_body = [c for c in new.children if c.name != "footnote_def"]
    root = Block("root", dict(new.meta))
    root.children = merge_blocks(without_contents(old_body), keep_contents(new_body))
    root.children += [c for c in new.children if c.name == "footnote_def"]
    for definition in old.children:
        if definition.name == "footnote_def":
            copy = Block(definition.name, {**definition.meta, "side": "old"})
            copy.children = definition.children
            root.children.append(copy)
    return root


def mark_contents(blocks: Sequence[Block]) -> list[tuple[Block, bool]]:
    """Each block, and whether it lies inside the contents list (between its cues)."""
    marked, inside = [], False
    for block in blocks:
        cue = cue_of(block)
        if cue == ("contents", ""):
            inside = True
        elif cue == ("close", "contents"):
            inside = False
        else:
            marked.append((block, inside))
            continue
        marked.append((block, False))
    return marked


def keep_contents(blocks: Sequence[Block]) -> list[Block]:
    """The blocks, those of the contents list marked to be kept as they are."""
    return [with_meta(block, keep=True) if inside else block
            for block, inside in mark_contents(blocks)]


def without_contents(blocks: Sequence[Block]) -> list[Block]:
    """The old blocks without the contents list's (the new one is kept whole)."""
    return [block for block, inside in mark_contents(blocks) if not inside]


def with_meta(block: Block, **meta: object) -> Block:
    """A shallow copy of ``block`` with ``meta`` added."""
    copy = Block(block.name, {**block.meta, **meta})
    copy.children = block.children
    return copy


def signature(node: Block) -> str:
    """What a node shows, for alignment: its kind, text, note labels and link targets."""
    name = node.name
    if name in ("text", "code_inline", "html_inline", "code_block", "html_block"):
        return str(node.meta.get("content", ""))
    if name == "softbreak":
        return " "
    if name == "hardbreak":
        return "\n"
    if name == "footnote_ref":
        return f"[^{node.meta.get('label', '')}]"
    inner = ("|" if name == "trow" else "").join(signature(child) for child in node.children)
    if name in ("link", "image"):
        return f"[{inner}]({node.meta.get('url', '')})"
    if name in WRAPPERS:
        return f"<{name}>{inner}</{name}>"
    return inner


def kind_of(node: Block) -> str:
    """A block's kind: its name, a heading's level, a list's numbering."""
    if node.name == "heading":
        return f"heading{node.meta.get('level', 1)}"
    return node.name


def merge_blocks(old: Sequence[Block], new: Sequence[Block]) -> list[Block]:
    """A sequence of blocks aligned: the same ones kept, the changed ones merged, the rest
    marked whole."""
    out: list[Block] = []
    matcher = difflib.SequenceMatcher(None, [kind_of(b) + signature(b) for b in old],
                                      [kind_of(b) + signature(b) for b in new],
                                      autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += new[j1:j2]
        else:
            out += pair_blocks(old[i1:i2], new[j1:j2])
    return out


def pair_blocks(old: Sequence[Block], new: Sequence[Block]) -> list[Block]:
    """Blocks that differ: paired by kind in order and merged; the unpaired marked whole
    (old ones first)."""
    out: list[Block] = []
    kept = [b for b in new if b.meta.get("keep")]
    if kept:  # the contents list: the new one as it is, the blocks around it paired
        rest = pair_blocks(old, [b for b in new if not b.meta.get("keep")])
        return kept + rest if new[0].meta.get("keep") else rest + kept
    matcher = difflib.SequenceMatcher(None, [kind_of(b) for b in old],
                                      [kind_of(b) for b in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for a, b in zip(old[i1:i2], new[j1:j2], strict=True):
                out += (merge_pair(a, b) if alike(a, b)
                        else [*removed([a]), with_meta(b, change="ins")])
        else:
            out += removed(old[i1:i2])
            out += [with_meta(b, change="ins") for b in new[j1:j2]]
    return out


def alike(old: Block, new: Block) -> bool:
    """Whether two blocks of one kind are one block revised rather than one removed and
    another added: lists, quotes and tables always are; a paragraph, item or row is where
    half its text is kept."""
    if old.name in ("bullet_list", "ordered_list", "blockquote", "table"):
        return True
    matcher = difflib.SequenceMatcher(None, _VISIBLE.findall(shown(old)),
                                      _VISIBLE.findall(shown(new)), autojunk=False)
    return matcher.ratio() >= SIMILAR


def shown(node: Block) -> str:
    """A block's signature without the marks of its wrappers and links' targets."""
    return _LINK_TARGET.sub("]", _WRAPPER_MARK.sub("", signature(node)))


_WRAPPER_MARK = re.compile(r"</?(?:strong|em)>")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
SIMILAR = 0.5
"""How much of a block's words must be kept for it to be shown revised word by word."""


def merge_pair(old: Block, new: Block) -> list[Block]:
    """Two blocks of one kind: the new one's words with the changes marked, or (a code
    block, raw HTML, a table of other columns) the old one deleted and the new inserted."""
    merged = Block(new.name, dict(new.meta))
    name = new.name
    if name in ("paragraph", "heading", "tcell", "inline"):
        merged.children = merge_inline(old.children, new.children)
    elif name in ("bullet_list", "ordered_list", "blockquote"):
        merged.children = merge_blocks(old.children, new.children)
    elif name == "list_item":
        merged.children = merge_item(old.children, new.children)
    elif name == "trow" and len(old.children) == len(new.children):
        merged.children = [cell for a, b in zip(old.children, new.children, strict=True)
                           for cell in merge_pair(a, b)]
    elif name == "table" and table_width(old) == table_width(new):
        merged.children = merge_table(old, new)
    else:
        return [*removed([old]), with_meta(new, change="ins")]
    return [merged]


def removed(blocks: Sequence[Block]) -> list[Block]:
    """Blocks only the old revision has, marked deleted; the templates' style cues among
    them dropped (they show nothing, and an old cue left open would style the new text)."""
    return [with_meta(b, change="del") for b in blocks if cue_of(b) is None]


def table_width(table: Block) -> int:
    rows = [row for section in table.children for row in section.children]
    return len(rows[0].children) if rows else 0


def merge_table(old: Block, new: Block) -> list[Block]:
    """The header rows and the body rows of two tables aligned, rows in both merged cell by
    cell, the others marked whole."""
    sections = []
    for before, after in zip(old.children, new.children, strict=True):
        section = Block(after.name, dict(after.meta))
        section.children = merge_blocks(before.children, after.children)
        sections.append(section)
    return sections


def merge_item(old: Sequence[Block], new: Sequence[Block]) -> list[Block]:
    """A list item's children: its inline text merged word by word, nested blocks
    aligned."""
    old_blocks, new_blocks = group_inline(old), group_inline(new)
    out: list[Block] = []
    for block in merge_blocks(old_blocks, new_blocks):
        if block.name != "inline":
            out.append(block)
        elif block.meta.get("change"):
            out.append(wrap(str(block.meta["change"]), block.children))
        else:
            out += block.children
    return out


def group_inline(children: Sequence[Block]) -> list[Block]:
    """A list item's children with each stretch of inline nodes gathered in one node
    named ``inline``."""
    out: list[Block] = []
    for child in children:
        if child.name in BLOCKS:
            out.append(child)
        elif out and out[-1].name == "inline":
            out[-1].children.append(child)
        else:
            group = Block("inline")
            group.children.append(child)
            out.append(group)
    return out


def wrap(change: str, children: list[Block]) -> Block:
    node = Block(change)
    node.children = children
    return node


# --- word by word -------------------------------------------------------------------------


def merge_inline(old: Sequence[Block], new: Sequence[Block]) -> list[Block]:
    """Inline nodes merged word by word: the new ones, with ``del`` nodes holding the words
    only ``old`` has and ``ins`` nodes those only ``new`` has."""
    before, after = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, [token_key(t) for t in before],
                                      [token_key(t) for t in after], autojunk=False)
    marked: list[tuple[tuple[Block, ...], Block, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            marked += [(path, leaf, "") for path, leaf in after[j1:j2]]
            continue
        marked += [(path, leaf, "del") for path, leaf in before[i1:i2]]
        marked += [(path, leaf, "ins") for path, leaf in after[j1:j2]]
    return rebuild(marked, 0)


def tokens(nodes: Sequence[Block], path: tuple[Block, ...] = ()) -> list[Token]:
    """The leaves of inline nodes, text cut into words, each with its wrappers."""
    out: list[Token] = []
    for node in nodes:
        if node.name in WRAPPERS or node.name in ("ins", "del"):
            out += tokens(node.children, (*path, node))
        elif node.name == "text":
            out += [(path, Block("text", {"content": word}))
                    for word in _WORDS.findall(str(node.meta.get("content", "")))]
        else:
            out.append((path, node))
    return out


def wrapper_key(node: Block) -> str:
    return f"{node.name} {node.meta.get('url', '')}"


def token_key(token: Token) -> str:
    path, leaf = token
    return "/".join(wrapper_key(node) for node in path) + "|" + leaf.name + signature(leaf)


def rebuild(marked: list[tuple[tuple[Block, ...], Block, str]], depth: int) -> list[Block]:
    """Marked leaves back into a tree: neighbours in the same wrapper share one, words of
    one change share one ``ins`` or ``del`` inside the innermost wrapper."""
    out: list[Block] = []
    index = 0
    while index < len(marked):
        path, _, change = marked[index]
        end = index + 1
        if len(path) > depth:
            key = wrapper_key(path[depth])
            while end < len(marked) and len(marked[end][0]) > depth \
                    and wrapper_key(marked[end][0][depth]) == key:
                end += 1
            wrapper = Block(path[depth].name, dict(path[depth].meta))
            wrapper.children = rebuild(marked[index:end], depth + 1)
            out.append(wrapper)
        else:
            while end < len(marked) and len(marked[end][0]) == depth \
                    and marked[end][2] == change:
                end += 1
            leaves = join_text([item[1] for item in marked[index:end]])
            out += [wrap(change, leaves)] if change else leaves
        index = end
    return out


def join_text(leaves: list[Block]) -> list[Block]:
    """Neighbouring text leaves as one."""
    out: list[Block] = []
    for leaf in leaves:
        if leaf.name == "text" and out and out[-1].name == "text":
            out[-1] = Block("text", {"content": str(out[-1].meta["content"])
                                     + str(leaf.meta.get("content", ""))})
        else:
            out.append(leaf)
    return out
