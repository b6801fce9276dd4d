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
])
def test_the_publisher_a_line_names(line: str, publisher: str) -> None:
    assert find_publisher([line]) == publisher


@pytest.mark.parametrize(("line", "date"), [
    ("12.05.2019, Brena.", dt.date(2019, 5, 12)),
    ("NewsOctober 13, 2001", dt.date(2001, 10, 13)),  # glued to the section's name
    ("Updated August 8, 2017", dt.date(2017, 8, 8)),
])
def test_the_date_a_line_gives(line: str, date: dt.date) -> None:
    assert find_date([line]) == date


def test_a_word_that_begins_like_a_month_gives_no_date() -> None:
    assert find_date(["Mayor 3, 2001 votes were cast"]) is None
