"""briefgen seeds add: byte-identical copies, catalogue entries, duplicates, refusals, and
a catalogue never half written."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner

from briefgen.catalogue import MAX_ARTICLE_BYTES
from briefgen.cli import main
from conftest import ROOT, SEEDS

SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
REUTERS = SEEDS[1]
"""001: a headline, a date and a publisher in its text."""
MEI = SEEDS[4]
"""004: no headline, no date."""


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), prog_name="briefgen")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    assert run("init", ".").exit_code == 0
    return tmp_path


def catalogue(folder: Path) -> list[dict[str, object]]:
    entries = yaml.safe_load((folder / "seeds" / "index.yaml").read_text(encoding="utf-8"))
    return entries or []


def test_add_copies_byte_for_byte_and_catalogues(folder: Path) -> None:
    article = folder / "incoming" / "reuters download.txt"
    article.parent.mkdir()
    shutil.copyfile(REUTERS, article)
    result = run("seeds", "add", "incoming/reuters download.txt")
    name = "000-us-denies-bombing-iraqi-shiite-militia.txt"
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, f"wrote seeds/{name} (from incoming/reuters download.txt)\n", "")
    assert (folder / "seeds" / name).read_bytes() == REUTERS.read_bytes()
    assert catalogue(folder) == [{
        "file": name, "original": "reuters download.txt",
        "sha256": hashlib.sha256(REUTERS.read_bytes()).hexdigest(),
        "title": "US denies bombing Iraqi Shi'ite militia near Syrian border",
        "publisher": "Reuters", "date": "2017-08-08", "place_line": None,
        "not_known": ["place_line"]}]
    # the comment that init wrote stays at the top
    assert (folder / "seeds" / "index.yaml").read_text(encoding="utf-8").startswith(
        "# The source articles, as received")


def test_what_the_text_does_not_say_is_null_and_not_known(folder: Path) -> None:
    assert run("seeds", "add", str(MEI)).exit_code == 0
    [entry] = catalogue(folder)
    assert entry["file"] == "000-mei-kss-commander-accuses-us.txt"
    # the publisher is in the closing note: 'The Middle East Institute (MEI) is an ...'
    assert {key: entry[key] for key in ("title", "publisher", "date", "not_known")} == {
        "title": None, "publisher": "Middle East Institute", "date": None,
        "not_known": ["title", "date", "place_line"]}


def test_seeds_are_numbered_after_the_last_and_cited_by_a_brief(folder: Path) -> None:
    result = run("seeds", "add", str(SEEDS[0]), str(REUTERS))
    assert result.stdout.splitlines() == [
        f"wrote seeds/000-us-denies-attacking-iranian-backed-militia.txt (from {SEEDS[0]})",
        f"wrote seeds/001-us-denies-bombing-iraqi-shiite-militia.txt (from {REUTERS})"]
    assert run("seeds", "add", str(SEEDS[2])).stdout.startswith(
        "wrote seeds/002-iran-backed-iraqi-militias-say-they.txt")
    assert [entry["file"] for entry in catalogue(folder)] == sorted(
        p.name for p in (folder / "seeds").glob("*.txt"))


def test_an_article_catalogued_already_is_left_out_and_said_so(folder: Path) -> None:
    assert run("seeds", "add", str(REUTERS)).exit_code == 0
    index = (folder / "seeds" / "index.yaml").read_bytes()
    copy = folder / "same-article.txt"
    shutil.copyfile(REUTERS, copy)
    result = run("seeds", "add", "same-article.txt", str(MEI), str(MEI))
    assert (result.exit_code, result.stdout.splitlines()) == (0, [
        "skipped same-article.txt: already catalogued as "
        "seeds/000-us-denies-bombing-iraqi-shiite-militia.txt",
        f"wrote seeds/001-mei-kss-commander-accuses-us.txt (from {MEI})",
        f"skipped {MEI}: already catalogued as seeds/001-mei-kss-commander-accuses-us.txt"])
    assert len(catalogue(folder)) == 2
    assert (folder / "seeds" / "index.yaml").read_bytes().startswith(index)


def test_adding_to_this_repositorys_catalogue_keeps_its_entries_as_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    before = (tmp_path / "seeds" / "index.yaml").read_text(encoding="utf-8")
    article = tmp_path / "new.txt"
    article.write_text("Strike reported near Balad air base\n\nAugust 20, 2019\n\nText.\n",
                       encoding="utf-8")
    names = {p.name for p in (tmp_path / "seeds").glob("*.txt")}
    result = run("seeds", "add", "new.txt")
    assert result.exit_code == 0, result.stderr
    number = max(int(name[:3]) for name in names) + 1
    assert result.stdout == (f"wrote seeds/{number:03d}-strike-reported-near-balad-air-base.txt "
                             "(from new.txt)\n")
    after = (tmp_path / "seeds" / "index.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)
    assert catalogue(tmp_path)[-1]["date"] == "2019-08-20"
    result = run("seeds", "add", str(REUTERS))
    assert result.stdout.startswith(f"skipped {REUTERS}: already catalogued as seeds/001-")


REFUSED = {
    "not-utf8": (lambda path: path.write_bytes(b"Headline\n\ncaf\xe9\n"),
                 "{name}:3:4: $: invalid UTF-8 byte 0xe9 (save the article as UTF-8 text)"),
    "oversize": (lambda path: path.write_bytes(b"x" * (MAX_ARTICLE_BYTES + 1)),
                 "{name}: file is 2,097,153 bytes, more than the 2,097,152 allowed (a seed is "
                 "one article as plain text)"),
    "fifo": (lambda path: os.mkfifo(path),
             "{name}: not a regular file (give a plain-text article)"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_refused_article_writes_nothing(folder: Path, case: str) -> None:
    make, expected = REFUSED[case]
    if case == "fifo" and not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    make(folder / "bad.txt")
    index = (folder / "seeds" / "index.yaml").read_bytes()
    result = CliRunner().invoke(main, ["seeds", "add", str(REUTERS), "bad.txt"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", expected.format(name="bad.txt") + "\n")
    assert (folder / "seeds" / "index.yaml").read_bytes() == index
    assert sorted(p.name for p in (folder / "seeds").iterdir()) == ["index.yaml"]


def test_a_failed_catalogue_write_takes_the_copies_back(folder: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen import build
    from briefgen.errors import OutputError

    real = build.write_atomic

    def full_disk(target: Path, data: bytes) -> None:
        if target.name == "index.yaml":
            raise OutputError(f"{target}: cannot write: No space left on device")
        real(target, data)

    monkeypatch.setattr(build, "write_atomic", full_disk)
    index = (folder / "seeds" / "index.yaml").read_bytes()
    result = run("seeds", "add", str(REUTERS))
    assert (result.exit_code, result.stderr) == (
        1, "seeds/index.yaml: cannot write: No space left on device\n")
    assert sorted(p.name for p in (folder / "seeds").iterdir()) == ["index.yaml"]
    assert (folder / "seeds" / "index.yaml").read_bytes() == index


def test_without_a_seeds_folder_it_says_how_to_get_one(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("seeds", "add", str(REUTERS))
    assert (result.exit_code, result.stderr) == (
        1, "seeds: no such folder here or above (start a briefing folder with briefgen init "
           "DIR, or pass --seeds DIR)\n")


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not beside this clone")
def test_the_articles_as_received_become_this_repositorys_seeds(folder: Path) -> None:
    """Added to an empty folder, the five articles as received are the five seeds here,
    byte for byte, with the hashes this repository's catalogue records."""
    result = run("seeds", "add", *sorted(str(p) for p in SHARED_SEEDS.glob("*.txt")))
    assert result.exit_code == 0, result.stderr
    ours = yaml.safe_load((ROOT / "seeds" / "index.yaml").read_text(encoding="utf-8"))
    assert [(e["original"], e["sha256"]) for e in catalogue(folder)] == [
        (e["original"], e["sha256"]) for e in ours[:5]]
