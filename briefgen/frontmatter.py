"""What an analyst knows of a page that its text does not print: an article file's front
matter, a block of YAML between two lines of three hyphens at its very top.

    ---
    publisher: The Irish Times
    url: https://www.irishtimes.com/news/...
    date: 2001-10-13
    ---
    Headline of the article
    ...

The draft takes each of these where its reading of the text finds none (a page saved without
its masthead, a reprint that names no publisher), and the source's url always; the checks of
quotes read the article after the block, never the block itself.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import yaml

from briefgen.errors import Problem, ValidationError, describe_value, find_close

FIELDS = ("publisher", "url", "date", "title")
"""The keys front matter may give."""

_FENCE = re.compile(r"-{3}[ \t]*\r?$")


@dataclass(frozen=True)
class FrontMatter:
    """What the front matter of an article file gives; None where it gives nothing."""

    publisher: str | None = None
    url: str | None = None
    date: dt.date | None = None
    title: str | None = None


def find_fence(lines: list[str]) -> int | None:
    """The index of the line that closes the front matter, or None where there is none: the
    first line must be ``---`` and a later line close it."""
    if not lines or not _FENCE.match(lines[0]):
        return None
    return next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)


def strip_front_matter(text: str) -> str:
    """The article without its front matter, the block's lines left blank so that the lines
    after it keep their numbers."""
    lines = text.split("\n")
    end = find_fence(lines)
    if end is None:
        return text
    return "\n" * (end + 1) + "\n".join(lines[end + 1:])


def read_front_matter(text: str, name: str) -> FrontMatter:
    """The front matter of the article file ``name`` whose text is ``text`` (an empty one
    where it has none); every problem in it raises, all at once, as ``ValidationError``."""
    lines = text.split("\n")
    end = find_fence(lines)
    if end is None:
        return FrontMatter()
    block = "\n".join(lines[1:end])
    try:
        node = yaml.compose(block, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 2, mark.column + 1) if mark else (2, 1)
        raise ValidationError([Problem(name, line, column, "front matter",
                                       f"not YAML: {exc.problem or exc.context}",
                                       "write one 'key: value' a line")]) from None
    if node is None:
        return FrontMatter()
    if not isinstance(node, yaml.MappingNode):
        raise ValidationError([Problem(name, 2, 1, "front matter", "expected 'key: value' "
                                       "lines, found " + describe_node(node),
                                       "keys: " + ", ".join(FIELDS))])
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for key_node, value_node in node.value:
        key = str(key_node.value)
        line, column = key_node.start_mark.line + 2, key_node.start_mark.column + 1
        value = yaml.SafeLoader(block).construct_object(value_node, deep=True)
        value, problem = convert_field(key, value)
        if problem is None:
            values[key] = value
        else:
            problems.append(Problem(name, line, column, f"front matter.{key}", *problem))
    if problems:
        raise ValidationError(problems)
    return FrontMatter(**values)  # type: ignore[arg-type]


def convert_field(key: str, value: object) -> tuple[object, tuple[str, str] | None]:
    """One front matter field's value as FrontMatter holds it, or what is wrong with it (a
    message and a hint)."""
    if key not in FIELDS:
        close = find_close(key, FIELDS)
        return None, (f"unknown key '{key}'",
                      f"did you mean '{close}'?" if close else "keys: " + ", ".join(FIELDS))
    if key == "date":
        return read_date(value)
    if not isinstance(value, str) or not value.strip():
        return None, (f"expected text, found {describe_value(value)}",
                      f"write {key}: followed by its text")
    if key == "url" and not re.match(r"https?://\S+$", value.strip()):
        return None, (f"expected an http or https address, found '{value}'",
                      "give the page's address as the browser shows it")
    return value.strip(), None


def read_date(value: object) -> tuple[object, tuple[str, str] | None]:
    """A front matter date: YAML's own (2019-08-12) or the same written as text."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value, None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()), None
        except ValueError:
            pass
    return None, (f"expected a date, found {describe_value(value)}",
                  "write it as YYYY-MM-DD, e.g. 2019-08-12")


def describe_node(node: yaml.Node) -> str:
    """What a YAML node is, in a user's words."""
    return "a list" if isinstance(node, yaml.SequenceNode) else f"'{node.value}'"
