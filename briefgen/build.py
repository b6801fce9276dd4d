"""The jobs behind the commands: validate files, render one brief, build a batch.

Every output is written to a temporary file beside its target and renamed into place, so a
failed render leaves the last good file untouched; in a batch one bad brief fails alone.
"""

from __future__ import annotations

import itertools
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from briefgen import __version__
from briefgen.errors import (
    BriefgenError,
    LimitError,
    MissingInputError,
    OutputError,
    Problem,
    RenderError,
    ValidationError,
    display_path,
    resolved,
    resolved_name,
)
from briefgen.render import (
    FORMATS,
    Options,
    OutputFormat,
    Rendering,
    default_formats,
    find_format_by_suffix,
    get_format,
)

if TYPE_CHECKING:
    from briefgen.model import Brief, Loaded
    from briefgen.state import BuildState

__all__ = ["Options", "Rendering", "build_briefs", "render_file", "render_outputs",
           "validate_files"]

DEFAULT_BRIEFS = Path("briefs")
DEFAULT_OUT = Path("out")


@dataclass
class BuildReport:
    """What a batch did: the number of files written, and the briefs that failed with their
    errors (``Progress.wrote`` hears of each file as it is written)."""

    written: int = 0
    failed: list[tuple[Path, BriefgenError]] = field(default_factory=list)
    briefs: int = 0
    built: int = 0
    skipped: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    since: str | None = None
    """The git revision whose changes were written, if any."""
    changed: int = 0
    """The briefs changed since that revision, each written as a redline and a change list."""
    changes_failed: list[BriefgenError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether every brief, and every change list asked for, was written."""
        return not self.failed and not self.changes_failed

    def summarise(self) -> str:
        """The line that sums the batch up: ``built 3 of 4 briefs, skipped 1 unchanged, ...``."""
        text = (f"built {self.built} of {self.briefs} brief{'s' * (self.briefs != 1)}, "
                f"skipped {self.skipped} unchanged, {len(self.failed)} failed, "
                f"{self.seconds:.2f} s")
        if self.skipped:
            text += " (--force rebuilds unchanged briefs)"
        if self.since is not None:
            text += f"; {self.changed} changed since {self.since}, with redline and changes"
        return text


def find_briefs(paths: Sequence[Path]) -> list[Path]:
    """The incident files named, folders expanded to their ``*.yaml``, sorted, no repeats."""
    return [Path(name) for name in find_brief_names(paths)]


def find_brief_names(paths: Sequence[Path]) -> list[str]:
    """``find_briefs`` as text: a batch of thousands holds its names in a third of the
    memory of paths, and its worker processes inherit them."""
    if not paths:
        paths = [DEFAULT_BRIEFS]
    found: list[str] = []
    for path in paths:
        if path.is_dir():
            found.extend(list_folder(str(path)))
        elif path.exists():
            found.append(str(path))
        else:
            raise MissingInputError(f"{display_path(path)}: no such file or folder")
    return list(dict.fromkeys(found))


def list_folder(folder: str) -> list[str]:
    """The ``*.yaml`` files of ``folder`` sorted, then its ``*.yml`` (the suffix's case as
    the system's, as glob has it). Each name is made once, joined to the folder: no name is
    made and dropped for each file, which would leave memory in holes."""
    lists: tuple[list[str], list[str]] = ([], [])
    with os.scandir(folder) as entries:
        for entry in entries:
            name = os.path.normcase(entry.name)
            if name.endswith((".yaml", ".yml")):
                lists[name.endswith(".yml")].append(
                    entry.name if folder == "." else os.path.join(folder, entry.name))
    return sorted(lists[0]) + sorted(lists[1])


def validate_files(paths: Sequence[Path],
                   options: Options = Options()) -> tuple[int, list[Problem]]:
    """Every problem of every file, errors and warnings: the number of files read and the
    problems, file by file in the order given. Warnings come only from files without errors."""
    from briefgen.analysis import review_brief
    from briefgen.document import locate_findings
    from briefgen.load import load_document
    from briefgen.model import Brief

    files = find_briefs(paths)
    problems: list[Problem] = []
    for path in files:
        try:
            brief, doc = load_document(path, options.seeds)
        except ValidationError as exc:
            problems.extend(exc.problems)
            continue
        except Exception as exc:  # a bug that this file shows: reported as its own problem
            problems.append(Problem(display_path(path), 1, 1, "$", *describe_crash(exc)))
            continue
        if not isinstance(brief, Brief):
            continue  # a comparison: its incidents are reviewed in their own files
        warnings = [*doc.warnings, *locate_findings(doc, review_brief(brief), "warning")]
        problems.extend(sorted(warnings, key=lambda p: (p.line, p.column, p.path)))
    return len(files), problems


def render_text(rendering: Rendering, options: Options, formats: Iterable[str] = ()) -> str:
    """The brief's Markdown, with the chart its rendering has found for every format; under
    ``options.length`` summary, its one page, which names the full brief's files in
    ``formats`` (``name_full_brief``)."""
    from briefgen.render.markdown import render_markdown

    full_brief = (name_full_brief(rendering.brief.id, formats) if options.length == "summary"
                  else None)
    return render_markdown(rendering.brief, options.templates, options.max_output, full_brief,
                           rendering.chart)


def name_full_brief(brief_id: str, formats: Iterable[str]) -> list[str]:
    """The files a full build of ``formats`` writes for the brief, which its summary points
    to: ``ID.SUFFIX`` of each document format, in the order given (no formats: the
    defaults)."""
    documents = [fmt for fmt in map(find_format, tuple(formats) or default_formats())
                 if fmt.has_length]
    return list(dict.fromkeys(fmt.file_name(brief_id) for fmt in documents))


def render_outputs(rendering: Rendering, formats: Iterable[str],
                   options: Options) -> dict[str, bytes]:
    """The brief of ``rendering`` in each format that renders, as bytes by format name; for a
    format that converts another (PDF), the output it is converted from."""
    markdown: str | None = None  # not made for data exports alone, which do not read it
    outputs: dict[str, bytes] = {}
    for name in formats:
        fmt = find_format(name)
        if fmt.source is not None:
            fmt = find_format(fmt.source)
        if fmt.name not in outputs and fmt.render is not None:
            if markdown is None and fmt.markdown:
                markdown = render_text(rendering, options, formats)
            outputs[fmt.name] = data = fmt.render(rendering, markdown or "", options)
            check_size(fmt.name, data, options)
    return outputs


def check_size(name: str, data: bytes, options: Options, file: str | None = None) -> None:
    """Refuse an output past ``--max-output``, before it is written; ``file`` names the
    brief where the build would not otherwise place the error."""
    if options.max_output is not None and len(data) > options.max_output:
        raise LimitError(f"the {name} output is {len(data):,} bytes, more than the output "
                         f"limit of {options.max_output:,}", "no real brief comes near it; "
                         "look for a loop in the templates, or raise --max-output", file)


def render_companions(rendering: Rendering, formats: Iterable[str],
                      options: Options) -> dict[str, dict[str, bytes | None]]:
    """The files that go with the brief's output in each format that has them (the
    Markdown's chart), by format name and then by suffix; None for a file this brief has
    not."""
    made: dict[str, dict[str, bytes | None]] = {}
    for fmt in map(find_format, formats):
        if fmt.companions is not None:
            made[fmt.name] = fmt.companions(rendering, options)
    return made


def write_companions(brief_id: str, folder: Path,
                     companions: dict[str, bytes | None]) -> dict[str, Path]:
    """The files beside an output, ``folder/ID.SUFFIX``, each written atomically; one that
    this brief has not is removed where an earlier build left it. The files written, by
    suffix."""
    written: dict[str, Path] = {}
    for suffix, data in companions.items():
        target = folder / f"{brief_id}{suffix}"
        if data is None:
            try:
                target.unlink(missing_ok=True)
            except OSError as exc:
                raise OutputError(f"{display_path(target)}: cannot remove: "
                                  f"{exc.strerror or exc}") from exc
            continue
        write_atomic(target, data)
        written[suffix] = target
    return written


class Overtime(BaseException):
    """Raised in a brief's build when its time limit is up: a ``BaseException``, so that no
    ``except Exception`` on the way (a template's, a writer's) takes it for its own."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``Overtime`` in the block once ``seconds`` have passed (a real-time timer and
    its signal, in this process's main thread; elsewhere, or without ``setitimer``, the
    block runs unbounded)."""
    import signal
    import threading

    if (seconds is None or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise Overtime

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def describe_overtime(seconds: float | None) -> LimitError:
    return LimitError(f"building the brief took more than the time limit of {seconds:g} s",
                      "no real brief comes near it; look for a loop in the templates, or "
                      "raise --time-limit")


def find_format(name: str) -> OutputFormat:
    """The registered format ``name``, or an error that lists them."""
    try:
        return get_format(name)
    except KeyError:
        raise OutputError(f"unknown format '{name}' (choose from {', '.join(FORMATS)})") from None


def render_file(path: Path, output: Path | None, options: Options = Options(),
                warn: Callable[[str], None] | None = None) -> str | None:
    """One brief: Markdown returned for stdout, or written to ``output`` by its suffix; it is
    loaded and rendered within the time and output limits. ``warn`` hears what the build
    left out of the reference document."""
    from briefgen.load import load_any

    check_options(options)
    fmt = None if output is None else find_format_by_suffix(output.name)
    if fmt is not None and warn is not None:
        for warning in check_reference(options, [fmt.name]):
            warn(warning)
    if output is not None and fmt is None:
        suffixes = [get_format(name).suffix for name in FORMATS]
        raise OutputError(f"{display_path(output)}: cannot tell the format from the suffix "
                          f"'{output.suffix}' (use {', '.join(suffixes[:-1])} or "
                          f"{suffixes[-1]})")
    with limits_of(path, options):
        brief = load_any(path, options.seeds)
        if output is None or fmt is None:
            return render_text(Rendering(brief), options)
        if fmt.collect is not None and fmt.rows is not None:  # a batch's file, of one brief
            write_atomic(output, fmt.collect(fmt.rows(brief)))
            return None
        rendering = Rendering(brief)
        outputs = render_outputs(rendering, [fmt.name], options)
        companions = render_companions(rendering, [fmt.name], options)
    write_companions(brief.id, output.parent, companions.get(fmt.name, {}))
    if fmt.source is not None:
        made = convert_batch(fmt, {brief.id: outputs[fmt.source]}, options)
        write_atomic(output, take_converted(fmt, made, brief.id, display_path(output)))
    else:
        write_atomic(output, outputs[fmt.name])
    return None


@contextmanager
def limits_of(path: Path, options: Options) -> Iterator[None]:
    """Run the block, the loading and rendering of the brief ``path``, within the time limit;
    a ``LimitError`` placed at the brief when it or the output limit is passed."""
    try:
        with time_limit(options.time_limit):
            yield
    except LimitError as exc:
        raise exc.located(display_path(path)) from None
    except Overtime:
        raise describe_overtime(options.time_limit).located(display_path(path)) from None
    except BriefgenError:
        raise
    except Exception as exc:  # a bug that this input shows: named, not an internal error
        raise RenderError(str(Problem(display_path(path), 1, 1, "$",
                                      *describe_crash(exc)))) from exc


def check_reference(options: Options, formats: Sequence[str]) -> list[str]:
    """Where the Word brief is among ``formats`` and the reference document holds what no
    brief may carry (macros, external links, custom XML, unknown parts), the warning that
    names what is left out of every brief; under ``options.strict``, an error instead."""
    if options.reference is None or not any(
            "docx" in (name, find_format(name).source) for name in formats):
        return []
    from briefgen.render.docx import left_out_of

    left_out = left_out_of(options.reference)
    if not left_out:
        return []
    message = (f"{display_path(options.reference)}: left out of every brief: "
               f"{', '.join(left_out)} (a reference document gives briefs only its styles, "
               "numbering, theme, fonts, settings, headers, footers and page setup)")
    if options.strict:
        raise OutputError(f"{message}; --strict makes this an error")
    return [f"warning: {message}"]


def check_options(options: Options) -> None:
    """Refuse, before anything is built, a templates folder that is not a folder and a
    reference document that is not a regular file of at most ``MAX_REFERENCE_BYTES``
    (nothing is read here: the Word writer reads the reference)."""
    from briefgen.files import MAX_REFERENCE_BYTES, InputError, check_regular, read_source_date

    read_source_date()  # a SOURCE_DATE_EPOCH that no zip can hold stops the build at once
    if options.templates is not None and not options.templates.is_dir():
        raise ValidationError([Problem(str(options.templates), 1, 1, "$", "the templates "
                                       "folder is not a folder",
                                       "give --templates a folder of .j2 files")])
    if options.reference is not None:
        try:
            check_regular(options.reference, MAX_REFERENCE_BYTES)
        except InputError as exc:
            raise ValidationError([Problem(str(options.reference), 1, 1, "$",
                                           f"reference document: {exc.message}",
                                           "give --reference-doc a Word document (.docx) of "
                                           "its styles")]) from None


def convert_batch(fmt: OutputFormat, documents: dict[str, bytes],
                  options: Options) -> dict[str, bytes | BriefgenError]:
    """Several briefs converted to ``fmt`` in one run: each one's bytes, or the error that
    says why it was not converted."""
    assert fmt.convert is not None
    return fmt.convert(documents, options)


def take_converted(fmt: OutputFormat, made: dict[str, bytes | BriefgenError], stem: str,
                   place: str) -> bytes:
    """The bytes of ``stem`` converted to ``fmt``; where it was not, the error placed at
    ``place`` (the brief's file, or the output asked for), with the converter's reason."""
    result = made.get(stem)
    if isinstance(result, BriefgenError):
        raise RenderError(f"{place}: {result}")
    if result is None:
        raise OutputError(f"{place}: the {fmt.name} conversion produced nothing")
    return result


class Progress(Protocol):
    """What a batch build reports as it goes: the CLI draws it as a bar."""

    def start(self, total: int) -> None: ...

    def advance(self, done: int) -> None: ...

    def wrote(self, target: Path) -> None: ...


@dataclass
class Outcome:
    """What building one brief did: files written and the record of its inputs, or the
    error; for each format converted from another (PDF), the name to convert it under
    (the brief's id, or ``ID.summary``) and the output to convert."""

    path: Path
    written: dict[str, Path] = field(default_factory=dict)
    entry: dict[str, Any] | None = None
    """What the build record keeps: ``inputs``, ``outputs`` and, for each format that
    writes one file of the batch (the CSV), the brief's ``rows`` for it."""
    error: BriefgenError | None = None
    to_convert: dict[str, tuple[str, bytes]] = field(default_factory=dict)


def build_briefs(paths: Sequence[Path], out_dir: Path = DEFAULT_OUT,
                 formats: Sequence[str] = (), options: Options = Options(),
                 jobs: int | None = None, force: bool = False,
                 progress: Progress | None = None, since: str | None = None) -> BuildReport:
    """Build every brief named into ``out_dir/ID.FORMAT``; a failing brief fails alone.

    With ``since``, first each changed brief's redline and change list against that git
    revision (``build_changes``; outside a git checkout, ``OutputError`` before anything is
    built).

    Briefs whose inputs are unchanged since the last build into ``out_dir`` are skipped
    unless ``force``; the rest are built ``jobs`` at a time (default: one per CPU). Formats
    converted from another (PDF) are converted their format's ``batch`` at a time, in one
    run each. No ``formats``: the registry's defaults.

    Memory does not grow with the number of briefs beyond their names: outcomes are folded
    into the report and the record as they come, the record is read and written row by row,
    and only a few chunks of briefs are handed to the workers at a time.
    """
    from briefgen.state import BuildState

    began = time.perf_counter()
    report = BuildReport(since=since)
    if since is not None:
        written, report.changes_failed = build_changes(paths, out_dir, since, options)
        report.changed = len(written) // 2
        for target in written:
            if progress is not None:
                progress.wrote(target)
    files = find_brief_names(paths)
    report.briefs = len(files)
    formats = tuple(formats) or default_formats()
    converted = [fmt for fmt in map(find_format, formats) if fmt.source is not None]
    check_options(options)
    report.warnings = check_reference(options, formats)
    collected = [fmt for fmt in map(find_format, formats) if fmt.collect is not None]
    state = BuildState.read(out_dir, build_key(options, formats))
    remove_dead_temporaries(out_dir)
    todo = files if force else state.find_stale(files, formats)
    report.skipped = len(files) - len(todo)
    if progress is not None:
        progress.start(len(todo))
    held: list[Outcome] = []  # briefs with an output to convert, until its run
    try:
        for batch in run_batches(todo, out_dir, formats, options, jobs):
            for outcome in batch:  # folded in as they come: no brief's outcome is kept
                if outcome.to_convert:
                    held.append(outcome)
                else:
                    collect_outcome(outcome, state, report, progress)
            if converted and len(held) >= min(fmt.batch for fmt in converted):
                finish_conversions(held, converted, out_dir, state, report, options, progress)
                held = []
            if progress is not None:
                progress.advance(len(batch))
        if held:
            finish_conversions(held, converted, out_dir, state, report, options, progress)
            held = []
        for fmt in collected:
            write_collected(fmt, files, out_dir, options, state, report, progress)
    finally:
        if held:
            finish_conversions(held, converted, out_dir, state, report, options, progress)
        state.close()
        sort_failures(report, todo)
        report.seconds = time.perf_counter() - began
    return report


def write_collected(fmt: OutputFormat, files: list[str], out_dir: Path, options: Options,
                    state: BuildState, report: BuildReport,
                    progress: Progress | None = None) -> None:
    """The batch's one file of ``fmt`` (``out/incidents.csv``), from every brief's rows in
    the order of the files: a brief built now, or skipped as unchanged, has its rows in the
    record; one that failed has none, and is left out (the build has named it). Written
    only when its bytes change."""
    assert fmt.collect is not None
    failed = {str(path) for path, _ in report.failed}
    target = out_dir / f"{fmt.collected}{fmt.suffix}"
    rows = read_rows(fmt, files, failed, options, state)
    try:
        data = fmt.collect(rows)
        try:
            unchanged = target.read_bytes() == data
        except OSError:
            unchanged = False
        if not unchanged:
            write_atomic(target, data)
            count_written([target], report, progress)
    except BriefgenError as exc:
        report.failed.append((target, exc))


def read_rows(fmt: OutputFormat, files: list[str], failed: set[str], options: Options,
              state: BuildState) -> Iterator[dict[str, Any]]:
    """The rows each brief of ``files`` contributes to ``fmt``'s file, from the build
    record, or, where the record has none (it could not be saved), from the brief itself."""
    from briefgen.load import load_any

    assert fmt.rows is not None
    for name, entry in state.read_entries(files):
        if str(Path(name)) in failed:
            continue
        rows = entry.get("rows", {}).get(fmt.name) if isinstance(entry, dict) else None
        if not isinstance(rows, list):
            try:
                rows = fmt.rows(load_any(Path(name), options.seeds))
            except (BriefgenError, OSError):
                continue  # it built a moment ago: it changed or vanished since
        yield from rows


def sort_failures(report: BuildReport, files: list[str]) -> None:
    """Failures in the order of the files, not in the order the workers finished them."""
    failed = {str(path) for path, _ in report.failed}
    position = {name: i for i, name in enumerate(files) if name in failed}
    report.failed.sort(key=lambda item: position.get(str(item[0]), len(files)))


def collect_outcome(outcome: Outcome, state: BuildState, report: BuildReport,
                    progress: Progress | None = None) -> None:
    """One brief's outcome into the report and the build record."""
    count_written(outcome.written.values(), report, progress)
    if outcome.error is not None:
        report.failed.append((outcome.path, outcome.error))
        state.forget(outcome.path)
    else:
        report.built += 1
        if outcome.entry is not None:
            state.record(outcome.path, outcome.entry)


def count_written(targets: Iterable[Path], report: BuildReport,
                  progress: Progress | None) -> None:
    for target in targets:
        report.written += 1
        if progress is not None:
            progress.wrote(target)


def finish_conversions(held: list[Outcome], converted: list[OutputFormat], out_dir: Path,
                       state: BuildState, report: BuildReport, options: Options,
                       progress: Progress | None = None) -> None:
    """Convert the outputs that ``held`` wait for, then collect their outcomes; a brief
    whose conversion failed is not recorded, so that the next build tries again."""
    from briefgen.state import stamp_outputs

    failed: list[tuple[Path, BriefgenError]] = []
    for fmt in converted:
        documents = {o.to_convert[fmt.name][0]: (o.path, o.to_convert[fmt.name][1])
                     for o in held if fmt.name in o.to_convert}
        written = write_converted(fmt, documents, out_dir, failed, options)
        for outcome in held:
            brief_id = outcome.to_convert.get(fmt.name, ("", b""))[0]
            if brief_id in written:
                outcome.written[fmt.name] = written[brief_id]
                if outcome.entry is not None:
                    outcome.entry["outputs"].update(stamp_outputs({fmt.name: written[brief_id]}))
    report.failed.extend(failed)
    failed_paths = {path for path, _ in failed}
    for outcome in held:
        if outcome.error is None and outcome.path in failed_paths:
            count_written(outcome.written.values(), report, progress)
            state.forget(outcome.path)
        else:
            collect_outcome(outcome, state, report, progress)


def run_batches(files: list[str], out_dir: Path, formats: tuple[str, ...], options: Options,
                jobs: int | None) -> Iterator[list[Outcome]]:
    """Outcomes in batches as they finish: in this process for a few briefs or one job,
    else in a pool of worker processes."""
    jobs = jobs or count_cpus()
    if jobs == 1 or len(files) < PARALLEL_FROM:
        for name in files:
            yield [build_one(Path(name), out_dir, formats, options)]
        return
    import concurrent.futures
    import multiprocessing
    import threading

    # fork starts a worker fastest, but is safe only in a process of one thread (a host that
    # calls us from its own threads, or a test run, may have more): then a fresh interpreter
    methods = multiprocessing.get_all_start_methods()
    alone = threading.active_count() == 1
    method = "fork" if "fork" in methods and alone else (
        "forkserver" if "forkserver" in methods else "spawn")
    context = multiprocessing.get_context(method)
    # chunks of at most 8 briefs (under 0.1 s of work): few messages, and a short tail where
    # one worker has finished and waits for the other
    size = max(1, min(8, len(files) // (jobs * 8)))
    chunks = (files[i:i + size] for i in range(0, len(files), size))
    with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context,
                                                initializer=ignore_interrupts) as pool:
        # a few chunks per worker are handed out at a time, and another for each one done:
        # the work waiting, and the outcomes not yet taken, do not grow with the batch
        def hand_out(count: int) -> set[concurrent.futures.Future[list[Outcome]]]:
            return {pool.submit(build_chunk, chunk, out_dir, formats, options)
                    for chunk in itertools.islice(chunks, count)}

        pending = hand_out(jobs * CHUNKS_AHEAD)
        try:
            while pending:
                finished, pending = concurrent.futures.wait(
                    pending, return_when=concurrent.futures.FIRST_COMPLETED)
                pending |= hand_out(len(finished))
                for future in finished:
                    yield future.result()
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


CHUNKS_AHEAD = 4
"""Chunks handed to the pool per worker, ahead of those being built."""


PARALLEL_FROM = 8
"""Fewer briefs than this build in this process: a pool would cost more than it saves."""


def count_cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process, which stops them cleanly."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def build_chunk(files: list[str], out_dir: Path, formats: tuple[str, ...],
                options: Options) -> list[Outcome]:
    return [build_one(Path(name), out_dir, formats, options) for name in files]


def build_one(path: Path, out_dir: Path, formats: Sequence[str], options: Options) -> Outcome:
    """One brief to its outputs, each written atomically, with the record of its inputs."""
    from briefgen.load import load_any
    from briefgen.state import stamp_input, stamp_inputs, stamp_outputs

    outcome = Outcome(path)
    try:
        try:
            first = stamp_input(path)  # before reading, so an edit made meanwhile rebuilds
        except (OSError, BriefgenError):  # unreadable, or not a regular file: load says so
            first = None
        with limits_of(path, options):
            brief = load_any(path, options.seeds)
            rendering = Rendering(brief)
            outputs = render_outputs(rendering, formats, options)
            companions = render_companions(rendering, formats, options)
        rows: dict[str, list[dict[str, Any]]] = {}
        for fmt in map(get_format, formats):
            if fmt.rows is not None:  # the brief's share of the batch's one file
                rows[fmt.name] = fmt.rows(brief)
                continue
            if fmt.source is not None:
                stem = fmt.file_name(brief.id, options.length).removesuffix(fmt.suffix)
                outcome.to_convert[fmt.name] = (stem, outputs[fmt.source])
                continue
            for suffix, beside in write_companions(brief.id, out_dir,
                                                 companions.get(fmt.name, {})).items():
                outcome.written[f"{fmt.name}{suffix}"] = beside  # before the output names it
            target = out_dir / fmt.file_name(brief.id, options.length)
            write_atomic(target, outputs[fmt.name])
            outcome.written[fmt.name] = target
        if first is not None:
            inputs = stamp_inputs(brief_inputs(path, brief, options))
            inputs[resolved_name(str(path))] = first
            outcome.entry = {"inputs": inputs, "outputs": stamp_outputs(outcome.written)}
            if rows:
                outcome.entry["rows"] = rows
    except BriefgenError as exc:
        outcome.error = exc
    except OSError as exc:  # an input vanished or became unreadable while building
        outcome.error = OutputError(f"{display_path(path)}: {exc.strerror or exc}")
    except Exception as exc:  # a bug that this input shows: it fails alone, named
        outcome.error = RenderError(str(Problem(display_path(path), 1, 1, "$",
                                                *describe_crash(exc))))
    return outcome


def describe_crash(exc: Exception) -> tuple[str, str]:
    """An unexpected exception while reading or building a brief, as the message and hint of
    the brief's own located error, so that the rest of the batch is built."""
    return (f"could not be built: {type(exc).__name__}: {exc}",
            "a bug in briefgen that this file shows; please report it with the file")


def brief_inputs(path: Path, brief: Loaded, options: Options) -> list[Path]:
    """The files a brief was made from besides its own: the seeds it cites and, for a
    comparison, its incident files and theirs."""
    from briefgen.model import ComparisonSet
    from briefgen.seeds import find_seeds_dir

    if isinstance(brief, ComparisonSet):
        found: list[Path] = []
        for incident in brief.incidents:
            incident_path = path.parent / f"{incident.id}.yaml"
            found.append(incident_path)
            found.extend(brief_inputs(incident_path, incident, options))
        return found
    seeds = options.seeds or find_seeds_dir(resolved(path).parent)
    if seeds is None:
        return []
    return [seeds / source.seed for source in brief.sources if source.seed]


def build_key(options: Options, formats: Sequence[str] = ()) -> str:
    """What every brief in a build depends on: briefgen's version and code, the templates,
    the reference document, the seeds folder given and whether the PDF is PDF/A; for
    summaries, the length and the formats, whose full briefs each summary names. (A full
    build and a summary build into one folder each find the other's record out of date, and
    rebuild: a record holds one build's outputs, and a summary's are other files.)"""
    import hashlib

    from briefgen.render import default_templates_dir
    from briefgen.state import hash_tree

    package = Path(__file__).resolve().parent
    templates = [*default_templates_dir().iterdir()]
    if options.templates is not None:
        templates.extend(options.templates.iterdir())
    parts = [__version__, hash_tree(package.rglob("*.py")), hash_tree(templates),
             hash_tree([options.reference] if options.reference else []),
             str(options.seeds.resolve() if options.seeds else ""),
             "pdf-a" if options.pdf_a else ""]
    if options.length != "full":  # the full build's key is as it was before summaries
        parts += [options.length, ",".join(name_full_brief("", formats))]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def write_converted(fmt: OutputFormat, documents: dict[str, tuple[Path, bytes]],
                    out_dir: Path, failed: list[tuple[Path, BriefgenError]],
                    options: Options) -> dict[str, Path]:
    """Each brief's output converted to ``fmt`` and written as ``out_dir/STEM.SUFFIX``
    (the stem: the brief's id, or ``ID.summary``): the files written, by stem; the briefs
    whose conversion failed go into ``failed``."""
    try:
        made = convert_batch(fmt, {brief_id: data for brief_id, (_, data) in documents.items()},
                             options)
    except BriefgenError as exc:
        failed.extend((path, exc) for path, _ in documents.values())
        return {}
    written: dict[str, Path] = {}
    for brief_id, (path, _) in documents.items():
        target = out_dir / f"{brief_id}{fmt.suffix}"
        try:
            data = take_converted(fmt, made, brief_id, display_path(path))
            check_size(fmt.name, data, options, display_path(path))
            write_atomic(target, data)
            written[brief_id] = target
        except BriefgenError as exc:
            failed.append((path, exc))
    return written


def export_templates(folder: Path, force: bool = False) -> list[Path]:
    """Copy the default templates and reference.docx into ``folder`` to start a house style."""
    from briefgen.render import default_templates_dir

    sources = sorted(p for p in default_templates_dir().iterdir()
                     if p.suffix in (".j2", ".docx"))
    targets = [folder / p.name for p in sources]
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        count = f"{len(existing)} file{'s' * (len(existing) != 1)}"
        raise OutputError(f"{display_path(folder)}: {count} already there, such as "
                          f"{existing[0].name} (use --force to overwrite)")
    for source, target in zip(sources, targets, strict=True):
        write_atomic(target, source.read_bytes())
    return targets


_TEMP_NAME = re.compile(r"\.(\d+)\.[a-z0-9_]+\.tmp$")


def remove_dead_temporaries(folder: Path) -> None:
    """Delete the temporary files a killed build left (``.NAME.PID.XXXX.tmp``): those whose
    process is gone or a zombie (a killed build's workers stay zombies where nothing reaps
    orphans, as in many containers). A build still running keeps its own."""
    if not folder.is_dir():
        return
    for temp in folder.glob(".*.tmp"):
        match = _TEMP_NAME.search(temp.name)
        if match is not None and not is_running(int(match.group(1))):
            temp.unlink(missing_ok=True)


def is_running(pid: int) -> bool:
    """Whether process ``pid`` exists and has not exited (a zombie has exited)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):  # alive but another user's, or nonsense
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:  # no /proc (macOS) or gone meanwhile: trust kill
        return True
    # the state follows the command name, which is in parentheses and may hold any byte
    state = stat.rindex(b")") + 2
    return stat[state:state + 1] not in (b"Z", b"X")


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target`` (``.NAME.PID.N.tmp``) and rename
    it into place."""
    try:
        make_folder(target)
        try:
            handle, temp_name = open_temporary(target)
        except FileNotFoundError:  # the folder went away since this process made it
            _FOLDERS.discard(target.parent.absolute())
            make_folder(target)
            handle, temp_name = open_temporary(target)
    except OSError as exc:
        raise OutputError(f"{display_path(target)}: cannot write: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp_name, target)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise OutputError(f"{display_path(target)}: cannot write: {exc.strerror or exc}") from exc


_FOLDERS: set[Path] = set()
"""Output folders this process has made sure of: a batch writes thousands of files to one."""


def make_folder(target: Path) -> None:
    """Create the folder of ``target`` if need be; an error if a file stands in its way."""
    folder = target.parent
    if folder.absolute() in _FOLDERS:  # absolute: the working folder may change
        return
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{display_path(target)}: cannot write: {display_path(folder)} is a "
                          "file, not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    _FOLDERS.add(folder.absolute())


_TEMPORARIES = itertools.count()


def open_temporary(target: Path) -> tuple[int, str]:
    """A new file beside ``target``, named after it and this process, open for writing."""
    while True:
        name = str(target.parent / f".{target.name}.{os.getpid()}.{next(_TEMPORARIES)}.tmp")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644), name
        except FileExistsError:  # left by a dead process of the same pid: take the next
            continue


def create_brief(brief_id: str, folder: Path = DEFAULT_BRIEFS, handling: str = "TLP:CLEAR",
                 schema: Path | None = None) -> Path:
    """Write the commented skeleton ``folder/ID.yaml``; never overwrite a brief. Its
    ``$schema`` line names ``schema`` relative to ``folder``. Its dates are TODOs: the
    editor gives them from the sources, not from the clock."""
    from briefgen.skeleton import make_schema_comment, make_skeleton

    target = folder / f"{brief_id}.yaml"
    text = make_skeleton(brief_id, make_schema_comment(folder, schema), handling)
    if target.exists():
        raise OutputError(f"{display_path(target)}: already exists; edit it, or choose another id")
    write_atomic(target, text.encode("utf-8"))
    return target


def make_json_schema() -> dict[str, object]:
    """The JSON Schema of the incident file, for editors' YAML plugins."""
    from pydantic import TypeAdapter

    from briefgen.model import Brief, Comparison

    schema = TypeAdapter(Brief | Comparison).json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://briefgen.invalid/incident.schema.json",
            "title": "briefgen incident file",
            "description": "One incident (with `incident:`) or a comparison of several "
                           "(with `incidents:`).", **schema}


def format_json_schema() -> str:
    """The JSON Schema as ``briefgen schema`` prints it and docs/incident.schema.json holds."""
    import json

    return json.dumps(make_json_schema(), indent=2, ensure_ascii=False) + "\n"


def draft_file(articles: Sequence[Path], output: Path | None = None,
               brief_id: str | None = None, briefs_dir: Path = DEFAULT_BRIEFS) -> str | None:
    """A YAML draft from the articles: returned for stdout, or written to ``output``."""
    from briefgen.draft import draft_incident, render_draft

    if output is not None and output.exists():
        raise OutputError(f"{display_path(output)}: already exists; a draft never overwrites "
                          "a file (choose another name)")
    text = render_draft(draft_incident(list(articles), brief_id, briefs_dir))
    if output is None:
        return text
    write_atomic(output, text.encode("utf-8"))
    return None


def diff_file(new: Path, old: Path | None = None, since: str | None = None,
              output: Path | None = None, options: Options = Options()) -> str | None:
    """``new`` against ``old`` (a file) or against itself at git revision ``since``: the
    change summary and the brief with its changes marked, as Markdown returned for stdout,
    or written to ``output``: .md, or .docx for a redline (Word tracked changes)."""
    suffix = output.suffix.lower() if output is not None else ".md"
    if suffix not in (".md", ".docx"):
        raise OutputError(f"{display_path(output or new)}: a diff is written as Markdown "
                          "(.md) or as a Word redline (.docx)")
    before, after = load_revisions(new, old, since, options)
    old_markdown = render_text(Rendering(before), options)
    new_markdown = render_text(Rendering(after), options)
    if suffix == ".docx":
        assert output is not None
        write_atomic(output, render_redline(after, old_markdown, new_markdown, options,
                                            before))
        return None
    text = format_diff(before, after, old_markdown, new_markdown)
    if output is None:
        return text
    write_atomic(output, text.encode("utf-8"))
    return None


def build_changes(paths: Sequence[Path], out_dir: Path, since: str,
                  options: Options = Options()) -> tuple[list[Path], list[BriefgenError]]:
    """For each brief whose file differs from git revision ``since`` (or is new since),
    ``out_dir/ID.redline.docx`` and ``out_dir/ID.changes.md`` against that revision; the
    files written, and the briefs that failed. Outside a git checkout, ``OutputError``."""
    from briefgen.git import read_if_there

    written: list[Path] = []
    failed: list[BriefgenError] = []
    for name in find_brief_names(paths):
        path = Path(name)
        data = read_if_there(path, since)  # raises outside a checkout, for the first brief
        if data == path.read_bytes():
            continue
        try:
            written += write_changes(path, data, since, out_dir, options)
        except BriefgenError as error:
            failed.append(error)
    return written, failed


def write_changes(path: Path, data: bytes | None, since: str, out_dir: Path,
                  options: Options) -> list[Path]:
    """The redline and the Markdown diff of one brief against ``data``, its file at
    ``since`` (None: the brief is new since, and all of it is marked added)."""
    from briefgen.diff import mark_changes

    after = load_brief_only(path, options)
    if after is None:  # a comparison brief: its changes are those of its incident files
        return []
    before = load_revisions(path, None, since, options)[0] if data is not None else None
    new_markdown = render_text(Rendering(after), options)
    old_markdown = render_text(Rendering(before), options) if before is not None else ""
    if before is not None:
        text = format_diff(before, after, old_markdown, new_markdown)
    else:
        text = (f"# Changes to {after.id}\n\nNew since {since}: all of it is added.\n\n---\n\n"
                + mark_changes("", new_markdown))
    targets = [out_dir / f"{after.id}.redline.docx", out_dir / f"{after.id}.changes.md"]
    make_folder(out_dir)
    write_atomic(targets[0], render_redline(after, old_markdown, new_markdown, options,
                                            before))
    write_atomic(targets[1], text.encode("utf-8"))
    return targets


def load_brief_only(path: Path, options: Options) -> Brief | None:
    """An incident file's brief; None for a comparison brief, which has no redline of its
    own."""
    from briefgen.load import load_any
    from briefgen.model import Brief
    from briefgen.seeds import find_seeds_dir

    brief = load_any(path, options.seeds or find_seeds_dir(resolved(path).parent))
    return brief if isinstance(brief, Brief) else None


def load_revisions(new: Path, old: Path | None, since: str | None,
                   options: Options) -> tuple[Brief, Brief]:
    """The old and the new revision of a brief: ``old`` read from its file, or ``new`` as
    it was at git revision ``since``."""
    import tempfile

    from briefgen.load import load_any
    from briefgen.model import Brief
    from briefgen.seeds import find_seeds_dir

    seeds = options.seeds or find_seeds_dir(resolved(new).parent)
    after = load_any(new, seeds)
    if old is None:
        from briefgen.git import read_at_revision

        data = read_at_revision(new, since or "HEAD")
        with tempfile.TemporaryDirectory(prefix="briefgen-diff-") as temp:
            copy = Path(temp) / new.name
            copy.write_bytes(data)
            before = load_any(copy, seeds)
    else:
        before = load_any(old, seeds)
    if not (isinstance(before, Brief) and isinstance(after, Brief)):
        raise OutputError(f"{display_path(new)}: diff compares incident files; a comparison "
                          "brief's changes are those of its incident files")
    return before, after


def render_redline(after: Brief, old_markdown: str, new_markdown: str,
                   options: Options, before: Brief | None = None) -> bytes:
    """The new brief as a .docx with its changes since ``old_markdown`` (of ``before``,
    None for a brief new since) as tracked changes, by the new revision's authors on its
    date."""
    from briefgen.render.docx import render_redline as write_redline

    revision = after.revision
    return write_redline(after, old_markdown, new_markdown, ", ".join(revision.authors),
                         f"{revision.date.isoformat()}T00:00:00Z", options.reference, before)


def format_diff(before: Brief, after: Brief, old_markdown: str, new_markdown: str) -> str:
    """The change summary in words, then the new brief with its changes marked."""
    from briefgen.analysis import format_date
    from briefgen.diff import compare_briefs, mark_changes
    from briefgen.render.markdown import escape_markdown

    changes = compare_briefs(before, after)
    lines = [f"# Changes to {after.id}", "",
             f"Revision {after.revision.number} ({format_date(after.revision.date)}, "
             f"{', '.join(after.revision.authors)}) against revision {before.revision.number} "
             f"({format_date(before.revision.date)}).", ""]
    lines += [f"- {escape_markdown(change.text)}" for change in changes] or [
        "No change in the data."]
    lines += ["", "Below, the brief as revised: removed words are marked <del>like this</del>, "
              "added words <ins>like this</ins>.", "", "---", ""]
    return "\n".join(lines) + mark_changes(old_markdown, new_markdown)
