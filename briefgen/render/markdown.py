"""Markdown through Jinja2: sandboxed, StrictUndefined, every data value escaped."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from jinja2.loaders import split_template_path

from briefgen.chart import FIND, Chart, Unfound, given_chart
from briefgen.errors import BriefgenError, LimitError, RenderError, display_path
from briefgen.files import (
    MAX_TEMPLATE_BYTES,
    InputError,
    find_cache_root,
    read_limited,
    resolve_inside,
)
from briefgen.model import ComparisonSet, Loaded
from briefgen.render import default_templates_dir
from briefgen.render.context import Exact, Prose, build_comparison_context, build_context
from briefgen.render.sandbox import CODE_VERSION, LimitedSandbox
from briefgen.syntax import slugify
from briefgen.text import typeset

MAIN_TEMPLATE = "brief.md.j2"
COMPARISON_TEMPLATE = "comparison.md.j2"
SUMMARY_TEMPLATE = "summary.md.j2"
COMPARISON_SUMMARY_TEMPLATE = "comparison_summary.md.j2"

_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>|#~&!^])")
_LINE_START = re.compile(r"^(\s*|\s*\d+)((?<!\d)[-+=]|(?<=\d)[.)])(?=\s|$)")
"""What would start a list or heading underline at the start of a line: ``- x``, ``1. x``."""
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
_BLANK_RUNS = re.compile(r"\n{3,}")
_SPACE_RUNS = re.compile(r"\s+")


def escape_markdown(text: str) -> str:
    """Plain text made safe to print anywhere in a Markdown line: shown as typed. (Each
    pattern is looked for before it is applied: most values need none, and this runs for
    every value a brief prints.)"""
    if "  " in text or not text.isprintable():  # any whitespace but single spaces
        text = _SPACE_RUNS.sub(" ", text)
    if _INLINE_SPECIALS.search(text):
        text = _INLINE_SPECIALS.sub(r"\\\1", text)
    if _LINE_START.match(text):
        text = _LINE_START.sub(r"\1\\\2", text)
    return text


_PROSE_CODE = re.compile(r"(`+[^`]*`+|\]\([^)]*\)|\]\[[^\]]*\]|<[^>]*>|^\[[^\]]*\]:.*$)",
                         re.M)
"""What of prose typesetting leaves alone: code, link targets, autolinks, definitions."""


def typeset_prose(text: str) -> str:
    """Editor's Markdown with typographic marks and joined names outside code and links."""
    pieces = _PROSE_CODE.split(text)
    return "".join(piece if n % 2 else typeset(piece) for n, piece in enumerate(pieces))


def clean_prose(text: str) -> str:
    """Editor's Markdown, with raw HTML shown as text rather than rendered."""
    return typeset_prose(_HTML_START.sub("&lt;", text.strip()))


def finalize_value(value: Any) -> str:
    """Jinja2's finalize hook: prose passes as Markdown, everything else is escaped (and,
    but for ``Exact`` text, typeset)."""
    if isinstance(value, Prose):
        return clean_prose(value)
    if isinstance(value, Exact):
        return escape_markdown(value)
    return typeset(escape_markdown(str(value)))


def indent_prose(value: str, width: int = 2) -> Prose:
    """Prose indented under a list item: continuation lines line up with the item's text."""
    lines = clean_prose(value).split("\n")
    pad = " " * width
    return Prose("\n".join([lines[0], *[pad + line if line else "" for line in lines[1:]]]))


class FolderLoader(jinja2.BaseLoader):
    """Templates from folders, the first that has one winning, as Jinja2's
    ``FileSystemLoader`` finds them, but kept in their place: a name must resolve inside its
    folder (symlinks resolved first), only a regular file is read (a FIFO or a device in the
    folder is an error at once, not a silent fall back to the default), and at most
    ``MAX_TEMPLATE_BYTES`` of it."""

    def __init__(self, folders: list[str]) -> None:
        self.folders = folders

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.folders:
            shown = os.path.join(folder, *pieces)
            if os.path.lexists(shown):
                return read_template(Path(folder), pieces, shown)
        raise jinja2.TemplateNotFound(template)


def read_template(folder: Path, pieces: list[str],
                  shown: str) -> tuple[str, str, Callable[[], bool]]:
    """The source of the template ``folder/pieces...``, its file name as the user gave it, and
    whether it is unchanged since; a ``RenderError`` naming it when it may not be read."""
    cwd = os.getcwd() + os.sep  # shown as given: display_path would follow a symlink
    place = f"{os.path.relpath(shown) if shown.startswith(cwd) else shown}:1:1"
    target = resolve_inside(folder, os.path.join(*pieces))
    if target is None:
        raise RenderError(f"{place}: the template leads outside {display_path(folder)} (copy "
                          "the file into the folder instead of linking to it)")
    try:
        source = read_limited(target, MAX_TEMPLATE_BYTES).decode("utf-8")
        mtime = os.stat(target).st_mtime_ns
    except InputError as exc:
        raise RenderError(f"{place}: {exc.message} (a template is a small text file in "
                          "the folder)") from None
    except UnicodeDecodeError:
        raise RenderError(f"{place}: the template is not UTF-8 text (save it as UTF-8)") from None
    except OSError as exc:
        raise RenderError(f"{place}: cannot read the template: {exc.strerror or exc}") from None

    def uptodate() -> bool:
        try:
            return os.stat(target).st_mtime_ns == mtime
        except OSError:
            return False

    return source, os.path.normpath(shown), uptodate


class QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs, keyed by each template's source, so a changed
    template compiles afresh; a cache that cannot be written is simply not used."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def make_bytecode_cache(sandboxed: bool) -> jinja2.BytecodeCache | None:
    """The cache in ``$BRIEFGEN_CACHE`` or ``$XDG_CACHE_HOME/briefgen`` (``~/.cache``):
    compiling the templates is most of a cold build of one brief. Sandboxed templates
    compile to other code (every call goes through the sandbox), so they have a cache of
    their own."""
    kind = f"sandboxed-{CODE_VERSION}" if sandboxed else "plain"  # the limits change the code
    folder = find_cache_root() / f"jinja-{jinja2.__version__}-{kind}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return QuietBytecodeCache(str(folder))


@lru_cache(maxsize=8)
def make_environment(user_dir: Path | None = None) -> jinja2.Environment:
    """One environment per template folder (an absolute path), per process: templates
    compile once. A user's templates run in Jinja2's sandbox and are looked at again when
    they change; the default ones are briefgen's own code, run without the sandbox (its
    checks on every attribute cost a twentieth of a build) and are not looked at again.
    Either way no value from a brief is ever run as a template."""
    search = [str(user_dir)] if user_dir is not None else []
    search.append(str(default_templates_dir()))
    sandboxed = user_dir is not None
    kind = LimitedSandbox if sandboxed else jinja2.Environment
    env = kind(
        loader=FolderLoader(search),
        auto_reload=sandboxed,
        bytecode_cache=make_bytecode_cache(sandboxed),
        undefined=jinja2.StrictUndefined,
        finalize=finalize_value,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["indent_prose"] = indent_prose
    env.filters["slug"] = slugify
    env.filters["upper_first"] = lambda text: text[:1].upper() + text[1:]
    return env


def collect_output(chunks: Iterator[str], limit: int | None) -> str:
    """The text the templates write, piece by piece, stopped past ``limit`` characters: a
    loop in a user's template cannot fill the memory before the output limit stops it."""
    if limit is None:
        return "".join(chunks)
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise LimitError(f"the templates wrote more than the output limit of {limit:,} "
                             "characters", "no real brief comes near it; look for a loop in "
                             "the templates, or raise --max-output")
        parts.append(chunk)
    return "".join(parts)


def template_place(exc: BaseException) -> str:
    """``FILE:LINE:1: `` of the template line that was running when ``exc`` was raised:
    Jinja2 maps its compiled frames back to template files and lines."""
    place = ""
    trace = exc.__traceback__
    while trace is not None:
        name = trace.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            place = f"{display_path(Path(name))}:{trace.tb_lineno}:1: "
        trace = trace.tb_next
    return place


def exc_message(exc: BaseException) -> str:
    if isinstance(exc, jinja2.TemplateError):
        return str(exc.message or exc)
    return f"{type(exc).__name__}: {exc}"


def render_markdown(brief: Loaded, templates: Path | None = None,
                    limit: int | None = None, full_brief: list[str] | None = None,
                    chart: Chart | Unfound | None = FIND) -> str:
    """The brief as Markdown text, from the default templates or a user's overrides; a
    ``LimitError`` as soon as the templates have written more than ``limit`` characters.
    With ``full_brief``, the names of the full brief's files, its one-page summary instead
    (``summary.md.j2``), which says where they are and carries no notes. ``chart``: the
    brief's chart's data, where the caller has found it (a build, once for every format)."""
    env = make_environment(templates.resolve() if templates is not None else None)
    if isinstance(env, LimitedSandbox):
        env.loops = 0
    try:
        if isinstance(brief, ComparisonSet):
            name = COMPARISON_TEMPLATE if full_brief is None else COMPARISON_SUMMARY_TEMPLATE
            context = build_comparison_context(brief, given_chart(brief, chart))
        else:
            name = MAIN_TEMPLATE if full_brief is None else SUMMARY_TEMPLATE
            context = build_context(brief, given_chart(brief, chart))
        if full_brief is not None:
            context.update(full_brief=full_brief, cite_notes=lambda _labels: Prose(""))
        template = env.get_template(name)
        text = collect_output(template.generate(context), limit)
    except BriefgenError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"{display_path(Path(exc.filename or exc.name or '?'))}:{exc.lineno}:1: "
                          f"template syntax error: {exc.message}") from exc
    except Exception as exc:  # a user's template can fail in any way Python can
        place = template_place(exc)
        raise RenderError(f"{place}template error while rendering {brief.id}: "
                          f"{exc_message(exc)}") from exc
    text = _BLANK_RUNS.sub("\n\n", text).strip() + "\n"
    if templates is not None:
        shown = context["chart"]
        check_template_links(text, templates, brief.id, shown["file"] if shown else None)
    return text


def check_template_links(text: str, templates: Path, brief_id: str,
                         chart: str | None = None) -> None:
    """Refuse what a user's templates wrote that no output may carry: links other than
    http, https, mailto and #anchors, and images but the brief's own chart, ``chart``
    (``briefgen.prose``)."""
    from briefgen.prose import check_links

    faults = check_links(text, chart)
    if faults:
        raise RenderError("\n".join(
            f"{display_path(templates)}: line {fault.offset} of the Markdown the templates "
            f"wrote for {brief_id}: {fault.message} ({fault.hint})" for fault in faults))
