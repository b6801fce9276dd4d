"""Property: any Unicode in any text field either builds, with a .docx that reopens and a
.md whose plain-text fields parse back to the text typed, or fails with located errors.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import docx
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from briefgen.build import Options, Rendering, render_outputs
from briefgen.errors import ValidationError
from briefgen.load import load_any
from conftest import DATA, ROOT, github_text

PLAIN = [("title",), ("incident", "place", "name"),
         ("incident", "event_type"), ("actors", 0, "name"), ("actors", 1, "name"),
         ("sources", 0, "publisher"), ("sources", 0, "title"), ("sources", 0, "descriptor"),
         ("claims", 0, "summary"), ("claims", 1, "summary")]
"""Text fields printed as typed: they must come back out of both outputs unchanged."""
PROSE = [("bluf",), ("background",), ("judgments", 0, "text"), ("implications", 0, "text")]
"""Markdown fields: any Markdown is allowed, so only the build's success is checked."""
HIDDEN = [("revision", "changes"), ("claims", 0, "casualties", "killed", "text")]
"""Text kept in the document properties or read by the checks rather than printed."""

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BASE = yaml.safe_load((DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8"))


def put(data: Any, path: tuple[Any, ...], value: str) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def to_yaml(data: dict[str, Any], raw: bool) -> bytes:
    """The incident as YAML in flow style, strings double-quoted: either raw, where a lone
    surrogate becomes invalid UTF-8, or escaped to ASCII with YAML's ``\\u`` and ``\\U``."""
    lines = []
    for key, value in data.items():
        text = json.dumps(value, ensure_ascii=False, default=str)
        if not raw:
            text = "".join(c if ord(c) < 128 else (f"\\u{ord(c):04x}" if ord(c) < 0x10000
                                                   else f"\\U{ord(c):08x}") for c in text)
        lines.append(f"{key}: {text}")
    return "\n".join(lines).encode("utf-8", "surrogatepass")


_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2011": "-", "\u00a0": " "})
"""Only the marks of typed text change in a brief (issue 19): compared without them."""


def words(text: str) -> str:
    return " ".join(text.translate(_MARKS).split())


def markdown_text(markdown: str) -> str:
    """The text a Markdown reader shows: what GitHub renders, without the markup."""
    return github_text(markdown)


def docx_text(data: bytes) -> str:
    """The text of the body and the footnotes, a paragraph a line."""
    docx.Document(io.BytesIO(data))  # reopens
    lines = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for part in ("word/document.xml", "word/footnotes.xml"):
            root = etree.fromstring(package.read(part))
            for paragraph in root.iter(f"{W}p"):
                lines.append("".join(t.text or "" for t in paragraph.iter(f"{W}t")))
    return "\n".join(lines)


ANY = st.text(st.characters(exclude_categories=()), max_size=30)
"""Any code point: controls, lone surrogates, private use, unassigned."""
STORABLE = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=30)
"""What a Word document can hold (and mostly a brief will accept): half the examples use
only this, so that builds, not only errors, are exercised."""


def fields(text: st.SearchStrategy[str]) -> st.SearchStrategy[dict[tuple[Any, ...], str]]:
    return st.fixed_dictionaries({path: text for path in PLAIN + PROSE + HIDDEN})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile=st.booleans(), raw=st.booleans(), draw=st.data())
def test_any_text_builds_or_fails_with_located_errors(hostile: bool, raw: bool,
                                                      draw: st.DataObject) -> None:
    values = draw.draw(fields(ANY if hostile else STORABLE), label="values")
    data = json.loads(json.dumps(BASE, default=str))
    for path, value in values.items():
        put(data, path, value)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.yaml"
        path.write_bytes(to_yaml(data, raw))
        lines = path.read_bytes().count(b"\n") + 1
        try:
            brief = load_any(path, ROOT / "seeds")
        except ValidationError as exc:
            event("fails with located errors")
            assert exc.problems
            for problem in exc.problems:
                assert problem.file == str(path)
                assert 1 <= problem.line <= lines
                assert problem.column >= 1 and problem.path and problem.message
            return
        outputs = render_outputs(Rendering(brief), ["md", "docx"], Options())
    event("builds")
    markdown = markdown_text(outputs["md"].decode("utf-8"))
    word = docx_text(outputs["docx"])
    for field in PLAIN:
        typed = words(values[field])
        if typed:
            assert typed in words(markdown), field
            assert typed in words(word), field
