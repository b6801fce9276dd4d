"""The jobs behind the commands: validate files, render one brief, build a batch.

Every output is written to a temporary file beside its target and renamed into place, so a
failed render leaves the last good file untouched; in a batch one bad brief fails alone.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.errors import BriefgenError, OutputError, Problem, ValidationError, display_path
from briefgen.load import Loaded, load_any, load_document, locate_findings
from briefgen.model import Brief

FORMATS = ("md", "docx")
"""What ``build`` writes by default."""
ALL_FORMATS = ("md", "docx", "pdf")
DEFAULT_BRIEFS = Path("briefs")
DEFAULT_OUT = Path("out")


@dataclass(frozen=True)
class Options:
    """Where templates, the reference document and the seeds come from."""

    templates: Path | None = None
    reference: Path | None = None
    seeds: Path | None = None


@dataclass
class BuildReport:
    """What a batch did: files written, and the briefs that failed with their errors."""

    written: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, BriefgenError]] = field(default_factory=list)
    briefs: int = 0


def find_briefs(paths: Sequence[Path]) -> list[Path]:
    """The incident files named, folders expanded to their ``*.yaml``, sorted, no repeats."""
    if not paths:
        paths = [DEFAULT_BRIEFS]
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml")))
        elif path.exists():
            found.append(path)
        else:
            raise OutputError(f"{display_path(path)}: no such file or folder")
    return list(dict.fromkeys(found))


def validate_files(paths: Sequence[Path],
                   options: Options = Options()) -> tuple[int, list[Problem]]:
    """Every problem of every file, errors and warnings: the number of files read and the
    problems, file by file in the order given. Warnings come only from files without errors."""
    from briefgen.analysis import review_brief

    files = find_briefs(paths)
    problems: list[Problem] = []
    for path in files:
        try:
            brief, doc = load_document(path, options.seeds)
        except ValidationError as exc:
            problems.extend(exc.problems)
            continue
        if not isinstance(brief, Brief):
            continue  # a comparison: its incidents are reviewed in their own files
        warnings = locate_findings(doc, review_brief(brief), "warning")
        problems.extend(sorted(warnings, key=lambda p: (p.line, p.column, p.path)))
    return len(files), problems


def render_text(brief: Loaded, options: Options) -> str:
    from briefgen.render.markdown import render_markdown

    return render_markdown(brief, options.templates)


def render_outputs(brief: Loaded, formats: Iterable[str], options: Options) -> dict[str, bytes]:
    """The brief in each format but PDF, as bytes; for PDF, the .docx it is made from."""
    markdown = render_text(brief, options)
    outputs: dict[str, bytes] = {}
    for fmt in formats:
        if fmt == "md":
            outputs[fmt] = markdown.encode("utf-8")
        elif fmt in ("docx", "pdf") and "docx" not in outputs:
            from briefgen.render.docx import render_docx

            outputs["docx"] = render_docx(brief, markdown, options.reference)
        elif fmt not in ALL_FORMATS:
            raise OutputError(f"unknown format '{fmt}' (choose from {', '.join(ALL_FORMATS)})")
    return outputs


def render_file(path: Path, output: Path | None, options: Options = Options()) -> str | None:
    """One brief: Markdown returned for stdout, or written to ``output`` by its suffix."""
    brief = load_any(path, options.seeds)
    if output is None:
        return render_text(brief, options)
    fmt = output.suffix.lstrip(".").lower()
    if fmt not in ALL_FORMATS:
        raise OutputError(f"{display_path(output)}: cannot tell the format from the suffix "
                          f"'{output.suffix}' (use .md, .docx or .pdf)")
    outputs = render_outputs(brief, [fmt], options)
    if fmt == "pdf":
        outputs = convert_pdfs({brief.id: outputs["docx"]})
        if brief.id not in outputs:
            raise OutputError(f"{display_path(output)}: LibreOffice produced no PDF")
        write_atomic(output, outputs[brief.id])
    else:
        write_atomic(output, outputs[fmt])
    return None


def convert_pdfs(documents: dict[str, bytes]) -> dict[str, bytes]:
    from briefgen.render.pdf import convert_to_pdf

    return convert_to_pdf(documents)


def build_briefs(paths: Sequence[Path], out_dir: Path = DEFAULT_OUT,
                 formats: Sequence[str] = FORMATS, options: Options = Options()) -> BuildReport:
    """Build every brief named into ``out_dir/ID.FORMAT``; a failing brief fails alone.

    PDFs are converted at the end, all in one LibreOffice run.
    """
    report = BuildReport()
    files = find_briefs(paths)
    report.briefs = len(files)
    for_pdf: dict[str, tuple[Path, bytes]] = {}
    for path in files:
        try:
            brief = load_any(path, options.seeds)
            outputs = render_outputs(brief, formats, options)
            for fmt in formats:
                if fmt == "pdf":
                    for_pdf[brief.id] = (path, outputs["docx"])
                    continue
                target = out_dir / f"{brief.id}.{fmt}"
                write_atomic(target, outputs[fmt])
                report.written.append(target)
        except BriefgenError as exc:
            report.failed.append((path, exc))
    if for_pdf:
        write_pdfs(for_pdf, out_dir, report)
    return report


def write_pdfs(documents: dict[str, tuple[Path, bytes]], out_dir: Path,
               report: BuildReport) -> None:
    try:
        pdfs = convert_pdfs({brief_id: data for brief_id, (_, data) in documents.items()})
    except BriefgenError as exc:
        report.failed.extend((path, exc) for path, _ in documents.values())
        return
    for brief_id, (path, _) in documents.items():
        target = out_dir / f"{brief_id}.pdf"
        try:
            if brief_id not in pdfs:
                raise OutputError(f"{display_path(path)}: LibreOffice produced no PDF")
            write_atomic(target, pdfs[brief_id])
            report.written.append(target)
        except BriefgenError as exc:
            report.failed.append((path, exc))


def export_templates(folder: Path, force: bool = False) -> list[Path]:
    """Copy the default templates and reference.docx into ``folder`` to start a house style."""
    from briefgen.render.markdown import default_templates_dir

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


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target`` and rename it into place."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                             dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{display_path(target)}: cannot write: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, target)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise OutputError(f"{display_path(target)}: cannot write: {exc.strerror or exc}") from exc


def create_brief(brief_id: str, folder: Path = DEFAULT_BRIEFS) -> Path:
    """Write the commented skeleton ``folder/ID.yaml``; never overwrite a brief."""
    import datetime as dt

    from briefgen.skeleton import make_skeleton

    target = folder / f"{brief_id}.yaml"
    today = os.environ.get("BRIEFGEN_TODAY") or dt.date.today().isoformat()
    text = make_skeleton(brief_id, today)
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
