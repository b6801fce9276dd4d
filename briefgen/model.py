"""The incident file's schema as pydantic models, a docstring per field, and the types that
several modules share.

The docstrings are the field reference: pydantic reads them as the fields' descriptions
(``use_attribute_docstrings``), and they become hints, docs/fields.md and the JSON Schema.
Types are strict, as YAML types the values: a quoted ``"3"`` is text, a boolean is not a
number, a number is not a date. What a validation error means to an editor is worded in
``load``, by the error's type. Cross-references (a claim's actor, a judgment's claims) are
checked in ``load`` too, where every problem can be located in the file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Annotated, Any, Literal, NamedTuple, TypeVar, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

PathKey = tuple[str | int, ...]
"""A place in a document: ``("claims", 2, "quote")``."""

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

RESERVED_IDS = frozenset(["con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)),
                          *(f"lpt{n}" for n in range(10))])
"""Names Windows keeps for devices: ``con.docx`` cannot be opened or written there."""


def refuse_reserved(value: str) -> str:
    """An id that is not a Windows device name."""
    if value in RESERVED_IDS:
        raise PydanticCustomError("reserved_id", "a device name that Windows reserves")
    return value


def refuse_blank(value: str) -> str:
    """Text that holds more than white space."""
    if not value.strip():
        raise PydanticCustomError("blank_text", "only white space")
    return value


def refuse_boolean(value: Any) -> Any:
    """Anything but a boolean: pydantic takes ``true`` for ``1`` in ``Literal[1]``; YAML
    does not."""
    if type(value) is bool:
        raise PydanticCustomError("literal_error", "a boolean, not one of the values")
    return value


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_TIME = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|[ \t]+)\d")


def parse_date(value: Any) -> Any:
    """A YAML date, which the loader keeps as text (``2019-01-05``), as a ``date``; other
    values are left for the strict date check to refuse (``0`` is not a Unix time)."""
    if type(value) is str:
        if _DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise PydanticCustomError("invalid_date", "not a day of the calendar") from None
        if _DATE_TIME.match(value):
            raise PydanticCustomError("date_with_time", "a date with a time")
    elif isinstance(value, dt.datetime):
        raise PydanticCustomError("date_with_time", "a date with a time")
    return value


class BoundHint(NamedTuple):
    """Why a number has the bounds it has: the hint when a value is out of them."""

    text: str


class ProseMarker:
    """Marks text as Markdown prose: templates print it as Markdown, not escaped."""

    def __repr__(self) -> str:
        return "PROSE"


PROSE = ProseMarker()

T = TypeVar("T")
Items = Annotated[tuple[T, ...], Strict(False)]
"""A YAML list, kept as a tuple; only the list itself is taken laxly (as a tuple), its items
are as strict as ever."""
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN), AfterValidator(refuse_reserved)]
"""A stable id: lower-case letters, digits and single hyphens; it names files."""
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Plain text, more than white space, kept without the white space around it."""
Markdown = Annotated[str, StringConstraints(min_length=1), AfterValidator(refuse_blank), PROSE]
"""Prose the editor writes in Markdown; everything else is printed as plain text."""
Date = Annotated[dt.date, BeforeValidator(parse_date)]
"""A date as YAML writes it, ``2019-01-05``."""

Handling = Literal["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"]
HANDLING_WORDS: tuple[str, ...] = get_args(Handling)
"""The markings from the widest release to the narrowest."""
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


class Model(BaseModel):
    """Base of every model: strict types, unknown keys refused, frozen, and the docstring under
    each field as its description. Schemas are built on first use, so that a start that
    validates one incident builds no more than it needs."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, allow_inf_nan=False,
                              use_attribute_docstrings=True, defer_build=True)



class Revision(Model):
    """Who issued a revision, when, what changed, and who approved it."""

    number: Annotated[int, Field(ge=1)]
    """Revision number, 1 for the first issue; raise it with every reissue."""
    date: Date
    """Date of this revision (YYYY-MM-DD); printed on the brief and used for its properties."""
    authors: Annotated[Items[Text], Field(min_length=1)]
    """Analysts and editors responsible for this revision."""
    changes: Text
    """What changed in this revision (ICD 203 standard 7: say what changed and why)."""
    approved_by: Text | None = None
    """Who approved this revision for release, if anyone did."""
    handling: Handling | None = None
    """The marking this revision was issued under, where it was not the brief's marking now
    (the current revision's is the brief's ``handling``)."""
    handling_reason: Text | None = None
    """Why the marking is now lower than an earlier revision's: a brief is not released more
    widely without a stated reason."""


class DateWindow(Model):
    """When it happened, as precisely as the sources allow."""

    start: Date
    """First day the incident may have happened on."""
    end: Date | None = None
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
    lat: Annotated[float, Field(ge=-90, le=90)] | None = None
    """Latitude in decimal degrees, only when the sources allow it."""
    lon: Annotated[float, Field(ge=-180, le=180)] | None = None
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
    aliases: Items[Text] = ()
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
    date: Date | None = None
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
Count = Annotated[int, Field(ge=0, le=MAX_FIGURE), BoundHint(TYPO)]


class Figure(Model):
    """A casualty figure as a range, with the claim's own words."""

    min: Count
    """Lowest number the claim supports (ACLED's conservative count: "dozens" counts low)."""
    max: Count | None = None
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
    against: Items[Id] = ()
    """Ids of the actors the claim is about (whom it accuses, whose strike it denies)."""
    date: Date | None = None
    """When the claim was made, where the sources say."""
    summary: Text
    """A neutral one-sentence summary of the claim."""
    quote: Text | None = None
    """The claimant's words exactly as a source prints them; checked against the seed text."""
    quote_source: Id | None = None
    """Id of the source the quote is copied from; needed when the claim has several sources."""
    sources: Annotated[Items[Id], Field(min_length=1)]
    """Ids of the sources that carry the claim."""
    via: Id | None = None
    """Id of the upstream report (in sources:) that every source of the claim relays, such as
    the leader's interview with Tasnim; the claim then counts as single-sourced."""
    credibility: Annotated[int, Field(ge=1, le=6)]
    """Admiralty-code credibility of the claim, 1 (confirmed) to 6 (cannot be judged)."""
    casualties: Casualties | None = None
    """The casualty figures the claim gives."""


CountName = Literal["killed", "wounded"]
COUNTS: tuple[CountName, ...] = ("killed", "wounded")


def iter_figures(claims: Iterable[Claim]) -> Iterator[tuple[int, Claim, CountName, Figure]]:
    """Every casualty figure the claims give, in file order: the claim's index, the claim,
    which count (killed, then wounded) and the figure."""
    for i, claim in enumerate(claims):
        if claim.casualties is None:
            continue
        for count in COUNTS:
            figure = getattr(claim.casualties, count)
            if figure is not None:
                yield i, claim, count, figure


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
    rests_on: Items[Id] = ()
    """Ids of the claims the judgment rests on; a judgment resting on none is a warning."""


class Implication(Model):
    """One thing the incident means."""

    text: Markdown
    """One implication, in Markdown."""
    horizon: Text | None = None
    """When it may bear (``weeks``, ``the 2018 elections``)."""


class Head(Model):
    """What every brief file starts with: format, id, title, marking, revision, bottom line."""

    schema_: Annotated[Literal[1], BeforeValidator(refuse_boolean)] = Field(alias="schema")
    """Version of this file format; 1."""
    id: Id
    """Stable id of the brief, lower-case letters, digits and hyphens; names the output files."""
    title: Text
    """Neutral one-line title."""
    handling: Handling
    """Distribution marking (Traffic Light Protocol), printed on every page."""
    revisions: Annotated[Items[Revision], Field(min_length=1)] | None = None
    """Every revision of the brief, oldest first, the current one last: number, date,
    authors, what changed, who approved it."""
    single_revision: Revision | None = Field(default=None, alias="revision")
    """The earlier form of the history: one revision. It is read as a history of one; write
    ``revisions:`` with it as the first item instead."""
    bluf: Markdown
    """Bottom line up front: one or two sentences, printed first."""

    @property
    def history(self) -> tuple[Revision, ...]:
        """Every revision, oldest first: ``revisions``, or the one ``revision`` of a file in
        the earlier form."""
        if self.revisions:
            return self.revisions
        return (self.single_revision,) if self.single_revision is not None else ()

    @property
    def revision(self) -> Revision:
        """The current revision: the last of the history."""
        return self.history[-1]


class Brief(Head):
    """One curated incident file: the facts from the sources and the analyst's judgments."""

    incident: Incident
    """When, where and what, with precision."""
    actors: Annotated[Items[Actor], Field(min_length=1)]
    """Everyone who acts or speaks in the brief."""
    sources: Annotated[Items[Source], Field(min_length=1)]
    """The articles the brief rests on."""
    claims: Annotated[Items[Claim], Field(min_length=1)]
    """The competing claims, each carried by one or more sources."""
    judgments: Annotated[Items[Judgment], Field(min_length=1)]
    """The analyst's key judgments."""
    background: Markdown
    """Context a reader needs, in Markdown."""
    implications: Annotated[Items[Implication], Field(min_length=1)]
    """What it means, one item each."""
    gaps: Items[Text] = ()
    """What is not known."""
    indicators: Items[Text] = ()
    """What would change the judgments."""


class Comparison(Head):
    """A cross-incident brief: incident files compared side by side, with the pattern across
    them. A file is a comparison when it lists ``incidents`` instead of one ``incident``."""

    incidents: Annotated[Items[Id], Field(min_length=2)]
    """Ids of the incident files compared, each a file ID.yaml beside this one."""
    pattern: Markdown
    """The analyst's reading of the pattern across the incidents, in Markdown."""
    background: Markdown
    """Context a reader needs, in Markdown."""
    implications: Annotated[Items[Implication], Field(min_length=1)]
    """What the pattern means, one item each."""
    gaps: Items[Text] = ()
    """What is not known."""


class ComparisonSet(NamedTuple):
    """A comparison with the incident briefs it compares, loaded and valid."""

    comparison: Comparison
    incidents: tuple[Brief, ...]

    @property
    def id(self) -> str:
        return self.comparison.id


Loaded = Brief | ComparisonSet
"""What an incident file loads as: one incident, or a comparison of several."""


class Finding(NamedTuple):
    """A problem found in a valid brief by a check outside ``load``, not yet located."""

    path: PathKey
    message: str
    hint: str = ""


class FieldSpec(NamedTuple):
    """One field of a model, as the file spells it: what templates, hints and the field
    reference read of pydantic's ``model_fields``."""

    name: str
    key: str
    annotation: Any
    required: bool
    default: Any
    prose: bool
    markers: tuple[Any, ...]
    """Its ``Annotated`` metadata, of the field and of the types it is a union of."""
    description: str
    """The docstring under the field."""


@cache
def fields_of(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """A model's fields in the order they are declared, base classes' first."""
    specs = []
    for name, info in model.model_fields.items():
        markers = (*info.metadata, *iter_markers(info.annotation))
        specs.append(FieldSpec(name, info.alias or name, info.annotation, info.is_required(),
                               info.default, PROSE in markers, markers,
                               info.description or ""))
    return tuple(specs)


def field_by_key(model: type[BaseModel], key: str) -> FieldSpec | None:
    """A model's field by the key an editor writes."""
    return next((spec for spec in fields_of(model) if spec.key == key), None)


def describe(model: type[BaseModel], name: str) -> str:
    """The docstring of field ``name`` of ``model``, or nothing."""
    return model.model_fields[name].description or ""


def iter_models(annotation: Any) -> Iterator[type[Model]]:
    """The models inside an annotation such as ``tuple[Claim, ...] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, Model):
        yield annotation
        return
    for arg in getattr(annotation, "__args__", ()):
        if arg is not Ellipsis:
            yield from iter_models(arg)


def iter_markers(annotation: Any) -> Iterator[Any]:
    """The ``Annotated`` metadata of an annotation and of the types it is a union of (not of
    a list's items): the bounds' hint of ``Count | None``."""
    yield from getattr(annotation, "__metadata__", ())
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and hasattr(annotation, "__metadata__"):
        yield from iter_markers(origin)
    elif origin is not tuple:
        for arg in getattr(annotation, "__args__", ()):
            yield from iter_markers(arg)
