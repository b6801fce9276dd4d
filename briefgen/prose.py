"""Prose is prose: what the Markdown parser sees in a prose field (``bluf``, ``background``,
judgment and implication texts, a comparison's ``pattern``), checked before anything is
rendered. The writers read the brief with the same parser (pulldown-cmark, through
``briefgen.syntax``), so what passes here is what they see.

A prose field may hold paragraphs, emphasis, lists, quotes, code, tables and links to the
web. It may not change another part of the brief or reach past the page: no headings (a
prose field sits under its section's own heading, and a heading would add a section, an
anchor and a contents entry), no footnotes (the notes are the sources'), no link reference
definitions (they apply to the whole document and could redefine its links), no raw HTML
blocks (where the templates' style and contents cues live), no images (a remote image is a
beacon in every viewer), and links only to ``http``, ``https`` and ``mailto`` addresses or
``#anchors`` within the brief. Nesting deeper than ``MAX_PROSE_DEPTH`` is refused too.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, NamedTuple

import pyromark

from briefgen.syntax import OPTIONS

MAX_PROSE_DEPTH = 20
"""Markdown nesting allowed in a prose field (a list in a list is two levels, its item a
third, emphasis in it a fourth): real prose nests a few levels at most."""

LINK_SCHEMES = ("http", "https", "mailto")
"""The only schemes a link may have; anything else (``file:``, ``smb:``, ``ms-msdt:``,
``javascript:``, a scheme-relative ``//host`` or a backslash path) can reach the reader's
files or network, or run code, when the brief is opened."""

_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200d\u2060\ufeff]+")
"""What browsers and Word drop from a link before reading its scheme (``java\tscript:``)."""
_NOTE_LABEL = re.compile(r"\[\^([^\]\s]+)\]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)


class ProseFault(NamedTuple):
    """One thing a prose field may not hold: where in the text (a character offset), what,
    and what to write instead."""

    offset: int
    message: str
    hint: str


def check_prose(text: str) -> list[ProseFault]:
    """Everything in the prose ``text`` that is refused, in the order of the text."""
    encoded = text.encode("utf-8")

    def offset(byte: int) -> int:
        return len(encoded[:byte].decode("utf-8", "ignore"))

    faults = [ProseFault(offset(found["span"]["start"]), *describe_definition(label))
              for label, found in pyromark.reference_definitions(text, options=OPTIONS).items()]
    depth = 0
    for event, span in pyromark.events_with_range(with_notes_defined(text), options=OPTIONS):
        if span["start"] >= len(encoded):
            break  # the notes added to find the references
        fault: tuple[str, str] | None = None
        if isinstance(event, dict) and "Start" in event:
            depth += 1
            if depth > MAX_PROSE_DEPTH:
                faults.append(ProseFault(offset(span["start"]),
                                         f"Markdown nests deeper than {MAX_PROSE_DEPTH} levels",
                                         "prose nests a few lists or quotes at most"))
                break
            fault = describe_start(event["Start"])
        elif isinstance(event, dict) and "End" in event:
            depth -= 1
        elif isinstance(event, dict) and "FootnoteReference" in event:
            fault = (f"footnote reference [^{event['FootnoteReference']}] in prose",
                     "the notes are made from the claims' sources; name the source in the text")
        if fault is not None:
            faults.append(ProseFault(offset(span["start"]), *fault))
    return sorted(faults)


def with_notes_defined(text: str) -> str:
    """``text`` with a note defined for every ``[^label]`` in it: in the brief a note of that
    label may be defined (the sources' notes are), and then the parser reads ``[^label]`` as
    a reference to it, where in the prose alone it reads it as text."""
    labels = dict.fromkeys(_NOTE_LABEL.findall(text))
    return text + "".join(f"\n\n[^{label}]: x" for label in labels)


def describe_definition(label: str) -> tuple[str, str]:
    return (f"link reference definition [{label}] in prose",
            "write the link inline, [text](https://...): a definition applies to the whole "
            "brief and could redefine its links")


def describe_start(tag: Any) -> tuple[str, str] | None:
    """Why the node that ``tag`` opens is refused in prose, or None if it is allowed."""
    if tag == "HtmlBlock":
        return ("raw HTML in prose", "write it in Markdown; raw HTML is not rendered")
    if not isinstance(tag, dict):
        return None
    (kind, value), = tag.items()
    if kind == "Heading":
        return (f"heading in prose (level {value['level'][1:]})",
                "a prose field sits under its section's own heading: write a paragraph, "
                "with **bold** words to lead it")
    if kind == "FootnoteDefinition":
        return (f"footnote definition [^{value}] in prose",
                "the notes are made from the claims' sources; name the source in the text")
    if kind == "Image":
        return ("image in prose", "a brief carries no images, and an image from the web "
                "is fetched by every reader who opens it; link to it instead")
    if kind == "Link" and value["link_type"] != "Email":
        return describe_link(str(value["dest_url"]))
    return None


def describe_link(url: str) -> tuple[str, str] | None:
    """Why a link to ``url`` is refused, or None for an http(s) or mailto address or an
    anchor within the brief. Entities are decoded by the parser (``&#106;avascript:``);
    case, spaces and invisible characters are undone here (``JaVa\tScRiPt:``)."""
    bare = unicodedata.normalize("NFKC", _IGNORED_IN_URLS.sub("", url))
    if bare.startswith("#") and "\\" not in bare:
        return None
    shown = url if len(url) <= 60 else url[:57] + "..."
    message = f"link to {shown!r} is not allowed"
    scheme = _SCHEME.match(bare)
    if "\\" in bare or bare.startswith("//"):
        why = "it names a network share, which Word opens from disk (and sends the login to)"
    elif scheme is None:
        why = "a relative link points at files beside the reader's copy"
    elif scheme.group(1).lower() not in LINK_SCHEMES:
        why = f"'{scheme.group(1)}:' links can reach the reader's files or run programs"
    elif scheme.group(1).lower() != "mailto" and not re.match(r"^[a-z]+://[^/\s]", bare, re.I):
        why = "a web address needs its host: https://host/path"
    elif scheme.group(1).lower() == "mailto" and len(bare) <= len("mailto:"):
        why = "a mailto: link needs an address"
    else:
        return None
    return message, f"only http, https and mailto links and #anchors are kept; {why}"


def check_links(markdown: str, chart: str | None = None) -> list[ProseFault]:
    """The links and images in a whole brief's Markdown that no output may carry: what a
    user's templates write is checked as the prose is (a house template passed around a
    team is an input like any other). The one image allowed is the brief's own chart, the
    file named ``chart`` (``ID.chart.png``), which the writers draw from the data."""
    encoded = markdown.encode("utf-8")
    faults = []
    for event, span in pyromark.events_with_range(markdown, options=OPTIONS):
        tag: Any = event.get("Start") if isinstance(event, dict) else None
        if isinstance(tag, dict):
            (kind, value), = tag.items()
            fault: tuple[str, str] | None = None
            if kind == "Image" and (chart is None or str(value["dest_url"]) != chart):
                fault = ("an image is not allowed", "a brief carries no images, and an image "
                         "from the web is fetched by every reader who opens it")
            elif kind == "Link" and value["link_type"] != "Email":
                fault = describe_link(str(value["dest_url"]))
            if fault is not None:
                line = encoded[:span["start"]].count(b"\n") + 1
                faults.append(ProseFault(line, *fault))
    return faults
