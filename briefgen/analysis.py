"""Pure functions over a validated brief: the derived views the templates print."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Literal, NamedTuple

from briefgen.model import (
    LIKELIHOOD_WORDS,
    Brief,
    Claim,
    DateWindow,
    Figure,
    Finding,
    Source,
    iter_figures,
)
from briefgen.seeds import split_sentences
from briefgen.text import fold_text
from briefgen.tolls import ACLED_VAGUE

CLAIM_GROUPS: tuple[tuple[str, str], ...] = (
    ("accuses", "Accusations"),
    ("claims-responsibility", "Claims of responsibility"),
    ("denies", "Denials"),
    ("finds", "Official findings"),
    ("reports", "Reports"),
    ("assesses", "Assessments"),
    ("declines-comment", "No comment"),
)
"""Claim kinds in the order the brief lays out what each side says about responsibility."""

CREDIBILITY_WORDS = {
    1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful", 5: "improbable",
    6: "cannot be judged",
}
RELIABILITY_WORDS = {
    "A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
    "D": "not usually reliable", "E": "unreliable", "F": "cannot be judged",
}

Count = Literal["killed", "wounded"]


class ClaimGroup(NamedTuple):
    """Claims of one kind, in the order the file gives them."""

    kind: str
    label: str
    claims: tuple[Claim, ...]


class CasualtyRow(NamedTuple):
    """One claim's casualty figures, a row of the side-by-side table."""

    claim: Claim
    killed: Figure | None
    wounded: Figure | None
    counted: str


class Spread(NamedTuple):
    """How far the claims' figures for one count (killed or wounded) disagree."""

    casualty: Count
    """Which count: ``killed`` or ``wounded`` (not ``count``, which tuples have)."""
    figures: tuple[tuple[Claim, Figure], ...]
    low: tuple[Claim, Figure]
    high: tuple[Claim, Figure]
    groups: tuple[str, ...]
    """The distinct groups the figures count (``KSS fighters``, ``soldiers``)."""


def group_claims(brief: Brief) -> list[ClaimGroup]:
    """The claims grouped by kind, in ``CLAIM_GROUPS`` order; empty groups left out."""
    groups = []
    for kind, label in CLAIM_GROUPS:
        claims = tuple(c for c in brief.claims if c.kind == kind)
        if claims:
            groups.append(ClaimGroup(kind, label, claims))
    return groups


def list_casualty_rows(brief: Brief) -> list[CasualtyRow]:
    """Every claim that gives a casualty figure, in file order."""
    rows = []
    for claim in brief.claims:
        figures = claim.casualties
        if figures is None or (figures.killed is None and figures.wounded is None):
            continue
        rows.append(CasualtyRow(claim, figures.killed, figures.wounded, figures.of or ""))
    return rows


def high_value(figure: Figure) -> int:
    """The highest number a figure supports; its min when it gives no upper bound."""
    return figure.max if figure.max is not None else figure.min


def measure_spread(brief: Brief, count: Count) -> Spread | None:
    """The lowest and highest figure the claims give for ``count``; None if none gives one."""
    figures = tuple((claim, figure) for _, claim, counted, figure in iter_figures(brief.claims)
                    if counted == count)
    if not figures:
        return None
    low = min(figures, key=lambda item: item[1].min)
    high = max(figures, key=lambda item: high_value(item[1]))
    groups = tuple(dict.fromkeys(c.casualties.of or "" for c, _ in figures if c.casualties))
    return Spread(count, figures, low, high, groups)


def format_range(figure: Figure) -> str:
    """``36``, ``41+`` (no upper bound) or ``12–20``."""
    if figure.max is None:
        return f"{figure.min}+"
    if figure.max == figure.min:
        return str(figure.min)
    return f"{figure.min}–{figure.max}"


def describe_figure(figure: Figure) -> str:
    """The range, with the claim's own words when they say more than the number."""
    number = format_range(figure)
    return number if figure.text == str(figure.min) else f"{number} (“{figure.text}”)"


def attribute_figure(figure: Figure, who: str) -> str:
    """``7 (Abu Ala al-Welayi: “seven”)``: a figure with its claimant and words."""
    words = "" if figure.text == str(figure.min) else f": “{figure.text}”"
    return f"{format_range(figure)} ({who}{words})"


def describe_spread(spread: Spread, names: dict[str, str]) -> str:
    """The disagreement in words, naming who gives the lowest and the highest figure."""
    noun = {"killed": "deaths", "wounded": "wounded"}[spread.casualty]
    low_claim, low = spread.low
    high_claim, high = spread.high
    low_name, high_name = names[low_claim.actor], names[high_claim.actor]
    if len(spread.figures) == 1:
        return (f"Only one claim gives a figure for the {noun}: {describe_figure(low)}, "
                f"from {low_name}.")
    if low.min == high_value(high) and all(f.max == f.min for _, f in spread.figures):
        return f"Every claim that gives a figure for the {noun} gives {low.min}."
    if low_name == high_name:
        sentence = (f"Claimed {noun} range from {describe_figure(low)} to "
                    f"{describe_figure(high)}, both figures attributed to {low_name}")
    else:
        sentence = (f"Claimed {noun} range from {attribute_figure(low, low_name)} to "
                    f"{attribute_figure(high, high_name)}")
    groups = [g for g in spread.groups if g]
    if len(groups) > 1:
        return f"{sentence}, but the claims count different groups: {', '.join(groups)}."
    if low.min > 0:
        ratio = high_value(high) / low.min
        return f"{sentence}; the highest is {ratio:.1f} times the lowest."
    return sentence + "."


def format_date(date: dt.date) -> str:
    """``7 August 2017``."""
    return f"{date.day} {date:%B %Y}"


def format_window(window: DateWindow) -> str:
    """The incident's date at its precision: a day, a span of days, a week, a month, a year."""
    start, end = window.start, window.end
    if window.precision == "year":
        return str(start.year)
    if window.precision == "month":
        return f"{start:%B %Y}"
    if end is None or end == start:
        text = format_date(start)
    elif (start.year, start.month) == (end.year, end.month):
        text = f"{start.day}–{end.day} {end:%B %Y}"
    else:
        text = f"{format_date(start)} – {format_date(end)}"
    return f"the week of {text}" if window.precision == "week" else text


def label_source(source: Source) -> str:
    """How a claim cites a source: publisher (or headline) and date."""
    name = source.publisher or (f"“{source.title}”" if source.title else "untitled article")
    return f"{name}, {format_date(source.date)}" if source.date else name


# --- the responsibility matrix -------------------------------------------------------------

ATTRIBUTING_KINDS = ("accuses", "reports", "assesses", "finds")
"""Kinds of claim that, with ``against``, say who struck."""


class MatrixRow(NamedTuple):
    """One alleged perpetrator and what each side says about it."""

    perpetrator: str
    said_by: tuple[Claim, ...]
    claimed_by: tuple[Claim, ...]
    denied_by: tuple[Claim, ...]


def list_perpetrators(brief: Brief) -> list[str]:
    """Actor ids said to have struck, or claiming it, in the order the claims name them."""
    found: dict[str, None] = {}
    for claim in brief.claims:
        if claim.kind == "claims-responsibility":
            found[claim.actor] = None
        elif claim.kind in ("accuses", "reports"):
            found.update(dict.fromkeys(claim.against))
    return list(found)


def build_matrix(brief: Brief) -> list[MatrixRow]:
    """The responsibility question laid out: each alleged perpetrator, who says it struck,
    whether it claims the attack itself, and who denies it."""
    rows = []
    for actor in list_perpetrators(brief):
        rows.append(MatrixRow(
            perpetrator=actor,
            said_by=tuple(c for c in brief.claims
                          if c.kind in ("accuses", "reports") and actor in c.against),
            claimed_by=tuple(c for c in brief.claims
                             if c.kind == "claims-responsibility" and c.actor == actor),
            denied_by=tuple(c for c in brief.claims if c.kind == "denies" and actor in c.against),
        ))
    return rows


def list_no_comment(brief: Brief) -> list[Claim]:
    """Claims of those who declined, or were not available, to comment."""
    return [c for c in brief.claims if c.kind == "declines-comment"]


# --- casualty ranges ------------------------------------------------------------------------

class GroupRange(NamedTuple):
    """Every figure the claims give for one group of victims: the conservative low (ACLED's
    rule: the lowest figure) and the highest."""

    casualty: Count
    """Which count: ``killed`` or ``wounded``."""
    group: str
    figures: tuple[tuple[Claim, Figure], ...]
    low: int
    high: int
    open_ended: bool
    """Whether the highest figure has no upper bound ("more than 40")."""


def measure_ranges(brief: Brief, count: Count) -> list[GroupRange]:
    """For each counted group, the range of the claims' figures for ``count``."""
    groups: dict[str, list[tuple[Claim, Figure]]] = {}
    for _, claim, counted, figure in iter_figures(brief.claims):
        if counted == count and claim.casualties is not None:
            groups.setdefault(claim.casualties.of or "", []).append((claim, figure))
    ranges = []
    for group, figures in groups.items():
        _, high_figure = max(figures, key=lambda item: high_value(item[1]))
        ranges.append(GroupRange(
            casualty=count, group=group, figures=tuple(figures),
            low=min(f.min for _, f in figures), high=high_value(high_figure),
            open_ended=any(f.max is None and high_value(f) == high_value(high_figure)
                           for _, f in figures)))
    return ranges


def describe_range(item: GroupRange, names: dict[str, str]) -> str:
    """``KSS fighters killed: 36 to 41+ (conservative count 36; 2 claims).``"""
    group = item.group or "unspecified"
    verb = item.casualty
    high = f"{item.high}+" if item.open_ended else str(item.high)
    claimants = ", ".join(dict.fromkeys(names[c.actor] for c, _ in item.figures))
    span = high if item.low == item.high and not item.open_ended else f"{item.low} to {high}"
    claims = f"{len(item.figures)} claim{'s' * (len(item.figures) != 1)}"
    return (f"{group[:1].upper()}{group[1:]} {verb}: {span} (conservative count {item.low}; "
            f"{claims}, from {claimants}).")


# --- review: the checks behind `briefgen validate` warnings ---------------------------------

NON_SCALE_WORDS = {
    "possibly": "roughly even chance or unlikely", "possible": "roughly even chance or unlikely",
    "might": "roughly even chance or unlikely", "may": "roughly even chance or unlikely",
    "could": "roughly even chance or unlikely", "perhaps": "roughly even chance",
    "maybe": "roughly even chance", "probably": "likely", "probable": "likely",
    "presumably": "likely", "conceivably": "unlikely", "doubtful": "unlikely",
    "in all likelihood": "very likely", "we believe": "a likelihood word",
    "we think": "a likelihood word", "chances are": "a likelihood word",
}
"""Words of estimative probability that are not on the ICD 203 scale, and the scale words
that say what the writer probably meant."""

FACT_WORDS = ("clearly", "obviously", "undoubtedly", "certainly", "definitely", "of course",
              "without doubt", "no doubt", "must have", "it is a fact that", "beyond doubt")
"""Words that present an assumption as a fact."""

CONFIDENCE_PHRASE = re.compile(r"\b(?:low|moderate|medium|high)(?:[- ]level)?[- ]confidence\b"
                               r"|\bconfidence (?:is|was) (?:low|moderate|medium|high)\b", re.I)

KNOWN_AFFILIATIONS = {
    "tasnim": "affiliated with the IRGC", "fars news": "affiliated with the IRGC",
    "amaq": "Islamic State's propaganda outlet", "al-naba": "Islamic State's newsletter",
    "press tv": "Iranian state media", "irna": "Iranian state media",
    "al-manar": "Hezbollah's outlet", "al-masirah": "the Houthis' outlet",
    "sana": "Syrian state media", "sputnik": "Russian state media",
}
"""Outlets whose affiliation a reader must be told (ICD 206)."""


def find_phrases(text: str, phrases: Iterable[str]) -> list[str]:
    """The phrases that occur in ``text`` as whole words, in the order given."""
    folded = fold_text(text)  # look-alikes and zero-width characters undone
    return [p for p in phrases if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", folded)]


def review_brief(brief: Brief) -> list[Finding]:
    """Everything an editor should look at in a valid brief, each a warning."""
    return [*review_judgments(brief), *review_prose(brief), *review_attribution(brief),
            *review_sources(brief), *review_figures(brief), *review_usage(brief)]


def review_usage(brief: Brief) -> list[Finding]:
    """Actors and sources that nothing uses: an actor is used when a claim names it as its
    actor or in against:, or another actor names it as parent; a source when a claim cites
    it, or names it in via: or quote_source:. An actor the title names by name or alias (the
    militia a strike hit) is what the brief is about, and used too."""
    actors = {a.parent for a in brief.actors if a.parent is not None}
    actors.update(a.id for a in brief.actors if find_phrases(brief.title, map(
        fold_text, (a.name, *a.aliases))))
    sources: set[str] = set()
    for claim in brief.claims:
        actors.update((claim.actor, *claim.against))
        sources.update(claim.sources)
        sources.update(s for s in (claim.via, claim.quote_source) if s is not None)
    findings = [Finding(("actors", i), f"actor '{actor.id}' is not used",
                        "name it in a claim's actor: or against:, or remove it")
                for i, actor in enumerate(brief.actors) if actor.id not in actors]
    findings.extend(Finding(("sources", i), f"source '{source.id}' is not cited",
                            "cite it in a claim's sources:, or remove it")
                    for i, source in enumerate(brief.sources) if source.id not in sources)
    return findings


def review_judgments(brief: Brief) -> list[Finding]:
    """ICD 203: each key judgment with a likelihood word, a confidence level apart from it,
    the claims it rests on, and no estimative words from outside the scale."""
    scale = ", ".join(LIKELIHOOD_WORDS)
    findings = []
    for i, judgment in enumerate(brief.judgments):
        here = ("judgments", i)
        if judgment.likelihood is None:
            findings.append(Finding(here, "the judgment has no likelihood word",
                                    f"add likelihood: with one of: {scale}"))
        if judgment.confidence is None:
            findings.append(Finding(here, "the judgment has no confidence level",
                                    "add confidence: low, moderate or high"))
        if not judgment.rests_on:
            findings.append(Finding(here, "the judgment rests on no claim",
                                    "add rests_on: with the ids of the claims it rests on"))
        for sentence in split_sentences(" ".join(judgment.text.split())):
            words = find_phrases(sentence, [*LIKELIHOOD_WORDS, *NON_SCALE_WORDS])
            if words and CONFIDENCE_PHRASE.search(sentence):
                findings.append(Finding(
                    (*here, "text"), "likelihood and confidence are in one sentence",
                    "ICD 203 states them apart: put them in likelihood: and confidence:"))
        for word in find_phrases(judgment.text, NON_SCALE_WORDS):
            findings.append(Finding(
                (*here, "text"), f"'{word}' is not on the ICD 203 likelihood scale",
                f"state the judgment plainly and give its likelihood in likelihood:; for "
                f"'{word}' the scale says {NON_SCALE_WORDS[word]}"))
    return findings


def review_prose(brief: Brief) -> list[Finding]:
    """Assumptions written as facts in the parts of the brief that report or reason."""
    places: list[tuple[tuple[str | int, ...], str]] = [(("bluf",), brief.bluf),
                                                       (("background",), brief.background)]
    places += [(("judgments", i, "text"), j.text) for i, j in enumerate(brief.judgments)]
    places += [(("implications", i, "text"), m.text) for i, m in enumerate(brief.implications)]
    findings = []
    for path, text in places:
        for word in find_phrases(text, FACT_WORDS):
            findings.append(Finding(
                path, f"'{word}' writes an assumption as a fact",
                "attribute it to a source, or make it a key judgment with a likelihood"))
    return findings


def review_attribution(brief: Brief) -> list[Finding]:
    """The editor's attribution grade against what the claims say (Airwars' definitions)."""
    here = ("incident", "attribution")
    grade = brief.incident.attribution
    if grade is None:
        return [Finding(("incident",), "the incident has no attribution grade",
                        "add attribution: confirmed, fair, weak, contested or discounted")]
    perpetrators = list_perpetrators(brief)
    attributing = [c for c in brief.claims if c.kind in ("accuses", "reports",
                                                         "claims-responsibility")
                   and (c.against or c.kind == "claims-responsibility")]
    claimants = {c.actor for c in attributing}
    if grade == "contested" and (len(claimants) < 2 or len(perpetrators) < 2):
        return [Finding(here, "contested, but only one claimant attributes the strike"
                        if len(claimants) < 2 else
                        "contested, but the claims name only one perpetrator",
                        "contested means competing claims of responsibility; use fair or weak")]
    if grade == "confirmed" and brief.incident.strike_status != "declared" and not any(
            c.kind == "claims-responsibility" for c in brief.claims):
        return [Finding(here, "confirmed, but no belligerent declares or claims the strike",
                        "confirmed needs the belligerent's own word; use fair or weak")]
    if grade == "discounted" and not any(c.kind in ("denies", "finds") for c in brief.claims):
        return [Finding(here, "discounted, but no claim denies the attribution or finds "
                        "against it", "add the denial or finding, or choose another grade")]
    carried = {single_source(c) for c in attributing}
    if grade == "fair" and len(carried) < 2:
        return [Finding(here, "fair, but every attribution comes from one source",
                        "fair needs two or more credible sources; use weak")]
    return []


def single_source(claim: Claim) -> str:
    """The one report behind a claim: its upstream (``via``), else its first source."""
    return claim.via or claim.sources[0]


def is_single_sourced(claim: Claim) -> bool:
    """Whether everything behind the claim is one report: it has one source, or all its
    sources relay one upstream report."""
    return claim.via is not None or len(claim.sources) == 1


def review_sources(brief: Brief) -> list[Finding]:
    """ICD 206: a descriptor for every source; the affiliation of state and propaganda
    outlets said."""
    findings = []
    for i, source in enumerate(brief.sources):
        if source.descriptor is None:
            findings.append(Finding(("sources", i), "the source has no descriptor",
                                    "add descriptor: who the source is and what access it has"))
        name = f"{source.publisher or ''} {source.title or ''}".lower()
        for outlet, affiliation in KNOWN_AFFILIATIONS.items():
            if find_phrases(name, [outlet]) and source.affiliation is None:
                findings.append(Finding(
                    ("sources", i), f"{source.publisher or outlet} is {affiliation}, but the "
                    "source does not say so", f"add affiliation: {affiliation}"))
    return findings


def review_figures(brief: Brief) -> list[Finding]:
    """Vague figures counted low, as ACLED does: "dozens" is 12 (a min below it is an error
    of the loader's; above it, a warning here)."""
    findings = []
    for i, _claim, count, figure in iter_figures(brief.claims):
        for word in find_phrases(figure.text, ACLED_VAGUE):
            if figure.min > ACLED_VAGUE[word]:
                findings.append(Finding(
                    ("claims", i, "casualties", count, "min"),
                    f"min {figure.min} for \"{figure.text}\" is above ACLED's conservative "
                    f"{ACLED_VAGUE[word]}", f"set min: {ACLED_VAGUE[word]}"))
    return findings


def principal_range(brief: Brief, count: Count) -> GroupRange | None:
    """The range for the group most claims count (the first such group on a tie)."""
    ranges = measure_ranges(brief, count)
    return max(ranges, key=lambda item: len(item.figures)) if ranges else None


def format_group_range(item: GroupRange) -> str:
    """``36–41+ KSS fighters``: the range and whom it counts."""
    high = f"{item.high}+" if item.open_ended else str(item.high)
    span = high if item.low == item.high else f"{item.low}–{high}"
    return f"{span} {item.group}".strip()


def list_denials(brief: Brief) -> list[Claim]:
    """Denials and findings that answer the attribution: against a perpetrator, or against
    whoever made the accusation (an official finding that a report is untrue)."""
    answered = set(list_perpetrators(brief)) | {
        c.actor for c in brief.claims if c.kind in ("accuses", "reports") and c.against}
    return [c for c in brief.claims
            if c.kind in ("denies", "finds") and answered.intersection(c.against)]
