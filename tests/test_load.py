"""The loader: every kind of bad input gives its exact, located message."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.document import format_path
from briefgen.errors import ValidationError
from briefgen.load import load_brief
from conftest import BRIEFS, DATA
from test_analysis import WARNINGS

INVALID = DATA / "invalid"

EXPECTED = {
    "three-mistakes-in-one-file.yaml": [
        "12:17: incident.date.start: expected a valid date (YYYY-MM-DD), found '2017-13-07' "
        "(First day the incident may have happened on)",
        "37:12: claims[0].quote: quote not found verbatim in the seed text of source 'reuters' "
        '(nearest in the seed: "We hold the American army responsible for this [act→attack]"; '
        "copy the words exactly from the article; mark your own cuts with […], each within one "
        "paragraph and 300 characters of the last)",
        "43:12: claims[1].actor: unknown actor 'coalitoin' (did you mean 'coalition'?)",
    ],
    "hint-from-a-docstring.yaml": [
        "13:17: incident.place.name: expected text, found a list (Where it happened, as the "
        "sources name it (east of al-Tanf))",
    ],
    "required-key-misspelt.yaml": [
        "10:7: bulf: unknown field 'bulf' (did you mean 'bluf'?)",
    ],
    "claim-kind-misspelt.yaml": [
        "34:11: claims[0].kind: 'acuses' is not one of: 'accuses', 'denies', "
        "'claims-responsibility', 'declines-comment', 'finds', 'reports' or 'assesses' (did you "
        "mean 'accuses'?)",
    ],
    "claim-dated-before-the-incident.yaml": [
        "35:11: claims[0].date: 2017-08-06 is before the incident's start, 2017-08-07 (a claim "
        "about the incident is made on or after it)",
    ],
    "claim-dated-after-its-source.yaml": [
        "35:11: claims[0].date: 2017-08-10 is after its sources were published (the latest on "
        "2017-08-08) (a source reports a claim made on or before its own date)",
    ],
    "source-dated-after-the-revision.yaml": [
        "28:11: sources[0].date: 2026-12-01 is after the current revision's date, 2026-11-21 (a "
        "brief cannot cite what was published after it; check the date, or add a revision)",
    ],
    "incident-starts-after-its-source.yaml": [
        "12:17: incident.date.start: the incident starts on 2017-08-09, after source 'reuters' "
        "was published on 2017-08-08 (an article cannot report what had not happened; check both "
        "dates)",
    ],
    "figure-at-least-with-a-max.yaml": [
        "41:30: claims[0].casualties.killed.max: 'at least 19' reads as at least 19, with no "
        "upper figure, but max is 30 (remove max:)",
    ],
    "figure-more-than-read-as-its-number.yaml": [
        "41:21: claims[0].casualties.killed.min: 'more than 40' reads as at least 41, but min is "
        "40 (set min: 41)",
    ],
    "figure-min-not-as-its-words-read.yaml": [
        "41:21: claims[0].casualties.killed.min: 'a hundred martyrs' reads as 100, but min is 70 "
        "(set min: 100)",
    ],
    "figure-text-not-in-summary.yaml": [
        "41:40: claims[0].casualties.killed.text: 'thirty-six' is not in the claim's quote or "
        "summary (give the words of the quote or summary that state the figure, exactly)",
    ],
    "quote-cut-across-paragraphs.yaml": [
        "37:12: claims[0].quote: quote not found verbatim in the seed text of source 'reuters' "
        '(nearest in the seed: "We hold the American army responsible [for this act the militia '
        'said→which is attacking Islamic State militants]"; copy the words exactly from the '
        "article; mark your own cuts with […], each within one paragraph and 300 characters of "
        "the last)",
    ],
    "quote-cut-pieces-reordered.yaml": [
        "37:12: claims[0].quote: quote not found verbatim in the seed text of source 'reuters' "
        '(nearest in the seed: "[→responsible for this act] We hold the American army '
        '[responsible for this act→]"; copy the words exactly from the article; mark your own '
        "cuts with […], each within one paragraph and 300 characters of the last)",
    ],
    "quote-of-cuts-alone.yaml": [
        '37:12: claims[0].quote: the quote is only cuts (quote the words the source gives)',
    ],
    "quote-cut-piece-too-short.yaml": [
        "37:12: claims[0].quote: the piece 'act' between cuts is too short (each piece holds at "
        "least 2 words and 8 characters; quote more of the sentence, or cut less)",
    ],
    "handling-lowered-without-reason.yaml": [
        "5:11: handling: TLP:CLEAR is lower than TLP:AMBER, the marking of revision 1 (say why "
        "in the current revision's handling_reason, or keep TLP:AMBER)",
    ],
    "revision-and-revisions-both-given.yaml": [
        "7:3: revision: both revision: and revisions: are given (move this revision into the "
        "revisions: list, in the order of its number)",
    ],
    "revision-dated-before-the-last.yaml": [
        "13:11: revisions[1].date: 2026-11-20 is before the date of revision 1, 2026-11-21 (a "
        "revision is never dated before the one it follows)",
    ],
    "revision-number-skips.yaml": [
        "12:13: revisions[1].number: revision 3 follows revision 1 (number it 2: each "
        "revision's number is one more than the last's)",
    ],
    "revisions-missing.yaml": [
        "2:1: $: required field 'revisions' is missing (add revisions:, every revision "
        "oldest first, each with number, date, authors and changes)",
    ],
    "anchor-and-alias.yaml": [
        "19:11: $: YAML anchor 'kind' is not allowed (write the value out in full)",
        "22:11: $: YAML alias 'kind' is not allowed (write the value out in full)",
    ],
    "casualty-min-greater-than-max.yaml": [
        "41:21: claims[0].casualties.killed.min: min 40 is greater than max 36 (min is the "
        "lowest number the claim supports)",
        "41:21: claims[0].casualties.killed.min: '36' reads as 36, but min is 40 (set min: 36)",
    ],
    "comparison-names-unknown-incident.yaml": [
        "7:13: incidents[0]: no incident file tests/data/invalid/minimal.yaml "
        "(give the id of a file beside this one)",
        "7:22: incidents[1]: no incident file tests/data/invalid/2017-08-al-tanf.yaml "
        "(give the id of a file beside this one)",
    ],
    "confidence-not-icd203.yaml": [
        "51:17: judgments[0].confidence: 'medium' is not one of: 'low', 'moderate' or 'high' "
        "(use one of the words exactly as listed)",
    ],
    "control-character.yaml": [
        "53:23: $: control character U+0007 is not allowed "
        "(delete it; it is invisible in most editors)",
    ],
    "duplicate-id.yaml": [
        "42:9: claims[1].id: duplicate id 'kss-accuses' "
        "(first used on line 32; ids must be unique within claims)",
        "52:29: judgments[0].rests_on[1]: unknown claim 'coalition-denies' "
        "(known claims: kss-accuses)",
    ],
    "duplicate-key.yaml": [
        "4:1: title: duplicate key 'title' (first given on line 3; keep one)",
    ],
    "id-not-lowercase-slug.yaml": [
        "2:5: id: 'Al_Tanf 2017' is not a valid id "
        "(use lower-case letters, digits and single hyphens, e.g. al-tanf-2017)",
    ],
    "likelihood-not-icd203.yaml": [
        "50:17: judgments[0].likelihood: 'probably' is not one of: 'almost no chance', "
        "'very unlikely', 'unlikely', 'roughly even chance', 'likely', 'very likely' or "
        "'almost certain' (use one of the words exactly as listed)",
    ],
    "missing-required-field.yaml": [
        "1:1: bluf: required field 'bluf' is missing (add bluf:)",
    ],
    "quote-not-in-seed.yaml": [
        "37:12: claims[0].quote: quote not found verbatim in the seed text of source 'reuters' "
        '(nearest in the seed: "We hold the American army responsible for this [act→attack]"; '
        "copy the words exactly from the article; mark your own cuts with […], each within one "
        "paragraph and 300 characters of the last)",
    ],
    "seed-file-missing.yaml": [
        "25:11: sources[0].seed: seed file '001-reuters-us-denies-bombing.txt' not found in "
        "seeds (did you mean '001-reuters-us-denies-bombing-iraqi-shiite-militia.txt'?)",
    ],
    "todo-left-in-draft.yaml": [
        "56:11: implications[0].text: still to fill in: TODO what it means "
        "(One implication, in Markdown)",
    ],
    "unknown-actor-reference.yaml": [
        "43:12: claims[1].actor: unknown actor 'coalitoin' (did you mean 'coalition'?)",
    ],
    "unknown-claim-reference.yaml": [
        "52:29: judgments[0].rests_on[1]: unknown claim 'us-denies' "
        "(known claims: kss-accuses, coalition-denies)",
    ],
    "unknown-key.yaml": [
        "16:18: incident.strike_stauts: unknown field 'strike_stauts' "
        "(did you mean 'strike_status'?)",
    ],
    "unknown-source-reference.yaml": [
        "38:15: claims[0].sources[0]: unknown source 'reuter' (did you mean 'reuters'?)",
    ],
    "wrong-type.yaml": [
        "39:18: claims[0].credibility: expected a whole number, found 'high' "
        "(Admiralty-code credibility of the claim, 1 (confirmed) to 6 (cannot be judged))",
    ],
    "type-error-hides-no-other-problem.yaml": [
        "13:17: incident.date.start: the incident starts on 2017-08-09, after source 'reuters' "
        "was published on 2017-08-08 (an article cannot report what had not happened; check both "
        "dates)",
        "39:12: claims[0].quote: quote not found verbatim in the seed text of source 'reuters' "
        '(nearest in the seed: "We hold the American army responsible for this [act→attack]"; '
        "copy the words exactly from the article; mark your own cuts with […], each within one "
        "paragraph and 300 characters of the last)",
        "41:18: claims[0].credibility: expected a whole number, found 'high' (Admiralty-code "
        "credibility of the claim, 1 (confirmed) to 6 (cannot be judged))",
        "43:21: claims[0].casualties.killed.min: 'a hundred' reads as 100, but min is 70 (set "
        "min: 100)",
        "45:12: claims[1].actor: unknown actor 'coalitoin' (did you mean 'coalition'?)",
    ],
    "claims-not-a-list.yaml": [
        "34:3: claims: expected a list, found a mapping (The competing claims, each carried by "
        "one or more sources)",
    ],
    "items-of-the-wrong-type.yaml": [
        "19:5: actors[0]: expected a mapping of fields, found a list (Everyone who acts or speaks "
        "in the brief)",
        "41:14: claims[0].sources: expected a list, found a mapping (Ids of the sources that "
        "carry the claim)",
        "46:12: claims[1].actor: unknown actor 'coalitoin' (did you mean 'coalition'?)",
    ],
    "duplicate-key-and-missing-field.yaml": [
        "2:1: bluf: required field 'bluf' is missing (add bluf:)",
        "5:1: title: duplicate key 'title' (first given on line 4; keep one)",
    ],
    "tab-in-indentation.yaml": [
        "7:1: $: YAML syntax error: a tab character here (indent with spaces; YAML allows no tabs "
        "there)",
    ],
    "comma-in-a-number-in-braces.yaml": [
        "43:46: claims[0].casualties.killed.200: key '200' is not text (inside { } a comma ends a "
        "value: if 1,200 is one value, quote it: '1,200')",
    ],
    "figure-about-with-a-higher-min.yaml": [
        "43:21: claims[0].casualties.killed.min: 'some 30' reads as about 30, but min is 300 (set "
        "min: 30 or lower)",
    ],
    "figure-nearly-with-a-higher-max.yaml": [
        "43:30: claims[0].casualties.killed.max: 'nearly 50' reads as nearly 50, but max is 55 "
        "(set max: 50 or lower)",
    ],
    "quote-cut-inside-a-word.yaml": [
        "39:12: claims[0].quote: quote not found verbatim in the seed text of source 'reuters' "
        '(nearest in the seed: "We hold the [American→Amer ican] army responsible for this act '
        '[the→]"; '
        "copy the words exactly from the article; mark your own cuts with […], each within one "
        "paragraph and 300 characters of the last)",
    ],
    "comparison-incident-after-its-revision.yaml": [
        "8:13: incidents[0]: incident 'actor-not-used' starts on 2017-08-07, after this "
        "comparison's current revision, 2017-08-01 (a comparison cannot weigh what had not "
        "happened; check the revision's date)",
        "8:29: incidents[1]: incident 'source-not-cited' starts on 2017-08-07, after this "
        "comparison's current revision, 2017-08-01 (a comparison cannot weigh what had not "
        "happened; check the revision's date)",
    ],
    "comparison-wrong-type-and-unknown-incident.yaml": [
        "8:29: incidents[1]: no incident file tests/data/invalid/actor-not-usd.yaml (did you mean "
        "'actor-not-used'?)",
        "9:10: pattern: expected text, found a list (The analyst's reading of the pattern across "
        "the incidents, in Markdown)",
    ],
    "figure-range-not-as-its-words-read.yaml": [
        "43:30: claims[0].casualties.killed.max: '15 to 20' reads as 15 to 20, but max is 18 "
        "(set max: 20)",
    ],
    "quote-punctuation-differs.yaml": [
        "39:12: claims[0].quote: quote not found verbatim in the seed text of source 'reuters' "
        '(nearest in the seed: "We hold the American army responsible for this [act,→act.]"; '
        "copy the words exactly from the article; mark your own cuts with […], each within one "
        "paragraph and 300 characters of the last)",
    ],
    "quote-cut-without-brackets.yaml": [
        "39:12: claims[0].quote: quote not found verbatim in the seed text of source 'reuters' "
        '(nearest in the seed: "We hold the American army [responsible→] for this [→act]"; an '
        "ellipsis without brackets is read as the speaker's; copy the words exactly from the "
        "article; mark your own cuts with […], each within one paragraph and 300 characters of "
        "the last)",
    ],
    "incident-ends-before-it-starts.yaml": [
        "13:34: incident.date.end: the incident ends on 2017-08-01, before it starts, on "
        "2017-08-07 (end is the last day it may have happened on; check both dates)",
    ],
    "optional-key-misspelt.yaml": [
        "39:12: claims[0].qoute: unknown field 'qoute' (did you mean 'quote'?)",
    ],
    "summary-not-text.yaml": [
        "38:14: claims[0].summary: expected text, found a list (A neutral one-sentence summary "
        "of the claim)",
    ],
    "yaml-syntax-error.yaml": [
        "4:9: $: YAML syntax error: did not find expected ',' or ']' "
        "(check indentation, colons and quotes on this line)",
    ],
    "yaml11-no-read-as-false.yaml": [
        "21:11: actors[1].name: expected text, found NO, which YAML reads as the boolean "
        "false (quote it: 'NO')",
    ],
    "yaml11-sexagesimal-number.yaml": [
        "14:15: incident.event_type: expected text, found 1:30, which YAML reads as the "
        "number 90 (quote it: '1:30')",
    ],
    "yaml11-yes-read-as-true.yaml": [
        "4:11: handling: expected 'TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT' "
        "or 'TLP:RED', found yes, which YAML reads as the boolean true (quote it: 'yes')",
    ],
}


def test_every_invalid_file_has_an_expected_message() -> None:
    assert sorted(p.name for p in INVALID.glob("*.yaml")) == sorted({**EXPECTED, **WARNINGS})


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_file_reports_located_problems(name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        load_brief(INVALID / name)
    prefix = f"tests/data/invalid/{name}:"
    assert [str(p) for p in caught.value.problems] == [prefix + line for line in EXPECTED[name]]


def test_hints_are_plain_text() -> None:
    """No message or hint carries Markdown's backticks, single or doubled."""
    assert not [line for lines in EXPECTED.values() for line in lines if "`" in line]


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.stem)
def test_curated_briefs_load(path: Path) -> None:
    brief = load_brief(path)
    assert brief.id == path.stem


def test_problems_of_all_stages_after_the_first_are_collected(tmp_path: Path) -> None:
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("confidence: low", "confidence: medium")
    text = text.replace("credibility: 3\n    casualties", "credibility: 9\n    casualties")
    bad = tmp_path / "two.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_brief(bad, DATA.parents[1] / "seeds")
    assert [p.path for p in caught.value.problems] == [
        "claims[0].credibility", "judgments[0].confidence"]


def test_empty_file_is_reported(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_brief(empty)
    assert [(p.line, p.path, p.message) for p in caught.value.problems] == [
        (1, "$", "the file is empty")]


def test_invalid_utf8_is_located(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(b"schema: 1\ntitle: caf\xe9\n")
    with pytest.raises(ValidationError) as caught:
        load_brief(bad)
    problem = caught.value.problems[0]
    assert (problem.line, problem.column, problem.message) == (2, 11, "invalid UTF-8 byte 0xe9")


def test_quote_with_an_editors_cut_matches_both_pieces(tmp_path: Path) -> None:
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8").replace(
        "quote: We hold the American army responsible for this act",
        "quote: We hold the American army […] for this act")
    path = tmp_path / "cut.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_brief(path, DATA.parents[1] / "seeds").claims[0].quote is not None


def test_format_path() -> None:
    assert format_path(()) == "$"
    assert format_path(("claims", 2, "casualties", "killed")) == "claims[2].casualties.killed"


def test_no_yaml_word_is_longer_than_the_loader_assumes() -> None:
    """The loader takes a plain scalar that starts with a letter and is longer than
    ``_LONGEST_WORD`` for text without asking YAML's resolvers: true while every word they
    know for a letter (``false``, ``NULL``) is at most that long."""
    import re

    import yaml

    from briefgen.load import _LONGEST_WORD

    words = {word
             for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
             if first and first.isalpha()
             for _, pattern in resolvers
             for word in re.findall(r"[A-Za-z]+", pattern.pattern)}
    assert "FALSE" in words
    assert max(len(word) for word in words) == _LONGEST_WORD


def test_a_history_reads_its_current_revision_last() -> None:
    brief = load_brief(DATA / "valid" / "revised.yaml")
    assert [r.number for r in brief.history] == [1, 2]
    assert (brief.revision.number, brief.revision.approved_by) == (2, "duty editor")


def test_the_earlier_single_revision_reads_as_a_history_of_one() -> None:
    brief = load_brief(DATA / "valid" / "minimal.yaml")
    assert [(r.number, r.changes) for r in brief.history] == [(1, "First issue.")]
    assert brief.revision is brief.history[0]
