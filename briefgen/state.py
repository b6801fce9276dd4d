"""What the last build made from what: the record that lets a rebuild skip unchanged briefs.

The record lives in the output folder as ``.briefgen-state.json``. For each brief built it
keeps the files the brief was made from (its YAML, the seeds it cites, for a comparison the
incident files and their seeds), each with size, modification time and SHA-256, and the
outputs written, with size and modification time. A brief is skipped when every input is
unchanged (same size and time, or else the same hash), every output asked for is still
there as written, and the build's own key is the same: briefgen's version and code, the
templates, the reference document and the seeds folder given.

A record that is missing, unreadable or of another version just means everything is built.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.errors import resolved

STATE_NAME = ".briefgen-state.json"
STATE_VERSION = 1

Stamp = list[Any]
"""``[size, mtime_ns, sha256]`` of an input, ``[size, mtime_ns]`` of an output."""


def hash_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


_HASHES: dict[tuple[str, int, int], str] = {}
"""SHA-256 of the inputs hashed in this process, by path, size and time: the seeds that many
briefs cite are read once."""


def stamp_input(path: Path) -> Stamp:
    status = path.stat()
    key = (str(path), status.st_size, status.st_mtime_ns)
    if key not in _HASHES:
        _HASHES[key] = hash_file(path)
    return [status.st_size, status.st_mtime_ns, _HASHES[key]]


def stamp_output(path: Path) -> Stamp:
    status = path.stat()
    return [status.st_size, status.st_mtime_ns]


def hash_tree(paths: Iterable[Path]) -> str:
    """One hash of the names and bytes of ``paths`` (files; missing ones count as absent)."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class BuildState:
    """The record of one output folder, read before a build and written after it."""

    path: Path
    key: str
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    _seen: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def read(cls, out_dir: Path, key: str) -> BuildState:
        """The folder's record if it was made under the same ``key``, else an empty one."""
        state = cls(out_dir / STATE_NAME, key)
        try:
            data = json.loads(state.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return state
        if (isinstance(data, dict) and data.get("version") == STATE_VERSION
                and data.get("key") == key and isinstance(data.get("briefs"), dict)):
            state.entries = data["briefs"]
        return state

    def is_fresh(self, brief: Path, formats: Iterable[str]) -> bool:
        """Whether ``brief`` was built from the same inputs and its outputs are intact."""
        entry = self.entries.get(str(resolved(brief)))
        if not isinstance(entry, dict):
            return False
        try:
            outputs = entry["outputs"]
            if any(fmt not in outputs or stamp_output(Path(outputs[fmt][0])) != outputs[fmt][1:]
                   for fmt in formats):
                return False
            return all(self.input_unchanged(name, stamp)
                       for name, stamp in entry["inputs"].items())
        except (OSError, KeyError, IndexError, TypeError):
            return False

    def input_unchanged(self, name: str, stamp: Stamp) -> bool:
        """Same size and time, or else the same bytes; remembered for inputs many briefs
        share, such as the seeds."""
        if name not in self._seen:
            path = Path(name)
            status = path.stat()
            self._seen[name] = ([status.st_size, status.st_mtime_ns] == stamp[:2]
                                or hash_file(path) == stamp[2])
        return self._seen[name]

    def record(self, brief: Path, entry: dict[str, Any]) -> None:
        self.entries[str(resolved(brief))] = entry

    def forget(self, brief: Path) -> None:
        self.entries.pop(str(resolved(brief)), None)

    def write(self) -> None:
        """Save the record beside the outputs, atomically; a failure to save only costs the
        next build its skips."""
        text = json.dumps({"version": STATE_VERSION, "key": self.key, "briefs": self.entries},
                          sort_keys=True, separators=(",", ":"))
        temp = self.path.with_name(f"{self.path.name}.{os.getpid()}.state.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temp.write_text(text, encoding="utf-8")
            os.replace(temp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)


def stamp_inputs(paths: Iterable[Path]) -> dict[str, Stamp]:
    """The record of the inputs a brief was just made from, by resolved path."""
    return {str(resolved(p)): stamp_input(p) for p in dict.fromkeys(paths)}


def stamp_outputs(outputs: dict[str, Path]) -> dict[str, Stamp]:
    """The record of the outputs just written, by format: ``[path, size, mtime_ns]``."""
    return {fmt: [str(resolved(p)), *stamp_output(p)] for fmt, p in outputs.items()}
