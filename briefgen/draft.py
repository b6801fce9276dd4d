"""Article text -> a YAML draft of an incident file, by rules and nothing else.

Nothing in a draft is invented: every quote is a span of an article, every figure is a number
the article prints, and whatever the rules cannot decide is a visible ``TODO`` that
``briefgen validate`` refuses until an editor fills it in.

The rules are general ones for news reporting: quotation marks with an attribution verb
("said", "tweeted", "told", "according to"), numbers near "killed" or "wounded", cue words for
accusations and denials, dates relative to the article's own. Actors are recognised from the
names in briefs/ and the project's list in ``gazetteer``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefgen.errors import BriefgenError, display_path
from briefgen.gazetteer import KNOWN_ACTORS, KNOWN_PUBLISHERS
from briefgen.seeds import normalise_text, split_sentences

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NUMBER_WORDS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen", "twenty"])} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                                 "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}
VAGUE_NUMBERS = {"several": 3, "tens": 10, "dozens": 12, "scores": 40, "hundreds": 100}
"""Vague words counted low, as ACLED does ("dozens" is 12)."""

CLUTTER = re.compile(
    r"(?i)^(?:be the first to comment|leave a (?:comment|reply)|your email address will not "
    r"be published|comments are closed|please let us know if you're having issues with "
    r"commenting|share this|related:|read more|advertisement|sign up|subscribe)")
ATTRIBUTION_VERBS = (r"said|says|tweeted|told|added|continued|stressed|wrote|warned|explained|"
                     r"noted|revealed|announced|declared|stated|claimed|insisted|alleged")
QUALIFIERS = r"more than|at least|over|nearly|about|around|up to|some|almost|fewer than"
NUMBER = (r"\d[\d,]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + "|"
          + "|".join(VAGUE_NUMBERS))
FIGURE = re.compile(rf"\b(?:(?P<qual>{QUALIFIERS})\s+)?(?P<num>{NUMBER})\b", re.I)
KILLED = re.compile(r"\b(?:killed|kill|killing|dead|died|deaths?|slain|fatalities)\b", re.I)
WOUNDED = re.compile(r"\b(?:wounded|injured|injuring|wounding|injuries)\b", re.I)
CUES = (
    ("claims-responsibility", re.compile(
        r"claimed (?:responsibility|it was responsible|that its)|claims? responsibility|"
        r"said the (?:terrorist )?group carried out", re.I)),
    ("declines-comment", re.compile(
        r"declined to comment|(?:immediately )?(?:un)?available (?:for|to) comment|"
        r"did not (?:immediately )?respond to (?:a )?requests? for comment|refused to comment",
        re.I)),
    ("finds", re.compile(r"after (?:an? )?investigations?|investigation (?:found|showed)|"
                         r"were found ['‘’\"]?untrue", re.I)),
    ("denies", re.compile(r"\b(?:denied|denies|deny|denying|repudiated|rejected)\b", re.I)),
    ("accuses", re.compile(r"\baccus\w*|\bblam\w*|\bhold\w* .{0,40}\bresponsible\b", re.I)),
)
STRIKE = re.compile(r"\b(?:struck|strikes?|airstrikes?|attacked|bombed|bombard\w*|shelled|"
                    r"targeted|raided)\b", re.I)
"""A sentence that reports a strike, kept as a report when it names an actor."""
NEGATED = re.compile(r"\b(?:no group|not (?:yet )?claimed|has not claimed|had not claimed|"
                     r"nobody|no one)\b", re.I)
COUNTED_NOUNS = re.compile(
    r"\b(?:fighters|members|soldiers|militiamen|militants|civilians|people|operatives|forces|"
    r"troops|guards|officers|personnel|men|children|women|commanders|policemen|others)\b", re.I)
PRONOUNS = re.compile(r"^(?:he|she|they|the commander|the leader|the official)$", re.I)
GENERIC = {"militia": "militia", "group": "militia", "coalition": "coalition",
           "ministry": "government", "army": "armed-forces", "military": "armed-forces"}
OPEN_CLOSE = {"“": "”", '"': '"', "«": "»"}
DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,30}:\s+(?=[A-Z“\"])")
"""A dateline opening a paragraph (``Baghdad:``, ``IRBIL:``): where, not who."""
CAPTION = re.compile(r"\(Photo\b|\bPhoto:|/REUTERS|REUTERS/|\bAP Photo\b|\bAFP/", re.I)
"""A photo caption: its date is the photo's, not the article's."""
WHO = r"(?:[^.“\"]|\.(?=\S)|(?<=[A-Z])\.){1,160}?"
"""A speaker's words: no full stop, except inside abbreviations such as U.S. or K.S.S."""
LEADING_CLAUSE = re.compile(r"^(?:Speaking|In an? |According to|After|Before|While|Earlier|"
                            r"Later|On |In the )[^,]{0,120},\s*")


@dataclass(frozen=True)
class ActorName:
    """One way an actor is written, for matching."""

    actor_id: str
    name: str
    kind: str
    alias: str


@dataclass
class Article:
    """An article's text, with what its first lines say about it."""

    path: Path
    source_id: str
    text: str
    title: str
    paragraphs: list[str]
    date: dt.date | None
    publisher: str | None


@dataclass
class Speech:
    """Words attributed to someone in an article."""

    quote: str
    sentence: str
    who: str
    actor_id: str | None


@dataclass
class DraftClaim:
    """A claim found in an article, as it will be written into the draft."""

    actor_id: str | None
    kind: str
    quote: str
    sources: list[str]
    speaker: str | None = None
    against: list[str] = field(default_factory=list)
    date: dt.date | None = None
    killed: dict[str, Any] | None = None
    wounded: dict[str, Any] | None = None
    counted: str | None = None


def load_names(briefs_dir: Path | None) -> list[ActorName]:
    """The names to recognise: the actors of briefs/ first, then the project's list."""
    import yaml

    names: list[ActorName] = []
    if briefs_dir is not None and briefs_dir.is_dir():
        for path in sorted(briefs_dir.glob("*.yaml")):
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (yaml.YAMLError, UnicodeDecodeError, OSError):
                continue
            for actor in (data or {}).get("actors", []) if isinstance(data, dict) else []:
                if not isinstance(actor, dict) or not isinstance(actor.get("name"), str):
                    continue
                for alias in [actor["name"], *[a for a in actor.get("aliases", [])
                                                if isinstance(a, str)]]:
                    names.append(ActorName(str(actor.get("id")), actor["name"],
                                           str(actor.get("kind", "TODO")), alias))
    for actor_id, name, kind, aliases in KNOWN_ACTORS:
        names.extend(ActorName(actor_id, name, kind, alias) for alias in aliases)
    return sorted(names, key=lambda n: -len(n.alias))


def find_actors(text: str, names: list[ActorName]) -> list[tuple[int, ActorName]]:
    """Actor mentions in ``text`` with their positions, longest names first, no overlaps."""
    taken: list[tuple[int, int]] = []
    found = []
    plain = normalise_text(text)
    for name in names:
        if name.alias not in plain and normalise_text(name.alias) not in plain:
            continue
        for match in alias_pattern(name.alias).finditer(plain):
            span = (match.start(), match.end())
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            taken.append(span)
            found.append((match.start(), name))
    return sorted(found, key=lambda item: item[0])


@lru_cache(maxsize=4096)
def alias_pattern(alias: str) -> re.Pattern[str]:
    """A name as a whole word, compiled once."""
    return re.compile(rf"(?<![\w-]){re.escape(normalise_text(alias))}(?![\w-])")


def read_article(path: Path, source_id: str) -> Article:
    """An article: headline, date near the top, publisher where named, clutter dropped."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BriefgenError(f"{display_path(path)}: cannot read the article: {exc}") from exc
    lines = [line.strip() for line in text.splitlines()]
    kept = [line for line in lines if line and not CLUTTER.match(line)]
    title = next((line for line in kept if 4 <= len(line.split()) <= 25 and not re.search(
        r"^\W*date\b|[.:]$", line, re.I)), "")
    captions = [line for line in kept if CAPTION.search(line)]
    paragraphs = [line for line in kept if line != title and (
        len(line.split()) >= 8 or re.search(r"[.!?:”\"]$", line))]
    dated = [line for line in kept[:12] if line not in captions]
    return Article(path, source_id, text, title, paragraphs, find_date(dated),
                   find_publisher(kept))


def find_date(lines: list[str]) -> dt.date | None:
    """The first date the article's top lines give."""
    month = "|".join(MONTHS)
    patterns = (  # each with the group numbers of year, month and day
        (r"\b(\d{4})-(\d{2})-(\d{2})\b", (1, 2, 3)),
        (rf"\b({month})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", (3, 1, 2)),
        (rf"\b(\d{{1,2}})\s+({month})\s+(\d{{4}})\b", (3, 2, 1)),
    )
    for line in lines:
        for pattern, (year, mon, day) in patterns:
            match = re.search(pattern, line, re.I)
            if match:
                month_text = match.group(mon)
                month_number = (int(month_text) if month_text.isdigit()
                                else MONTHS[month_text.lower()])
                try:
                    return dt.date(int(match.group(year)), month_number, int(match.group(day)))
                except ValueError:
                    continue
    return None


def find_publisher(lines: list[str]) -> str | None:
    """A known publisher named in the top lines (``Reuters|``) or the closing note."""
    for line in lines[:12] + lines[-6:]:
        for publisher in KNOWN_PUBLISHERS:
            if re.search(rf"^\(?{re.escape(publisher)}\)?\s*(?:\||\(|$|is an?\b)", line):
                return publisher
    return None


@dataclass
class Reader:
    """Reads one article: quotes with speakers, figures with who gives them, claims."""

    article: Article
    names: list[ActorName]
    last_person: tuple[str, str | None] | None = None
    last_by_kind: dict[str, str] = field(default_factory=dict)

    def resolve(self, who: str) -> tuple[str, str | None]:
        """The speaker's words and actor: a known name, a pronoun, or a generic noun."""
        phrase = re.sub(r"^(?:the|a|an)\s+", "", who.strip(" ,"), flags=re.I)
        first = phrase.split(",")[0].strip()
        mentions = find_actors(phrase, self.names)
        named = first if re.match(r"[A-Z]", first) and not find_actors(first, self.names) \
            else ""
        if mentions:
            return named, mentions[0][1].actor_id
        if PRONOUNS.match(first) and self.last_person is not None:
            return self.last_person
        last = first.split()[-1].lower() if first else ""
        if last in GENERIC and GENERIC[last] in self.last_by_kind:
            return "", self.last_by_kind[GENERIC[last]]
        return named, None

    def note_mentions(self, sentence: str) -> None:
        for _, name in find_actors(sentence, self.names):
            self.last_by_kind[name.kind] = name.actor_id

    def read(self) -> tuple[list[Speech], list[DraftClaim]]:
        speeches: list[Speech] = []
        claims: list[DraftClaim] = []
        for paragraph in self.article.paragraphs:
            paragraph = DATELINE.sub("", paragraph)
            for speech in self.find_speech(paragraph):
                speeches.append(speech)
            for sentence in split_sentences(paragraph):
                claim = self.read_sentence(sentence, speeches)
                if claim is not None:
                    claims.append(claim)
                self.note_mentions(sentence)
        return speeches, claims

    def find_speech(self, paragraph: str) -> list[Speech]:
        """Quoted words of four or more words, with the speaker the text names."""
        found = []
        for opener, closer in OPEN_CLOSE.items():
            pattern = re.escape(opener) + r"(?P<q>[^" + re.escape(closer + opener) + r"]{12,}?)" \
                + re.escape(closer)
            for match in re.finditer(pattern, paragraph):
                quote = match.group("q").strip().rstrip(",")
                if len(quote.split()) < 4:
                    continue
                after = paragraph[match.end():]
                before = paragraph[:match.start()]
                who = (self.speaker_after(after) or self.speaker_before(before)
                       or self.speaker_previous(before))
                sentence = self.sentence_around(paragraph, match.start(), match.end())
                if who is None:
                    who_text, actor = (self.last_person if self.last_person else ("", None))
                else:
                    who_text, actor = self.resolve(who)
                    if actor is not None or who_text:
                        self.last_person = (who_text, actor)
                found.append(Speech(quote, sentence, who_text, actor))
        return found

    @staticmethod
    def speaker_after(after: str) -> str | None:
        match = re.match(rf"^[,\s]*(?P<who>{WHO})\s+(?:{ATTRIBUTION_VERBS})\b", after)
        if match:
            return match.group("who")
        match = re.match(rf"^[,\s]*(?:{ATTRIBUTION_VERBS})\s+(?P<who>[^.,“\"]{{2,80}})", after)
        return match.group("who") if match else None

    @staticmethod
    def speaker_before(before: str) -> str | None:
        tail = before[-200:]
        match = re.search(rf"(?P<who>[A-Z]{WHO})\s+(?:{ATTRIBUTION_VERBS})"
                          rf"(?:\s+\w+){{0,3}}[:,]?\s*$", tail)
        if match:
            return match.group("who")
        match = re.search(r"according to (?P<who>[^,.“\"]{2,80})[,:]?\s*$", tail)
        return match.group("who") if match else None

    @staticmethod
    def speaker_previous(before: str) -> str | None:
        """The speaker of the sentence just before a quote: 'X said the strike was a crime.'"""
        match = re.search(rf"(?:^|[.!?]\s+)(?P<who>[A-Z]{WHO})\s+(?:{ATTRIBUTION_VERBS})\b"
                          rf"[^“\"]*[.!?:]\s*$", before)
        return match.group("who") if match else None

    @staticmethod
    def sentence_around(paragraph: str, start: int, end: int) -> str:
        position = 0
        for sentence in split_sentences(paragraph):
            found = paragraph.find(sentence, position)
            if found <= start < found + len(sentence) or found < end <= found + len(sentence):
                return sentence
            position = found + len(sentence)
        return paragraph

    def read_sentence(self, sentence: str, speeches: list[Speech]) -> DraftClaim | None:
        """A claim if the sentence accuses, denies, claims, finds or gives figures."""
        kind = next((k for k, cue in CUES if cue.search(sentence)), None)
        if kind == "claims-responsibility" and NEGATED.search(sentence):
            kind = None
        killed, wounded, counted = self.read_figures(sentence)
        if kind is None and killed is None and wounded is None and not (
                STRIKE.search(sentence) and find_actors(sentence, self.names)):
            return None
        clause = LEADING_CLAUSE.match(sentence)
        skip = len(normalise_text(clause.group())) if clause else 0
        mentions = [(at, n) for at, n in find_actors(sentence, self.names) if at >= skip]
        cue = next((c for k, c in CUES if k == kind), None)
        cue_match = cue.search(sentence) if cue is not None else None
        cue_at = cue_match.start() if cue_match else len(sentence)
        plain_at = len(normalise_text(sentence[:cue_at]))
        subject = [name for at, name in mentions if at < plain_at]
        objects = [name for at, name in mentions if at >= plain_at]
        actor_id = subject[0].actor_id if subject else None
        if cue_match and objects and re.match(r"\w*\s+by\b", sentence[cue_match.end():]):
            actor_id = objects.pop(0).actor_id  # "an accusation by the PMF"
        speaker = None
        said = re.search(rf"^(?P<who>{WHO})\s+(?:{ATTRIBUTION_VERBS})\b", sentence)
        if said and len(said.group("who").split()) <= 25:
            speaker_text, said_actor = self.resolve(said.group("who"))
            if said_actor is not None:
                actor_id, speaker = said_actor, speaker_text or None
        if actor_id is None:
            according = re.search(r"according to (?:the )?(?P<who>[^,.]{2,80})", sentence, re.I)
            if according:
                speaker, actor_id = self.resolve(according.group("who"))
        against = [n.actor_id for n in objects if n.actor_id != actor_id] \
            if kind == "accuses" else []
        kinds = {n.actor_id: n.kind for _, n in mentions}
        if actor_id is not None and kinds.get(actor_id) == "person":
            self.last_person = (speaker or "", actor_id)
        return DraftClaim(
            actor_id=actor_id, kind=kind or "reports", quote=sentence,
            sources=[self.article.source_id], speaker=speaker,
            against=list(dict.fromkeys(against)), killed=killed, wounded=wounded,
            counted=counted, date=self.resolve_date(sentence))

    def read_figures(self, sentence: str) -> tuple[dict[str, Any] | None,
                                                   dict[str, Any] | None, str | None]:
        """Killed and wounded figures: numbers beside a casualty word, and the noun counted."""
        killed = wounded = None
        counted = None
        for match in FIGURE.finditer(sentence):
            number = match.group("num")
            value = parse_number(number)
            if value is None or (re.match(r"^\d{4}$", number) and 1900 < value < 2100):
                continue
            window = sentence[match.end():match.end() + 70]
            before = sentence[max(0, match.start() - 25):match.start()]
            words = window.split()[:7]
            near = " ".join(words)
            kinds = [("killed", KILLED.search(near)), ("wounded", WOUNDED.search(near))]
            verb_before = KILLED.search(before) or WOUNDED.search(before)
            hits = [(k, m.start()) for k, m in kinds if m]
            adjacent = re.search(r"\b(?P<verb>killed|killing|wounded|wounding|injured|injuring)"
                                 r"\s+$", before)
            if adjacent:
                what = "killed" if adjacent.group("verb").startswith("kill") else "wounded"
            elif hits:
                what = min(hits, key=lambda item: item[1])[0]
            elif verb_before:
                what = "killed" if KILLED.search(before) else "wounded"
            else:
                continue
            noun = COUNTED_NOUNS.search(" ".join(words[:6]))
            if noun and noun.group().lower() != "others":
                phrase = re.search(rf"((?:[A-Z][\w'’-]*\s+){{0,3}}){re.escape(noun.group())}",
                                   window)
                counted = (phrase.group(0) if phrase else noun.group()).strip()
            text = match.group(0)
            figure = make_figure(match.group("qual"), value, number, text)
            if what == "killed" and killed is None:
                killed = figure
            elif what == "wounded" and wounded is None:
                wounded = figure
        return killed, wounded, counted

    def resolve_date(self, sentence: str) -> dt.date | None:
        """A date the sentence gives relative to the article's: on Monday, last night."""
        base = self.article.date
        if base is None:
            return None
        lowered = sentence.lower()
        if re.search(r"\blast night\b", lowered):
            return base - dt.timedelta(days=1)
        if re.search(r"\b(?:earlier )?today\b", lowered):
            return base
        match = re.search(r"\bon (" + "|".join(WEEKDAYS) + r")\b", lowered)
        if match:
            back = (base.weekday() - WEEKDAYS[match.group(1)]) % 7
            return base - dt.timedelta(days=back)
        return None


def parse_number(word: str) -> int | None:
    lowered = word.lower().replace(",", "")
    if lowered.isdigit():
        return int(lowered)
    if lowered in NUMBER_WORDS:
        return NUMBER_WORDS[lowered]
    return VAGUE_NUMBERS.get(lowered)


def make_figure(qualifier: str | None, value: int, number: str, text: str) -> dict[str, Any]:
    """A figure as min/max with the article's words: more than 40 is 41 and up."""
    vague = number.lower() in VAGUE_NUMBERS
    qual = (qualifier or "").lower()
    if qual in ("more than", "over"):
        return {"min": value + 1, "text": text}
    if vague or qual in ("at least", "some"):
        return {"min": value, "text": text}
    if qual in ("up to", "fewer than", "nearly", "almost"):
        return {"min": 0, "max": value, "text": text}
    return {"min": value, "max": value, "text": text}


def resolve_incident_date(articles: list[Article]) -> dict[str, Any]:
    """The incident's date from the articles' own: "last week" is a week window, "on Monday"
    or "last night" a day; the article's date with month precision when nothing says more."""
    for article in articles:
        if article.date is None:
            continue
        text = normalise_text(" ".join(article.paragraphs[:6])).lower()
        if re.search(r"\blast night\b", text):
            return {"start": (article.date - dt.timedelta(days=1)).isoformat(), "precision": "day"}
        match = re.search(r"\bon (" + "|".join(WEEKDAYS) + r")\b", text)
        if match:
            back = (article.date.weekday() - WEEKDAYS[match.group(1)]) % 7
            return {"start": (article.date - dt.timedelta(days=back)).isoformat(),
                    "precision": "day"}
        if re.search(r"\blast week\b", text):
            monday = article.date - dt.timedelta(days=article.date.weekday() + 7)
            return {"start": monday.isoformat(),
                    "end": (monday + dt.timedelta(days=6)).isoformat(), "precision": "week"}
    dated = [a.date for a in articles if a.date is not None]
    if dated:
        first = min(dated)
        return {"start": first.replace(day=1).isoformat(), "precision": "month"}
    return {"start": "TODO YYYY-MM-DD", "precision": "day"}


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", normalise_text(text).lower()).strip("-")
    return re.sub(r"-{2,}", "-", slug)[:60].strip("-") or "item"


def draft_incident(paths: list[Path], brief_id: str | None = None,
                   briefs_dir: Path | None = None, today: dt.date | None = None) -> dict[str, Any]:
    """The draft incident file for the articles, as plain data ready to dump as YAML."""
    if not paths:
        raise BriefgenError("give at least one article")
    names = load_names(briefs_dir)
    articles = []
    for path in paths:
        articles.append(read_article(path, slugify(path.stem)))
    speeches: list[Speech] = []
    claims: list[DraftClaim] = []
    speech_sources: dict[int, str] = {}
    for article in articles:
        found, sentence_claims = Reader(article, names).read()
        for speech in found:
            speech_sources[id(speech)] = article.source_id
        speeches.extend(found)
        claims.extend(sentence_claims)
    claims = merge_speech(speeches, speech_sources, claims)
    return assemble(articles, claims, names, brief_id, today or dt.date.today())


def merge_speech(speeches: list[Speech], sources: dict[int, str],
                 claims: list[DraftClaim]) -> list[DraftClaim]:
    """Quotes become claims (kind from their sentence); a quote two articles print is one
    claim with both sources."""
    by_quote: dict[str, DraftClaim] = {}
    result: list[DraftClaim] = []
    for speech in speeches:
        key = normalise_text(speech.quote).lower()
        source = sources[id(speech)]
        if key in by_quote:
            if source not in by_quote[key].sources:
                by_quote[key].sources.append(source)
            continue
        kind = next((k for k, cue in CUES if cue.search(speech.sentence)), "reports")
        claim = DraftClaim(actor_id=speech.actor_id, kind=kind, quote=speech.quote,
                           sources=[source], speaker=speech.who or None)
        by_quote[key] = claim
        result.append(claim)
    quoted = {normalise_text(c.quote) for c in result}
    for claim in claims:
        if normalise_text(claim.quote) in quoted:
            continue
        result.append(claim)
    return result


def assemble(articles: list[Article], claims: list[DraftClaim], names: list[ActorName],
             brief_id: str | None, today: dt.date) -> dict[str, Any]:
    """The incident file as data: found values where the rules found them, TODO elsewhere."""
    by_id = {n.actor_id: n for n in reversed(names)}
    used = list(dict.fromkeys(
        [c.actor_id for c in claims if c.actor_id] + [a for c in claims for a in c.against]))
    actors = [{"id": a, "name": by_id[a].name, "kind": by_id[a].kind} for a in used]
    candidates: dict[str, str] = {}
    for claim in claims:
        if claim.actor_id is None and claim.speaker and re.match(r"[A-Z]", claim.speaker):
            candidate = slugify(claim.speaker)
            candidates.setdefault(candidate, claim.speaker)
            claim.actor_id = candidate
    actors += [{"id": c, "name": name, "kind": "TODO candidate: person, militia, media, ..."}
               for c, name in candidates.items()]
    if not actors:
        actors = [{"id": "TODO-actor", "name": "TODO", "kind": "TODO"}]
    sources = []
    for article in articles:
        source: dict[str, Any] = {"id": article.source_id, "seed": article.path.name,
                                  "publisher": article.publisher or "TODO publisher",
                                  }
        if article.title:
            source["title"] = article.title
        if article.date is not None:
            source["date"] = article.date.isoformat()
        source["descriptor"] = "TODO who the source is and what access it has (ICD 206)"
        source["reliability"] = "TODO A-F"
        sources.append(source)
    drafted = []
    seen: set[str] = set()
    for claim in claims:
        base = slugify(f"{claim.actor_id or 'unknown'}-{claim.kind}")
        claim_id, n = base, 2
        while claim_id in seen:
            claim_id, n = f"{base}-{n}", n + 1
        seen.add(claim_id)
        item: dict[str, Any] = {"id": claim_id, "actor": claim.actor_id or "TODO-actor"}
        known = by_id.get(claim.actor_id or "")
        if claim.speaker and (known is None or claim.speaker != known.name):
            item["speaker"] = claim.speaker
        item["kind"] = claim.kind
        if claim.against:
            item["against"] = claim.against
        if claim.date is not None:
            item["date"] = claim.date.isoformat()
        item["summary"] = "TODO one neutral sentence"
        item["quote"] = " ".join(claim.quote.split())
        if len(claim.sources) > 1:
            item["quote_source"] = claim.sources[0]
        item["sources"] = claim.sources
        item["credibility"] = 6
        if claim.killed or claim.wounded:
            casualties: dict[str, Any] = {}
            if claim.killed:
                casualties["killed"] = claim.killed
            if claim.wounded:
                casualties["wounded"] = claim.wounded
            if claim.counted:
                casualties["of"] = claim.counted
            item["casualties"] = casualties
        drafted.append(item)
    first = drafted[0]["id"] if drafted else "TODO-claim"
    return {
        "schema": 1,
        "id": brief_id or slugify(articles[0].title or articles[0].path.stem),
        "title": f"TODO neutral title (headline: {articles[0].title or 'none'})",
        "handling": "TLP:CLEAR",
        "revision": {"number": 1, "date": today.isoformat(), "authors": ["TODO your name"],
                     "changes": "Draft made by briefgen draft from "
                                + ", ".join(a.path.name for a in articles) + "."},
        "bluf": "TODO bottom line up front",
        "incident": {"date": resolve_incident_date(articles),
                     "place": {"name": "TODO where", "country": "TODO country"},
                     "event_type": "TODO", "strike_status": "TODO", "attribution": "TODO"},
        "actors": actors,
        "sources": sources,
        "claims": drafted or [{"id": "TODO-claim", "actor": "TODO-actor", "kind": "TODO",
                               "summary": "TODO", "sources": [sources[0]["id"]],
                               "credibility": 6}],
        "judgments": [{"text": "TODO the analyst's judgment", "likelihood": "TODO",
                       "confidence": "TODO", "rests_on": [first]}],
        "background": "TODO context in Markdown",
        "implications": [{"text": "TODO what it means"}],
    }


def render_draft(data: dict[str, Any]) -> str:
    """The draft as YAML text, with the schema line for editors and a header comment."""
    import yaml

    from briefgen.skeleton import SCHEMA_COMMENT

    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return (f"{SCHEMA_COMMENT}\n# Draft made by `briefgen draft`: every quote and figure is the "
            "articles' own; replace\n# every TODO and check every claim before this is a brief.\n"
            + body)


@dataclass
class Recall:
    """How a draft compares with the curated file for the same articles."""

    quotes_found: int
    quotes_total: int
    figures_found: int
    figures_total: int
    extra_quotes: int
    extra_figures: int


def list_figures(claims: list[dict[str, Any]]) -> list[tuple[str, str, int, int | None]]:
    """(claimant, killed or wounded, min, max) of every figure in claims given as data."""
    found = []
    for claim in claims:
        for count, figure in (claim.get("casualties") or {}).items():
            if count in ("killed", "wounded") and figure:
                found.append((str(claim.get("actor")), count, int(figure["min"]),
                              figure.get("max")))
    return found


def measure_recall(curated: dict[str, Any], draft: dict[str, Any]) -> Recall:
    """The share of curated quotes and casualty figures (with their claimant) the draft has,
    and how many drafted quotes and figures the curated file does not have."""
    def norm(text: str) -> str:
        return normalise_text(text).lower().strip(" .,")

    drafted_quotes = [norm(c["quote"]) for c in draft["claims"] if c.get("quote")]
    curated_quotes = [norm(c["quote"]) for c in curated["claims"] if c.get("quote")]
    found = sum(any(q in d for d in drafted_quotes) for q in curated_quotes)
    extra = sum(not any(q in d or d in q for q in curated_quotes) for d in drafted_quotes)
    drafted_figures = list_figures(draft["claims"])
    curated_figures = list_figures(curated["claims"])
    figures_found = sum(f in drafted_figures for f in curated_figures)
    extra_figures = sum(f not in curated_figures for f in drafted_figures)
    return Recall(found, len(curated_quotes), figures_found, len(curated_figures), extra,
                  extra_figures)
