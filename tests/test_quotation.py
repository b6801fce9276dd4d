"""Quotations as pages mark them, including the marks typed wrong (our own sentences)."""

from __future__ import annotations

import pytest

from briefgen.quotation import find_quotations


@pytest.mark.parametrize(("paragraph", "quotes"), [
    # a second “ where the closing mark belongs
    ("“They had believed the shelter was safe,“ he said.",
     ["They had believed the shelter was safe"]),
    # ’’ for the closing mark
    ("“My cousin and I walked to the shelter,’’ said Tomas Verrin.",
     ["My cousin and I walked to the shelter"]),
    # single marks, as some papers quote
    ("‘All of them were farmers from the hills,’ said Ilse Varn.",
     ["All of them were farmers from the hills"]),
    # single marks inside double ones are part of the quotation
    ("“The council told us the reports were ‘simply not true at all,'” a volunteer said.",
     ["The council told us the reports were ‘simply not true at all,'"]),
    # a ‘ inside a word is an apostrophe, and opens nothing
    ("Ukraine‘s forces said: “The armed forces were not affected at all.”",
     ["The armed forces were not affected at all."]),
    # old wire copy: `` and '' open, '' closes, even when the next sentence is glued on
    ("``The bombs fell on the last trucks,'' he said.", ["The bombs fell on the last trucks"]),
    ("''It's feared there may be more dead,'' he added. ''Our suspicion is that they punish "
     "us.''Korva lies near the line.",
     ["It's feared there may be more dead", "Our suspicion is that they punish us."]),
    # a straight " that opens, a curly ” that closes, then a straight pair
    ('"The dead include shepherds and porters,” Mok said. "There were 12 children among the '
     'dead."',
     ["The dead include shepherds and porters", "There were 12 children among the dead."]),
    # `` typed to close a quotation as well as to open it
    ("Rinn charged that the council ``wants to sway the vote on the new budget.`` He left.",
     ["wants to sway the vote on the new budget."]),
    # a short quotation is not the opening of the words between it and the next
    ('The office said there had been "several" deaths and blamed "a foreign army present on '
     'our soil".', ["a foreign army present on our soil"]),
    # a word quoted inside a straight-quoted quotation
    ('"Eleven rebels were also "neutralized" and several others escaped with injuries" the '
     'colonel said.', ['Eleven rebels were also "neutralized" and several others escaped with '
                       'injuries']),
    # a quotation glued to the sentence before it
    ('A resident told a reporter."The camp has not been touched," he said.',
     ["The camp has not been touched"]),
    # a “ typed before 'said' closes the straight-quoted words before it
    ('"This is an attack on our sovereignty, “said Ilse Varn, the governor. "Such attacks '
     'cannot be tolerated any more."',
     ["This is an attack on our sovereignty", "Such attacks cannot be tolerated any more."]),
    # ″ at both ends, as some wire archives print the straight mark
    ("″I am just a poor man. I do not know why,″ he said. ″The jets came at dawn.″",
     ["I am just a poor man. I do not know why", "The jets came at dawn."]),
    # a quotation still open at the paragraph's end runs to it (a page cut mid-quote)
    ("He said “the strike hit the market and the school at once",
     ["the strike hit the market and the school at once"]),
])
def test_quotations_are_found_however_marked(paragraph: str, quotes: list[str]) -> None:
    assert [quote for _, _, quote in find_quotations(paragraph)] == quotes


@pytest.mark.parametrize(("paragraph", "quotes"), [
    ("'Everyone in the shelter was burned to death,' Ivo Brand reported.",
     ["Everyone in the shelter was burned to death"]),
    ("The agency said 'the incident was invented by foreign media and never occurred' in "
     "Tarsk.", ["the incident was invented by foreign media and never occurred"]),
    # apostrophes between letters and after a plural neither open nor close
    ("The channel's water rose and the farmers' sons fled, the villagers said.", []),
    ("The villagers' account was that 'the soldiers came at night and burned the houses' of "
     "the poor.", ["the soldiers came at night and burned the houses"]),
])
def test_single_quotes_quote_on_a_page_with_no_double_mark(paragraph: str,
                                                           quotes: list[str]) -> None:
    assert [q for _, _, q in find_quotations(paragraph, single=True)] == quotes


def test_single_quotes_are_apostrophes_where_the_page_quotes_with_doubles() -> None:
    paragraph = "'Everyone in the shelter was burned to death,' Ivo Brand reported."
    assert find_quotations(paragraph) == []
