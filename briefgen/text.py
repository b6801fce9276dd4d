"""Invisible and look-alike characters: what text means once the tricks are undone.

Three kinds are handled. Bidirectional controls (U+202A-202E, U+2066-2069) reorder the
text after them: one left open in an actor's name runs on over the quote printed after it,
so an unpaired one is an error (a pair that opens and closes is fine). Zero-width characters
(U+200B-200D, U+2060, U+FEFF) are invisible: in a name they make two names that look alike
differ, and in a word they hide it from the ICD 203 word check. Look-alikes (Cyrillic and
Greek letters drawn like Latin ones, full-width and mathematical letters) make a word that
reads as "probably" and is not. ``fold_text`` undoes the last two for comparing words:
NFKC, zero-width removed, the common confusables mapped to Latin, lower case.
"""

from __future__ import annotations

import re
import unicodedata

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
"""Zero-width space, non-joiner, joiner, word joiner and the byte-order mark used as a
zero-width no-break space."""
_ZERO_WIDTH = re.compile(f"[{ZERO_WIDTH}]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_EMBEDDINGS = "\u202a\u202b\u202d\u202e"
"""LRE, RLE, LRO, RLO: closed by PDF (U+202C)."""
_ISOLATES = "\u2066\u2067\u2068"
"""LRI, RLI, FSI: closed by PDI (U+2069), which also closes embeddings left open inside."""
_PDF, _PDI = "\u202c", "\u2069"

CONFUSABLES = str.maketrans({
    # Cyrillic drawn like Latin
    "\u0430": "a", "\u0432": "b", "\u0435": "e", "\u0451": "e", "\u04bb": "h", "\u0456": "i",
    "\u0457": "i", "\u0458": "j", "\u043a": "k", "\u043c": "m", "\u043d": "h", "\u043e": "o",
    "\u0440": "p", "\u0441": "c", "\u0442": "t", "\u0443": "y", "\u0445": "x", "\u0455": "s",
    "\u0501": "d", "\u051b": "q", "\u051d": "w", "\u04cf": "l", "\u0261": "g", "\u044c": "b",
    "\u043f": "n", "\u0433": "r",
    # Greek drawn like Latin
    "\u03b1": "a", "\u03b2": "b", "\u03b5": "e", "\u03b7": "n", "\u03b9": "i", "\u03ba": "k",
    "\u03bd": "v", "\u03bf": "o", "\u03c1": "p", "\u03c4": "t", "\u03c5": "u", "\u03c7": "x",
    "\u03b3": "y", "\u03f2": "c", "\u03f3": "j", "\u03c9": "w",
    # Latin look-alikes
    "\u0131": "i", "\u0237": "j", "\u2113": "l", "\u0251": "a", "\u0269": "i", "\u028f": "y",
})
"""The common confusables (after Unicode's confusables.txt), lower case: upper-case ones are
lowered before the table applies, so that Cyrillic and Latin capital P both read "p"."""


def fold_text(text: str) -> str:
    """``text`` as words are compared: NFKC (full-width and mathematical letters to plain
    ones), zero-width characters removed, lower case, look-alikes folded to Latin."""
    folded = unicodedata.normalize("NFKC", text)
    if _ZERO_WIDTH.search(folded):
        folded = _ZERO_WIDTH.sub("", folded)
    return folded.lower().translate(CONFUSABLES)


def find_zero_width(text: str) -> re.Match[str] | None:
    """The first zero-width character in ``text``, if any."""
    return _ZERO_WIDTH.search(text)


def find_unpaired_bidi(text: str) -> list[int]:
    """The offsets of the bidirectional controls in ``text`` (one line) that are not paired:
    openers left open at its end, and closers with nothing to close."""
    if not _BIDI.search(text):
        return []
    open_at: list[int] = []
    unpaired: list[int] = []
    for match in _BIDI.finditer(text):
        char, at = match.group(), match.start()
        if char in _EMBEDDINGS or char in _ISOLATES:
            open_at.append(at)
        elif char == _PDF:
            if open_at and text[open_at[-1]] in _EMBEDDINGS:
                open_at.pop()
            else:
                unpaired.append(at)
        else:  # PDI: closes the last isolate and the embeddings opened inside it
            isolates = [i for i, start in enumerate(open_at) if text[start] in _ISOLATES]
            if isolates:
                del open_at[isolates[-1]:]
            else:
                unpaired.append(at)
    return sorted(unpaired + open_at)


def describe_bidi(char: str) -> tuple[str, str]:
    """The message and hint for an unpaired bidirectional control."""
    name = unicodedata.name(char, "").lower()
    message = f"unpaired bidirectional control U+{ord(char):04X} ({name})"
    if char in (_PDF, _PDI):
        return message + " closes nothing", "delete it"
    closer = "U+202C" if char in _EMBEDDINGS else "U+2069"
    return (message + " is left open", f"it reorders the text printed after it; delete it, "
            f"or close it with {closer} on the same line")


_NAME_PREFIX = re.compile(r"\b([Aa]l|[Ee]l|[Aa]d|[Aa]s)-(?=[A-Z])")
"""An Arabic article joined to a name: al-Tanf, el-Sisi, ad-Dawla, as-Sadr."""
_NAME_WORD = re.compile(r"\b(Abu|bin)[ \n](?=[A-Z])")
"""Abu and bin, which belong with the name after them: Abu Ala, bin Laden."""
_APOSTROPHE = re.compile(r"(?<=\w)'")
_OPEN_SINGLE = re.compile(r"(?<![\w\\])'(?=\w)")
_OPEN_DOUBLE = re.compile(r'(?<![\w\\)\].,;:!?\u2019\u201d])"(?=\S)')
"""A double quote that opens: not after a word or closing punctuation (``"(News
Agencies)";`` closes after the parenthesis)."""
_CLOSE_DOUBLE = re.compile(r'(?<!\\)"')


def join_names(text: str) -> str:
    """Name prefixes held to their names, so that no line breaks inside a name: al- and its
    kin with U+2011 (a non-breaking hyphen), Abu and bin with U+00A0."""
    if "-" in text:
        text = _NAME_PREFIX.sub("\\1\u2011", text)
    if "Abu" in text or "bin" in text:
        text = _NAME_WORD.sub("\\1\u00a0", text)
    return text


def typeset(text: str) -> str:
    """Plain text with typographic apostrophes and quotes (’ ‘ “ ”) and joined names; the
    words are unchanged."""
    if "'" in text:
        text = _OPEN_SINGLE.sub("\u2018", _APOSTROPHE.sub("\u2019", text))
    if '"' in text:
        text = _CLOSE_DOUBLE.sub("\u201d", _OPEN_DOUBLE.sub("\u201c", text))
    return join_names(text)
