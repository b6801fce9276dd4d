"""One CSV of a batch's incidents, in ACLED's columns and conventions: ``out/incidents.csv``.

Each brief contributes a row per incident (a comparison, those it compares; an incident in
both is written once). UTF-8 with a byte-order mark, so that Excel reads the Arabic names
and dashes as UTF-8 (LibreOffice and pandas read it either way), and CRLF line ends, as
RFC 4180 has them. Text that a spreadsheet would take for a formula starts with an
apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from briefgen.render import OutputFormat

if TYPE_CHECKING:
    from briefgen.model import Actor, Brief, Loaded

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
    # briefgen's own
    "briefgen_id", "attribution", "strike_status", "date_start", "date_end", "fatalities_high",
)
"""ACLED's columns in ACLED's order, then briefgen's."""

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"exact": 1, "near": 2, "region": 3}

SUB_EVENT_TYPES = (
    # (words in our event_type, ACLED's event type, sub-event type); the earliest words in
    # the text win: "air strike or ground attack" is coded as the air strike it names first
    (("air strike", "airstrike", "air raid", "drone", "bomb"),
     "Explosions/Remote violence", "Air/drone strike"),
    (("shelling", "artillery", "missile", "rocket", "mortar"),
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    (("suicide",), "Explosions/Remote violence", "Suicide bomb"),
    (("ied", "landmine", "roadside", "car bomb", "explosive"),
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    (("grenade",), "Explosions/Remote violence", "Grenade"),
    (("ground attack", "armed clash", "clash", "raid", "ambush", "battle", "assault"),
     "Battles", "Armed clash"),
)
OTHER = ("Strategic developments", "Other")
"""An event type the words above do not name."""

INTER = {"state": 1, "government": 1, "armed-forces": 1, "armed-group": 2, "militia": 3,
         "umbrella": 3, "coalition": 8}
"""ACLED's actor types: 1 state forces, 2 rebel groups, 3 political militias, 8 external
or other forces (a coalition); persons take their parent's, media none (0)."""


def classify(event_type: str) -> tuple[str, str]:
    """ACLED's event type and sub-event type for our free-text event type."""
    import re

    text = event_type.lower()
    found: list[tuple[int, str, str]] = []
    for words, event, sub_event in SUB_EVENT_TYPES:
        for word in words:
            match = re.search(rf"\b{re.escape(word)}", text)
            if match:
                found.append((match.start(), event, sub_event))
    if not found:
        return OTHER
    _, event, sub_event = min(found)
    return event, sub_event


def inter_code(actor: Actor | None, actors: dict[str, Actor]) -> int:
    seen: set[str] = set()
    while actor is not None and actor.id not in seen:
        if actor.kind in INTER:
            return INTER[actor.kind]
        seen.add(actor.id)
        actor = actors.get(actor.parent or "")
    return 0


def make_rows(loaded: Loaded) -> list[dict[str, Any]]:
    """A row per incident of the brief: JSON values, as the build record keeps them."""
    from briefgen.render.incidents import list_incidents

    return [make_row(brief) for brief in list_incidents(loaded)]


def make_row(brief: Brief) -> dict[str, Any]:
    import datetime as dt

    from briefgen import analysis
    from briefgen.render.incidents import (
        find_countries,
        killed_range,
        list_targets,
        plain_text,
    )

    incident = brief.incident
    place = incident.place
    window = incident.date
    end = window.end or window.start
    middle = window.start + (end - window.start) // 2
    actors = {actor.id: actor for actor in brief.actors}
    perpetrators = analysis.list_perpetrators(brief)
    targets = list_targets(brief)
    actor1 = actors.get(perpetrators[0]) if perpetrators else None
    actor2 = actors.get(targets[0]) if targets else None
    inter1, inter2 = inter_code(actor1, actors), inter_code(actor2, actors)
    countries = find_countries(place.country)
    country = countries[0] if len(countries) == 1 else None
    event, sub_event = classify(incident.event_type)
    cited = dict.fromkeys(s for claim in brief.claims for s in claim.sources)
    sources = {s.id: s for s in brief.sources}
    publishers = dict.fromkeys(sources[s].publisher or sources[s].title or s for s in cited)
    killed = killed_range(brief)
    revised = dt.datetime(*brief.revision.date.timetuple()[:3], tzinfo=dt.UTC)
    tags = [f"strike status: {incident.strike_status}"]
    if incident.attribution:
        tags.append(f"attribution: {incident.attribution}")
    return {
        "event_id_cnty": brief.id,
        "event_date": middle.isoformat(),
        "year": middle.year,
        "time_precision": TIME_PRECISION[window.precision],
        "disorder_type": "Political violence" if event != OTHER[0] else "Strategic developments",
        "event_type": event,
        "sub_event_type": sub_event,
        "actor1": actor1.name if actor1 else "",
        "assoc_actor_1": "; ".join(actors[p].name for p in perpetrators[1:]),
        "inter1": inter1,
        "actor2": actor2.name if actor2 else "",
        "assoc_actor_2": "; ".join(actors[t].name for t in targets[1:]),
        "inter2": inter2,
        "interaction": int("".join(sorted(f"{inter1}{inter2}"))) if inter1 and inter2 else
        max(inter1, inter2) * 10,
        "civilian_targeting": "",
        "iso": country.numeric if country else None,
        "region": countries[0].acled_region if countries else "",
        "country": place.country,
        "admin1": place.admin1 or "",
        "admin2": "",
        "admin3": "",
        "location": place.name,
        "latitude": place.lat,
        "longitude": place.lon,
        "geo_precision": GEO_PRECISION[place.precision],
        "source": "; ".join(publishers),
        "source_scale": "",
        "notes": plain_text(brief.bluf),
        "fatalities": killed.low if killed else 0,
        "tags": "; ".join(tags),
        "timestamp": int(revised.timestamp()),
        "briefgen_id": brief.id,
        "attribution": incident.attribution or "",
        "strike_status": incident.strike_status,
        "date_start": window.start.isoformat(),
        "date_end": end.isoformat(),
        "fatalities_high": killed.high if killed else 0,
    }


def collect(rows: Iterable[dict[str, Any]]) -> bytes:
    """The CSV of every row, each incident once (the first row for it), in order."""
    stream = io.StringIO()
    stream.write("\ufeff")
    writer = csv.DictWriter(stream, COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    seen: set[str] = set()
    for row in rows:
        if row["briefgen_id"] in seen:
            continue
        seen.add(row["briefgen_id"])
        writer.writerow({k: defuse(v) for k, v in row.items()})
    return stream.getvalue().encode("utf-8")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (``=HYPERLINK(...)`` would fetch)."""


def defuse(value: Any) -> Any:
    """A cell as written: empty for none, and text that a spreadsheet would run as a formula
    quoted with an apostrophe, as OWASP advises against CSV injection."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


FORMAT = OutputFormat("csv", ".csv", "one CSV of the batch's incidents, in ACLED's columns",
                      rows=make_rows, collect=collect, collected="incidents")
