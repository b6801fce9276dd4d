"""The incident file's schema: one model per concept, a docstring per field.

The docstrings are the field reference: they become hints, docs/fields.md and the JSON
Schema's descriptions.
Cross-references (a claim's actor, a judgment's claims) are checked in ``load``, where
every problem can be located in the file.
"""

import datetime as dt
from typing import Annotated, Literal

from briefgen.schema import PROSE, Filled, Key, MinItems, Model, Pattern, Range, Refused

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

RESERVED_IDS = frozenset(["con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)),
                          *(f"lpt{n}" for n in range(10))])
"""Names Windows keeps for devices: ``con.docx`` cannot be opened or written there."""


Id = Annotated[str, Pattern(ID_PATTERN, "{found} is not a valid id", "use lower-case letters, "
                             "digits and single hyphens, e.g. al-tanf-2017"),
              Refused(RESERVED_IDS, "{found} is a device name that Windows reserves, so its "
                      "files could not be written there", "choose another id, e.g. add the year")]
Text = Annotated[str, Filled(strip=True)]
Markdown = Annotated[str, Filled(), PROSE]
"""Prose the editor writes in Markdown; everything else is printed as plain text."""

Handling = Literal["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"]
Likelihood = Literal[
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
]
Confidence = Literal["low", "moderate", "high"]
Reliability = Literal["A", "B", "C", "D", "E", "F"]
StrikeStatus = Literal["declared", "alleged", "denied", "contested"]
AttributionGrade = Literal["confirmed", "fair", "weak", "contested", "discounted"]
DatePrecision = Literal["day", "week", "month", "year"]
GeoPrecision = Literal["exact", "near", "region"]
ActorKind = Literal[
    "state", "government", "armed-forces", "coalition", "militia", "armed-group", "umbrella",
    "person", "media",
]
ClaimKind = Literal[
    "accuses", "denies", "claims-responsibility", "declines-comment", "finds", "reports",
    "assesses",
]

LIKELIHOOD_WORDS: tuple[str, ...] = Likelihood.__args__  # type: ignore[attr-defined]
CONFIDENCE_WORDS: tuple[str, ...] = Confidence.__args__  # type: ignore[attr-defined]


class Revision(Model):
    """Who issued this revision, when, and what changed."""

    number: Annotated[int, Range(ge=1)]
    """Revision number, 1 for the first issue; raise it with every reissue."""
    date: dt.date
    """Date of this revision (YYYY-MM-DD); printed on the brief and used for its properties."""
    authors: Annotated[tuple[Text, ...], MinItems(1)]
    """Analysts and editors responsible for this revision."""
    changes: Text
    """What changed in this revision (ICD 203 standard 7: say what changed and why)."""


class DateWindow(Model):
    """When it happened, as precisely as the sources allow."""

    start: dt.date
    """First day the incident may have happened on."""
    end: dt.date | None = None
    """Last possible day, when the date is known only as a window."""
    precision: DatePrecision = "day"
    """How precisely the date is known (after ACLED's time precision): day, week, month, year."""


class Place(Model):
    """Where it happened, as precisely as the sources allow."""

    name: Text
    """Where it happened, as the sources name it (``east of al-Tanf``)."""
    country: Text
    """Country the place lies in."""
    admin1: Text | None = None
    """First-level administrative region (province, governorate)."""
    lat: Annotated[float, Range(ge=-90, le=90)] | None = None
    """Latitude in decimal degrees, only when the sources allow it."""
    lon: Annotated[float, Range(ge=-180, le=180)] | None = None
    """Longitude in decimal degrees, only when the sources allow it."""
    precision: GeoPrecision = "region"
    """How precisely the place is known (after ACLED's geo precision): exact, near, region."""


class Incident(Model):
    """When, where and what, with precision and the attribution grade."""

    date: DateWindow
    """When it happened."""
    place: Place
    """Where it happened."""
    event_type: Text
    """What kind of event it was (``air or drone strike``, ``shelling``)."""
    strike_status: StrikeStatus
    """Airwars' strike status: declared, alleged, denied or contested."""
    attribution: AttributionGrade | None = None
    """The editor's grade of the attribution, after Airwars: confirmed (the belligerent says
    so), fair (two or more credible sources), weak (one source), contested (competing claims of
    responsibility), discounted (the belligerent's part judged unlikely). Checked against the
    claims; leaving it out is a warning."""


class Actor(Model):
    """Everyone who acts or speaks in the brief."""

    id: Id
    """Stable id that claims refer to (``kss``)."""
    name: Text
    """Name as the brief prints it."""
    aliases: tuple[Text, ...] = ()
    """Other names the sources use for it."""
    name_ar: Text | None = None
    """The name in Arabic script, where it is well established."""
    kind: ActorKind
    """What kind of actor it is."""
    parent: Id | None = None
    """Id of the actor it belongs to (Kataib Sayyid al-Shuhada -> Popular Mobilisation Forces)."""


class Source(Model):
    """An article the brief rests on, or an upstream report it relays."""

    id: Id
    """Stable id that claims cite."""
    seed: Text | None = None
    """File name of the article's text in seeds/; quotes are checked against it. Empty for an
    upstream report the articles relay but that we do not hold (a Tasnim interview)."""
    publisher: Text | None = None
    """Who published the article, where known."""
    title: Text | None = None
    """The article's headline; empty when the text has none."""
    date: dt.date | None = None
    """Publication date, where the article gives it."""
    url: Text | None = None
    """Address of the article, where known."""
    descriptor: Text | None = None
    """ICD 206 source descriptor: who the source is and its access to what it reports."""
    affiliation: Text | None = None
    """Whom the source speaks for or is tied to (IRGC-affiliated; Islamic State propaganda).
    Required for outlets known to be state-run or propaganda."""
    reliability: Reliability
    """Admiralty-code reliability of the source, A (reliable) to F (cannot be judged)."""


MAX_FIGURE = 1_000_000
"""More than any one incident's toll: a larger figure is a typo or a campaign's total."""
TYPO = "no single incident has that many; check for a typo or a campaign's total"


class Figure(Model):
    """A casualty figure as a range, with the claim's own words."""

    min: Annotated[int, Range(ge=0, le=MAX_FIGURE, hint=TYPO)]
    """Lowest number the claim supports (ACLED's conservative count: "dozens" counts low)."""
    max: Annotated[int, Range(ge=0, le=MAX_FIGURE, hint=TYPO)] | None = None
    """Highest number the claim supports; empty when it gives no upper bound."""
    text: Text
    """The claim's own words for the figure (``more than 40``, ``36``, ``dozens``)."""


class Casualties(Model):
    """The casualty figures one claim gives."""

    killed: Figure | None = None
    """How many the claim says were killed."""
    wounded: Figure | None = None
    """How many the claim says were wounded."""
    of: Text | None = None
    """Who was counted (``fighters``, ``Revolutionary Guards``)."""


class Claim(Model):
    """One competing claim: who says what, about whom, carried by which sources."""

    id: Id
    """Stable id that judgments cite."""
    actor: Id
    """Id of the actor who makes the claim."""
    speaker: Text | None = None
    """The person who spoke for the actor, where the sources name one."""
    kind: ClaimKind
    """What the claim does: accuses, denies, claims-responsibility, declines-comment, finds
    (an official finding), reports, assesses."""
    against: tuple[Id, ...] = ()
    """Ids of the actors the claim is about (whom it accuses, whose strike it denies)."""
    date: dt.date | None = None
    """When the claim was made, where the sources say."""
    summary: Text
    """A neutral one-sentence summary of the claim."""
    quote: Text | None = None
    """The claimant's words exactly as a source prints them; checked against the seed text."""
    quote_source: Id | None = None
    """Id of the source the quote is copied from; needed when the claim has several sources."""
    sources: Annotated[tuple[Id, ...], MinItems(1)]
    """Ids of the sources that carry the claim."""
    via: Id | None = None
    """Id of the upstream report (in sources:) that every source of the claim relays, such as
    the leader's interview with Tasnim; the claim then counts as single-sourced."""
    credibility: Annotated[int, Range(ge=1, le=6)]
    """Admiralty-code credibility of the claim, 1 (confirmed) to 6 (cannot be judged)."""
    casualties: Casualties | None = None
    """The casualty figures the claim gives."""


class Judgment(Model):
    """One of the analyst's key judgments (ICD 203)."""

    text: Markdown
    """The analyst's judgment, one or two sentences of Markdown."""
    likelihood: Likelihood | None = None
    """ICD 203 likelihood word (almost no chance ... almost certain); a judgment without one
    is a warning."""
    confidence: Confidence | None = None
    """Analytic confidence, stated apart from likelihood: low, moderate, high; a judgment
    without one is a warning."""
    rests_on: tuple[Id, ...] = ()
    """Ids of the claims the judgment rests on; a judgment resting on none is a warning."""


class Implication(Model):
    """One thing the incident means."""

    text: Markdown
    """One implication, in Markdown."""
    horizon: Text | None = None
    """When it may bear (``weeks``, ``the 2018 elections``)."""


class Head(Model):
    """What every brief file starts with: format, id, title, marking, revision, bottom line."""

    schema_: Annotated[Literal[1], Key("schema")]
    """Version of this file format; 1."""
    id: Id
    """Stable id of the brief, lower-case letters, digits and hyphens; names the output files."""
    title: Text
    """Neutral one-line title."""
    handling: Handling
    """Distribution marking (Traffic Light Protocol), printed on every page."""
    revision: Revision
    """Revision number, date, authors and what changed."""
    bluf: Markdown
    """Bottom line up front: one or two sentences, printed first."""


class Brief(Head):
    """One curated incident file: the facts from the sources and the analyst's judgments."""

    incident: Incident
    """When, where and what, with precision."""
    actors: Annotated[tuple[Actor, ...], MinItems(1)]
    """Everyone who acts or speaks in the brief."""
    sources: Annotated[tuple[Source, ...], MinItems(1)]
    """The articles the brief rests on."""
    claims: Annotated[tuple[Claim, ...], MinItems(1)]
    """The competing claims, each carried by one or more sources."""
    judgments: Annotated[tuple[Judgment, ...], MinItems(1)]
    """The analyst's key judgments."""
    background: Markdown
    """Context a reader needs, in Markdown."""
    implications: Annotated[tuple[Implication, ...], MinItems(1)]
    """What it means, one item each."""
    gaps: tuple[Text, ...] = ()
    """What is not known."""
    indicators: tuple[Text, ...] = ()
    """What would change the judgments."""


class Comparison(Head):
    """A cross-incident brief: incident files compared side by side, with the pattern across
    them. A file is a comparison when it lists ``incidents`` instead of one ``incident``."""

    incidents: Annotated[tuple[Id, ...], MinItems(2)]
    """Ids of the incident files compared, each a file ID.yaml beside this one."""
    pattern: Markdown
    """The analyst's reading of the pattern across the incidents, in Markdown."""
    background: Markdown
    """Context a reader needs, in Markdown."""
    implications: Annotated[tuple[Implication, ...], MinItems(1)]
    """What the pattern means, one item each."""
    gaps: tuple[Text, ...] = ()
    """What is not known."""
