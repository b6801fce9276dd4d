"""What the last build made from what: the record that lets a rebuild skip unchanged briefs.

The record lives in the output folder as ``.briefgen-state.db``, an SQLite database with a
row per brief. Each row keeps, as JSON, the files the brief was made from (its YAML, the
seeds it cites, for a comparison the incident files and their seeds), each with size,
modification time and SHA-256, and the outputs written, with size and modification time.
A brief is skipped when every input is unchanged (same size and time, or else the same
hash), every output asked for is still there as written, and the build's own key is the
same: briefgen's version and code, the templates, the reference document and the seeds
folder given.

Rows are read a few hundred at a time as the check goes, and each brief's row is written as
the brief is done, so a build's memory does not grow with the number of briefs: the JSON
record this replaces was read whole, 8 MB at 10,000 briefs, and each worker process
inherited it.

The record is a cache: one that is missing, damaged, locked by another build or of another
version just means briefs are built, and a failure to save it only costs the next build its
skips.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.errors import resolved_name
from briefgen.files import InputError, hash_regular

if TYPE_CHECKING:
    import sqlite3

STATE_NAME = ".briefgen-state.db"
OLD_STATE_NAME = ".briefgen-state.json"
"""Where builds kept the record before it moved to SQLite: removed when a new one is made."""
STATE_VERSION = 3
"""The record's format, kept as SQLite's ``user_version``."""
COMMIT_EVERY = 256
"""Rows written between commits: few enough that a killed build keeps most of its record."""
LOCK_WAIT = 2.0
"""Seconds to wait for a record another build is writing, before building without it."""
LOOKUP_BATCH = 500
"""Briefs whose rows are read in one query (SQLite allows 999 values in one before 3.32)."""
SEEN_LIMIT = 1024
"""Inputs whose check is remembered, for the seeds that many briefs cite."""

Stamp = list[Any]
"""``[size, mtime_ns, sha256]`` of an input, ``[size, mtime_ns]`` of an output."""


def hash_file(path: Path) -> str:
    """SHA-256 of a regular file, read in chunks; ``InputError`` for a FIFO, a device or a
    folder, which are never read."""
    return hash_regular(path)


def stamp_input(path: Path) -> Stamp:
    status = path.stat()
    return [status.st_size, status.st_mtime_ns,
            hash_stamped(resolved_name(str(path)), status.st_size, status.st_mtime_ns)]


@lru_cache(maxsize=1024)
def hash_stamped(name: str, size: int, mtime_ns: int) -> str:
    """SHA-256 of an input, by path, size and time: the seeds that many briefs cite are read
    once. The last 1,024 are kept, so that memory does not grow with the batch."""
    return hash_file(Path(name))


def stamp_output(path: Path) -> Stamp:
    status = path.stat()
    return [status.st_size, status.st_mtime_ns]


def hash_tree(paths: Iterable[Path]) -> str:
    """One hash of the names and bytes of ``paths`` (files; missing ones count as absent)."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        if path.is_file():  # regular files only: a FIFO or a device is never read
            with suppress(OSError, InputError):
                digest.update(hash_regular(path).encode())
    return digest.hexdigest()


class BuildState:
    """The record of one output folder: read brief by brief before a build, written brief by
    brief as it goes, and closed at its end."""

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self.key = key
        self._db: sqlite3.Connection | None = None
        self._current = False
        """Whether the open record was made under ``key``: if not, it is not read, and it is
        emptied before the first row is written."""
        self._failed = False
        """Whether saving failed: the rest of the build is not recorded."""
        self._pending = 0
        self._seen: dict[str, bool] = {}

    @classmethod
    def read(cls, out_dir: Path, key: str) -> BuildState:
        """The record of ``out_dir``, whose rows count only if made under the same ``key``."""
        import sqlite3

        state = cls(out_dir / STATE_NAME, key)
        if not state.path.is_file():
            return state
        try:
            state._db = connect(state.path)
            (version,) = state._db.execute("PRAGMA user_version").fetchone()
            if version == STATE_VERSION:
                row = state._db.execute("SELECT value FROM meta WHERE name = 'key'").fetchone()
                state._current = row is not None and row[0] == key
        except sqlite3.OperationalError:  # locked by another build: leave it to that one
            state.abandon()
        except sqlite3.Error:  # not a database, or damaged: a new one will replace it
            state.discard()
        return state

    def is_fresh(self, brief: Path, formats: Sequence[str]) -> bool:
        """Whether ``brief`` was built from the same inputs and its outputs are intact."""
        return not self.find_stale([str(brief)], formats)

    def find_stale(self, briefs: list[str], formats: Sequence[str]) -> list[str]:
        """The briefs of ``briefs`` (names of files) that are not fresh, in order. Their rows
        are read ``LOOKUP_BATCH`` at a time: a query each would cost more than the check."""
        if self._db is None or not self._current:
            return list(briefs)
        stale: list[str] = []
        for start in range(0, len(briefs), LOOKUP_BATCH):
            batch = briefs[start:start + LOOKUP_BATCH]
            names = [resolved_name(brief) for brief in batch]
            entries = self._look_up(names)
            stale.extend(brief for brief, name in zip(batch, names, strict=True)
                         if not self.entry_fresh(name, entries.get(name), formats))
        return stale

    def _look_up(self, names: list[str]) -> dict[str, str]:
        """The rows of the briefs ``names`` (resolved), as text, by name: none if the
        record cannot be read."""
        import sqlite3

        assert self._db is not None
        try:
            return dict(self._db.execute("SELECT name, entry FROM briefs WHERE name IN "
                                         f"({', '.join('?' * len(names))})", names))
        except sqlite3.Error:
            return {}

    def entry_fresh(self, name: str, text: str | None, formats: Sequence[str]) -> bool:
        """Whether the row ``text`` of the brief ``name`` says it is fresh."""
        if text is None:
            return False
        try:
            entry = json.loads(text)
            outputs = entry["outputs"]
            rows = entry.get("rows", {})
            for fmt in formats:
                if fmt in rows:  # its share of the batch's one file (the CSV) is kept here
                    continue
                # the output, and the files beside it (``md.chart.png``: the Markdown's chart)
                for key in [fmt, *(key for key in outputs if key.startswith(f"{fmt}."))]:
                    path, size, mtime_ns = outputs[key]
                    status = os.stat(path)
                    if status.st_size != size or status.st_mtime_ns != mtime_ns:
                        return False
            return all(self.input_unchanged(input_name, stamp, remember=input_name != name)
                       for input_name, stamp in entry["inputs"].items())
        except (OSError, InputError, ValueError, KeyError, IndexError, TypeError,
                AttributeError):
            return False

    def input_unchanged(self, name: str, stamp: Stamp, remember: bool = True) -> bool:
        """Same size and time, or else the same bytes. The answer is remembered for inputs
        that many briefs share, such as the seeds (the last 1,024 of them)."""
        if name in self._seen:
            return self._seen[name]
        status = os.stat(name)
        unchanged = bool([status.st_size, status.st_mtime_ns] == stamp[:2]
                         or hash_file(Path(name)) == stamp[2])
        if remember:
            if len(self._seen) >= SEEN_LIMIT:
                self._seen.clear()
            self._seen[name] = unchanged
        return unchanged

    def read_entries(self, briefs: list[str]) -> Iterator[tuple[str, dict[str, Any] | None]]:
        """Each brief of ``briefs`` with its row as this build left it (None where there is
        none), in order, ``LOOKUP_BATCH`` at a time."""
        for start in range(0, len(briefs), LOOKUP_BATCH):
            batch = briefs[start:start + LOOKUP_BATCH]
            names = [resolved_name(brief) for brief in batch]
            entries = self._look_up(names) if self._db is not None and self._current else {}
            for brief, name in zip(batch, names, strict=True):
                try:
                    entry = json.loads(entries[name]) if name in entries else None
                except ValueError:
                    entry = None
                yield brief, entry

    def record(self, brief: Path, entry: dict[str, Any]) -> None:
        """Keep what ``brief`` was just built from."""
        self._write("INSERT OR REPLACE INTO briefs VALUES (?, ?)",
                    (resolved_name(str(brief)), json.dumps(entry, sort_keys=True,
                                                      separators=(",", ":"))))

    def forget(self, brief: Path) -> None:
        """Drop the row of ``brief``, which failed: the next build tries it again."""
        if self._db is not None and self._current:
            self._write("DELETE FROM briefs WHERE name = ?", (resolved_name(str(brief)),))

    def _write(self, statement: str, values: tuple[str, ...]) -> None:
        import sqlite3

        for attempt in range(2):
            if self._failed:
                return
            try:
                db = self._open_for_writing()
                if not db.in_transaction:
                    db.execute("BEGIN")
                db.execute(statement, values)
                self._pending += 1
                if self._pending >= COMMIT_EVERY:
                    db.execute("COMMIT")
                    self._pending = 0
                return
            except (OSError, sqlite3.OperationalError):  # a full disk, or locked
                self.abandon()  # what is not committed is lost
            except sqlite3.DatabaseError:  # damaged where reading did not go: start anew,
                self.discard()  # once
                if attempt > 0:
                    self.abandon()

    def _open_for_writing(self) -> sqlite3.Connection:
        """The open record, made anew (empty, under this build's key) if it is missing,
        damaged, of another version or another key."""
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.unlink(missing_ok=True)  # damaged, if it is there at all
            self._db = connect(self.path)
        if not self._current:
            db = self._db
            db.execute("BEGIN")
            db.execute("DROP TABLE IF EXISTS briefs")
            db.execute("DROP TABLE IF EXISTS meta")
            db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.execute("CREATE TABLE briefs (name TEXT PRIMARY KEY, entry TEXT NOT NULL) "
                       "WITHOUT ROWID")
            db.execute("INSERT INTO meta VALUES ('key', ?)", (self.key,))
            db.execute(f"PRAGMA user_version = {STATE_VERSION}")
            db.execute("COMMIT")
            self._current = True
            self.path.with_name(OLD_STATE_NAME).unlink(missing_ok=True)
        return self._db

    def close(self) -> None:
        """Commit what is pending and close the record."""
        import sqlite3

        db, self._db = self._db, None
        if db is None:
            return
        try:
            if db.in_transaction:
                db.execute("COMMIT")
        except sqlite3.Error:
            pass  # the rows since the last commit are lost: their briefs are built next time
        finally:
            db.close()

    def discard(self) -> None:
        """Close the record without committing: the next row written makes it anew."""
        db, self._db = self._db, None
        self._current = False
        self._pending = 0
        if db is not None:
            db.close()

    def abandon(self) -> None:
        """Close the record without committing, and record nothing more in this build."""
        self.discard()
        self._failed = True


def connect(path: Path) -> sqlite3.Connection:
    """The record at ``path``, in autocommit mode (transactions are begun by hand). Written
    without waiting for the disk: a record lost in a crash only costs the next build its
    skips."""
    import sqlite3

    db = sqlite3.connect(path, timeout=LOCK_WAIT, isolation_level=None)
    db.execute("PRAGMA synchronous = OFF")
    return db


def stamp_inputs(paths: Iterable[Path]) -> dict[str, Stamp]:
    """The record of the inputs a brief was just made from, by resolved path."""
    return {resolved_name(str(p)): stamp_input(p) for p in dict.fromkeys(paths)}


def stamp_outputs(outputs: dict[str, Path]) -> dict[str, Stamp]:
    """The record of the outputs just written, by format: ``[path, size, mtime_ns]``."""
    return {fmt: [resolved_name(str(p)), *stamp_output(p)] for fmt, p in outputs.items()}
