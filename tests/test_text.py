"""Invisible and look-alike characters (briefgen.text)."""

from __future__ import annotations

import pytest

from briefgen.text import describe_bidi, find_unpaired_bidi, fold_text

RLO, PDF, RLI, PDI, LRE = "\u202e", "\u202c", "\u2067", "\u2069", "\u202a"


@pytest.mark.parametrize(("line", "unpaired"), [
    ("plain", []),
    (f"a {RLO}b{PDF} c", []),
    (f"a {RLO}b c", [2]),
    (f"a {PDF}b", [2]),
    (f"{RLI}a{PDI}", []),
    (f"{RLI}a", [0]),
    (f"a{PDI}", [1]),
    (f"{RLI}{LRE}a{PDI}", []),  # the isolate's end closes the embedding inside it
    (f"{LRE}{RLI}a{PDF}{PDI}", [0, 3]),  # a PDF cannot close across an isolate
    (f"{RLO}{RLO}a{PDF}", [0]),
])
def test_bidi_controls_pair_as_the_unicode_algorithm_pairs_them(line: str,
                                                                unpaired: list[int]) -> None:
    assert find_unpaired_bidi(line) == unpaired


def test_an_unpaired_control_is_described_with_its_closer() -> None:
    assert describe_bidi(RLO) == (
        "unpaired bidirectional control U+202E (right-to-left override) is left open",
        "it reorders the text printed after it; delete it, or close it with U+202C on the "
        "same line")
    assert describe_bidi(PDI)[0].endswith("closes nothing")


@pytest.mark.parametrize("disguised", [
    "pr\u043ebably", "PR\u041eBABLY", "pro\u200bbably", "\uff50robably", "prob\u0430bly",
    "\U0001d429robably",
])
def test_look_alikes_fold_to_the_word_a_reader_sees(disguised: str) -> None:
    assert fold_text(disguised) == "probably"


def test_folding_leaves_arabic_and_plain_text_alone() -> None:
    assert fold_text("Kataib Sayyid al-Shuhada") == "kataib sayyid al-shuhada"
    assert fold_text("\u0643\u062a\u0627\u0626\u0628") == "\u0643\u062a\u0627\u0626\u0628"


def test_names_joined_and_marks_typographic() -> None:
    """Issue 19: al- and its kin with U+2011, Abu and bin with U+00A0, curly marks; the
    verbatim check reads U+2011 as the hyphen of the seed."""
    from briefgen.seeds import normalise_text
    from briefgen.text import typeset

    text = typeset('Abu Ala al-Welayi said "that time" of Iran\'s Kataib Sayyid al-Shuhada')
    assert text == ("Abu\u00a0Ala al\u2011Welayi said \u201cthat time\u201d of Iran\u2019s "
                    "Kataib Sayyid al\u2011Shuhada")
    assert typeset("US-led, well-known") == "US-led, well-known"
    assert normalise_text(text) == normalise_text(
        'Abu Ala al-Welayi said "that time" of Iran\'s Kataib Sayyid al-Shuhada')


def test_a_double_quote_after_closing_punctuation_closes() -> None:
    from briefgen.text import typeset

    assert typeset('credited to "(News Agencies)"; it said "yes", then "no."') == (
        "credited to “(News Agencies)”; it said “yes”, then “no.”")
