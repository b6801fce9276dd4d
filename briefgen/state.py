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
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefgen.errors import resolved

STATE_NAME = ".briefgen-state.json"
STATE_VERSION = 2

Stamp = list[Any]
"""``[size, mtime_ns, sha256]`` of an input, ``[size, mtime_ns]`` of an output."""


def hash_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stamp_input(path: Path) -> Stamp:
    status = path.stat()
    return [status.st_size, status.st_mtime_ns,
            hash_stamped(str(resolved(path)), status.st_size, status.st_mtime_ns)]


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
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class BuildState:
    """The record of one output folder, read before a build and written after it.

    The file is one JSON object with a line per brief, and each brief's entry is kept as
    its line's text until a check reads it: the record of 10,000 briefs takes 8 MB of
    memory that way, where parsed it took 18 MB."""

    path: Path
    key: str
    entries: dict[str, str] = field(default_factory=dict)
    """Each brief's entry as JSON text, by the brief's resolved path."""
    _seen: dict[str, bool] = field(default_factory=dict)

    def head(self) -> str:
        return (f'{{"version":{STATE_VERSION},"key":{json.dumps(self.key)},"briefs":{{')

    @classmethod
    def read(cls, out_dir: Path, key: str) -> BuildState:
        """The folder's record if it was made under the same ``key``, else an empty one."""
        state = cls(out_dir / STATE_NAME, key)
        try:
            lines = state.path.read_text(encoding="utf-8").split("\n")
        except (OSError, ValueError):
            return state
        if lines[0] != state.head() or lines[-1] != "}}":
            return state  # another version or key, or not as written: everything is built
        decoder = json.JSONDecoder()
        try:
            for line in lines[1:-1]:
                name, end = decoder.raw_decode(line)
                if not isinstance(name, str) or line[end:end + 1] != ":":
                    raise ValueError(line)
                state.entries[name] = line[end + 1:].removesuffix(",")
        except ValueError:
            state.entries.clear()
        return state

    def is_fresh(self, brief: Path, formats: Iterable[str]) -> bool:
        """Whether ``brief`` was built from the same inputs and its outputs are intact."""
        text = self.entries.get(str(resolved(brief)))
        if text is None:
            return False
        try:
            entry = json.loads(text)
            outputs = entry["outputs"]
            if any(fmt not in outputs or stamp_output(Path(outputs[fmt][0])) != outputs[fmt][1:]
                   for fmt in formats):
                return False
            return all(self.input_unchanged(name, stamp)
                       for name, stamp in entry["inputs"].items())
        except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError):
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
        self.entries[str(resolved(brief))] = json.dumps(entry, sort_keys=True,
                                                         separators=(",", ":"))

    def forget(self, brief: Path) -> None:
        self.entries.pop(str(resolved(brief)), None)

    def write(self) -> None:
        """Save the record beside the outputs, atomically; a failure to save only costs the
        next build its skips."""
        from briefgen.build import write_atomic
        from briefgen.errors import OutputError

        briefs = ",".join(f"\n{json.dumps(name)}:{self.entries[name]}"
                          for name in sorted(self.entries))
        with contextlib.suppress(OutputError):
            write_atomic(self.path, f"{self.head()}{briefs}\n}}}}".encode())


def stamp_inputs(paths: Iterable[Path]) -> dict[str, Stamp]:
    """The record of the inputs a brief was just made from, by resolved path."""
    return {str(resolved(p)): stamp_input(p) for p in dict.fromkeys(paths)}


def stamp_outputs(outputs: dict[str, Path]) -> dict[str, Stamp]:
    """The record of the outputs just written, by format: ``[path, size, mtime_ns]``."""
    return {fmt: [str(resolved(p)), *stamp_output(p)] for fmt, p in outputs.items()}
