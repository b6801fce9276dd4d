"""A YAML file as plain data with the place of every path in it, and the problems found in
it, each located: what the loader's stages and the rules across fields share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from briefgen.errors import Problem
from briefgen.model import Brief, Comparison, Finding, PathKey


@dataclass
class Document:
    """A YAML file as plain data, with the 1-based line and column of every path in it."""

    file: str
    data: Any = None
    places: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    surprises: dict[PathKey, str] = field(default_factory=dict)
    """Unquoted scalars that YAML 1.1 read as something other than text, by path."""
    problems: list[Problem] = field(default_factory=list)
    todos: dict[PathKey, str] = field(default_factory=dict)
    """Values an editor has still to fill in (``TODO ...``), by path."""
    refused: set[PathKey] = field(default_factory=set)
    """The paths the schema refused (a wrong type, a missing field), reported as such."""
    root: type[Brief] | type[Comparison] = Brief
    """The model the file is validated against: an incident, or a comparison."""
    text: str = ""
    """The file's text, to place problems found inside a value (a heading in prose)."""
    warnings: list[Problem] = field(default_factory=list)
    """What the loader found that an editor should look at but that does not stop the file
    (an actor its sources do not name), printed with the review's warnings."""

    def locate(self, path: PathKey) -> tuple[int, int]:
        """The place of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.places:
                return self.places[path[:end]]
        return (1, 1)

    def refused_at(self, path: PathKey) -> bool:
        """Whether the value at ``path``, or one it is part of, was refused by the schema or
        is still a TODO: a rule that reads it has nothing to check, and is skipped."""
        return any(path[:end] in self.refused or path[:end] in self.todos
                   for end in range(1, len(path) + 1))

    def problem(self, path: PathKey, message: str, hint: str = "",
                severity: str = "error") -> None:
        line, column = self.locate(path)
        self.problems.append(Problem(self.file, line, column, format_path(path), message, hint,
                                     severity))


def format_path(path: PathKey) -> str:
    """``("claims", 2, "quote")`` -> ``claims[2].quote``; the empty path is ``$``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "$"


def locate_in_value(doc: Document, path: PathKey, value: str, offset: int) -> tuple[int, int]:
    """The file's line and column of ``value[offset]``, the value being the scalar at
    ``path``: the rest of that line of the value is looked for in the file from the
    scalar's start (a block scalar keeps its lines; a quoted one with escapes may not be
    found, and then the scalar's own place is given)."""
    line, column = doc.locate(path)
    start = value.rfind("\n", 0, offset) + 1
    end = value.find("\n", offset)
    snippet = value[offset:end if end >= 0 else len(value)].rstrip()[:60]
    if not snippet.strip():
        return line, column
    lines = doc.text.split("\n")
    for number in range(line - 1, len(lines)):
        # the file's line holds the value's line at least as far in (indentation adds)
        least = offset - start + (column - 1 if number == line - 1 else 0)
        found = lines[number].find(snippet, least)
        if found >= 0:
            return number + 1, found + 1
    return line, column


def check_unique_values(doc: Document, path: PathKey, values: Sequence[str]) -> None:
    """Report values listed twice in the list at ``path``."""
    for i, _first in find_repeats(values):
        doc.problem((*path, i), f"'{values[i]}' is listed twice", "list each once")


def find_repeats(values: Sequence[object]) -> list[tuple[int, int]]:
    """(index, index of its first occurrence) for every value seen before."""
    first: dict[object, int] = {}
    repeats = []
    for i, value in enumerate(values):
        if value in first:
            repeats.append((i, first[value]))
        else:
            first[value] = i
    return repeats


def locate_findings(doc: Document, findings: list[Finding], severity: str) -> list[Problem]:
    """Findings as located problems of the given severity."""
    problems = []
    for finding in findings:
        line, column = doc.locate(finding.path)
        problems.append(Problem(doc.file, line, column, format_path(finding.path),
                                finding.message, finding.hint, severity))
    return problems

