"""Who an article says speaks: the verbs of saying, the words of titles and of groups, the
forms in which a sentence names its speaker (``ATTRIBUTIONS``), and which of a speaker's words
are their name (``clean_phrase``, ``split_phrase``, ``is_person``). Nothing here reads a whole
article: ``draft`` does, and resolves 'he' or 'the ministry' to the one they point back at."""

from __future__ import annotations

import re

WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
ATTRIBUTION_VERBS = (r"said|says|say|tweeted|told|added|continued|stressed|wrote|warned|explained|"
                     r"noted|revealed|announced|declared|stated|claimed|insisted|"
                     r"(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)alleged(?!\s+to\b)|posted|"  # 'the alleged
                     # bombing' is no speech
                     r"replied|responded|argued|asserted|recalled|recounted|described|lamented|"
                     r"cautioned|emphasi[sz]ed|reiterated|countered|conceded|commented|remarked|"
                     r"affirmed|insists|warns|explains|alleges|writes|argues|recalls|assert|"
                     r"asserts|assured|assures|threatened|vowed|pledged|threatens|vows|testified|"
                     r"maintained(?=\s+that\b)|maintains(?=\s+that\b)")
SPEECH_VERBS = ATTRIBUTION_VERBS + (r"|elaborated|confirmed|reported|tells|adds|quoted|read|"
                                     r"showed|shows|asked|demanded|urged|cried|shouted|"
                                     r"screamed|exclaimed|whispered|pleaded")
COUNT = (r"(?:at least\s+|more than\s+|up to\s+)?(?:\d|(?:one|two|three|four|five|six|seven|"
         r"eight|nine|ten|dozens|scores|hundreds)\b)")
"""A count as a source's verb is followed by it: 'listed three', 'mention at least 50'."""
SOURCE_VERBS = SPEECH_VERBS + (rf"|(?:spoke|speak|speaks) of(?=\s+{COUNT})|"
                               r"(?:put|puts)(?=\s+(?:(?:the|its|their|his|her|that)\s+)?"
                               r"(?:[\w-]+\s+){0,3}?(?:toll|number|figure|count|casualt(?:y|ies)|"
                               r"deaths?|dead|losses|it|them)\b|\s+(?:at\s+)?\d)|"
                               r"placed(?=\s+the\s+(?:[\w-]+\s+)?(?:toll|number|figure))|"
                               r"(?:called|held|gave|convened)(?=\s+an?\s+(?:news|press)\s+"
                               r"(?:conference|briefing)\b)|"  # 'X called a news conference'
                               r"gave|estimated|counted|tallied|recorded|documented|maintain|"
                               r"maintains|maintained|issued|released|published|"
                               r"reports(?=\s+(?:that\b|\d))|claims(?=\s+(?:they|it|to)\b)|"
                               r"informs(?=\s+that\b)|informed(?=\s+that\b)|"
                               r"indicated(?=\s+that\b)|indicates(?=\s+that\b)|"
                               rf"suggest(?:s|ed)?(?=\s+(?:that\s+)?{COUNT}|\s+(?:that\s+)?"
                               rf"(?:as many as|up to)\s)|"
                               rf"concluded(?=\s+that\b)|mention(?:s|ed)?(?=\s+{COUNT})|"
                               rf"listed(?=\s+(?:the\s+(?:death\s+)?toll|{COUNT})"
                               r"(?!.*\baccording to\b))|"  # records listed 7 dead, according
                               # to X: X's
                               rf"tell(?=(?:\s+[A-Z][\w.]*){{1,3}}\s+that\b)|"
                               rf"claims?(?=\s+{COUNT})|"
                               r"(?:lowered|raised|revised|updated)(?=\s+(?:the|its|their)\s+"
                               r"(?:[\w-]+\s+){0,2}toll\b|\s+(?:that|it|this)\s+(?:[\w-]+\s+)"
                               r"{0,5}?(?:up|down\s+)?to\s+\d)")
STANCE_VERBS = (r"denied|denies|rejected|rejects|accused|accuses|blamed|blames|dismissed|"
                r"dismisses|disputed|disputes|defended|defends|admitted|acknowledged|condemned|"
                r"denounced|denounces|charged|refuted|refutes|deny|reject|accuse|blame|"
                r"dismiss|dispute|condemn|denounce|refute")
"""What the subject of a sentence does when it takes a side: the one who denies is named."""
"""What a source does with a figure: said it, or put the toll at it."""
AUX = (r"(?:\s+(?:has|had|have|also|earlier|later|then|previously|initially|first|at first|"
       r"subsequently|"
       r"now|still|went on to|usually|often|always|repeatedly|routinely|frequently))*")
PRONOUNS = re.compile(r"^(?:he|she|they|him|her)$", re.I)
REFERENCE = re.compile(
    r"^(?:[Ii]t|(?:(?:[Tt]he\s+)?(?:(?!an?\s)(?:[a-z][\w-]*|[A-Z][a-z]+ist)\s+){0,2}|an?\s+)"
    r"(?i:statement|report|ministry|military|army|command|coalition|agency|group|government|"
    r"foundation|observatory|office|council|force|forces|"
    r"police|movement|organi[sz]ation|authorities|militia|alliance|monitor|official|commander|"
    r"leader|spokes(?:man|woman|person)|governor|minister|mayor|president|director|chief|"
    r"envoy|ambassador|secretary|doctor|colonel|general|source|ngo|charity|watchdog))$")
"""Words that point back at a speaker already named: it said, the statement added, the
Islamist group said."""
PERSON_HEADS = re.compile(
    r"\b(?:official|spokes(?:man|woman|person)|commander|governor|minister|mayor|lawmaker|"
    r"councill?or|chief|leader|officer|resident|witness|survivor|villager|tribesman|doctor|"
    r"secretary|adviser|advisor|envoy|president|director|deputy|head|member|surgeon|"
    r"spokesperson|father|mother|son|daughter|brother|sister|wife|husband|widow|teacher|"
    r"nurse|worker|farmer|journalist|imam|cleric|student|paramedic|medic|driver|fighter|"
    r"soldier|activist|monk|priest|rescuer|volunteer|elder|relative|neighbou?r|man|woman|"
    r"reporter|correspondent|shopkeeper|eyewitness|pilot|guard|militant|lawyer|"
    r"representative|delegate|coordinator|researcher|analyst|commissioner|chairman|chairwoman|"
    r"administrator|prosecutor|inspector|ambassador|senator|diplomat|trader|mourner|engineer|"
    r"photographer|cameraman|shepherd|merchant|colonel|captain|sergeant|lieutenant|keeper|"
    r"caretaker)\b", re.I)
"""The head of a phrase that names one person even without a name: a coalition official."""
TITLE_SHORT = {"colonel": "col", "general": "gen", "lieutenant": "lt", "major": "maj",
               "captain": "capt", "sergeant": "sgt", "doctor": "dr", "professor": "prof",
               "governor": "gov", "admiral": "adm", "senator": "sen", "brigadier": "brig"}
"""'the colonel' after 'Col. Tomas Vik': a title written out that the first mention abridged."""
POINTING_WORDS = ("it", "statement", "report", "organization", "organisation", "group", "monitor",
                  "ngo", "charity", "watchdog")
"""Words that point back at the last organisation named, whatever its name."""
ORG_WORDS = re.compile(
    r"\b(?:ministry|military|army|command|coalition|agency|group|government|foundation|"
    r"observatory|office|council|forces?|police|movement|organi[sz]ation|authorit(?:y|ies)|"
    r"militia|alliance|statement|defen[cs]e|channel|tv|television|radio|news|network|committee|"
    r"department|service|agency|media|hospital|cell|center|centre|committee|cross|crescent|"
    r"commission|union|front|party)\b", re.I)
MONITOR = re.compile(r"\b(?:Observatory|[Mm]onitors?\b|Monitoring|monitoring (?:group|body|"
                     r"organi[sz]ation|network)|(?:group|body|organi[sz]ation|network) monitoring|"
                     r"Airwars|Amnesty|Human Rights Watch|"
                     r"Bureau of Investigative Journalism)\b")
"""A monitoring group: its count is its own, not the state's it reports on."""
BYSTANDER = re.compile(r"\b(?:residents?|witness(?:es)?|eyewitness(?:es)?|survivors?|"
                       r"villagers?|bystanders?|neighbou?rs?|passers?-by|locals?|relatives?|"
                       r"shopkeepers?|passengers?|fathers?|mothers?|sons?|daughters?|brothers?|"
                       r"sisters?|widows?)\b", re.I)
"""Speakers who saw or suffered the strike: what they say is a report, never an accusation."""
HEAD_CUT = re.compile(r"\s(?:of|with|in|at|from|on|near|under|by|who|which|that|carried|"
                      r"quoted|published|based)\s")
SPOKESMAN_FOR = re.compile(r"\b(?:spokes(?:man|woman|person)|official|officer|representative|"
                           r"envoy|member|statement)\s+(?:for|of|from|with|by)\s+(?P<org>.+)$")
"""A spokesman for X speaks for X."""
NAME_WORD = (r"(?:[A-Z][\w'’.-]*|(?:al|el|bin|ibn|de|la|del|da|dos|du|van|von|der|abu|abdul)"
             r"(?:-[\w'’-]+)?)")
"""A word of a person's name: 'Kirby', 'al-Mughrabi', the 'de la' of 'Paul de la Garza'."""
TRAILING_NAME = re.compile(
    rf"^(?P<title>.*\b[a-z][\w'’-]*)\s+(?P<name>[A-Z][\w'’.-]*(?:\s+{NAME_WORD}){{0,4}})$")
"""Pentagon press secretary John Kirby: a title before a name."""
GENERIC = {"militia": "militia", "group": "militia", "coalition": "coalition",
           "ministry": "government", "army": "armed-forces", "military": "armed-forces"}
TITLES = ("Col", "Gen", "Lt", "Mr", "Mrs", "Ms", "Dr", "St", "Sgt", "Maj", "Capt", "Brig", "Adm",
          "Cpl", "Pvt", "Prof", "Cmdr", "Insp", "Supt", "Rev", "Rep", "Sen", "Gov")
"""Titles written short with a full stop before a name: 'Col. Ivo Marr', 'Senior Supt. NAME'."""


def after_title(titles: tuple[str, ...], negative: bool = False) -> str:
    """A lookbehind for a word of ``titles`` just before (or, ``negative``, not before): one
    lookbehind for each length of title, as a lookbehind must be of one width."""
    widths = sorted({len(t) for t in titles})
    mark = "<!" if negative else "<="
    looks = [rf"(?{mark}\b(?:{'|'.join(t for t in titles if len(t) == w)}))" for w in widths]
    return "".join(looks) if negative else "(?:" + "|".join(looks) + ")"


TITLE_DOT = after_title((*TITLES, "Sheikh")) + r"\."
"""The full stop of a title before a name (Brig. Gen. Nabil Abdullah), not of a sentence."""
WHO = rf"(?>[^.“\"]|\.(?=\S)|(?<=[A-Z])\.|{TITLE_DOT}){{1,160}}?"
"""A speaker's words: no full stop, except inside abbreviations such as U.S. or K.S.S. Each
character is an atomic group: a dot after a capital matches two of its branches, and trying
both at every dot of 'A.B.C.D...' would double the work at each one."""
NOT_AFTER_TITLE = after_title(TITLES, negative=True)
END_OF_WHO = rf"(?:(?<![A-Z]){NOT_AFTER_TITLE}\.(?=\s|$)|;|$)"
"""Where a speaker's words end: a full stop that closes no abbreviation, or the text's end."""
WHO_CHAR = rf"(?>[^.,;:“”\"]|\.(?=\S)|(?<=[A-Z])\.|{TITLE_DOT})"
"""A character of a speaker's words within one clause: no stop but an abbreviation's (an
atomic group, as in ``WHO``)."""
SHORT_WHO = WHO_CHAR + "{1,90}?"
"""A speaker's words within one clause."""
LONG_WHO = WHO_CHAR + "{1,150}?"
"""A speaker's words within one clause, as long as 'according to' may give them: 'the federal
commissioner charged with bringing order to the troubled western state of X'."""
LEADING_CLAUSE = re.compile(r"^(?:(?:Speaking|In |According to|After|Before|While|Earlier|As of |"
                            r"Despite|Following|Amid|During|Although|Though|"
                            r"Later|On |Asked )[^,]{0,160}|Meanwhile|However|"
                            r"(?:The|That) (?:next|following|same|previous) (?:day|morning|"
                            r"evening|night|week)),"
                            r"(?:\s*(?:which|where|who)\b[^,]{0,100},)?\s*")
TIME_OPENING = re.compile(
    r"^(?:(?:Earlier|Later|Late|Early)(?:\s+on)?\s+(?:" + "|".join(d.title() for d in WEEKDAYS)
    + r"|" + "|".join(WEEKDAYS) + r")(?:\s+(?:morning|afternoon|evening|night))?"
    r"|On\s+(?:" + "|".join(d.title() for d in WEEKDAYS) + r")|Earlier|Later|Yesterday|Today|"
    r"Last night|Overnight)\s+(?=[a-zA-Z])")
"""'Earlier on Sunday the governor said', 'Yesterday Colonel NAME moved to ...': a time
opening with no comma, not a speaker."""
NOT_A_SPEAKER = re.compile(r"\d(?!\d*-year-old\b)|"  # a number, but an age
                           r"\b(?<!\ba )(?<!\ban )(?<!\bthe )"  # 'in a disputed city'
                           r"(?:killed|killing|died|dead|wounded|injured|struck|hit|attacked|"
                           r"bombed|was|were|is|"
                           r"are|be|been|that|when|if|because|after|what|there|denied|denies|"
                           r"including|rejected|accused|dismissed|disputed|reports? of|who|"
                           r"while|although|but|targeted|targeting|has|have|had|refers?|"
                           r"referred|occurred|happened|whereas|where|which|no one|nobody|"
                           r"shot|shelled|fired|raided|stormed|burned|burnt|according to|"
                           r"(?:most|many|some|all|none|several|few|both|each|one) of (?:them|"
                           r"those|whom))\b", re.I)
"""Words no speaker's name holds: a clause that happens to end before 'said', or a part of
those counted ('..., most of them described as recruits')."""
TIME_TAIL = re.compile(
    r"\s+(?:(?:late|early)\s+)?on\s+(?:(?:" + "|".join(d.title() for d in WEEKDAYS)
    + r")|(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2}(?:,\s+\d{4})?)(?:\s+(?:morning|afternoon|evening|night))?$")
"""'The ministry on March 18 said': a day between the speaker and the verb, not a name."""
NO_JOINER = r"(?<!\sa)(?<!\san)(?<!\sthe)(?<!\sof)(?<!\sin)"
"""Not after a word that joins a phrase: 'a hospital in a disputed city' has no verb 'disputed'."""
DISTANCE = r"\d+(?=\s+(?:miles|km|kilometres|kilometers)\b)"
"""A number in an aside that counts no one: 'about 80 miles north of Baghdad'."""
ASIDE = r"(?:[^,;“”\"]|,(?=\d{3})){2,140}?"
"""Words set off by commas after a speaker's name: ', a spokesman for the army'."""
ATTRIBUTIONS = (
    re.compile(rf"\b(?:quoted|reported|cited) (?P<who>{WHO}),? as saying\b"),
    re.compile(rf"^(?P<who>{NAME_WORD}(?:\s+{NAME_WORD}){{0,4}}(?:,\s{ASIDE}){{2}},"
               rf"|{SHORT_WHO}(?:,\s{ASIDE},?)?)"
               rf"{AUX}{NO_JOINER},?(?:(?<=,)\s+[a-z]{{3,}}ly)?\s+"
               rf"(?:{SOURCE_VERBS}|{STANCE_VERBS})\b(?!\s+by\b|(?:(?<=released)|(?<=published)|"
               r"(?<=issued))\s+(?:[\w-]+\s+){1,3}by\b)"),  # not 'a statement released by'
    re.compile(rf"(?:[,;][”\"’]?\s+|\s(?:but|while|whereas)\s+(?=[A-Z]))"
               rf"(?P<who>{SHORT_WHO}(?:,\s(?:[^,;“”\"]){{2,100}}?,?)?){AUX}\s+"
               rf"(?:{SPEECH_VERBS})\b"),
    re.compile(rf"[,”\"]\s*(?:said|says|added|wrote|writes|asked|continued|explained|noted|"
               rf"recalled|warned|stressed|insisted|replied|tweeted|reports|reported|testified)\s+"
               rf"(?!(?:to|in|on|at|from|with|after|during|later|earlier)\s)(?P<who>{SHORT_WHO}"
               rf"(?:,\s(?>[^.;“”\"]|\.(?=\S)|(?<=[A-Z])\.){{2,80}}?)?)\s*(?:{END_OF_WHO}|,)"),
    re.compile(rf"\baccording to (?P<who>{LONG_WHO}(?:,\s{SHORT_WHO}(?=[,.]))?)"
               rf"(?-i:,|{END_OF_WHO})", re.I),
    re.compile(r"(?P<who>(?:[\w'’-]+\s+){0,3}[\w'’-]+),?\s+who\s+(?:had\s+|have\s+|has\s+)?"
               r"(?:said|say|says|told|reported)\b"),
    re.compile(r"^(?P<who>[A-Z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2})\s+who\s+(?!said|say|says|told)"
               r"[a-z]+\b[^,.;“”\"]{0,100}?\s+(?:said|say|says|told)\b"),
    re.compile(r"\b(?P<who>(?:[A-Z][\w.-]*\s+(?:(?:of|for)\s+)?){0,4}[\w-]+)(?:['’]s|(?<=s)['’])"
               r"\s+(?:reports?|claims?|figures?|count|tally|toll)\s+of\b"),
    re.compile(rf",?\s+with (?P<who>{SHORT_WHO})\s+(?:saying|stating|reporting|estimating|"
               r"claiming|putting|counting|indicating|suggesting)\b"),
    re.compile(rf"^(?P<who>{SHORT_WHO}(?:,\s(?:[^,;“”\"\d]|{DISTANCE}){{2,100}}?,){{0,2}}){AUX}\s+"
               r"(?:[a-z]+ed|took)\b"
               r"(?:[^“\"\d]|[“\"][^”\"\d]{1,80}[”\"])*?(?:,?\s*(?:saying|adding|stating)"
               r"|,?\s+and\s+(?:said|says|claimed|claims|added|reported|estimated|counted|put))\b"),
    re.compile(rf"^(?P<who>{SHORT_WHO}(?:,\s[^,;“”\"\d]{{2,100}}?,)?){AUX}\s+[a-z]+ed\b[^“\"]*?"
               r"\b(?:it|they|he|she)\s+(?:said|says|say)\s+(?:were|was|had been|have been)\b"),
    re.compile(r"\b(?:after|amid|following|despite|with)\s+(?P<who>(?:(?:media|news|local|"
               r"initial|early|unconfirmed|conflicting)\s+)?reports)\s+that\b"),
    re.compile(r"\b(?:after|when|as)\s+(?P<who>(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
               r"|the\s+(?:army|military|police|government|ministry|authorities|rebels|"
               r"militants|coalition))"
               r"\s+(?:said|announced|reported|claimed|stated)\b"),
    re.compile(r"\b(?P<who>(?!The\b|A\b|An\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:claims?|"
               r"allegations?|assertions?)\s+that\b"),
)
"""Who a sentence says speaks: quoted X as saying; X said ...; ..., X said; ..., said X,
TITLE; according to X; ..., with X saying ...; X did ..., saying ...; X published a list of N
people it said were killed; after reports that N were killed; after X said N were killed;
Russian claims that N died. The first that names a speaker wins."""
ANONYMOUS = re.compile(
    r",?\s+who\s+(?:spoke|asked|declined|did not want|requested|refused|wished|would not|"
    r"could not|was|were|is|are|had been|has been)\b(?:(?!\b(?:said|says|told)\b)[^,.;“”\"])"
    r"{0,140},")
"""'A resident who spoke on condition of anonymity for fear of reprisal, said', 'NAME,
grandfather of NAME, who was killed in ..., told': a relative clause about the speaker or the
one they name, which is not the speaker's name."""
DASH_ASIDE = re.compile(r"\s*(?:--|—)\s*[^—“”\"]{1,200}?\s*(?:--|—)\s*(?=[a-z])"
                        r"|\s[-–]\s[^—–“”\"]{1,200}?\s[-–]\s(?=[a-z])")
"""Words set off by a pair of dashes before a verb: 'An opposition web site -- which moved
after its owner was shot dead -- said': an aside, not the speaker's name."""
DOER_SUBJECT = re.compile(rf"^(?:(?:But|And|Yet)\s+)?"
                          rf"(?P<who>{SHORT_WHO}(?:,\s[^,;“”\"\d]{{2,100}}?,)?)"
                          rf"{AUX}\s+(?:earlier\s+|again\s+)?(?:[a-z]+ed|took|made|gave|went|"
                          r"came|met|led|sent|held|spoke|brought|left|saw)\b")
"""A sentence's subject before its past-tense verb: 'Chechen military leaders earlier revised',
'But Lt. Col. NAME, the army spokesman, took issue with'."""
GROUP_HEADS = re.compile(r"^(?:leaders|officials|forces|rebels|militants|troops|fighters|"
                         r"authorities|insurgents|activists|commanders|militias|groups|elders|"
                         r"villagers|residents|medics|doctors|witnesses)$", re.I)
"""The head of a phrase that names a group of people: 'they' may point back at it."""
CLAIMS_BY = re.compile(
    r"\b(?:claims?|reports?|allegations?|accusations?|statements?|assertions?)\s+(?:by|from)\s+"
    r"(?P<who>[^“\".;]{2,120}?)\s+(?:about|of|that|on|regarding)\b[^“\".;]{0,100}$")
"""'refuted claims by X about the death of "...": the quoted words are X's."""
DOER = re.compile(rf"^(?P<who>{SHORT_WHO}(?:(?:,\s[^,;“”\"]{{2,100}}?){{1,2}},)?){AUX}\s+"
                  r"(?:[a-z]+ed|(?:was|were)\s+(?:even\s+|more\s+|less\s+|far\s+)*[a-z]+)\b"
                  r"[^“\"]*,\s*(?:saying|adding|stating|telling\s+(?:reporters|journalists|"
                  r"the\s+[\w-]+|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})),?:?\s*$")
"""'X apologized to the families, saying "...": the one who did it says it; 'NAME, the U.N.
official, was even less restrained, telling reporters: "..."'."""
STATEMENT = re.compile(
    rf"^(?P<who>{SHORT_WHO}(?:,\s[^,;“”\"]{{2,100}}?,)?){AUX}\s+(?:issued|released|put out|"
    r"published|read out|sent)\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,2}"
    r"(?:statement|communiqu[eé]|message|note)\b[^“\".]{0,80}:[^“\".]{0,60}$")
"""'X, a spokesman, released a terse statement: Fifteen Iraqis "...": the statement's words."""


def find_doer(opening: str) -> str | None:
    """The subject of a sentence that ends in ', saying' or in 'issued a statement:' before a
    quote."""
    clause = LEADING_CLAUSE.match(opening)
    body = opening[clause.end():] if clause else opening
    match = DOER.match(body) or STATEMENT.match(body)
    if match is None or NOT_A_SPEAKER.search(match.group("who")):
        return None
    return match.group("who").rstrip(", ")


CLAUSE = re.compile(
    r"\b(?:and|but|or|the|a|an|of|on|to|in|with|for|by|at)$"  # a last word that joins
    rf"|(?<![A-Z.]){NOT_AFTER_TITLE}\.\s+[A-Z]"  # a full stop
    r"|\b(?:did|does|do|has|have|had) not\b|n['’]t\b"  # a negated verb
    r"|\b(?:provided|disclosed|declined|gave|carrie[sd] out|claimed|blamed|showed|shared|"
    r"launched|rarely|never|regularly|react|following what)\b"  # what someone did
    r"|\s(?:it|they|he|she|we)$|^(?:it|they|he|she|we)\s+[a-z]"  # a clause's subject
    r"|^\d[\d,.]*\s+(?:km|kilomet|miles?|met)"  # a distance
    r"|^(?:after|before|when|while|since|having|with|without|outside|inside|near|among|amid|"
    r"during|despite|and|or)\b"  # an opening clause or phrase
    r"|\band\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens)\s")  # counts
"""Words that make a speaker's phrase a clause of the sentence, not a name: 'the ministry
provided no evidence and Ukraine', 'RSF sources claimed advances in X and'."""


GIVEN_BY = re.compile(
    r"^(?:[Tt]he\s+|[Aa]n?\s+)?(?i:(?:(?:new|latest|initial|first|previous|earlier|provisional|"
    r"official|updated|revised|final|preliminary)\s+)*(?:toll|tally|count|report|figures?|"
    r"estimates?|assessment|balance|statistics|data|numbers))\s+"
    r"(?:(?:first\s+|later\s+)?(?:given|announced|released|issued|published|provided|"
    r"compiled|reported|made public)\s+(?:[\w,]+\s+){0,3}?)?by\s+")
"""'a new toll announced Monday by the governor', 'a previous report given Sunday by two
residents': the one who gave the toll."""


def clean_phrase(who: str) -> str:
    """A speaker's words without what is not their name: conjunctions, articles, times."""
    phrase = who.strip(" ,;:—-")
    phrase = re.sub(r"^(?:[A-Z]{2,}\s+){2,}(?=[A-Z][a-z])", "", phrase)  # a heading: 'FIGHTING
    # IN TAIZ Elsewhere, ...'
    phrase = re.sub(r"^(?:[Bb]ut|[Aa]nd|However,?|Meanwhile,?|In the meantime,?|Elsewhere,?|Yet|"
                    r"So)\s+", "", phrase)
    phrase = re.sub(r"\s+in (?:a|an|his|her|its|their) (?:[\w-]+ )?(?:statement|news conference|"
                    r"press conference|video|post|message|tweet|letter|speech|interview)\b.*$",
                    "", phrase)
    phrase = GIVEN_BY.sub("", phrase)  # 'a new toll announced Monday by the governor'
    days = "|".join(WEEKDAYS)
    phrase = re.sub(rf"\s+(?:on\s+|last\s+|late\s+|early\s+)?(?:{days})\b.*$|\s+(?:yesterday|"
                    r"today|tonight|last night|this (?:morning|evening|week))$", "", phrase,
                    flags=re.I)
    phrase = re.sub(r",\s*(?:returning|visiting|writing|standing|addressing)\b.*$", "", phrase)
    phrase = re.sub(r",\s*(?:speaking|who|which|adding|saying|citing|asking|wishing|preferring|"
                    r"requesting)\b.*$", "", phrase)
    phrase = re.sub(r"\s+(?:on|under) (?:the )?condition of anonymity\b.*$|,\s*(?:on the other "
                    r"hand|for (?:his|her|its|their) part|however|meanwhile|in turn)$", "", phrase)
    phrase = re.sub(r"\s+who\s+(?:said|says|had|has|was|is)\b.*$|,\s+(?:was|were)$", "",
                    phrase)  # 'NAME, TITLE, was quoted as saying'
    phrase = re.sub(r"(\b[A-Z][\w'’-]*)\s+(?:after|before|as|while|when)\s+(?:the|a|an|his|her|"
                    r"its|their)\s.*$", r"\1", phrase)  # 'NAME after the building took hits'
    phrase = re.sub(r"^(?:[Aa]n?)\s+", "", phrase)
    phrase = re.sub(r"^(?:[Tt]he\s+)?(?:joint\s+|written\s+)?statement\s+(?:from|by|(?:issued|"
                    r"released|published|carried) by)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                    r"(?:news\s+)?(?:agency\s+)?(?=[A-Z])|^(?:[Tt]he\s+)?(?:joint\s+|written\s+)?"
                    r"statement\s+(?:from|by|issued by)\s+",
                    "", phrase)  # a statement from the Red Crescent: the Red Crescent
    phrase = re.sub(r"^(?:[Tt]he\s+)?(?:figures|data|statistics|numbers|tall(?:y|ies)|counts?)\s+"
                    r"(?:from|by|of|released by|issued by|published by)\s+", "", phrase)
    return re.sub(r"^[Tt]he\s+(?=[A-Z])", "", phrase).strip(" ,")


def is_name(part: str) -> bool:
    """Whether words are a proper name: each capitalised, or a particle such as al-."""
    words = part.split()
    return bool(words) and len(words) <= 7 and all(re.fullmatch(NAME_WORD, w) for w in words) \
        and any(w[0].isupper() for w in words)


def split_phrase(phrase: str) -> tuple[str, str]:
    """(name, title) of 'Bob Purtiman, a spokesman for X', 'Pentagon press secretary John
    Kirby' or 'the district governor, Saaz Wali'; name is '' where none is given."""
    parts = [p.strip() for p in phrase.split(",") if p.strip()]
    if len(parts) > 1:
        named = [p for p in parts if is_name(p)]
        if named:
            return named[0], ", ".join(p for p in parts if p != named[0])
    if is_name(phrase):
        return phrase, ""
    match = TRAILING_NAME.match(parts[0] if parts else phrase)
    if match and len(match.group("name").split()) >= 2:
        return match.group("name"), match.group("title")
    return "", phrase


def is_person(phrase: str, name: str) -> bool:
    """Whether a phrase names one person: a full name, or a head such as 'official' in the
    phrase or in its apposition ('Najibullah, an official with the ministry')."""
    heads = [HEAD_CUT.split(f" {part.strip()} ")[0].strip() for part in phrase.split(",")]
    if any(re.match(r"(?:an?|the)\s", h) and ORG_WORDS.search(h) and not PERSON_HEADS.search(h)
           for h in heads[1:]):
        return False  # 'Halden Watch, a rights group'
    heads = [re.sub(r"\b(?:official|state)\s+(?=(?:[A-Z][\w'’-]*\s+){0,3}(?:News|Agency|Radio|"
                    r"Television|TV|Media|Gazette|Press)\b)", "", h)
             for h in heads]  # "China's official Xinhua News Agency" is no official
    return (bool(name) and len(name.split()) >= 2 and not ORG_WORDS.search(name)
            and not MONITOR.search(phrase)) or any(PERSON_HEADS.search(h) for h in heads)


def name_monitor(phrase: str) -> str:
    """The monitoring group's own name: 'the Britain-based Syrian Observatory for Human Rights,
    which ...' is the Syrian Observatory for Human Rights."""
    first = next((p for p in phrase.split(",") if MONITOR.search(p)), phrase.split(",")[0])
    first = re.sub(r"\s*\([A-Z]{2,}\)\s*$", "", first)
    name = re.sub(r"^(?:(?:[a-z][\w’'-]*|[Tt]he|[\w.]+-based)\s+)*", "", first).strip()
    if name[:1].isupper():
        return name
    return re.sub(r"^(?:an?|the)\s+", "", first.strip())  # 'a group monitoring the war'


def find_attribution(sentence: str) -> str | None:
    """The words a sentence gives for who speaks, if any (see ``ATTRIBUTIONS``)."""
    found = find_attribution_form(sentence)
    return found[0] if found else None


def find_overlapping(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Every match of ``pattern``, from each start where one begins, so that a clause
    rejected as no speaker's name does not hide the one after it."""
    found, start = [], 0
    while (match := pattern.search(text, start)) is not None:
        found.append(match)
        start = match.start() + 1
    return found


NO_NAMES = {"we", "i", "you", "us", "our", "however", "though", "meanwhile", "instead", "yet",
            "also", "and", "but", "or", "a", "an", "the", "this", "these", "that", "those",
            "now", "then", "still", "again", "later", "earlier", "as", "so", "if", "when"}
"""Words that stand where a speaker's name would and are none: 'No one, however, has yet
claimed'; an article alone, 'An alleged massacre', 'The reported strikes', where the adjective
after it reads as a verb of saying; an adverb or a conjunction alone, 'NATO, which had denied
it, now says', 'As corroborated by ...'."""
PERSONAL = {"We", "we", "I", "You", "you", "Us", "us", "Our", "our", "My", "my"}
"""Who speaks in a quotation, never a name: 'We strongly deny that ...', 'The soldiers did
this to us and we blame them' (as written: 'US officials' are no 'us')."""


QUOTED_SPEECH = re.compile(r"([“\"])(?:[^“”\"\s\d]+\s+){3,}[^“”\"\d]*?([,.!?]?[”\"])")
"""A closed quotation of four words or more and no figure: what is said, never who says it
('“They came and made them say who they were,” testified X' is X's, not 'they ... made
them'). One that holds a figure may name its source: '“Local leaders told us that 24 are
dead,” he said' is the leaders' count."""


def find_attribution_form(sentence: str) -> tuple[str, int] | None:
    """The speaker's words and which of ``ATTRIBUTIONS`` gave them (4 is 'according to')."""
    sentence = QUOTED_SPEECH.sub(r"\1…\2", DASH_ASIDE.sub(" ", ANONYMOUS.sub(",", sentence)))
    clause = LEADING_CLAUSE.match(sentence)
    body = sentence[clause.end():] if clause and not clause.group().startswith("According") \
        else sentence
    body = TIME_OPENING.sub("", body.lstrip("“\"‘' "))
    joined: tuple[str, int] | None = None
    for number, pattern in enumerate(ATTRIBUTIONS):
        for match in find_overlapping(pattern, body if number == 1 else sentence):
            who = re.sub(r"(?i)^(?:however,?\s+)?(?:where|and|but|which|who|while|whereas|"
                         r"even as|although|though|as)\s+", "", match.group("who").strip())
            who = re.sub(r"\s+who\s+(?:is|was|are|were)\b[^,]*$|,\s+(?:which|who)$", "", who)
            # 'who is posted ...'; 'NATO, which had first denied': NATO
            who = TIME_TAIL.sub("", who)
            aside = re.search(r",\s+(?:which|whom)\s+(?P<who>[^,]{2,80})$", who)
            if aside and number == 1:  # 'The shelling, which Brena officials say killed
                who = aside.group("who") if names_speaker(aside.group("who")) \
                    else who.split(",")[0]  # nine': the officials; 'NATO, which had denied
                # it, now says': NATO
            if re.search(r",\s*(?:it|he|she|they)$", who):
                who = who.rsplit(",", 1)[1].strip()  # 'In a statement from its headquarters
                # in Brussels, Belgium, it said': it
            if number == 2 and "," in who and re.match(
                    r"(?:near|in|on|at|from|after|during|outside|inside|around)\s", who):
                who = who.rsplit(",", 1)[1].strip()  # 'near the border on Thursday, the
                # monitoring group X reported': the group
            if number == 1 and "," in who and re.match(r"[a-z]+ed\s", who):
                who = who.split(",", 1)[1].strip()  # 'In its latest toll, released late on
                # Wednesday, the Committee of Doctors said': the committee
            if number == 4 and "," in who and (NOT_A_SPEAKER.search(who.split(",", 1)[1])
                                               or re.search(rf"\b(?:{SPEECH_VERBS}|quoting)\b",
                                                            who.split(",", 1)[1])):
                who = who.split(",")[0]  # 'according to the statement, 30 were killed',
                # 'according to X, APA reports quoting AP'
            if number == 4:
                who = re.sub(r"\s+(?:who|which)\s.*$", "", who)  # 'according to X who also'
            if number == 2 and any(re.search(r"\d", part)
                                   and not re.fullmatch(r"\s*\d{1,3}\s*", part)
                                   for part in who.split(",")[1:]):
                continue  # ', a group ..., published a list of 19 people it said': no speaker
            if not names_speaker(who):
                continue
            if re.search(r"\s(?:and|but|or)$", who):  # '..., the oil capital, and said': a
                joined = joined or (who, number)  # later form may name who did both
                continue
            if number == 5:
                who = re.sub(r"^.*\b\w+ing\s+", "", who)  # a video showing witnesses
            return who, number
    return joined


def names_speaker(who: str) -> bool:
    """Whether the words a form found where a speaker's name stands can be one: not a clause,
    a pronoun, a speech verb, a word such as 'however', or the subject of a passive ('the
    death toll is estimated at 40')."""
    head = who.split(",")[0]
    return bool(who) and not NOT_A_SPEAKER.search(head) and len(head.split()) <= 14 \
        and not re.match(rf"(?:{SPEECH_VERBS}|saying|adding|stating|noting)\b", head) \
        and head.lower().strip() not in NO_NAMES \
        and head.split()[0] not in PERSONAL and who.split()[-1] not in PERSONAL \
        and not re.search(r"\s(?:it|they|he|she)$", head) \
        and not re.search(r"(?:^|\s)(?:is|are|was|were|be|been|being)$", who) \
        and not re.fullmatch(r"(?i)which|whom|this|these", head)
