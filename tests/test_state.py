"""The build record: an SQLite database in the output folder, read and written row by row."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from briefgen import state as state_module
from briefgen.state import COMMIT_EVERY, OLD_STATE_NAME, STATE_NAME, STATE_VERSION, BuildState


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


def record_briefs(folder: Path, *names: str) -> list[tuple[Path, dict[str, object]]]:
    """Briefs made in ``folder`` and recorded in its record, which is closed."""
    state = BuildState.read(folder, "key")
    briefs = [make_brief(folder, name) for name in names]
    for brief, entry in briefs:
        state.record(brief, entry)
    state.close()
    return briefs


def rows(folder: Path) -> dict[str, object]:
    with sqlite3.connect(folder / STATE_NAME) as db:
        return {name: json.loads(entry) for name, entry in db.execute("SELECT * FROM briefs")}


def test_record_keeps_a_row_per_brief_and_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "out"  # made when the first row is written
    state = BuildState.read(out, "key")
    briefs = [make_brief(tmp_path, name) for name in ("b", "a", 'quote"and\nline')]
    for brief, entry in briefs:
        state.record(brief, entry)
    state.close()

    assert rows(out) == {str(brief.resolve()): entry for brief, entry in briefs}
    with sqlite3.connect(out / STATE_NAME) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (STATE_VERSION,) == (3,)
        assert db.execute("SELECT * FROM meta").fetchall() == [("key", "key")]
    again = BuildState.read(out, "key")
    assert all(again.is_fresh(brief, ["md"]) for brief, _ in briefs)
    assert not again.is_fresh(briefs[0][0], ["md", "docx"])  # no .docx was recorded
    assert not again.is_fresh(tmp_path / "unknown.yaml", ["md"])
    again.close()


def test_an_edited_input_or_a_changed_output_is_not_fresh(tmp_path: Path) -> None:
    (touched, touched_entry), (edited, _), (lost, _) = record_briefs(
        tmp_path, "touched", "edited", "lost")
    touched.write_text("id: touched\n", encoding="utf-8")  # same bytes, new time
    touched_entry["inputs"][str(touched.resolve())][2] = state_module.hash_file(touched)
    state = BuildState.read(tmp_path, "key")
    state.record(touched, touched_entry)
    state.close()
    edited.write_text("id: edited\ntitle: new\n", encoding="utf-8")
    (tmp_path / "lost.md").unlink()

    again = BuildState.read(tmp_path, "key")
    assert [again.is_fresh(p, ["md"]) for p in (touched, edited, lost)] == [True, False, False]
    again.close()


def test_record_of_another_key_is_not_read_and_is_emptied_when_written(tmp_path: Path) -> None:
    state = BuildState.read(tmp_path, "key")
    first, second = make_brief(tmp_path, "first"), make_brief(tmp_path, "second")
    state.record(*first)
    state.close()

    other = BuildState.read(tmp_path, "other key")
    assert not other.is_fresh(first[0], ["md"])
    other.record(*second)
    other.close()
    assert list(rows(tmp_path)) == [str(second[0].resolve())]
    assert not BuildState.read(tmp_path, "key").is_fresh(second[0], ["md"])


def test_a_damaged_record_is_replaced_and_an_old_json_record_removed(tmp_path: Path) -> None:
    (tmp_path / STATE_NAME).write_bytes(b"not a database, " * 100)
    (tmp_path / OLD_STATE_NAME).write_text('{"version":2,"key":"key","briefs":{\n}}',
                                          encoding="utf-8")
    brief, entry = make_brief(tmp_path, "a")
    state = BuildState.read(tmp_path, "key")
    assert not state.is_fresh(brief, ["md"])
    state.record(brief, entry)
    state.close()
    assert list(rows(tmp_path)) == [str(brief.resolve())]
    assert not (tmp_path / OLD_STATE_NAME).exists()


def test_a_damaged_row_only_rebuilds_its_brief(tmp_path: Path) -> None:
    good, bad = record_briefs(tmp_path, "good", "bad")
    with sqlite3.connect(tmp_path / STATE_NAME) as db:
        db.execute("UPDATE briefs SET entry = replace(entry, '\"outputs\":{', '\"outputs\":[') "
                   "WHERE name = ?", (str(bad[0].resolve()),))

    again = BuildState.read(tmp_path, "key")
    assert [again.is_fresh(brief, ["md"]) for brief in (bad[0], good[0])] == [False, True]
    again.close()


def test_a_forgotten_brief_is_built_again(tmp_path: Path) -> None:
    kept, failed = record_briefs(tmp_path, "kept", "failed")
    state = BuildState.read(tmp_path, "key")
    state.forget(failed[0])
    state.close()
    assert list(rows(tmp_path)) == [str(kept[0].resolve())]


def test_a_killed_build_keeps_the_rows_it_committed(tmp_path: Path) -> None:
    state = BuildState.read(tmp_path, "key")
    briefs = [make_brief(tmp_path, f"b{number:03}") for number in range(COMMIT_EVERY + 3)]
    for brief, entry in briefs:
        state.record(brief, entry)
    state.abandon()  # as a kill would: the last three rows are not committed
    assert sorted(rows(tmp_path)) == sorted(str(b.resolve()) for b, _ in briefs[:COMMIT_EVERY])
    assert not (tmp_path / f"{STATE_NAME}-journal").exists()


def test_a_record_locked_by_another_build_is_left_alone(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(state_module, "LOCK_WAIT", 0.05)
    state = BuildState.read(tmp_path, "key")
    kept, other = make_brief(tmp_path, "kept"), make_brief(tmp_path, "other")
    state.record(*kept)
    state.close()
    with sqlite3.connect(tmp_path / STATE_NAME, isolation_level=None) as holder:
        holder.execute("BEGIN EXCLUSIVE")
        locked = BuildState.read(tmp_path, "key")
        assert not locked.is_fresh(kept[0], ["md"])
        locked.record(*other)  # neither raises nor waits for the lock again
        locked.close()
        holder.execute("COMMIT")
    assert list(rows(tmp_path)) == [str(kept[0].resolve())]


def test_a_record_damaged_where_reading_does_not_go_is_made_anew(tmp_path: Path) -> None:
    briefs = record_briefs(tmp_path, "a", "b")
    path = tmp_path / STATE_NAME
    with sqlite3.connect(path) as db:
        (page,) = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'briefs'").fetchone()
        (size,) = db.execute("PRAGMA page_size").fetchone()
    data = path.read_bytes()
    path.write_bytes(data[:(page - 1) * size] + b"\xff" * size)  # the rows' page only

    damaged = BuildState.read(tmp_path, "key")
    assert damaged._current  # its header and key read well
    assert damaged.find_stale([str(brief) for brief, _ in briefs], ["md"]) == [
        str(brief) for brief, _ in briefs]
    for brief, entry in briefs:
        damaged.record(brief, entry)
    damaged.close()
    assert sorted(rows(tmp_path)) == sorted(str(brief.resolve()) for brief, _ in briefs)
