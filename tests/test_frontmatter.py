"""An article file's front matter: what the analyst knows of the page that its text does not
print, read by the draft and left out of the quote checks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.draft import draft_incident
from briefgen.errors import ValidationError
from briefgen.frontmatter import FrontMatter, read_front_matter, strip_front_matter
from briefgen.seeds import contains_quote, read_seed
from conftest import ROOT

ARTICLE = """Missile strike kills 15 at Tarsk market

At least 15 people were killed when a missile struck the market in Tarsk on Friday.

The army denied firing the missile. "We did not fire on the market at all," said Colonel Ivo \
Brand, an army spokesman.
"""
"""Our own sentences, with no dateline, byline or credit: the page names no publisher."""

FRONT = """---
publisher: The Velmar Courier
url: https://courier.example/news/tarsk-market
date: 2031-10-13
---
"""


def test_front_matter_gives_each_field() -> None:
    assert read_front_matter(FRONT + ARTICLE, "a.txt") == FrontMatter(
        "The Velmar Courier", "https://courier.example/news/tarsk-market", dt.date(2031, 10, 13))


def test_a_date_written_as_text_is_read_as_a_date() -> None:
    front = read_front_matter("---\ndate: '2031-10-13'\n---\nBody.\n", "a.txt")
    assert front.date == dt.date(2031, 10, 13)


@pytest.mark.parametrize("text", [
    ARTICLE,  # no front matter
    "---\npublisher: The Velmar Courier\nBody that never closes the block.\n",  # never closed
    "Headline\n---\npublisher: X\n---\n",  # not at the very top
    "---\n---\nBody.\n",  # empty
])
def test_text_without_front_matter_gives_nothing(text: str) -> None:
    assert read_front_matter(text, "a.txt") == FrontMatter()


def test_stripping_keeps_the_lines_after_the_block_where_they_were() -> None:
    stripped = strip_front_matter(FRONT + ARTICLE)
    assert stripped == "\n" * 5 + ARTICLE
    assert stripped.split("\n")[5] == "Missile strike kills 15 at Tarsk market"
    assert strip_front_matter(ARTICLE) == ARTICLE


def test_every_problem_of_the_front_matter_is_reported_at_once() -> None:
    text = ("---\npublsher: The Velmar Courier\nurl: ftp://courier.example/x\n"
            "date: 13 October 2031\ntitle: [a, b]\n---\n" + ARTICLE)
    with pytest.raises(ValidationError) as caught:
        read_front_matter(text, "a.txt")
    assert str(caught.value).split("\n") == [
        "a.txt:2:1: front matter.publsher: unknown key 'publsher' (did you mean 'publisher'?)",
        "a.txt:3:1: front matter.url: expected an http or https address, found "
        "'ftp://courier.example/x' (give the page's address as the browser shows it)",
        "a.txt:4:1: front matter.date: expected a date, found '13 October 2031' (write it as "
        "YYYY-MM-DD, e.g. 2019-08-12)",
        "a.txt:5:1: front matter.title: expected text, found a list (write title: followed by "
        "its text)",
    ]


def test_a_block_that_is_not_yaml_is_an_error_where_yaml_stopped() -> None:
    with pytest.raises(ValidationError) as caught:
        read_front_matter(f'---\npublisher: "The Velmar\n---\n{ARTICLE}', "a.txt")
    message = str(caught.value)  # between ours, PyYAML's own words for what it found
    assert message.startswith("a.txt:2:23: front matter: not YAML: ")
    assert message.endswith(" (write one 'key: value' a line)")


@pytest.mark.parametrize(("block", "message"), [
    ("- The Velmar Courier", "a.txt:2:1: front matter: expected 'key: value' lines, found a "
     "list (keys: publisher, url, date, title)"),
    ("publisher:", "a.txt:2:1: front matter.publisher: expected text, found nothing (write "
     "publisher: followed by its text)"),
    # what was found, in the words the incident file's errors use
    ("date: 20310712", "a.txt:2:1: front matter.date: expected a date, found the number "
     "20310712 (write it as YYYY-MM-DD, e.g. 2019-08-12)"),
    ("publisher: yes", "a.txt:2:1: front matter.publisher: expected text, found the boolean "
     "true (write publisher: followed by its text)"),
])
def test_a_broken_block_is_an_error_at_its_place(block: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        read_front_matter(f"---\n{block}\n---\n{ARTICLE}", "a.txt")
    assert str(caught.value) == message


def test_the_draft_takes_the_publisher_the_text_does_not_name(tmp_path: Path) -> None:
    article = tmp_path / "tarsk.txt"
    article.write_text(FRONT + ARTICLE, encoding="utf-8")
    draft = draft_incident([article], "x", ROOT / "briefs", dt.date(2031, 11, 1))
    source = draft["sources"][0]
    assert (source["publisher"], source["url"], source["date"]) == (
        "The Velmar Courier", "https://courier.example/news/tarsk-market", "2031-10-13")
    assert source["title"] == "Missile strike kills 15 at Tarsk market"
    toll = next(c for c in draft["claims"] if c.get("casualties"))
    assert (toll["actor"], toll["casualties"]["killed"]["text"]) == ("velmar-courier",
                                                                    "At least 15")
    plain = tmp_path / "plain.txt"
    plain.write_text(ARTICLE, encoding="utf-8")
    draft = draft_incident([plain], "x", ROOT / "briefs", dt.date(2031, 11, 1))
    assert draft["sources"][0]["publisher"] == "TODO publisher"
    assert "url" not in draft["sources"][0]
    toll = next(c for c in draft["claims"] if c.get("casualties"))
    assert toll["actor"] == "TODO-actor"


def test_the_text_s_own_credit_outweighs_the_front_matter(tmp_path: Path) -> None:
    article = tmp_path / "tarsk.txt"
    article.write_text(FRONT + "Missile strike kills 15 at Tarsk market\n\nTARSK, Oct 12 "
                       "(Reuters) - At least 15 people were killed when a missile struck the "
                       "market in Tarsk on Friday.\n", encoding="utf-8")
    draft = draft_incident([article], "x", ROOT / "briefs", dt.date(2031, 11, 1))
    assert draft["sources"][0]["publisher"] == "Reuters"
    toll = next(c for c in draft["claims"] if c.get("casualties"))
    assert toll["actor"] == "reuters"


def test_the_draft_command_names_the_place_of_a_bad_field(tmp_path: Path) -> None:
    article = tmp_path / "tarsk.txt"
    article.write_text("---\ndate: last Friday\n---\n" + ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["draft", str(article), "-o", str(tmp_path / "d.yaml")])
    assert result.exit_code == 1
    assert result.output.endswith("tarsk.txt:2:1: front matter.date: expected a date, found "
                                  "'last Friday' (write it as YYYY-MM-DD, e.g. 2019-08-12)\n")
    assert not (tmp_path / "d.yaml").exists()


def test_quotes_are_checked_against_the_article_not_its_front_matter(tmp_path: Path) -> None:
    seed = tmp_path / "tarsk.txt"
    seed.write_text(FRONT + ARTICLE, encoding="utf-8")
    text = read_seed(seed)
    assert contains_quote(text, "We did not fire on the market at all")
    assert not contains_quote(text, "publisher: The Velmar Courier")
    assert not contains_quote(text, "The Velmar Courier")


def test_a_publisher_named_for_a_place_is_no_word_of_that_place(tmp_path: Path) -> None:
    article = tmp_path / "tarsk.txt"
    article.write_text("---\npublisher: The Washington Post\n---\n" + ARTICLE, encoding="utf-8")
    draft = draft_incident([article], "x", ROOT / "briefs", dt.date(2031, 11, 1))
    toll = next(c for c in draft["claims"] if c.get("casualties"))
    assert (toll["actor"], toll["speaker"]) == ("washington-post", "Washington Post")
    assert "united-states" not in {a["id"] for a in draft["actors"]}
