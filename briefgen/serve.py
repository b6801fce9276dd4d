"""The live preview: ``briefgen serve`` renders the briefs as HTML pages on 127.0.0.1 and
renders them again as their files change.

A watcher (watchfiles) follows the briefs, the seeds, the templates, the reference document
and briefgen.toml; a change renders again what it touches (a brief, and the comparisons;
everything, for a seed, template or config), in memory: nothing is written to ``out/``. An
open page listens on ``/events`` (server-sent events) and reloads itself when its brief has
a new render; it still reads without script. A brief that does not validate shows its
problems, each as ``FILE:LINE:COL``, in place of the brief.

The preview renders the page through ``briefgen.render.html`` with a ``locate`` hook: each
paragraph, list item, table row and heading carries ``data-source`` (the file and line in
the YAML that it prints) from a ``SourceMap`` of the loaded document, and a click shows it;
with ``--editor CMD`` it also opens the file there, through a POST to ``/open`` that only
a page of this server can make (its Host and Origin are checked).
"""

from __future__ import annotations

import contextlib
import json
import re
import shlex
import subprocess
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, quote, urlsplit

from briefgen.errors import BriefgenError, OutputError, Problem, ValidationError, display_path
from briefgen.render import Options, default_templates_dir

if TYPE_CHECKING:
    from briefgen.document import Document
    from briefgen.model import Loaded

HOST = "127.0.0.1"
"""The preview listens on the loopback interface only."""
KEEPALIVE = 10.0
"""Seconds between keep-alive comments on an open event stream."""
MAX_STREAM = 3600.0
"""Seconds an event stream stays open; the page's EventSource then opens another."""
CONFIG_NAME = "briefgen.toml"

_WORD = re.compile(r"[^\W_]+")
_LABEL = re.compile(r"(C\d+)\b")


def normalise(text: str) -> str:
    """Text reduced to its letters and digits, lower case: Markdown, escapes and spacing
    set aside, so that a rendered block and the YAML value it prints compare equal."""
    return "".join(_WORD.findall(text.lower()))


@dataclass
class Value:
    """One text value of an incident file and where it is."""

    key: str
    file: str
    line: int
    column: int
    path: str
    lines: list[str] = field(repr=False, default_factory=list)
    """The file's lines, to find where inside a long value a paragraph starts."""


class SourceMap:
    """Which YAML value a rendered block came from: the value the block prints (or, for a
    paragraph of a long prose value, the value that holds the paragraph) that is longest
    and, among blocks, most particular to it; its file and line.

    This reads the rendered text rather than the templates, so it holds for a user's
    templates as for the defaults."""

    MIN_KEY = 4
    """Values shorter than this (reliability letters, numbers) say nothing about a block."""

    def __init__(self, documents: Iterable[tuple[Document, list[str]]],
                 labels: dict[str, str] | None = None) -> None:
        from briefgen.document import format_path

        self.labels = labels or {}
        """A block that starts with one of these labels (a claim's number, ``C3``) comes
        from the record at that path (``claims[4]``): only its values are looked at."""
        self.values: list[Value] = []
        for doc, lines in documents:
            for path, value in walk_text(doc.data, ()):
                key = normalise(value)
                if len(key) >= self.MIN_KEY:
                    line, column = doc.places.get(path, (1, 1))
                    self.values.append(Value(key, doc.file, line, column, format_path(path),
                                             lines))
        self.counts: dict[str, int] = {}

    def count(self, blocks: Iterable[str]) -> None:
        """How many blocks each value shows in: a value printed everywhere (an actor's
        name) says less about a block than one printed once (a claim's summary)."""
        for text in blocks:
            for value in self.values:
                if value.key in text:
                    self.counts[value.key] = self.counts.get(value.key, 0) + 1

    def locate(self, text: str) -> dict[str, str] | None:
        block = normalise(text)
        if len(block) < self.MIN_KEY:
            return None
        best: tuple[float, Value, bool] | None = None
        label = _LABEL.match(text.lstrip())
        record = self.labels.get(label.group(1)) if label is not None else None
        for value in self.values:
            if record is not None and not value.path.startswith(record):
                continue
            if value.key in block:
                score = len(value.key) / self.counts.get(value.key, 1)
                inside = False
            elif len(block) >= 12 and block in value.key:
                score, inside = len(block), True
            else:
                continue
            if best is None or score > best[0]:
                best = (score, value, inside)
        if best is None:
            return None
        _, value, inside = best
        line = find_line(value, block) if inside else value.line
        return {"data-source": f"{value.file}:{line}", "data-field": value.path}


def find_line(value: Value, block: str) -> int:
    """The line at which ``block`` starts inside a value that runs over several lines."""
    start = block[:16]
    for number in range(value.line, min(len(value.lines), value.line + 400) + 1):
        if start[:8] and start[:8] in normalise(value.lines[number - 1]):
            return number
    return value.line


def walk_text(data: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...],
                                                                      str]]:
    """Every text value of plain YAML data, with its path, in document order."""
    if isinstance(data, dict):
        for key, item in data.items():
            yield from walk_text(item, (*path, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from walk_text(item, (*path, index))
    elif isinstance(data, str):
        yield path, data


@dataclass
class Render:
    """One brief's latest page, or its problems."""

    path: Path
    version: int = 0
    html: str = ""
    title: str = ""
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


class Preview:
    """The briefs served, rendered on demand and again when their inputs change."""

    def __init__(self, paths: list[Path], options: Options, editor: str | None = None) -> None:
        self.paths = paths
        self.options = options
        self.editor = editor
        self.renders: dict[str, Render] = {}
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)
        self.stopping = threading.Event()
        self.version = 0
        self.refresh_list()
        self.render_all()

    def refresh_list(self) -> None:
        """The incident files served: the files named, folders' ``*.yaml`` files."""
        from briefgen.build import find_briefs

        files = find_briefs(self.paths)
        with self.lock:
            for stale in set(self.renders) - {path.stem for path in files}:
                del self.renders[stale]
            for path in files:
                self.renders.setdefault(path.stem, Render(path))

    def render_all(self) -> None:
        for stem in list(self.renders):
            self.render(stem)

    def render(self, stem: str) -> None:
        """Render one brief again (or find its problems) and tell the pages that show it."""
        with self.lock:
            current = self.renders.get(stem)
        if current is None:
            return
        began = time.perf_counter()
        html, title, problems = render_page(current.path, self.options, stem,
                                            self.editor is not None)
        with self.changed:
            self.version += 1
            current.html, current.title, current.problems = html, title, problems
            current.version = self.version
            current.seconds = time.perf_counter() - began
            self.changed.notify_all()

    def apply(self, changes: Iterable[Path]) -> None:
        """Render again what the changed files touch."""
        from briefgen.render.markdown import make_environment
        from briefgen.seeds import read_seed

        changed = [path.resolve() for path in changes]
        briefs = {path.resolve() for path in self.watched_briefs()}
        if any(path not in briefs for path in changed):  # a seed, template, config, ...
            read_seed.cache_clear()
            make_environment.cache_clear()
            self.refresh_list()
            self.render_all()
            return
        self.refresh_list()
        with self.lock:
            todo = {stem for stem, item in self.renders.items()
                    if item.path.resolve() in changed}
            comparisons = {stem for stem, item in self.renders.items()
                           if stem not in todo and is_comparison(item)}
        for stem in [*sorted(todo), *sorted(comparisons)]:
            self.render(stem)

    def watched_briefs(self) -> list[Path]:
        from briefgen.build import find_briefs

        with contextlib.suppress(BriefgenError):
            return find_briefs(self.paths)
        return []

    def wait(self, stem: str, seen: int, timeout: float) -> int | None:
        """The brief's version once it is past ``seen``, or None after ``timeout``."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while not self.stopping.is_set():
                item = self.renders.get(stem)
                if item is None:
                    return -1
                if item.version != seen:
                    return item.version
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.changed.wait(left)
        return None

    def stop(self) -> None:
        with self.changed:
            self.stopping.set()
            self.changed.notify_all()

    def watch_roots(self) -> tuple[list[Path], list[Path]]:
        """The folders to watch with their subfolders, and those to watch alone (for one
        file in them: the config, the reference document)."""
        from briefgen.seeds import find_seeds_dir

        deep: list[Path] = [path if path.is_dir() else path.parent for path in self.paths]
        seeds = self.options.seeds or find_seeds_dir(Path.cwd())
        for path in self.paths:
            seeds = seeds or find_seeds_dir((path if path.is_dir() else path.parent).resolve())
        deep.append(default_templates_dir())
        for extra in (seeds, self.options.templates):
            if extra is not None:
                deep.append(extra)
        shallow = [Path.cwd()]
        if self.options.reference is not None:
            shallow.append(self.options.reference.parent)
        return unique_folders(deep), unique_folders(shallow)

    def wanted(self, path: Path, deep: bool) -> bool:
        """Whether a changed file is an input (not an editor's swap file or the like): in
        the folders watched deep, briefs, seeds and templates; beside them, the config and
        the reference document."""
        name = path.name
        if name.startswith(".") or name.endswith(("~", ".swp", ".tmp")):
            return False
        if deep:
            return path.suffix in (".yaml", ".yml", ".txt", ".j2", ".docx")
        return name == CONFIG_NAME or (self.options.reference is not None
                                       and path.resolve() == self.options.reference.resolve())

    def open_in_editor(self, file: str, line: int) -> None:
        """Run ``--editor`` on one of the files served, at ``line``."""
        if self.editor is None:
            raise OutputError("no --editor was given")
        known = {display_path(item.path) for item in self.renders.values()}
        known |= {display_path(item.path.parent / f"{item.path.stem}.yaml")
                  for item in self.renders.values()}
        if file not in known and not self.is_incident_of_comparison(file):
            raise OutputError(f"{file}: not a file this preview serves")
        words = [word.format(file=file, line=line) for word in shlex.split(self.editor)]
        subprocess.Popen(words, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)

    def is_incident_of_comparison(self, file: str) -> bool:
        folders = {item.path.parent.resolve() for item in self.renders.values()}
        target = Path(file).resolve()
        return target.parent in folders and target.suffix in (".yaml", ".yml")


def unique_folders(folders: Iterable[Path]) -> list[Path]:
    found: dict[Path, None] = {}
    for folder in folders:
        if folder.is_dir():
            found.setdefault(folder.resolve(), None)
    return list(found)


def is_comparison(item: Render) -> bool:
    try:
        return "\nincidents:" in item.path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def render_page(path: Path, options: Options, stem: str,
                editor: bool) -> tuple[str, str, list[str]]:
    """The preview page of one brief: the brief with its source places, or its problems."""
    from briefgen.load import load_document, read_document
    from briefgen.model import ComparisonSet
    from briefgen.render.html import page_of, render_html
    from briefgen.render.markdown import render_markdown

    try:
        loaded, doc = load_document(path, options.seeds)
        markdown = render_markdown(loaded, options.templates)
    except ValidationError as exc:
        problems = [str(p) for p in exc.problems]
        return (problem_page(stem, path, exc.problems, editor=editor),
                f"{path.name}: problems", problems)
    except BriefgenError as exc:
        problems = str(exc).splitlines()
        return (problem_page(stem, path, [], problems, editor),
                f"{path.name}: cannot render", problems)
    documents = [(doc, read_lines(path))]
    if isinstance(loaded, ComparisonSet):
        for incident in loaded.incidents:
            incident_path = path.parent / f"{incident.id}.yaml"
            documents.append((read_document(incident_path), read_lines(incident_path)))
    sources = SourceMap(documents, claim_labels(loaded))
    blocks = preview_blocks(markdown)
    sources.count(blocks)
    page = page_of(loaded, sources.locate, head=preview_head(stem, editor), top=preview_bar(path))
    return render_html(markdown, page), page.title, []


def claim_labels(loaded: Loaded) -> dict[str, str]:
    """Each claim's number as the brief prints it (``C3``), to its record (``claims[4].``):
    numbered as the template context numbers them, group by group."""
    from briefgen.analysis import group_claims
    from briefgen.model import ComparisonSet

    if isinstance(loaded, ComparisonSet):
        return {}
    index = {claim.id: i for i, claim in enumerate(loaded.claims)}
    ordered = [claim for group in group_claims(loaded) for claim in group.claims]
    return {f"C{n}": f"claims[{index[claim.id]}]." for n, claim in enumerate(ordered, start=1)}


def preview_blocks(markdown: str) -> list[str]:
    """The normalised text of every block a page shows, to count where each value shows."""
    from briefgen.render.html import HtmlWriter
    from briefgen.syntax import parse_markdown

    found: list[str] = []

    def collect(text: str) -> dict[str, str] | None:
        found.append(normalise(text))
        return None

    HtmlWriter(collect).write(parse_markdown(markdown))
    return found


def read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def preview_bar(path: Path, what: str = "a paragraph, claim or row") -> str:
    return (f'<div class="preview-bar" role="status" aria-live="polite">Preview of '
            f"<code>{escape(display_path(path))}</code> · click {what} to see where it comes "
            f'from <span id="preview-source"></span></div>\n')


def problem_page(stem: str, path: Path, problems: list[Problem],
                 lines: list[str] | None = None, editor: bool = False) -> str:
    """A page that lists a brief's problems where the brief would be."""
    items = []
    for problem in problems:
        place = f"{problem.file}:{problem.line}:{problem.column}"
        hint = f' <span class="hint">({escape(problem.hint)})</span>' if problem.hint else ""
        kind = "warning" if problem.severity == "warning" else "error"
        items.append(f'<li class="{kind}" data-source="{escape(problem.file)}:{problem.line}">'
                     f"<code>{escape(place)}</code>: <code>{escape(problem.path)}</code>: "
                     f"{escape(problem.message)}{hint}</li>\n")
    for line in lines or []:
        items.append(f'<li class="error"><code>{escape(line)}</code></li>\n')
    count = len(items)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(path.name)}: {count} problem{'s' * (count != 1)}</title>\n"
        f"<style>\n{PROBLEM_STYLES}</style>\n{preview_head(stem, editor)}</head>\n<body>\n"
        f"{preview_bar(path, 'a problem')}<main>\n"
        f"<h1>{escape(display_path(path))} does not validate</h1>\n"
        f"<p>{count} problem{'s' * (count != 1)}; the page shows the brief again once the "
        f"file is fixed and saved.</p>\n"
        f'<ol class="problems">\n{"".join(items)}</ol>\n</main>\n</body>\n</html>\n')


PROBLEM_STYLES = """\
body { margin: 0; font: 1rem/1.5 system-ui, "DejaVu Sans", sans-serif; color: #1b1f24; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem; }
h1 { font-size: 1.5rem; color: #a40e26; }
ol.problems { padding-left: 1.5rem; }
ol.problems li { margin: .6rem 0; padding: .5rem .75rem; border-left: 4px solid #cf222e;
                 background: #fff5f5; }
ol.problems li.warning { border-color: #9a6700; background: #fff8c5; }
code { font: .95em ui-monospace, "DejaVu Sans Mono", monospace; }
.hint { color: #57606a; }
"""


def preview_head(stem: str, editor: bool) -> str:
    """The preview's own script and styles: reload on a new render, show a block's source."""
    data = json.dumps({"events": f"/events?b={quote(stem)}", "editor": editor,
                       "version": VERSION_MARK}).replace("<", "\\u003c")
    return (f"<style>\n{PREVIEW_STYLES}</style>\n"
            f'<script type="application/json" id="preview-data">{data}</script>\n'
            f"<script>\n{PREVIEW_SCRIPT}</script>\n")


VERSION_MARK = "@@preview-version@@"
"""Where a page says which render it is: filled in as the page is sent, so that a render
made between the page's load and its event stream's start still reloads it."""


PREVIEW_STYLES = """\
.preview-bar { position: sticky; top: 0; z-index: 2; background: #ddf4ff; color: #0a3069;
               border-bottom: 1px solid #54aeff; padding: .35rem 1rem; font-size: .9rem; }
[data-source] { cursor: pointer; }
[data-source]:hover { outline: 1px dashed #54aeff; outline-offset: 2px; }
.preview-picked { outline: 2px solid #0969da !important; outline-offset: 2px; }
@media print { .preview-bar { display: none; } }
"""

PREVIEW_SCRIPT = """\
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("preview-data").textContent);
  var source = new EventSource(data.events);
  source.onmessage = function (event) {
    if (event.data !== data.version) { source.close(); location.reload(); }
  };
  document.addEventListener("click", function (event) {
    if (event.target.closest("a")) { return; }
    var block = event.target.closest("[data-source]");
    if (!block) { return; }
    var old = document.querySelector(".preview-picked");
    if (old) { old.classList.remove("preview-picked"); }
    block.classList.add("preview-picked");
    var place = block.getAttribute("data-source");
    var shown = place + (block.dataset.field ? " (" + block.dataset.field + ")" : "");
    var label = document.getElementById("preview-source");
    if (label) { label.textContent = "· " + shown; }
    if (!data.editor) { return; }
    var cut = place.lastIndexOf(":");
    fetch("/open", {method: "POST", headers: {"Content-Type": "application/json"},
                    body: JSON.stringify({file: place.slice(0, cut),
                                          line: parseInt(place.slice(cut + 1), 10)})})
      .then(function (response) {
        if (label) { label.textContent = "· " + shown + (response.ok ? ", opened in the editor"
                                                          : ", the editor could not open it"); }
      });
  });
})();
"""


class Handler(BaseHTTPRequestHandler):
    """The preview's pages, event streams and the editor's door."""

    preview: Preview
    port: int
    server_version = "briefgen-preview"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the terminal shows only what the preview says itself

    def allowed_hosts(self) -> set[str]:
        return {f"{HOST}:{self.port}", f"localhost:{self.port}"}

    def host_ok(self) -> bool:
        """Refuse a request under another host name (DNS rebinding)."""
        return self.headers.get("Host", "") in self.allowed_hosts()

    def do_GET(self) -> None:
        if not self.host_ok():
            self.send_text(HTTPStatus.FORBIDDEN, "forbidden: not a loopback host name")
            return
        url = urlsplit(self.path)
        if url.path == "/":
            self.send_index()
        elif url.path.startswith("/b/"):
            self.send_brief(url.path[3:])
        elif url.path == "/favicon.ico":
            self.send_response(HTTPStatus.NO_CONTENT)
            self.end_headers()
        elif url.path == "/events":
            self.send_events(parse_qs(url.query).get("b", [""])[0])
        else:
            self.send_text(HTTPStatus.NOT_FOUND, "not found")

    def do_POST(self) -> None:
        origin = self.headers.get("Origin", "")
        if not self.host_ok() or origin not in {f"http://{h}" for h in self.allowed_hosts()}:
            self.send_text(HTTPStatus.FORBIDDEN, "forbidden: only the preview's own pages "
                                                 "may open the editor")
            return
        if urlsplit(self.path).path != "/open" or self.headers.get_content_type() != \
                "application/json":
            self.send_text(HTTPStatus.NOT_FOUND, "not found")
            return
        try:
            length = min(int(self.headers.get("Content-Length", "0")), 4096)
            request = json.loads(self.rfile.read(length))
            file, line = str(request["file"]), int(request["line"])
            self.preview.open_in_editor(file, line)
        except (ValueError, KeyError, TypeError) as exc:
            self.send_text(HTTPStatus.BAD_REQUEST, f"bad request: {exc}")
            return
        except (BriefgenError, OSError) as exc:
            self.send_text(HTTPStatus.BAD_REQUEST, str(exc))
            return
        self.send_text(HTTPStatus.OK, "opened")

    def send_text(self, status: HTTPStatus, text: str) -> None:
        body = (text + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_html(self, html: str) -> None:
        body = html.encode("utf-8")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def send_index(self) -> None:
        with self.preview.lock:
            items = sorted(self.preview.renders.items())
        if len(items) == 1:
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", f"/b/{quote(items[0][0])}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        rows = "".join(
            f'<li><a href="/b/{quote(stem)}">{escape(item.title or stem)}</a> '
            f"<code>{escape(display_path(item.path))}</code>"
            + (f' <strong class="bad">{len(item.problems)} problem'
               f"{'s' * (len(item.problems) != 1)}</strong>" if item.problems else "")
            + "</li>\n" for stem, item in items)
        self.send_html(
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>briefgen preview</title>\n<style>\n{PROBLEM_STYLES}"
            ".bad { color: #a40e26; }\n</style>\n</head>\n<body>\n<main>\n"
            f"<h1>briefgen preview</h1>\n<ul>\n{rows}</ul>\n</main>\n</body>\n</html>\n")

    def send_brief(self, stem: str) -> None:
        with self.preview.lock:
            item = self.preview.renders.get(stem)
            html = item.html.replace(VERSION_MARK, str(item.version), 1) if item else ""
        if item is None:
            self.send_text(HTTPStatus.NOT_FOUND, f"no brief {stem!r} in this preview")
            return
        self.send_html(html)

    def send_events(self, stem: str) -> None:
        """Server-sent events: the brief's version now, then each new one. The stream is
        bounded in time; the page's EventSource opens another."""
        with self.preview.lock:
            item = self.preview.renders.get(stem)
            seen = item.version if item is not None else -1
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        ends = time.monotonic() + MAX_STREAM
        try:
            self.wfile.write(f"retry: 500\ndata: {seen}\n\n".encode())
            self.wfile.flush()
            while time.monotonic() < ends and not self.preview.stopping.is_set():
                version = self.preview.wait(stem, seen, KEEPALIVE)
                if version is None:
                    self.wfile.write(b": keep-alive\n\n")
                else:
                    seen = version
                    self.wfile.write(f"data: {version}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True


def make_server(preview: Preview, port: int = 0) -> ThreadingHTTPServer:
    """The preview's HTTP server on 127.0.0.1:``port`` (0: a free port)."""

    class Bound(Handler):
        pass

    Bound.preview = preview
    try:
        server = ThreadingHTTPServer((HOST, port), Bound)
    except OSError as exc:
        raise OutputError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc} (choose "
                          "another --port, or --port 0 for any free one)") from exc
    server.daemon_threads = True
    Bound.port = server.server_address[1]
    return server


def watch(preview: Preview, stop: threading.Event,
          report: Callable[[str], None] | None = None) -> list[threading.Thread]:
    """Threads that follow the inputs and render again what changed."""
    import watchfiles

    deep, shallow = preview.watch_roots()

    def follow(folders: list[Path], recursive: bool) -> None:
        if not folders:
            return
        for changes in watchfiles.watch(*folders, recursive=recursive, stop_event=stop,
                                        debounce=400, step=20, raise_interrupt=False,
                                        watch_filter=lambda _change, name:
                                        preview.wanted(Path(name), recursive)):
            paths = [Path(name) for _change, name in changes]
            began = time.perf_counter()
            preview.apply(paths)
            if report is not None:
                names = ", ".join(sorted({display_path(p) for p in paths}))
                report(f"{names} changed: rendered again in "
                       f"{(time.perf_counter() - began) * 1000:.0f} ms")

    threads = [threading.Thread(target=follow, args=(deep, True), daemon=True,
                                name="briefgen-watch"),
               threading.Thread(target=follow, args=(shallow, False), daemon=True,
                                name="briefgen-watch-config")]
    for thread in threads:
        thread.start()
    return threads


def serve(paths: list[Path], port: int = 0, editor: str | None = None,
          options: Options = Options(), ready: Callable[[str], None] | None = None,
          report: Callable[[str], None] | None = None) -> None:
    """Serve the live preview until interrupted (Ctrl-C): ``ready`` hears its address once
    it listens, ``report`` each change rendered again."""
    preview = Preview(paths, options, editor)
    server = make_server(preview, port)
    stop = threading.Event()
    threads = watch(preview, stop, report)
    url = f"http://{HOST}:{server.server_address[1]}/"
    if ready is not None:
        ready(url)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        preview.stop()
        server.server_close()
        for thread in threads:
            thread.join(timeout=2)
