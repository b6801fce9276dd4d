"""The commands as a user runs them: output, exit codes, help, atomic writes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from briefgen import __version__
from briefgen.cli import main
from briefgen.render import FORMATS, get_format
from conftest import ALL_BRIEFS, DATA, ROOT, copy_curated

INVALID = DATA / "invalid"


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), prog_name="briefgen")


def test_validate_curated_briefs_exits_zero(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(copy_curated(tmp_path))
    result = run("validate", "briefs/")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "4 files valid\n", "")


def test_validate_reports_every_problem_of_every_file_in_the_order_given() -> None:
    result = run("validate", "tests/data/invalid/unknown-key.yaml",
                 "tests/data/invalid/anchor-and-alias.yaml")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "tests/data/invalid/unknown-key.yaml:16:18: incident.strike_stauts: unknown field "
        "'strike_stauts' (did you mean 'strike_status'?)",
        "tests/data/invalid/anchor-and-alias.yaml:19:11: $: YAML anchor 'kind' is not allowed "
        "(write the value out in full)",
        "tests/data/invalid/anchor-and-alias.yaml:22:11: $: YAML alias 'kind' is not allowed "
        "(write the value out in full)",
        "3 problems in 2 of 2 files",
    ]


def test_a_yaml_syntax_error_does_not_stop_the_other_files_of_a_batch() -> None:
    result = run("validate", "tests/data/invalid/yaml-syntax-error.yaml",
                 "tests/data/invalid/unknown-actor-reference.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "tests/data/invalid/yaml-syntax-error.yaml:4:9: $: YAML syntax error: did not find "
        "expected ',' or ']' (check indentation, colons and quotes on this line)",
        "tests/data/invalid/unknown-actor-reference.yaml:43:12: claims[1].actor: unknown actor "
        "'coalitoin' (did you mean 'coalition'?)",
        "2 problems in 2 of 2 files",
    ]


@pytest.mark.parametrize("command", ["validate", "render", "build"])
def test_a_missing_file_is_a_usage_error(command: str) -> None:
    result = run(command, "nosuch.yaml")
    assert result.exit_code == 2
    assert "nosuch.yaml" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["validate", "render"])
def test_a_bad_option_is_a_usage_error(command: str) -> None:
    result = run(command, "--bogus")
    assert result.exit_code == 2
    assert "--bogus" in result.stderr  # named; the sentence around it is click's


@pytest.mark.parametrize("path", sorted(INVALID.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_invalid_file_exits_one_with_a_located_message(path: Path) -> None:
    result = run("validate", "--strict", str(path.relative_to(ROOT)))
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"tests/data/invalid/{path.name}:")
    assert "Traceback" not in result.stderr


def test_render_prints_markdown_to_stdout() -> None:
    result = run("render", "briefs/2019-01-sarsar-lake.yaml")
    assert result.exit_code == 0
    golden = (ROOT / "tests" / "golden" / "2019-01-sarsar-lake.md").read_text(encoding="utf-8")
    assert result.stdout == golden


def test_render_to_docx_by_suffix(tmp_path: Path) -> None:
    target = tmp_path / "brief.docx"
    result = run("render", "briefs/2019-01-sarsar-lake.yaml", "-o", str(target))
    assert (result.exit_code, result.stdout) == (0, f"wrote {target}\n")
    assert target.read_bytes()[:2] == b"PK"


def test_render_refuses_unknown_suffix(tmp_path: Path) -> None:
    result = run("render", "briefs/2019-01-sarsar-lake.yaml", "-o", str(tmp_path / "b.txt"))
    assert result.exit_code == 1
    suffixes = [get_format(name).suffix for name in FORMATS]
    assert result.stderr.endswith("cannot tell the format from the suffix '.txt' "
                                  f"(use {', '.join(suffixes[:-1])} or {suffixes[-1]})\n")


def test_build_default_writes_md_and_docx_for_every_brief(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(copy_curated(tmp_path))
    result = run("build")
    assert result.exit_code == 0, result.stderr
    expected = sorted(f"{p.stem}.{fmt}" for p in ALL_BRIEFS
                      for fmt in ("md", "chart.png", "docx"))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".briefgen-state.db",
                                                                      *expected]
    assert result.stdout == ""
    assert re.fullmatch(r"built 4 of 4 briefs, skipped 0 unchanged, 0 failed, \d+\.\d\d s\n",
                        result.stderr)


def test_build_verbose_lists_every_file_written(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(copy_curated(tmp_path))
    result = run("build", "-v", "-f", "md", "briefs/2019-01-sarsar-lake.yaml")
    assert result.stdout == (f"wrote {Path('out', '2019-01-sarsar-lake.chart.png')}\n"
                             f"wrote {Path('out', '2019-01-sarsar-lake.md')}\n")


def summary(result: click.testing.Result) -> str:
    """The summary line without its time."""
    return re.sub(r", [\d.]+ s", "", result.stderr.splitlines()[-1])


def test_rebuild_skips_unchanged_briefs_and_rebuilds_what_an_edit_touches(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(copy_curated(tmp_path))
    assert run("build").exit_code == 0
    docx = tmp_path / "out" / "2019-01-sarsar-lake.docx"
    before = docx.stat().st_mtime_ns
    again = run("build")
    assert (again.exit_code, summary(again)) == (
        0, "built 0 of 4 briefs, skipped 4 unchanged, 0 failed "
           "(--force rebuilds unchanged briefs)")
    assert docx.stat().st_mtime_ns == before

    # an edit to one incident rebuilds it and the comparison that includes it
    incident = tmp_path / "briefs" / "2019-01-sarsar-lake.yaml"
    incident.write_text(incident.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    result = run("build", "-v")
    assert summary(result) == ("built 2 of 4 briefs, skipped 2 unchanged, 0 failed "
                               "(--force rebuilds unchanged briefs)")
    assert sorted(Path(line.split()[1]).name.split(".")[0]
                  for line in result.stdout.splitlines()) == [
        "2017-2019-denied-strikes-on-iraqi-militias"] * 3 + ["2019-01-sarsar-lake"] * 3


def test_a_damaged_build_record_costs_one_full_build(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(copy_curated(tmp_path))
    assert run("build", "-f", "md").exit_code == 0
    record = tmp_path / "out" / ".briefgen-state.db"
    record.write_bytes(record.read_bytes()[:100] + b"\xff" * 4000)
    result = run("build", "-f", "md")
    assert (result.exit_code, summary(result)) == (
        0, "built 4 of 4 briefs, skipped 0 unchanged, 0 failed")
    assert summary(run("build", "-f", "md")).startswith("built 0 of 4 briefs, skipped 4")


def test_rebuild_follows_seeds_outputs_formats_and_force(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(copy_curated(tmp_path))
    assert run("build", "-f", "md").exit_code == 0
    # a touched file with the same bytes is unchanged
    seed = tmp_path / "seeds" / "003-iraq-denies-us-bombed-iran-allied-militias.txt"
    os.utime(seed, ns=(1, 1))
    assert summary(run("build", "-f", "md")).startswith("built 0 of 4 briefs, skipped 4")
    # a changed seed rebuilds the two incidents that cite it, and the comparison
    seed.write_text(seed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert summary(run("build", "-f", "md")).startswith("built 3 of 4 briefs, skipped 1")
    # a deleted output is rebuilt; a format not built before is built
    (tmp_path / "out" / "2017-08-al-tanf-kss.md").unlink()
    assert summary(run("build", "-f", "md")).startswith("built 1 of 4 briefs, skipped 3")
    assert summary(run("build", "-f", "md", "-f", "docx")).startswith("built 4 of 4 briefs")
    assert summary(run("build", "--force")).startswith("built 4 of 4 briefs, skipped 0")
    # an empty template folder overrides nothing; a template in it rebuilds everything
    templates = tmp_path / "house"
    templates.mkdir()
    assert summary(run("build", "--templates", str(templates))).startswith("built 0 of 4")
    (templates / "bluf.md.j2").write_text("## Bottom line\n\nSee below.\n", encoding="utf-8")
    assert summary(run("build", "--templates", str(templates))).startswith("built 4 of 4")


def test_build_in_parallel_gives_the_same_bytes(tmp_path: Path) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    source = (ROOT / "briefs" / "2019-01-sarsar-lake.yaml").read_text(encoding="utf-8")
    for number in range(10):
        (briefs / f"copy-{number}.yaml").write_text(
            source.replace("id: 2019-01-sarsar-lake", f"id: copy-{number}"), encoding="utf-8")
    seeds = ["--seeds", str(ROOT / "seeds")]
    one, two = tmp_path / "one", tmp_path / "two"
    assert run("build", str(briefs), "-o", str(one), "-j", "1", *seeds).exit_code == 0
    result = run("build", str(briefs), "-o", str(two), "-j", "2", *seeds)
    assert summary(result) == "built 10 of 10 briefs, skipped 0 unchanged, 0 failed"
    names = sorted(p.name for p in one.iterdir() if not p.name.startswith("."))
    assert len(names) == 30  # .md, .chart.png and .docx each
    assert all((one / name).read_bytes() == (two / name).read_bytes() for name in names)


def test_one_bad_brief_fails_alone_and_keeps_its_last_good_output(tmp_path: Path) -> None:
    briefs = copy_curated(tmp_path) / "briefs"
    out = tmp_path / "out"
    seeds = ["--seeds", str(ROOT / "seeds")]
    assert run("build", str(briefs), "-o", str(out), "-f", "md", *seeds).exit_code == 0
    good = (out / "2019-01-sarsar-lake.md").read_bytes()
    broken = briefs / "2019-01-sarsar-lake.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("credibility: 5",
                                                                "credibility: 9"),
                      encoding="utf-8")
    (out / "2017-08-al-tanf-kss.md").unlink()
    result = run("build", str(briefs), "-o", str(out), "-f", "md", *seeds)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert summary(result) == ("built 1 of 4 briefs, skipped 1 unchanged, 2 failed "
                               "(--force rebuilds unchanged briefs)")
    assert any(line.startswith(f"{broken}:") and "credibility" in line for line in lines)
    comparison = briefs / "2017-2019-denied-strikes-on-iraqi-militias.yaml"
    assert any(line.startswith(f"{comparison}:") and
               "incident '2019-01-sarsar-lake' is not valid (1 problem)" in line
               for line in lines)
    assert (out / "2017-08-al-tanf-kss.md").exists()
    assert (out / "2019-01-sarsar-lake.md").read_bytes() == good
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [".briefgen-state.db"]
    # the failed briefs are tried again next time, and fail again
    assert summary(run("build", str(briefs), "-o", str(out), "-f", "md", *seeds)).startswith(
        "built 0 of 4 briefs, skipped 2 unchanged, 2 failed")


def test_version() -> None:
    result = run("--version")
    assert result.stdout == f"briefgen, version {__version__}\n"


def test_usage_error_exits_two() -> None:
    assert run("build", "--format", "odt").exit_code == 2


def list_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and subcommand, as the words a user types."""
    found = []
    for name, command in sorted(group.commands.items()):
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found.extend(list_commands(command, (*prefix, name)))
    return found


@pytest.mark.parametrize("words", list_commands(main), ids=" ".join)
def test_every_command_documents_an_example(words: tuple[str, ...]) -> None:
    result = run(*words, "--help")
    assert result.exit_code == 0
    assert "  Example:\n    briefgen " + " ".join(words) + " " in result.stdout


def test_internal_errors_have_no_traceback_without_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("briefgen.build.validate_files", explode)
    result = run("validate")
    assert (result.exit_code, result.stderr) == (
        1, "internal error: ZeroDivisionError: boom (run with --debug for details)\n")
    assert isinstance(run("--debug", "validate").exception, ZeroDivisionError)


def test_help_imports_nothing_heavy() -> None:
    code = ("import sys; from briefgen.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('docx', 'jinja2', 'yaml', 'pyromark', 'briefgen.model', "
            "'lxml') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_templates_export_writes_a_starting_house_style(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    result = run("templates", "export", str(folder))
    assert result.exit_code == 0
    names = sorted(p.name for p in folder.iterdir())
    assert "brief.md.j2" in names and "reference.docx" in names
    assert (folder / "reference.docx").read_bytes() == (
        ROOT / "templates" / "reference.docx").read_bytes()
    again = run("templates", "export", str(folder))
    assert again.exit_code == 1
    assert again.stderr == (f"{folder}: {len(names)} files already there, such as "
                            "background.md.j2 (use --force to overwrite)\n")
    assert run("templates", "export", str(folder), "--force").exit_code == 0


def test_exported_house_style_restyles_a_brief(tmp_path: Path) -> None:
    import docx

    folder = tmp_path / "house"
    run("templates", "export", str(folder))
    (folder / "bluf.md.j2").write_text("## In short\n\n{{ brief.bluf }}\n", encoding="utf-8")
    reference = docx.Document(str(folder / "reference.docx"))
    reference.styles["Heading 1"].font.size = docx.shared.Pt(20)
    reference.save(str(folder / "reference.docx"))
    target = tmp_path / "b.docx"
    result = run("render", "briefs/2019-01-sarsar-lake.yaml", "-o", str(target),
                 "--templates", str(folder), "--reference-doc", str(folder / "reference.docx"))
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(target))
    assert "In short" in [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert document.styles["Heading 1"].font.size == docx.shared.Pt(20)


def test_warnings_fail_validation_only_with_strict() -> None:
    path = "tests/data/invalid/source-without-descriptor.yaml"
    lenient = run("validate", path)
    assert (lenient.exit_code, lenient.stdout) == (0, "1 file valid, 1 warning\n")
    strict = run("validate", "--strict", path)
    assert strict.exit_code == 1
    assert strict.stderr.splitlines()[-1] == "0 errors and 1 warning in 1 of 1 file"


FILLED = {
    "date: TODO YYYY-MM-DD      # the day": "date: 2026-11-21      # the day",
    "start: TODO YYYY-MM-DD": "start: 2017-08-07",
    "title: TODO neutral one-line title": "title: Test incident",
    "authors: [TODO your name]": "authors: [Tester]",
    "bluf: TODO bottom line up front": "bluf: Something happened.",
    "name: TODO where, as the sources say it": "name: near al-Tanf",
    "country: TODO country": "country: Syria",
    "event_type: TODO air strike, shelling, ...": "event_type: air strike",
    "strike_status: TODO": "strike_status: denied",
    "attribution: TODO": "attribution: weak",
    "TODO-actor-id": "kss",
    "name: TODO name as printed": "name: Kataib Sayyid al-Shuhada",
    "kind: TODO                 # state": "kind: militia                 # state",
    "TODO-source-id": "reuters",
    "seed: TODO file name in seeds/":
        "seed: 001-reuters-us-denies-bombing-iraqi-shiite-militia.txt",
    "publisher: TODO publisher": "publisher: Reuters",
    "title: TODO headline": "title: US denies bombing",
    "descriptor: TODO who the source is and what access it has (ICD 206)":
        "descriptor: News agency.",
    "reliability: TODO": "reliability: B",
    "TODO-claim-id": "kss-accuses",
    "kind: TODO                 # accuses": "kind: accuses                 # accuses",
    "summary: TODO one neutral sentence": "summary: KSS blamed the US.",
    "text: TODO the analyst's judgment, stated plainly": "text: The US struck.",
    "likelihood: TODO": "likelihood: unlikely",
    "confidence: TODO": "confidence: low",
    "background: TODO context in Markdown": "background: Context.",
    "text: TODO what it means": "text: Tension rises.",
}


def test_new_skeleton_fails_on_each_todo_and_validates_once_filled(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_TODAY", "2026-11-21")
    monkeypatch.chdir(tmp_path)
    assert run("init", ".").exit_code == 0
    folder = Path("briefs")
    result = run("new", "2019-08-balad")
    path = folder / "2019-08-balad.yaml"
    assert (result.exit_code, result.stdout) == (0, f"wrote {path}\n")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../docs/incident.schema.json\n")
    seeds = ["--seeds", str(ROOT / "seeds")]
    todo = run("validate", str(path), *seeds)
    todo_lines = [i + 1 for i, line in enumerate(text.splitlines())
                  if "TODO" in line.split("#")[0]]
    reported = [int(line.split(":")[1]) for line in todo.stderr.splitlines()[:-1]]
    assert todo.exit_code == 1
    assert sorted(set(reported)) == todo_lines
    assert all("still to fill in: TODO" in line for line in todo.stderr.splitlines()[:-1])
    for old, new_text in FILLED.items():
        text = text.replace(old, new_text)
    path.write_text(text, encoding="utf-8")
    done = run("validate", "--strict", str(path), *seeds)
    assert (done.exit_code, done.stderr) == (0, "")
    again = run("new", "2019-08-balad")
    assert (again.exit_code, again.stderr) == (
        1, "briefs/2019-08-balad.yaml: already exists; edit it, or choose another id\n")


def test_new_refuses_a_bad_id(tmp_path: Path) -> None:
    result = run("new", "Balad Depot", "-d", str(tmp_path))
    assert (result.exit_code, result.stderr) == (
        1, "'Balad Depot' is not a valid id (use lower-case letters, digits and single hyphens, "
           "e.g. 2019-01-sarsar-lake)\n")


def test_formats_lists_every_registered_format_in_columns() -> None:
    lines = run("formats").stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(FORMATS)
    assert lines[0].startswith("md       .md         default  GitHub-flavoured Markdown")
    assert len({line.index(get_format(line.split()[0]).summary) for line in lines}) == 1


class ChosenMethod(Exception):
    """Raised by a stand-in for multiprocessing.get_context, to name the start method asked."""


@pytest.mark.parametrize("threads", [0, 1])
def test_the_build_pool_forks_only_a_process_of_one_thread(
        monkeypatch: pytest.MonkeyPatch, threads: int) -> None:
    import multiprocessing
    import threading

    from briefgen import build

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("this platform cannot fork")
    if threading.active_count() > 1 and threads == 0:
        pytest.skip("another test left a thread running in this process")

    def choose(method: str | None = None) -> None:
        raise ChosenMethod(method)

    monkeypatch.setattr(multiprocessing, "get_context", choose)
    stop = threading.Event()
    extra = [threading.Thread(target=stop.wait) for _ in range(threads)]
    for thread in extra:
        thread.start()
    try:
        files = [f"brief-{i}.yaml" for i in range(build.PARALLEL_FROM)]
        with pytest.raises(ChosenMethod) as chosen:
            next(build.run_batches(files, Path("out"), ("md",), build.Options(), 2))
    finally:
        stop.set()
        for thread in extra:
            thread.join()
    assert chosen.value.args[0] == ("fork" if threads == 0 else "forkserver")
