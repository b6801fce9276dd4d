"""Article text -> a YAML draft of an incident file, by rules and nothing else.

Nothing in a draft is invented: every quote is a span of an article, every figure is a number
the article prints, and whatever the rules cannot decide is a visible ``TODO`` that
``briefgen validate`` refuses until an editor fills it in.

The rules are general ones for news reporting: quotation marks with an attribution verb
("said", "tweeted", "told", "according to"), numbers near "killed" or "wounded", cue words for
accusations and denials, dates relative to the article's own. Actors are recognised from the
names in briefs/ and the project's list in ``gazetteer``. The forms of saying and of speakers'
names are in ``attribution``, quotation marks in ``quotation``, casualty figures in ``tolls``
and an article's masthead in ``masthead``; this module reads an article with them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefgen.attribution import (
    ATTRIBUTION_VERBS,
    AUX,
    BYSTANDER,
    CLAIMS_BY,
    CLAUSE,
    DOER_SUBJECT,
    END_OF_WHO,
    GENERIC,
    GROUP_HEADS,
    HEAD_CUT,
    LEADING_CLAUSE,
    MONITOR,
    NAME_WORD,
    NOT_A_SPEAKER,
    ORG_WORDS,
    PERSON_HEADS,
    POINTING_WORDS,
    PRONOUNS,
    REFERENCE,
    SHORT_WHO,
    SPEECH_VERBS,
    SPOKESMAN_FOR,
    TIME_OPENING,
    TITLE_DOT,
    TITLE_SHORT,
    TITLES,
    WEEKDAYS,
    WHO,
    clean_phrase,
    find_attribution,
    find_attribution_form,
    find_doer,
    is_person,
    name_monitor,
    names_speaker,
    split_phrase,
)
from briefgen.errors import BriefgenError, display_path
from briefgen.frontmatter import read_front_matter, strip_front_matter
from briefgen.gazetteer import KNOWN_ACTORS
from briefgen.masthead import CAPTION, find_date, find_publisher, find_writer
from briefgen.quotation import DOUBLE, find_quotations
from briefgen.seeds import normalise_text
from briefgen.seeds import split_sentences as split_plain_sentences
from briefgen.tolls import VAGUE_NUMBERS, Figures, read_figures

CLUTTER = re.compile(
    r"(?i)^(?:be the first to comment|leave a (?:comment|reply)|your email address will not "
    r"be published|comments are closed|please let us know if you're having issues with "
    r"commenting|share this|related(?: story| stories| articles?)?:|read more|advertisement|"
    r"sign up|subscribe|previous article|next article|story continues|follow (?:us|this link))")
DENIED_REPORTS = re.compile(
    r"\b(?:denied|denies|denying|rejected|rejecting|disputed|disputing|disputes|dismissed|"
    r"dismisses|dismissing|refuted?|refuting|countering|countered|contradicting|contradicted|"
    r"(?:cannot|can ?not|could not|did not|would not) confirm)\s+"
    r"(?:the\s+|an?\s+|media\s+)?(?:(?-i:(?P<adj>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}))\s+)?"
    r"(?:reports?|claims?|allegations?|accusations?)\b"
    r"(?:\s+(?:by|from|of)\s+(?P<who>[^,.;]{2,80}?)(?=\s+that\b|[,.;]|$))?", re.I)
"""A denial of others' reports ('cannot confirm a claim by Y that'): the figures that follow
are theirs, not the denier's."""
REPORTED_BY = re.compile(r"\s+(?:first\s+|initially\s+|earlier\s+|originally\s+)?(?:reported|"
                         r"given|announced|cited|provided)\s+by\s+(?P<who>[A-Z][\w.-]*['’]s(?:\s+[a-z]+)"
                         r"{0,3}\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|(?:the|an?)\s+[\w-]+"
                         r"(?:\s+(?!(?:had|has|have|was|were|is|are|and|but|in|on|at|to)\b)[\w-]+)"
                         r"{0,3}|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})(?=[\s,.;]|$)")
"""A toll's source named right after it: 'the death toll of 95 first reported by the village
chief', 'at least 10 dead reported by China's official news agency Xinhua' is the chief's and
Xinhua's."""
TOLL_AGE = r"initial|first|earlier|latest|new|official|provisional|preliminary"
"""Which of its tolls an owner gave: 'an initial police estimate', 'the latest toll'."""
TOLL_NOUN = (rf"(?:(?:{TOLL_AGE}|own|overall|casualty|death|injury)\s+){{0,3}}"
             r"(?:estimate|toll|tally|count|figure|assessment)s?")
OWNER = (r"(?:\b(?:the|an?)\s+(?:[\w.-]+\s+){0,2}[\w-]+"
         rf"|\b(?!(?:{'|'.join(d.title() for d in WEEKDAYS)}|Today|Yesterday|January|February|"
         r"March|April|May|June|July|August|September|October|November|December)\b)"
         r"[A-Z][\w.-]*(?:\s+(?:[A-Z][\w.-]*|of|for)){0,5})")
OWNED_TOLL = re.compile(
    rf"(?P<who>{OWNER})['’]s\s+{TOLL_NOUN}\s+of\s+(?:(?:an?|the)\s+)?(?:{TOLL_NOUN}\s+of\s+)?$"
    rf"|\b(?:(?:estimate|assessment)s?\s+of|{TOLL_NOUN}\s+by)\s+(?P<of>{OWNER})\s+(?:is|was)"
    r"\s+(?:that\s+)?$"
    rf"|\b(?:the|an?)\s+(?:(?:{TOLL_AGE})\s+)?"
    rf"(?P<body>police|army|military|government|hospital|ministry|UN|U\.N\.)\s+"
    rf"{TOLL_NOUN}\s+of\s+$")
"""A toll its owner gives, named right before it: 'the interim government's estimate of an
overall death toll of 117', 'the official estimate of the Southern Command is that 515', 'an
initial police estimate of 20 dead'."""
GAVE_AFTER = re.compile(rf"\s+(?:that\s+|which\s+)?(?P<who>{OWNER})\s+(?:had\s+|has\s+)?"
                        r"(?:gave|given|announced|released|cited|published|reported)\b")
"""A toll followed by the one who gave it: 'the figure of 78 the military-backed government
gave earlier this week'."""
AS_WHAT = (r"(?:\s+(?:has|had|have))?\s+(?:characteri[sz]ed|described|denounced|dismissed|"
           r"branded|labell?ed|termed|condemned)(?:\s+[\w'’-]+){1,8}\s+as(?:\s+(?:an?|the))?\s*$")
"""'X has denounced the latest charges of murder as a "..."': the quotation is X's words for
the thing."""
DESCRIBED = re.compile(r"\b(?:denied|denies|denying|rejected|rejects|rejecting|admitted|admits|"
                       r"admitting|claimed|claims|claiming)\b[^.;]{0,120}?\b(?:that|which)\s+"
                       r"(?:had\s+|has\s+)?(?:killed|wounded|injured|left)\b"
                       r"|\b(?:denied|denies|denying|rejected|rejects)\s+(?:having\s+)?"
                       r"(?:killed|killing|massacring|massacred|shooting|shot)\b")
"""'X denied involvement in the sinking of a warship that killed 46 sailors', 'X admitted
planting a bomb that killed 11', 'X claimed responsibility for the attack, which wounded 31',
'X denied killing 132 civilians': the toll of the event denied or claimed, told in the
writer's voice (the one who denies it never gives it)."""
UNNAMED_REPORTS = re.compile(r"(?i)(?:the\s+)?(?:initial|early|preliminary|first|latest)?\s*"
                             r"(?:reports?|information|figures|findings|counts?)$")
"""What 'according to' names inside a quotation without naming anyone: the speaker's own."""
NAMED_PERSON = re.compile(r"^(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}),\s+(?:\d{1,3}|an?\s+"
                          r"[^,.;“”\"]{2,60}),\s+[a-z]")
"""A sentence that opens with a person's name and their age or title: 'Hamden Abu Gharah, 24,
was soaked in the blood of victims.'"""
GROUP_WORD = (r"(?!(?:The|A|An|This|That|Its|His|Her|Their|Our|In|On|At|For|Of|And|But|"
              r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
              r"(?:(?:al|el|ul)-)?[A-Z][\w'’]*(?:-(?!(?:linked|based|backed|allied|aligned|"
              r"affiliated|led|inspired)\b)[\w'’]+)*(?![\w'’-])")
GROUP_NAMED = re.compile(
    rf"(?<![\w'’-])(?P<before>{GROUP_WORD}(?:\s+(?:wa\s+)?{GROUP_WORD}){{0,4}})"
    r"(?:\s+(?!(?:rights|aid|relief|humanitarian|monitoring|advocacy|medical|research|media|"
    r"civil|opposition)\s)(?:[a-z][\w-]*\s+)?|,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?)"
    rf"(?P<head>group|militia|movement)\b(?:,?\s+(?P<after>{GROUP_WORD}"
    rf"(?:\s+(?:wa\s+)?{GROUP_WORD}){{0,4}}))?"
    rf"|\b(?:[a-z][\w-]*\s+)?(?P<head2>group|militia|movement),?\s+(?P<after2>{GROUP_WORD}"
    rf"(?:\s+(?:wa\s+)?{GROUP_WORD}){{0,4}})")
"""A name the article calls a group: 'the al-Shabab group', 'Tarsk Front, an armed group',
'the Harun militant group'; or the name after it, 'the Lebanese group Hezbollah', 'the armed
group Tarsk Front'."""
ARMED_GROUP = re.compile(r"(?i:the\s+)(?:(?:[A-Z][a-z]+ist|armed|militant|rebel|jihadist|"
                         r"insurgent|extremist|(?i:islamist))\s+)?(?i:group|militia|movement)")
"""'the group', 'the Islamist group', 'the armed group': the armed group named acting before,
not 'the local aid group'."""
STATE_BODY = re.compile(r"\b(?:army|military|government|ministry|police|forces|authorities|"
                        r"command)$", re.I)
"""A state's own body, which 'the group' or 'the organisation' never points back at."""
NO_STATE = ("group", "organisation", "organization", "ngo", "charity", "watchdog")
"""The words that point back at an organisation that is no state's body."""
CONTRAST_SPEAKER = re.compile(rf"\b(?:while|whereas|but)\s+(?P<who>[A-Z]{SHORT_WHO}"
                              rf"(?:,\s[^,;“”\"]{{2,100}}?,)?){AUX}\s+(?:{SPEECH_VERBS})\b"
                              r"(?P<tail>(?:[^“”\"]++|[“\"][^“”\"]*+[”\"])*+)$")
"""A speaker in a clause of its own just before a quote: '... while Colonel NAME, TITLE, said
reports were', also before a second quote of the sentence."""
TITLED_NAME = re.compile(rf"\b(?P<head>[A-Za-z]+),?\s+(?P<name>[A-Z][\w'’-]+"
                         rf"(?:\s+{NAME_WORD}){{1,3}})")
"""A name after a title: 'their leader, Radovan Karadzic', 'President Ana Vel'."""
AGED = re.compile(r"(?i)the\s+\d+-year-old(?:\s+[a-z]+)?")
"""'the 41-year-old', 'the 41-year-old father': the person named before, as 'he' is."""
NEARER = re.compile(
    r"\b(?:where|as|while|after|when|and|but|that|which)\s+"
    r"(?P<who>(?:an?|the)\s+(?:[\w-]+\s+){0,3}?[\w-]+"
    r"|[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|news|agency|medical|sources?|officials?|"
    r"media|radio|television)){0,5})\s+(?:said|says|say|reported|report|estimated|claimed|"
    r"claim)(?:\s+(?:yesterday|today|earlier|later|on\s+\w+day))?(?:\s+that)?"
    r"(?:\s+(?:(?:it|they)\s+)?(?:had\s+|has\s+|have\s+)?(?:killed|wounded|injured|left))?\s+$")
"""A clause of its own speaker right before the figure: 'The US denied targeting a mosque
where a monitor said 46 people were killed', 'the strikes on a market that medical sources
said it killed 26 people in': the figures are the monitor's and the sources'."""
CUES = (
    ("claims-responsibility", re.compile(
        r"claimed (?:responsibility|it was responsible|that its)|claims? responsibility|"
        r"said the (?:terrorist )?group carried out", re.I)),
    ("declines-comment", re.compile(
        r"declined to comment|(?:immediately )?(?:un)?available (?:for|to) comment|"
        r"did not (?:immediately )?respond to (?:a |media )?(?:a )?requests? for comment|"
        r"refused to comment", re.I)),
    ("finds", re.compile(r"after (?:an? )?investigations?|investigation (?:found|showed)|"
                         r"were found ['‘’\"]?untrue", re.I)),
    ("denies", re.compile(r"\b(?:denied|denies|deny|denying|repudiated|rejected|refuted|"
                          r"refutes)\b", re.I)),
    ("accuses", re.compile(r"\baccus\w*|\bblam\w*|\bhold\w* .{0,40}\bresponsible\b|"
                           r"\bcharged that\b", re.I)),
)
STRIKE = re.compile(r"\b(?:struck|strikes?|airstrikes?|attacked|bombed|bombard\w*|shelled|"
                    r"targeted|raided)\b", re.I)
"""A sentence that reports a strike, kept as a report when it names an actor."""
NEGATED = re.compile(r"\b(?:no group|not (?:yet )?claimed|has not claimed|had not claimed|"
                     r"nobody|no one)\b", re.I)
DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'-]{0,20}(?:\s+[A-Z][A-Za-z.'-]{0,20}){0,3} ?:|"
    r"[A-Z]{3,}[A-Z .'’-]*,(?=\s+(?:An?|The)\s)|"  # 'KABUL, An Afghan delegation'
    r"[A-Z]{3,}[A-Z .'’-]*,\s+[A-Z][\w .'’-]{1,30}:\s+[A-Z][\w.-]{1,20}:|"  # 'TARSK, Velmar:
    # Reuter: A local official ...'
    r"[A-Z]{3,}[A-Z .'’-]*(?:,?\s+[A-Z][\w .'’-]{1,30}?){0,3}"
    r"\s*(?:[—–_]|--?)|(?:[A-Z][\w .,'’-]{1,40}?)?\s*\([^)]{1,60}\)\s*(?:[—–:_]|--?)?)"
    r"\s+(?=[A-Z“\"])")
"""A dateline opening a paragraph (``Baghdad:``, ``KYIV, Ukraine (AP) —``, old wire copy's
``NICOSIA, Cyprus (AP) _``): where, not who;
never ``The army said:``, whose words are not all capitalised."""


GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
"""Two sentences a copied page glued together: 'he said.Qari Ahmadi denied ...'."""


def split_sentences(paragraph: str) -> list[str]:
    """Sentences as ``seeds`` splits them, and split again where a page lost the space."""
    return [piece for sentence in split_plain_sentences(paragraph)
            for piece in GLUED.split(sentence) if piece.strip()]


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
    writer: str | None = None
    """The byline's writer, who gives the figures in the article's own voice where no
    publisher is named."""
    url: str | None = None
    """The page's address, where its front matter gives it."""

    @property
    def voice(self) -> str | None:
        """Who gives the figures in the article's own voice: its publisher, else its writer."""
        return self.publisher or self.writer


@dataclass
class Speech:
    """Words attributed to someone in an article."""

    quote: str
    sentence: str
    who: str
    actor_id: str | None
    bystander: bool = False


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
                data = yaml.load(path.read_text(encoding="utf-8"),  # a safe loader, in C
                                 Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
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
        if name.alias not in plain and plain_alias(name.alias) not in plain:
            continue
        for match in alias_pattern(name.alias).finditer(plain):
            span = (match.start(), match.end())
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            taken.append(span)
            found.append((match.start(), name))
    return sorted(found, key=lambda item: item[0])


SPEAKING_FOR = re.compile(r"\b(?:officials?|sources?|spokes(?:man|woman|person)|diplomats?|"
                          r"commanders?|authorities)\b", re.I)
"""Those who speak for an actor, whom a speaker's name keeps: 'U.S. officials'."""


def names_a_body_of(phrase: str, names: list[ActorName]) -> bool:
    """'U.S. Central Command (CENTCOM)', 'U.S. officials': a named body of a known actor, or
    those who speak for it, which the draft keeps as the speaker beside the actor, where 'the
    U.S.' says no more than the actor."""
    rest = phrase
    for _, name in find_actors(phrase, names):
        rest = re.sub(rf"(?i)\b{re.escape(name.alias)}\b", " ", rest)
    return ORG_WORDS.search(rest) is not None or SPEAKING_FOR.search(rest) is not None


@lru_cache(maxsize=4096)
def plain_alias(alias: str) -> str:
    """A name as quotes are compared, worked out once."""
    return normalise_text(alias)


@lru_cache(maxsize=4096)
def alias_pattern(alias: str) -> re.Pattern[str]:
    """A name as a whole word, compiled once."""
    return re.compile(rf"(?<![\w-]){re.escape(normalise_text(alias))}(?![\w-])")


INLINE_TAG = re.compile(r"</?(?:i|b|em|strong|u)>", re.I)
"""A page's inline markup saved with its text: '<i> From Associated Press</i>'."""


def read_article(path: Path, source_id: str) -> Article:
    """An article: headline, date near the top, publisher where named, clutter dropped; what
    the text does not give, its front matter may."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BriefgenError(f"{display_path(path)}: cannot read the article: {exc}") from exc
    front = read_front_matter(text, display_path(path))
    text = strip_front_matter(text)
    lines = join_wrapped([line.strip() for line in text.splitlines()])
    kept = [line for line in lines if line and not CLUTTER.match(line)]
    body = next((at for at, line in enumerate(kept)
                 if DATELINE.match(line) and re.search(r"[.!?”\"]$", line)), len(kept))
    title = next((line for line in kept[:body] if 4 <= len(line.split()) <= 25 and not re.search(
        r"^\W*date\b|[.:][”\"’']?$", line, re.I)), "")  # a headline comes before the dateline
    captions = [line for line in kept if CAPTION.search(line)]
    paragraphs = [line for line in kept if line != title and (
        len(line.split()) >= 8 or re.search(r"[.!?:”\"]$", line))]
    dated = [line for line in kept[:12] if line not in captions]
    plain = [INLINE_TAG.sub("", line).strip() for line in kept]  # '<i> From AP</i>'
    return Article(path, source_id, text, title or front.title or "", paragraphs,
                   find_date(dated) or front.date, find_publisher(plain) or front.publisher,
                   find_writer(plain), front.url)


WRAPPED = re.compile(r"(?:[,;]|\s--|[—–]|\b(?:the|a|an|of|and|or|to|in|on|at|by|for|with|from|"
                     r"that|as|its|their|his|her))$")
"""How a line that a hard-wrapped page broke mid-sentence ends: a comma, a dash or a word
that joins, before a line of its own."""


BYLINE_LINE = re.compile(r"^by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")
"""A byline of its own line in lower case: 'by BBC NEWS'."""


def join_wrapped(lines: list[str]) -> list[str]:
    """Lines of a page that wraps its text at a width (wire archives, old papers), joined
    back into their paragraphs: a line runs on into the next where that opens in lower case
    ('the Kosovo Liberation Army (OVK)' / 'killed and then burned 22 Serbs') or where it
    ends in a comma or a word that joins. A blank line always ends a paragraph."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if line and previous and (re.match(r"[a-z]", line) or WRAPPED.search(previous)) \
                and not BYLINE_LINE.match(line):
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined


@dataclass
class Mention:
    """Someone an article has named as speaking or acting, for "he said" and "it added"."""

    phrase: str
    speaker: str
    actor_id: str | None
    person: bool
    context: str = ""


@dataclass
class Reader:
    """Reads one article: quotes with speakers, figures with who gives them, claims."""

    article: Article
    names: list[ActorName]
    last_person: tuple[str, str | None] | None = None
    last_voice: tuple[str, str | None] | None = None
    """The last one named as speaking, person or organisation: an unattributed quote's."""
    last_by_kind: dict[str, str] = field(default_factory=dict)
    recent: list[Mention] = field(default_factory=list)
    bystanders: set[str] = field(default_factory=set)
    last_group: tuple[str, str | None] | None = None
    """A group named as acting since the last one named as speaking: who 'they' are."""
    toll_voice: tuple[str, str | None] | None = None
    """Who gave the last toll of this paragraph: a toll that follows in it with no speaker of
    its own is theirs ('She said it killed 27 people. Another 31 people were hospitalized');
    a new paragraph's is the writer's."""
    single: bool = False
    """Whether the page quotes with straight single quotes, having no double mark at all."""
    seen: list[str] = field(default_factory=list)
    """The sentences read so far, for the group that 'the group' names."""
    called: dict[str, set[str]] = field(default_factory=dict)
    """The names the sentences read so far call a group, a militia or a movement, by that
    word: {"group": {"al-Shabab"}}; ``scanned`` says how many sentences they hold."""
    scanned: int = 0
    carried: Speech | None = None
    """The speaker of a quote that ends a paragraph: the next paragraph's quote, opening
    with no attribution, continues it."""

    def resolve(self, who: str, before: str = "") -> tuple[str, str | None]:
        """The speaker's words and actor: a pronoun or a word that points back ("it", "the
        ministry"), a monitor, a known name, a spokesman for a known name, or new words."""
        raw = who.strip(" ,;:")
        light = re.sub(r",?\s+in an? (?:statement|news conference|press conference)\b.*$"
                       r"|,\s+(?:which|who)\s.*$", "", raw)  # 'The group, which intends to'
        if re.fullmatch(r"(?i)they|them|(?:one|another)(?:\s+of\s+them)?(?:\s+who\b.*)?", raw):
            return self.find_group_before(before) or ("", None)  # 'They called it "..."'
            # after a group's statement, never one person; 'community leaders said ... "...,"
            # said one who spoke on condition of anonymity': one of the leaders
        if PRONOUNS.match(raw) or AGED.fullmatch(raw):  # 'he said', 'the 41-year-old said';
            # 'X quoted him as saying' after 'their leader, NAME': NAME
            person = self.find_object_person(before) if raw.lower() in ("him", "her") else None
            return person or self.find_person_before(before) or self.last_person or ("", None)
        reporter = re.fullmatch(r"(?:the\s+)?(?P<org>(?:[\w-]+\s+){0,3}?[\w-]+)\s+report",
                                light, re.I)
        if reporter and ORG_WORDS.search(reporter.group("org")):
            return self.resolve(reporter.group("org"), before)  # 'The state television
            # report said': state television's
        if REFERENCE.match(light):
            pointed = self.resolve_reference(raw, light, before)
            if pointed is not None:
                return pointed
        phrase = clean_phrase(re.split(r"\s[-–]\s", raw)[-1])  # 'Gaza City, Gaza - the agency'
        if not phrase:
            return self.last_person or ("", None)
        if CLAUSE.search(phrase):  # words of a clause, not who speaks: the last part, or no one
            parts = re.split(r",|\s(?:and|but)\s", phrase)
            last = parts[-1].strip()
            if len(parts) == 1 or not clean_phrase(last) or CLAUSE.search(clean_phrase(last)):
                return "", None
            return self.resolve(last, before)
        if phrase != light and phrase.startswith("the ") and REFERENCE.match(phrase):
            # 'a statement from the agency': the agency named before
            found = self.find_referent(phrase, before)
            if found is not None:
                return found
        issuer = re.fullmatch(r"(?:an?\s+)?(?P<org>[a-z]+) statement", light, re.I)
        if issuer and ORG_WORDS.search(issuer.group("org")):
            found = self.find_referent(f"the {issuer.group('org')}", before)
            if found is not None:  # 'a ministry statement said': the ministry named before
                return found
        if MONITOR.search(phrase):
            return name_monitor(phrase), None
        earlier = self.find_named_before(phrase, before)
        if earlier is not None:
            return earlier
        phrase = self.find_full_name(phrase) or phrase
        name, _ = split_phrase(phrase)
        actor = self.find_phrase_actor(phrase)
        if actor is not None:
            if name:
                return (name if "," in phrase else phrase), actor
            return (phrase if names_a_body_of(phrase, self.names) else ""), actor
        last = phrase.split()[-1].lower()
        if last in GENERIC and len(phrase.split()) == 1 and GENERIC[last] in self.last_by_kind:
            return "", self.last_by_kind[GENERIC[last]]
        return phrase, None

    def resolve_reference(self, raw: str, light: str,
                          before: str) -> tuple[str, str | None] | None:
        """What a word that points back ('it', 'the group', 'the ministry') names: the group
        the article called so, the one named before, the armed group named acting; None where
        nothing is named ('it' then names no one)."""
        named = self.find_named_group(light, before)
        if named is not None:  # 'The group said' after 'the al-Shabab group': al-Shabab
            return self.resolve(named)
        found = self.find_referent(raw, before)
        if found is not None:
            return found
        if self.last_group and ARMED_GROUP.fullmatch(light):
            return self.last_group  # 'Al Shabaab insurgents ... The Islamist group said'
        if light.lower() == "it":
            return "", None  # 'it said' with nothing to point back at: no one named
        return None

    def find_named_group(self, reference: str, before: str) -> str | None:
        """The name of the group that 'the group' (or 'the militia', 'the movement') points
        back at: of the names the article so far has called one ('the al-Shabab group', 'Tarsk
        Front, an armed group'), the one it printed last."""
        head = reference.lower().split()[-1]
        if not re.fullmatch(r"the (?:[a-z-]+ )?(?:group|militia|movement)", reference.lower()):
            return None
        for sentence in self.seen[self.scanned:]:
            for word, names in find_called(sentence).items():
                self.called.setdefault(word, set()).update(names)
        self.scanned = len(self.seen)
        called = self.called.get(head, set()) | find_called(before).get(head, set())
        for sentence in reversed([*self.seen, before]):  # the one printed last
            last = max(((m.start(), name) for name in called
                        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])",
                                             sentence)), default=None)
            if last is not None:
                return last[1]
        return None

    def find_named_before(self, surname: str, before: str = "") -> tuple[str, str | None] | None:
        """'Dunn said', after 'U.S. military spokesman Col. Marek Dunn': the person named in
        full before (earlier in the article, or in the paragraph before the quote), with the
        actor they speak for."""
        surname = re.sub(rf"^(?:{'|'.join((*TITLES, 'Miss', 'Sheikh'))})\.?\s+(?=\S+$)", "",
                         surname)  # 'Mr. Rusk', as some papers write
        if not re.fullmatch(NAME_WORD, surname) or not surname[:1].isupper():
            return None
        here = [m for m in map(self.find_subject, split_sentences(before)) if m is not None]
        named = [(m, split_phrase(m.phrase)[0].split()) for m in reversed(self.recent + here)
                 if m.person]
        for word in (-1, 0):  # the surname; else the first name ('Ferry' after 'Ferry Marisan')
            for mention, name in named:
                if len(name) >= 2 and name[word] == surname:
                    return mention.speaker, mention.actor_id
        return None

    def find_group_before(self, before: str) -> tuple[str, str | None] | None:
        """Who 'they' are: the last group the paragraph names as speaking before a quote,
        else the last one named as speaking, if that is no one person."""
        for sentence in reversed(split_sentences(before)):
            mention = self.find_subject(sentence)
            if mention is not None and (mention.speaker or mention.actor_id):
                return None if mention.person else (mention.speaker, mention.actor_id)
        if self.last_group is not None:
            return self.last_group
        if self.last_voice and not self.is_person_voice():
            return self.last_voice
        return None

    def find_person_before(self, before: str) -> tuple[str, str | None] | None:
        """The last person the paragraph names before a quote, for 'he said'."""
        for sentence in reversed(split_sentences(before)):
            mention = self.find_subject(sentence)
            if mention is not None and mention.person:
                return mention.speaker, mention.actor_id
            named = NAMED_PERSON.match(sentence)  # 'NAME, 24, was soaked in blood. "...," he
            if named:  # said'
                return self.resolve(named.group("name"))
        return None

    def find_object_person(self, before: str) -> tuple[str, str | None] | None:
        """The last person named with a title in the sentence before or the words before
        ('a declaration of peace by their leader, Radovan Karadzic'), for the 'him' of 'Tanjug
        quoted him as saying'."""
        text = " ".join([*self.seen[-1:], before])
        for match in reversed(list(TITLED_NAME.finditer(text))):
            if PERSON_HEADS.search(match.group("head")) and is_person(match.group(), match["name"]):
                return self.resolve(match.group("name").rstrip("."))
        return None

    def find_phrase_actor(self, phrase: str) -> str | None:
        """A known actor the phrase names as its own: 'a spokesman for the U.S. military',
        'U.S. military spokesman Col. Tom Collins', never one in a modifier such as
        'officials with the U.S.-allied government'."""
        spokesman = SPOKESMAN_FOR.search(phrase)
        if spokesman:
            mentions = find_actors(spokesman.group("org"), self.names)
            if mentions:
                return mentions[0][1].actor_id
        for part in phrase.split(","):
            head = HEAD_CUT.split(f" {part.strip()} ")[0]
            mentions = find_actors(head, self.names)
            if mentions:
                return mentions[0][1].actor_id
        return None

    def find_referent(self, reference: str, before: str,
                      remember: bool = True) -> tuple[str, str | None] | None:
        """What 'it', 'the statement' or 'the ministry' points back at: the last one named
        in the paragraph so far, else in the article so far; remembered as named last unless
        the caller only asks whether there is one (``remember=False``)."""
        head = reference.split()[-1].lower()
        mentions = list(self.recent)
        sentence = (split_sentences(before) or [""])[-1]
        named = list(re.finditer(
            r"\b[A-Z][\w'’-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+)?[A-Z][\w'’-]*)+", sentence))
        if named and head in POINTING_WORDS and ORG_WORDS.search(named[-1].group()):
            mentions.append(Mention(named[-1].group(), named[-1].group(), None, False))
        here: list[Mention] = []
        for sentence in split_sentences(before):
            mention = self.find_subject(sentence) or self.find_new_reference(sentence, here) \
                or self.find_acting_body(sentence)
            if mention is not None:
                here.append(mention)
        mentions += here
        chosen = None
        words = reference.lower().split()
        modifier = words[-2] if len(words) > 1 and words[-2] not in ("the", "a", "an") else ""
        if re.fullmatch(r"first|second|third|latest|earlier|later|new|initial|final|official|"
                        r"joint|written|brief|short", modifier):
            modifier = ""  # the first statement: the one said to issue a statement
        modifier = re.sub(r"['’]s$", "", modifier)  # the ministry's statement: the ministry's
        if head == "statement":  # the statement: whoever was said to issue one
            chosen = next((m for m in reversed(mentions) if "statement" in m.context
                           and modifier in m.phrase.lower()), None)
        if head == "report":  # the report: the one named as reporting, or a report named
            chosen = next((m for m in reversed(mentions)  # as speaking
                           if re.search(r"\breport", f"{m.phrase} {m.context}", re.I)), None)
        if head == "monitor":  # the monitor: the monitoring group named before
            chosen = next((m for m in reversed(mentions) if MONITOR.search(m.phrase)), None)
        short = re.compile(rf"\b(?:{re.escape(head)}|{TITLE_SHORT.get(head, re.escape(head))}\.)",
                           re.I)
        if chosen is None:  # 'the interior ministry' is not the health ministry named before
            chosen = next((m for m in reversed(mentions)
                           if (head in POINTING_WORDS and not m.person
                               and not (head in NO_STATE and STATE_BODY.search(m.phrase)))
                           or (short.search(m.phrase) and modifier in m.phrase.lower())),
                          None)
        if chosen is None:
            return None
        if remember and chosen not in self.recent:
            self.recent.append(chosen)
        return chosen.speaker, chosen.actor_id

    def find_new_reference(self, sentence: str, here: list[Mention]) -> Mention | None:
        """'The military said in its statement ...' where neither the paragraph before it nor
        the article so far names a military: the military, for the 'it said' that follows."""
        who = find_attribution(sentence)
        if who is None or not REFERENCE.match(who.strip()) or any(not m.person for m in here):
            return None
        phrase = clean_phrase(who)
        if phrase.split()[-1].lower() in POINTING_WORDS or PERSON_HEADS.search(phrase) \
                or self.find_referent(who, "", remember=False) is not None:
            return None
        return Mention(phrase, phrase, None, False, sentence)

    def find_subject(self, sentence: str) -> Mention | None:
        """Who a sentence names as speaking, or the known actor it opens with."""
        who = find_attribution(sentence)
        citing = re.search(r"\bciting (?P<who>[^,.;]{2,80})", sentence)
        if citing is not None and (who is None or who in sentence[citing.start():]):
            speaker, actor = self.resolve(citing.group("who"))
            return self.make_mention(citing.group("who"), speaker, actor)
        if who is not None and not REFERENCE.match(who.strip()) and not PRONOUNS.match(who):
            speaker, actor = self.resolve(who)
            mention = self.make_mention(who, speaker, actor)
            mention.context = sentence
            return mention
        opening = " ".join(sentence.split()[:5])
        mentions = find_actors(opening, self.names)
        if mentions:
            return Mention(mentions[0][1].alias, "", mentions[0][1].actor_id, False)
        return None

    def make_mention(self, who: str, speaker: str, actor: str | None) -> Mention:
        phrase = clean_phrase(who)
        name, _ = split_phrase(phrase)
        person = is_person(phrase, name) or self.is_surname(phrase)
        return Mention(phrase or speaker, speaker, actor, person)

    def is_surname(self, word: str) -> bool:
        """'Collins said': a single name the article has printed after a first name or a
        title ('Col. Tom Collins'), so a person's second mention, not an organisation."""
        if not re.fullmatch(NAME_WORD, word) or ORG_WORDS.search(word) \
                or find_actors(word, self.names):
            return False
        return re.search(rf"\b(?!(?:The|A|An|In|On|At|By|For|And|But|Of|To|From|With)\b)"
                         rf"[A-Z][a-z][\w'’-]*\.?[^\S\n]+{re.escape(word)}(?![\w-])",
                         self.article.text) is not None

    def find_full_name(self, word: str) -> str | None:
        """'Ferry told ...' where the article has printed 'Ferry Marisan, director of ...' in
        a sentence that names no speaker: the full name, the first word printed first."""
        if not re.fullmatch(NAME_WORD, word) or not word[:1].isupper() \
                or ORG_WORDS.search(word) or find_actors(word, self.names):
            return None
        found = re.search(rf"(?<![\w.’'-]){re.escape(word)}\s+(?!(?:Said|Told|Added)\b)"
                          rf"([A-Z][a-z][\w'’-]+)(?=,)", self.article.text)
        return f"{word} {found.group(1)}" if found else None

    def is_person_voice(self) -> bool:
        """Whether the last one named as speaking is a person."""
        return any(m.person and (m.speaker, m.actor_id) == self.last_voice for m in self.recent)

    def remember(self, who: str, speaker: str, actor: str | None) -> None:
        """Note a speaker for the pronouns and references that follow."""
        if not (speaker or actor) or PRONOUNS.match(who.strip()):
            return
        if REFERENCE.match(who.strip()):  # a word that points back adds no one new, but
            named = [m for m in self.recent if (m.speaker, m.actor_id) == (speaker, actor)]
            if named:  # 'the group official said' makes the official the last to speak
                self.last_voice = (speaker, actor)
                if named[-1].person:
                    self.last_person = (speaker, actor)
            return
        mention = self.make_mention(who, speaker, actor)
        self.recent.append(mention)
        self.last_voice = (speaker, actor)
        if mention.person or PRONOUNS.match(who.strip()):
            self.last_person = (speaker, actor)
        if BYSTANDER.search(who):
            self.bystanders.add(speaker)

    def note_quoted(self, voice: Speech) -> None:
        """The speaker of a sentence's quote spoke last, after the sentence's subject: 'A local
        official put the toll at 50 while Colonel NAME said reports were "..."', then '"...," he
        said' is the colonel."""
        if not voice.who or voice.sentence.find(voice.who) >= voice.sentence.find(voice.quote):
            return  # named after the quote ('according to X'), or not named
        spoke = (voice.who, voice.actor_id)
        named = [m for m in self.recent if (m.speaker, m.actor_id) == spoke]
        if named:
            self.last_voice = spoke
            if named[-1].person:
                self.last_person = spoke

    def note_doer(self, sentence: str) -> None:
        """'Prime minister NAME addressed ...', 'Chechen military leaders earlier revised ...',
        'The government had appeared to accept ...': one who acts without speaking, for the
        'he said', 'They say' or 'it said' that follows."""
        found = find_acting_subject(sentence)
        if found is None:
            return
        who, after = found
        phrase = clean_phrase(who)
        name, title = split_phrase(phrase)
        if name and PERSON_HEADS.search(title or name) and is_person(phrase, name):  # also
            # 'Prime Minister NAME', a title the name's capitals hold
            self.last_person = self.resolve(who)
        elif GROUP_HEADS.search(head_word(phrase)):
            self.last_group = self.resolve(who)  # 'Village elders in Korva': elders
        else:
            body = self.make_body(who, after)  # 'the Eritrean government had appeared to
            if body is not None:  # accept ...', then '"...," it said'
                self.recent.append(body)

    def find_acting_body(self, sentence: str) -> Mention | None:
        """An organisation a sentence names as acting, not speaking: 'The government had
        appeared to accept ...', for an 'it said' that follows."""
        found = find_acting_subject(sentence)
        return self.make_body(*found) if found is not None else None

    def make_body(self, who: str, after: str) -> Mention | None:
        """The organisation ``who`` names as the subject of the verb before ``after``, if it
        names one."""
        if re.match(r"\s+by\b", after):
            return None  # 'A hospital supported by the ICRC': no verb of the hospital's
        phrase = clean_phrase(who)
        if not ORG_WORDS.search(head_word(phrase)) \
                and not re.search(r"\bin an? (?:[\w-]+ )?statement\b", who):
            return None  # 'The government had appeared to', 'Hamas in a statement named'
        speaker, actor = self.resolve(who)
        return Mention(phrase, speaker, actor, False) if speaker or actor else None

    def kind_of(self, actor_id: str) -> str | None:
        return next((n.kind for n in self.names if n.actor_id == actor_id), None)

    def note_mentions(self, sentence: str) -> None:
        for _, name in find_actors(sentence, self.names):
            self.last_by_kind[name.kind] = name.actor_id

    def read(self) -> tuple[list[Speech], list[DraftClaim]]:
        speeches: list[Speech] = []
        claims: list[DraftClaim] = []
        for paragraph in self.article.paragraphs:
            paragraph = DATELINE.sub("", paragraph)
            spoken = self.find_speech(paragraph)
            speeches.extend(spoken)
            self.toll_voice = None
            for sentence in split_sentences(paragraph):
                voice = find_voice(sentence, spoken)
                told: list[DraftClaim] = []
                for clause in self.split_contrast(sentence):
                    found = self.read_sentence(sentence, clause, voice)
                    claims.extend(found)
                    told += [c for c in found if (c.killed or c.wounded) and c.speaker]
                if told:
                    self.toll_voice = (told[-1].speaker or "", told[-1].actor_id)
                subject = self.find_subject(sentence)
                if subject is not None and (subject.speaker or subject.actor_id):
                    self.recent.append(subject)
                    self.last_voice = (subject.speaker, subject.actor_id)
                    self.last_group = None
                    if subject.person:
                        self.last_person = (subject.speaker, subject.actor_id)
                elif subject is None:
                    self.note_doer(sentence)
                quoted = [sp for sp in spoken if sp.sentence == sentence]
                if quoted and subject is not None and quoted[-1].who not in subject.speaker:
                    self.note_quoted(quoted[-1])  # not the subject's own words for itself
                self.note_mentions(sentence)
                self.seen.append(sentence)
        return speeches, claims + self.read_headline(claims)

    def read_headline(self, claims: list[DraftClaim]) -> list[DraftClaim]:
        """The headline's tolls that the body gives nowhere ('Mortar shell kills two in
        Tarsk' over a text that never counts the dead): the headline is the writer's words
        too. A toll the body gives again is left to the body, where its speaker is named, and
        so is a vague one ('kills dozens'), the sum of the body's counts."""
        title = self.article.title
        if not title:
            return []
        given = {n for claim in claims for figure in (claim.killed, claim.wounded) if figure
                 for n in (figure.get("min"), figure.get("max")) if n is not None}
        self.toll_voice = None
        found = []
        for claim in self.read_sentence(title, title):
            for kind in ("killed", "wounded"):
                figure = getattr(claim, kind)
                if not figure:
                    continue
                vague = any(word.lower() in VAGUE_NUMBERS
                            for word in re.findall(r"[A-Za-z]+", figure.get("text", "")))
                if {figure.get("min"), figure.get("max")} & given or vague:
                    setattr(claim, kind, None)  # 'kills 10' over 'at least 10 were killed';
                    # 'kills dozens' over the body's counts
            if claim.killed or claim.wounded:
                found.append(claim)
        return found

    def find_speech(self, paragraph: str) -> list[Speech]:
        """Quoted words of four or more words, with the speaker the text names. A quotation
        still open at the paragraph's end runs to it, as news writing continues quotes."""
        found: list[Speech] = []
        for start, end, quote in find_quotations(paragraph, self.single):
            if len(quote.split()) < 4:
                continue
            after, before = paragraph[end:], paragraph[:start]
            relayed = re.search(rf"\b(?:{SPEECH_VERBS})\b[^“\"]{{0,60}}\bthat\s*$", before)
            closed = quote.endswith((".", "!", "?")) and re.match(r"\W*\s[A-Z]", after) \
                and not re.search(r"(?:^|[.!?][”\"’]?)\s*$", before)  # 'X, saying "..." He ...
            alone = bool(found) and quote.endswith((".", "!", "?")) and not closed \
                and re.match(r"\W*\s[A-Z]", after) and not names_quote_before(after)
            # '"...," said X. "...." NAME said 166 were shot.': a sentence quoted alone
            # after another quote goes on with it
            who = ((self.speaker_before(before) if relayed or closed else None)
                   or (None if alone else self.speaker_after(after))
                   or self.speaker_before(before) or self.speaker_previous(before))
            sentence = self.sentence_around(paragraph, start, end)
            if who is None:
                carried = found[-1] if found else (self.carried if not before.strip() else None)
                who_text, actor = ((carried.who, carried.actor_id) if carried
                                   else self.last_voice or self.last_person or ("", None))
                bystander = who_text in self.bystanders
            else:
                who_text, actor = self.resolve(who, before)
                self.remember(who, who_text, actor)
                bystander = bool(BYSTANDER.search(who)) or who_text in self.bystanders
            found.append(Speech(quote, sentence, who_text, actor, bystander))
        self.carried = found[-1] if found and len(paragraph) - end < 80 else None
        return found

    @staticmethod
    def speaker_after(after: str) -> str | None:
        quoting = re.match(rf"^[,\s]*{WHO}\s+(?:said|says|added)[,\s]+(?:quoting|citing)\s+"
                           rf"(?P<who>{SHORT_WHO}(?:,\s[^,.;“\"]{{2,80}})?)(?:[,.;]|$)", after)
        if quoting:
            return quoting.group("who")
        if re.match(rf"^[,\s]*(?:{SPEECH_VERBS})\s", after):
            return Reader.speaker_said_after(after)
        according = re.match(rf"^[,\s]*according to (?P<who>{SHORT_WHO})\s*(?:{END_OF_WHO}|,)",
                             after)
        if according:
            return according.group("who")
        quoted = re.match(rf"^[,\s]*{WHO}\s+(?:quoted|reported|cited)\s+(?P<who>{WHO}),?\s+"
                          r"as saying\b", after)
        if quoted:
            return quoted.group("who")
        match = re.match(rf"^[,\s]*(?P<who>{WHO}){AUX}\s+(?:{SPEECH_VERBS})\b", after)
        if match:
            who = match.group("who")
            parts = who.split(",")
            if (PERSON_HEADS.search(parts[0]) or BYSTANDER.search(parts[0])) \
                    and not re.match(r"[,\s]*(?:while|and|but|as|whereas)\b", who):
                return who  # '," one resident, who gave only his first name, told AFP'
            named = re.match(r"(?:the|a|an)\s+[A-Z]", parts[0].strip())  # the Road Committee
            if who.rstrip().endswith(",") and parts[0].strip()[:1].islower() and not named:
                rest = after[match.end("who"):]  # '," aside, said X', but '" aside, NAME,
                inverted = None if re.match(r"\s*told\b", rest) else Reader.speaker_said_after(
                    rest)  # told AFP': the one who told is before the verb
                return inverted or ",".join(parts[1:-1]).strip() or None
            if len(parts) > 1 and parts[0].strip()[:1].islower() and not named:
                who = parts[-1]  # '" on a market, a volunteer group said': the last part
            if re.match(r"\s*(?:while|and|but|as|whereas)\b", who):
                return None  # a new clause with a speaker of its own
            return who
        return Reader.speaker_said_after(after)

    @staticmethod
    def speaker_said_after(after: str) -> str | None:
        """'"...," said NAME, TITLE.'; '"...," said NAME, whose brother was killed ...'."""
        match = re.match(rf"^[,\s]*(?:{SPEECH_VERBS})\s+(?P<who>{SHORT_WHO}"
                         rf"(?:,\s(?>[^.“\"]|\.(?=\S)|(?<=[A-Z])\.|{TITLE_DOT}){{2,100}}?)?)"
                         rf"\s*(?:{END_OF_WHO}|(?=,\s+(?:who|whose|saying|adding)\s))",
                         after)
        if match is None:
            return None
        return re.sub(r",\s+(?:presented|issued|released|published|posted|carried)\b.*$", "",
                      match.group("who"))  # '," read the statement, presented at a news
        # conference in Yola': the statement

    @staticmethod
    def speaker_before(before: str) -> str | None:
        """X said: "..."; where it said "..."; X told reporters, saying "..."."""
        tail = before[-200:]
        match = re.search(rf"(?:^|[,;]\s+|\b(?:where|and|but|while|as|which|who)\s+|[.!?]\s+)"
                          rf"(?!(?:where|and|but|while|as|which|who)\b)"
                          rf"(?P<who>(?>[^.,;“\"]|\.(?=\S)|(?<=[A-Z])\.|{TITLE_DOT}){{1,80}}?)"
                          rf"{AUX}(?P<comma>,?)"
                          rf"(?:(?:\s+(?:{ATTRIBUTION_VERBS}|put it)"
                          rf"|\s+called(?!\s+(?:[A-Z]|for\b|on\b)))"  # not 'a town called Orsk'
                          # nor 'called for an "inquiry"'
                          rf"(?:\s+\w+){{0,3}}[:,]?\s*$|{AS_WHAT})", tail)
        named = None  # 'One of those who fled, NAME, told AFP:': NAME, if nothing says more
        if match and not NOT_A_SPEAKER.search(match.group("who")):
            if not match.group("comma"):
                return match.group("who")
            if match.group("who")[:1].isupper():  # not 'in a statement, said'
                named = match.group("who")
        match = re.search(r"according to (?P<who>[^,.“\"]{2,80})[,:]?\s*$", tail)
        if match:
            return match.group("who")
        match = re.search(r"(?:^|[.!?]\s+)According to (?P<who>[^,.“\"]{2,80}),[^.“\"]*$", tail)
        if match:  # 'According to X, the site served as "..."'
            return match.group("who")
        match = CLAIMS_BY.search(tail)
        if match:
            return match.group("who")
        opening = (split_sentences(before) or [""])[-1]
        match = CONTRAST_SPEAKER.search(opening)
        told = re.sub(r"[“\"][^“”\"]*[”\"]", "", match.group("tail")) if match else ""
        if match and not re.search(rf"\b(?:{SPEECH_VERBS}|called)\b", told):  # 'A local
            return match.group("who")  # official put the toll at 50 while Colonel NAME,
            # TITLE, said reports were "..."': the colonel, unless another speaks after him
        if re.search(rf"\b(?:{SPEECH_VERBS}|saying|stating|telling|alleging|accus\w+|blam\w+|"
                     r"statement)\b", opening):
            return find_attribution(opening) or find_doer(opening) or named
        return named

    @staticmethod
    def speaker_previous(before: str) -> str | None:
        """The speaker of the sentence just before a quote: 'X said the strike was a crime.',
        also where the quote's own sentence names none."""
        match = re.search(rf"(?:^|[.!?]\s+)(?P<who>[A-Z]{WHO})\s+(?:{ATTRIBUTION_VERBS})\b"
                          rf"[^“\"]*[.!?:]\s*$", before)
        if match:
            return match.group("who")
        sentences = split_sentences(before)
        if len(sentences) < 2 or re.search(rf"\b(?:{SPEECH_VERBS}|according to)\b|[“\"]",
                                           sentences[-1]):
            return None
        acting = find_acting_subject(sentences[-1])  # 'The spokesman, NAME, pointed the
        if acting is not None and names_speaker(acting[0]):  # finger at "..."': NAME
            return acting[0]
        return find_attribution(sentences[-2])  # 'X said his men were not involved. Those
        # fighting were "people from ..."': X

    @staticmethod
    def sentence_around(paragraph: str, start: int, end: int) -> str:
        position = 0
        for sentence in split_sentences(paragraph):
            found = paragraph.find(sentence, position)
            if found <= start < found + len(sentence) or found < end <= found + len(sentence):
                return sentence
            position = found + len(sentence)
        return paragraph

    def split_contrast(self, sentence: str) -> list[str]:
        """'X insisted five were killed, but Y said 90', 'Rebels said they killed dozens,
        after the army said it killed 20': each side read on its own, where each gives
        figures."""
        parts = re.split(r",?\s+(?=(?:but|while|whereas)\s(?!(?:also\s+)?[a-z]+ed\s))|;\s+|"
                         r",\s+(?=(?:countering|contradicting|rejecting|disputing|denying|"
                         r"dismissing)\s)|,\s+(?=after\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}"
                         r"\s+(?:said|says|announced|reported|claimed|stated)\b)", sentence)
        # 'but killed some 20': a verb that shares the subject before it stays with it
        counted = [read_figures(part) for part in parts] if len(parts) > 1 else []
        if sum(bool(f.killed or f.wounded) for f in counted) > 1:
            return parts
        return [sentence]

    def read_sentence(self, quote: str, sentence: str | None = None,
                      voice: Speech | None = None) -> list[DraftClaim]:
        """Claims if the sentence (or one side of it) accuses, denies, claims, finds or gives
        figures: the one the sentence makes, and, where it denies others' figures, theirs.
        A sentence inside a quotation is its speaker's (``voice``)."""
        sentence = sentence or quote
        kind = next((k for k, cue in CUES if cue.search(sentence)), None)
        if kind == "claims-responsibility" and NEGATED.search(sentence):
            kind = None
        figures = read_figures(sentence)
        killed, wounded = figures.killed, figures.wounded
        if kind is None and killed is None and wounded is None and not (
                STRIKE.search(sentence) and find_actors(sentence, self.names)):
            return []
        form = find_attribution_form(sentence)
        if form is None and sentence != quote and re.match(r"(?:while|whereas)\s", sentence):
            form = find_attribution_form(quote)  # 'X said 11 were killed, while 24 were
            # wounded': the side with no speaker of its own is X's
        subject, objects = self.split_mentions(sentence, kind)
        if form is not None and form[1] == 4 and kind is not None and subject is not None:
            form = None  # "X accused Y ..., according to AP reports": X's claim
        if form is not None and form[1] == 4 and voice is not None and UNNAMED_REPORTS.match(
                form[0]):  # '"... According to initial reports, 35 were wounded"': the
            form = None  # quotation's speaker's count
        who = form[0] if form else None
        speaker, actor_id = self.resolve(who) if who else ("", None)
        if who is None and voice is not None:
            speaker, actor_id = voice.who, voice.actor_id
        elif who is None and (killed or wounded) and self.toll_voice:  # '..., she said. Another
            speaker, actor_id = self.toll_voice  # 31 people were hospitalized': hers
        if kind is not None and actor_id is None and subject is not None and (
                not speaker or not re.search(r"[A-Z]", speaker)):
            actor_id = subject  # "Hezbollah accused Israel, a spokesman said"
        if actor_id is not None and self.kind_of(actor_id) == "person":
            self.last_person = (speaker, actor_id)
        if who and (BYSTANDER.search(who) or speaker in self.bystanders):
            kind = None  # a witness reports; it does not accuse
        claims = [DraftClaim(
            actor_id=actor_id, kind=kind or "reports", quote=quote,
            sources=[self.article.source_id], speaker=speaker or None,
            against=list(dict.fromkeys(o for o in objects if o != actor_id))
            if kind == "accuses" else [],
            killed=killed, wounded=wounded, counted=figures.counted,
            date=self.resolve_date(sentence))]
        return self.credit_figures(claims, sentence, figures)

    def credit_figures(self, claims: list[DraftClaim], sentence: str,
                       figures: Figures) -> list[DraftClaim]:
        """Figures of a clause with its own speaker, or of others' reports that the sentence
        denies, go to them; figures no one is named for go to the publisher, the writer's own;
        each further group killed ('and 410 fighters', 'up to 60 more') is a claim of its own,
        of the same claimant."""
        claim = claims[0]
        nearer = self.find_nearer(sentence, claim)
        if nearer is not None:  # 'X denied ... where a monitor said 46 were killed'
            if claim.kind == "reports" and claim.actor_id is None and not claim.speaker:
                claims.remove(claim)  # a report of nothing by no one: the toll is all it said
            claims.append(nearer)
            claim = nearer
        denied = DENIED_REPORTS.search(sentence)
        if nearer is None and denied and (claim.killed or claim.wounded) \
                and (claim.kind == "denies" or denied.start() < 60):
            return [c for c in self.split_denied(claim, denied)
                    if c.kind != "reports" or c.killed or c.wounded or c.actor_id or c.speaker]
        if (claim.killed or claim.wounded) and (claim.actor_id or claim.speaker) \
                and DESCRIBED.search(sentence):  # 'X denied the sinking that killed 46':
            claim = self.split_own(claims, claim)  # the toll is the writer's, not X's
        elif (claim.killed or claim.wounded) and claim.actor_id is None and not claim.speaker \
                and self.article.voice:
            if claim.kind != "reports":  # 'N were killed, though it denied any part': the
                claim = self.split_own(claims, claim)  # toll is the writer's
            else:
                speaker, claim.actor_id = self.resolve_voice()
                claim.speaker = speaker or None
        for count in figures.more:
            claims.append(DraftClaim(
                actor_id=claim.actor_id, kind="reports", quote=claim.quote,
                sources=claim.sources, speaker=claim.speaker, date=claim.date,
                killed=count.figure, counted=count.counted))
        return claims

    def split_mentions(self, sentence: str, kind: str | None) -> tuple[str | None, list[str]]:
        """The known actor before the sentence's cue word, and those after it."""
        clause = LEADING_CLAUSE.match(sentence)
        skip = len(normalise_text(clause.group())) if clause else 0
        mentions = [(at, n) for at, n in find_actors(sentence, self.names) if at >= skip]
        cue = next((c for k, c in CUES if k == kind), None)
        cue_match = cue.search(sentence) if cue is not None else None
        cue_at = cue_match.start() if cue_match else len(sentence)
        plain_at = len(normalise_text(sentence[:cue_at]))
        subject = [name.actor_id for at, name in mentions if at < plain_at]
        objects = [name.actor_id for at, name in mentions if at >= plain_at]
        if cue_match and objects and re.match(r"\w*\s+by\b", sentence[cue_match.end():]):
            return objects[0], objects[1:]  # "an accusation by the PMF"
        return (subject[0] if subject else None), objects

    def split_own(self, claims: list[DraftClaim], claim: DraftClaim) -> DraftClaim:
        """The figures of a claim as the writer's own report, the publisher's (a TODO where
        none is named), put first; the claim keeps its kind and no figures."""
        speaker, actor_id = self.resolve_voice()
        own = hand_figures(claim, actor_id, speaker)
        claims.insert(claims.index(claim), own)
        return own

    def resolve_voice(self) -> tuple[str, str | None]:
        """Who gives the figures in the article's own voice, and their actor. A publisher is
        a publication: one of the known names only where it is that name in full, never the
        place in its name ('The Washington Post' is no word of the United States'); a
        byline's writer is a person, resolved as any speaker."""
        voice = self.article.voice
        if not voice:
            return "", None
        if not self.article.publisher:
            return self.resolve(voice)
        plain = normalise_text(voice)
        bare = re.sub(r"^the\s+", "", plain, flags=re.I)
        return bare, next((n.actor_id for n in self.names if n.alias in (plain, bare)), None)

    def find_nearer(self, sentence: str, claim: DraftClaim) -> DraftClaim | None:
        """The figures of a clause with a speaker of its own (see ``NEARER``), as that
        speaker's claim; the sentence's claim keeps none."""
        figure = claim.killed or claim.wounded
        at = sentence.find(str(figure["text"])) if figure else -1
        match = (NEARER.search(sentence[:at]) or OWNED_TOLL.search(sentence[:at])) \
            if at > 0 else None
        if match is None and at >= 0 and figure:
            after = re.sub(r"^\s+(?:dead|deaths|killed|people|civilians|injured|wounded|"
                           r"casualties)\b", "", sentence[at + len(str(figure["text"])):])
            match = REPORTED_BY.match(after) or GAVE_AFTER.match(after)
        groups = match.groupdict() if match else {}
        who = groups.get("who") or groups.get("of") or groups.get("body")
        owned = match is not None and match.re in (OWNED_TOLL, GAVE_AFTER)
        if not who or NOT_A_SPEAKER.search(who) or (owned and not names_owner(who)):
            return None
        speaker, actor = self.resolve(who)
        no_one = not speaker and actor is None
        same = (actor is not None and actor == claim.actor_id) or speaker == claim.speaker \
            or who in (claim.speaker or "")  # 'X and a local official said'
        if no_one or same:
            return None  # no one, or the sentence's own speaker
        return hand_figures(claim, actor, speaker)

    def split_denied(self, claim: DraftClaim, denied: re.Match[str]) -> list[DraftClaim]:
        """'X denied reports by Y that the strike killed 16': the figures are Y's, in a claim
        of their own (its actor a TODO where Y is not named); the denial keeps none."""
        who = denied.group("who") or denied.group("adj")  # "rejected a Russian claim"
        speaker, actor = self.resolve(who) if who else ("", None)
        if who:
            self.remember(who, speaker, actor)  # 'Mr Marr' after 'a claim by ... Ivo Marr'
        return [claim, hand_figures(claim, actor, speaker)]

    def resolve_date(self, sentence: str) -> dt.date | None:
        """A date the sentence gives relative to the article's: on Monday, last night by our
        rules; last Thursday, yesterday, three days ago by dateparser."""
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
        relative = RELATIVE_DAY.search(lowered)
        return parse_relative_day(relative.group(), base) if relative else None


RELATIVE_DAY = re.compile(
    r"\blast (?:" + "|".join(WEEKDAYS) + r")\b|\byesterday\b|\bthe day before yesterday\b|"
    r"\b(?:\d+|one|two|three|four|five|six|seven|ten) (?:days?|weeks?) ago\b")
"""The relative days our own rules leave to dateparser."""


def parse_relative_day(phrase: str, base: dt.date) -> dt.date | None:
    """'last Thursday' or 'three days ago' from the article's date, by dateparser, imported
    here alone so that no other command pays for it."""
    import dateparser

    parsed = dateparser.parse(phrase, languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time()), "PREFER_DATES_FROM": "past"})
    return parsed.date() if parsed is not None and parsed.date() <= base else None


def find_acting_subject(sentence: str) -> tuple[str, str] | None:
    """The subject of a sentence's past-tense verb ('Chechen military leaders earlier revised
    ...') and the words after the verb; None where those words are no name but a clause."""
    clause = LEADING_CLAUSE.match(sentence)
    body = TIME_OPENING.sub("", sentence[clause.end():] if clause else sentence)
    match = DOER_SUBJECT.match(body)
    who = re.sub(r",\s+(?:who|which)\s[^,]*,$", "", match.group("who")) if match else ""
    if match is None or NOT_A_SPEAKER.search(who) or CLAUSE.search(who):  # the name before
        return None  # 'NAME, who has jurisdiction over X, called'
    return who, body[match.end():]


def find_called(text: str) -> dict[str, set[str]]:
    """The names ``text`` calls a group, a militia or a movement, by that word (see
    ``GROUP_NAMED``)."""
    called: dict[str, set[str]] = {}
    for match in GROUP_NAMED.finditer(text):
        word = (match.group("head") or match.group("head2")).lower()
        name = match.group("after") or match.group("after2") or match.group("before")
        called.setdefault(word, set()).add(name)
    return called


def head_word(phrase: str) -> str:
    """The last word of a phrase's head: 'elders' of 'Village elders in Korva'."""
    return (HEAD_CUT.split(f" {phrase} ")[0].split() or [""])[-1]


def hand_figures(claim: DraftClaim, actor_id: str | None, speaker: str) -> DraftClaim:
    """The claim's figures as a report of their own, by the one who gives them (a TODO where
    no one is named); the claim keeps its kind and no figures."""
    theirs = replace(claim, actor_id=actor_id, speaker=speaker or None, kind="reports",
                     against=[], sources=list(claim.sources))
    claim.killed = claim.wounded = claim.counted = None
    return theirs


def names_owner(who: str) -> bool:
    """Whether the words before or after a toll can be the one who gave it: a name, or words
    headed by a body or a person ('the military-backed government'), not 'the day the army'."""
    if re.search(r"^\S+\s.*(?<!\bof)(?<!\bfor)\s(?:the|a|an)\s", who):
        return False  # a clause: 'the day the army (announced)'
    head = head_word(clean_phrase(who))
    return who[:1].isupper() or bool(ORG_WORDS.search(head) or PERSON_HEADS.search(head)
                                     or GROUP_HEADS.search(head))


def names_quote_before(after: str) -> bool:
    """Whether the sentence after a quoted sentence is its attribution ('"...!" Ivo Marr
    shouted by the rubble.'), not a sentence of its own ('NAME said 166 men were shot.',
    'Massacres have been alleged by both sides in the war.'): after its verb of saying come a
    few words, a comma or a phrase of place or time, never a clause of what was said."""
    first = (split_sentences(after.lstrip("”\"’' ")) or [""])[0]
    match = re.search(rf"\b(?:{SPEECH_VERBS})\b(?P<rest>[^.!?]*)", first)
    if match is None or re.search(r"\b(?:been|be|being|is|are|was|were)\s+$",
                                  first[:match.start()]):
        return False
    rest = match.group("rest")
    if re.match(r"(?:told|tells)\b", match.group()) and re.match(
            r"\s+(?:the\s+)?(?:[A-Z]|reporters\b|journalists\b)", rest):
        return True  # 'NAME, a local doctor, told the Associated Press by telephone.'
    few = len(rest.split()) <= 3 and not re.search(r"\d|\bthat\b", rest)
    return few or re.match(r"\s*(?:,|(?:by|at|on|in|from|to|after|before|outside|near|during|"
                           r"as|while|when|yesterday|today|tonight|late|early|last|this)\b)",
                           rest) is not None


def find_voice(sentence: str, spoken: list[Speech]) -> Speech | None:
    """The quotation a sentence belongs to, if it is one of a quote's sentences."""
    opening = normalise_text(sentence).lstrip("\"' ")[:25]
    if len(opening) < 12:
        return None
    return next((s for s in spoken if opening in normalise_text(s.quote)), None)


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


def fold_letters(text: str) -> str:
    """Text in plain letters, as ids and the answer keys write names: no accents ('Marín' is
    Marin), and no full stops inside an abbreviation ('U.N.' is UN)."""
    plain = unicodedata.normalize("NFKD", normalise_text(text)).encode("ascii", "ignore")
    return re.sub(r"\b([A-Za-z])\.(?=[A-Za-z]\.)|(?<=\b[A-Za-z]\.[A-Za-z])\.", r"\1",
                  plain.decode("ascii"))


def slugify(text: str, limit: int = 60) -> str:
    """An id from text in plain letters (``fold_letters``), cut at a word, never inside
    one."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold_letters(text).lower()).strip("-")
    if len(slug) > limit:
        cut = slug[:limit + 1]
        slug = cut[:cut.rfind("-")] if "-" in cut else slug[:limit]
    return slug.strip("-") or "item"


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
        single = DOUBLE.search(article.text) is None
        found, sentence_claims = Reader(article, names, single=single).read()
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
        kind = "reports" if speech.bystander else next(
            (k for k, cue in CUES if cue.search(speech.sentence)), "reports")
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
    actors = list_actors(claims, by_id)
    sources = [describe_source(article) for article in articles]
    drafted = []
    seen: set[str] = set()
    for claim in claims:
        base = slugify(f"{claim.actor_id or 'unknown'}-{claim.kind}")
        claim_id, n = base, 2
        while claim_id in seen:
            claim_id, n = f"{base}-{n}", n + 1
        seen.add(claim_id)
        drafted.append(describe_claim(claim, claim_id, by_id))
    first = drafted[0]["id"] if drafted else "TODO-claim"
    return {
        "schema": 1,
        "id": brief_id or slugify(articles[0].title or articles[0].path.stem),
        "title": f"TODO neutral title (headline: {articles[0].title or 'none'})",
        "handling": "TLP:CLEAR",
        "revisions": [{"number": 1, "date": today.isoformat(), "authors": ["TODO your name"],
                       "changes": "Draft made by briefgen draft from "
                                  + ", ".join(a.path.name for a in articles) + "."}],
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


def list_actors(claims: list[DraftClaim], by_id: dict[str, ActorName]) -> list[dict[str, Any]]:
    """The known actors the claims name, then unknown speakers as TODO candidates (each
    claim of one given the candidate's id)."""
    used = list(dict.fromkeys(
        [c.actor_id for c in claims if c.actor_id] + [a for c in claims for a in c.against]))
    actors = [{"id": a, "name": by_id[a].name, "kind": by_id[a].kind} for a in used]
    candidates: dict[str, str] = {}
    for claim in claims:
        if claim.actor_id is None and claim.speaker:
            name = split_phrase(claim.speaker)[0] if "," in claim.speaker else ""
            candidate = slugify(name or claim.speaker.split(",")[0])
            if candidate in by_id:
                candidate = f"{candidate}-speaker"  # "the coalition" is not the US-led one
            candidates.setdefault(candidate, claim.speaker)
            claim.actor_id = candidate
    actors += [{"id": c, "name": name, "kind": "TODO candidate: person, militia, media, ..."}
               for c, name in candidates.items()]
    return actors or [{"id": "TODO-actor", "name": "TODO", "kind": "TODO"}]


def describe_source(article: Article) -> dict[str, Any]:
    source: dict[str, Any] = {"id": article.source_id, "seed": article.path.name,
                              "publisher": article.publisher or "TODO publisher"}
    if article.title:
        source["title"] = article.title
    if article.date is not None:
        source["date"] = article.date.isoformat()
    if article.url:
        source["url"] = article.url
    source["descriptor"] = "TODO who the source is and what access it has (ICD 206)"
    source["reliability"] = "TODO A-F"
    return source


def describe_claim(claim: DraftClaim, claim_id: str,
                   by_id: dict[str, ActorName]) -> dict[str, Any]:
    """One drafted claim as data, in the order an editor reads it."""
    item: dict[str, Any] = {"id": claim_id, "actor": claim.actor_id or "TODO-actor"}
    known = by_id.get(claim.actor_id or "")
    if claim.speaker and (known is None or claim.speaker != known.name):
        item["speaker"] = claim.speaker
    item["kind"] = claim.kind
    if claim.against:
        item["against"] = list(claim.against)
    if claim.date is not None:
        item["date"] = claim.date.isoformat()
    item["summary"] = "TODO one neutral sentence"
    item["quote"] = " ".join(claim.quote.split())
    if len(claim.sources) > 1:
        item["quote_source"] = claim.sources[0]
    item["sources"] = list(claim.sources)  # a list of its own: no YAML alias
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
    return item


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
