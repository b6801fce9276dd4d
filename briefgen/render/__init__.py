"""Rendering: the template context, Markdown through Jinja2, the writers, and the registry
of output formats.

Each output format is one module in ``briefgen/render/formats/`` that declares a
``FORMAT``: its name, suffix and how it writes. ``FORMATS`` below lists those modules by
name; the CLI and the build read it and never name a format themselves. A new format is
one module there and one line here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from briefgen.chart import Chart
    from briefgen.errors import BriefgenError
    from briefgen.model import Loaded

FORMATS: dict[str, str] = {
    "md": "briefgen.render.formats.md",
    "docx": "briefgen.render.formats.docx",
    "pdf": "briefgen.render.formats.pdf",
    "html": "briefgen.render.formats.html",
    "stix": "briefgen.render.formats.stix",
    "geojson": "briefgen.render.formats.geojson",
    "csv": "briefgen.render.formats.csv",
}
"""Every output format by name, and the module that declares it (imported when used)."""


SUMMARY_INFIX = ".summary"
"""Between the id and the suffix of a summary's files: ``ID.summary.docx`` beside ``ID.docx``."""

DEFAULT_TIME_LIMIT = 60.0
"""Seconds one brief may take to load and render (``build --time-limit``); a real brief takes
a hundredth of a second."""
DEFAULT_MAX_OUTPUT = 50_000_000
"""Bytes (characters, for the Markdown) one output of one brief may have (``build
--max-output``); a real brief's .docx is about 30 KB."""


class Options(NamedTuple):
    """Where templates, the reference document and the seeds come from, and the limits each
    brief is built within."""

    templates: Path | None = None
    reference: Path | None = None
    seeds: Path | None = None
    time_limit: float | None = DEFAULT_TIME_LIMIT
    max_output: int | None = DEFAULT_MAX_OUTPUT
    strict: bool = False
    """Whether what is otherwise a warning (a reference document cleaned of parts no brief
    may carry) stops the build."""
    pdf_a: bool = False
    """Whether the PDF is PDF/A-2b (for archiving) rather than plain tagged PDF."""
    length: str = "full"
    """``full`` or ``summary`` (``config.LENGTHS``): the brief, or its one page."""


class Rendering:
    """One brief as a build renders it: the brief, and what its formats share, found once
    for all of them: the chart's data, which the template's alt text, the Markdown's PNG
    beside it and the Word and HTML pictures are all made from (found the first time one
    asks for it: a build of data exports alone never does)."""

    def __init__(self, brief: Loaded) -> None:
        self.brief = brief

    @cached_property
    def chart(self) -> Chart | None:
        """The brief's chart (``chart.find_chart``), or None where it has nothing to draw."""
        from briefgen.chart import find_chart

        return find_chart(self.brief)


Render = Callable[[Rendering, str, Options], bytes]
"""A brief's rendering, its Markdown text and the options, to the bytes of one output file."""
Convert = Callable[[dict[str, bytes], Options], dict[str, "bytes | BriefgenError"]]
"""Several briefs' outputs of another format, by brief id, converted in one run under the
options; for a brief that could not be converted, the error that says why (or nothing,
where the converter cannot tell)."""
Rows = Callable[["Loaded"], list[dict[str, Any]]]
"""A brief to its share of a batch's one file: rows of plain (JSON) values."""
Collect = Callable[[Iterable[dict[str, Any]]], bytes]
"""Every row of a batch, in the order of its briefs, to the bytes of the batch's one file."""
Companions = Callable[[Rendering, Options], dict[str, bytes | None]]
"""A brief's rendering to the files written beside its output, ``ID.SUFFIX``, by suffix
(``.chart.png``): their bytes, or None where this brief has no such file (one an earlier
build left is removed)."""


@dataclass(frozen=True)
class OutputFormat:
    """An output format: what ``build -f NAME`` writes as ``ID.SUFFIX``.

    A format either renders each brief (``render``), or converts another format's output
    (``source`` and ``convert``), ``batch`` briefs at a time, as PDF converts the .docx in
    one LibreOffice run: starting it costs seconds; or writes one file for the whole batch,
    ``COLLECTED.SUFFIX``, from rows that each brief contributes (``rows`` and ``collect``),
    as the CSV of incidents does. A brief's rows are kept in the build record, so that a
    brief skipped as unchanged still has its rows in the batch's file. A rendered format
    may write files beside each output (``companions``), as the Markdown writes its chart,
    ``ID.chart.png``."""

    name: str
    suffix: str
    summary: str
    default: bool = False
    render: Render | None = None
    source: str | None = None
    convert: Convert | None = None
    batch: int = 100
    rows: Rows | None = None
    collect: Collect | None = None
    collected: str = ""
    """The name of the batch's one file, without the suffix (``incidents``)."""
    markdown: bool = True
    """Whether ``render`` reads the brief's Markdown: a data export does not, and a build
    of data exports alone then runs no template."""
    companions: Companions | None = None
    """Files that go with each brief's output, written beside it and before it, each as
    atomically: the Markdown's chart image, which its text names."""

    @property
    def has_length(self) -> bool:
        """Whether the format is a document, written from the brief's Markdown (or converted
        from one that is), which ``--length summary`` shortens to a page; a data export has
        no length, and is the same in either build."""
        return self.markdown and self.collect is None

    def file_name(self, brief_id: str, length: str = "full") -> str:
        """The name of the file a brief is written to: ``ID.SUFFIX``, and for a document's
        summary ``ID.summary.SUFFIX``, so that it sits beside the full brief."""
        infix = SUMMARY_INFIX if length == "summary" and self.has_length else ""
        return f"{brief_id}{infix}{self.suffix}"


@cache
def get_format(name: str) -> OutputFormat:
    """The format called ``name``; raises ``KeyError`` for one not in the registry."""
    module = importlib.import_module(FORMATS[name])
    found: OutputFormat = module.FORMAT
    return found


def list_formats() -> list[OutputFormat]:
    """Every registered format, in the registry's order."""
    return [get_format(name) for name in FORMATS]


def default_formats() -> tuple[str, ...]:
    """What ``build`` writes when no ``-f`` is given."""
    return tuple(fmt.name for fmt in list_formats() if fmt.default)


def find_format_by_suffix(name: str) -> OutputFormat | None:
    """The format that writes files ending in ``name``'s suffix (any case), if one does:
    ``name`` is a suffix (``.docx``) or a file name, which may end in a suffix of two parts
    (``x.stix.json``); the longest suffix that matches wins."""
    name = name.lower()
    found = [fmt for fmt in list_formats() if name.endswith(fmt.suffix)]
    return max(found, key=lambda fmt: len(fmt.suffix), default=None)


def default_templates_dir() -> Path:
    """The templates shipped inside the package (``templates/`` of a source checkout).

    Here rather than in ``markdown`` so that finding them imports neither Jinja2 nor the
    model: a build that skips every brief stays quick. The package's folder is read from
    the package itself: ``importlib.resources`` would cost a cold build 8 ms of imports."""
    try:
        package = importlib.import_module("briefgen.templates")
    except ModuleNotFoundError:  # imported from the source tree rather than installed
        return Path(__file__).resolve().parents[2] / "templates"
    return Path(next(iter(package.__path__)))
