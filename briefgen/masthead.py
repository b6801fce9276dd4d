"""What an article's top lines say of it: the date it was published and who published it,
from a dateline, a byline or a masthead."""

from __future__ import annotations

import datetime as dt
import re

from briefgen.attribution import NAME_WORD, WEEKDAYS
from briefgen.gazetteer import KNOWN_PUBLISHERS
from briefgen.tolls import MONTH

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
AGENCIES = {"AP": "Associated Press", "AFP": "AFP", "Reuters": "Reuters", "Xinhua": "Xinhua",
            "APP": "Associated Press of Pakistan", "UPI": "UPI", "dpa": "dpa",
            "Anadolu": "Anadolu Agency", "IRNA": "IRNA", "SPA": "Saudi Press Agency",
            "WAFA": "WAFA", "TASS": "TASS", "ANI": "ANI", "PTI": "PTI", "IANS": "IANS",
            "KUNA": "KUNA", "SANA": "SANA", "Bernama": "Bernama", "CNN": "CNN",
            "VOA": "Voice of America", "Pajhwok": "Pajhwok", "PA": "PA", "RFE/RL": "RFE/RL",
            "Yonhap": "Yonhap", "Kyodo": "Kyodo", "ANSA": "ANSA", "EFE": "EFE", "Reuter": "Reuters",
            "United Press International": "UPI", "Agence France-Presse": "AFP",
            "AA": "Anadolu Agency", "Associated Press": "Associated Press"}
"""News agencies as datelines and credits name them: ``KYIV (AP) —``, ``reports the AP``,
``ISLAMABAD, Sept 26, Reuter:``, ``NZPA-Reuter``, ``|By United Press International``."""
AGENCY = "|".join(AGENCIES)
AGENCIES_BY_CASE = {name.lower(): publisher for name, publisher in AGENCIES.items()} | {
    "bbc": "BBC"}
"""Agencies as a page may case them, and the BBC as a closing credit names it ('-bbc'); the
BBC is no agency of datelines, and 'according to the BBC' names a source, not the publisher."""


def name_agency(written: str) -> str:
    """The publisher an agency's name stands for, however a page cases it ('Afp', '-bbc')."""
    return AGENCIES.get(written) or AGENCIES_BY_CASE[written.lower()]


AGENCY_LINE = (
    re.compile(rf"^(?:[A-Z][\w .,'’/\[\]-]{{0,60}}?)?\((?:[^()]*?[/ ])?\s*(?P<agency>{AGENCY})\s*"
               r"(?:/[^()]{1,20})?(?:\)|[-–—])"),
    re.compile(rf"^[A-Z][A-Z .'/-]+,\s+(?i:{MONTH})\.?\s+\d{{1,2}},\s+(?P<agency>{AGENCY})"
               r"\s*[:—–-]"),
    re.compile(rf"^[A-Z]{{2,6}}-(?P<agency>{AGENCY})\b"),  # 'NZPA-Reuter', 'Sapa-AFP'
    re.compile(rf"(?:^|\|\s*)(?:By\s+|From\s+(?:the\s+)?)?(?P<agency>{AGENCY})(?:\s+News)?"
               r"(?:\s*(?:&|and|/)\s*\w+)?\s*(?:$|\||,|Published\b|Updated\b)"),
    re.compile(rf"\b(?:reports?|reported|said|according to) the (?P<agency>{AGENCY})\b"),
    re.compile(rf"^[A-Z][A-Z .'/-]+,\s+[A-Z][\w .'-]{{1,30}},\s+(?P<agency>{AGENCY})$"),  # VELMAR,
    # Brena, AP
    re.compile(rf"^[A-Z][A-Z .'/-]+,\s+[A-Z][\w .'-]{{1,30}}:\s+(?P<agency>{AGENCY}):\s"),
    # 'VELMAR, Brena: Reuter: Gunmen ...'
    re.compile(rf"^(?:Subject:\s+)?(?P<agency>{AGENCY}):\s+[A-Z]"),  # Subject: AP: Headline
    re.compile(rf"^(?P<agency>(?i:afp|reuters|xinhua))\s+(?i:{MONTH})\.?\s+\d"),  # Afp May 01, 2010
    re.compile(rf"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){{1,2}},?\s+(?P<agency>{AGENCY})$"),  # a
    # writer's line, 'Leo Dobbs Reuter'
    re.compile(rf"(?:^|\s)(?i:source):\s+(?P<agency>{AGENCY})\b"),  # 'Source: AFP', a record's
    # 'SOURCE: Associated Press DATELINE: ...'
)
CLOSING_AGENCY = re.compile(rf"[.!?”\"]\s+\((?P<agency>{AGENCY})\)\s*$")
"""The agency a story's last line credits: '... during a cease-fire in November. (AP)'; in
the last line only, since a photo's caption ends so too ('July 3, 2019. (Reuters)')."""
WEEKDAY = "(?:" + "|".join(day.title() for day in WEEKDAYS) + ")"
OUTLET = r"(?P<outlet>[A-Z][\w&'’/-]*(?:\.[a-z]{2,4})?(?:\s+[A-Z][\w&'’/-]*(?:\.[a-z]{2,4})?){0,4})"
"""A publication's name as a credit prints it: Radio Free Asia, Antiwar.com."""
CREDITS = (
    re.compile(rf"^(?:[Bb]y\s+)?Staff\s+(?:Writers?|Reporters?)\s*(?P<agency>{AGENCY})$"),
    re.compile(rf"^(?:[Bb]y\s+)?Staff\s+(?:Writers?|Reporters?)\s+[A-Z][\w .'-]{{0,40}}?"
               rf"\((?P<agency>{AGENCY})\)"),
    re.compile(rf"^[A-Z][A-Z .'/-]+,\s+{OUTLET}\s+\([A-Z]{{2,6}}\)\s*[-–—]"),
    re.compile(rf"^[A-Z][\w .'/-]+,(?:\s+[A-Z][\w .'-]{{1,30}},)?\s+(?:(?i:{MONTH})\.?\s+\d{{1,2}}"
               rf"|\d{{1,2}}\s+(?i:{MONTH}))(?:,?\s+\d{{4}})?\s+\({OUTLET}\)\s*[-–—]"),
    re.compile(rf"^By\s+{OUTLET}\s+Staff$"),
    re.compile(rf"^[A-Z][A-Z .'/-]+(?:,\s+[A-Z][\w .'-]{{1,30}})?\s+\({OUTLET}\)\s*[-–—]"),
    re.compile(rf"^[A-Z][a-z]+\s+\({OUTLET}\)\.\s+[A-Z]"),  # Geneva (ICRC). On 9 July
    re.compile(rf"^(?:[A-Z][A-Z .'/-]+\s*[-–—]\s*)?\({OUTLET}\)\s*[-–—]"),  # '(KDRTV) –',
    # 'ADDIS ABABA – (BORKENA) –'
    re.compile(rf"^From (?:the )?{OUTLET}\s*\((?i:{MONTH})"),  # 'From the Daily (Jun 20, 2023):'
    re.compile(rf"^\[?(?!{WEEKDAY}\b){OUTLET}\s*,\s+{WEEKDAY},?\s+\d{{1,2}}\s+(?i:{MONTH})\.?\s+"
               r"\d{4}"),  # Orla Online, Tuesday 24 Feb 2015; [OrlaNet, Monday, 18 August 1997,
    # not a town's dateline, 'Asmara, 16 April 1999', nor a day's 'Friday, 4 May 2012'
    re.compile(r"^(?P<outlet>(?:[A-Z]{2,}\s+){0,3}(?:NEWS|PRESS|SERVICE|AGENCY|TIMES|POST|"
               r"HERALD|TRIBUNE|RADIO)(?:\s+[A-Z]{2,}){0,2})\s+[-–—]\s"),
    re.compile(rf"(?:^|\S)\s?[-–—]\s?(?P<agency>{AGENCY}|(?i:afp|bbc|reuters))\.?\s*$"),  # also
    # a closing '...insurgents.-bbc\'
    re.compile(rf"(?:^|\s)\((?:Reporting|Writing|Additional reporting) by (?P<agency>{AGENCY})\b"),
    re.compile(rf"\b(?:was|is|were) (?:originally |first )?(?:published|produced) by "
               rf"(?:the )?{OUTLET}(?=\s+(?:and|on|in)\b|[,.;)]|$)"),
    re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3} is (?:a |an |the )?"
               r"(?:[\w-]+\s+){0,3}(?:[Ee]ditor|[Cc]orrespondent|[Rr]eporter|[Ww]riter|"
               r"[Jj]ournalist|[Cc]olumnist) (?:for|at|with) (?:the )?"
               rf"{OUTLET}(?=[,.;]|\s+and\b|$)"),
)
"""Who published it, as a dateline of its own names it ('TEHRAN, Young Journalists Club (YJC)
-', 'SEOUL, Nov. 23 (Yonhap) --', 'PHILIPPINE NEWS SERVICE —') or a closing line or a note
says: '... persisted. - AFP',
'(Reporting by Reuters; Editing by ...)', 'This article was originally published by Radio Free
Asia', 'NAME is Senior Editor for Antiwar.com.'"""
CAPTION = re.compile(r"\(Photo\b|\bPhoto:|/REUTERS|REUTERS/|\bAP Photo\b|\bAFP/", re.I)
"""A photo caption: its date is the photo's, not the article's."""


def find_date(lines: list[str]) -> dt.date | None:
    """The first date the article's top lines give: 2017-08-08, 08.08.2017, August 8, 2017
    (also glued to a word before it, 'NewsAugust 8, 2017'), 8 Aug 2017, 27 Nov, 2017, 6th Oct,
    2024, 30-10-2021."""
    day = r"(\d{1,2})(?:st|nd|rd|th)?"
    patterns = (  # each with the group numbers of year, month and day
        (r"\b(\d{4})[-.](\d{2})[-.](\d{2})(?!\d)", (1, 2, 3)),  # also 2022.10.25, and
        # 2025-10-11T21:55
        (r"\b(\d{1,2})([.-])(\d{1,2})\2(\d{4})\b", (4, 3, 1)),  # 04.04.2016, 30-10-2021,
        # day first
        (rf"(?:\b|(?<=[a-z])(?-i:(?=[A-Z])))({MONTH})\.?\s+{day},?\s+(\d{{4}})\b", (3, 1, 2)),
        (rf"(?:\b|(?<=[a-z])){day}\s+({MONTH})\.?,?\s+(\d{{4}})\b", (3, 2, 1)),  # also
        # glued to a section's name: Africa04 November 2025
    )
    for line in lines:
        for pattern, (year, mon, day_group) in patterns:
            match = re.search(pattern, line, re.I)
            if match:
                month_text = match.group(mon)
                month_number = (int(month_text) if month_text.isdigit()
                                else MONTHS_BY_PREFIX[month_text[:3].lower()])
                try:
                    return dt.date(int(match.group(year)), month_number,
                                   int(match.group(day_group)))
                except ValueError:
                    continue
    return None


MONTHS_BY_PREFIX = {name[:3]: number for name, number in MONTHS.items()}


def find_publisher(lines: list[str]) -> str | None:
    """A known publisher named in the top lines (``Reuters|``, ``BBC News``) or a byline
    (``By The New York Times``, ``By NAME, Reuters``) or the closing note, or the news agency
    of a dateline (``KYIV, Ukraine (AP) —``), a byline (``By Reuters``) or a credit (``reports
    the AP``), a staff line (``Washington Post Foreign Service``); else the one a closing
    credit names (see ``CREDITS``)."""
    for line in lines[:12] + lines[-6:]:
        for publisher in KNOWN_PUBLISHERS:
            name = r"(?i:(?:the\s+)?" + re.escape(publisher.removeprefix("The ")) + ")"  # also
            # as a byline shouts it: 'By LOS ANGELES TIMES'
            if re.search(rf"^(?:[^|]{{0,40}}\|\s*)?(?:(?i:by)\s+|From\s+(?:the\s+)?)?\(?{name}"
                         r"\)?(?i:\s+news(?:\s+service)?)?\.?\s*(?:\||•|\(|$|is an?\b)", line) \
                    or re.search(rf"^(?:[^|]{{0,40}}\|\s*)?By\s+[^•]{{2,80}}?(?:,|\||•|\s)\s*"
                                 rf"{name}\.?\s*(?:\||•|$)", line) \
                    or re.search(rf"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){{1,2}},?\s+{name}$",
                                 line):  # 'Reuters |', 'BBC News', 'By NAME, The New York
                return publisher  # Times', 'NAME NAME Associated Press'
    staff = next((m for m in map(STAFF_LINE.match, lines[:12]) if m), None)
    if staff:
        outlet = staff.group("outlet") or staff.group("desk")
        return next((p for p in KNOWN_PUBLISHERS if p in (outlet, f"The {outlet}")), outlet)
    for line in lines[:12] + lines[-6:]:
        for pattern in AGENCY_LINE:
            match = pattern.search(line)
            if match:
                return name_agency(match.group("agency"))
    closing = CLOSING_AGENCY.search(lines[-1]) if lines else None
    if closing:
        return name_agency(closing.group("agency"))
    return find_credit(lines[:3] + lines[-6:])


def find_credit(lines: list[str]) -> str | None:
    """The publisher a closing credit, a reprint note or the writer's note names."""
    for line in lines:
        for pattern in CREDITS:
            match = pattern.search(line.strip())
            if match:
                agency = match.groupdict().get("agency")
                if agency:
                    return name_agency(agency)
                outlet = match.group("outlet").rstrip(".")
                shouted = outlet.isupper() and (" " in outlet or len(outlet) > 6)  # 'NEWS
                # SERVICE', 'BORKENA'; not 'WND', 'KDRTV'
                return outlet.title() if shouted else outlet
    return None


STAFF_LINE = re.compile(r"^(?P<outlet>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){1,4})\s+"
                        r"(?:Foreign|Staff|Special|Regional)\s+(?:Service|Writers?|"
                        r"Correspondents?|Reporters?)$|^(?P<desk>[A-Z][\w&'’-]*"
                        r"(?:\s+[A-Z][\w&'’-]*){0,3})\s+(?:Newsroom|News Desk)$")
"""A line under the byline that names the paper by its staff: 'Washington Post Foreign
Service', 'Los Angeles Times Staff Writer' (a paper of one word, 'Times Staff Writer', is too
little to name it), or its desk: 'OrlaNet Newsroom'."""
BYLINE = re.compile(r"^(?:[^|]{0,40}\|\s*)?By\s+(?P<name>(?!Staff\b|From\b)[A-Z][\w'’.-]+"
                    rf"(?:\s+{NAME_WORD}){{1,4}})"
                    r"(?:\s*(?:,|\||\band\b).*)?$"
                    r"|^[^|]{0,40}\|\s*(?P<shouted>[A-Z]{2,}(?:\s+[A-Z.]+){1,3}(?:\s+and\s+[A-Z]{2,}"
                    r"(?:\s+[A-Z.]+){1,3})?)\s*\|\s*[\w ]*(?:Staff|Writers?|Correspondents?)\b")
"""A byline: 'By Paul de la Garza, Tribune Staff Writer', 'June 1, 1999|By Ivo Brand', or an
archive's shouted names before the staff line, 'May 18, 1987|IVO BRAND and ALEK VARN | Times
Staff Writers'."""
NAME_LINE = re.compile(r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})$")
NO_WRITER = re.compile(rf"\b(?:{AGENCY}|Staff|Reporter|Correspondent|News|Times|Post|Agency)\b")
"""Words of a byline that name no person: 'By Reuters', 'By Staff Reporter'."""


def find_writer(lines: list[str]) -> str | None:
    """The writer a byline names, 'By John Ward Anderson', or a name alone on the line before
    the date; None where the byline names no person ('By Staff Reporter', 'By Reuters')."""
    for at, line in enumerate(lines[:8]):
        dated_next = at + 1 < len(lines) and len(lines[at + 1].split()) <= 8 \
            and find_date([lines[at + 1]]) is not None  # a date line of its own
        match = BYLINE.match(line) or (NAME_LINE.match(line) if dated_next else None)
        if match and match.groupdict().get("shouted"):
            return match.group("shouted").title().replace(" And ", " and ")  # 'May 18,
            # 1987|RUDY ABRAMSON and DON IRWIN | Times Staff Writers'
        if match and not NO_WRITER.search(match.group("name")):
            return match.group("name")
    return None

