"""The build record: one JSON object with a line per brief, each entry kept as its text."""

from __future__ import annotations

import json
from pathlib import Path

from briefgen.state import STATE_NAME, STATE_VERSION, BuildState


def make_brief(folder: Path, name: str) -> tuple[Path, dict[str, object]]:
    """A brief file and an output, with the entry a build would record for them."""
    brief = folder / f"{name}.yaml"
    brief.write_text(f"id: {name}\n", encoding="utf-8")
    output = folder / f"{name}.md"
    output.write_text("# brief\n", encoding="utf-8")
    brief_stat, output_stat = brief.stat(), output.stat()
    return brief, {
        "inputs": {str(brief.resolve()): [brief_stat.st_size, brief_stat.st_mtime_ns, ""]},
        "outputs": {"md": [str(output.resolve()), output_stat.st_size,
                           output_stat.st_mtime_ns]},
    }


def test_record_is_json_with_a_line_per_brief_and_reads_back(tmp_path: Path) -> None:
    state = BuildState.read(tmp_path, "key")
    briefs = [make_brief(tmp_path, name) for name in ("b", "a", 'quote"and\nline')]
    for brief, entry in briefs:
        state.record(brief, entry)
    state.write()

    text = (tmp_path / STATE_NAME).read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["version"] == STATE_VERSION == 2
    assert data["key"] == "key"
    assert data["briefs"] == {str(brief.resolve()): entry for brief, entry in briefs}
    lines = text.split("\n")
    assert len(lines) == 2 + len(briefs)
    assert [json.loads(line.split(":", 1)[0]) for line in lines[1:-1]] == sorted(
        str(brief.resolve()) for brief, _ in briefs)

    again = BuildState.read(tmp_path, "key")
    assert again.entries == state.entries
    assert all(again.is_fresh(brief, ["md"]) for brief, _ in briefs)
    assert not again.is_fresh(briefs[0][0], ["md", "docx"])  # no .docx was recorded


def test_empty_record_is_valid_json(tmp_path: Path) -> None:
    BuildState.read(tmp_path, "key").write()
    assert json.loads((tmp_path / STATE_NAME).read_text(encoding="utf-8")) == {
        "version": 2, "key": "key", "briefs": {}}


def test_record_of_another_key_or_reformatted_by_hand_is_not_used(tmp_path: Path) -> None:
    state = BuildState.read(tmp_path, "key")
    brief, entry = make_brief(tmp_path, "a")
    state.record(brief, entry)
    state.write()
    assert BuildState.read(tmp_path, "other key").entries == {}

    path = tmp_path / STATE_NAME
    path.write_text(json.dumps(json.loads(path.read_text(encoding="utf-8")), indent=2),
                    encoding="utf-8")
    assert BuildState.read(tmp_path, "key").entries == {}


def test_a_damaged_entry_only_rebuilds_its_brief(tmp_path: Path) -> None:
    state = BuildState.read(tmp_path, "key")
    good, bad = make_brief(tmp_path, "good"), make_brief(tmp_path, "bad")
    for brief, entry in (good, bad):
        state.record(brief, entry)
    state.write()
    path = tmp_path / STATE_NAME
    path.write_text(path.read_text(encoding="utf-8").replace('"outputs":{"md"',
                                                             '"outputs":["md"', 1),
                    encoding="utf-8")

    again = BuildState.read(tmp_path, "key")
    assert len(again.entries) == 2
    assert [again.is_fresh(brief, ["md"]) for brief in (bad[0], good[0])] == [False, True]
