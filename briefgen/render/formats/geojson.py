"""GeoJSON (RFC 7946) per brief: a FeatureCollection of its incidents that have coordinates,
for QGIS or a web map.

Per brief, not per batch: the file is the brief's map (one incident, or every incident a
comparison compares) and is rebuilt, like the brief's other outputs, only when the brief
changes. The batch's map is the CSV's latitude and longitude, which QGIS reads as points.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from briefgen.render import OutputFormat

if TYPE_CHECKING:
    from briefgen.model import Brief
    from briefgen.render import Options, Rendering

COORDINATE_DIGITS = 6
"""RFC 7946 section 11.2: six decimal places (about 10 cm) are more than enough."""


def render(rendering: Rendering, _markdown: str, _options: Options) -> bytes:
    from briefgen.render.incidents import list_incidents

    features = [make_feature(incident) for incident in list_incidents(rendering.brief)
                if incident.incident.place.lat is not None
                and incident.incident.place.lon is not None]
    collection = {"type": "FeatureCollection", "features": features}
    return (json.dumps(collection, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def make_feature(brief: Brief) -> dict[str, Any]:
    """One incident as a point with its facts."""
    from briefgen import analysis
    from briefgen.render.incidents import killed_range

    incident = brief.incident
    place = incident.place
    assert place.lat is not None and place.lon is not None
    names = {actor.id: actor.name for actor in brief.actors}
    killed = killed_range(brief)
    return {
        "type": "Feature",
        "id": brief.id,
        "geometry": {"type": "Point",
                     "coordinates": [round(place.lon, COORDINATE_DIGITS),
                                     round(place.lat, COORDINATE_DIGITS)]},
        "properties": {
            "id": brief.id,
            "file": f"{brief.id}.yaml",
            "title": brief.title,
            "date": incident.date.start.isoformat(),
            "date_end": (incident.date.end or incident.date.start).isoformat(),
            "date_precision": incident.date.precision,
            "date_text": analysis.format_window(incident.date),
            "place": place.name,
            "country": place.country,
            "admin1": place.admin1,
            "geo_precision": place.precision,
            "event_type": incident.event_type,
            "strike_status": incident.strike_status,
            "attribution": incident.attribution,
            "perpetrators": [names[p] for p in analysis.list_perpetrators(brief)],
            "denied_by": list(dict.fromkeys(names[c.actor]
                                            for c in analysis.list_denials(brief))),
            "actors": [actor.name for actor in brief.actors],
            "killed_min": killed.low if killed else None,
            "killed_max": killed.high if killed else None,
            "killed_open_ended": killed.open_ended if killed else None,
            "killed_group": killed.group if killed else None,
            "killed": analysis.format_group_range(killed) if killed else None,
        },
    }


FORMAT = OutputFormat("geojson", ".geojson",
                      "GeoJSON of the incidents that have coordinates, for maps",
                      render=render, markdown=False)
