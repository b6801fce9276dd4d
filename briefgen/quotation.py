"""Quotations in a paragraph as news pages mark them: “…”, "…", «…», ‘…’ and the ``…'' of old
wire copy, with the marks that pages typed by hand get wrong."""

from __future__ import annotations

import re
from typing import NamedTuple

OPEN_CLOSE = {"“": "”", '"': '"', "«": "»", "‘": "’", "``": "''", "''": "''", "”": "”",
              "″": "″"}
OPENERS = {'"': r'(?:^|(?<=[\s(\[—–:,-])|(?<=[.!?])(?="[A-Z]))"(?=\S)', "‘": r"(?<!\w)‘",
           "''": r"(?<![\w'])''(?=[\w(])", "”": r"(?:^|(?<=\s))”(?=[\w(\[])",
           "“": r"“(?!\s*said\b)", "″": r"(?:^|(?<=[\s(\[—–:,-]))″(?=\S)"}
"""A straight " (and the ″ some archives print for it at both ends) opens a quotation only
before a word and after a space or a dash (or glued to a sentence's full stop before a
capital, 'AFP."The'), so a short quotation ('"several" deaths') is not taken for the opening
of the words after it; a ‘ that opens a quotation begins a word: not 'Ukraine‘s', a mark typed
for an apostrophe; so does '' as old wire copy opens quotations ('' or ``); a “ before 'said'
closes the quotation before it ('"..., “said NAME'), and opens none."""
CLOSERS = {"“": r"”|’’|''|(?<=\S)“(?=[\s,.;:!?]|$)|(?<=[\w,.!?])\"(?=[\s,.;:!?]|$)",
           '"': r'(?<=\S)"|(?<=[\w,.!?])”(?=[\s,.;:!?]|$)|(?<=[,.!?])\s?“(?=\s*said\b)',
           "″": r"(?<=\S)″",
           "‘": r"’(?=[\s,.;:!?—–-]|$)",
           "``": r"''|″|”|(?<=[\w,.!?])``(?=[\s,.;:!?]|$)",
           "''": r"''(?=[\s,.;:!?]|$)|(?<=[.!?,])''"}
"""What closes a quotation opened with “ on pages typed by hand: ”, or ’’, or a second “ or a
straight " that stands where a closing mark does ('monastery,“ he said'); one opened with a
straight " closes with ” where a page mixes them ('"The dead ...,” he said'); one opened with ‘,
as some papers quote, closes with a ’ that ends a word and is no apostrophe ('don’t')."""


class Marks(NamedTuple):
    """One kind of quotation mark, its patterns compiled once: the mark, where it opens,
    where it closes, and a whole quotation between the two."""

    opener: str
    opening: re.Pattern[str]
    closing: re.Pattern[str]
    quotation: re.Pattern[str]


def compile_marks(opener: str, closer: str) -> Marks:
    closing = CLOSERS.get(opener, re.escape(closer))
    opening = OPENERS.get(opener, re.escape(opener))
    other = f"[^{re.escape(opener)}]" if len(opener) == 1 else f"(?!{re.escape(opener)})."
    if opener == '"':  # a word or two quoted inside: '"... were also "neutralized" and ..."'
        other = r'(?:[^"]|(?<=[\s(])"[^"\s][^"]{0,60}?(?<=\S)"(?=[\s,.;:!?)]))'
    return Marks(opener, re.compile(opening), re.compile(closing),
                 re.compile(opening + rf"(?P<q>(?:(?!{closing}){other}){{12,}}?)(?:{closing})"))


MARKS = tuple(compile_marks(opener, closer) for opener, closer in OPEN_CLOSE.items())
SINGLE = Marks("'", re.compile(r"(?:^|(?<=[\s(\[—–:,-]))'(?=[A-Za-z0-9])"),
               re.compile(r"(?<=[\w,.!?])'(?=[\s,.;:!?)—–-]|$)"),
               re.compile(r"(?:^|(?<=[\s(\[—–:,-]))'(?=[A-Za-z0-9])(?P<q>[^']{12,}?)"
                          r"(?<=[\w,.!?])'(?=[\s,.;:!?)—–-]|$)"))
"""Straight single quotes, as some wire copy quotes ('Everyone was burned,' NAME reported):
read only on a page that has no double quotation mark at all, where a ' between letters is
an apostrophe ('the channel's water') and neither opens nor closes."""
DOUBLE = re.compile(r"[“”\"«»″]|``|''")
"""Any double quotation mark: a page that has one quotes with them, its singles apostrophes."""


def find_quotations(paragraph: str, single: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, words) of each quotation in a paragraph, in order; the last one may be
    left open to the paragraph's end. With ``single``, on a page with no double quotation mark
    (see ``DOUBLE``), straight single quotes quote too."""
    found = []
    for marks in (*MARKS, SINGLE) if single else MARKS:
        taken = 0
        for match in marks.quotation.finditer(paragraph):
            found.append((match.start(), match.end(), match.group("q").strip().rstrip(",")))
            taken = match.end()
        rest = paragraph[taken:]
        still_open = marks.opening.search(rest)
        if still_open is not None and not marks.closing.search(rest[still_open.end():]) \
                and marks.opener not in rest[still_open.end():]:
            words = rest[still_open.end():].strip()
            if len(words) >= 12:
                found.append((taken + still_open.start(), len(paragraph), words.rstrip(",")))
    return sorted(q for q in found if not any(o[0] < q[0] < o[1] for o in found))  # ‘ in “
