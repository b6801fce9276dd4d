"""The one exception base and the located problems that validation collects."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple


class Problem(NamedTuple):
    """One located problem in an input file, printed as ``FILE:LINE:COL: path: message (hint)``.

    ``line`` and ``column`` are 1-based; ``path`` is the field's address in the document
    (``claims[2].quote``), ``$`` for the document as a whole.
    """

    file: str
    line: int
    column: int
    path: str
    message: str
    hint: str = ""
    severity: str = "error"
    """``error`` fails validation; ``warning`` fails it only with ``--strict``."""

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        text = f"{self.file}:{self.line}:{self.column}: {self.path}: {prefix}{self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class BriefgenError(Exception):
    """Base of every error briefgen reports to a user; ``cli`` exits with its
    ``exit_code``."""

    exit_code = 1


class ValidationError(BriefgenError):
    """An input file has one or more problems; all of them are carried, sorted by place."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column, p.path))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[ValidationError], tuple[list[Problem]]]:
        return (type(self), (self.problems,))  # so that it crosses to and from worker processes


class ConfigError(ValidationError):
    """``briefgen.toml`` has one or more problems; all of them are carried."""


class SeedError(BriefgenError):
    """An article cannot be added to seeds/; nothing was written."""


class RenderError(BriefgenError):
    """A template or the Word writer failed on a brief that validated."""


class LimitError(BriefgenError):
    """A brief took longer than the time limit, or made more output than the size limit.
    Raised where the brief's file is not known; the build places it with ``located``."""

    def __init__(self, message: str, hint: str = "", file: str | None = None) -> None:
        self.message = message
        self.hint = hint
        self.file = file
        shown = (str(Problem(file, 1, 1, "$", message, hint)) if file is not None
                 else f"{message} ({hint})" if hint else message)
        super().__init__(shown)

    def __reduce__(self) -> tuple[type[LimitError], tuple[str, str, str | None]]:
        return (type(self), (self.message, self.hint, self.file))

    def located(self, file: str) -> LimitError:
        """The same error, printed at the start of the brief ``file``."""
        return LimitError(self.message, self.hint, file)


class OutputError(BriefgenError):
    """An output could not be written; the previous file, if any, is untouched."""


class MissingInputError(BriefgenError):
    """A file or folder named on the command line is not there: a usage error, exit 2."""

    exit_code = 2


def display_path(path: Path) -> str:
    """A path as a user typed it: relative to the working directory when it is below it."""
    return display_text(os.getcwd(), str(path))


@lru_cache(maxsize=1024)
def display_text(cwd: str, path: str) -> str:
    try:
        return str(resolve_text(cwd, path).relative_to(resolve_folder(cwd)))
    except ValueError:
        return path


def resolved(path: Path) -> Path:
    """``path.resolve()``; a batch asks for the same few folders, and for each brief and
    seed, again and again, so the last 1,024 resolutions are kept, by working folder and path
    as text (quicker to look up than paths)."""
    return resolve_text(os.getcwd(), str(path))


def resolved_name(path: str) -> str:
    """``str(resolved(Path(path)))``, without making paths: the build record looks up
    thousands of briefs by name."""
    return resolve_name(os.getcwd(), path)


@lru_cache(maxsize=1024)
def resolve_text(cwd: str, path: str) -> Path:
    return Path(resolve_name(cwd, path))


@lru_cache(maxsize=1024)
def resolve_name(cwd: str, path: str) -> str:
    full = os.path.join(cwd, path)  # an absolute path stays itself
    folder, name = os.path.split(full)
    if name in ("", ".", "..") or os.path.islink(full):
        return os.path.realpath(full)
    return os.path.join(resolve_folder(folder), name)


@lru_cache(maxsize=1024)
def resolve_folder(folder: str) -> str:
    return os.path.realpath(folder)


def find_close(word: str, options: Sequence[str]) -> str | None:
    """The option most like ``word``, for a "did you mean" hint, if one is close enough.
    (difflib is imported here, for errors only: it costs every start 3 ms.)"""
    import difflib

    close = difflib.get_close_matches(word, options, n=1)
    return close[0] if close else None


def describe_value(value: object) -> str:
    """A value found in a YAML file, as an editor would recognise it in a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return repr(shown)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
