"""scripts/draft_recall.py on a key of our own: the counts it prints, with and without the
publisher the sources list names."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT

ARTICLE = """Missile strike kills 15 at Tarsk market

At least 15 people were killed when a missile struck the market in Tarsk on Friday.

"We did not fire on the market at all," said Colonel Ivo Brand, an army spokesman.
"""
"""Our own sentences, naming no publisher."""

KEY = """tarsk-market:
  split: held-out
  publisher: null
  date: null
  figures:
    - {kind: killed, n: 15, claimant: [velmar-courier]}
  quotes:
    - {starts: "We did not fire", speaker: [ivo-brand]}
"""

SOURCES = """- file: tarsk-market.txt
  split: held-out
  url: https://courier.example/tarsk
  outlet: Velmar Courier, Brena (wire copy)
"""


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("draft_recall",
                                                  ROOT / "scripts" / "draft_recall.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def devset(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "tarsk-market.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "key.yaml").write_text(KEY, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    return tmp_path


def overall(output: str) -> list[str]:
    line = next(line for line in output.splitlines() if line.startswith("overall all"))
    return line.split()[2:]


def test_the_text_alone_names_no_claimant_for_the_writer_s_own_toll(
        devset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = load_script()
    assert script.main(["--articles", str(devset / "articles"),
                        "--key", str(devset / "key.yaml")]) == 0
    figures, claimant, quotes, speaker = overall(capsys.readouterr().out)[:8:2]
    assert (figures, claimant, quotes, speaker) == ("1/1", "0/1", "1/1", "1/1")


def test_the_outlet_of_the_sources_list_is_given_as_front_matter(
        devset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = load_script()
    assert script.read_outlets(devset / "sources.yaml") == {"tarsk-market": "Velmar Courier"}
    assert script.main(["--articles", str(devset / "articles"), "--key",
                        str(devset / "key.yaml"), "--sources", str(devset / "sources.yaml")]) == 0
    out = capsys.readouterr().out
    assert overall(out)[:4] == ["1/1", "100%", "1/1", "100%"]
    assert "with claimant >= 85%: 100% met" in out
    assert (devset / "articles" / "tarsk-market.txt").read_text(encoding="utf-8") == ARTICLE


def test_sources_without_a_key_is_refused(devset: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    script = load_script()
    with pytest.raises(SystemExit) as caught:
        script.main(["--sources", str(devset / "sources.yaml")])
    assert caught.value.code == 2
    assert capsys.readouterr().err.endswith("error: --sources goes with --articles and --key\n")


def test_a_comma_that_ends_the_key_s_first_words_is_the_sentence_s() -> None:
    script = load_script()
    claims = [{"actor": "ivo-brand", "speaker": "Ivo Brand",
               "quote": "We did not fire on the market"}]
    key = [{"starts": "We did not fire on the market,", "speaker": ["ivo-brand"]}]
    assert script.score_quotes(key, claims, {"ivo-brand": "Ivo Brand"}) == (1, 1)
