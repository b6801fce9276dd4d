"""The seed corpus: unchanged articles, a complete catalogue, quote matching."""

from __future__ import annotations

import hashlib

import yaml

from briefgen.seeds import contains_quote, normalise_text
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
