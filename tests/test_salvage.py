"""What is read of a file the schema refused (briefgen.salvage): each field valid on its own,
or None; never an exception, whatever the types."""

from __future__ import annotations

import datetime as dt

from briefgen.model import Brief, Claim, Comparison, Figure
from briefgen.salvage import salvage_model


def test_a_valid_field_is_kept_and_a_refused_one_is_none() -> None:
    claim = salvage_model(Claim, {"id": "kss-accuses", "actor": "KSS", "credibility": "high",
                                  "date": "2017-08-08", "summary": "  Said so.  "})
    assert (claim.id, claim.actor, claim.credibility) == ("kss-accuses", None, None)
    assert (claim.date, claim.summary) == (dt.date(2017, 8, 8), "Said so.")


def test_missing_fields_take_their_default_and_missing_lists_are_empty() -> None:
    claim = salvage_model(Claim, {})
    assert (claim.id, claim.against, claim.sources, claim.casualties) == (None, (), (), None)


def test_odd_types_give_empty_models_and_lists_never_an_error() -> None:
    brief = salvage_model(Brief, {"actors": [["kss"], {"id": "kss"}, 3], "claims": {"a": 1},
                                  "incident": "yesterday", "sources": "reuters"})
    assert [a.id for a in brief.actors] == [None, "kss", None]
    assert (brief.claims, brief.incident, brief.sources) == ((), None, ())
    assert salvage_model(Brief, ["not", "a", "mapping"]).claims == ()


def test_list_items_are_checked_one_by_one_and_keep_their_place() -> None:
    claim = salvage_model(Claim, {"sources": ["reuters", 3, "Bad Id", "ap"]})
    assert claim.sources == ("reuters", None, None, "ap")


def test_nested_models_are_salvaged_and_todos_read_as_none() -> None:
    claim = salvage_model(Claim, {"quote": "TODO the words", "casualties": {
        "killed": {"min": -1, "max": 40, "text": "40"}, "wounded": [3]}})
    assert claim.quote is None
    assert claim.casualties is not None
    assert claim.casualties.killed == Figure.model_construct(min=None, max=40, text="40")
    assert claim.casualties.wounded is None


def test_a_comparison_reads_its_incidents_and_its_history() -> None:
    comparison = salvage_model(Comparison, {
        "incidents": ["a", 2], "pattern": ["x"],
        "revision": {"number": 1, "date": "2026-11-21", "authors": ["t"], "changes": "c"}})
    assert (comparison.incidents, comparison.pattern) == (("a", None), None)
    assert [r.date for r in comparison.history] == [dt.date(2026, 11, 21)]
