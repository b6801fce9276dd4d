"""YAML file -> validated ``Brief``; every problem carries its file, line and column.

Loading runs in stages and collects every problem of a stage before it stops:

1. bytes: size limit, UTF-8, control characters;
2. YAML events: syntax errors, anchors and aliases (refused: they make YAML bombs);
3. nodes -> plain data with a location for every path: duplicate keys (which do not stop
   the later stages: the first value is kept), foreign tags;
4. the schema (pydantic, its errors worded here): missing and unknown fields, types,
   vocabularies, YAML 1.1 surprises;
5. the revisions, the prose, and the rules across fields (``briefgen.rules``: references,
   figures, dates, quotes verbatim in the seeds), over the valid model or, where the schema
   refused the file, over what of it is valid (``briefgen.salvage``).
"""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic_core import ValidationError as SchemaError

from briefgen.document import (
    Document,
    check_unique_values,
    format_path,
    locate_in_value,
)
from briefgen.errors import (
    Problem,
    ValidationError,
    describe_value,
    display_path,
    find_close,
    resolved,
)
from briefgen.files import InputError, read_limited
from briefgen.model import (
    HANDLING_WORDS,
    ID_PATTERN,
    LIKELIHOOD_WORDS,
    BoundHint,
    Brief,
    Comparison,
    ComparisonSet,
    FieldSpec,
    Head,
    Loaded,
    Model,
    PathKey,
    Revision,
    field_by_key,
    fields_of,
    iter_models,
)
from briefgen.rules import check_rules
from briefgen.salvage import salvage_model
from briefgen.seeds import (
    find_seeds_dir,
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
    ``ValidationError`` with every problem. Where the schema refuses the file, the rules
    across fields still run over what it holds that is valid (``briefgen.salvage``)."""
    doc = read_document(path)
    if doc.data is None and doc.problems:
        raise ValidationError(doc.problems)
    if isinstance(doc.data, dict) and "incidents" in doc.data:
        doc.root = Comparison
    for todo_path, value in doc.todos.items():
        doc.problem(todo_path, f"still to fill in: {value}",
                    describe_field(todo_path, doc.root) or "replace the TODO with the value")
    model = validate_schema(doc)
    checked = model if model is not None else salvage_document(doc)
    incidents = check_model(doc, checked, path, seeds_dir) if checked is not None else ()
    if model is None or doc.problems:
        raise ValidationError(doc.problems)
    return (ComparisonSet(model, incidents) if isinstance(model, Comparison) else model), doc


def salvage_document(doc: Document) -> Brief | Comparison | None:
    """What the schema refused, as a partial model; None if the file is not a mapping."""
    if not isinstance(doc.data, dict):
        return None
    if doc.root is Comparison:
        return salvage_model(Comparison, doc.data)
    return salvage_model(Brief, doc.data)


def check_model(doc: Document, model: Brief | Comparison, path: Path,
                seeds_dir: Path | None) -> tuple[Brief, ...]:
    """Every check after the schema, on a valid model or a partial one; a comparison's
    incidents, loaded."""
    check_history(doc, model)
    check_prose_fields(doc, model)
    check_invisible(doc, model)
    if isinstance(model, Comparison):
        return load_incidents(doc, model, path.parent, seeds_dir)
    check_rules(doc, model, seeds_dir or find_seeds_dir(resolved(path).parent))
    return ()


def load_incidents(doc: Document, comparison: Comparison, folder: Path,
                   seeds_dir: Path | None) -> tuple[Brief, ...]:
    """The incident briefs a comparison names, each ``folder/ID.yaml``, valid, and not
    starting after the comparison's current revision."""
    ids = [(i, name) for i, name in enumerate(comparison.incidents) if name is not None]
    check_unique_values(doc, ("incidents",), [name for _, name in ids])
    history = comparison.history
    revised = history[-1].date if history else None
    incidents = []
    for i, incident_id in ids:
        incident = load_incident(doc, i, folder / f"{incident_id}.yaml", seeds_dir)
        if incident is None:
            continue
        incidents.append(incident)
        start = incident.incident.date.start
        if revised is not None and start > revised:
            doc.problem(("incidents", i), f"incident '{incident_id}' starts on {start}, after "
                        f"this comparison's current revision, {revised}",
                        "a comparison cannot weigh what had not happened; check the "
                        "revision's date")
    return tuple(incidents)


def load_incident(doc: Document, i: int, path: Path, seeds_dir: Path | None) -> Brief | None:
    """The valid incident brief at ``path`` that a comparison names at ``incidents[i]``;
    None with the problem recorded."""
    if not path.is_file():
        known = sorted(p.stem for p in path.parent.glob("*.yaml"))
        close = find_close(path.stem, known)
        doc.problem(("incidents", i), f"no incident file {display_path(path)}",
                    f"did you mean '{close}'?" if close else "give the id of a file "
                    "beside this one")
        return None
    try:
        return load_brief(path, seeds_dir)
    except ValidationError as exc:
        doc.problem(("incidents", i), f"incident '{path.stem}' is not valid "
                    f"({len(exc.problems)} problem{'s' * (len(exc.problems) != 1)})",
                    f"run briefgen validate {display_path(path)}")
    return None


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
        report_syntax_error(doc, exc)
        return doc
    if len(doc.problems) > composer.recoverable:
        return doc  # what was refused is not kept: the schema would report it again
    if not found:
        doc.problem((), "the file is empty", "start from briefgen new ID")
        return doc
    doc.data = composer.result  # with duplicate keys' first values: the checks go on
    return doc


def report_syntax_error(doc: Document, exc: yaml.MarkedYAMLError) -> None:
    """A YAML syntax error at its place; a tab where YAML wants spaces named as such."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = doc.text.split("\n")
    at = lines[line - 1][column - 1:column] if line <= len(lines) else ""
    if at == "\t":
        message, hint = "a tab character here", "indent with spaces; YAML allows no tabs there"
    else:
        message = str(exc.problem or exc.context)
        hint = "check indentation, colons and quotes on this line"
    doc.problems.append(Problem(doc.file, line, column, "$", f"YAML syntax error: {message}",
                                hint))


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

    __slots__ = ("flow", "in_key", "is_map", "items", "key", "mark", "path")

    def __init__(self, path: PathKey | None, items: Any, is_map: bool, in_key: bool,
                 mark: Any) -> None:
        self.path = path
        self.items = items
        self.is_map = is_map
        self.in_key = in_key
        self.mark = mark
        self.key: tuple[str | None] | None = None
        self.flow = False
        """Written in braces or brackets, where a comma ends a value."""


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
        self.recoverable = 0
        """Problems after which the data is still whole: a key given twice (its first value
        is kept), a key that is not text (a field no schema has)."""

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
        opened = _Open(path, {} if is_map else [], is_map, in_key, event.start_mark)
        opened.flow = bool(event.flow_style)
        self.open.append(opened)

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
        self.recoverable += 1
        if not is_text:
            split = find_split_value(top) if key is not None else None
            if key is not None:
                doc.places[key_path] = (mark.line + 1, mark.column + 1)
            hint = (f"inside {{ }} a comma ends a value: if {split},{shown} is one value, "
                    f"quote it: '{split},{shown}'" if split is not None
                    else f"quote it: '{shown}'" if key is not None else "write the key as text")
            if split is not None:
                self.recoverable -= 1  # the value before it is cut: the data is not whole
            doc.problems.append(Problem(
                doc.file, mark.line + 1, mark.column + 1,
                format_path(key_path if key is not None else top.path),
                f"key {shown!r} is not text", hint))
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


def find_split_value(top: _Open) -> Any:
    """In braces, the value before a key that is not text, which a comma may have cut
    (``{min: 1200, text: 1,200}`` reads ``1`` as the value and ``200`` as a key); else None."""
    before = next(reversed(top.items.values()), None) if top.flow and top.items else None
    return before if isinstance(before, int | str) and not isinstance(before, bool) else None


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
                    "start from briefgen new ID")
        return None
    model: type[Brief] | type[Comparison] = Comparison if "incidents" in doc.data else Brief
    try:
        return model.model_validate(doc.data)
    except SchemaError as exc:
        errors = exc.errors(include_url=False)
        doc.refused.update(tuple(error["loc"]) for error in errors)
        misspelt = find_misspelt(errors, doc)
        doc.refused.update(misspelt)
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
    """The paths of fields that the file does not give and that an unknown key beside them
    misspells (``bulf`` for ``bluf``): only the unknown key is reported, with its
    did-you-mean, not the field as missing; and the rules that read the field are skipped."""
    found = set()
    for error in errors:
        path = tuple(error["loc"])
        if error["type"] != "extra_forbidden" or not path:
            continue
        close = find_close(str(path[-1]), fields_at(path[:-1], doc.root))
        if close is not None and (*path[:-1], close) not in doc.places:
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
        return f"required field '{name}' is missing", f"add {name}:"
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
        if not any(doc.data.get(key) is not None for key in ("revisions", "revision")):
            doc.problem((), "required field 'revisions' is missing",
                        "add revisions:, every revision oldest first, each with number, "
                        "date, authors and changes")
        return  # else the schema refused what is given
    if head.revisions is not None and head.single_revision is not None:
        doc.problem(("revision",), "both revision: and revisions: are given",
                    "move this revision into the revisions: list, in the order of its number")
        return
    key = "revisions" if head.revisions is not None else "revision"
    history = head.history
    for i in range(1, len(history)):
        check_revision(doc, (key, i), history[i - 1], history[i])
    check_handling(doc, head)


def check_revision(doc: Document, here: PathKey, before: Revision, now: Revision) -> None:
    """A revision numbered one more than the one before it, and not dated before it."""
    if None not in (now.number, before.number) and now.number != before.number + 1:
        doc.problem((*here, "number"), f"revision {now.number} follows revision "
                    f"{before.number}", f"number it {before.number + 1}: each revision's "
                    "number is one more than the last's")
    if None not in (now.date, before.date) and now.date < before.date:
        which = f"revision {before.number}" if before.number is not None else "the revision"
        doc.problem((*here, "date"), f"{now.date} is before the date of {which}, "
                    f"{before.date}", "a revision is never dated before the one it follows")


def check_handling(doc: Document, head: Head) -> None:
    """The marking not lowered below an earlier revision's without a reason."""
    if head.handling is None:
        return
    rank = {word: number for number, word in enumerate(HANDLING_WORDS)}
    higher = next((r for r in head.history[:-1] if r.handling is not None
                   and rank[r.handling] > rank[head.handling]), None)
    if higher is not None and head.history[-1].handling_reason is None:
        doc.problem(("handling",), f"{head.handling} is lower than {higher.handling}, the "
                    f"marking of revision {higher.number}",
                    f"say why in the current revision's handling_reason, or keep "
                    f"{higher.handling}")
