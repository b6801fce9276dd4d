"""`briefgen draft`: nothing invented, the curated quotes and figures found, rules that are
not tuned to the seeds, and a draft that validates once its TODOs are filled."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from briefgen.draft import draft_incident, measure_recall, read_article, render_draft
from briefgen.errors import ValidationError
from briefgen.load import load_brief, read_document
from briefgen.seeds import contains_quote, normalise_text
from conftest import BRIEFS, DATA, ROOT, SEEDS

UNSEEN = DATA / "articles" / "unseen-beirut-strike.txt"


def incident_seeds(path: Path) -> list[Path]:
    data = read_document(path).data
    return [ROOT / "seeds" / s["seed"] for s in data["sources"] if s.get("seed")]


def assert_nothing_invented(draft: dict[str, object], articles: list[Path]) -> None:
    texts = {a.stem: normalise_text(a.read_text(encoding="utf-8")) for a in articles}
    sources = {s["id"]: Path(s["seed"]).stem for s in draft["sources"]}  # type: ignore[index]
    for claim in draft["claims"]:  # type: ignore[attr-defined]
        source = claim.get("quote_source") or claim["sources"][0]
        text = texts[sources[source]]
        assert contains_quote(text, claim["quote"]), claim["quote"]
        for figure in (claim.get("casualties") or {}).values():
            if isinstance(figure, dict):
                assert normalise_text(figure["text"]) in normalise_text(claim["quote"])


@pytest.mark.parametrize("article", [*SEEDS, UNSEEN], ids=lambda p: p.stem[:20])
def test_every_quote_and_figure_of_a_draft_is_in_its_article(article: Path) -> None:
    assert_nothing_invented(draft_incident([article], briefs_dir=ROOT / "briefs"), [article])


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.stem)
def test_merged_draft_finds_the_curated_quotes_and_figures(path: Path) -> None:
    articles = incident_seeds(path)
    draft = draft_incident(articles, briefs_dir=ROOT / "briefs")
    assert_nothing_invented(draft, articles)
    recall = measure_recall(read_document(path).data, draft)
    assert recall.quotes_found / recall.quotes_total >= 0.9
    assert recall.figures_found / recall.figures_total >= 0.8


def test_draft_validates_but_for_its_todos(tmp_path: Path) -> None:
    articles = incident_seeds(BRIEFS[0])
    target = tmp_path / "draft.yaml"
    target.write_text(render_draft(draft_incident(articles, "draft",
                                                  ROOT / "briefs", dt.date(2026, 11, 21))),
                      encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_brief(target, ROOT / "seeds")
    messages = {p.message.split(":")[0] for p in caught.value.problems}
    assert messages == {"still to fill in"}
    todo_lines = {i + 1 for i, line in enumerate(target.read_text().splitlines())
                  if re.search(r"(?::|^\s*-)\s+['\"]?TODO", line)}
    assert {p.line for p in caught.value.problems} == todo_lines


def test_unseen_article_quotes_speakers_figures_and_kinds() -> None:
    draft = draft_incident([UNSEEN], "beirut", ROOT / "briefs", dt.date(2026, 11, 21))
    claims = draft["claims"]
    by_quote = {c["quote"]: c for c in claims}
    threat = by_quote["The Zionist enemy struck our men on the road to Qusayr and will pay "
                      "for this crime"]
    assert threat["speaker"] == "Hezbollah spokesman Ali Haidar"
    fragments = by_quote["We have the fragments of the missiles and they tell the whole story"]
    assert fragments["speaker"] == "Hezbollah spokesman Ali Haidar"  # "he said": the last speaker
    first = by_quote[next(q for q in by_quote if q.startswith("An air strike on Wednesday"))]
    assert first["casualties"] == {"killed": {"min": 9, "text": "at least nine"},
                                   "wounded": {"min": 21, "text": "more than twenty"},
                                   "of": "fighters"}
    assert first["date"] == "2019-03-13"  # "on Wednesday" before Thursday 14 March
    kinds = {c["quote"][:30]: c["kind"] for c in claims}
    assert kinds["The Israeli military declined "] == "declines-comment"
    assert kinds["Israel has denied carrying out"] == "denies"
    dozens = by_quote[next(q for q in by_quote if q.startswith("According to the Syrian"))]
    assert dozens["casualties"]["killed"] == {"min": 12, "text": "dozens"}
    assert dozens["date"] == "2019-03-13"  # last night
    assert not any("Leave a comment" in c["quote"] for c in claims)
    assert draft["sources"][0]["date"] == "2019-03-14"
    assert draft["incident"]["date"] == {"start": "2019-03-13", "precision": "day"}


def test_unknown_speakers_are_offered_as_todo_candidates() -> None:
    draft = draft_incident([UNSEEN], "beirut", ROOT / "briefs", dt.date(2026, 11, 21))
    candidates = [a for a in draft["actors"] if str(a["kind"]).startswith("TODO")]
    assert {"id": "hezbollah-spokesman-ali-haidar", "name": "Hezbollah spokesman Ali Haidar",
            "kind": "TODO candidate: person, militia, media, ..."} in candidates


def test_identical_quotes_in_two_articles_are_one_claim(tmp_path: Path) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    body = ('"We will respond to this attack at a time of our choosing," the group said in a '
            "statement on Monday.\n")
    first.write_text("Militia vows revenge after strike\n\nMay 6, 2019\n\n" + body,
                     encoding="utf-8")
    second.write_text("Group promises response\n\nMay 7, 2019\n\n" + body, encoding="utf-8")
    draft = draft_incident([first, second], "x", ROOT / "briefs", dt.date(2026, 11, 21))
    quoted = [c for c in draft["claims"] if c["quote"].startswith("We will respond")]
    assert len(quoted) == 1
    assert quoted[0]["sources"] == ["first", "second"]
    assert quoted[0]["quote_source"] == "first"


def test_headline_date_and_publisher_are_read_and_clutter_dropped() -> None:
    seed = ROOT / "seeds" / "001-reuters-us-denies-bombing-iraqi-shiite-militia.txt"
    article = read_article(seed, "reuters")
    assert article.title == "US denies bombing Iraqi Shi'ite militia near Syrian border"
    assert article.date == dt.date(2017, 8, 8)
    assert article.publisher == "Reuters"
    untitled = read_article(ROOT / "seeds" / "004-mei-kss-commander-accuses-us.txt", "mei")
    assert untitled.title == ""


def test_rules_hold_no_seed_sentences() -> None:
    source = (ROOT / "briefgen" / "draft.py").read_text(encoding="utf-8")
    for seed in SEEDS:
        for sentence in normalise_text(seed.read_text(encoding="utf-8")).split(". "):
            if len(sentence.split()) >= 6:
                assert sentence not in source, sentence


def test_draft_command_writes_yaml_and_never_overwrites(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from briefgen.cli import main

    target = tmp_path / "d.yaml"
    result = CliRunner().invoke(main, ["draft", str(UNSEEN), "-o", str(target), "--id", "b"])
    assert (result.exit_code, result.stdout) == (0, f"wrote {target}\n")
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["id"] == "b"
    again = CliRunner().invoke(main, ["draft", str(UNSEEN), "-o", str(target)])
    assert (again.exit_code, again.stderr) == (
        1, f"{target}: already exists; a draft never overwrites a file (choose another name)\n")


def test_according_to_names_the_claimant() -> None:
    draft = draft_incident([UNSEEN], "beirut", ROOT / "briefs", dt.date(2026, 11, 21))
    claim = next(c for c in draft["claims"] if c["quote"].startswith("According to the Syrian"))
    assert (claim["actor"], claim["speaker"]) == ("syrian-observatory", "Syrian Observatory")


def test_quote_takes_its_speaker_from_the_sentence_before() -> None:
    draft = draft_incident([UNSEEN], "beirut", ROOT / "briefs", dt.date(2026, 11, 21))
    claim = next(c for c in draft["claims"] if c["quote"].startswith("We will not forgive"))
    assert (claim["actor"], claim["speaker"]) == ("militia-leader-hadi-ameri",
                                                  "Militia leader Hadi Ameri")
