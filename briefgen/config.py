"""``briefgen.toml``: the settings of a briefing folder, found upward from the working folder
as mkdocs finds ``mkdocs.yml``.

Every command run in that folder or below reads it; an option given on the command line wins
over it. Paths in it are relative to the file's own folder, and are handed to the commands
relative to the working folder, so that messages show them as a user would type them. Outside
any briefing folder the defaults are those of a folder laid out like one (``briefs/``,
``out/``; seeds in the nearest ``seeds/`` above each brief).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple, TypeVar

from briefgen.errors import ConfigError, Problem, find_close

CONFIG_NAME = "briefgen.toml"
SCHEMA_PATH = Path("docs", "incident.schema.json")
"""Where a briefing folder keeps the JSON Schema that its briefs' ``$schema`` lines name."""
MAX_CONFIG_BYTES = 64 * 1024

KEYS = {
    "briefs": "the folder of incident files that validate and build read and new writes to",
    "seeds": "the folder of seed articles",
    "output": "the folder build writes to",
    "templates": "a folder of templates that override the defaults file by file",
    "reference_doc": "a Word document whose styles the .docx uses",
    "handling": "the handling marking that new writes into a skeleton",
    "pdf_a": "whether build writes the PDF as PDF/A-2b, for archiving",
    "length": "what build writes of each brief: the full brief, or a one-page summary",
}
EXAMPLES = {"briefs": "briefs", "seeds": "seeds", "output": "out", "templates": "house",
            "reference_doc": "house/reference.docx", "handling": "TLP:CLEAR", "pdf_a": "true",
            "length": "summary"}
LENGTHS = ("full", "summary")
"""What ``build`` writes of each brief: the whole brief, or its one-page summary."""
PATH_KEYS = ("briefs", "seeds", "output", "templates", "reference_doc")
BOOLEAN_KEYS = ("pdf_a",)


class Config(NamedTuple):
    """The settings a command starts from; paths relative to the working folder."""

    file: Path | None
    """The ``briefgen.toml`` read, or None outside any briefing folder."""
    briefs: Path = Path("briefs")
    seeds: Path | None = None
    output: Path = Path("out")
    templates: Path | None = None
    reference_doc: Path | None = None
    handling: str = "TLP:CLEAR"
    pdf_a: bool = False
    length: str = "full"
    """``full`` or ``summary``: what ``build`` writes of each brief (``--length`` wins)."""

    @property
    def schema(self) -> Path | None:
        """The folder's JSON Schema, or None outside a briefing folder."""
        return None if self.file is None else shorten(self.file.parent / SCHEMA_PATH)


def find_config(start: Path) -> Path | None:
    """The nearest ``briefgen.toml`` in ``start`` or one of its parents."""
    start = start.absolute()
    for folder in [start, *start.parents]:
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path | None = None) -> Config:
    """The settings for a command run in ``start`` (default: the working folder)."""
    path = find_config(start or Path.cwd())
    return Config(None) if path is None else read_config(path)


def read_config(path: Path) -> Config:
    """The settings in ``path``; a ConfigError listing every problem if it has any."""
    import tomllib

    name = str(shorten(path))
    size = path.stat().st_size
    if size > MAX_CONFIG_BYTES:
        raise ConfigError([Problem(name, 1, 1, "$", f"file is {size:,} bytes, more than the "
                                   f"{MAX_CONFIG_BYTES:,} allowed", "a briefgen.toml is a "
                                   "few lines")])
    text = read_text(path, name)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column = locate_decode_error(str(exc), text)
        message = re.sub(r"\s*\((?:at line \d+, column \d+|at end of document)\)$", "",
                         str(exc))
        raise ConfigError([Problem(name, line, column, "$", f"TOML syntax error: {message}",
                                   "each line is key = \"value\", text in double quotes")]
                          ) from exc
    problems = [problem for key, value in data.items()
                for problem in check_entry(name, text, key, value, path.parent)]
    if problems:
        raise ConfigError(problems)
    # the defaults, too, are the folder's: briefs/ and out/ beside briefgen.toml
    settings: dict[str, object] = {"briefs": "briefs", "output": "out", **data}
    return Config(path, **{key: shorten(path.parent / str(value)) if key in PATH_KEYS
                           else value for key, value in settings.items()})  # type: ignore[arg-type]


def read_text(path: Path, name: str) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ConfigError([Problem(name, line, column, "$", f"invalid UTF-8 byte "
                                   f"0x{data[exc.start]:02x}", "save the file as UTF-8")]
                          ) from exc


def locate_decode_error(message: str, text: str) -> tuple[int, int]:
    """Line and column of a TOML syntax error, from tomllib's message (3.11 and 3.12 give
    no attributes for them)."""
    found = re.search(r"\(at line (\d+), column (\d+)\)$", message)
    if found:
        return int(found[1]), int(found[2])
    lines = text.splitlines() or [""]
    return len(lines), len(lines[-1]) + 1


def check_entry(name: str, text: str, key: str, value: object, folder: Path) -> list[Problem]:
    """The problems of one ``key = value`` line: unknown key, wrong type, missing path."""
    line, column = locate_key(text, key)
    if key not in KEYS:
        close = find_close(key, list(KEYS))
        hint = f"did you mean '{close}'?" if close else f"known keys: {', '.join(KEYS)}"
        return [Problem(name, line, column, key, f"unknown key '{key}'", hint)]
    line, column = locate_value(text, key)
    if key in BOOLEAN_KEYS:
        if isinstance(value, bool):
            return []
        return [Problem(name, line, column, key, f"expected true or false, found "
                        f"{describe_value(value)}", f"write {key} = true or {key} = false, "
                        "without quotes")]
    if not isinstance(value, str):
        expected = "a path as text" if key in PATH_KEYS else "text"
        return [Problem(name, line, column, key, f"expected {expected}, found "
                        f"{describe_value(value)}",
                        f"write it in double quotes, as in {key} = \"{EXAMPLES[key]}\"")]
    if key == "handling":
        return check_handling(name, line, column, value)
    if key == "length":
        return check_length(name, line, column, value)
    if key in ("templates", "reference_doc") and not (folder / value).exists():
        kind = "folder" if key == "templates" else "file"
        return [Problem(name, line, column, key, f"{kind} '{value}' not found",
                        f"paths are relative to the folder of {CONFIG_NAME}; "
                        f"{KEYS[key]}")]
    return []


def check_handling(name: str, line: int, column: int, value: str) -> list[Problem]:
    from typing import get_args

    from briefgen.model import Handling

    markings = get_args(Handling)
    if value in markings:
        return []
    return [Problem(name, line, column, "handling", f"expected a TLP marking, found "
                    f"'{value}'", f"one of {', '.join(markings)}")]


def check_length(name: str, line: int, column: int, value: str) -> list[Problem]:
    if value in LENGTHS:
        return []
    return [Problem(name, line, column, "length", f"expected {' or '.join(LENGTHS)}, found "
                    f"'{value}'", "full: the whole brief; summary: one page of it")]


def describe_value(value: object) -> str:
    """A value found in briefgen.toml, in TOML's words ('a table', 'an array'), where
    ``errors.describe_value`` speaks of a YAML file's ('a mapping', 'a list')."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return f"the text \"{value}\""
    return f"a {type(value).__name__}"


def locate_key(text: str, key: str) -> tuple[int, int]:
    """Line and column of ``key`` where it is set (or its table's header), 1-based."""
    pattern = re.compile(rf"^(\s*)(?:\[\s*)?[\"']?{re.escape(key)}[\"']?\s*[=\]]")
    for number, line in enumerate(text.splitlines(), 1):
        found = pattern.match(line)
        if found:
            return number, len(found[1]) + 1
    return 1, 1


def locate_value(text: str, key: str) -> tuple[int, int]:
    """Line and column of the value set for ``key``, 1-based."""
    line, _column = locate_key(text, key)
    source = text.splitlines()[line - 1] if text else ""
    found = re.match(r"[^=]*=\s*", source)
    return line, (found.end() + 1) if found else 1


def shorten(path: Path) -> Path:
    """``path`` relative to the working folder, as a user would type it (absolute when
    there is no relative way, as across Windows drives)."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:
        return path.absolute()


T = TypeVar("T")


def choose(given: T | None, configured: T) -> T:
    """An option given on the command line wins over the folder's setting."""
    return configured if given is None else given
