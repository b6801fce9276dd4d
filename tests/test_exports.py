"""The data exports: STIX 2.1 bundles, the ACLED-style CSV and GeoJSON, read back with
their own libraries and checked against the YAML."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import geojson
import jsonschema
import pandas
import pytest
import stix2
import stix2validator
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from briefgen.analysis import list_perpetrators, principal_range
from briefgen.build import Options, build_briefs, render_file
from briefgen.errors import ValidationError
from briefgen.load import ComparisonSet, load_any
from briefgen.model import (
    ActorKind,
    AttributionGrade,
    Brief,
    ClaimKind,
    Confidence,
    DatePrecision,
    GeoPrecision,
    Handling,
    Likelihood,
    StrikeStatus,
)
from briefgen.render.formats.csv import defuse
from briefgen.render.incidents import COUNTRIES, find_countries
from briefgen.render.stix import (
    EXTENSION_ID,
    EXTENSION_SCHEMA,
    LIKELIHOOD_OPINION,
    PRODUCER_ID,
    TLP_IDS,
    render_stix,
)
from conftest import ALL_BRIEFS, BRIEFS, COMPARISONS, DATA, ROOT

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
    for obj in bundle["objects"]:  # briefgen's extension, as its schema defines it
        extension = obj.get("extensions", {}).get(EXTENSION_ID)
        if extension is not None:
            errors = [e.message for e in EXTENSION_VALIDATOR.iter_errors(extension)]
            assert not errors, (obj["id"], errors)
    return bundle


EXTENSION_SCHEMA_FILE = ROOT / "docs" / "stix-extension.schema.json"
EXTENSION_VALIDATOR = jsonschema.Draft202012Validator(
    json.loads(EXTENSION_SCHEMA_FILE.read_text(encoding="utf-8")),
    format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_the_extension_names_its_schema() -> None:
    schema = json.loads(EXTENSION_SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    bundle = json.loads(render_stix(load_any(BRIEFS[0])))
    (definition,) = by_type(bundle, "extension-definition")
    assert definition["schema"] == schema["$id"] == EXTENSION_SCHEMA
    vocabularies = {"strike_status": StrikeStatus, "attribution": AttributionGrade,
                    "date_precision": DatePrecision, "geo_precision": GeoPrecision,
                    "actor_kind": ActorKind, "claim_kind": ClaimKind, "handling": Handling,
                    "likelihood": Likelihood, "analytic_confidence": Confidence}
    for name, vocabulary in vocabularies.items():  # the schema keeps up with the model
        assert schema["properties"][name]["enum"] == list(vocabulary.__args__), name


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


# --- the incidents with coordinates, as an editor would add them ------------------------------

COORDINATES = {
    "2017-08-al-tanf-kss": (33.5, 38.7),
    "2018-06-albu-kamal-kh": (34.4536, 40.9187),
    "2019-01-sarsar-lake": (33.9, 42.1),
}
"""Test values for the copies of the curated briefs (the curated files give none)."""


@pytest.fixture
def located(tmp_path: Path) -> Path:
    """A copy of briefs/ and seeds/ in which each incident has coordinates."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "briefs", tmp_path / "briefs")
    for brief_id, (lat, lon) in COORDINATES.items():
        path = tmp_path / "briefs" / f"{brief_id}.yaml"
        text = path.read_text(encoding="utf-8")
        marker = "\n  place:\n"
        assert marker in text
        path.write_text(text.replace(marker, f"{marker}    lat: {lat}\n    lon: {lon}\n"),
                        encoding="utf-8")
    return tmp_path / "briefs"


def load_incidents(folder: Path) -> dict[str, Brief]:
    found = {}
    for path in sorted(folder.glob("*.yaml")):
        brief = load_any(path)
        if isinstance(brief, Brief):
            found[brief.id] = brief
    return found


# --- GeoJSON --------------------------------------------------------------------------------

def read_geojson(path: Path) -> Any:
    """The file read back by the geojson package, valid by RFC 7946."""
    collection = geojson.loads(path.read_text(encoding="utf-8"))
    assert isinstance(collection, geojson.FeatureCollection)
    assert collection.is_valid, collection.errors()
    for feature in collection.features:
        assert feature.is_valid, feature.errors()
    return collection


def test_geojson_of_the_curated_briefs_has_the_incidents_with_coordinates(
        tmp_path: Path) -> None:
    report = build_briefs([ROOT / "briefs"], tmp_path, ["geojson"])
    assert not report.failed
    for path in ALL_BRIEFS:
        collection = read_geojson(tmp_path / f"{path.stem}.geojson")
        located = [b for b in map(load_any, [path]) if isinstance(b, Brief)
                   and b.incident.place.lat is not None]
        if path in BRIEFS:
            assert len(collection.features) == len(located)


def test_geojson_features_say_what_the_yaml_says(located: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert not build_briefs([located], out, ["geojson"]).failed
    incidents = load_incidents(located)
    for brief_id, brief in incidents.items():
        (feature,) = read_geojson(out / f"{brief_id}.geojson").features
        check_feature(feature, brief)
    (comparison,) = COMPARISONS
    collection = read_geojson(out / f"{comparison.stem}.geojson")
    assert [f.id for f in collection.features] == list(COORDINATES)
    for feature in collection.features:
        check_feature(feature, incidents[feature.id])


def check_feature(feature: Any, brief: Brief) -> None:
    place = brief.incident.place
    assert feature.geometry.type == "Point"
    assert feature.geometry.coordinates == [place.lon, place.lat]  # RFC 7946: lon, lat
    properties = feature.properties
    assert properties["file"] == f"{brief.id}.yaml"
    assert properties["date"] == brief.incident.date.start.isoformat()
    assert properties["attribution"] == brief.incident.attribution
    assert properties["strike_status"] == brief.incident.strike_status
    names = {a.id: a.name for a in brief.actors}
    assert properties["actors"] == [a.name for a in brief.actors]
    assert properties["perpetrators"] == [names[p] for p in list_perpetrators(brief)]
    killed = principal_range(brief, "killed")
    assert killed is not None
    assert (properties["killed_min"], properties["killed_max"]) == (killed.low, killed.high)
    figures = [c.casualties.killed.min for c in brief.claims
               if c.casualties and c.casualties.killed and c.casualties.of == killed.group]
    assert properties["killed_min"] == min(figures)


# --- CSV ------------------------------------------------------------------------------------

def read_csv(path: Path) -> Any:
    frame = pandas.read_csv(path, parse_dates=["event_date", "date_start", "date_end"],
                            keep_default_na=False, na_values=[""])
    assert list(frame.columns[:3]) == ["event_id_cnty", "event_date", "year"]  # BOM read
    return frame


def test_csv_of_the_curated_briefs_in_pandas(tmp_path: Path) -> None:
    report = build_briefs([ROOT / "briefs"], tmp_path, ["csv"])
    assert not report.failed
    assert not list(tmp_path.glob("*.csv.*")) and (tmp_path / "incidents.csv").is_file()
    assert (tmp_path / "incidents.csv").read_bytes().startswith(b"\xef\xbb\xbfevent_id_cnty,")
    frame = read_csv(tmp_path / "incidents.csv")
    incidents = load_incidents(ROOT / "briefs")
    assert list(frame["briefgen_id"]) == list(incidents)  # a comparison adds no row
    for column in ("year", "time_precision", "inter1", "inter2", "interaction",
                   "geo_precision", "fatalities", "timestamp"):
        assert frame[column].dtype == "int64", column
    for column in ("event_date", "date_start", "date_end"):
        assert str(frame[column].dtype).startswith("datetime64"), column
    assert frame["latitude"].dtype == "float64" and frame["latitude"].isna().all()
    check_rows(frame, incidents)


def check_rows(frame: Any, incidents: dict[str, Brief]) -> None:
    for row in frame.to_dict("records"):
        brief = incidents[row["event_id_cnty"]]
        incident = brief.incident
        window = incident.date
        assert row["date_start"].date() == window.start
        assert row["date_end"].date() == (window.end or window.start)
        assert window.start <= row["event_date"].date() <= (window.end or window.start)
        assert row["year"] == row["event_date"].year
        assert row["time_precision"] == {"day": 1, "week": 2, "month": 3}[window.precision]
        assert row["country"] == incident.place.country
        assert row["location"] == incident.place.name
        assert (row["admin1"] if isinstance(row["admin1"], str) else None) == \
            incident.place.admin1
        assert row["geo_precision"] == {"exact": 1, "near": 2, "region": 3}[
            incident.place.precision]
        assert row["attribution"] == incident.attribution
        assert row["strike_status"] == incident.strike_status
        killed = principal_range(brief, "killed")
        assert row["fatalities"] == (killed.low if killed else 0)
        names = {a.id: a.name for a in brief.actors}
        assert row["actor1"] == names[list_perpetrators(brief)[0]]
        assert row["event_type"] == "Explosions/Remote violence"
        assert row["sub_event_type"] == "Air/drone strike"
        assert row["disorder_type"] == "Political violence"
        place = incident.place
        if place.lat is not None:
            assert (row["latitude"], row["longitude"]) == (place.lat, place.lon)


def test_csv_rows_of_skipped_briefs_stay(located: Path, tmp_path: Path) -> None:
    """A rebuild after one edit builds one brief and still writes every row; a brief that
    fails is left out and named; one no longer in the batch is gone."""
    out = tmp_path / "out"
    assert not build_briefs([located], out, ["csv", "md"]).failed
    target = out / "incidents.csv"
    first = target.read_bytes()
    check_rows(read_csv(target), load_incidents(located))
    again = build_briefs([located], out, ["csv", "md"])
    assert again.built == 0 and again.written == 0 and target.read_bytes() == first
    target.unlink()  # deleted: made again from the record, every brief skipped
    remade = build_briefs([located], out, ["csv", "md"])
    assert remade.built == 0 and remade.written == 1 and target.read_bytes() == first
    sarsar = located / "2019-01-sarsar-lake.yaml"
    sarsar.write_text(sarsar.read_text(encoding="utf-8").replace(
        "attribution: discounted", "attribution: contested"), encoding="utf-8")
    edited = build_briefs([located], out, ["csv", "md"])
    assert edited.built == 2 and edited.skipped == 2  # the file and the comparison
    frame = read_csv(target)
    assert list(frame["briefgen_id"]) == list(COORDINATES)
    assert list(frame["attribution"]) == ["contested", "weak", "contested"]
    check_rows(frame, load_incidents(located))
    sarsar.write_text("schema: 1\nid: 2019-01-sarsar-lake\n", encoding="utf-8")
    broken = build_briefs([located], out, ["csv"])
    assert {p.name for p, _ in broken.failed} >= {sarsar.name}
    assert list(read_csv(target)["briefgen_id"]) == list(COORDINATES)[:2]
    fewer = build_briefs([located / "2018-06-albu-kamal-kh.yaml"], out, ["csv"])
    assert not fewer.failed and fewer.skipped == 1
    assert list(read_csv(target)["briefgen_id"]) == ["2018-06-albu-kamal-kh"]


def test_csv_of_one_brief_by_render(tmp_path: Path) -> None:
    target = tmp_path / "sarsar.csv"
    render_file(ROOT / "briefs" / "2019-01-sarsar-lake.yaml", target)
    frame = read_csv(target)
    assert list(frame["briefgen_id"]) == ["2019-01-sarsar-lake"]


def test_two_builds_give_identical_csv_and_geojson(located: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    for out in (first, second):
        assert not build_briefs([located], out, ["csv", "geojson"]).failed
    names = sorted(p.name for p in first.iterdir() if not p.name.startswith("."))
    assert len(names) == len(ALL_BRIEFS) + 1
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_only_the_stix_format_imports_stix2(tmp_path: Path) -> None:
    """stix2 costs 0.14 s to import: the registry, --help and the other formats never load
    it."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from briefgen.build import build_briefs\n"
        "from briefgen.render import list_formats\n"
        "list_formats()\n"
        f"build_briefs([Path('briefs')], Path({str(tmp_path)!r}), ['md', 'csv', 'geojson'])\n"
        "assert 'stix2' not in sys.modules\n"
        f"build_briefs([Path('briefs')], Path({str(tmp_path)!r}), ['stix'])\n"
        "assert 'stix2' in sys.modules\n")
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)


def test_exports_of_an_unusual_brief(tmp_path: Path) -> None:
    """Coordinates, a country the table does not know, TLP:AMBER+STRICT, a judgment with
    neither likelihood nor confidence, a claim that cannot be judged, a person with no
    parent as the perpetrator, an event type ACLED's words do not name."""
    data = yaml.safe_load((DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8"))
    data["handling"] = "TLP:AMBER+STRICT"
    data["incident"]["place"] = {"name": "a harbour", "country": "Freedonia", "lat": -12.3456789,
                                 "lon": 170.5, "precision": "exact"}
    data["incident"]["event_type"] = "abduction"
    data["actors"].append({"id": "someone", "name": "=HYPERLINK(\"http://x.invalid\")",
                           "kind": "person"})
    data["claims"][0]["against"] = ["someone"]
    data["claims"][1]["credibility"] = 6
    data["judgments"][0] = {"text": "Someone did it.", "rests_on": ["kss-accuses"]}
    path = tmp_path / "minimal.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    brief = load_any(path, ROOT / "seeds")
    bundle = check_bundle(render_stix(brief))
    assert {TLP_IDS["TLP:AMBER+STRICT"]} == {
        o["object_marking_refs"][0] for o in bundle["objects"]
        if o["type"] != "marking-definition" and o["id"] not in (PRODUCER_ID, EXTENSION_ID)}
    (location,) = by_type(bundle, "location")
    assert (location["latitude"], location["longitude"], location["precision"]) == (
        -12.3456789, 170.5, 1000)
    (opinion,) = by_type(bundle, "opinion")
    assert opinion["opinion"] == "neutral" and "confidence" not in opinion
    assert sorted("confidence" in n for n in by_type(bundle, "note")) == [False, True]
    out = tmp_path / "out"
    assert not build_briefs([path], out, ["csv", "geojson"], Options(seeds=ROOT / "seeds")).failed
    (row,) = read_csv(out / "incidents.csv").to_dict("records")
    assert (row["event_type"], row["sub_event_type"]) == ("Strategic developments", "Other")
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"]) == (
        "'=HYPERLINK(\"http://x.invalid\")", 0, "Kataib Sayyid al-Shuhada", 3)  # no formula
    assert row["interaction"] == 30 and (row["latitude"], row["longitude"]) == (-12.3456789, 170.5)
    assert row["geo_precision"] == 1 and row["country"] == "Freedonia"
    (feature,) = read_geojson(out / "minimal.geojson").features
    assert feature.geometry.coordinates == [170.5, -12.345679]


@pytest.mark.parametrize("country", [*COUNTRIES, "Freedonia"])
def test_every_country_makes_a_valid_location(country: str, tmp_path: Path) -> None:
    data = yaml.safe_load((DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8"))
    data["incident"]["place"] = {"name": "somewhere", "country": country.title()}
    path = tmp_path / "minimal.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    bundle = check_bundle(render_stix(load_any(path, ROOT / "seeds")))
    locations = by_type(bundle, "location")
    if country in COUNTRIES:
        (location,) = locations
        assert location["country"] == COUNTRIES[country].alpha2
        assert [c.alpha2 for c in find_countries(f"in {country.upper()}.")] == [
            COUNTRIES[country].alpha2]
    else:  # no code and no coordinates: STIX has no valid location for it
        assert not locations
        (incident,) = by_type(bundle, "incident")
        assert "somewhere" in incident["description"]


TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc", "Cf", "Cn")), min_size=1,
               max_size=30)
"""Text the loader mostly accepts (it refuses controls and unpaired bidi marks, located)."""


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.filter_too_much])
@given(name=TEXT, place=TEXT)
def test_any_text_makes_valid_exports(name: str, place: str, tmp_path: Path) -> None:
    """Whatever an actor or a place is called, a brief that loads gives a bundle without
    warnings and a CSV and GeoJSON that read back to the text typed."""
    data = yaml.safe_load((DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8"))
    data["actors"][1]["name"] = name  # the coalition, whom the claim accuses
    data["incident"]["place"] = {"name": place, "country": "Syria", "lat": 34.1, "lon": 40.2}
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    path = folder / "minimal.yaml"
    path.write_text(json.dumps(data, default=str, ensure_ascii=False), encoding="utf-8")
    try:
        brief = load_any(path, ROOT / "seeds")
    except ValidationError:
        assume(False)
        return
    assert isinstance(brief, Brief)
    check_bundle(render_stix(brief))
    out = folder / "out"
    assert not build_briefs([path], out, ["csv", "geojson"], Options(seeds=ROOT / "seeds")).failed
    with (out / "incidents.csv").open(encoding="utf-8-sig", newline="") as stream:
        (row,) = csv.DictReader(stream)
    assert row["actor1"] == defuse(brief.actors[1].name)  # as typed, or no formula
    assert row["location"] == defuse(brief.incident.place.name)
    (feature,) = read_geojson(out / "minimal.geojson").features
    assert feature.properties["place"] == brief.incident.place.name


def test_csv_is_whole_when_the_record_cannot_be_saved(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The record is a cache: a build that cannot save it reads the rows from the briefs."""
    from briefgen.state import BuildState

    monkeypatch.setattr(BuildState, "record", lambda self, brief, entry: self.abandon())
    assert not build_briefs([ROOT / "briefs"], tmp_path, ["csv"]).failed
    assert list(read_csv(tmp_path / "incidents.csv")["briefgen_id"]) == list(
        load_incidents(ROOT / "briefs"))
