"""Who published an article and when, from its top lines and its closing credit (our own
lines, in the forms pages print them)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.masthead import find_date, find_publisher


@pytest.mark.parametrize(("line", "publisher"), [
    # a dateline with the outlet after the day, month first or day first
    ("VELMAR, Nov. 23 (Orla News) -- Two marines were killed.", "Orla News"),
    ("Velmar, 8 October 1999 (RFE/RL) - The ministry denied it.", "RFE/RL"),
    ("TARSK, Brena, May 3 (Onasa) - Shells fell on the market.", "Onasa"),
    # 'By OUTLET Staff', an acronym kept as printed
    ("By WND Staff", "WND"),
    # an agency's name alone as the closing line
    ("PA", "PA"),
    # a known publisher's name alone at the top
    ("Los Angeles Times", "Los Angeles Times"),
    # the agency after the day, as old wire copy prints it, and a national agency's credit
    # joined to the wire's
    ("TARSK, Sept 26, Reuter: Jets bombed a border village.", "Reuters"),
    ("NZPA-Reuter Velmar and Brena have given divergent accounts.", "Reuters"),
    ("Sapa-AFP", "AFP"),
    # a bracketed region in the dateline, a byline after the date, a city and the outlet
    ("Velmar [Brena], October 15 (ANI): At least 12 were killed.", "ANI"),
    ("March 5, 1988|By United Press International", "UPI"),
    ("TARSK (Orla24) – A senior official said.", "Orla24"),
    ("Orla Online , Tuesday 24 Feb 2015", "Orla Online"),
    ("Velmar (ORC). On 9 July the army began an offensive.", "ORC"),  # a release's dateline
    ("TARSK, Brena (AA) – At least three people were killed.", "Anadolu Agency"),
    ("(ORLATV) – Reports from Velmar say the base was hit.", "ORLATV"),
    ("TARSK – (BRENAPOST) – Ten people were killed.", "Brenapost"),
    ("From the Tarsk Daily Herald (Jun 20, 2023): Rebels blame the army", "Tarsk Daily Herald"),
    ("Velmar Courier Foreign Service", "Velmar Courier"),  # a staff line under the byline
    ("Brena Evening Times Staff Writer", "Brena Evening Times"),
    ("OrlaNet Newsroom", "OrlaNet"),  # the desk's line
    ("It added that 2,777 civilians died in 2030.-bbc", "BBC"),  # a closing credit, cased
    ("Afp May 01, 2031", "AFP"),  # as the page cases it
    ("February 18, 2031|By LOS ANGELES TIMES", "Los Angeles Times"),  # a shouted byline
    ("October 24, 2031|By Ivo Brand | Ivo Brand,LOS ANGELES TIMES", "Los Angeles Times"),
    ("[OrlaNet, Monday, 18 August 1997, 23:59 GMT]", "OrlaNet"),
    ("TARSK, Velmar, AP", "Associated Press"),  # a dateline that ends with the agency
    ("TARSK, Velmar: Reuter: Gunmen sped through three villages.", "Reuters"),  # colons
    ("Subject: AP: Witnesses recount the shelling of Tarsk", "Associated Press"),
    ("by BBC NEWS", "BBC"),
    ("June 03, 1994|By New York Times News Service.", "The New York Times"),
    ("January 04, 1988|By Ivo Brand, Chicago Tribune.", "Chicago Tribune"),
    ("Ivo Marr Reuter", "Reuters"),  # a writer's line with the agency
    ("Source: AFP", "AFP"),  # a source line, and an archive record's fields
    ("SECTION: WORLD PAGE: A-1 SOURCE: Associated Press DATELINE: TARSK", "Associated Press"),
])
def test_the_publisher_a_line_names(line: str, publisher: str) -> None:
    assert find_publisher([line]) == publisher


@pytest.mark.parametrize(("line", "date"), [
    ("12.05.2019, Brena.", dt.date(2019, 5, 12)),
    ("NewsOctober 13, 2001", dt.date(2001, 10, 13)),  # glued to the section's name
    ("Updated August 8, 2017", dt.date(2017, 8, 8)),
    ("By Orla Radio 2022.10.25 -- More than 70 people", dt.date(2022, 10, 25)),
    ("2025-10-11T21:55:15+00:00", dt.date(2025, 10, 11)),
    ("PTI | Tarsk | Updated: 30-10-2021 21:37 IST", dt.date(2021, 10, 30)),  # day first
    ("Africa04 November 2025 - 16:05", dt.date(2025, 11, 4)),  # glued to the section's name
    ("10-30-2021", None),  # no month 30: month first is not read as day first
])
def test_the_date_a_line_gives(line: str, date: dt.date | None) -> None:
    assert find_date([line]) == date


def test_words_in_parentheses_after_a_sentence_name_no_publisher() -> None:
    assert find_publisher(["The army said (in a statement) - the rest"]) is None
    assert find_publisher(["Hamas (the group). It said so."]) is None
    assert find_publisher(["Times Staff Writer"]) is None  # one word is too little a name
    assert find_publisher(["Police said so, according to the BBC."]) is None  # a source
    assert find_publisher(["Army Special Forces"]) is None
    assert find_publisher(["Tarsk, 16 April 1999"]) is None  # a town's dateline
    assert find_publisher(["Friday, 4 May 2012"]) is None  # a day's


def test_a_word_that_begins_like_a_month_gives_no_date() -> None:
    assert find_date(["Mayor 3, 2001 votes were cast"]) is None


@pytest.mark.parametrize(("lines", "writer"), [
    (["By Ilse Varn", "TARSK — Shells fell."], "Ilse Varn"),
    (["By Tomas Rinn, Herald Foreign Correspondent."], "Tomas Rinn"),
    (["Strike on Tarsk", "Ilse Varn", "Friday, July 25, 2025"], "Ilse Varn"),  # name, then date
    (["April 8, 2031|By Tomas Rinn, Foreign Correspondent"], "Tomas Rinn"),  # after the date
    (["August 01, 2031|By From Tarsk News Services."], None),
    (["By Staff Reporter"], None),
    (["By Reuters"], None),
    # a name's particles, and an archive's shouted names before its staff line
    (["December 24, 2031|By Ivo de la Marr, Herald Staff Writer."], "Ivo de la Marr"),
    (["By Nidal al-Varn"], "Nidal al-Varn"),
    (["May 18, 2031|IVO MARR and ILSE VARN | Times Staff Writers"], "Ivo Marr and Ilse Varn"),
    (["By noon, the tower had fallen."], None),
    (["Tarsk Assessment", "During the morning of Wednesday, January 8, 2025, five were killed "
      "in the village."], None),  # the line after is no date line of its own
])
def test_the_writer_a_byline_names(lines: list[str], writer: str | None) -> None:
    from briefgen.masthead import find_writer

    assert find_writer(lines) == writer


def test_a_closing_agency_credit_is_the_publisher_but_a_caption_s_is_not() -> None:
    assert find_publisher(["TARSK — Ten were killed on Monday.",
                           "The rest were freed in November. (AP)"]) == "Associated Press"
    assert find_publisher(["A man picks up his belongings from the rubble of the market that was "
                           "hit by a strike in Tarsk. July 3, 2031. (Reuters)",
                           "Ten people were killed, officials said."]) is None
