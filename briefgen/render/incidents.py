"""The facts of an incident that the data exports (CSV, GeoJSON) share, as plain values.

A comparison contributes the incidents it compares: the exports are of incidents, and a
comparison is a view of several.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from briefgen import analysis

if TYPE_CHECKING:
    from briefgen.model import Brief, Loaded


class Country(NamedTuple):
    alpha2: str
    numeric: int
    stix_region: str
    """STIX 2.1's region-ov."""
    acled_region: str


COUNTRIES = {
    "afghanistan": Country("AF", 4, "southern-asia", "Caucasus and Central Asia"),
    "algeria": Country("DZ", 12, "northern-africa", "Northern Africa"),
    "armenia": Country("AM", 51, "western-asia", "Caucasus and Central Asia"),
    "azerbaijan": Country("AZ", 31, "western-asia", "Caucasus and Central Asia"),
    "bahrain": Country("BH", 48, "western-asia", "Middle East"),
    "burkina faso": Country("BF", 854, "western-africa", "Western Africa"),
    "cameroon": Country("CM", 120, "middle-africa", "Middle Africa"),
    "central african republic": Country("CF", 140, "middle-africa", "Middle Africa"),
    "chad": Country("TD", 148, "middle-africa", "Middle Africa"),
    "democratic republic of the congo": Country("CD", 180, "middle-africa", "Middle Africa"),
    "dr congo": Country("CD", 180, "middle-africa", "Middle Africa"),
    "djibouti": Country("DJ", 262, "eastern-africa", "Eastern Africa"),
    "egypt": Country("EG", 818, "northern-africa", "Northern Africa"),
    "eritrea": Country("ER", 232, "eastern-africa", "Eastern Africa"),
    "ethiopia": Country("ET", 231, "eastern-africa", "Eastern Africa"),
    "georgia": Country("GE", 268, "western-asia", "Caucasus and Central Asia"),
    "india": Country("IN", 356, "southern-asia", "South Asia"),
    "iran": Country("IR", 364, "southern-asia", "Middle East"),
    "iraq": Country("IQ", 368, "western-asia", "Middle East"),
    "israel": Country("IL", 376, "western-asia", "Middle East"),
    "jordan": Country("JO", 400, "western-asia", "Middle East"),
    "kenya": Country("KE", 404, "eastern-africa", "Eastern Africa"),
    "kuwait": Country("KW", 414, "western-asia", "Middle East"),
    "lebanon": Country("LB", 422, "western-asia", "Middle East"),
    "libya": Country("LY", 434, "northern-africa", "Northern Africa"),
    "mali": Country("ML", 466, "western-africa", "Western Africa"),
    "morocco": Country("MA", 504, "northern-africa", "Northern Africa"),
    "mozambique": Country("MZ", 508, "eastern-africa", "Southern Africa"),
    "myanmar": Country("MM", 104, "south-eastern-asia", "Southeast Asia"),
    "niger": Country("NE", 562, "western-africa", "Western Africa"),
    "nigeria": Country("NG", 566, "western-africa", "Western Africa"),
    "oman": Country("OM", 512, "western-asia", "Middle East"),
    "pakistan": Country("PK", 586, "southern-asia", "South Asia"),
    "palestine": Country("PS", 275, "western-asia", "Middle East"),
    "qatar": Country("QA", 634, "western-asia", "Middle East"),
    "russia": Country("RU", 643, "eastern-europe", "Europe"),
    "saudi arabia": Country("SA", 682, "western-asia", "Middle East"),
    "somalia": Country("SO", 706, "eastern-africa", "Eastern Africa"),
    "south sudan": Country("SS", 728, "eastern-africa", "Eastern Africa"),
    "sudan": Country("SD", 729, "northern-africa", "Northern Africa"),
    "syria": Country("SY", 760, "western-asia", "Middle East"),
    "tunisia": Country("TN", 788, "northern-africa", "Northern Africa"),
    "turkey": Country("TR", 792, "western-asia", "Middle East"),
    "türkiye": Country("TR", 792, "western-asia", "Middle East"),
    "ukraine": Country("UA", 804, "eastern-europe", "Europe"),
    "united arab emirates": Country("AE", 784, "western-asia", "Middle East"),
    "united kingdom": Country("GB", 826, "northern-europe", "Europe"),
    "united states": Country("US", 840, "northern-america", "North America"),
    "yemen": Country("YE", 887, "western-asia", "Middle East"),
}
"""Countries by the names editors write: ISO 3166-1 codes, the UN M49 region STIX uses and
ACLED's region. A country not here is printed as written, with no code; add a line for it."""


def find_countries(text: str) -> list[Country]:
    """The countries ``text`` names (``Syria or Iraq (the sources differ)``: two), once each,
    in the order the text names them; a name inside a longer one (Sudan in South Sudan)
    does not count."""
    lowered = text.lower()
    spans = sorted((match.start(), match.end(), country) for name, country in COUNTRIES.items()
                   for match in re.finditer(rf"\b{re.escape(name)}\b", lowered))
    kept = [(start, country) for start, end, country in spans
            if not any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in spans)]
    return list(dict.fromkeys(country for _, country in kept))


def list_incidents(loaded: Loaded) -> tuple[Brief, ...]:
    """The incidents of a brief: itself, or those a comparison compares."""
    from briefgen.model import ComparisonSet

    return loaded.incidents if isinstance(loaded, ComparisonSet) else (loaded,)


def list_targets(brief: Brief) -> list[str]:
    """Ids of the armed groups that were hit, as the file lists them: the militias, armed
    groups and umbrellas that no claim names as a perpetrator. (The file has no field for
    the target; in these briefs the side that was hit is the armed group that accuses.)"""
    perpetrators = set(analysis.list_perpetrators(brief))
    return [a.id for a in brief.actors
            if a.kind in ("militia", "armed-group", "umbrella") and a.id not in perpetrators]


def killed_range(brief: Brief) -> analysis.GroupRange | None:
    """The claimed deaths of the group most claims count: its conservative low, its high."""
    return analysis.principal_range(brief, "killed")


_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def plain_text(markdown: str) -> str:
    """Prose without its Markdown emphasis, code marks and link targets, on one line."""
    return " ".join(_MARKUP.sub("", _LINK.sub(r"\1", markdown)).split())
