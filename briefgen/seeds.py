"""The article corpus: finding seed texts and checking that quotes are verbatim."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from briefgen.files import MAX_SEED_BYTES, InputError, read_limited

_QUOTE_MARKS = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark, the usual apostrophe
        "\u201b": "'",
        "`": "'",  # seed 001 writes Shi`ite and Iran`s
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2011": "-",  # the non-breaking hyphen that joins al- to a name in the briefs
    }
)
_SPACE = re.compile(r"\s+")
_CUT = re.compile(r"\s*\[(?:…|\.\.\.)\]\s*")
"""An editor's cut in a quote: ``[…]`` or ``[...]``."""


def normalise_text(text: str) -> str:
    """Text as quotes are compared: NFC, one kind of each quote mark, single spaces."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTE_MARKS)
    return _SPACE.sub(" ", text).strip()


def find_seeds_dir(start: Path) -> Path | None:
    """The nearest ``seeds`` folder in ``start`` or one of its parents."""
    for folder in [start, *start.parents]:
        candidate = folder / "seeds"
        if candidate.is_dir():
            return candidate
    return None


@lru_cache(maxsize=256)
def read_seed(path: Path) -> str:
    """A seed article's text, normalised for quote comparison; read once per process. Only
    a regular file of at most ``MAX_SEED_BYTES`` is read (``InputError`` otherwise)."""
    raw = read_limited(path, MAX_SEED_BYTES)
    try:
        return normalise_text(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 byte 0x{raw[exc.start]:02x} at byte {exc.start:,}",
                         "save it as UTF-8") from None


def contains_quote(seed_text: str, quote: str) -> bool:
    """Whether ``quote`` appears verbatim in the normalised ``seed_text``.

    An editor may cut a quote with ``[…]``: then each piece must appear, in order.
    """
    position = 0
    for piece in _CUT.split(normalise_text(quote)):
        found = seed_text.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:Col|Gen|Lt|Mr|Mrs|Ms|Dr|St|Sgt|Maj|Capt|"
                          r"Rep|Sen|Gov|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$")
"""A word that ends in a full stop without ending a sentence: U.S., K.S.S., Col."""


def split_sentences(paragraph: str) -> list[str]:
    """Sentences, not broken after abbreviations such as U.S. or Col."""
    sentences, start = [], 0
    for match in re.finditer(r"[.!?][”\"’']?\s+(?=[“\"‘A-Z])", paragraph):
        before = paragraph[start:match.start() + 1]
        if _ABBREVIATION.search(before.rstrip("”\"’'")):
            continue
        sentences.append(paragraph[start:match.end()].strip())
        start = match.end()
    if paragraph[start:].strip():
        sentences.append(paragraph[start:].strip())
    return sentences
