"""The seed corpus: unchanged articles, a complete catalogue, quote matching."""

from __future__ import annotations

import hashlib

import yaml

from briefgen.seeds import contains_quote, normalise_text
from conftest import ROOT

SEEDS = ROOT / "seeds"


def test_index_catalogues_every_seed_with_its_original_hash() -> None:
    index = yaml.safe_load((SEEDS / "index.yaml").read_text(encoding="utf-8"))
    assert sorted(entry["file"] for entry in index) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for entry in index:
        digest = hashlib.sha256((SEEDS / entry["file"]).read_bytes()).hexdigest()
        assert digest == entry["sha256"], entry["file"]
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
