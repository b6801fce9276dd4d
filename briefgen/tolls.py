"""Casualty figures in a sentence, by rules: numbers beside a casualty word, with the noun
they count, as the min/max ranges of a claim's ``casualties``.

'killing at least 16', 'the death toll rose to 25', 'seven bodies and 11 wounded', '62
insurgents and 45 civilians were killed', 'four or five', 'between 36 and 45', 'dozens' (counted
low, as ACLED does). Nothing here knows about speakers; ``draft`` credits the figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
"""A month as news pages print it, whole or cut (``Nov``, ``Sept``)."""
NUMBER_WORDS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen", "twenty"])} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                                 "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
                                 "dozen": 12}
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
UNITS = "one|two|three|four|five|six|seven|eight|nine"
ACLED_VAGUE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000}
"""Vague numbers read as ACLED does, at their conservative low: "dozens" is at least 12. The
one table of them: ``validate`` checks a figure's words by it, and the draft drafts by it."""
VAGUE_NUMBERS = {"several": 3} | {word: low for word, low in ACLED_VAGUE.items() if low < 1000}
"""The vague words a draft reads as figures: ACLED's, and "several" counted as 3 (a draft's
guess for the editor to weigh, which ``validate`` leaves unchecked); not "thousands", which
news pages give for a whole war ("tens of thousands dead"), never for one strike."""
MORE_THAN = ("more than", "higher than", "greater than", "over")
"""Words that put a figure above its number: "more than 40" is at least 41, for the draft and
for ``validate`` alike."""
QUALIFIERS = ("|".join(MORE_THAN) + r"|at least|nearly|about|around|up to|"
              r"as many as|as high as|some|almost|fewer than|roughly|approximately|an estimated")
SMALL = rf"(?:{TENS})(?:[- ](?:{UNITS}))?|" + "|".join(
    sorted((w for w, n in NUMBER_WORDS.items() if 0 < n < 20), key=len, reverse=True))
"""A number in words below a hundred: 'fifty', 'twenty-two', 'fifteen'."""
NUMBER = (r"\d[\d,]*|" + rf"(?:{UNITS}|a) hundred(?: and (?:{SMALL}))?|"
          + rf"(?:{TENS})[- ](?:{UNITS})|(?:{UNITS}|a) dozen|"
          + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + "|" + "|".join(VAGUE_NUMBERS))
FIGURE = re.compile(rf"\b(?:(?P<qual>{QUALIFIERS})\s+)?(?P<num>{NUMBER})\b", re.I)
ONE_DETERMINER = re.compile(
    r"^\s+(?:of|another|by|at|time|day|night|week|month|year|family|side|way|point|more|"
    r"thing|hand|area|house|village|town|road|car|who)\b", re.I)
"""'one family', 'one of the drivers', '..., said one who spoke on condition of anonymity':
'one' that counts no one."""
ANY_NUMBER = re.compile(rf"\b(?!one\b)(?:{NUMBER})\b(?![- ](?:years?|months?)[- ]old)"
                        r"(?!\s+(?:to|and)\s+\d+[- ]years?[- ]old)", re.I)
"""Where a number's words end: at the next number (not 'one', more often a determiner; not an
age, '21-year-old')."""
KILLED = re.compile(r"\b(?:killed|kill|kills|killing|dead|died|die|dies|deaths?|slain|fatalities|"
                    r"bodies|"
                    r"eliminated|liquidated|massacred|massacring|murdered|beheaded|"
                    r"(?:(?<=\bwere\s)|(?<=\bwas\s)|(?<=\bbeen\s)|(?<=\band\s)|(?<=\bfound\s))"
                    r"executed|"
                    r"executed(?=\s+by\b)|"  # people executed, not 'an operation executed'
                    r"corpses|martyrs?|martyred|perished|lost (?:their|his|her) lives|"
                    r"to death)\b", re.I)
WOUNDED = re.compile(r"\b(?:wounded|injured|injuring|injures|wounding|injuries|hurt|maimed|"
                     r"hospitali[sz]ed|being treated|treated for (?:their )?(?:wounds|injuries)|"
                     r"under admission|(?:are|were|remain|remained|still) in hospitals?)\b",
                     re.I)
ADJACENT = re.compile(r"\b(?P<verb>killed|killing|kills|wounded|wounding|wounds|injured|injuring|"
                      r"injures|"
                      r"massacred|massacring|murdered|murdering|executed|executing|beheaded|"
                      r"beheading|slaughtered|slaughtering|butchered|"
                      r"(?:claimed|took) the lives of|the deaths? of|(?:the )?liquidation of|"
                      r"(?:the )?(?:killings?|massacres?|murders?|slaughter) of|"
                      r"(?:the )?elimination of)\s+[\"“]?$", re.I)
"""A casualty verb right before the number: killing nine, claimed the lives of 11."""
TOLL = re.compile(r"\b(?:toll|(?:casualty|death) (?:figure|count)|number (?:of )?[^.;]{0,40}?"
                  r"\b(?:killed|dead|deaths|victims|martyrs|injured|wounded|massacred|slain|"
                  r"murdered))\b"
                  r"[^.;]{0,160}?\b(?:rose|risen|rising|climbed|reached|increased|"
                  r"jumped|stands? at|stood at|hit|to|at|of|was|is|be)"
                  r"(?:\s+(?:more\s+|most\s+)?(?:likely|probably|perhaps|possibly|closer to))?"
                  r"(?:\s+an?\s+(?:much\s+|far\s+)?(?:lower|higher|smaller|larger))?"
                  r"\s+(?:between\s+|from\s+)?$", re.I)
"""The death toll rose to N, has risen to N, reached N, stood at N, was more likely N; the
casualty figure was N; put the toll at a much lower N; the number of villagers massacred rose
to N."""
PASSIVE = re.compile(r"^[^,.;:\d]{0,110}?\b(?:were|was|had been|have been|has been)\s+"
                     r"(?P<verb>killed|wounded|injured|slaughtered|butchered|massacred|murdered|"
                     r"executed|beheaded|(?:[a-z]+(?:,\s+|\s+and\s+)){0,3}[a-z]+"
                     r"\s+to\s+death)\b", re.I)
"""A count, a place phrase and then its verb: '70 nomads in the district near the border had
been killed', '166 men, women and children were shot, hacked and beaten to death'."""
INCLUDED = re.compile(r"\b(?:killed|dead)\b[^,;]{0,60}\binclud(?:ed|e|es|ing)\s+$", re.I)
"""Those killed included five children: a killed figure after its verb."""
SUBSET = re.compile(r"(?P<mark>,|\s[—–])\s*(?:including|among them|among whom|many of them|"
                    r"most of them|mostly|half of them|a third of them|all believed|all from|"
                    rf"all members|all of (?:them|whom)|both|(?:{NUMBER}) of (?:them|whom))\b"
                    r"[^,.;—–]{0,80}(?P=mark)|\s[—–]\s[^—–.;]{1,80}\s[—–]", re.I)
"""A subset set off by commas (", including four children,", ", 14 of them children,"): not
the toll itself."""
NOT_A_FIGURE = re.compile(rf"(?:\b(?:including|among them|among whom|no)|\b(?:{MONTH})\.?)\s+$",
                          re.I)
NOT_PEOPLE = re.compile(
    r"^\s+(?:more\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|times|"
    r"km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|percent|per cent|%|tons?|tonnes?|"
    r"kg|pounds|dollars|euros|(?:[a-z]+\s+)?(?:bangs|blasts|explosions|missiles|rockets|bombs|"
    r"shells|mortars|houses|homes|buildings|vehicles|cars|trucks|tanks|aircraft|planes|jets|"
    r"drones|helicopters|raids|rounds|villages|sheep|goats|cattle|cows|camels|animals|"
    r"livestock|head of cattle))\b", re.I)
"""'five weeks', '20 km', '40 percent', 'four loud bangs', 'two missiles', '200 sheep': a number
that measures or counts things or animals, not one that counts people."""
SPEAKERS = re.compile(r"^\s+(?:(?!(?:killed|dead|deaths|died|wounded|injured|and|but|or)\b)"
                      r"[\w'’-]+\s+){0,2}?"
                      r"(?:said|say|says|told|tell)\b(?!\s+(?:were|was|had been|have been)\b)",
                      re.I)
"""'two officials said', 'three witnesses told AFP': a count of speakers, not of the dead; but
'19 people it said were killed' counts the dead, and so does 'put the toll at 20 and said'."""
JOINED = re.compile(r"\s+(?:[\w'’-]+\s+){1,4}?(?:and|,)\s*|\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+,\s+")
"""Between two counts of one list: '185 civilians and 410 fighters', '18 civilians, five'."""
JOINED_BY_AND = re.compile(r"\s+(?:[\w'’-]+,?\s+){1,4}?and\s+")
"""Between two groups killed: '185 civilians and 410 fighters' (not 'of the 20 dead, 12')."""
BREAKDOWN = re.compile(r"\b(?:including|among them|among whom|of them|of whom)\b|[—–(]", re.I)
"""'six of his relatives — four women and two boys —': counts of a subset, not further dead."""
ADDITION = re.compile(r"\b(?:in addition to|besides|as well as|on top of)\s+$", re.I)
"""'in addition to 18 civilians, five militants were killed': the 18 were killed too."""
APPOSITION = re.compile(r"^(?P<noun>\s*(?:[\w'’-]+\s+){0,2}?[\w'’-]+),\s[^,.;]{1,80}?,"
                        r"(?=\s+(?:also\s+|all\s+|later\s+)?(?:were|was|had been|have been|are|is)"
                        r"\s)")
"""Words set off by commas between a count and its verb: '20 people, all believed to be of one
family, were killed'."""
RELATIVE = re.compile(r"^(?P<noun>\s*(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+(?:who|that)\s+[^,.;]{1,80}?"
                      r"(?=\s+(?:were|was|had been|have been)\s+(?:killed|wounded|injured)\b)")
"""A relative clause between a count and its verb: 'three players who were in the region for a
tournament were killed'."""
LISTED = re.compile(r"^(?P<noun>\s*[a-z]+)(?:,\s+[a-z]+)+,?\s+and\s+[a-z]+\b")
"""A count of a list of nouns: '166 men, women and children were killed'."""
COUNTED_NOUNS = re.compile(
    r"\b(?:fighters|members|soldiers|militiamen|militants|civilians|people|operatives|forces|"
    r"troops|guards|officers|personnel|men|children|women|commanders|policemen|others)\b", re.I)


def parse_number(word: str) -> int | None:
    """Digits, number words ("twenty-two", "dozen") or a vague word counted low."""
    lowered = word.lower().replace(",", "")
    if lowered.isdigit():
        return int(lowered)
    if lowered in NUMBER_WORDS:
        return NUMBER_WORDS[lowered]
    hundreds, _, rest = lowered.partition(" and ")
    if rest and hundreds.endswith(" hundred"):
        low, high = parse_number(hundreds), parse_number(rest)
        return low + high if low is not None and high is not None else None
    count, _, dozen = lowered.partition(" ")
    if dozen in ("dozen", "hundred") and (count in NUMBER_WORDS or count == "a"):
        return NUMBER_WORDS.get(count, 1) * NUMBER_WORDS[dozen]
    tens, _, unit = lowered.replace(" ", "-").partition("-")
    if unit and tens in NUMBER_WORDS and unit in NUMBER_WORDS:
        return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
    return VAGUE_NUMBERS.get(lowered)


def classify_figure(before: str, window: str) -> str | None:
    """Whether a number counts the killed or the wounded, from the words around it: a verb
    just before (killing nine), the toll it is (the death toll rose to 25), or the nearest
    casualty word after it and before the next number (seven bodies and 11 wounded)."""
    adjacent = ADJACENT.search(before)
    if adjacent:
        verb = adjacent.group("verb").lower()
        return "wounded" if verb.startswith(("wound", "injur")) else "killed"
    toll = TOLL.search(before)
    if toll:  # 'the injury toll rose to', 'puts the number injured at'
        injured = re.search(r"\b(?:injur\w*|wounded)\s*$", before[:toll.start()], re.I) \
            or re.search(r"\bnumber\b[^.;]*?\b(?:injured|wounded)\b", toll.group(), re.I)
        return "wounded" if injured else "killed"
    victims = re.match(r"\s+(?:[a-z]+\s+)?victims\b", window) \
        and not WOUNDED.search(" ".join(window.split()[:10])) \
        and not re.search(r"\btreat\w*\s+$", before)  # not '25 victims were wounded'
    if re.match(r"\s+(?:[a-z]+\s+)?lives\b", window) or victims:
        return "killed"  # the strike claimed 16 lives, cost 40 civilian lives; 'reported 51
        # victims' (not 'eight of the victims', a part of them)
    own = re.sub(rf"\s+(?:{QUALIFIERS})\s*$", " ", window, flags=re.I)
    own = ADJACENT.sub("", own)  # 'two missiles ..., killing three': the verb is three's
    own = re.split(r"\b(?:killing|wounding|injuring|killed|wounded|injured)\s+(?:one|an?)\b",
                   own, flags=re.I)[0]  # 'two cities, killing one person', 'three men ... the
    # bomb, which killed one person': the verb is one's
    own = APPOSITION.sub(r"\g<noun>", own)  # '20 people, all of one family, were killed'
    own = RELATIVE.sub(r"\g<noun>", own)  # 'three players who were in the region were killed'
    own = LISTED.sub(r"\g<noun>", own)  # '166 men, women and children were shot, hacked and'
    near = " ".join(own.split()[:10])
    hits = [(k, m.start()) for k, m in (("killed", KILLED.search(near)),
                                          ("wounded", WOUNDED.search(near))) if m]
    if hits:
        return min(hits, key=lambda item: item[1])[0]
    passive = PASSIVE.match(own)  # '70 nomads in the district near the border had been killed'
    if passive:
        return "wounded" if passive.group("verb").lower() in ("wounded", "injured") \
            else "killed"
    included = INCLUDED.search(before)
    if included:
        return "wounded" if re.search(r"wounded|injured", included.group(), re.I) else "killed"
    short = before[-25:]
    if KILLED.search(short):
        return "killed"
    if WOUNDED.search(short):
        return "wounded"
    return None


def classify_listed(window: str, rest: str) -> str | None:
    """'Fourteen members of my family including six women ... were killed': the count
    before a list of whom it includes takes the casualty word after the list."""
    if not re.search(r"\b(?:including|among them)\s*$", window):
        return None
    tail = re.split(r"[.;]", rest[len(window):len(window) + 160])[0]
    hits = [(k, m.start()) for k, m in (("killed", KILLED.search(tail)),
                                          ("wounded", WOUNDED.search(tail))) if m]
    return min(hits, key=lambda item: item[1])[0] if hits else None


def classify_joined(window: str, rest: str) -> str | None:
    """'62 insurgents and 45 civilians were killed': the first count is of the same kind as
    the one it is joined to."""
    if not re.fullmatch(r"\s*(?:[\w'’-]+\s+){1,3}and\s*", window):
        return None
    following = ANY_NUMBER.split(SUBSET.sub(" ", rest[:160]), maxsplit=2)
    return classify_figure("", following[1]) if len(following) > 1 else None


POSSIBLY = re.compile(rf"^[^.;\d]{{0,40}}?\b(?:possibly|perhaps|maybe|probably)\s+(?:as many "
                      rf"as|as high as|up to)\s+(?P<num>{NUMBER})\b", re.I)
"""'at least 35 people, possibly as many as 55': a figure with both ends."""


def read_range(match: re.Match[str], after: str) -> tuple[dict[str, Any], int] | None:
    """'five to seven', 'from four to seven', 'between 36 and 45': a figure with both ends,
    and how far past the first number it runs."""
    before = match.string[:match.start()]
    if re.search(r"\b(?:rose|risen|climbed|increased|jumped|up|down|fell)\s+from\s+$", before,
                 re.I):
        return None  # the toll rose from 20 to 30: 30 is the figure
    possibly = POSSIBLY.match(after)
    if possibly and (match.group("qual") or "").lower() == "at least":
        low, high = parse_number(match.group("num")), parse_number(possibly.group("num"))
        if low is not None and high is not None and high > low:  # 'at least 35 people,
            end = match.end() + possibly.end()  # possibly as many as 55'
            return {"min": low, "max": high, "text": match.string[match.start():end]}, \
                possibly.end()
    joiner = "to|and" if re.search(r"\bbetween\s+$", before, re.I) else "to|or"
    second = re.match(rf"^\s+(?:{joiner})\s+(?:even\s+|perhaps\s+)?(?P<num>{NUMBER})\b", after,
                      re.I) or re.match(r"^\s?[-–]\s?(?P<num>\d+)\b", after)  # 20-25
    approx = (match.group("qual") or "").lower() in ("about", "around", "approximately", "some",
                                                     "roughly")  # 'approximately 500-600'
    if second is None or (match.group("qual") and not approx):
        return None
    low, high = parse_number(match.group("num")), parse_number(second.group("num"))
    if low is None or high is None or high <= low:
        return None
    between = re.search(r"\bbetween\s+$", before, re.I)
    start = between.start() if between else match.start() if approx else match.start("num")
    text = match.string[start:match.end() + second.end()]
    return {"min": low, "max": high, "text": text}, second.end()


def make_figure(qualifier: str | None, value: int, number: str, text: str) -> dict[str, Any]:
    """A figure as min/max with the article's words: more than 40 is 41 and up."""
    vague = number.lower() in VAGUE_NUMBERS
    qual = (qualifier or "").lower()
    if qual in MORE_THAN:
        return {"min": value + 1, "text": text}
    if vague or qual in ("at least", "some"):
        return {"min": value, "text": text}
    if qual in ("up to", "as many as", "as high as", "fewer than", "nearly", "almost"):
        return {"min": 0, "max": value, "text": text}
    return {"min": value, "max": value, "text": text}


@dataclass
class Count:
    """One number a sentence gives for the killed or the wounded."""

    what: str | None
    figure: dict[str, Any]
    start: int
    end: int
    counted: str | None = None


@dataclass
class Figures:
    """What a sentence counts: its killed and wounded figures, the noun counted, and further
    killed figures of other groups ('185 civilians and 410 fighters', 'up to 60 more')."""

    killed: dict[str, Any] | None = None
    wounded: dict[str, Any] | None = None
    counted: str | None = None
    more: list[Count] = field(default_factory=list)


def is_no_count(number: str, value: int | None, before: str, after: str) -> bool:
    """A number that counts no one: a year, a date, 'one of', a time span, a model name."""
    return (value is None or (re.match(r"^\d{4}$", number) is not None and 1900 < value < 2100)
            or NOT_A_FIGURE.search(before) is not None
            or re.match(rf"^\s*(?:{MONTH})\b", after, re.I) is not None
            or (number.lower() == "one" and ONE_DETERMINER.match(after) is not None)
            or re.search(r"[A-Za-z]-$", before) is not None
            or re.match(r"^(?:\s+(?:to|and)\s+\d+)?[- ](?:years?|months?|weeks?|days?)[- ]old\b",
                        after) is not None  # '21-year-old', 'all 60 to 85 years old'
            or NOT_PEOPLE.match(after) is not None or SPEAKERS.match(after) is not None
            or is_age(before, after))


def is_age(before: str, after: str) -> bool:
    """'Mira Holt, 34, a teacher': a number set off by commas after a name is an age."""
    return re.search(r"[A-Z][\w'’-]+,\s*$", before) is not None \
        and re.match(r"\s*,", after) is not None


def find_counts(sentence: str) -> list[Count]:
    """Every number of the sentence that counts people, classified where the words around it
    say killed or wounded (``what`` is None where they do not)."""
    counts = []
    for match in FIGURE.finditer(sentence):
        number = match.group("num")
        value = parse_number(number)
        before, after = sentence[:match.start()], sentence[match.end():]
        if value is None or is_no_count(number, value, before, after):
            continue
        ranged = read_range(match, after)
        rest = after[ranged[1]:] if ranged else after
        window = ANY_NUMBER.split(SUBSET.sub(" ", rest[:160]), maxsplit=1)[0]
        what = (classify_figure(before, window) or classify_joined(window, rest)
                or classify_listed(window, rest))
        if number.lower() in VAGUE_NUMBERS and not ADJACENT.search(before) \
                and not re.match(r"^\W*(?:\w+\W+)?(?:of\s+)?(?-i:[A-Z]\w*\s+)?"
                                 rf"(?:{COUNTED_NOUNS.pattern}|{KILLED.pattern}|"
                                 rf"{WOUNDED.pattern})", window, re.I):
            continue
        figure = ranged[0] if ranged else make_figure(
            match.group("qual"), value, number, match.group(0))
        end = match.end() + (ranged[1] if ranged else 0)
        counts.append(Count(what, figure, match.start(), end, find_counted(window)))
    return join_counts(sentence, counts)


def find_counted(window: str) -> str | None:
    """The noun a number counts, with the proper adjectives before it: 'Afghan soldiers'."""
    noun = COUNTED_NOUNS.search(" ".join(window.split()[:6]))
    if noun is None or noun.group().lower() == "others":
        return None
    phrase = re.search(rf"((?:[A-Z][\w'’-]*\s+){{0,3}}){re.escape(noun.group())}", window)
    return (phrase.group(0) if phrase else noun.group()).strip()


EARLIER_TOLL = re.compile(r"\b(?:earlier|previous|initial|first|original|old)\s+(?:death\s+)?"
                          r"(?:toll|figure|count)\s+(?:of\s+)?$", re.I)
"""'revising down an earlier toll of eight': the toll it was, not the toll."""
FURTHER = re.compile(r"\b(?:a further|another|an additional)\s+$"
                     rf"|{EARLIER_TOLL.pattern}"
                     r"|,?\s+up from\s+(?:the\s+|an?\s+)?"
                     r"(?:(?:initially|first|earlier|previously|reported|initial|previous)\s+)"
                     r"{0,2}$", re.I)
"""'17 were killed on Monday, and a further four on Tuesday', 'has risen to nine, up from the
initially reported seven', 'three were killed, revising down an earlier toll of eight': a
count of the same kind as the one before it."""
OTHER_STATE = re.compile(r"^[^.;]*?\b(?:were|was|are|is|remain\w*|missing|critical|condition)\b",
                         re.I)
"""What a further count's own words say of it instead: 'a further five were in a critical
condition', 'another 76 soldiers missing'."""


def is_further(sentence: str, count: Count) -> bool:
    """Whether a count is 'a further N' of the kind before it (see ``FURTHER``), its own words
    saying nothing else of it."""
    return FURTHER.search(sentence[:count.start]) is not None \
        and OTHER_STATE.search(sentence[count.end:count.end + 60]) is None


def join_counts(sentence: str, counts: list[Count]) -> list[Count]:
    """Counts the words leave open take the kind of the count they are joined to: 'killed 185
    civilians and 410 fighters', 'in addition to 18 civilians, five militants were killed'."""
    for at, count in enumerate(counts):
        if count.what is not None:
            continue
        previous = counts[at - 1] if at else None
        following = counts[at + 1] if at + 1 < len(counts) else None
        if previous is not None and previous.what and (JOINED.fullmatch(
                sentence[previous.end:count.start]) or is_further(sentence, count)):
            count.what = previous.what
        elif following is not None and following.what and ADDITION.search(
                sentence[:count.start]) and JOINED.fullmatch(sentence[count.end:following.start]):
            count.what = following.what
    return [c for c in counts if c.what is not None]


def read_figures(sentence: str) -> Figures:
    """Killed and wounded figures: the first of each (a toll outweighs a count before it), the
    noun counted, and the killed of other groups the sentence adds to the first."""
    found = Figures()
    first: Count | None = None
    for at, count in enumerate(counts := find_counts(sentence)):
        if count.counted:
            found.counted = count.counted
        if count.what == "killed" and (found.killed is None or replaces_toll(sentence, first,
                                                                              count)):
            found.killed, first = count.figure, count
        elif count.what == "wounded" and found.wounded is None:
            found.wounded = count.figure
        elif count.what == "killed" and first is not None and is_more(sentence, counts, at):
            found.more.append(count)
    if first is not None:
        found.more = [c for c in found.more if c is not first and c.start > first.start
                      and not BREAKDOWN.search(sentence[first.end:c.start])]
        found.counted = first.counted
    return found


WITH_MORE = re.compile(r"(?:\s+(?:[\w'’-]+\s+){0,3}?(?:were\s+|had\s+been\s+)?(?:killed|dead))?"
                       r",\s+(?:with|while)\s+")
"""'put the deaths at nine, with 70 rebels killed': a killed count, then a comma and 'with' the
count of another group killed."""


def replaces_toll(sentence: str, first: Count | None, count: Count) -> bool:
    """Whether a later killed count is the toll in place of the first: 'the death toll rose
    from 20 to 30', '11 were killed, and the toll later rose to 14'; not the six of 'the toll
    was 14 as of noon, after the remains of six were recovered', whose toll is the first."""
    if TOLL.search(sentence[:count.start]) is None or EARLIER_TOLL.search(sentence[:count.start]):
        return False
    return first is None or TOLL.search(sentence[:first.start]) is None \
        or re.fullmatch(r"[^,.;]{0,40}\bto\s+", sentence[first.end:count.start]) is not None


CLAIMED_TOO = re.compile(r"\b(?:claimed|claims|said|says|added)\s+(?:that\s+)?(?:they|it|its "
                         r"(?:forces|fighters|troops))\s+(?:had\s+)?(?:killed|kill)\s+$")
"""'The rebels, who said 26 of their fighters were killed, claimed they killed 159 soldiers':
the dead a side claims to have killed, beside its own."""


def is_more(sentence: str, counts: list[Count], at: int) -> bool:
    """Whether a further killed count adds a group to the one before it: joined by 'and' or
    a comma, 'N more', 'a further N', or after 'in addition to'."""
    count, previous = counts[at], counts[at - 1]
    return (previous.what == "killed"
            and (JOINED_BY_AND.fullmatch(sentence[previous.end:count.start]) is not None
                 or is_further(sentence, count)
                 or re.match(r"\s+(?:more|others?|additional)\b", sentence[count.end:]) is not None
                 or WITH_MORE.fullmatch(sentence[previous.end:count.start]) is not None
                 or CLAIMED_TOO.search(sentence[previous.end:count.start]) is not None
                 or ADDITION.search(sentence[:previous.start]) is not None))
