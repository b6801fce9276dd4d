"""YAML file -> validated ``Brief``; every problem carries its file, line and column.

Loading runs in stages and collects every problem of a stage before it stops:

1. bytes: size limit, UTF-8, control characters;
2. YAML events: syntax errors, anchors and aliases (refused: they make YAML bombs);
3. nodes -> plain data with a location for every path: duplicate keys, foreign tags;
4. the schema (pydantic, its errors worded here): missing and unknown fields, types,
   vocabularies, YAML 1.1 surprises;
5. the rules across fields: references, unique ids, min <= max, quotes verbatim in the seeds.
"""

from __future__ import annotations

import os
import re
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic_core import ValidationError as SchemaError

from briefgen.errors import Problem, ValidationError, display_path, resolved
from briefgen.files import InputError, read_limited, resolve_inside
from briefgen.model import (
    HANDLING_WORDS,
    ID_PATTERN,
    LIKELIHOOD_WORDS,
    BoundHint,
    Brief,
    Claim,
    Comparison,
    ComparisonSet,
    FieldSpec,
    Figure,
    Finding,
    Head,
    Loaded,
    Model,
    PathKey,
    field_by_key,
    fields_of,
    iter_models,
)
from briefgen.seeds import (
    MAX_CUT_GAP,
    MIN_FRAGMENT_CHARS,
    MIN_FRAGMENT_WORDS,
    contains_quote,
    find_nearest,
    find_seeds_dir,
    find_short_fragment,
    normalise_text,
    read_count,
    read_seed,
    split_quote,
)
from briefgen.text import ZERO_WIDTH, describe_bidi, find_unpaired_bidi, find_zero_width, fold_text

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML was built with it (ten times faster), else Python's."""

MAX_BYTES = 2 * 1024 * 1024
"""Largest incident file accepted; real ones are a few kilobytes."""

MAX_DEPTH = 20
"""Nesting levels allowed; the schema needs five."""
MAX_TEXT = 20_000
"""Characters allowed in one text value: a long background section is about 5,000."""
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""What XML 1.0 (and so Word) cannot hold, C1 controls and lone surrogates included: looked
for in the file's text (where a surrogate cannot occur, UTF-8 being decoded strictly) and in
values written as escapes."""
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_WORD = re.compile(f"[\\w{ZERO_WIDTH}]+")
"""A word, with any zero-width characters inside it."""
ICD203_WORDS = frozenset([
    *(word for phrase in LIKELIHOOD_WORDS for word in phrase.split()), "probably",
    "probable", "possibly", "possible", "might", "may", "could", "perhaps", "maybe",
    "presumably", "conceivably", "doubtful", "likelihood", "clearly", "obviously",
    "undoubtedly", "certainly", "definitely", "confidence", "low", "moderate", "high"])
"""The words of ICD 203's likelihood and confidence scales and of the estimative and
assumption words the review looks for."""
_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_KEY: PathKey = ("<key>",)
"""What ``Composer.next_path`` gives for a node that is a mapping's key (compared by identity)."""
_PLAIN_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_TAG_NAMES = {_TAG + "int": "an integer", _TAG + "float": "a number", _TAG + "bool": "a boolean",
              _TAG + "timestamp": "a date", _TAG + "null": "empty"}
"""What each plain tag asks for, in an editor's words."""
_UNREADABLE = object()
"""What a tagged scalar whose text is not of its tag's type reads as (a problem is recorded)."""
_RESOLVED_FIRST = frozenset(
    key for key in yaml.SafeLoader.yaml_implicit_resolvers if isinstance(key, str))
"""First characters of the plain scalars YAML may read as something other than text."""
_LONGEST_WORD = 5
"""The longest word YAML 1.1 reads as something other than text (``false``, ``FALSE``):
a longer plain scalar that starts with a letter is text."""


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
    root: type[Model] = Brief
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

    def problem(self, path: PathKey, message: str, hint: str = "",
                severity: str = "error") -> None:
        line, column = self.locate(path)
        self.problems.append(Problem(self.file, line, column, format_path(path), message, hint,
                                     severity))


def find_close(word: str, options: Sequence[str]) -> str | None:
    """The option most like ``word``, for a "did you mean" hint, if one is close enough.
    (difflib is imported here, for errors only: it costs every start 3 ms.)"""
    import difflib

    close = difflib.get_close_matches(word, options, n=1)
    return close[0] if close else None


def format_path(path: PathKey) -> str:
    """``("claims", 2, "quote")`` -> ``claims[2].quote``; the empty path is ``$``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "$"


def load_brief(path: Path, seeds_dir: Path | None = None) -> Brief:
    """Load and validate one incident file, or raise ``ValidationError`` with every problem."""
    loaded = load_any(path, seeds_dir)
    if not isinstance(loaded, Brief):
        raise ValidationError([Problem(display_path(path), 1, 1, "incidents",
                                       "expected one incident, found a comparison")])
    return loaded


def load_any(path: Path, seeds_dir: Path | None = None) -> Loaded:
    """Load an incident file or a comparison with its incidents."""
    return load_document(path, seeds_dir)[0]


def load_document(path: Path, seeds_dir: Path | None = None) -> tuple[Loaded, Document]:
    """The validated brief and its document (for locating later findings), or
    ``ValidationError`` with every problem."""
    doc = read_document(path)
    if doc.problems:
        raise ValidationError(doc.problems)
    if isinstance(doc.data, dict) and "incidents" in doc.data:
        doc.root = Comparison
    for todo_path, value in doc.todos.items():
        doc.problem(todo_path, f"still to fill in: {value}",
                    describe_field(todo_path, doc.root) or "replace the TODO with the value")
    model = validate_schema(doc)
    if model is None:
        check_raw(doc, seeds_dir or find_seeds_dir(resolved(path).parent))
    if model is None or doc.problems:
        raise ValidationError(doc.problems)
    check_history(doc, model)
    check_prose_fields(doc, model)
    check_invisible(doc, model)
    if isinstance(model, Comparison):
        incidents = load_incidents(doc, model, path.parent, seeds_dir)
        if doc.problems:
            raise ValidationError(doc.problems)
        return ComparisonSet(model, incidents), doc
    check_rules(doc, model, seeds_dir or find_seeds_dir(resolved(path).parent))
    if doc.problems:
        raise ValidationError(doc.problems)
    return model, doc


def load_incidents(doc: Document, comparison: Comparison, folder: Path,
                   seeds_dir: Path | None) -> tuple[Brief, ...]:
    """The incident briefs a comparison names, each ``folder/ID.yaml`` and valid."""
    check_unique_values(doc, ("incidents",), comparison.incidents)
    incidents = []
    for i, incident_id in enumerate(comparison.incidents):
        path = folder / f"{incident_id}.yaml"
        if not path.is_file():
            known = sorted(p.stem for p in folder.glob("*.yaml"))
            close = find_close(incident_id, known)
            doc.problem(("incidents", i), f"no incident file {display_path(path)}",
                        f"did you mean '{close}'?" if close else "give the id of a file "
                        "beside this one")
            continue
        try:
            incidents.append(load_brief(path, seeds_dir))
        except ValidationError as exc:
            doc.problem(("incidents", i), f"incident '{incident_id}' is not valid "
                        f"({len(exc.problems)} problem{'s' * (len(exc.problems) != 1)})",
                        f"run briefgen validate {display_path(path)}")
    return tuple(incidents)


def check_prose_fields(doc: Document, model: Model) -> None:
    """What the Markdown parser sees in every prose field: headings, notes, raw HTML, images,
    links that are not http(s) or mailto, deep nesting (``briefgen.prose``), each at its
    line."""
    from briefgen.prose import check_prose

    for path, text in find_prose(model):
        for fault in check_prose(text):
            line, column = locate_in_value(doc, path, text, fault.offset)
            doc.problems.append(Problem(doc.file, line, column, format_path(path),
                                        fault.message, fault.hint))


NAME_FIELDS = frozenset(["name", "aliases", "name_ar", "speaker", "publisher", "authors"])
"""Fields that name someone: an invisible character in one makes two names that look alike
differ."""


def check_invisible(doc: Document, model: Model) -> None:
    """Zero-width characters in names, and in words of the ICD 203 vocabulary anywhere in
    prose (``pro\u200bbably`` hides ``probably`` from the estimative-word check)."""
    if not find_zero_width(doc.text) and "\\u" not in doc.text and "\\U" not in doc.text:
        return  # none in the file, nor written as an escape: most files
    for path, text in find_text(model, NAME_FIELDS):
        found = find_zero_width(text)
        if found:
            doc.problems.append(Problem(
                doc.file, *locate_in_value(doc, path, text, found.start()), format_path(path),
                f"zero-width character U+{ord(found.group()):04X} in a name",
                "delete it; it is invisible, and makes this name differ from one that looks "
                "the same"))
    for path, text in find_prose(model):
        if not find_zero_width(text):
            continue
        for word in _WORD.finditer(text):
            hidden = find_zero_width(word.group())
            if hidden and fold_text(word.group()) in ICD203_WORDS:
                doc.problems.append(Problem(
                    doc.file, *locate_in_value(doc, path, text, word.start()),
                    format_path(path), f"zero-width character U+{ord(hidden.group()):04X} "
                    f"inside the word '{fold_text(word.group())}'", "delete it; it hides "
                    "the word from the ICD 203 check"))


def find_text(value: Any, keys: frozenset[str], path: PathKey = (),
              inside: bool = False) -> list[tuple[PathKey, str]]:
    """Every text value under a field whose key is one of ``keys``, with its path."""
    if isinstance(value, str):
        return [(path, value)] if inside else []
    found: list[tuple[PathKey, str]] = []
    if isinstance(value, Model):
        for spec in fields_of(type(value)):
            found.extend(find_text(getattr(value, spec.name), keys, (*path, spec.key),
                                   spec.key in keys))
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            found.extend(find_text(item, keys, (*path, i), inside))
    return found


def find_prose(value: Any, path: PathKey = ()) -> list[tuple[PathKey, str]]:
    """Every field that the model types as Markdown prose, with its path."""
    found: list[tuple[PathKey, str]] = []
    if isinstance(value, Model):
        for spec in fields_of(type(value)):
            item = getattr(value, spec.name)
            if spec.prose and isinstance(item, str):
                found.append(((*path, spec.key), item))
            elif isinstance(item, Model | tuple):
                found.extend(find_prose(item, (*path, spec.key)))
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            found.extend(find_prose(item, (*path, i)))
    return found


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


def find_repeats(values: Sequence[str]) -> list[tuple[int, int]]:
    """(index, index of its first occurrence) for every value seen before."""
    first: dict[str, int] = {}
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


def read_document(path: Path) -> Document:
    """Stages 1 to 3: the file as plain data with places, or the problems that stop it."""
    doc = Document(display_path(path))
    raw = read_brief_bytes(path, doc)
    if raw is None:
        return doc
    text = decode_text(raw, doc)
    if text is None:
        return doc
    doc.text = text
    check_characters(text, doc)
    check_bidi(text, doc)
    if doc.problems:
        return doc
    composer = Composer(doc)
    try:
        found = composer.compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        doc.problems.append(Problem(doc.file, line, column, "$",
                                    f"YAML syntax error: {exc.problem or exc.context}",
                                    "check indentation, colons and quotes on this line"))
        return doc
    if doc.problems:
        return doc
    if not found:
        doc.problem((), "the file is empty", "start from `briefgen new ID`")
        return doc
    doc.data = composer.result
    return doc


def read_brief_bytes(path: Path, doc: Document) -> bytes | None:
    """The file's bytes, if it is a regular file of at most ``MAX_BYTES`` (checked before
    reading; the read stops there), else None with the problem recorded."""
    try:
        return read_limited(path, MAX_BYTES)
    except InputError as exc:
        too_big = exc.message.startswith("file is")
        doc.problem((), exc.message, "an incident file is a few kilobytes; split it or remove "
                    "pasted text" if too_big else "give the path of a YAML file")
    except OSError as exc:
        doc.problem((), f"cannot read the file: {exc.strerror or exc}")
    return None


def decode_text(raw: bytes, doc: Document) -> str | None:
    """The file's text, from UTF-8 with or without a byte-order mark."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        doc.problem((), "the file is UTF-16 (it starts with a UTF-16 byte-order mark)",
                    "save it as UTF-8")
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        doc.problems.append(Problem(doc.file, line, column, "$",
                                    f"invalid UTF-8 byte 0x{raw[exc.start]:02x}",
                                    "save the file as UTF-8"))
        return None


def check_characters(text: str, doc: Document) -> None:
    """Report every control character with its line and column."""
    if not _UNSTORABLE.search(text):
        return
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _UNSTORABLE.finditer(line.rstrip("\r")):
            doc.problems.append(Problem(
                doc.file, number, match.start() + 1, "$",
                f"control character U+{ord(match.group()):04X} is not allowed",
                "delete it; it is invisible in most editors"))


def check_bidi(text: str, doc: Document) -> None:
    """Report every unpaired bidirectional control with its line and column: one left open
    reorders whatever is printed after it (a quote after a name)."""
    if not _BIDI.search(text):
        return
    for number, line in enumerate(text.split("\n"), start=1):
        for at in find_unpaired_bidi(line):
            doc.problems.append(Problem(doc.file, number, at + 1, "$", *describe_bidi(line[at])))


class _Open:
    """A mapping or list being read: where it is (None when its content is not kept: a key,
    a value under a bad key or tag), what it holds so far, and for a mapping the key whose
    value comes next (``(None,)`` for a key that was refused)."""

    __slots__ = ("in_key", "is_map", "items", "key", "mark", "path")

    def __init__(self, path: PathKey | None, items: Any, is_map: bool, in_key: bool,
                 mark: Any) -> None:
        self.path = path
        self.items = items
        self.is_map = is_map
        self.in_key = in_key
        self.mark = mark
        self.key: tuple[str | None] | None = None


class Composer:
    """YAML events (from libyaml) to plain data in one pass, with the place of every path:
    anchors, aliases and deep nesting are refused as they come, before any value is built
    from them; duplicate keys, keys that are not text, tags and unquoted surprises are
    recorded as problems."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.loader = yaml.SafeLoader("")
        self.open: list[_Open] = []
        self.result: Any = None
        self.refused = False

    def compose(self, text: str) -> bool:
        """Read ``text``; whether it held a document."""
        documents = depth = 0
        parser = FAST_LOADER(text)
        try:
            while (event := parser.get_event()) is not None:
                kind = type(event)
                if kind is yaml.ScalarEvent:
                    if event.anchor is not None:
                        self.refuse(event, "anchor")
                    elif not self.refused:
                        self.scalar(event)
                elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                    depth += 1
                    if depth > MAX_DEPTH:
                        self.problem_at(event.start_mark, f"nesting is deeper than {MAX_DEPTH}"
                                        " levels", "an incident file nests a few levels at most")
                        return True
                    if event.anchor is not None:
                        self.refuse(event, "anchor")
                    elif not self.refused:
                        self.start(event, kind is yaml.MappingStartEvent)
                elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                    depth -= 1
                    if not self.refused:
                        self.end()
                elif kind is yaml.AliasEvent:
                    self.refuse(event, "alias")
                elif kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        self.problem_at(event.start_mark, "YAML syntax error: but found "
                                        "another document", "one incident a file: remove "
                                        "the '---' line")
                        return True
        finally:
            parser.dispose()
        return documents > 0

    def problem_at(self, mark: Any, message: str, hint: str) -> None:
        self.doc.problems.append(Problem(self.doc.file, mark.line + 1, mark.column + 1, "$",
                                         message, hint))

    def refuse(self, event: Any, kind: str) -> None:
        """Anchors and aliases hide repeated content and make YAML bombs."""
        self.refused = True
        self.problem_at(event.start_mark, f"YAML {kind} '{event.anchor}' is not allowed",
                        "write the value out in full")

    def next_path(self) -> PathKey | None:
        """The path of the node that starts now; ``_KEY`` when it is a mapping's key, None
        where its value is not kept."""
        if not self.open:
            return ()
        top = self.open[-1]
        if top.is_map:
            if top.key is None:
                return _KEY
            key = top.key[0]
            return None if key is None or top.path is None else (*top.path, key)
        return None if top.path is None else (*top.path, len(top.items))

    def scalar(self, event: Any) -> None:
        """One scalar: a key, or a value kept at its path (the hot path: plain text)."""
        value = event.value
        tag = event.tag
        if tag is None or tag == "!":
            if (not event.implicit[0] or (value and value[0] not in _RESOLVED_FIRST)
                    or (len(value) > _LONGEST_WORD and value[0].isalpha())):
                tag = _STR  # quoted, or no implicit type starts this way or is this long
            else:
                tag = self.loader.resolve(  # type: ignore[no-untyped-call]
                    yaml.ScalarNode, value, event.implicit)
        path = self.next_path()
        if path is _KEY:
            if event.style == '"' and _UNSTORABLE.search(value):
                self.refuse_key(event, value)
            else:
                self.add_key(value, tag == _STR, event.start_mark, value)
            return
        if path is None:
            self.add_value(None)
            return
        mark = event.start_mark
        doc = self.doc
        doc.places[path] = (mark.line + 1, mark.column + 1)
        if tag == _STR or tag == _TAG + "timestamp":
            if tag != _STR and event.tag not in (None, "!") and self.construct(
                    yaml.ScalarNode(tag, value, mark, event.end_mark), path) is _UNREADABLE:
                self.add_value(None)  # a date tagged explicitly must be one
                return
            if event.style == '"' or len(value) > MAX_TEXT:  # only escapes can hide controls
                check_scalar(value, path, doc)
            if "TODO" in value and value.lstrip().startswith("TODO"):
                doc.todos[path] = " ".join(value.split())
            self.add_value(value)  # dates stay text; the schema parses them
        elif tag in _PLAIN_TAGS:
            if not event.style and tag != _TAG + "null":
                doc.surprises[path] = value
            node = yaml.ScalarNode(tag, value, mark, event.end_mark, event.style)
            constructed = self.construct(node, path)
            self.add_value(None if constructed is _UNREADABLE else constructed)
        else:
            self.refuse_tag(path, tag)
            self.add_value(None)

    def construct(self, node: yaml.ScalarNode, path: PathKey) -> Any:
        """The value of a scalar of a plain type, or ``_UNREADABLE`` with a problem recorded
        when its tag asks for a type its text is not (``!!int abc``, ``!!bool maybe``)."""
        try:
            return self.loader.construct_object(node)
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError, yaml.YAMLError):
            kind = _TAG_NAMES.get(node.tag, node.tag.replace(_TAG, ""))
            self.doc.problem(path, f"{node.value!r} is not {kind}, as its tag "
                             f"'{node.tag.replace(_TAG, '!!')}' says",
                             "remove the tag, or write a value of that type")
            return _UNREADABLE

    def refuse_key(self, event: Any, key: str) -> None:
        """A key that holds a character no brief can store, written as an escape."""
        bad = _UNSTORABLE.search(key)
        top = self.open[-1]
        self.problem_at(event.start_mark, f"key {key!a} holds character "
                        f"U+{ord(bad.group()) if bad else 0:04X}, which is not allowed "
                        "(written as an escape)", "delete the escape; a key is a field name")
        if top.path is not None:
            self.doc.problems[-1] = self.doc.problems[-1]._replace(path=format_path(top.path))
        top.key = (None,)

    def refuse_tag(self, path: PathKey, tag: str) -> None:
        self.doc.problem(path, f"YAML tag '{tag.replace(_TAG, '!!')}' is not allowed",
                         "remove the tag; only plain values are read")

    def start(self, event: Any, is_map: bool) -> None:
        path = self.next_path()
        in_key = path is _KEY
        if in_key:
            path = None
        if path is not None:
            mark = event.start_mark
            self.doc.places[path] = (mark.line + 1, mark.column + 1)
            tag = event.tag
            if tag is not None and tag != "!" and tag != _TAG + ("map" if is_map else "seq"):
                self.refuse_tag(path, tag)
                path = None  # its content is not kept
        self.open.append(_Open(path, {} if is_map else [], is_map, in_key, event.start_mark))

    def end(self) -> None:
        closed = self.open.pop()
        if closed.in_key:
            self.add_key(None, False, closed.mark, "{...}" if closed.is_map else "[...]")
        else:
            self.add_value(closed.items if closed.path is not None else None)

    def add_key(self, key: str | None, is_text: bool, mark: Any, shown: str) -> None:
        top = self.open[-1]
        if top.path is None:
            top.key = (None,)
            return
        if is_text and key not in top.items:
            top.key = (key,)
            return
        key_path = (*top.path, str(key))
        doc = self.doc
        if not is_text:
            if key is not None:
                doc.places[key_path] = (mark.line + 1, mark.column + 1)
            doc.problems.append(Problem(
                doc.file, mark.line + 1, mark.column + 1,
                format_path(key_path if key is not None else top.path),
                f"key {shown!r} is not text",
                f"quote it: '{shown}'" if key is not None else "write the key as text"))
        else:  # a key given twice
            first = doc.places[key_path]
            doc.problems.append(Problem(doc.file, mark.line + 1, mark.column + 1,
                                        format_path(key_path), f"duplicate key '{key}'",
                                        f"first given on line {first[0]}; keep one"))
        top.key = (None,)

    def add_value(self, value: Any) -> None:
        """Keep a finished value under its key (which is then used up) or at the next index."""
        if not self.open:
            self.result = value
            return
        top = self.open[-1]
        if top.is_map:
            key = top.key[0] if top.key else None
            top.key = None
            if key is not None and top.path is not None:
                top.items[key] = value
        else:
            top.items.append(value)


def check_scalar(value: str, path: PathKey, doc: Document) -> None:
    """Text that no brief can hold: characters Word cannot store, written as YAML escapes
    (``"\\x07"``), and text far longer than any field needs."""
    bad = _UNSTORABLE.search(value)
    if bad:
        doc.problem(path, f"character U+{ord(bad.group()):04X} is not allowed (written as "
                    "an escape)", "delete the escape; Word documents cannot hold it")
    if _BIDI.search(value):  # written as escapes: the file's lines were checked
        for line in value.split("\n"):
            for at in find_unpaired_bidi(line)[:1]:
                message, hint = describe_bidi(line[at])
                doc.problem(path, message + " (written as an escape)", hint)
    if len(value) > MAX_TEXT:
        doc.problem(path, f"text is {len(value):,} characters long, more than the "
                    f"{MAX_TEXT:,} allowed", "a field holds a few paragraphs at most; "
                    "summarise, and quote only what the claim needs")


def validate_schema(doc: Document) -> Brief | Comparison | None:
    """Stage 4: the data against the schema; ``None`` with problems recorded on failure."""
    if not isinstance(doc.data, dict):
        doc.problem((), "expected a mapping of fields (id: ..., title: ...)",
                    "start from `briefgen new ID`")
        return None
    model: type[Brief] | type[Comparison] = Comparison if "incidents" in doc.data else Brief
    try:
        return model.model_validate(doc.data)
    except SchemaError as exc:
        errors = exc.errors(include_url=False)
        misspelt = find_misspelt(errors, doc)
        for error in errors:
            path = tuple(error["loc"])
            if any(path[:end] in doc.todos for end in range(len(path) + 1)):
                continue  # the TODO is reported already
            if error["type"] == "missing" and path in misspelt:
                continue  # the unknown key that misspells it says so
            worded = describe_error(error, doc)
            if worded is not None:
                doc.problem(path, *worded)
        return None


def find_misspelt(errors: list[ErrorDetails], doc: Document) -> set[PathKey]:
    """The paths of missing fields that an unknown key beside them misspells (``bulf`` for
    ``bluf``): only the unknown key is reported, with its did-you-mean."""
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    found = set()
    for error in errors:
        path = tuple(error["loc"])
        if error["type"] != "extra_forbidden" or not path:
            continue
        close = find_close(str(path[-1]), fields_at(path[:-1], doc.root))
        if close is not None and (*path[:-1], close) in missing:
            found.add((*path[:-1], close))
    return found


_EXPECTED = {
    "string_type": "text",
    "string_too_short": "text",
    "blank_text": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "finite_number": "a finite number",
    "tuple_type": "a list",
    "model_type": "a mapping of fields",
    "date_type": "a date (YYYY-MM-DD)",
    "invalid_date": "a valid date (YYYY-MM-DD)",
    "date_with_time": "a date without a time",
}
"""What the schema wanted, in an editor's words, by the type of pydantic's error."""

_PATTERNS = {ID_PATTERN: ("{found} is not a valid id", "use lower-case letters, digits and "
                          "single hyphens, e.g. al-tanf-2017")}
"""What to say when text does not match a pattern of the schema."""

_RESERVED = ("{found} is a device name that Windows reserves, so its files could not be "
             "written there", "choose another id, e.g. add the year")


def describe_error(error: ErrorDetails, doc: Document) -> tuple[str, str] | None:
    """A validation error in the words of an editor: what was expected, what was found; None
    for one that says nothing new. (pydantic's own wording is never shown: each error is
    worded by its type.)"""
    path: PathKey = tuple(error["loc"])
    kind = error["type"]
    name = str(path[-1]) if path else "$"
    if kind == "too_short" and len(error["input"]) >= error["ctx"]["min_length"]:
        return None  # pydantic counts only the valid items; the others are reported
    if kind == "missing":
        return f"required field '{name}' is missing", f"add `{name}:`"
    if kind == "extra_forbidden":
        allowed = fields_at(path[:-1], doc.root)
        close = find_close(name, allowed)
        hint = f"did you mean '{close}'?" if close else "allowed: " + ", ".join(allowed)
        return f"unknown field '{name}'", hint
    found = describe_value(error["input"])
    spec = field_at(path, doc.root)
    hint = describe_field(path, doc.root)
    if kind == "literal_error":
        options = list_options(spec)
        if all(isinstance(option, str) for option in spec_options(spec)):
            close = find_close(error["input"], [str(o) for o in spec_options(spec)]) \
                if isinstance(error["input"], str) else None
            return expect_text(options, f"{found} is not one of: {options}",
                               f"did you mean '{close}'?" if close else
                               "use one of the words exactly as listed", path, doc, found)
        return f"expected {options}, found {found}", hint
    if kind == "string_type":
        return expect_text("text", f"expected text, found {found}", hint, path, doc, found)
    return describe_mismatch(error, spec, found, hint)


def describe_mismatch(error: ErrorDetails, spec: FieldSpec | None, found: str,
                      hint: str) -> tuple[str, str]:
    """A value of the right YAML type that the schema refuses, or of a wrong type that no
    unquoted surprise explains."""
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind == "string_pattern_mismatch" and context.get("pattern") in _PATTERNS:
        message, pattern_hint = _PATTERNS[context["pattern"]]
        return message.format(found=found), pattern_hint
    if kind == "reserved_id":
        return _RESERVED[0].format(found=found), _RESERVED[1]
    if kind == "greater_than_equal":
        return f"expected at least {format_bound(context['ge'])}, found {found}", hint
    if kind == "less_than_equal":
        reason = next((m.text for m in spec.markers if isinstance(m, BoundHint)), "") \
            if spec else ""
        return f"expected at most {format_bound(context['le'])}, found {found}", reason or hint
    if kind == "too_short":
        least, length = context["min_length"], len(error["input"])
        counted = "an empty list" if not length else f"{length}"
        return f"expected at least {least} item{'s' * (least != 1)}, found {counted}", hint
    return f"expected {_EXPECTED.get(kind, 'a valid value')}, found {found}", hint


def format_bound(bound: float) -> str:
    """A bound as the schema wrote it: ``1,000,000``, and ``90`` for a float's ``90.0``."""
    return f"{int(bound) if isinstance(bound, float) and bound.is_integer() else bound:,}"


def expect_text(expected: str, message: str, hint: str, path: PathKey, doc: Document,
                found: str) -> tuple[str, str]:
    """Where the schema wanted text: an unquoted scalar that YAML 1.1 read as something else
    (``NO`` as false, ``1:30`` as a number) is explained, with the hint to quote it."""
    surprise = doc.surprises.get(path)
    if surprise is not None:
        return (f"expected {expected}, found {surprise}, which YAML reads as {found}",
                f"quote it: '{surprise}'")
    return message, hint


def spec_options(spec: FieldSpec | None) -> tuple[Any, ...]:
    """The values a ``Literal`` field may take (of ``Literal[...] | None`` too)."""
    annotation = spec.annotation if spec else None
    for candidate in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(candidate) is typing.Literal:
            return typing.get_args(candidate)
    return ()


def list_options(spec: FieldSpec | None) -> str:
    """``'low', 'moderate' or 'high'``."""
    options = [repr(option) for option in spec_options(spec)]
    return f"{', '.join(options[:-1])} or {options[-1]}" if len(options) > 1 \
        else "".join(options)


def describe_value(value: Any) -> str:
    """A found value as an editor would recognise it."""
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


def model_at(path: PathKey, root: type[Model] = Brief) -> type[Model] | None:
    """The model whose fields are allowed at ``path``, or None if it is not a mapping."""
    model: type[Model] | None = root
    for part in path:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        spec = field_by_key(model, part)
        model = next(iter_models(spec.annotation), None) if spec else None
    return model


def fields_at(path: PathKey, root: type[Model] = Brief) -> list[str]:
    """The field names the schema allows at ``path`` (for 'did you mean')."""
    model = model_at(path, root)
    return sorted(spec.key for spec in fields_of(model)) if model else []


def field_at(path: PathKey, root: type[Model] = Brief) -> FieldSpec | None:
    """The field whose value, or one of whose list items, is at ``path``."""
    keys = [i for i, part in enumerate(path) if isinstance(part, str)]
    if not keys:
        return None
    model = model_at(path[: keys[-1]], root)
    return field_by_key(model, str(path[keys[-1]])) if model else None


def describe_field(path: PathKey, root: type[Model] = Brief) -> str:
    """The docstring of the field at ``path``, as a hint of what it expects."""
    spec = field_at(path, root)
    return " ".join(spec.description.replace("``", "").split()).rstrip(".") if spec else ""


def check_history(doc: Document, head: Head) -> None:
    """The revisions: given once, numbered one up each time, dated in order, and the marking
    not lowered without a reason."""
    if head.revisions is None and head.single_revision is None:
        doc.problem((), "required field 'revisions' is missing",
                    "add `revisions:`, every revision oldest first, each with number, date, "
                    "authors and changes")
        return
    if head.revisions is not None and head.single_revision is not None:
        doc.problem(("revision",), "both revision: and revisions: are given",
                    "move this revision into the revisions: list, in the order of its number")
        return
    key = "revisions" if head.revisions is not None else "revision"
    history = head.history
    for i in range(1, len(history)):
        before, now = history[i - 1], history[i]
        if now.number != before.number + 1:
            doc.problem((key, i, "number"), f"revision {now.number} follows revision "
                        f"{before.number}", f"number it {before.number + 1}: each revision's "
                        "number is one more than the last's")
        if now.date < before.date:
            doc.problem((key, i, "date"), f"{now.date} is before the date of revision "
                        f"{before.number}, {before.date}", "a revision is never dated before "
                        "the one it follows")
    rank = {word: number for number, word in enumerate(HANDLING_WORDS)}
    higher = next((r for r in history[:-1] if r.handling is not None
                   and rank[r.handling] > rank[head.handling]), None)
    if higher is not None and history[-1].handling_reason is None:
        doc.problem(("handling",), f"{head.handling} is lower than {higher.handling}, the "
                    f"marking of revision {higher.number}",
                    f"say why in the current revision's handling_reason, or keep "
                    f"{higher.handling}")


def check_rules(doc: Document, brief: Brief, seeds_dir: Path | None) -> None:
    """Stage 5: the rules that span fields, each failure located."""
    check_references(doc, brief)
    for i, claim in enumerate(brief.claims):
        check_figures(doc, i, claim)
    check_dates(doc, brief)
    check_quotes(doc, brief, seeds_dir)


def check_raw(doc: Document, seeds_dir: Path | None) -> None:
    """Where the schema refused the file, the references and quotes of what it holds, read
    from the plain data: a type error in one field does not hide an unknown actor or a quote
    not in its seed elsewhere."""
    if not isinstance(doc.data, dict) or doc.root is not Brief:
        return
    view = view_raw(doc.data)
    check_references(doc, view)
    check_quotes(doc, view, seeds_dir)


def view_raw(data: dict[str, Any]) -> Any:
    """The sections of an unvalidated brief that references and quotes read, each item with
    the fields those checks use: text where the file gives text, else None (or an empty
    list), so that what the schema reports, or a TODO, is not reported again."""
    from types import SimpleNamespace

    def text(item: dict[str, Any], key: str) -> str | None:
        value = item.get(key)
        return value if isinstance(value, str) and not is_todo(value) else None

    def texts(item: dict[str, Any], key: str) -> tuple[str, ...]:
        value = item.get(key)
        return tuple(v for v in value if isinstance(v, str) and not is_todo(v)) \
            if isinstance(value, list) else ()

    def section(key: str, fields: tuple[str, ...], lists: tuple[str, ...]) -> tuple[Any, ...]:
        value = data.get(key)
        items = value if isinstance(value, list) else []
        return tuple(SimpleNamespace(**{f: text(item, f) for f in fields},
                                     **{f: texts(item, f) for f in lists})
                     if isinstance(item, dict) else SimpleNamespace(
                         **dict.fromkeys(fields), **{f: () for f in lists})
                     for item in items)

    return SimpleNamespace(
        actors=section("actors", ("id", "parent"), ()),
        sources=section("sources", ("id", "seed"), ()),
        claims=section("claims", ("id", "actor", "via", "quote", "quote_source"),
                       ("against", "sources")),
        judgments=section("judgments", (), ("rests_on",)))


def is_todo(value: str) -> bool:
    """Whether a value is one still to fill in (``TODO ...``), reported as such."""
    return value.lstrip().startswith("TODO")


def check_references(doc: Document, brief: Brief) -> None:
    """Every id given once in its section, and every reference to one resolving."""
    actors = check_unique(doc, "actors", [a.id for a in brief.actors])
    sources = check_unique(doc, "sources", [s.id for s in brief.sources])
    claims = check_unique(doc, "claims", [c.id for c in brief.claims])
    for i, actor in enumerate(brief.actors):
        if actor.parent is not None:
            check_ref(doc, ("actors", i, "parent"), actor.parent, actors, "actor")
    for i, claim in enumerate(brief.claims):
        check_ref(doc, ("claims", i, "actor"), claim.actor, actors, "actor")
        for j, target in enumerate(claim.against):
            check_ref(doc, ("claims", i, "against", j), target, actors, "actor")
        for j, source in enumerate(claim.sources):
            check_ref(doc, ("claims", i, "sources", j), source, sources, "source")
        if claim.via is not None:
            check_ref(doc, ("claims", i, "via"), claim.via, sources, "source")
    for i, judgment in enumerate(brief.judgments):
        for j, claim_id in enumerate(judgment.rests_on):
            check_ref(doc, ("judgments", i, "rests_on", j), claim_id, claims, "claim")


def check_dates(doc: Document, brief: Brief) -> None:
    """Dates that agree: the incident starts no later than its earliest dated source, no
    source is dated after the current revision, and a claim is dated between the incident's
    start and its source's date."""
    start = brief.incident.date.start
    dated = [(i, s) for i, s in enumerate(brief.sources) if s.date is not None]
    if dated:
        earliest = min(dated, key=lambda item: item[1].date or start)[1]
        if earliest.date is not None and start > earliest.date:
            doc.problem(("incident", "date", "start"), f"the incident starts on {start}, after "
                        f"source '{earliest.id}' was published on {earliest.date}",
                        "an article cannot report what had not happened; check both dates")
    revised = brief.history[-1].date if brief.history else None
    for i, source in dated:
        if revised is not None and source.date is not None and source.date > revised:
            doc.problem(("sources", i, "date"), f"{source.date} is after the current "
                        f"revision's date, {revised}", "a brief cannot cite what was "
                        "published after it; check the date, or add a revision")
    published = {s.id: s.date for s in brief.sources if s.date is not None}
    for i, claim in enumerate(brief.claims):
        if claim.date is None:
            continue
        if claim.date < start:
            doc.problem(("claims", i, "date"), f"{claim.date} is before the incident's start, "
                        f"{start}", "a claim about the incident is made on or after it")
        latest = max((published[s] for s in claim.sources if s in published), default=None)
        if latest is not None and claim.date > latest:
            doc.problem(("claims", i, "date"), f"{claim.date} is after its sources were "
                        f"published (the latest on {latest})",
                        "a source reports a claim made on or before its own date")


def check_figures(doc: Document, i: int, claim: Claim) -> None:
    """A claim's casualty figures: min <= max, each figure's words in its quote or summary,
    and min and max as those words read."""
    if claim.casualties is None:
        return
    for what in ("killed", "wounded"):
        figure = getattr(claim.casualties, what)
        if figure is None:
            continue
        here: PathKey = ("claims", i, "casualties", what)
        if figure.max is not None and figure.min > figure.max:
            doc.problem((*here, "min"), f"min {figure.min} is greater than max {figure.max}",
                        "min is the lowest number the claim supports")
        if not any(holds_words(words, figure.text) for words in (claim.quote, claim.summary)):
            where = "quote or summary" if claim.quote else "summary"
            doc.problem((*here, "text"), f"'{figure.text}' is not in the claim's {where}",
                        f"give the words of the {where} that state the figure, exactly")
        check_reading(doc, here, figure)


def holds_words(text: str | None, words: str) -> bool:
    """Whether ``words`` occur in ``text`` as whole words, case and spacing aside."""
    if text is None:
        return False
    wanted = re.escape(normalise_text(words).lower())
    return re.search(rf"(?<!\w){wanted}(?!\w)", normalise_text(text).lower()) is not None


def check_reading(doc: Document, here: PathKey, figure: Figure) -> None:
    """min and max as the figure's words read: "more than 40" is min 41 and no max."""
    reading = read_count(figure.text)
    if reading is None:
        return
    said = f"'{figure.text}' reads as {reading.words}"
    low = reading.min
    if low is not None and (figure.min < low if reading.vague else figure.min != low):
        doc.problem((*here, "min"), f"{said}, but min is {figure.min}", f"set min: {low}")
    if reading.open and figure.max is not None:
        doc.problem((*here, "max"), f"{said}, with no upper figure, but max is {figure.max}",
                    "remove max:")
    elif reading.max is not None and figure.max != reading.max:
        given = "not given" if figure.max is None else figure.max
        doc.problem((*here, "max"), f"{said}, but max is {given}", f"set max: {reading.max}")


def check_unique(doc: Document, section: str, ids: list[str]) -> list[str]:
    """Report ids given twice in ``section``; return the ids."""
    for i, first in find_repeats(ids):
        if ids[i] is None:
            continue  # not text: the schema says so
        line = doc.locate((section, first, "id"))[0]
        doc.problem((section, i, "id"), f"duplicate id '{ids[i]}'",
                    f"first used on line {line}; ids must be unique within {section}")
    return ids


def check_ref(doc: Document, path: PathKey, value: str | None, known: list[str],
              what: str) -> None:
    """Report a reference to an id that is not defined (None: not text, reported already)."""
    if value is None or value in known:
        return
    close = find_close(value, known)
    hint = (f"did you mean '{close}'?" if close
            else f"known {what}s: " + ", ".join(dict.fromkeys(known)))
    doc.problem(path, f"unknown {what} '{value}'", hint)


def read_seed_text(doc: Document, path: PathKey, seed: str, seeds_dir: Path) -> str | None:
    """The normalised text of the seed file ``seed``, which must resolve inside
    ``seeds_dir`` (symlinks resolved first) and be a regular file within the size limit; else
    None with the problem recorded. A name that leads out of the folder gets the same message
    whether or not a file is there: nothing outside is looked at."""
    shown = display_path(seeds_dir)
    target = resolve_inside(seeds_dir, seed)
    if target is None:
        doc.problem(path, f"seed file '{seed}' is outside {shown}",
                    "give the name of a file in seeds/; paths out of it are not followed")
        return None
    if not os.path.lexists(target):
        names = sorted(p.name for p in seeds_dir.glob("*.txt"))
        close = find_close(seed, names)
        doc.problem(path, f"seed file '{seed}' not found in {shown}",
                    f"did you mean '{close}'?" if close else "give a file name in seeds/")
        return None
    try:
        return read_seed(target)
    except InputError as exc:
        too_big = exc.message.startswith("file is")
        doc.problem(path, f"seed file '{seed}': {exc.message}",
                    "a seed is the text of one article; keep only the article" if too_big
                    else exc.hint if exc.hint.startswith("save") else
                    "give the name of a text file in seeds/")
    except OSError as exc:
        doc.problem(path, f"seed file '{seed}': cannot read it: {exc.strerror or exc}")
    return None


def check_quotes(doc: Document, brief: Brief, seeds_dir: Path | None) -> None:
    """Every seed file exists, and every quote appears verbatim in one of its claim's seeds."""
    texts: dict[str, str] = {}
    for i, source in enumerate(brief.sources):
        if source.seed is None or source.id is None:
            continue
        if seeds_dir is None:
            doc.problem(("sources", i, "seed"), "no seeds/ folder found above the file",
                        "pass --seeds DIR")
            continue
        text = read_seed_text(doc, ("sources", i, "seed"), source.seed, seeds_dir)
        if text is not None:
            texts[source.id] = text
    if isinstance(brief, Brief):
        check_actors_named(doc, brief, texts)
    for i, claim in enumerate(brief.claims):
        if claim.quote is None or not claim.sources:
            continue
        source_id = claim.quote_source
        if source_id is None:
            if len(claim.sources) > 1:
                doc.problem(("claims", i, "quote"),
                            "the claim has several sources; say which one the quote is from",
                            "add quote_source: with one of " + ", ".join(claim.sources))
                continue
            source_id = claim.sources[0]
        elif source_id not in claim.sources:
            doc.problem(("claims", i, "quote_source"),
                        f"quote_source '{source_id}' is not one of the claim's sources",
                        "add it to sources: or name one of " + ", ".join(claim.sources))
            continue
        quoted = next((s for s in brief.sources if s.id == source_id), None)
        if quoted is None:
            continue  # reported as an unknown source
        if quoted.seed is None:
            doc.problem(("claims", i, "quote"),
                        f"source '{source_id}' has no seed text to check the quote against",
                        "quote from a source that has a seed: file")
        elif source_id in texts:
            check_quote(doc, ("claims", i, "quote"), claim.quote, source_id, texts[source_id])


def check_actors_named(doc: Document, brief: Brief, texts: dict[str, str]) -> None:
    """A warning for a claim whose actor no source of it with a seed names, by name or
    alias (in any case): the claim may be credited to the wrong party."""
    actors = {actor.id: actor for actor in brief.actors}
    for i, claim in enumerate(brief.claims):
        actor = actors.get(claim.actor)
        seen = [texts[s] for s in claim.sources if s in texts]
        if actor is None or not seen:
            continue
        names = [fold_name(n) for n in (actor.name, *actor.aliases, actor.name_ar) if n]
        if not any(holds_words(drop_stops(text), name) for text in seen for name in names):
            line, column = doc.locate(("claims", i, "actor"))
            doc.warnings.append(Problem(
                doc.file, line, column, format_path(("claims", i, "actor")),
                f"'{actor.name}' is not named in the text of the claim's sources",
                "add the name the source uses to the actor's aliases:, or check the actor",
                "warning"))


def drop_stops(text: str) -> str:
    """Full stops inside words dropped, as sources vary them: U.S.-led is US-led."""
    return re.sub(r"(?<=\w)\.(?=\w|-)", "", text)


def fold_name(name: str) -> str:
    """A name as its sources may give it: without stops inside words, and only its head,
    before a comma or ' of ' (Haider al-Abadi, Prime Minister of Iraq; War media cell of the
    Iraqi defence ministry); bidirectional controls, which print nothing, left out."""
    return re.split(r",| of ", drop_stops(_BIDI.sub("", name)), maxsplit=1)[0]


def check_quote(doc: Document, path: PathKey, quote: str, source_id: str, text: str) -> None:
    """A quote is verbatim in its seed, and each piece between its cuts long enough to be
    the speaker's words rather than the editor's."""
    if not split_quote(quote):
        doc.problem(path, "the quote is only cuts", "quote the words the source gives")
        return
    short = find_short_fragment(quote)
    if short is not None:
        doc.problem(path, f"the piece '{short}' between cuts is too short",
                    f"each piece holds at least {MIN_FRAGMENT_WORDS} words and "
                    f"{MIN_FRAGMENT_CHARS} characters; quote more of the sentence, or cut less")
    elif not contains_quote(text, quote):
        nearest = find_nearest(text, quote)
        doc.problem(path, f"quote not found verbatim in the seed text of source '{source_id}'",
                    (f'nearest in the seed: "{nearest}"; ' if nearest else "")
                    + "copy the words exactly from the article; mark your own cuts with […], "
                    f"each within one paragraph and {MAX_CUT_GAP} characters of the last")
