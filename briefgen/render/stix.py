"""A brief as a STIX 2.1 bundle, built with the OASIS ``stix2`` library.

One bundle per brief: a ``report`` whose ``object_refs`` name everything else; an
``identity`` per actor and per source publisher; a ``location`` for the place; the
``incident``; a ``note`` per claim (its actor, the quote, its sources as external
references); an ``opinion`` per key judgment; the TLP 2.0 ``marking-definition`` of the
handling on every object; and the ``extension-definition`` of briefgen's property extension,
which carries what STIX has no property for (casualty figures, the ICD 203 words, the
Admiralty grades, the strike status).

Ids are made from the brief's and the object's ids (UUIDv5's hash, written as version 4:
see ``make_uuid``), and every timestamp is the revision date, so a rebuild gives the same
bytes. This module imports ``stix2`` (about 0.14 s), and
only ``-f stix`` imports this module.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import TYPE_CHECKING, Any

import stix2

from briefgen.analysis import (
    CREDIBILITY_WORDS,
    RELIABILITY_WORDS,
    format_date,
    format_window,
    label_source,
    measure_ranges,
)
from briefgen.model import Actor, Brief, Claim, Comparison, Figure, Judgment, Source
from briefgen.render.incidents import find_countries

if TYPE_CHECKING:
    from briefgen.model import Loaded

NAMESPACE = uuid.UUID("0b7d1a55-3f2c-5e0e-9a44-627269656667")
"""The UUIDv5 namespace of every id briefgen makes (itself a fixed, made-up UUID)."""


def make_uuid(name: str) -> str:
    """A deterministic id for ``name``: UUIDv5's hash of it, stamped as a version-4 UUID.

    STIX 2.1 says the ids of domain and relationship objects SHOULD be UUIDv4, and the
    validator warns at any other version; a rebuild must give the same ids. So the 122
    bits are UUIDv5's (SHA-1 of the namespace and the name) and the version nibble says 4:
    random-looking, unique as UUIDv5 is, and the same on every build."""
    return str(uuid.UUID(bytes=uuid.uuid5(NAMESPACE, name).bytes, version=4))


EXTENSION_ID = "extension-definition--" + make_uuid("extension/briefgen/1")
EXTENSION_SCHEMA = "https://briefgen.invalid/stix/briefgen-extension-1.json"
"""The extension's schema: a name, not an address to fetch. The schema itself is
``docs/stix-extension.schema.json`` (its ``$id``), and the tests hold every bundle to it."""
EXTENSION_CREATED = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
PRODUCER_ID = "identity--" + make_uuid("identity/briefgen")

TLP_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
"""OASIS's TLP 2.0 extension (cti-stix-common-objects): the ids and content below are the
published marking definitions; ``stix2`` ships only TLP 1.0's."""
TLP_IDS = {
    "TLP:CLEAR": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "TLP:GREEN": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "TLP:AMBER": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "TLP:AMBER+STRICT": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    "TLP:RED": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}

LIKELIHOOD_OPINION = {
    "almost no chance": "strongly-disagree", "very unlikely": "strongly-disagree",
    "unlikely": "disagree", "roughly even chance": "neutral", "likely": "agree",
    "very likely": "strongly-agree", "almost certain": "strongly-agree",
}
"""An ICD 203 likelihood as STIX's opinion (agreement that the judgment is true)."""
LIKELIHOOD_PERCENT = {
    "almost no chance": 5, "very unlikely": 15, "unlikely": 30, "roughly even chance": 50,
    "likely": 70, "very likely": 85, "almost certain": 95,
}
"""The ICD 203 words as STIX 2.1's DNI scale (Appendix A) reads them, 0-100."""
CONFIDENCE_PERCENT = {"low": 15, "moderate": 50, "high": 85}
"""Analytic confidence on STIX 2.1's None/Low/Med/High scale (Appendix A)."""
CREDIBILITY_PERCENT = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}
"""Admiralty credibility on STIX 2.1's Admiralty Credibility scale (Appendix A); 6 (cannot
be judged) has no value there, so such a claim has no ``confidence``."""
GEO_PRECISION_METRES = {"exact": 1_000, "near": 10_000, "region": 100_000}

IDENTITY_CLASS = {
    "person": "individual", "militia": "group", "armed-group": "group", "umbrella": "group",
}
"""STIX identity classes; every other kind of actor is an organization."""


def render_stix(loaded: Loaded) -> bytes:
    """The brief (or comparison) as a STIX 2.1 bundle, JSON in UTF-8."""
    from briefgen.model import ComparisonSet

    objects: dict[str, Any] = {}
    if isinstance(loaded, ComparisonSet):
        report = add_comparison(loaded.comparison, loaded.incidents, objects)
    else:
        report = add_brief(loaded, objects)
    markings = {m for o in objects.values() for m in o.get("object_marking_refs", ())}
    shared = [make_producer(), make_extension()]
    tlp = [make_tlp(name) for name, ref in TLP_IDS.items()
           if ref in markings or name == "TLP:CLEAR"]
    bundle = stix2.v21.Bundle(
        id=make_id("bundle", report.id), objects=[*tlp, *shared, *objects.values()])
    # stix2's pretty printer sorts every object's keys by a quadratic search (0.8 s for a
    # brief): its compact text, in the library's property order, is indented here instead
    text = json.dumps(json.loads(bundle.serialize()), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def make_id(kind: str, *parts: str) -> str:
    return f"{kind}--{make_uuid('/'.join((kind, *parts)))}"


def stamp(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)


def make_tlp(name: str) -> stix2.v21.MarkingDefinition:
    """OASIS's TLP 2.0 marking definition for ``name`` (TLP:CLEAR ... TLP:RED)."""
    return stix2.v21.MarkingDefinition(
        id=TLP_IDS[name], created="2022-10-01T00:00:00.000Z", name=name,
        extensions={TLP_EXTENSION_ID: {"extension_type": "property-extension",
                                       "tlp_2_0": name.removeprefix("TLP:").lower()}})


def make_producer() -> stix2.v21.Identity:
    return stix2.v21.Identity(
        id=PRODUCER_ID, created=EXTENSION_CREATED, modified=EXTENSION_CREATED,
        name="briefgen", identity_class="system",
        description="The tool that rendered these incident briefs into STIX.",
        object_marking_refs=[TLP_IDS["TLP:CLEAR"]])


def make_extension() -> stix2.v21.ExtensionDefinition:
    return stix2.v21.ExtensionDefinition(
        id=EXTENSION_ID, created_by_ref=PRODUCER_ID, created=EXTENSION_CREATED,
        modified=EXTENSION_CREATED, name="briefgen incident brief",
        description="What an incident brief says that STIX has no property for: the "
        "incident’s date window, event type, strike status and attribution grade; the "
        "casualty figures of each claim as min/max with the claim’s words, and the "
        "incident’s conservative ranges; the actors’ kinds, aliases and parents; the "
        "claims’ kinds and Admiralty credibility; the judgments’ ICD 203 likelihood and "
        "confidence words.",
        schema=EXTENSION_SCHEMA, version="1.0.0", extension_types=["property-extension"],
        object_marking_refs=[TLP_IDS["TLP:CLEAR"]])


def extension(**properties: Any) -> dict[str, Any]:
    """The ``extensions`` of an object: briefgen's, with the properties that have values."""
    kept = {k: v for k, v in properties.items() if v not in (None, (), [], "")}
    return {EXTENSION_ID: {"extension_type": "property-extension", **kept}}


def describe_figure(figure: Figure | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    return {k: v for k, v in (("min", figure.min), ("max", figure.max),
                              ("text", figure.text)) if v is not None}


class Common:
    """What every object of one brief shares: who made it, when, under which marking."""

    def __init__(self, brief_id: str, handling: str, date: dt.date, creator: str) -> None:
        self.brief_id = brief_id
        self.marking = [TLP_IDS[handling]]
        self.time = stamp(date)
        self.creator = creator

    def __call__(self, kind: str, key: str) -> dict[str, Any]:
        return {"id": make_id(kind, self.brief_id, key), "created": self.time,
                "modified": self.time, "created_by_ref": self.creator,
                "object_marking_refs": self.marking}


def add_authors(brief_id: str, authors: tuple[str, ...], common: Common,
                objects: dict[str, Any]) -> str:
    """The identity of the brief's authors, who create its objects."""
    identity = stix2.v21.Identity(
        **{**common("identity", "authors"), "created_by_ref": PRODUCER_ID},
        name=", ".join(authors), identity_class="group" if len(authors) > 1 else "unknown",
        description=f"Authors of the brief {brief_id}.")
    objects[identity.id] = identity
    return str(identity.id)


def add_brief(brief: Brief, into: dict[str, Any]) -> stix2.v21.Report:
    """The objects of one incident brief into ``into``; its report returned."""
    objects: dict[str, Any] = {}
    authors_id = make_id("identity", brief.id, "authors")
    common = Common(brief.id, brief.handling, brief.revision.date, authors_id)
    add_authors(brief.id, brief.revision.authors, common, objects)
    actors = {actor.id: add_actor(actor, common, objects) for actor in brief.actors}
    sources = {source.id: source for source in brief.sources}
    for source in brief.sources:
        add_publisher(source, common, objects)
    location = add_location(brief, common, objects)
    incident = add_incident(brief, common, objects)
    if location is not None:
        objects[make_id("relationship", brief.id, "location")] = stix2.v21.Relationship(
            **common("relationship", "location"), relationship_type="related-to",
            description="The incident took place at this location.",
            source_ref=incident, target_ref=location)
    notes = {claim.id: add_claim(claim, incident, actors, sources, common, objects)
             for claim in brief.claims}
    for number, judgment in enumerate(brief.judgments, 1):
        add_judgment(number, judgment, incident, notes, brief, common, objects)
    report = stix2.v21.Report(
        **common("report", "report"), name=brief.title, description=brief.bluf,
        published=common.time, report_types=["threat-report"],
        labels=labels(brief),
        object_refs=list(objects),
        external_references=[{"source_name": "briefgen", "external_id": brief.id}],
        extensions=extension(revision=brief.revision.number,
                             changes=brief.revision.changes, handling=brief.handling))
    into.update(objects)
    into[report.id] = report
    return report


def labels(brief: Brief) -> list[str]:
    incident = brief.incident
    found = ["incident-brief", f"strike-status:{incident.strike_status}"]
    if incident.attribution:
        found.append(f"attribution:{incident.attribution}")
    return found


def add_actor(actor: Actor, common: Common, objects: dict[str, Any]) -> str:
    details = [f"Kind: {actor.kind}."]
    if actor.aliases:
        details.append(f"Also known as: {', '.join(actor.aliases)}.")
    if actor.name_ar:
        details.append(f"In Arabic: {actor.name_ar}.")
    identity = stix2.v21.Identity(
        **common("identity", f"actor/{actor.id}"), name=actor.name,
        identity_class=IDENTITY_CLASS.get(actor.kind, "organization"),
        description=" ".join(details),
        extensions=extension(actor_id=actor.id, actor_kind=actor.kind,
                             aliases=list(actor.aliases),
                             name_ar=actor.name_ar,
                             parent_ref=make_id("identity", common.brief_id,
                                                f"actor/{actor.parent}")
                             if actor.parent else None))
    objects[identity.id] = identity
    return str(identity.id)


def add_publisher(source: Source, common: Common, objects: dict[str, Any]) -> None:
    """An identity per publisher: two articles of one publisher share it."""
    if source.publisher is None:
        return
    key = f"publisher/{' '.join(source.publisher.lower().split())}"
    ref = make_id("identity", common.brief_id, key)
    if ref in objects:
        return
    objects[ref] = stix2.v21.Identity(
        **common("identity", key), name=source.publisher, identity_class="organization",
        description=f"Publisher of sources the brief cites"
        f"{'; ' + source.affiliation if source.affiliation else ''}.")


def add_location(brief: Brief, common: Common, objects: dict[str, Any]) -> str | None:
    """The place as a location: by coordinates, country code or region. A place with none
    of them (no coordinates, a country ``COUNTRIES`` does not know) cannot be a valid
    location, and has none: the incident's description names it."""
    place = brief.incident.place
    country, region = find_country(place.country)
    where: dict[str, Any] = {}
    if place.lat is not None and place.lon is not None:
        where.update(latitude=place.lat, longitude=place.lon,
                     precision=GEO_PRECISION_METRES[place.precision])
    if country:
        where["country"] = country
    if region:
        where["region"] = region
    if not where:
        return None
    if place.admin1:
        where["administrative_area"] = place.admin1
    location = stix2.v21.Location(
        **common("location", "place"), name=place.name,
        description=f"{place.name}; country: {place.country}"
        f"{'; ' + place.admin1 if place.admin1 else ''}; precision: {place.precision}.",
        extensions=extension(country_text=place.country, geo_precision=place.precision),
        **where)
    objects[location.id] = location
    return str(location.id)


def find_country(text: str) -> tuple[str | None, str | None]:
    """The ISO code of the one country ``text`` names, else the region of all it names."""
    named = find_countries(text)
    regions = {country.stix_region for country in named}
    if len(named) == 1:
        return named[0].alpha2, named[0].stix_region
    return None, (regions.pop() if len(regions) == 1 else None)


def add_incident(brief: Brief, common: Common, objects: dict[str, Any]) -> str:
    incident = brief.incident
    ranges = {count: [{"group": r.group, "low": r.low, "high": r.high,
                       "open_ended": r.open_ended, "claims": len(r.figures)}
                      for r in measure_ranges(brief, count)]
              for count in ("killed", "wounded")}
    made = stix2.v21.Incident(
        **common("incident", "incident"), name=brief.title,
        description=f"{incident.event_type}, {format_window(incident.date)}, "
        f"{incident.place.name}. Strike status: {incident.strike_status}"
        f"{'; attribution: ' + incident.attribution if incident.attribution else ''}.",
        extensions=extension(
            briefgen_id=brief.id, event_type=incident.event_type,
            strike_status=incident.strike_status, attribution=incident.attribution,
            date_start=incident.date.start.isoformat(),
            date_end=incident.date.end.isoformat() if incident.date.end else None,
            date_precision=incident.date.precision,
            killed_ranges=ranges["killed"], wounded_ranges=ranges["wounded"]))
    objects[made.id] = made
    return str(made.id)


def cite(source: Source) -> dict[str, Any]:
    """A source as an external reference."""
    words = [label_source(source)]
    if source.title and source.publisher:
        words.append(f"“{source.title}”")
    words.append(f"reliability {source.reliability} "
                 f"({RELIABILITY_WORDS[source.reliability]})")
    if source.affiliation:
        words.append(source.affiliation)
    reference: dict[str, Any] = {"source_name": source.publisher or source.title or source.id,
                                 "description": "; ".join(words), "external_id": source.id}
    if source.url:
        reference["url"] = source.url
    return reference


def add_claim(claim: Claim, incident: str, actors: dict[str, str], sources: dict[str, Source],
              common: Common, objects: dict[str, Any]) -> str:
    """A claim as a note about the incident, its actor and whom it is against."""
    cited = [sources[claim.quote_source]] if claim.quote_source else []
    cited += [sources[s] for s in claim.sources if s != claim.quote_source]
    if claim.via:
        cited.append(sources[claim.via])
    casualties = claim.casualties
    content = claim.summary if claim.quote is None else f"{claim.summary}\n\n“{claim.quote}”"
    who = [actors[claim.actor], *(actors[a] for a in claim.against if a != claim.actor)]
    note = stix2.v21.Note(
        **common("note", f"claim/{claim.id}"), abstract=claim.summary, content=content,
        authors=[claim.speaker] if claim.speaker else None,
        object_refs=[incident, *dict.fromkeys(who)],
        confidence=CREDIBILITY_PERCENT.get(claim.credibility),
        labels=[f"claim:{claim.kind}"],
        external_references=[cite(source) for source in cited],
        extensions=extension(
            claim_id=claim.id, claim_kind=claim.kind, actor_ref=actors[claim.actor],
            against_refs=[actors[a] for a in claim.against],
            date=claim.date.isoformat() if claim.date else None, quote=claim.quote,
            credibility=claim.credibility,
            credibility_words=CREDIBILITY_WORDS[claim.credibility],
            single_sourced=claim.via is not None or len(claim.sources) == 1,
            killed=describe_figure(casualties.killed) if casualties else None,
            wounded=describe_figure(casualties.wounded) if casualties else None,
            counted=casualties.of if casualties else None))
    objects[note.id] = note
    return str(note.id)


def add_judgment(number: int, judgment: Judgment, incident: str, notes: dict[str, str],
                 brief: Brief, common: Common, objects: dict[str, Any]) -> None:
    """A key judgment as the authors' opinion of the incident and the claims it rests on."""
    likelihood = judgment.likelihood
    opinion = stix2.v21.Opinion(
        **common("opinion", f"judgment/{number}"), explanation=judgment.text,
        authors=list(brief.revision.authors),
        opinion=LIKELIHOOD_OPINION[likelihood] if likelihood else "neutral",
        confidence=CONFIDENCE_PERCENT[judgment.confidence] if judgment.confidence else None,
        object_refs=[incident, *(notes[c] for c in judgment.rests_on)],
        extensions=extension(likelihood=likelihood,
                             likelihood_percent=LIKELIHOOD_PERCENT.get(likelihood or ""),
                             analytic_confidence=judgment.confidence, number=number))
    objects[opinion.id] = opinion


def add_comparison(comparison: Comparison, incidents: tuple[Brief, ...],
                   objects: dict[str, Any]) -> stix2.v21.Report:
    """A comparison: each incident's objects as its own bundle has them, and a report of
    the comparison whose pattern is a note on the incidents."""
    reports = [add_brief(brief, objects) for brief in incidents]
    incident_refs = [make_id("incident", brief.id, "incident") for brief in incidents]
    authors_id = make_id("identity", comparison.id, "authors")
    common = Common(comparison.id, comparison.handling, comparison.revision.date, authors_id)
    add_authors(comparison.id, comparison.revision.authors, common, objects)
    pattern = stix2.v21.Note(
        **common("note", "pattern"), abstract="The pattern across the incidents",
        content=comparison.pattern, authors=list(comparison.revision.authors),
        object_refs=[*(r.id for r in reports), *incident_refs])
    objects[pattern.id] = pattern
    first = min(b.incident.date.start for b in incidents)
    report = stix2.v21.Report(
        **common("report", "report"), name=comparison.title,
        description=comparison.bluf, published=common.time, report_types=["threat-report"],
        labels=["comparison-brief"], object_refs=list(objects),
        external_references=[{"source_name": "briefgen", "external_id": comparison.id}],
        extensions=extension(revision=comparison.revision.number,
                             changes=comparison.revision.changes,
                             handling=comparison.handling,
                             incidents=list(comparison.incidents),
                             first_date=format_date(first)))
    objects[report.id] = report
    return report
