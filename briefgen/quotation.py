"""Quotations in a paragraph as news pages mark them: “…”, "…", «…», ‘…’ and the ``…'' of old
wire copy, with the marks that pages typed by hand get wrong."""

from __future__ import annotations

import re

OPEN_CLOSE = {"“": "”", '"': '"', "«": "»", "‘": "’", "``": "''", "''": "''", "”": "”"}
OPENERS = {"‘": r"(?<!\w)‘", "''": r"(?<![\w'])''(?=[\w(])", "”": r"(?:^|(?<=\s))”(?=[\w(\[])"}
"""A ‘ that opens a quotation begins a word: not 'Ukraine‘s', a mark typed for an apostrophe;
so does '' as old wire copy opens quotations ('' or ``)."""
CLOSERS = {"“": r"”|’’|''|(?<=\S)“(?=[\s,.;:!?]|$)|(?<=[\w,.!?])\"(?=[\s,.;:!?]|$)",
           "‘": r"’(?=[\s,.;:!?—–-]|$)",
           "``": r"''|″|”", "''": r"''(?=[\s,.;:!?]|$)|(?<=[.!?,])''"}
"""What closes a quotation opened with “ on pages typed by hand: ”, or ’’, or a second “ or a
straight " that stands where a closing mark does ('monastery,“ he said'); one opened with ‘,
as some papers quote, closes with a ’ that ends a word and is no apostrophe ('don’t')."""


def find_quotations(paragraph: str) -> list[tuple[int, int, str]]:
    """(start, end, words) of each quotation in a paragraph, in order; the last one may be
    left open to the paragraph's end."""
    found = []
    for opener, closer in OPEN_CLOSE.items():
        closing = CLOSERS.get(opener, re.escape(closer))
        opening = OPENERS.get(opener, re.escape(opener))
        other = (f"[^{re.escape(opener)}]" if len(opener) == 1
                 else f"(?!{re.escape(opener)}).")
        pattern = re.compile(opening + rf"(?P<q>(?:(?!{closing}){other}){{12,}}?)(?:{closing})")
        taken = 0
        for match in pattern.finditer(paragraph):
            found.append((match.start(), match.end(), match.group("q").strip().rstrip(",")))
            taken = match.end()
        rest = paragraph[taken:]
        still_open = re.search(opening, rest)
        if still_open is not None and not re.search(closing, rest[still_open.end():]) \
                and opener not in rest[still_open.end():]:
            words = rest[still_open.end():].strip()
            if len(words) >= 12:
                found.append((taken + still_open.start(), len(paragraph), words.rstrip(",")))
    return sorted(q for q in found if not any(o[0] < q[0] < o[1] for o in found))  # ‘ in “
