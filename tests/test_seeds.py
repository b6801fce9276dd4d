"""The seed corpus: unchanged articles, a complete catalogue, quote matching."""

from __future__ import annotations

import hashlib

import pytest
import yaml

from briefgen.seeds import (
    Reading,
    contains_quote,
    find_nearest,
    find_short_fragment,
    normalise_seed,
    normalise_text,
    read_count,
)
from conftest import ROOT
from conftest import SEEDS as CURATED_SEEDS

SEEDS = ROOT / "seeds"


def test_index_catalogues_the_curated_seeds_with_their_original_hashes() -> None:
    """Editors add and remove seeds: the curated ones must be catalogued, and any seed the
    index names that is there must be unchanged, byte for byte."""
    index = yaml.safe_load((SEEDS / "index.yaml").read_text(encoding="utf-8"))
    entries = {entry["file"]: entry for entry in index}
    assert {seed.name for seed in CURATED_SEEDS} <= entries.keys()
    for name, entry in entries.items():
        if name in {seed.name for seed in CURATED_SEEDS} or (SEEDS / name).exists():
            digest = hashlib.sha256((SEEDS / name).read_bytes()).hexdigest()
            assert digest == entry["sha256"], name
            assert {"title", "publisher", "date", "place_line", "not_known"} <= entry.keys()


def test_normalise_unifies_quotes_backticks_and_spaces() -> None:
    assert normalise_text("Iran`s  \u201celite\u201d\n\u2018Guards\u2019\u00a0") == (
        "Iran's \"elite\" 'Guards'")


def test_quote_matches_across_backtick_apostrophe_of_seed_001() -> None:
    text = normalise_text((SEEDS / "001-reuters-us-denies-bombing-iraqi-shiite-militia.txt")
                          .read_text(encoding="utf-8"))
    assert contains_quote(text, "several of Iran's elite Revolutionary Guards")
    assert not contains_quote(text, "several of Iran's elite Revolutionary Guard units")


def test_editors_cut_requires_pieces_in_order() -> None:
    text = normalise_text("one two three four")
    assert contains_quote(text, "one [...] four")
    assert contains_quote(text, "one two […] three four")
    assert not contains_quote(text, "four […] one")


def test_a_cut_joins_pieces_only_at_word_boundaries() -> None:
    text = normalise_seed((SEEDS / "003-iraq-denies-us-bombed-iran-allied-militias.txt")
                          .read_text(encoding="utf-8"))
    assert contains_quote(text, "the reports were found 'untrue")
    assert not contains_quote(text, "the reports were found […] true")
    assert find_short_fragment("the reports were found […] true") == "true"
    assert not contains_quote(normalise_text("we said it was untrue, he said"),
                              "we said it […] true, he said")


def test_a_cut_stays_within_a_paragraph_and_a_bounded_gap() -> None:
    assert contains_quote("one two three\nfour five six", "one two […] three")
    assert not contains_quote("one two three\nfour five six", "one two […] five six")
    gap = " filler" * 60
    assert not contains_quote(f"one two{gap} five six", "one two […] five six")
    assert not contains_quote("one two three", "[…]")


def test_the_nearest_passage_marks_the_words_that_differ() -> None:
    text = normalise_seed("First paragraph here.\n\nThe reports were found untrue, it said.")
    assert find_nearest(text, "the reports was found untrue") == (
        "[The→the] reports [were→was] found untrue")


def test_the_nearest_passage_marks_a_word_whose_punctuation_differs() -> None:
    text = normalise_seed('"The reports were untrue," it said.')
    assert find_nearest(text, "The reports were untrue.") == "The reports were [untrue,→untrue.]"
    assert find_nearest(text, "The reports were untrue") == "The reports were untrue"


@pytest.mark.parametrize(("words", "low", "high", "read"), [
    ("a hundred martyrs", 100, 100, "100"), ("twenty-two", 22, 22, "22"),
    ("seven", 7, 7, "7"), ("more than 40", 41, None, "at least 41"),
    ("at least 19", 19, None, "at least 19"), ("up to 40", None, 40, "at most 40"),
    ("between 36 and 45", 36, 45, "36 to 45"), ("dozens", 12, None, "at least 12"),
    ("40+", 40, None, "at least 40"), ("1,200", 1200, 1200, "1,200"),
    ("1 200", 1200, 1200, "1,200"), ("half a dozen", 6, 6, "6"), ("three dozen", 36, 36, "36"),
    ("two or three", 2, 3, "2 to 3"), ("15-20", 15, 20, "15 to 20"),
    ("twenty to thirty", 20, 30, "20 to 30"), ("twenty-two", 22, 22, "22"),
    ("no one", 0, 0, "0"), ("\u0663\u0666", 36, 36, "36"), ("scores", 20, None, "at least 20"),
    ("more than a dozen", 13, None, "at least 13"),
    ("four or five", 4, 5, "4 to 5"), ("five to seven", 5, 7, "5 to 7"),
    ("20-25", 20, 25, "20 to 25"), ("as high as 80", None, 80, "at most 80"),
    ("50 or even 80", 50, 80, "50 to 80"), ("twenty-five", 25, 25, "25"),
    ("at least 35 people, possibly as many as 55", 35, 55, "35 to 55"),
    ("at least 20 and perhaps up to 40", 20, 40, "20 to 40"),
    ("higher than 30", 31, None, "at least 31"), ("greater than 100", 101, None, "at least 101")])
def test_figure_words_read_as_min_and_max(words: str, low: int | None, high: int | None,
                                          read: str) -> None:
    reading = read_count(words)
    assert reading is not None
    assert (reading.min, reading.max, reading.words) == (low, high, read)


def test_approximate_figure_words_read_as_their_number() -> None:
    assert read_count("some 30") == Reading(30, None, False, "about 30", approx="about")
    assert read_count("nearly fifty") == Reading(50, None, False, "nearly 50", approx="nearly")
    assert read_count("around 20 fighters") == Reading(20, None, False, "about 20",
                                                       approx="about")


def test_unknown_figure_words_are_not_read() -> None:
    assert read_count("several") is None
    assert read_count("a number of") is None
    assert read_count("fewer than 10") is None


@pytest.mark.parametrize(("paragraph", "sentences"), [
    ("Jets bombed the camp about 1 p.m. Friday, killing 30 people. It rained at 5 p.m. The "
     "army said no.",
     ["Jets bombed the camp about 1 p.m. Friday, killing 30 people.", "It rained at 5 p.m.",
      "The army said no."]),
    ("Col. Ana Vik of the U.S. Army said so. Then she left.",
     ["Col. Ana Vik of the U.S. Army said so.", "Then she left."]),
])
def test_sentences_are_not_broken_after_a_time_or_a_title(paragraph: str,
                                                         sentences: list[str]) -> None:
    from briefgen.seeds import split_sentences

    assert split_sentences(paragraph) == sentences
