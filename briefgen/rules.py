"""Stage 5 of loading: the rules that span fields (references, dates, casualty figures,
quotes against their seeds), each failure located. They run over a valid brief, or over
the partial one ``briefgen.salvage`` makes of a file the schema refused, where any field
may be None: what depends on a field that is None is skipped."""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from briefgen.document import Document, find_repeats, format_path
from briefgen.errors import Problem, display_path, find_close
from briefgen.files import InputError, resolve_inside
from briefgen.model import Brief, Claim, Figure, PathKey, iter_figures
from briefgen.seeds import (
    MAX_CUT_GAP,
    MIN_FRAGMENT_CHARS,
    MIN_FRAGMENT_WORDS,
    Reading,
    contains_quote,
    find_nearest,
    find_short_fragment,
    normalise_text,
    read_count,
    read_seed,
    split_quote,
)

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BARE_ELLIPSIS = re.compile(r"(?<!\[)(?:\.\.\.|…)(?!\])")
"""An ellipsis that is not an editor's cut ``[…]``: the speaker's, unless the editor forgot
the brackets."""


def check_rules(doc: Document, brief: Brief, seeds_dir: Path | None) -> None:
    """The rules that span fields, each failure located."""
    check_references(doc, brief)
    check_figures(doc, brief)
    check_dates(doc, brief)
    check_quotes(doc, brief, seeds_dir)


class Known(NamedTuple):
    """The ids of a section, and the text in its items whose id the schema refused: a
    reference to one of those may be to such an item, and is not reported."""

    ids: list[str]
    doubtful: frozenset[str] = frozenset()


def check_references(doc: Document, brief: Brief) -> None:
    """Every id given once in its section, and every reference to one resolving."""
    actors = check_unique(doc, "actors", [a.id for a in brief.actors])
    sources = check_unique(doc, "sources", [s.id for s in brief.sources])
    claims = check_unique(doc, "claims", [c.id for c in brief.claims])
    for i, actor in enumerate(brief.actors):
        check_ref(doc, ("actors", i, "parent"), actor.parent, actors, "actor")
    for i, claim in enumerate(brief.claims):
        check_ref(doc, ("claims", i, "actor"), claim.actor, actors, "actor")
        for j, target in enumerate(claim.against):
            check_ref(doc, ("claims", i, "against", j), target, actors, "actor")
        for j, source in enumerate(claim.sources):
            check_ref(doc, ("claims", i, "sources", j), source, sources, "source")
        check_ref(doc, ("claims", i, "via"), claim.via, sources, "source")
    for i, judgment in enumerate(brief.judgments):
        for j, claim_id in enumerate(judgment.rests_on):
            check_ref(doc, ("judgments", i, "rests_on", j), claim_id, claims, "claim")


def check_unique(doc: Document, section: str, ids: list[str | None]) -> Known | None:
    """Report ids given twice in ``section``; return its ids, or None where the section
    itself was refused by the schema (a reference to an id not seen may be to any item)."""
    for i, first in find_repeats(ids):
        if ids[i] is None:
            continue
        line = doc.locate((section, first, "id"))[0]
        doc.problem((section, i, "id"), f"duplicate id '{ids[i]}'",
                    f"first used on line {line}; ids must be unique within {section}")
    if doc.refused_at((section,)):
        return None
    items = doc.data.get(section) if isinstance(doc.data, dict) else None
    refused = [items[i] for i in range(len(ids))
               if isinstance(items, list) and doc.refused_at((section, i, "id"))]
    doubtful = frozenset(text.lower() for item in refused for text in list_texts(item))
    return Known([i for i in ids if i is not None], doubtful)


def list_texts(value: object) -> list[str]:
    """Every scalar inside a value of the file, as text."""
    if isinstance(value, dict):
        return [text for item in value.values() for text in list_texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in list_texts(item)]
    return [] if value is None else [str(value)]


def check_ref(doc: Document, path: PathKey, value: str | None, known: Known | None,
              what: str) -> None:
    """Report a reference to an id that is not defined (None: none given, or not a valid
    id, which the schema reports; ``known`` None: the ids are not known)."""
    if value is None or known is None or value in known.ids:
        return
    if value.lower() in known.doubtful:
        return
    close = find_close(value, known.ids)
    hint = (f"did you mean '{close}'?" if close
            else f"known {what}s: " + ", ".join(dict.fromkeys(known.ids)) if known.ids
            else f"add the {what} to {what}s:")
    doc.problem(path, f"unknown {what} '{value}'", hint)


def check_dates(doc: Document, brief: Brief) -> None:
    """Dates that agree: the incident ends no earlier than it starts and starts no later
    than its earliest dated source, no source is dated after the current revision, and a
    claim is dated between the incident's start and its source's date."""
    date = brief.incident.date if brief.incident is not None else None
    start = date.start if date is not None else None
    if start is not None:
        check_incident_start(doc, brief, start)
        if date is not None and date.end is not None and date.end < start:
            doc.problem(("incident", "date", "end"), f"the incident ends on {date.end}, before "
                        f"it starts, on {start}", "end is the last day it may have happened "
                        "on; check both dates")
    check_source_dates(doc, brief)
    published = {s.id: s.date for s in brief.sources if s.id is not None and s.date is not None}
    for i, claim in enumerate(brief.claims):
        if claim.date is None:
            continue
        if start is not None and claim.date < start:
            doc.problem(("claims", i, "date"), f"{claim.date} is before the incident's start, "
                        f"{start}", "a claim about the incident is made on or after it")
        latest = max((published[s] for s in claim.sources if s in published), default=None)
        if latest is not None and claim.date > latest:
            doc.problem(("claims", i, "date"), f"{claim.date} is after its sources were "
                        f"published (the latest on {latest})",
                        "a source reports a claim made on or before its own date")


def check_incident_start(doc: Document, brief: Brief, start: dt.date) -> None:
    """The incident starts no later than its earliest dated source."""
    dated = [s for s in brief.sources if s.date is not None]
    if not dated:
        return
    earliest = min(dated, key=lambda source: source.date or start)
    if earliest.date is not None and start > earliest.date:
        name = f"source '{earliest.id}'" if earliest.id is not None else "a source"
        doc.problem(("incident", "date", "start"), f"the incident starts on {start}, after "
                    f"{name} was published on {earliest.date}",
                    "an article cannot report what had not happened; check both dates")


def check_source_dates(doc: Document, brief: Brief) -> None:
    """No source dated after the current revision."""
    history = brief.history
    revised = history[-1].date if history else None
    if revised is None:
        return
    for i, source in enumerate(brief.sources):
        if source.date is not None and source.date > revised:
            doc.problem(("sources", i, "date"), f"{source.date} is after the current "
                        f"revision's date, {revised}", "a brief cannot cite what was "
                        "published after it; check the date, or add a revision")


def check_figures(doc: Document, brief: Brief) -> None:
    """The claims' casualty figures: min <= max, each figure's words in its quote or
    summary, and min and max as those words read."""
    for i, claim, count, figure in iter_figures(brief.claims):
        here: PathKey = ("claims", i, "casualties", count)
        if figure.min is not None and figure.max is not None and figure.min > figure.max:
            doc.problem((*here, "min"), f"min {figure.min} is greater than max {figure.max}",
                        "min is the lowest number the claim supports")
        if figure.text is None:
            continue
        check_figure_words(doc, here, claim, figure.text)
        check_reading(doc, here, figure)


def check_figure_words(doc: Document, here: PathKey, claim: Claim, text: str) -> None:
    """A figure's words are in its claim's quote, or in its summary where it has no quote."""
    claim_path = here[:2]
    if doc.refused_at((*claim_path, "quote")) or (*claim_path, "summary") in doc.refused:
        return  # words they may be in are refused (a TODO summary holds none)
    if not any(holds_words(words, text) for words in (claim.quote, claim.summary)):
        where = "quote or summary" if claim.quote else "summary"
        doc.problem((*here, "text"), f"'{text}' is not in the claim's {where}",
                    f"give the words of the {where} that state the figure, exactly")


def holds_words(text: str | None, words: str) -> bool:
    """Whether ``words`` occur in ``text`` as whole words, case and spacing aside."""
    if text is None:
        return False
    return holds_prepared(normalise_text(text).lower(), words)


def holds_prepared(prepared: str, words: str) -> bool:
    """``holds_words`` on a text already normalised and in lower case."""
    wanted = re.escape(normalise_text(words).lower())
    return re.search(rf"(?<!\w){wanted}(?!\w)", prepared) is not None


def check_reading(doc: Document, here: PathKey, figure: Figure) -> None:
    """min and max as the figure's words read: "more than 40" is min 41 and no max."""
    reading = read_count(figure.text)
    if reading is None:
        return
    if reading.approx:
        check_approximate(doc, here, figure, reading)
        return
    said = f"'{figure.text}' reads as {reading.words}"
    low = reading.min
    if low is not None and figure.min is not None and (
            figure.min < low if reading.vague else figure.min != low):
        doc.problem((*here, "min"), f"{said}, but min is {figure.min}", f"set min: {low}")
    if doc.refused_at((*here, "max")):
        return
    if reading.open and figure.max is not None:
        doc.problem((*here, "max"), f"{said}, with no upper figure, but max is {figure.max}",
                    "remove max:")
    elif reading.max is not None and figure.max != reading.max:
        given = "not given" if figure.max is None else figure.max
        doc.problem((*here, "max"), f"{said}, but max is {given}", f"set max: {reading.max}")


def read_seed_text(doc: Document, path: PathKey, seed: str, seeds_dir: Path) -> str | None:
    """The normalised text of the seed file ``seed``, which must resolve inside
    ``seeds_dir`` (symlinks resolved first) and be a regular file within the size limit; else
    None with the problem recorded. A name that leads out of the folder gets the same message
    whether or not a file is there: nothing outside is looked at."""
    shown = display_path(seeds_dir)
    target = resolve_inside(seeds_dir, seed)
    if target is None:
        doc.problem(path, f"seed file '{seed}' is outside {shown}",
                    "give the name of a file in seeds/; paths out of it are not followed")
        return None
    if not os.path.lexists(target):
        names = sorted(p.name for p in seeds_dir.glob("*.txt"))
        close = find_close(seed, names)
        doc.problem(path, f"seed file '{seed}' not found in {shown}",
                    f"did you mean '{close}'?" if close else "give a file name in seeds/")
        return None
    try:
        return read_seed(target)
    except InputError as exc:
        too_big = exc.message.startswith("file is")
        doc.problem(path, f"seed file '{seed}': {exc.message}",
                    "a seed is the text of one article; keep only the article" if too_big
                    else exc.hint if exc.hint.startswith("save") else
                    "give the name of a text file in seeds/")
    except OSError as exc:
        doc.problem(path, f"seed file '{seed}': cannot read it: {exc.strerror or exc}")
    return None


def check_approximate(doc: Document, here: PathKey, figure: Figure, reading: Reading) -> None:
    """An approximate figure's range holds its number: "some 30" allows min 25 and max 35,
    not min 300; "nearly 50" allows nothing above 50."""
    said, number = f"'{figure.text}' reads as {reading.words}", reading.min or 0
    if figure.min is not None and figure.min > number:
        doc.problem((*here, "min"), f"{said}, but min is {figure.min}",
                    f"set min: {number} or lower")
    if figure.max is None or doc.refused_at((*here, "max")):
        return
    if reading.approx == "nearly" and figure.max > number:
        doc.problem((*here, "max"), f"{said}, but max is {figure.max}",
                    f"set max: {number} or lower")
    elif reading.approx == "about" and figure.max < number:
        doc.problem((*here, "max"), f"{said}, but max is {figure.max}",
                    f"set max: {number} or higher, or remove max:")


def check_quotes(doc: Document, brief: Brief, seeds_dir: Path | None) -> None:
    """Every seed file exists, and every quote appears verbatim in one of its claim's seeds."""
    texts = read_seed_texts(doc, brief, seeds_dir)
    check_actors_named(doc, brief, texts)
    seeded = {s.id: s.seed for s in brief.sources if s.id is not None}
    for i, claim in enumerate(brief.claims):
        source_id = pick_quote_source(doc, i, claim)
        if claim.quote is None or source_id is None or source_id not in seeded:
            continue  # no quote, no source to check it against, or an unknown source
        if seeded[source_id] is None:
            doc.problem(("claims", i, "quote"),
                        f"source '{source_id}' has no seed text to check the quote against",
                        "quote from a source that has a seed: file")
        elif source_id in texts:
            check_quote(doc, ("claims", i, "quote"), claim.quote, source_id, texts[source_id])


def read_seed_texts(doc: Document, brief: Brief, seeds_dir: Path | None) -> dict[str, str]:
    """The seed text of every source that has one, by source id; each seed that cannot be
    read reported."""
    texts: dict[str, str] = {}
    for i, source in enumerate(brief.sources):
        if source.seed is None or source.id is None:
            continue
        if seeds_dir is None:
            doc.problem(("sources", i, "seed"), "no seeds/ folder found above the file",
                        "pass --seeds DIR")
            continue
        text = read_seed_text(doc, ("sources", i, "seed"), source.seed, seeds_dir)
        if text is not None:
            texts[source.id] = text
    return texts


def pick_quote_source(doc: Document, i: int, claim: Claim) -> str | None:
    """The id of the source a claim's quote is from: its quote_source, or its one source;
    None with the problem recorded where that cannot be told."""
    sources = [s for s in claim.sources if s is not None]
    if claim.quote is None or not sources or doc.refused_at(("claims", i, "quote")) \
            or doc.refused_at(("claims", i, "quote_source")):
        return None
    listed = ", ".join(sources)
    if claim.quote_source is None:
        if len(sources) > 1:
            doc.problem(("claims", i, "quote"),
                        "the claim has several sources; say which one the quote is from",
                        "add quote_source: with one of " + listed)
            return None
        return sources[0]
    if claim.quote_source not in sources:
        doc.problem(("claims", i, "quote_source"),
                    f"quote_source '{claim.quote_source}' is not one of the claim's sources",
                    "add it to sources: or name one of " + listed)
        return None
    return claim.quote_source


def check_actors_named(doc: Document, brief: Brief, texts: dict[str, str]) -> None:
    """A warning for a claim whose actor no source of it with a seed names, by name or
    alias (in any case): the claim may be credited to the wrong party."""
    actors = {actor.id: actor for actor in brief.actors if actor.id is not None}
    named: dict[tuple[str, str], bool] = {}  # by actor and source, which claims repeat
    for i, claim in enumerate(brief.claims):
        actor = actors.get(claim.actor) if claim.actor is not None else None
        seen = [s for s in claim.sources if s in texts]
        if actor is None or actor.id is None or actor.name is None or not seen:
            continue
        names = [fold_name(n) for n in (actor.name, *actor.aliases, actor.name_ar) if n]
        for source in seen:
            if (actor.id, source) not in named:
                text = prepare_source(texts[source])
                named[actor.id, source] = any(holds_prepared(text, name) for name in names)
        if not any(named[actor.id, source] for source in seen):
            line, column = doc.locate(("claims", i, "actor"))
            doc.warnings.append(Problem(
                doc.file, line, column, format_path(("claims", i, "actor")),
                f"'{actor.name}' is not named in the text of the claim's sources",
                "add the name the source uses to the actor's aliases:, or check the actor",
                "warning"))


@lru_cache(maxsize=64)
def prepare_source(text: str) -> str:
    """A source's text as names are looked for in it: stops inside words dropped,
    normalised, lower case; kept for the next brief citing the same seed."""
    return normalise_text(drop_stops(text)).lower()


def drop_stops(text: str) -> str:
    """Full stops inside words dropped, as sources vary them: U.S.-led is US-led."""
    return re.sub(r"(?<=\w)\.(?=\w|-)", "", text)


def fold_name(name: str) -> str:
    """A name as its sources may give it: without stops inside words, and only its head,
    before a comma or ' of ' (Haider al-Abadi, Prime Minister of Iraq; War media cell of the
    Iraqi defence ministry); bidirectional controls, which print nothing, left out."""
    return re.split(r",| of ", drop_stops(_BIDI.sub("", name)), maxsplit=1)[0]


def check_quote(doc: Document, path: PathKey, quote: str, source_id: str, text: str) -> None:
    """A quote is verbatim in its seed, and each piece between its cuts long enough to be
    the speaker's words rather than the editor's."""
    if not split_quote(quote):
        doc.problem(path, "the quote is only cuts", "quote the words the source gives")
        return
    short = find_short_fragment(quote)
    if short is not None:
        doc.problem(path, f"the piece '{short}' between cuts is too short",
                    f"each piece holds at least {MIN_FRAGMENT_WORDS} words and "
                    f"{MIN_FRAGMENT_CHARS} characters; quote more of the sentence, or cut less")
    elif not contains_quote(text, quote):
        nearest = find_nearest(text, quote)
        bare = _BARE_ELLIPSIS.search(normalise_text(quote)) and not _BARE_ELLIPSIS.search(text)
        doc.problem(path, f"quote not found verbatim in the seed text of source '{source_id}'",
                    (f'nearest in the seed: "{nearest}"; ' if nearest else "")
                    + ("an ellipsis without brackets is read as the speaker's; " if bare else "")
                    + "copy the words exactly from the article; mark your own cuts with […], "
                    f"each within one paragraph and {MAX_CUT_GAP} characters of the last")
