"""Casualty figures a sentence gives, read from its words (our own sentences)."""

from __future__ import annotations

from typing import Any

import pytest

from briefgen.seeds import read_count
from briefgen.tolls import ACLED_VAGUE, read_figures


@pytest.mark.parametrize(("sentence", "killed", "wounded"), [
    # 'massacred' and 'the killing of' are tolls
    ("Gunmen massacred at least 31 villagers near the depot.",
     {"min": 31, "text": "at least 31"}, None),
    ("The killing of more than 40 people in Tarsk drew wide criticism.",
     {"min": 41, "text": "more than 40"}, None),
    # a toll of the injured
    ("The official toll puts the number injured at 1,500, but observers suggest more.",
     None, {"min": 1500, "max": 1500, "text": "1,500"}),
    ("The death toll rose to 12, with 30 injured.",
     {"min": 12, "max": 12, "text": "12"}, {"min": 30, "max": 30, "text": "30"}),
    # a toll followed by 'and said' is no count of speakers
    ("The group put the death toll at 20 and said dozens of others were injured.",
     {"min": 20, "max": 20, "text": "20"}, {"min": 12, "text": "dozens"}),
    ("Two officials said the bridge was closed.", None, None),
    # a headline's present tense
    ("Strike kills 12, wounds 30 in Tarsk", {"min": 12, "max": 12, "text": "12"},
     {"min": 30, "max": 30, "text": "30"}),
    ("Blast injures 40 at Tarsk market", None, {"min": 40, "max": 40, "text": "40"}),
    ("He died of his wounds in the Tarsk hospital.", None, None),
    # a toll hedged before its number
    ("He told the inquiry that the death toll was more likely 500.",
     {"min": 500, "max": 500, "text": "500"}, None),
    # a low end and a possible high end
    ("Officials said at least 35 people, possibly as many as 55, were killed.",
     {"min": 35, "max": 55, "text": "at least 35 people, possibly as many as 55"}, None),
    # an approximate range, and the number of martyrs as a toll
    ("We have received approximately 500-600 injured until now.",
     None, {"min": 500, "max": 600, "text": "approximately 500-600"}),
    ("The number of martyrs in the streets reached 150 by the evening.",
     {"min": 150, "max": 150, "text": "150"}, None),
    # names set off by commas, then 'also were'
    ("Orla TV said two of its crew, Ilse Varn and Tomas Rinn, also were among the wounded.",
     None, {"min": 2, "max": 2, "text": "two"}),
    # a place between the count and its verb
    ("Aid workers confirmed at least 70 herders in the Tarsk district near the border with "
     "Velmar had been killed.", {"min": 70, "text": "at least 70"}, None),
    # an age between a count and its verb does not end the count's words
    ("Police said five porters and a 21-year-old nurse were injured.",
     None, {"min": 5, "max": 5, "text": "five"}),
    # things counted are not people: drones, bangs, houses
    ("The army attacked Tarsk overnight with 62 drones and eleven people were wounded.",
     None, {"min": 11, "max": 11, "text": "eleven"}),
    ("Villagers heard four loud bangs and said that one person was wounded.",
     None, {"min": 1, "max": 1, "text": "one"}),
    ("Nine people were killed and more than 700 houses were burned down.",
     {"min": 9, "max": 9, "text": "Nine"}, None),
    # a part of the toll set off by commas is not the toll
    ("Up to 22 civilians, 14 of them children, died in the fire.",
     {"min": 0, "max": 22, "text": "Up to 22"}, None),
    # a toll 'as of noon' stays the toll, whatever the words after it count
    ("Col. Ivo Marr said the death toll on the government side was 14 as of noon, after the "
     "remains of six missing guards were recovered.", {"min": 14, "max": 14, "text": "14"}, None),
    ("The death toll rose from 20 to 30 overnight.", {"min": 30, "max": 30, "text": "30"}, None),
    # those in hospital are the wounded
    ("So far 187 have been buried, while 77 are under admission in hospitals.", None,
     {"min": 77, "max": 77, "text": "77"}),
    # 'three men' who planted the bomb that killed one person are not its dead
    ("Locals chased three men suspected of planting the bomb, which killed one person and "
     "wounded over a dozen.", {"min": 1, "max": 1, "text": "one"},
     {"min": 13, "text": "over a dozen"}),
    # a headline's 'die'
    ("38 die in Tarsk army attack", {"min": 38, "max": 38, "text": "38"}, None),
    # the toll it was revised down from is not the toll
    ("The board said three players were killed, revising down an earlier toll of eight.",
     {"min": 3, "max": 3, "text": "three"}, None),
    # 'higher than' is 'more than'
    ("A local site said the toll was higher than 30.", {"min": 31, "text": "higher than 30"},
     None),
    # 'the casualty figure was N'; 'the slaughter of'
    ("The Tarsk army insisted the casualty figure was 18.", {"min": 18, "max": 18, "text": "18"},
     None),
    ("Rebels were responsible for the slaughter of at least nine civilians.",
     {"min": 9, "text": "at least nine"}, None),
    # killed 'to death', after a list of verbs or of nouns
    ("The elder said 166 men, women and children were shot, hacked and beaten to death.",
     {"min": 166, "max": 166, "text": "166"}, None),
    ("Two guards seized by a crowd in the market have been knifed and beaten to death.",
     {"min": 2, "max": 2, "text": "Two"}, None),
    ("Three farmers were stabbed to death.", {"min": 3, "max": 3, "text": "Three"}, None),
    # executed, beheaded; victims counted right after their number, not a part of them
    ("Gunmen tortured and beheaded at least 28 villagers.", {"min": 28, "text": "at least 28"},
     None),
    ("A video shows a dozen people lined up against a wall and executed.",
     {"min": 12, "max": 12, "text": "a dozen"}, None),
    ("The prosecutor's office reported 51 victims.", {"min": 51, "max": 51, "text": "51"}, None),
    ("Eight of the victims were farmers.", None, None),
    ("The mayor said 25 victims were wounded in the blast.", None,
     {"min": 25, "max": 25, "text": "25"}),  # victims who were wounded
    ("Doctors said they treated 30 victims of the blast.", None, None),
    ("Troops retook 12 villages in an operation executed overnight.", None, None),
    ("Gunmen slaughtered 200 sheep in the raid.", None, None),  # animals are no toll
    ("Around 30 people were slaughtered, including women and children.",
     {"min": 30, "max": 30, "text": "Around 30"}, None),
    ("Relatives of 17 aid workers found executed blamed the army.",
     {"min": 17, "max": 17, "text": "17"}, None),
    # 'put the death toll at a much lower 50'; 'the number of villagers massacred rose to
    # 160'; ages as a range ('all 60 to 85 years old') are no toll
    ("A local official put the death toll at a much lower 50.", {"min": 50, "max": 50,
                                                                 "text": "50"}, None),
    ("The number of villagers massacred in Tarsk rose to 160 on Wednesday.",
     {"min": 160, "max": 160, "text": "160"}, None),
    ("A rights group said 12 farmers, all 60 to 85 years old, were slain in Tarsk.",
     {"min": 12, "max": 12, "text": "12"}, None),
    # the 'one' who speaks is no one's toll
    ("\u201cMany people were killed,\u201d said one who spoke on condition of anonymity.", None,
     None),
])
def test_the_figures_a_sentence_gives(sentence: str, killed: dict[str, Any] | None,
                                      wounded: dict[str, Any] | None) -> None:
    figures = read_figures(sentence)
    assert (figures.killed, figures.wounded) == (killed, wounded)


@pytest.mark.parametrize(("sentence", "more"), [
    # 'a further N' adds a group of the same kind, unless its own words say otherwise
    ("Officials said 17 people were killed on Monday, and a further four on Tuesday.", ["four"]),
    ("He said two were among the dead, and that a further five were in a critical condition.",
     []),
    ("The toll rose to 66 with another 76 soldiers missing.", []),
    # the earlier count a risen toll was up from
    ("State media said the toll had risen to nine, up from the initially reported seven.",
     ["seven"]),
    # a comma, then 'with' the dead of another group
    ("A Tarsk army statement put the number of deaths at four, with 60 rebels killed.", ["60"]),
    ("Nine soldiers were killed, with 12 rebels dead.", ["12"]),
    ("The toll rose to 12, with 30 injured.", []),
    # the toll a later one revised, and the dead a side claims beside its own
    ("The board said three players were killed, revising down an earlier toll of eight.",
     ["eight"]),
    ("The rebels, who said 26 of their fighters were killed, on Monday claimed they killed 159 "
     "soldiers.", ["159"]),
])
def test_a_further_count_is_another_group_of_the_dead(sentence: str, more: list[str]) -> None:
    assert [count.figure["text"] for count in read_figures(sentence).more] == more


@pytest.mark.parametrize("word", sorted(w for w, low in ACLED_VAGUE.items() if low < 1000))
def test_a_drafted_vague_figure_is_what_validate_reads(word: str) -> None:
    """The draft's min for 'scores of people were killed' is the low that validate reads in
    the same words, so a draft never starts with a figure that review warns of."""
    figures = read_figures(f"{word.capitalize()} of people were killed in the raid.")
    reading = read_count(word)
    assert figures.killed is not None and reading is not None
    assert (figures.killed["min"], figures.killed["text"]) == (reading.min, word.capitalize())
