"""The article corpus: finding seed texts and checking that quotes are verbatim."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from briefgen.attribution import TITLES
from briefgen.files import MAX_SEED_BYTES, InputError, read_limited
from briefgen.frontmatter import strip_front_matter
from briefgen.tolls import ACLED_VAGUE, MORE_THAN

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
_PUNCTUATION = "\"'.,;:!?()[]…"
_MARKS = "\"'"
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
"""A blank line, which ends a paragraph of an article."""


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
    """A seed article's text, normalised for quote comparison, one paragraph a line, without
    its front matter (``briefgen.frontmatter``); read once per process. Only
    a regular file of at most ``MAX_SEED_BYTES`` is read (``InputError`` otherwise)."""
    raw = read_limited(path, MAX_SEED_BYTES)
    try:
        return normalise_seed(strip_front_matter(raw.decode("utf-8")))
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 byte 0x{raw[exc.start]:02x} at byte {exc.start:,}",
                         "save it as UTF-8") from None


def contains_quote(seed_text: str, quote: str) -> bool:
    """Whether ``quote`` appears verbatim in the normalised ``seed_text``, at word
    boundaries.

    An editor may cut a quote with ``[…]``: then each piece must appear in order, within one
    paragraph (paragraphs are the lines of ``seed_text``), at most ``MAX_CUT_GAP`` characters
    after the piece before it. A quote of cuts alone is not found.
    """
    pieces = split_quote(quote)
    if not pieces:
        return False
    return any(match_pieces(paragraph, pieces) for paragraph in seed_text.split("\n"))


def normalise_seed(text: str) -> str:
    """A seed's text as quotes are compared, one paragraph a line (paragraphs are separated
    by blank lines in the article)."""
    paragraphs = (normalise_text(part) for part in _PARAGRAPH.split(text))
    return "\n".join(part for part in paragraphs if part)


def find_nearest(seed_text: str, quote: str) -> str:
    """The passage of the seed most like ``quote``, word by word, with the words that differ
    marked ``[seed→quote]`` (a word that differs only in its punctuation too, as ``act.``
    for the seed's ``act,``): a one-line hint for a quote that is not found."""
    import difflib

    wanted, wanted_raw = to_tokens(" ".join(split_quote(quote)))
    best: tuple[float, list[str], list[str]] = (0.0, [], [])
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    for paragraph in seed_text.split("\n"):
        words, raw = to_tokens(paragraph)
        for start in range(max(1, len(words) - len(wanted) + 1)):
            window = words[start:start + len(wanted)]
            matcher.set_seq1(window)
            if matcher.real_quick_ratio() > best[0] and matcher.ratio() > best[0]:
                best = (matcher.ratio(), window, raw[start:start + len(wanted)])
    _, window, window_raw = best
    matcher.set_seq1(window)
    marked = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            marked.append(f"[{' '.join(window[i1:i2])}→{' '.join(wanted[j1:j2])}]")
            continue
        for seed_word, said, word in zip(window_raw[i1:i2], wanted_raw[j1:j2], window[i1:i2],
                                         strict=True):
            bare = said.strip(_MARKS)  # quote marks around the words are the editor's
            marked.append(word if bare in seed_word else f"[{seed_word.strip(_MARKS)}→{bare}]")
    return " ".join(marked)


def to_tokens(text: str) -> tuple[list[str], list[str]]:
    """The words of ``text`` without the punctuation around them, and as written."""
    tokens = [(word.strip(_PUNCTUATION), word) for word in text.split()]
    kept = [token for token in tokens if token[0]]
    return [word for word, _ in kept], [raw for _, raw in kept]


_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:" + "|".join(TITLES) + r"|"
                          r"No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$")
"""A word that ends in a full stop without ending a sentence: U.S., K.S.S., Col."""
_CLOCK = re.compile(r"\b[ap]\.m\.$")
_CLOCK_NEXT = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|GMT|UTC|"
                         r"local time)\b")
"""'about 1 p.m. Friday': a time, then its day, in one sentence."""


def split_sentences(paragraph: str) -> list[str]:
    """Sentences, not broken after abbreviations such as U.S. or Col."""
    sentences, start = [], 0
    for match in re.finditer(r"[.!?][”\"’']?\s+(?=[“\"‘A-Z])", paragraph):
        before = paragraph[start:match.start() + 1]
        if _ABBREVIATION.search(before.rstrip("”\"’'")) or (
                _CLOCK.search(before) and _CLOCK_NEXT.match(paragraph, match.end())):
            continue
        sentences.append(paragraph[start:match.end()].strip())
        start = match.end()
    if paragraph[start:].strip():
        sentences.append(paragraph[start:].strip())
    return sentences


MAX_CUT_GAP = 300
"""The most characters of the source an editor's cut ``[…]`` may leave out."""
MIN_FRAGMENT_WORDS = 2
MIN_FRAGMENT_CHARS = 8
"""What each piece of a cut quote must hold at least: two words and eight characters, so
that a cut cannot build a sentence out of single words picked from the article."""


def split_quote(quote: str) -> list[str]:
    """The pieces of a quote between the editor's cuts, empty ones left out."""
    return [piece for piece in _CUT.split(normalise_text(quote)) if piece.strip()]


def has_cut(quote: str) -> bool:
    """Whether the quote holds an editor's cut ``[…]``."""
    return bool(_CUT.search(normalise_text(quote)))


def find_short_fragment(quote: str) -> str | None:
    """The first piece of a cut quote shorter than ``MIN_FRAGMENT_WORDS`` words or
    ``MIN_FRAGMENT_CHARS`` characters; None if every piece is long enough or there is no
    cut."""
    if not has_cut(quote):
        return None
    for piece in split_quote(quote):
        if len(piece.split()) < MIN_FRAGMENT_WORDS or len(piece) < MIN_FRAGMENT_CHARS:
            return piece
    return None


def compile_piece(piece: str) -> re.Pattern[str]:
    """A piece of a quote as a pattern that matches only at word boundaries."""
    before = r"(?<!\w)" if piece[:1].isalnum() else ""
    after = r"(?!\w)" if piece[-1:].isalnum() else ""
    return re.compile(before + re.escape(piece) + after)


def match_pieces(paragraph: str, pieces: list[str], start: int = 0,
                 first: bool = True) -> bool:
    """Whether ``pieces`` occur in ``paragraph`` in order from ``start``, each at word
    boundaries, each after the last by at most ``MAX_CUT_GAP`` characters."""
    for found in compile_piece(pieces[0]).finditer(paragraph, start):
        if not first and found.start() - start > MAX_CUT_GAP:
            return False
        if len(pieces) == 1 or match_pieces(paragraph, pieces[1:], found.end(), False):
            return True
    return False


_UNITS = {word: number for number, word in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen"])}
_TENS = {word: 10 * number for number, word in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2)}
_SCALES = {"hundred": 100, "thousand": 1000}
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES, "a", "an", "and", "dozen", "half"],
                               key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|\d+"
"""Digits, in any script, with groups of three apart by commas or spaces (1,200; 1 200)."""
_NUMBER = (rf"{_DIGITS}|(?:(?:{_NUMBER_WORD})(?:[\s-]+|$))*(?:{'|'.join([*_UNITS, *_TENS])}"
           rf"|hundred|thousand|dozen)\b")
_READINGS = [
    (re.compile(r"\b(?:no one|nobody|none)\b", re.I), "none"),
    (re.compile(rf"\bbetween ({_NUMBER}) and ({_NUMBER})", re.I), "between"),
    (re.compile(rf"\bat least ({_NUMBER})\b[^.;\d]{{0,40}}?\b(?:possibly|perhaps|maybe|probably)"
                rf"\s+(?:as many as|as high as|up to) ({_NUMBER})", re.I), "between"),
    (re.compile(rf"\b(?:{'|'.join(MORE_THAN)}|upwards of) ({_NUMBER})", re.I), "more"),
    (re.compile(rf"\b(?:at least|no fewer than|no less than) ({_NUMBER})", re.I), "least"),
    (re.compile(rf"\b(?:up to|as many as|as high as|at most) ({_NUMBER})", re.I), "most"),
    (re.compile(rf"\b(?:fewer than|less than) ({_NUMBER})", re.I), "unchecked"),
    (re.compile(rf"(?<![\w-])({_NUMBER})\s+(?:to|or)\s+(?:even\s+|perhaps\s+)?({_NUMBER})",
                re.I), "between"),
    (re.compile(rf"(?<![\w-])({_DIGITS}) ?[-–] ?({_DIGITS})(?![\w-])"), "between"),
    (re.compile(rf"\b(?:nearly|almost|just under|close to) ({_NUMBER})", re.I), "nearly"),
    (re.compile(rf"\b(?:about|around|some|roughly|approximately|an estimated) ({_NUMBER})",
                re.I), "about"),
    (re.compile(rf"(?<![\w-])({_NUMBER})\+", re.I), "least"),
    (re.compile(rf"(?<![\w-])({_NUMBER})", re.I), "exact"),
]


class Reading(NamedTuple):
    """What a figure's words say of its min and max: None where they say nothing of it;
    ``open`` where they give no upper figure (so max must be absent)."""

    min: int | None
    max: int | None
    open: bool
    words: str
    """How the words read, for a message: ``100``, ``at least 41``, ``36 to 45``."""
    vague: bool = False
    """A vague number ("dozens"): min may be higher than its low, as review warns."""
    approx: str = ""
    """``about`` ("some 30": min at most 30, max if given at least 30) or ``nearly``
    ("nearly 50": min and max, if given, at most 50); ``min`` is then the number said."""


def parse_number(text: str) -> int | None:
    """Digits (``1,200``) or number words (``a hundred``, ``twenty-two``, ``a dozen``)."""
    text = text.strip().lower()
    if text[:1].isdigit():
        return int(re.sub(r"[,\s]", "", text))
    if text.startswith("half "):
        whole = parse_number(text.removeprefix("half "))
        return None if whole is None else whole // 2
    total = current = 0
    for word in re.split(r"[\s-]+", text):
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in _SCALES:
            current = (current or 1) * _SCALES[word]
            if word == "thousand":
                total, current = total + current, 0
        elif word not in ("a", "an", "and", ""):
            return None
    return total + current


def read_count(text: str) -> Reading | None:
    """How a casualty figure's words read ("more than 40" as at least 41, with no upper
    figure; "some 30" as about 30); None where they hold no number this knows."""
    for word, low in ACLED_VAGUE.items():
        if re.search(rf"(?<![\w-]){word}(?![\w-])", text, re.I):
            return Reading(low, None, False, f"at least {low}", vague=True)
    for pattern, kind in _READINGS:
        found = pattern.search(text)
        if found is None:
            continue
        if kind == "none":
            return Reading(0, 0, False, "0")
        if kind == "unchecked":  # "fewer than 10": no figure the words fix
            return None
        numbers = [parse_number(group) for group in found.groups()]
        if None in numbers:
            return None
        first = numbers[0] or 0
        if kind in ("about", "nearly"):
            return Reading(first, None, False, f"{kind} {first:,}", approx=kind)
        if kind == "between" and (numbers[1] or 0) <= first:
            continue  # 'one or two' reads, 'seven or two' is no range
        if kind == "between":
            return Reading(first, numbers[1], False, f"{first:,} to {numbers[1]:,}")
        if kind == "more":
            return Reading(first + 1, None, True, f"at least {first + 1:,}")
        if kind == "least":
            return Reading(first, None, True, f"at least {first:,}")
        if kind == "most":
            return Reading(None, first, False, f"at most {first:,}")
        return Reading(first, first, False, f"{first:,}")
    return None
