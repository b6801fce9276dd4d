"""The command line: each command parses options, calls one library function, prints.

The one module that imports click. Errors become exit codes here and only here:
0 success, 1 bad input or a failed render, 2 usage. No traceback unless ``--debug``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from briefgen import __version__
from briefgen.config import LENGTHS
from briefgen.render import FORMATS

if TYPE_CHECKING:
    from briefgen.build import Options
    from briefgen.config import Config

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

EXISTING_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
EXISTING_DIR = click.Path(exists=True, file_okay=False, path_type=Path)
ANY_PATH = click.Path(path_type=Path)


class Group(click.Group):
    """Runs a command and turns briefgen's errors into one-line messages and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        from briefgen.errors import BriefgenError

        try:
            return super().invoke(ctx)
        except BriefgenError as exc:
            if ctx.params.get("debug"):
                raise
            fail(str(exc), exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            fail("interrupted")
        except Exception as exc:
            if ctx.params.get("debug"):
                raise
            fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")


def fail(message: str, code: int = 1) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


def settings() -> Config:
    """The working folder's briefgen.toml, found upward, or the defaults outside any."""
    from briefgen.config import load_config

    return load_config()


def options(config: Config, templates: Path | None, reference: Path | None,
            seeds: Path | None) -> Options:
    """What the command line gives, else what briefgen.toml sets."""
    from briefgen.build import Options
    from briefgen.config import choose

    return Options(choose(templates, config.templates), choose(reference, config.reference_doc),
                   choose(seeds, config.seeds))


def render_options(func: Any) -> Any:
    """The options every rendering command shares."""
    func = click.option("--seeds", type=EXISTING_DIR, metavar="DIR",
                        help="Folder of seed articles (default: the nearest seeds/ above "
                             "each file).")(func)
    func = click.option("--reference-doc", "reference", type=EXISTING_FILE, metavar="FILE",
                        help="Word document whose styles the .docx uses.")(func)
    func = click.option("--templates", type=EXISTING_DIR, metavar="DIR",
                        help="Folder of templates that override the defaults file by file.")(func)
    return func


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="briefgen")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def main(debug: bool) -> None:
    """Turn curated YAML incident summaries into Word and Markdown briefs.

    \b
    Example:
      briefgen validate briefs/
      briefgen build

    Run in a briefing folder (see `briefgen init`), or below one, every command reads its
    briefgen.toml; options on the command line win.
    """


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=ANY_PATH)
@click.option("--strict", is_flag=True,
              help="Fail on warnings too (the ICD 203 and sourcing checks).")
@click.option("--seeds", type=EXISTING_DIR, metavar="DIR",
              help="Folder of seed articles (default: the nearest seeds/ above each file).")
def validate(paths: tuple[Path, ...], strict: bool, seeds: Path | None) -> None:
    """Check incident files and report every problem as FILE:LINE:COL: path: message.

    PATHS are files or folders (default: briefs/). Errors (bad YAML, schema, references,
    quotes not in their seed) exit 1; warnings (ICD 203 judgments, attribution grade,
    sourcing) are printed and exit 1 only with --strict.

    \b
    Example:
      briefgen validate --strict briefs/2017-08-al-tanf-kss.yaml
    """
    from briefgen.build import validate_files

    config = settings()
    count, problems = validate_files(list(paths) or [config.briefs],
                                     options(config, None, None, seeds))
    for problem in problems:
        click.echo(str(problem), err=True)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    files = f"{count} file{'s' * (count != 1)}"
    if errors or (strict and warnings):
        failed = len({p.file for p in problems if p.severity == "error" or strict})
        fail(f"{plural(errors, 'error')} and {plural(warnings, 'warning')} in {failed} of "
             f"{files}" if warnings else
             f"{plural(errors, 'problem')} in {failed} of {files}")
    click.echo(f"{files} valid" + (f", {plural(warnings, 'warning')}" if warnings else ""))


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


@main.command(context_settings=CONTEXT)
@click.argument("path", type=EXISTING_FILE)
@click.option("-o", "--output", type=ANY_PATH, metavar="FILE",
              help="Write to FILE, in the format its suffix names (see briefgen formats; "
                   "default: Markdown to stdout).")
@click.option("--strict", is_flag=True,
              help="Stop where a reference document holds parts no brief may carry (macros, "
                   "external links), instead of leaving them out with a warning.")
@render_options
def render(path: Path, output: Path | None, strict: bool, templates: Path | None,
           reference: Path | None, seeds: Path | None) -> None:
    """Render one brief: Markdown to stdout, or to FILE.

    \b
    Example:
      briefgen render briefs/2019-01-sarsar-lake.yaml -o sarsar.docx
    """
    from briefgen.build import render_file

    text = render_file(path, output,
                       options(settings(), templates, reference, seeds)._replace(strict=strict),
                       lambda warning: click.echo(warning, err=True))
    if text is not None:
        click.echo(text, nl=False)
    else:
        click.echo(f"wrote {output}")


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=ANY_PATH)
@click.option("-o", "--output-dir", "out_dir", type=ANY_PATH, metavar="DIR",
              help="Folder for the outputs (default: out/, or briefgen.toml's output).")
@click.option("-f", "--format", "formats", type=click.Choice(list(FORMATS)),
              multiple=True,
              help="Output format; repeat for several (default: those briefgen formats marks "
                   "as default).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Briefs built at once, in worker processes (default: one per CPU).")
@click.option("--force", is_flag=True,
              help="Rebuild every brief, even those whose inputs have not changed.")
@click.option("-v", "--verbose", is_flag=True,
              help="List every file as it is written (in place of the progress bar).")
@click.option("--time-limit", type=click.FloatRange(min=0, min_open=True), default=60.0,
              show_default=True, metavar="SECONDS",
              help="Time one brief may take; a brief past it fails alone.")
@click.option("--max-output", type=click.IntRange(min=1), default=50_000_000,
              show_default=True, metavar="BYTES",
              help="Size one output of one brief may have; a brief past it fails alone.")
@click.option("--strict", is_flag=True,
              help="Stop where a reference document holds parts no brief may carry (macros, "
                   "external links), instead of leaving them out with a warning.")
@click.option("--since", metavar="REV",
              help="Also write DIR/ID.redline.docx and DIR/ID.changes.md for each brief "
                   "changed since git revision REV.")
@click.option("--pdf-a/--no-pdf-a", "pdf_a", default=None,
              help="Write the PDF as PDF/A-2b, for archiving (default: tagged PDF, or "
                   "briefgen.toml's pdf_a).")
@click.option("--length", type=click.Choice(LENGTHS),
              help="full: the whole brief; summary: one page of it (title block, bottom "
                   "line, key judgments, who is said to have struck, the casualty chart) as "
                   "DIR/ID.summary.docx and so on, beside the full brief (default: full, or "
                   "briefgen.toml's length).")
@render_options
def build(paths: tuple[Path, ...], out_dir: Path | None, formats: tuple[str, ...],
          jobs: int | None, force: bool, verbose: bool, time_limit: float, max_output: int,
          strict: bool, since: str | None, pdf_a: bool | None, length: str | None,
          templates: Path | None,
          reference: Path | None, seeds: Path | None) -> None:
    """Build briefs to DIR/ID.md and DIR/ID.docx.

    PATHS are files or folders (default: briefs/). A brief whose inputs (its YAML, the
    seeds it cites, the templates, the reference document, briefgen itself) have not changed
    since the last build into DIR is skipped. A brief that fails does not stop the others;
    the exit code is 1 if any failed. A progress bar shows on a terminal; the last line
    sums up what was built, skipped and failed.

    \b
    Example:
      briefgen build briefs/ -o out -f docx
      briefgen build --force -j 4
      briefgen build --since v1.0     # and a redline of each brief changed since v1.0
      briefgen build -f pdf --pdf-a   # PDF/A-2b, for an archive
      briefgen build --length summary -f pdf   # out/ID.summary.pdf, one page each
    """
    from briefgen.build import build_briefs
    from briefgen.config import choose

    config = settings()
    progress = Listing() if verbose else Bar() if sys.stderr.isatty() else None
    try:
        report = build_briefs(list(paths) or [config.briefs], choose(out_dir, config.output),
                              formats, options(config, templates, reference, seeds)._replace(
                                  time_limit=time_limit, max_output=max_output, strict=strict,
                                  pdf_a=choose(pdf_a, config.pdf_a),
                                  length=choose(length, config.length)),
                              jobs, force, progress, since)
    finally:
        if progress is not None:
            progress.close()
    for warning in report.warnings:
        click.echo(warning, err=True)
    for error in [*report.changes_failed, *(error for _path, error in report.failed)]:
        click.echo(str(error), err=True)
    if not report.ok:
        fail(report.summarise())
    click.echo(report.summarise(), err=True)


class Bar:
    """click's progress bar on stderr, started once the number of briefs to build is known."""

    def __init__(self) -> None:
        self.bar: Any = None

    def start(self, total: int) -> None:
        if total:
            self.bar = click.progressbar(length=total, label="Building", file=sys.stderr,
                                         show_pos=True)
            self.bar.__enter__()

    def advance(self, done: int) -> None:
        if self.bar is not None:
            self.bar.update(done)

    def wrote(self, target: Path) -> None:
        pass

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


class Listing:
    """With ``-v``: each file written, on stdout as it comes."""

    def start(self, total: int) -> None:
        pass

    def advance(self, done: int) -> None:
        pass

    def wrote(self, target: Path) -> None:
        click.echo(f"wrote {target}")

    def close(self) -> None:
        pass


@main.command(context_settings=CONTEXT)
@click.argument("path", required=False, type=ANY_PATH)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              metavar="N", help="Port on 127.0.0.1 (0: any free port).")
@click.option("--editor", metavar="CMD",
              help="Open the YAML where a clicked block comes from, e.g. "
                   "'code -g {file}:{line}' ({file} and {line} are filled in).")
@render_options
def serve(path: Path | None, port: int, editor: str | None, templates: Path | None,
          reference: Path | None, seeds: Path | None) -> None:
    """Preview briefs as HTML on 127.0.0.1, rendered again on every save.

    PATH is a brief or a folder of them (default: briefs/). The open page reloads itself
    when the brief, its seeds, the templates, the reference document or briefgen.toml
    change; a brief that does not validate shows its problems as FILE:LINE:COL. Click a
    paragraph, claim or table row to see the YAML line it comes from; with --editor, it
    opens there. Ctrl-C stops.

    \b
    Example:
      briefgen serve briefs/2019-01-sarsar-lake.yaml --port 0 --editor 'code -g {file}:{line}'
    """
    from briefgen.render import Options
    from briefgen.serve import serve as run_preview

    def ready(url: str) -> None:
        click.echo(f"serving {path or 'briefs'} at {url} (Ctrl-C stops)")

    def report(line: str) -> None:
        click.echo(line, err=True)

    run_preview([path] if path is not None else [], port, editor,
                Options(templates, reference, seeds), ready, report)


@main.command(context_settings=CONTEXT)
@click.argument("articles", nargs=-1, required=True, type=EXISTING_FILE)
@click.option("-o", "--output", type=ANY_PATH, metavar="FILE",
              help="Write the draft to FILE (default: stdout); never overwrites.")
@click.option("--id", "brief_id", metavar="ID",
              help="Id of the draft (default: from the headline).")
@click.option("--briefs", "briefs_dir", type=ANY_PATH, metavar="DIR",
              help="Folder whose briefs name the actors to recognise (default: briefs/, or "
                   "briefgen.toml's briefs).")
def draft(articles: tuple[Path, ...], output: Path | None, brief_id: str | None,
          briefs_dir: Path | None) -> None:
    """Draft an incident file from one or more plain-text articles about one incident.

    Quotes with their speakers, casualty figures with who gives them, accusations, denials
    and claims of responsibility, actors and dates. Everything is the articles' own words;
    what the rules cannot decide is a TODO that `briefgen validate` points at. An article
    may open with front matter (publisher, url, date, title between two --- lines) for what
    its text does not print.

    \b
    Example:
      briefgen draft seeds/001-reuters-us-denies-bombing-iraqi-shiite-militia.txt -o draft.yaml
    """
    from briefgen.build import draft_file
    from briefgen.config import choose

    text = draft_file(list(articles), output, brief_id, choose(briefs_dir, settings().briefs))
    if text is not None:
        click.echo(text, nl=False)
    else:
        click.echo(f"wrote {output}")


@main.command(context_settings=CONTEXT)
@click.argument("brief_id", metavar="ID")
@click.option("-d", "--dir", "folder", type=ANY_PATH, metavar="DIR",
              help="Folder to write ID.yaml in (default: briefs/, or briefgen.toml's briefs).")
def new(brief_id: str, folder: Path | None) -> None:
    """Write a commented skeleton incident file, DIR/ID.yaml, with TODOs to fill in.

    It does not validate until every TODO is replaced; `briefgen validate` points at each.
    Its first line names the briefing folder's JSON Schema, relative to the new file, for
    completion in editors; its handling marking is briefgen.toml's.

    \b
    Example:
      briefgen new 2019-08-balad-depot
    """
    from briefgen.build import create_brief
    from briefgen.config import choose

    config = settings()
    target = create_brief(brief_id, choose(folder, config.briefs), config.handling,
                          config.schema)
    click.echo(f"wrote {target}")


@main.command(context_settings=CONTEXT)
def schema() -> None:
    """Print the JSON Schema of the incident file, for editors' YAML plugins.

    briefs/ name docs/incident.schema.json in a `# yaml-language-server: $schema=` line,
    which gives completion and inline errors in editors that use the YAML language server.

    \b
    Example:
      briefgen schema > docs/incident.schema.json
    """
    from briefgen.build import format_json_schema

    click.echo(format_json_schema(), nl=False)


@main.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=EXISTING_FILE)
@click.option("--since", metavar="REV",
              help="Compare FILE with itself at git revision REV (a commit, tag or branch).")
@click.option("-o", "--output", type=ANY_PATH, metavar="FILE",
              help="Write the diff to FILE.md, or a Word redline (tracked changes) to "
                   "FILE.docx (default: Markdown on stdout).")
@render_options
def diff(files: tuple[Path, ...], since: str | None, output: Path | None,
         templates: Path | None, reference: Path | None, seeds: Path | None) -> None:
    """What changed between two revisions of a brief: OLD NEW, or FILE --since REV.

    First the changes in words, from the data (claims added and removed, casualty figures,
    judgments' likelihood and confidence, sources, the attribution grade), then the brief as
    revised with removed words in <del> and added ones in <ins>, as GitHub shows them.
    With -o FILE.docx, a redline: the new brief with every change as a Word tracked change
    by the new revision's authors, to review, accept or reject in Word.

    \b
    Example:
      briefgen diff old/2019-01-sarsar-lake.yaml briefs/2019-01-sarsar-lake.yaml
      briefgen diff briefs/2019-01-sarsar-lake.yaml --since HEAD~1 -o changes.md
      briefgen diff briefs/2019-01-sarsar-lake.yaml --since v1.0 -o redline.docx
    """
    from briefgen.build import diff_file

    if since is None and len(files) != 2:
        raise click.UsageError("give two files, OLD NEW, or one file and --since REV")
    if since is not None and len(files) != 1:
        raise click.UsageError("with --since, give one file")
    old, new = (None, files[0]) if since is not None else files
    text = diff_file(new, old, since, output, options(settings(), templates, reference, seeds))
    if text is not None:
        click.echo(text, nl=False)
    else:
        click.echo(f"wrote {output}")


@main.command("formats", context_settings=CONTEXT)
def formats_command() -> None:
    """List the output formats: name, suffix, whether build writes it by default, and what
    it is.

    \b
    Example:
      briefgen formats | grep default
    """
    from briefgen.render import list_formats

    formats = list_formats()
    names = max(len(fmt.name) for fmt in formats)
    suffixes = max(len(fmt.suffix) for fmt in formats)
    for fmt in formats:
        click.echo(f"{fmt.name:<{names}}  {fmt.suffix:<{suffixes}}  "
                   f"{'default' if fmt.default else '':<7}  {fmt.summary}")


@main.group(context_settings=CONTEXT)
def templates() -> None:
    """Work with the templates and the Word reference document.

    \b
    Example:
      briefgen templates export house-style/
    """


@templates.command("export", context_settings=CONTEXT)
@click.argument("folder", type=ANY_PATH)
@click.option("--force", is_flag=True, help="Overwrite files that exist.")
def export(folder: Path, force: bool) -> None:
    """Write the default templates and reference.docx to FOLDER to start a house style.

    Edit them, then pass --templates FOLDER and --reference-doc FOLDER/reference.docx.

    \b
    Example:
      briefgen templates export house-style/
    """
    from briefgen.build import export_templates

    for path in export_templates(folder, force):
        click.echo(f"wrote {path}")


@main.command(context_settings=CONTEXT)
@click.argument("folder", type=ANY_PATH, metavar="DIR")
def init(folder: Path) -> None:
    """Start a briefing folder in DIR: briefs/, seeds/ with an empty catalogue, the JSON
    Schema in docs/ that briefs name for editors, and a commented briefgen.toml.

    Every command run in DIR or below reads briefgen.toml (output folder, templates,
    reference document, seeds folder, default handling marking, length of what build
    writes); options on the command line win. DIR may exist; a briefgen.toml already there
    is never overwritten.

    \b
    Example:
      briefgen init iraq-briefs && cd iraq-briefs && briefgen new 2019-08-balad-depot
    """
    from briefgen.folder import init_folder

    for path in init_folder(folder):
        click.echo(f"made {path}/" if path.is_dir() else f"wrote {path}")


@main.group("seeds", context_settings=CONTEXT)
def seeds_group() -> None:
    """Work with the seed articles in seeds/ and their catalogue, seeds/index.yaml.

    \b
    Example:
      briefgen seeds add ~/Downloads/reuters-2019-08-20.txt
    """


@seeds_group.command("add", context_settings=CONTEXT)
@click.argument("articles", nargs=-1, required=True, type=EXISTING_FILE, metavar="ARTICLE...")
@click.option("--seeds", type=EXISTING_DIR, metavar="DIR",
              help="Folder of seed articles (default: briefgen.toml's seeds, or the nearest "
                   "seeds/ here or above).")
def add(articles: tuple[Path, ...], seeds: Path | None) -> None:
    """Copy plain-text articles into seeds/, byte for byte, and catalogue each in
    seeds/index.yaml: its SHA-256, and its headline, publisher and date where the text
    gives them.

    Each is named NNN-words-of-its-headline.txt, numbered after the last seed; briefs cite
    it by that name. An article whose hash is catalogued already is left out, and said so.
    Nothing is written unless every article can be added.

    \b
    Example:
      briefgen seeds add ~/Downloads/reuters-2019-08-20.txt article-2.txt
    """
    from briefgen.catalogue import add_seeds
    from briefgen.config import choose

    for result in add_seeds(list(articles), choose(seeds, settings().seeds)):
        if result.new:
            click.echo(f"wrote {result.seed} (from {result.article})")
        else:
            click.echo(f"skipped {result.article}: already catalogued as {result.seed}")
