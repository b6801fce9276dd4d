"""A briefing folder: briefgen init, briefgen.toml found upward, the command line winning,
config errors, and the $schema line that briefgen new writes."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner

from briefgen.build import format_json_schema
from briefgen.cli import main
from briefgen.config import Config, find_config, load_config
from briefgen.skeleton import NO_SCHEMA_COMMENT, SCHEMA_COMMENT
from conftest import ROOT, SEEDS

SARSAR = ROOT / "briefs" / "2019-01-sarsar-lake.yaml"


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), prog_name="briefgen")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A briefing folder made by briefgen init, with the seeds of the Sarsar lake brief
    and the brief itself; the working folder is its root."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BRIEFGEN_TODAY", "2026-11-21")
    result = run("init", "iraq")
    assert result.exit_code == 0, result.stderr
    root = tmp_path / "iraq"
    for seed in SEEDS:
        shutil.copyfile(seed, root / "seeds" / seed.name)
    shutil.copyfile(SARSAR, root / "briefs" / SARSAR.name)
    monkeypatch.chdir(root)
    return root


def test_init_makes_the_folder_and_says_what_it_wrote(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init", "iraq")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "made iraq/briefs/", "made iraq/seeds/", "wrote iraq/seeds/index.yaml",
        "wrote iraq/docs/incident.schema.json", "wrote iraq/briefgen.toml"]
    root = tmp_path / "iraq"
    assert sorted(str(p.relative_to(root)) for p in root.rglob("*")) == [
        "briefgen.toml", "briefs", "docs", "docs/incident.schema.json", "seeds",
        "seeds/index.yaml"]
    # the schema is the one briefgen schema prints, where the briefs' first line finds it
    assert (root / "docs" / "incident.schema.json").read_text(encoding="utf-8") == (
        run("schema").stdout) == format_json_schema()
    assert yaml.safe_load((root / "seeds" / "index.yaml").read_text(encoding="utf-8")) is None
    assert tomllib.loads((root / "briefgen.toml").read_text(encoding="utf-8")) == {
        "briefs": "briefs", "seeds": "seeds", "output": "out", "length": "full",
        "handling": "TLP:CLEAR"}


def test_init_never_overwrites_a_briefing_folder(folder: Path) -> None:
    before = (folder / "briefgen.toml").read_bytes()
    result = run("init", ".")
    assert (result.exit_code, result.stderr) == (
        1, "briefgen.toml: already exists; . is a briefing folder already\n")
    assert (folder / "briefgen.toml").read_bytes() == before


def test_init_keeps_a_catalogue_that_is_there(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    result = run("init", ".")
    assert result.stdout.splitlines() == [
        "made briefs/", "made seeds/", "wrote docs/incident.schema.json", "wrote briefgen.toml"]
    assert (tmp_path / "seeds" / "index.yaml").read_bytes() == (
        ROOT / "seeds" / "index.yaml").read_bytes()


def test_init_into_a_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "taken").write_text("a file", encoding="utf-8")
    result = run("init", "taken")
    assert (result.exit_code, result.stderr) == (
        1, "taken: cannot start a briefing folder: it is a file, not a folder\n")


def test_a_briefing_folder_builds_and_validates_with_no_options(folder: Path) -> None:
    assert run("validate").stdout == "1 file valid\n"
    result = run("build", "-f", "md", "-v")
    assert (result.exit_code, result.stdout) == (
        0, "wrote out/2019-01-sarsar-lake.chart.png\nwrote out/2019-01-sarsar-lake.md\n")


def test_config_is_found_from_a_subfolder_and_its_paths_are_its_folders(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deep = folder / "notes" / "2019"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert find_config(deep) == folder / "briefgen.toml"
    assert load_config() == Config(folder / "briefgen.toml", briefs=Path("../../briefs"),
                                   seeds=Path("../../seeds"), output=Path("../../out"))
    result = run("build", "-f", "md", "-v")
    assert (result.exit_code, result.stdout) == (
        0, "wrote ../../out/2019-01-sarsar-lake.chart.png\n"
           "wrote ../../out/2019-01-sarsar-lake.md\n")
    assert (folder / "out" / "2019-01-sarsar-lake.md").is_file()
    assert run("validate").stdout == "1 file valid\n"


def test_defaults_not_set_in_the_config_are_its_folders_too(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "briefgen.toml").write_text('handling = "TLP:GREEN"\n', encoding="utf-8")
    monkeypatch.chdir(folder / "seeds")
    assert load_config() == Config(folder / "briefgen.toml", briefs=Path("../briefs"),
                                   output=Path("../out"), handling="TLP:GREEN")
    result = run("build", "-f", "md", "-v")
    assert (result.exit_code, result.stdout) == (
        0, "wrote ../out/2019-01-sarsar-lake.chart.png\nwrote ../out/2019-01-sarsar-lake.md\n")


def test_outside_a_briefing_folder_the_defaults_hold(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_config() == Config(None)
    assert Config(None).schema is None


def test_options_on_the_command_line_win(folder: Path) -> None:
    (folder / "briefgen.toml").write_text('output = "published"\nhandling = "TLP:AMBER"\n',
                                          encoding="utf-8")
    assert run("build", "-f", "md").exit_code == 0
    assert [p.name for p in (folder / "published").glob("*.md")] == ["2019-01-sarsar-lake.md"]
    result = run("build", "-f", "md", "-v", "-o", "draft-out")
    assert (result.exit_code, result.stdout) == (
        0, "wrote draft-out/2019-01-sarsar-lake.chart.png\n"
           "wrote draft-out/2019-01-sarsar-lake.md\n")
    assert not (folder / "out").exists()
    # the folder's handling marking goes into a new skeleton; -d wins over its briefs
    assert run("new", "2019-08-balad", "-d", "drafts").stdout == "wrote drafts/2019-08-balad.yaml\n"
    text = (folder / "drafts" / "2019-08-balad.yaml").read_text(encoding="utf-8")
    assert "\nhandling: TLP:AMBER            # TLP:CLEAR," in text
    assert not (folder / "briefs" / "2019-08-balad.yaml").exists()


def test_length_comes_from_the_config_and_the_command_line_wins(folder: Path) -> None:
    (folder / "briefgen.toml").write_text('length = "summary"\n', encoding="utf-8")
    result = run("build", "-f", "md", "-v")
    assert (result.exit_code, result.stdout) == (0, "wrote out/2019-01-sarsar-lake.chart.png\n"
                                                    "wrote out/2019-01-sarsar-lake.summary.md\n")
    text = (folder / "out" / "2019-01-sarsar-lake.summary.md").read_text(encoding="utf-8")
    assert text.endswith("\n\n*The full brief: 2019-01-sarsar-lake.md. Claims are numbered as "
                         "there, where each cites its sources.*\n")
    result = run("build", "-f", "md", "-v", "--length", "full")
    assert (result.exit_code, result.stdout) == (0, "wrote out/2019-01-sarsar-lake.chart.png\n"
                                                    "wrote out/2019-01-sarsar-lake.md\n")
    assert "## Competing claims\n" in (folder / "out" / "2019-01-sarsar-lake.md").read_text(
        encoding="utf-8")
    (folder / "briefgen.toml").write_text('length = "full"\n', encoding="utf-8")
    result = run("build", "-f", "md", "-v", "-o", "short", "--length", "summary")
    assert (result.exit_code, result.stdout) == (0, "wrote short/2019-01-sarsar-lake.chart.png\n"
                                                    "wrote short/2019-01-sarsar-lake.summary.md\n")
    assert Config(None).length == "full"  # outside a briefing folder, or with no length key
    assert load_config(folder).length == "full"


def test_templates_and_reference_doc_come_from_the_config(folder: Path) -> None:
    assert run("templates", "export", "house").exit_code == 0
    (folder / "house" / "bluf.md.j2").write_text("## In short\n\n{{ brief.bluf }}\n",
                                                 encoding="utf-8")
    (folder / "briefgen.toml").write_text('templates = "house"\n'
                                          'reference_doc = "house/reference.docx"\n',
                                          encoding="utf-8")
    assert "## In short\n" in run("render", "briefs/2019-01-sarsar-lake.yaml").stdout
    empty = folder / "empty"
    empty.mkdir()
    assert "## In short\n" not in run("render", "briefs/2019-01-sarsar-lake.yaml",
                                      "--templates", "empty").stdout


CONFIG_ERRORS = {
    "unknown-key": ('brief = "briefs"\n',
                    "briefgen.toml:1:1: brief: unknown key 'brief' (did you mean 'briefs'?)"),
    "unknown-table": ('[build]\noutput = "x"\n',
                      "briefgen.toml:1:1: build: unknown key 'build' (known keys: briefs, "
                      "seeds, output, templates, reference_doc, handling, pdf_a, length)"),
    "number-for-a-path": ("# where to write\noutput = 3\n",
                          "briefgen.toml:2:10: output: expected a path as text, found the "
                          "number 3 (write it in double quotes, as in output = \"out\")"),
    "list-for-a-path": ('seeds = ["seeds"]\n',
                        "briefgen.toml:1:9: seeds: expected a path as text, found an array "
                        "(write it in double quotes, as in seeds = \"seeds\")"),
    "boolean-for-handling": ("handling = true\n",
                             "briefgen.toml:1:12: handling: expected text, found the boolean "
                             "true (write it in double quotes, as in handling = \"TLP:CLEAR\")"),
    "text-for-pdf-a": ('pdf_a = "yes"\n',
                       "briefgen.toml:1:9: pdf_a: expected true or false, found the text "
                       "\"yes\" (write pdf_a = true or pdf_a = false, without quotes)"),
    "handling-not-tlp": ('handling = "TLP:WHITE"\n',
                         "briefgen.toml:1:12: handling: expected a TLP marking, found "
                         "'TLP:WHITE' (one of TLP:CLEAR, TLP:GREEN, TLP:AMBER, "
                         "TLP:AMBER+STRICT, TLP:RED)"),
    "length-not-known": ('length = "short"\n',
                         "briefgen.toml:1:10: length: expected full or summary, found 'short' "
                         "(full: the whole brief; summary: one page of it)"),
    "number-for-length": ("# one page\nlength = 1\n",
                          "briefgen.toml:2:10: length: expected text, found the number 1 "
                          "(write it in double quotes, as in length = \"summary\")"),
    "templates-missing": ('templates = "house"\n',
                          "briefgen.toml:1:13: templates: folder 'house' not found (paths are "
                          "relative to the folder of briefgen.toml; a folder of templates "
                          "that override the defaults file by file)"),
    "reference-missing": ('reference_doc = "house.docx"\n',
                          "briefgen.toml:1:17: reference_doc: file 'house.docx' not found "
                          "(paths are relative to the folder of briefgen.toml; a Word "
                          "document whose styles the .docx uses)"),
    "oversize": ("#" + "x" * 70_000 + "\n",
                 "briefgen.toml:1:1: $: file is 70,002 bytes, more than the 65,536 allowed (a "
                 "briefgen.toml is a few lines)"),
    "not-utf8": ('output = "o\xfft"\n',
                 "briefgen.toml:1:12: $: invalid UTF-8 byte 0xff (save the file as UTF-8)"),
}


@pytest.mark.parametrize("name", sorted(CONFIG_ERRORS))
def test_config_error_is_located_and_says_what_was_expected(folder: Path, name: str) -> None:
    text, expected = CONFIG_ERRORS[name]
    (folder / "briefgen.toml").write_bytes(text.encode("latin-1"))
    for command in (["validate"], ["build"], ["new", "x"], ["seeds", "add", str(SARSAR)]):
        result = run(*command)
        assert (result.exit_code, result.stderr) == (1, expected + "\n"), command
    assert not (folder / "out").exists()


def test_toml_syntax_error_is_located_with_our_hint(folder: Path) -> None:
    """Between the place and the hint the words are tomllib's, which may change."""
    (folder / "briefgen.toml").write_text('handling = "TLP:CLEAR"\noutput = "out\n',
                                          encoding="utf-8")
    result = run("build")
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("briefgen.toml:2:14: $: TOML syntax error: "), line
    assert line.endswith(' (each line is key = "value", text in double quotes)'), line
    assert "(at line" not in line


def test_every_config_problem_is_reported_at_once(folder: Path) -> None:
    (folder / "briefgen.toml").write_text('brief = "b"\noutput = 3\n', encoding="utf-8")
    assert run("build").stderr.splitlines() == [
        "briefgen.toml:1:1: brief: unknown key 'brief' (did you mean 'briefs'?)",
        "briefgen.toml:2:10: output: expected a path as text, found the number 3 (write it "
        "in double quotes, as in output = \"out\")"]


def test_config_error_from_a_subfolder_names_the_file_from_there(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "briefgen.toml").write_text("output = 3\n", encoding="utf-8")
    monkeypatch.chdir(folder / "briefs")
    assert run("build").stderr == (
        "../briefgen.toml:1:10: output: expected a path as text, found the number 3 (write it "
        "in double quotes, as in output = \"out\")\n")


def test_new_names_the_schema_relative_to_the_new_brief(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("new", "a-one").stdout == "wrote briefs/a-one.yaml\n"
    assert run("new", "a-two", "-d", "briefs/2019").stdout == "wrote briefs/2019/a-two.yaml\n"
    monkeypatch.chdir(folder / "briefs")
    assert run("new", "a-three").stdout == "wrote a-three.yaml\n"
    for path, line in [("briefs/a-one.yaml", SCHEMA_COMMENT),
                       ("briefs/a-three.yaml", SCHEMA_COMMENT),
                       ("briefs/2019/a-two.yaml",
                        "# yaml-language-server: $schema=../../docs/incident.schema.json")]:
        brief = folder / path
        first = brief.read_text(encoding="utf-8").splitlines()[0]
        assert first == line
        schema = brief.parent / first.split("$schema=")[1]
        assert schema.read_text(encoding="utf-8") == format_json_schema()


def test_new_outside_a_briefing_folder_says_how_to_get_a_schema(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("new", "a-one").stdout == "wrote briefs/a-one.yaml\n"
    text = (tmp_path / "briefs" / "a-one.yaml").read_text(encoding="utf-8")
    assert text.startswith(NO_SCHEMA_COMMENT + "\n# Incident file for briefgen.")
    assert "$schema=" not in text.split("\n", 3)[3]


def test_this_repository_is_a_briefing_folder() -> None:
    """Its settings are the editors' to change; what the tests rely on is that it reads
    without a problem, keeps the curated briefs and seeds where they are, and that the
    schema the briefs name is the current one."""
    config = load_config(ROOT / "briefs")
    assert config.file == ROOT / "briefgen.toml"
    assert [(ROOT / path).resolve() for path in  # relative to the working folder, ROOT
            (config.briefs, config.seeds)] == [ROOT / "briefs", ROOT / "seeds"]
    assert config.schema is not None
    assert (ROOT / config.schema).read_text(encoding="utf-8") == format_json_schema()


def test_pdf_a_is_a_boolean_setting(tmp_path: Path) -> None:
    from briefgen.config import read_config

    (tmp_path / "briefgen.toml").write_text("pdf_a = true\n", encoding="utf-8")
    assert read_config(tmp_path / "briefgen.toml").pdf_a is True
    (tmp_path / "briefgen.toml").write_text("", encoding="utf-8")
    assert read_config(tmp_path / "briefgen.toml").pdf_a is False
