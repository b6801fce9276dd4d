"""Who a sentence names as speaking, and which of those words are the speaker's name (our own
sentences)."""

from __future__ import annotations

import pytest

from briefgen.attribution import clean_phrase, find_attribution_form


@pytest.mark.parametrize(("sentence", "who"), [
    # why a speaker is not named is not part of the name
    ("A farmer who spoke on condition of anonymity for fear of reprisals, said only families "
     "were there.", "A farmer"),
    # the other side of ', while'
    ("A local teacher told the Lantern that 14 were killed, while local volunteers said nearly "
     "50 were killed.", "A local teacher"),
    # unnamed reports
    ("The strikes came days after reports that 12 people had been killed.", "reports"),
    # 'according to X, deaths which ...': the clause after the comma is not X's name
    ("Up to 22 civilians died, according to the United Nations, deaths which the opposition "
     "blamed on the army.", "the United Nations"),
    # 'placed the death toll at', but not 'placed the blame on'
    ("Security sources placed the death toll at 101.", "Security sources"),
    # a toll that puts the number at
    ("The official toll puts the number injured at 1,500.", "The official toll"),
    # present-tense reports, informs, claims
    ("The Interior Ministry reports that at least 27 people died.", "The Interior Ministry"),
    ("Brena Republic informs that 120 soldiers were killed.", "Brena Republic"),
    ("The valley army claims they have killed 45 fighters.", "The valley army"),
    # 'disputed' after an article is a word of the speaker's name, not their verb
    ("The director of a hospital in a disputed city says at least 145 people have been killed.",
     "The director of a hospital in a disputed city"),
    # an adjective's claims
    ("The visit turned up no proof of Velmari claims that more than 2,000 people died.",
     "Velmari"),
    # 'As of Sunday,' opens the sentence, not the speaker's name
    ("As of Sunday, Tarsk Regional Hospital had confirmed the deaths of 40 people.",
     "Tarsk Regional Hospital"),
    # a relative clause with no commas between the speaker and the verb
    ("Journalists who walked some 10 miles to reach the town said they saw 42 wounded.",
     "Journalists"),
    # threatened, vowed
    ("Following the strike, Prime Minister Ilse Varn threatened in a post to make Velmar pay.",
     "Prime Minister Ilse Varn"),
    # 'went on to say'
    ("The Brena statement went on to say that the strike had been legitimate.",
     "The Brena statement"),
    # 'came after X said'
    ("The announcement came after Velmar said 19 fighters had been killed.", "Velmar"),
    # verbs that give a figure without saying: indicated, concluded, mention, listed, tell X
    # that, claims N
    ("A spokesman for the Brena Front subsequently indicated that one fighter was killed.",
     "A spokesman for the Brena Front"),
    ("Investigators from the Velmar commission concluded that more than 50 people were killed.",
     "Investigators from the Velmar commission"),
    ("Local sources mention at least 30 villagers killed.", "Local sources"),
    ("Initial reports listed three civilians killed.", "Initial reports"),
    ("Villagers tell Orla Radio that 40 civilians died in the bombing.", "Villagers"),
    ("Tarsk Front claims 18 killed by the army", "Tarsk Front"),
    ("The strikes hit the market, with some sources indicating that nine people were killed.",
     "some sources"),
    # one subject that acts and speaks: '... and said', '... took ... and claimed'
    ("Velmar launched a missile attack on Tarsk, the northern oil town, and said 75 people "
     "had been killed.", "Velmar"),
    ("The Orsk Group, a wing of the Front, took responsibility in a telephone call and "
     "claimed 25 soldiers had died.", "The Orsk Group, a wing of the Front,"),
    # a toll lowered or raised; an aside that measures a distance; ', reports X.'
    ("The Velmar defence ministry Wednesday lowered the toll in the attack from 89 to 42.",
     "The Velmar defence ministry Wednesday"),
    ("Residents of Tarsk, about 80 miles north of Orsk, contested the army's account, saying "
     "that 15 people were killed.", "Residents of Tarsk, about 80 miles north of Orsk,"),
    ("Velmar calls the killing of 8 members of one family a tragic mistake, reports Orla Radio.",
     "Orla Radio"),
    # a place and a day before the speaker are no part of the name
    ("Almost 28 people died in a strike on a camp, near the Brena border on Thursday, the "
     "monitoring group Orla Watch reported.", "the monitoring group Orla Watch"),
    # 'even as' opens the clause, not the speaker's name
    ("Velmar has more than halved its toll, even as local leaders insisted that close to 100 "
     "were killed.", "local leaders"),
    # what the soldiers did is no name of the one who tells of it
    ("Soldiers then shot dead a further seven people, police officer Ivo Brand told Orla Radio.",
     "police officer Ivo Brand"),
    ("“They called the farmers together and killed them all,” testified former soldier Ivo "
     "Marr.", "former soldier Ivo Marr"),
    # a plural subject's present tense: dispute, deny
    ("The victims' relatives dispute the toll given by the army and said 400 were killed.",
     "The victims' relatives"),
    # a clause of the dead before ', police said' is no part of the name
    ("One guard was killed at the gate, and the others died in hospital, police said.",
     "police"),
    # 'according to' is no speaker that 'announced' follows
    ("Nine were killed, according to a new toll announced Tuesday by the governor.",
     "a new toll announced Tuesday by the governor"),
    # an aside set off by a pair of dashes
    ("A local news site -- which moved abroad after its editor was arrested -- said 30 died.",
     "A local news site"),
    ("The Tarsk council — its chair was shot dead in May — says nine were killed.",
     "The Tarsk council"),
    # 'put' the toll, not what put the group on the defensive
    ("A government offensive last year put the group on the defensive.", None),
    ("The ministry put the toll at 12.", "The ministry"),
    # an article before an adjective that reads as a verb of saying names no one
    ("An alleged Tarsk Army massacre of 68 civilians drew protests.", None),
    ("The reported strikes came after seven soldiers were killed.", None),
    ("However, as the Tarsk Army denies involvement, 28 people have been confirmed injured.",
     "the Tarsk Army"),
    # figures released this week by X: X's
    ("Statistics released this week by the Tarsk government said 68 civilians were killed.",
     "Statistics released this week by the Tarsk government"),
    ("Other Tarsk officials provided lower initial figures saying at least nine were killed.",
     "Other Tarsk officials"),
    ("Local monitors interviewed survivors and estimated the death toll to be 1,300.",
     "Local monitors"),
    ("Initial reports spoke of 18 bodies, which was later revised down to 14.", "Initial reports"),
    ("Witnesses spoke of a drone over the village.", None),
    # an adverb of habit between the subject and its verb is no part of the name
    ("Tarsk Armed Forces frequently deny killing civilians in the raids.", "Tarsk Armed Forces"),
    # the words of a quotation are what is said, not who says it
    ("“They came at night and made the men say where the fighters hid,” testified Ilan Varo, "
     "a former soldier.", "Ilan Varo, a former soldier"),
    ("“Witness accounts say the gunmen blamed the village for hiding fighters,” said Mira Tal.",
     "Mira Tal"),
    # an aside with no speaker in it leaves the name before it, and an adverb is no name
    ("Velmar, which had first denied any raid in the area, now says a joint force carried out "
     "the strike.", "Velmar"),
    # an age before a name; 'tallied'; 'revised that ... to N'; a participle's clause before
    # the speaker
    ("After the blast, 55-year-old Pell Aron said he counted at least 13 people dead.",
     "55-year-old Pell Aron"),
    ("Army spokesman Col. Ivo Marr tallied 17 dead as of noon.", "Army spokesman Col. Ivo Marr"),
    ("The governor revised that late in the afternoon to 20, with 81 wounded.", "The governor"),
    ("In its latest toll, released late on Wednesday, the Tarsk Doctors Committee said 108 "
     "people were killed.", "the Tarsk Doctors Committee"),
    # 'called a news conference ... to say'
    ("Community leader Ivo Marr called a news conference in Sarn to say he had documented at "
     "least 38 deaths.", "Community leader Ivo Marr"),
    # a name, two asides and an adverb; a long name's possessive tally; but a clause set off
    # by commas before the verb is no aside of a name
    ("Marr, a member of the Tarsk assembly, the valley's largest party, tearfully described "
     "the barn.", "Marr, a member of the Tarsk assembly, the valley's largest party,"),
    ("The Sarn Observatory for Human Rights' tally of 40 dead is higher.",
     "The Sarn Observatory for Human Rights"),
    ("Two blasts rocked a mosque in Sarn, killing at least 25 people and injuring scores of "
     "others, officials said.", "officials"),
    # the subject of a passive is no speaker; 'maintained that'; a title written 'Supt.'
    ("\u201cSo far, the death toll is estimated at 40 civilians,\u201d the Sarn Relief "
     "Committee said.", "the Sarn Relief Committee"),
    ("It maintained that the army remains committed to the valley.", "It"),
    ("Senior Supt. Ivo Marr, the district police chief, said they checked the victims.",
     "Senior Supt. Ivo Marr, the district police chief,"),
    # a long 'according to', and a second clause after it that names another source
    ("Most of the eight people who died were killed by others, according to the federal "
     "commissioner charged with bringing order to the troubled western state of Tarsk, Sarn "
     "Press reports quoting Associated Press.", "the federal commissioner charged with "
     "bringing order to the troubled western state of Tarsk"),
    # reports that suggest a count, after 'In the meantime'
    ("In the meantime some reports suggest as many as 100 people were killed.",
     "In the meantime some reports"),
    # but one that holds a figure may name its source
    ("“Local leaders told the mission that 24 people are lying dead,” he continued.",
     "Local leaders"),
])
def test_the_speaker_a_sentence_names(sentence: str, who: str | None) -> None:
    found = find_attribution_form(sentence)
    assert (found[0] if found else None) == who


@pytest.mark.parametrize(("phrase", "name"), [
    ("Another official in Khost on condition of anonymity", "Another official in Khost"),
    ("Afghan Information Ministry spokesperson, wishing not to be named",
     "Afghan Information Ministry spokesperson"),
    ("Houthi-controlled media, on the other hand", "Houthi-controlled media"),
    ("Iris Marín in her message, without providing details", "Iris Marín"),
    ("the ministry in a statement", "the ministry"),
    ("The valley army in a Thursday statement", "The valley army"),
    ("the valley's army yesterday", "the valley's army"),
    # a section's heading in capitals glued to the sentence, and the adverb after it
    ("FIGHTING IN TARSK Elsewhere, medical sources", "medical sources"),
    ("UN Secretary-General Ilse Varn", "UN Secretary-General Ilse Varn"),
    ("President Ilse Varn, returning early from Tarsk", "President Ilse Varn"),
    # the one who gave a toll or a report
    ("a new toll announced Tuesday by the governor of the Nord region",
     "the governor of the Nord region"),
    ("A first report given Sunday by three farmers", "three farmers"),
    ("the provisional toll released by the Red Cross", "Red Cross"),
    ("Statistics released this week by the Tarsk government", "Tarsk government"),
    ("In the meantime some reports", "some reports"),
    # a clause after the name; 'was quoted as saying'
    ("Ilse Varn, the deputy governor of Tarsk, was", "Ilse Varn, the deputy governor of Tarsk"),
    ("hospital director Dr. Ilse Varn after the building took three hits",
     "hospital director Dr. Ilse Varn"),
])
def test_what_is_not_the_speakers_name_is_left_out(phrase: str, name: str) -> None:
    assert clean_phrase(phrase) == name


@pytest.mark.parametrize("sentence", [
    "We strongly deny that this strike in Tarsk is ours.",
    "I reject that account of the shelling.",
])
def test_who_speaks_in_the_first_person_is_no_name(sentence: str) -> None:
    assert find_attribution_form(sentence) is None


@pytest.mark.parametrize("sentence", [
    "At least 60 others were wounded, most of them described as recruits.",
    "Nine were killed, some of them said to be children.",
])
def test_a_part_of_those_counted_is_no_speaker(sentence: str) -> None:
    assert find_attribution_form(sentence) is None


def test_alleged_to_be_is_no_speech() -> None:
    sentence = ("The discovery of eight corpses, alleged to be civilians killed by soldiers, "
                "sent tensions soaring in Tarsk.")
    assert find_attribution_form(sentence) is None


def test_us_officials_are_no_first_person() -> None:
    assert find_attribution_form("US officials deny that seven were killed.") == (
        "US officials", 1)


def test_a_phrase_cut_before_its_noun_is_no_speaker() -> None:
    """'the director of a hospital in a': words that end on an article are a clause's."""
    from briefgen.attribution import CLAUSE

    assert CLAUSE.search("the director of a hospital in a")
    assert not CLAUSE.search("the director of a hospital")


def test_a_name_with_a_title_of_an_organisation_names_a_person() -> None:
    """'NAME, a Red Cross representative in the city': one person, for a 'he said' after."""
    from briefgen.attribution import is_person, split_phrase

    phrase = "Ilse Varn, a Red Cross representative in the city"
    assert is_person(phrase, split_phrase(phrase)[0])
    assert not is_person("Halden Watch, a rights group", "Halden Watch")
    # 'official' before an agency's name is no official; before a person's name it is a title
    assert not is_person("Velmar's official Orla News Agency", "")
    assert is_person("police official Ilse Varn", split_phrase("police official Ilse Varn")[0])


@pytest.mark.parametrize("phrase", ["a diplomat who follows the war closely",
                                    "a trader at the market", "a cameraman for Orla Radio"])
def test_a_phrase_headed_by_a_person_s_calling_names_one_person(phrase: str) -> None:
    from briefgen.attribution import is_person

    assert is_person(phrase, "")


@pytest.mark.parametrize(("opening", "who"), [
    ("Col. Ivo Marr also apologized to the families, saying", "Col. Ivo Marr"),
    # two asides, 'was' before an adjective, and 'telling reporters:'
    ("Ivo Marr, the senior U.N. official in Tarsk, the besieged capital, was even less "
     "restrained, telling reporters:", "Ivo Marr, the senior U.N. official in Tarsk, the besieged "
     "capital"),
])
def test_the_one_who_acts_before_saying_is_the_speaker(opening: str, who: str) -> None:
    from briefgen.attribution import find_doer
    assert find_doer(opening) == who
