"""The data exports: STIX 2.1 bundles, the ACLED-style CSV and GeoJSON, read back with
their own libraries and checked against the YAML."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import stix2
import stix2validator

from briefgen.build import build_briefs
from briefgen.load import ComparisonSet, load_any
from briefgen.model import Brief
from briefgen.render.stix import (
    EXTENSION_ID,
    LIKELIHOOD_OPINION,
    PRODUCER_ID,
    TLP_IDS,
    render_stix,
)
from conftest import ALL_BRIEFS, BRIEFS, COMPARISONS, ROOT

CORPUS_SIZE = 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """~20 briefs made by scripts/make_corpus.py, as the benchmark makes them."""
    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), str(CORPUS_SIZE),
                    str(folder)], check=True, capture_output=True, cwd=ROOT)
    return sorted((folder / "briefs").glob("*.yaml"))


# --- STIX -----------------------------------------------------------------------------------

def check_bundle(data: bytes) -> dict[str, Any]:
    """The bundle passes the OASIS validator with no error and no warning, and stix2 parses
    it back; returned as JSON."""
    text = data.decode("utf-8")
    result = stix2validator.validate_string(text)
    assert result.is_valid, [str(e) for e in result.errors]
    assert not result.errors and not result.warnings, [str(w) for w in result.warnings]
    parsed = stix2.parse(text)
    assert parsed.type == "bundle"
    bundle: dict[str, Any] = json.loads(text)
    assert len(parsed.objects) == len(bundle["objects"])
    return bundle


@pytest.mark.parametrize("path", ALL_BRIEFS, ids=lambda p: p.stem)
def test_stix_of_the_curated_briefs_validates_and_parses(path: Path) -> None:
    check_bundle(render_stix(load_any(path)))


def test_stix_of_a_corpus_validates_and_parses(corpus: list[Path]) -> None:
    assert len(corpus) == CORPUS_SIZE
    for path in corpus:
        check_bundle(render_stix(load_any(path)))


def by_type(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [o for o in bundle["objects"] if o["type"] == kind]


def ours(obj: dict[str, Any]) -> dict[str, Any]:
    """The properties of briefgen's extension on ``obj``."""
    (ext,) = [v for k, v in obj["extensions"].items() if k.startswith("extension-definition--")]
    found: dict[str, Any] = ext
    return found


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.stem)
def test_stix_says_what_the_yaml_says(path: Path) -> None:
    brief = load_any(path)
    assert isinstance(brief, Brief)
    bundle = check_bundle(render_stix(brief))
    (report,) = by_type(bundle, "report")
    assert report["name"] == brief.title
    assert report["description"] == brief.bluf
    assert report["published"] == f"{brief.revision.date.isoformat()}T00:00:00Z"
    ids = {o["id"] for o in bundle["objects"]}
    assert set(report["object_refs"]) <= ids
    # every object but the marking definitions carries the handling's TLP 2.0 marking;
    # briefgen's own identity and extension, the same in every bundle, are TLP:CLEAR
    marking = TLP_IDS[brief.handling]
    for obj in bundle["objects"]:
        if obj["type"] != "marking-definition":
            shared = obj["id"] in (PRODUCER_ID, EXTENSION_ID)
            assert obj["object_marking_refs"] == [TLP_IDS["TLP:CLEAR"] if shared else marking]
    (definition,) = [o for o in by_type(bundle, "marking-definition") if o["id"] == marking]
    assert definition["name"] == brief.handling
    # an identity per actor and per publisher
    names = {o["name"] for o in by_type(bundle, "identity")}
    assert {a.name for a in brief.actors} <= names
    assert {s.publisher for s in brief.sources if s.publisher} <= names
    (location,) = by_type(bundle, "location")
    assert location["name"] == brief.incident.place.name
    (incident,) = by_type(bundle, "incident")
    assert ours(incident)["strike_status"] == brief.incident.strike_status
    # a note per claim, with its quote, its actor and its sources
    notes = {ours(n)["claim_id"]: n for n in by_type(bundle, "note")}
    assert set(notes) == {c.id for c in brief.claims}
    identities = {o["id"]: o for o in by_type(bundle, "identity")}
    actor_names = {a.id: a.name for a in brief.actors}
    for claim in brief.claims:
        note = notes[claim.id]
        assert identities[ours(note)["actor_ref"]]["name"] == actor_names[claim.actor]
        assert ours(note)["actor_ref"] in note["object_refs"]
        if claim.quote:
            assert claim.quote in note["content"]
        assert {r["external_id"] for r in note["external_references"]} >= set(claim.sources)
        killed = claim.casualties.killed if claim.casualties else None
        if killed is not None:
            assert ours(note)["killed"]["min"] == killed.min
            assert ours(note)["killed"]["text"] == killed.text
    opinions = by_type(bundle, "opinion")
    assert len(opinions) == len(brief.judgments)
    for opinion, judgment in zip(sorted(opinions, key=lambda o: ours(o)["number"]),
                                 brief.judgments, strict=True):
        assert opinion["explanation"] == judgment.text
        assert ours(opinion)["likelihood"] == judgment.likelihood
        assert opinion["opinion"] == LIKELIHOOD_OPINION[judgment.likelihood or ""]


def test_a_comparison_bundle_holds_each_incident_as_its_own_bundle_has_it() -> None:
    (path,) = COMPARISONS
    loaded = load_any(path)
    assert isinstance(loaded, ComparisonSet)
    bundle = check_bundle(render_stix(loaded))
    objects = {o["id"]: o for o in bundle["objects"]}
    for incident in loaded.incidents:
        alone = check_bundle(render_stix(incident))
        for obj in alone["objects"]:
            assert objects[obj["id"]] == obj
    reports = by_type(bundle, "report")
    assert len(reports) == len(loaded.incidents) + 1


def test_two_builds_give_identical_bundles(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    for out in (first, second):
        report = build_briefs([ROOT / "briefs"], out, ["stix"])
        assert not report.failed
    names = sorted(p.name for p in first.glob("*.stix.json"))
    assert names == sorted(f"{p.stem}.stix.json" for p in ALL_BRIEFS)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes()
