"""Pure functions over a validated brief: the derived views the templates print."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from briefgen.model import Brief, Claim, DateWindow, Figure, Source

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


@dataclass(frozen=True)
class ClaimGroup:
    """Claims of one kind, in the order the file gives them."""

    kind: str
    label: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class CasualtyRow:
    """One claim's casualty figures, a row of the side-by-side table."""

    claim: Claim
    killed: Figure | None
    wounded: Figure | None
    counted: str


@dataclass(frozen=True)
class Spread:
    """How far the claims' figures for one count (killed or wounded) disagree."""

    count: Count
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
    figures = tuple(
        (claim, figure)
        for claim in brief.claims
        if claim.casualties is not None
        and (figure := getattr(claim.casualties, count)) is not None
    )
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
    noun = {"killed": "deaths", "wounded": "wounded"}[spread.count]
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
