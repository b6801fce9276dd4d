"""The facts of an incident that the data exports (CSV, GeoJSON) share, as plain values.

A comparison contributes the incidents it compares: the exports are of incidents, and a
comparison is a view of several.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from briefgen import analysis

if TYPE_CHECKING:
    from briefgen.load import Loaded
    from briefgen.model import Brief


class Country(NamedTuple):
    alpha2: str
    numeric: int
    stix_region: str
    """STIX 2.1's region-ov."""
    acled_region: str


COUNTRIES = {
    "afghanistan": Country("AF", 4, "southern-asia", "Caucasus and Central Asia"),
    "bahrain": Country("BH", 48, "western-asia", "Middle East"),
    "egypt": Country("EG", 818, "northern-africa", "Northern Africa"),
    "iran": Country("IR", 364, "southern-asia", "Middle East"),
    "iraq": Country("IQ", 368, "western-asia", "Middle East"),
    "israel": Country("IL", 376, "western-asia", "Middle East"),
    "jordan": Country("JO", 400, "western-asia", "Middle East"),
    "kuwait": Country("KW", 414, "western-asia", "Middle East"),
    "lebanon": Country("LB", 422, "western-asia", "Middle East"),
    "libya": Country("LY", 434, "northern-africa", "Northern Africa"),
    "oman": Country("OM", 512, "western-asia", "Middle East"),
    "pakistan": Country("PK", 586, "southern-asia", "South Asia"),
    "palestine": Country("PS", 275, "western-asia", "Middle East"),
    "qatar": Country("QA", 634, "western-asia", "Middle East"),
    "saudi arabia": Country("SA", 682, "western-asia", "Middle East"),
    "somalia": Country("SO", 706, "eastern-africa", "Eastern Africa"),
    "syria": Country("SY", 760, "western-asia", "Middle East"),
    "turkey": Country("TR", 792, "western-asia", "Middle East"),
    "türkiye": Country("TR", 792, "western-asia", "Middle East"),
    "united arab emirates": Country("AE", 784, "western-asia", "Middle East"),
    "yemen": Country("YE", 887, "western-asia", "Middle East"),
}
"""Countries the briefs name: ISO 3166-1 codes and the regions STIX and ACLED use."""


def find_countries(text: str) -> list[Country]:
    """The countries ``text`` names (``Syria or Iraq (the sources differ)``: two), once each,
    in the order the text names them."""
    lowered = text.lower()
    found = sorted((match.start(), country) for name, country in COUNTRIES.items()
                   if (match := re.search(rf"\b{re.escape(name)}\b", lowered)))
    return list(dict.fromkeys(country for _, country in found))


def list_incidents(loaded: Loaded) -> tuple[Brief, ...]:
    """The incidents of a brief: itself, or those a comparison compares."""
    from briefgen.load import ComparisonSet

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
