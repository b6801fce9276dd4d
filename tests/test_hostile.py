"""Hostile input: each case builds as a user would and must fail with one clear, located
error (exit 1, no traceback) and leave the last good output exactly as it was.

The inputs are made here from tests/data/valid/minimal.yaml rather than kept as files:
many are binary, huge or generated (a 50 MB file, 10,000 brackets), and each is named in
the test id after the failure it shows.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from briefgen.build import is_running, remove_dead_temporaries
from briefgen.cli import main
from conftest import DATA, ROOT, SEEDS

MINIMAL = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")
NAME = "briefs/hostile.yaml"


def edit(old: str, new: str) -> bytes:
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1).encode("utf-8")


TITLE = "title: Minimal brief"
KILLED = 'killed: {min: 36, max: 36, text: "36"}'
KSS = "name: Kataib Sayyid al-Shuhada"
SEED = "seed: 001-reuters-us-denies-bombing-iraqi-shiite-militia.txt"
BOMB = (b'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
        + b"".join(f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n".encode()
                   for p, c in zip("abcdefgh", "bcdefghi", strict=True)))

HOSTILE: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty-file": (lambda: b"",
                   "1:1: $: the file is empty (start from briefgen new ID)"),
    "only-a-comment": (lambda: b"# nothing yet\n",
                       "1:1: $: the file is empty (start from briefgen new ID)"),
    "binary-file": (lambda: bytes(range(256)) * 4,
                    "2:118: $: invalid UTF-8 byte 0x80 (save the file as UTF-8)"),
    "png-image": (lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                  "1:1: $: invalid UTF-8 byte 0x89 (save the file as UTF-8)"),
    "yaml-bomb-of-nested-aliases": (lambda: BOMB,
                                    "1:4: $: YAML anchor 'a' is not allowed "
                                    "(write the value out in full)"),
    "file-of-50-mb": (lambda: MINIMAL.encode() + b"# " + b"x" * (50 * 2**20) + b"\n",
                      "1:1: $: file is 52,430,363 bytes, more than the 2,097,152 allowed "
                      "(an incident file is a few kilobytes; split it or remove pasted text)"),
    "python-object-tag": (lambda: edit(TITLE, 'title: !!python/object/apply:os.system ["id"]'),
                          "4:8: title: YAML tag '!!python/object/apply:os.system' is not "
                          "allowed (remove the tag; only plain values are read)"),
    "python-name-tag": (lambda: edit(TITLE, "title: !!python/name:os.system ''"),
                        "4:8: title: YAML tag '!!python/name:os.system' is not allowed "
                        "(remove the tag; only plain values are read)"),
    "custom-tag": (lambda: edit(TITLE, "title: !vault secret"),
                   "4:8: title: YAML tag '!vault' is not allowed "
                   "(remove the tag; only plain values are read)"),
    "binary-tag": (lambda: edit(TITLE, "title: !!binary aGVsbG8="),
                   "4:8: title: YAML tag '!!binary' is not allowed "
                   "(remove the tag; only plain values are read)"),
    "nul-byte": (lambda: edit(TITLE, "title: Minimal \x00 brief"),
                 "4:16: $: control character U+0000 is not allowed "
                 "(delete it; it is invisible in most editors)"),
    "escape-character": (lambda: edit(TITLE, "title: Minimal \x1b[31m brief"),
                         "4:16: $: control character U+001B is not allowed "
                         "(delete it; it is invisible in most editors)"),
    "c1-control": (lambda: edit(TITLE, "title: Minimal \x85 brief"),
                   "4:16: $: control character U+0085 is not allowed "
                   "(delete it; it is invisible in most editors)"),
    "control-character-as-escape": (lambda: edit(TITLE, 'title: "Minimal \\a brief"'),
                                     "4:8: title: character U+0007 is not allowed (written as "
                                     "an escape) (delete the escape; Word documents cannot "
                                     "hold it)"),
    "lone-surrogate-as-escape": (lambda: edit(TITLE, 'title: "Minimal \\ud800 brief"'),
                                 "4:19: $: YAML syntax error: found invalid Unicode character "
                                 "escape code (check indentation, colons and quotes on this "
                                 "line)"),
    "lone-surrogate-encoded": (lambda: edit(TITLE, "title: Minimal X brief").replace(
                                   b"X", b"\xed\xa0\x80"),
                               "4:16: $: invalid UTF-8 byte 0xed (save the file as UTF-8)"),
    "invalid-utf8": (lambda: edit(TITLE, "title: Minimal X brief").replace(b"X", b"\xff"),
                     "4:16: $: invalid UTF-8 byte 0xff (save the file as UTF-8)"),
    "latin-1-file": (lambda: edit(TITLE, "title: Minimal brief from Qaim").decode()
                     .replace("Qaim", "Qa\u00efm").encode("latin-1"),
                     "4:29: $: invalid UTF-8 byte 0xef (save the file as UTF-8)"),
    "utf16-with-bom": (lambda: MINIMAL.encode("utf-16"),
                       "1:1: $: the file is UTF-16 (it starts with a UTF-16 byte-order mark) "
                       "(save it as UTF-8)"),
    "id-escaping-the-output-folder": (lambda: edit("id: minimal", "id: ../../etc/passwd"),
                                      "3:5: id: '../../etc/passwd' is not a valid id (use "
                                      "lower-case letters, digits and single hyphens, "
                                      "e.g. al-tanf-2017)"),
    "id-a-windows-device-name": (lambda: edit("id: minimal", "id: con"),
                                 "3:5: id: 'con' is a device name that Windows reserves, so "
                                 "its files could not be written there (choose another id, "
                                 "e.g. add the year)"),
    "line-of-1-mb-in-a-text-field": (lambda: edit("background: Background prose.",
                                                  "background: " + "word " * 210_000),
                                     "55:13: background: text is 1,049,999 characters long, "
                                     "more than the 20,000 allowed (a field holds a few "
                                     "paragraphs at most; summarise, and quote only what "
                                     "the claim needs)"),
    "date-2019-02-30": (lambda: edit("date: {start: 2017-08-07}", "date: {start: 2019-02-30}"),
                        "13:17: incident.date.start: expected a valid date (YYYY-MM-DD), "
                        "found '2019-02-30' (First day the incident may have happened on)"),
    "negative-casualties": (lambda: edit(KILLED, 'killed: {min: -5, max: 36, text: "36"}'),
                            "43:21: claims[0].casualties.killed.min: expected at least 0, found "
                            "the number -5 (Lowest number the claim supports "
                            "(ACLED's conservative count: \"dozens\" counts low))"),
    "absurd-casualties": (lambda: edit(KILLED, "killed: {min: 36, max: 10000000000000000000000"
                                               "0000000, text: '36'}"),
                          "43:30: claims[0].casualties.killed.max: expected at most 1,000,000, "
                          "found the number 100000000000000000000000000000 (no single "
                          "incident has that many; check for a typo or a campaign's total)"),
    "seed-file-missing": (lambda: edit(SEED, "seed: 009-gone.txt"),
                          "27:11: sources[0].seed: seed file '009-gone.txt' not found in "
                          "seeds (give a file name in seeds/)"),
    "seed-path-escaping-the-folder": (lambda: edit(SEED, "seed: ../../../etc/passwd"),
                                      "27:11: sources[0].seed: seed file '../../../etc/passwd' "
                                      "is outside seeds (give the name of a file in seeds/; "
                                      "paths out of it are not followed)"),
    "top-level-list": (lambda: b"- schema: 1\n- id: x\n",
                       "1:1: $: expected a mapping of fields (id: ..., title: ...) "
                       "(start from briefgen new ID)"),
    "merge-key": (lambda: edit("  - id: coalition\n", "  - <<: {kind: coalition}\n"
                                                      "    id: coalition\n"),
                  "22:5: actors[1].<<: key '<<' is not text (quote it: '<<')"),
    "two-documents": (lambda: MINIMAL.encode() + b"---\nid: second\n",
                      f"{MINIMAL.count(chr(10)) + 1}:1: $: YAML syntax error: but found another "
                      "document (one incident a file: remove the '---' line)"),
    "unpaired-right-to-left-override": (lambda: edit(KSS, "name: Kataib \u202eSayyid al-Shuhada"),
                                        "20:18: $: unpaired bidirectional control U+202E "
                                        "(right-to-left override) is left open (it reorders "
                                        "the text printed after it; delete it, or close it "
                                        "with U+202C on the same line)"),
    "unpaired-isolate": (lambda: edit(KSS, "name: Kataib \u2067Sayyid al-Shuhada"),
                         "20:18: $: unpaired bidirectional control U+2067 (right-to-left "
                         "isolate) is left open (it reorders the text printed after it; delete "
                         "it, or close it with U+2069 on the same line)"),
    "bidi-closer-with-nothing-open": (lambda: edit(KSS, "name: Kataib \u202cSayyid"),
                                      "20:18: $: unpaired bidirectional control U+202C (pop "
                                      "directional formatting) closes nothing (delete it)"),
    "unpaired-override-as-escape": (lambda: edit(KSS, 'name: "Kataib \\u202eSayyid"'),
                                    "20:11: actors[0].name: unpaired bidirectional control "
                                    "U+202E (right-to-left override) is left open (written as "
                                    "an escape) (it reorders the text printed after it; delete "
                                    "it, or close it with U+202C on the same line)"),
    "zero-width-space-in-a-name": (lambda: edit(KSS, "name: Kataib Sa\u200byyid al-Shuhada"),
                                   "20:20: actors[0].name: zero-width character U+200B in a "
                                   "name (delete it; it is invisible, and makes this name "
                                   "differ from one that looks the same)"),
    "zero-width-joiner-in-an-alias": (lambda: edit(KSS, KSS + "\n    aliases: [K\u200dSS]"),
                                      "21:16: actors[0].aliases[0]: zero-width character "
                                      "U+200D in a name (delete it; it is invisible, and makes "
                                      "this name differ from one that looks the same)"),
    "zero-width-in-an-id": (lambda: edit("id: minimal", "id: mini\u200bmal"),
                            "3:5: id: 'mini\\u200bmal' is not a valid id (use lower-case "
                            "letters, digits and single hyphens, e.g. al-tanf-2017)"),
    "zero-width-inside-probably": (lambda: edit("  - text: The coalition struck.",
                                                "  - text: The coalition pro\u200bbably "
                                                "struck."),
                                   "51:25: judgments[0].text: zero-width character U+200B "
                                   "inside the word 'probably' (delete it; it hides the word "
                                   "from the ICD 203 check)"),
    "word-joiner-inside-likely": (lambda: edit("bluf: The coalition denied the strike.",
                                               "bluf: It is li\u2060kely."),
                                  "11:13: bluf: zero-width character U+2060 inside the word "
                                  "'likely' (delete it; it hides the word from the ICD 203 "
                                  "check)"),
    "tagged-int-that-is-not-one": (lambda: edit(TITLE, "title: !!int abc"),
                                   "4:8: title: 'abc' is not an integer, as its tag '!!int' "
                                   "says (remove the tag, or write a value of that type)"),
    "tagged-float-that-is-not-one": (lambda: edit(TITLE, "title: !!float x"),
                                     "4:8: title: 'x' is not a number, as its tag '!!float' "
                                     "says (remove the tag, or write a value of that type)"),
    "tagged-bool-that-is-not-one": (lambda: edit(TITLE, "title: !!bool maybe"),
                                    "4:8: title: 'maybe' is not a boolean, as its tag '!!bool' "
                                    "says (remove the tag, or write a value of that type)"),
    "tagged-timestamp-that-is-not-one": (lambda: edit(TITLE, "title: !!timestamp x"),
                                         "4:8: title: 'x' is not a date, as its tag "
                                         "'!!timestamp' says (remove the tag, or write a value "
                                         "of that type)"),
    "control-character-in-a-key-as-escape": (lambda: edit(TITLE, TITLE + '\n"a\\x07": 1'),
                                             "5:1: $: key 'a\\x07' holds character U+0007, "
                                             "which is not allowed (written as an escape) "
                                             "(delete the escape; a key is a field name)"),
    "a-list-as-a-key": (lambda: edit("  - id: coalition\n", "  - ? [id, kind]\n"
                                                          "    : coalition\n"
                                                          "    id: coalition\n"),
                        "22:7: actors[1]: key '[...]' is not text (write the key as "
                        "text)"),
}


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), prog_name="briefgen")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with seeds and a good build of the minimal brief in out/."""
    (tmp_path / "seeds").mkdir()
    for seed in SEEDS:
        shutil.copyfile(seed, tmp_path / "seeds" / seed.name)
    (tmp_path / "briefs").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / NAME).write_text(MINIMAL, encoding="utf-8")
    assert run("build", NAME).exit_code == 0
    return tmp_path


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file in out/ but the build record, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())
            if p.name != ".briefgen-state.db"}


def assert_one_clear_error(result: click.testing.Result, expected: str,
                           prefix: bool = False) -> None:
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    if prefix:
        assert lines[0].startswith(expected), lines[0]
    else:
        assert lines[0] == expected
    assert lines[-1].startswith("built 0 of 1 brief, skipped 0 unchanged, 1 failed, ")


def test_there_are_at_least_30_hostile_inputs() -> None:
    assert len(HOSTILE) + len(TEMPLATES) + 5 >= 30  # 5: the output and kill cases below


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_fails_clearly_and_keeps_the_last_good_output(project: Path,
                                                                     name: str) -> None:
    make, expected = HOSTILE[name]
    before = snapshot(project / "out")
    (project / NAME).write_bytes(make())
    assert_one_clear_error(run("build", NAME), f"{NAME}:{expected}")
    assert snapshot(project / "out") == before


INJECTIONS = {
    "jinja-expression": "{{ ''.__class__ }} {% raw %}",
    "raw-html": "<script>alert(1)</script> <b>bold</b>",
    "markdown-table-breaker": "a | b || c",
    "footnote-syntax": "denied[^reuters] [^x]: a forged note",
    "link-and-image": "[click](javascript:alert(1)) ![x](file:///etc/passwd)",
    "heading-and-list-starts": "# Heading\n\n- item\n1. item",
}


def test_nesting_10000_deep_fails_with_one_located_error(project: Path) -> None:
    """Our limit is 20 levels, but libyaml has its own (PyYAML 6.0.4 reports it, in its
    words, before we see the document): what we promise is one error at a place in the file,
    exit 1, no traceback and the last good output kept."""
    before = snapshot(project / "out")
    (project / NAME).write_bytes(b"schema: 1\nextra: " + b"[" * 10_000 + b"]" * 10_000)
    result = run("build", NAME)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    error, summary = result.stderr.splitlines()
    assert re.fullmatch(rf"{NAME}:2:\d+: \$: \S.*", error), error
    assert summary.startswith("built 0 of 1 brief, skipped 0 unchanged, 1 failed, ")
    assert snapshot(project / "out") == before


def test_nesting_deeper_than_our_limit_names_it(project: Path) -> None:
    """21 levels, well inside libyaml's limit: the error is ours."""
    (project / NAME).write_bytes(b"schema: 1\nextra: " + b"[" * 21 + b"]" * 21)
    assert_one_clear_error(run("build", NAME), f"{NAME}:2:27: $: nesting is deeper than 20 "
                                               "levels (an incident file nests a few levels "
                                               "at most)")


@pytest.mark.parametrize("name", sorted(INJECTIONS))
def test_markup_in_text_fields_is_printed_as_typed(project: Path, name: str) -> None:
    """Text fields are plain text: whatever syntax they hold shows literally in both
    outputs, and the table stays a table."""
    import docx

    text = INJECTIONS[name]
    one_line = " ".join(text.split())
    data = (MINIMAL.replace("name: Kataib Sayyid al-Shuhada", f"name: {quote(one_line)}")
            .replace("summary: KSS held the US army responsible and said 36 of its fighters "
                     "were killed.",
                     f"summary: {quote(one_line)}")
            .replace('    casualties:\n      killed: {min: 36, max: 36, text: "36"}\n', ""))
    (project / NAME).write_text(data, encoding="utf-8")
    result = run("build", NAME)
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(project / "out" / "minimal.docx"))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    assert f"C1 · {one_line}: {one_line} “We hold" in paragraphs
    matrix = document.tables[0]
    assert [c.text for c in matrix.rows[1].cells][:2] == ["US-led coalition",
                                                          f"{one_line} (C1)"]
    assert all(len(row.cells) == 4 for row in matrix.rows)
    assert "a forged note" not in "".join(
        p.text for p in document.paragraphs if p.style is not None
        and p.style.name == "Footnote Text")
    markdown = (project / "out" / "minimal.md").read_text(encoding="utf-8")
    table_rows = [line for line in markdown.splitlines() if line.startswith("| US-led")]
    assert table_rows and all(line.count("|") - line.count("\\|") == 5 for line in table_rows)


def quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


TEMPLATES = {
    "syntax-error": ("{% if %}", "house/bluf.md.j2:3:1: template syntax error: Expected an "
                                 "expression, got 'end of statement block'"),
    "undefined-variable": ("{{ no_such_thing }}", "house/bluf.md.j2:3:1: template error while "
                                                  "rendering minimal: 'no_such_thing' is "
                                                  "undefined"),
    "python-internals": ("{{ ''.__class__.__mro__[1].__subclasses__() }}",
                         "house/bluf.md.j2:3:1: template error while rendering minimal: access "
                         "to attribute '__class__' of 'str' object is unsafe."),
    "huge-range": ("{% for x in range(10**9) %}{% endfor %}",
                   "house/bluf.md.j2:3:1: template error while rendering minimal: "
                   "OverflowError: Range too big. The sandbox blocks ranges larger than "
                   "MAX_RANGE (100000)."),
    "string-of-300-mb": ("{{ 'x ' * 150000000 }}",
                         "house/bluf.md.j2:3:1: template error while rendering minimal: the "
                         "template asks for 300,000,000 characters or items in one step, more "
                         "than the 1,000,000 a template may make"),
    "string-doubled-in-a-loop": ("{% set ns = namespace(s='x') %}{% for i in range(40) %}"
                                 "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}",
                                 "house/bluf.md.j2:3:1: template error while rendering minimal: "
                                 "the template asks for 1,048,576 characters or items in one "
                                 "step, more than the 1,000,000 a template may make"),
    "string-added-to-itself": ("{% set ns = namespace(s='x') %}{% for i in range(40) %}"
                               "{% set ns.s = ns.s + ns.s %}{% endfor %}",
                               "house/bluf.md.j2:3:1: template error while rendering minimal: "
                               "the template asks for 1,048,576 characters or items in one "
                               "step, more than the 1,000,000 a template may make"),
    "list-of-a-billion": ("{{ [0] * 10**9 }}",
                          "house/bluf.md.j2:3:1: template error while rendering minimal: the "
                          "template asks for 1,000,000,000 characters or items in one step, "
                          "more than the 1,000,000 a template may make"),
    "centered-in-a-billion": ("{{ 'x'|center(10**9) }}",
                              "house/bluf.md.j2:3:1: template error while rendering minimal: "
                              "the template asks for 1,000,000,000 characters or items in one "
                              "step, more than the 1,000,000 a template may make"),
    "ljust-to-a-billion": ("{{ 'x'.ljust(10**9) }}",
                           "house/bluf.md.j2:3:1: template error while rendering minimal: the "
                           "template asks for 1,000,000,000 characters or items in one step, "
                           "more than the 1,000,000 a template may make"),
    "format-width-of-a-billion": ("{{ '{:>999999999}'.format('x') }}",
                                  "house/bluf.md.j2:3:1: template error while rendering "
                                  "minimal: the template asks for 999,999,999 characters or "
                                  "items in one step, more than the 1,000,000 a template may "
                                  "make"),
    "percent-width-of-a-billion": ("{{ '%999999999s' % 'x' }}",
                                   "house/bluf.md.j2:3:1: template error while rendering "
                                   "minimal: the template asks for 999,999,999 characters or "
                                   "items in one step, more than the 1,000,000 a template may "
                                   "make"),
    "replace-that-doubles": ("{% set ns = namespace(s='xx') %}{% for i in range(40) %}"
                             "{% set ns.s = ns.s.replace('x', 'xx') %}{% endfor %}",
                             "house/bluf.md.j2:3:1: template error while rendering minimal: "
                             "the template asks for 1,572,864 characters or items in one "
                             "step, more than the 1,000,000 a template may make"),
    "huge-power": ("{{ 10 ** 100000 }}",
                   "house/bluf.md.j2:3:1: template error while rendering minimal: the "
                   "template asks for 10 ** 100000, a number too large for a brief"),
    "nested-ranges": ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
                      "{% endfor %}",
                      "house/bluf.md.j2:3:1: template error while rendering minimal: the "
                      "template's loops turned more than 1,000,000 times for one brief"),
    "nested-ranges-gathered-in-a-set-block": (
        "{% set x %}{% for i in range(100000) %}{% for j in range(100000) %}y{% endfor %}"
        "{% endfor %}{% endset %}",
        "house/bluf.md.j2:3:1: template error while rendering minimal: the template's loops "
        "turned more than 1,000,000 times for one brief"),
    # after "RecursionError: " the words are Python's, and where the stack ran out varies
    "endless-recursion": ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
                          "house/bluf.md.j2:3:1: template error while rendering minimal: "
                          "RecursionError: maximum recursion depth exceeded"),
}
PREFIXED = {"endless-recursion"}
"""Templates whose error is ours up to the library's own message, compared as a prefix."""


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_hostile_user_template_fails_clearly(project: Path, name: str) -> None:
    body, expected = TEMPLATES[name]
    house = project / "house"
    house.mkdir()
    (house / "bluf.md.j2").write_text(f"## Bottom line\n\n{body}\n", encoding="utf-8")
    before = snapshot(project / "out")
    assert_one_clear_error(run("build", NAME, "--templates", "house"), expected,
                           prefix=name in PREFIXED)
    assert snapshot(project / "out") == before


OVERTIME = ("briefs/hostile.yaml:1:1: $: building the brief took more than the time limit of "
            "2 s (no real brief comes near it; look for a loop in the templates, or raise "
            "--time-limit)")
ENDLESS_WORK = ("{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}"
                "{% endmacro %}{{ f(60) }}")
"""2 ** 60 calls, no loop and no output: only the time limit stops it."""


def test_endless_work_stops_at_the_time_limit(project: Path) -> None:
    house = project / "house"
    house.mkdir()
    (house / "bluf.md.j2").write_text(f"## Bottom line\n\n{ENDLESS_WORK}\n", encoding="utf-8")
    before = snapshot(project / "out")
    started = time.monotonic()
    assert_one_clear_error(run("build", NAME, "--templates", "house", "--time-limit", "2"),
                           OVERTIME)
    assert time.monotonic() - started < 30
    assert snapshot(project / "out") == before


def test_render_stops_at_the_time_limit_too(project: Path) -> None:
    from briefgen.build import Options, render_file
    from briefgen.errors import LimitError

    house = project / "house"
    house.mkdir()
    (house / "bluf.md.j2").write_text(f"## Bottom line\n\n{ENDLESS_WORK}\n", encoding="utf-8")
    with pytest.raises(LimitError) as caught:
        render_file(Path(NAME), None, Options(templates=house, time_limit=1))
    assert str(caught.value) == OVERTIME.replace("of 2 s", "of 1 s")


def test_a_slow_brief_fails_alone_and_the_batch_is_built(project: Path) -> None:
    """A template that loops without end for one brief: that brief fails at its time limit,
    in a worker process, and the other briefs are built."""
    house = project / "house"
    house.mkdir()
    (house / "bluf.md.j2").write_text(
        "## Bottom line\n\n{% if brief.id == 'hostile' %}" + ENDLESS_WORK
        + "{% endif %}{{ brief.bluf }}\n", encoding="utf-8")
    for number in range(8):
        (project / "briefs" / f"good-{number}.yaml").write_text(
            MINIMAL.replace("id: minimal", f"id: good-{number}"), encoding="utf-8")
    (project / NAME).write_text(MINIMAL.replace("id: minimal", "id: hostile"), encoding="utf-8")
    result = run("build", "briefs", "-j", "2", "--templates", "house", "--time-limit", "2")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == OVERTIME
    assert lines[-1].startswith("built 8 of 9 briefs, skipped 0 unchanged, 1 failed, ")
    assert not (project / "out" / "hostile.md").exists()
    assert (project / "out" / "good-7.docx").exists()


def test_output_past_the_limit_fails_that_brief(project: Path) -> None:
    house = project / "house"
    house.mkdir()
    (house / "bluf.md.j2").write_text("## Bottom line\n\n{% for i in range(100000) %}"
                                      "{{ 'x' * 1000 }}{% endfor %}\n", encoding="utf-8")
    before = snapshot(project / "out")
    assert_one_clear_error(run("build", NAME, "--templates", "house", "--force"),
                           f"{NAME}:1:1: $: the templates wrote more than the output limit of "
                           "50,000,000 characters (no real brief comes near it; look for a "
                           "loop in the templates, or raise --max-output)")
    assert_one_clear_error(run("build", NAME, "--force", "--max-output", "1000"),
                           f"{NAME}:1:1: $: the templates wrote more than the output limit of "
                           "1,000 characters (no real brief comes near it; look for a loop "
                           "in the templates, or raise --max-output)")
    assert snapshot(project / "out") == before


def test_a_docx_past_the_output_limit_fails_that_brief(project: Path) -> None:
    before = snapshot(project / "out")
    md_size = len((project / "out" / "minimal.md").read_bytes())
    docx_size = len((project / "out" / "minimal.docx").read_bytes())
    result = run("build", NAME, "--force", "--max-output", str(md_size + 100))
    assert docx_size > md_size + 100
    assert_one_clear_error(result, f"{NAME}:1:1: $: the docx output is {docx_size:,} bytes, "
                           f"more than the output limit of {md_size + 100:,} (no real brief "
                           "comes near it; look for a loop in the templates, or raise "
                           "--max-output)")
    assert snapshot(project / "out") == before


def test_a_users_templates_may_not_write_links_out_or_images(project: Path) -> None:
    """A house template is an input too: what it writes is held to the prose's rules."""
    house = project / "house"
    house.mkdir()
    (house / "bluf.md.j2").write_text(
        "## Bottom line\n\n[share](//attacker/share/doc) ![](http://tracker.example/p.png) "
        "[fine](https://example.org)\n", encoding="utf-8")
    before = snapshot(project / "out")
    result = run("build", NAME, "--templates", "house")
    assert result.exit_code == 1
    place = "house: line 30 of the Markdown the templates wrote for minimal: "
    assert result.stderr.splitlines()[:2] == [
        f"{place}link to '//attacker/share/doc' is not allowed ({LINK_HINT}{SHARE})",
        f"{place}an image is not allowed (a brief carries no images, and an image from the "
        "web is fetched by every reader who opens it)"]
    assert snapshot(project / "out") == before


def test_output_folder_that_is_a_file(project: Path) -> None:
    (project / "taken").write_text("not a folder", encoding="utf-8")
    result = run("build", NAME, "-o", "taken")
    assert result.exit_code == 1
    # the chart first, so that no .md ever names a chart not yet written
    assert result.stderr.splitlines()[0] == ("taken/minimal.chart.png: cannot write: taken "
                                              "is a file, not a folder")
    assert (project / "taken").read_text(encoding="utf-8") == "not a folder"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_output_folder_that_is_read_only(project: Path) -> None:
    out = project / "out"
    before = snapshot(out)
    out.chmod(0o555)
    try:
        result = run("build", NAME, "--force")
    finally:
        out.chmod(0o755)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == "out/minimal.md: cannot write: Permission denied"
    assert snapshot(out) == before


def test_disk_full_mid_write_keeps_the_last_good_file(project: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    out = project / "out"
    before = snapshot(out)
    real_fdopen = os.fdopen

    class FullDisk:
        """A file that takes the first 100 bytes, then reports the disk full."""

        def __init__(self, stream: object) -> None:
            self.stream = stream

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> int:
            self.stream.write(data[:100])  # type: ignore[attr-defined]
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("briefgen.build.os.fdopen",
                        lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    (project / NAME).write_text(MINIMAL.replace("Minimal brief", "Minimal brief, revised"),
                                encoding="utf-8")
    result = run("build", NAME)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == ("out/minimal.chart.png: cannot write: "
                                             "No space left on device")
    assert snapshot(out) == before  # no half-written file, no temporary file left behind


def test_killed_mid_build_leaves_every_output_whole(tmp_path: Path) -> None:
    """A build killed with SIGKILL while writing: each output is the last good one or a
    complete new one, never a torn file."""
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    source = (ROOT / "briefs" / "2019-01-sarsar-lake.yaml").read_text(encoding="utf-8")
    for number in range(40):
        (briefs / f"copy-{number:02d}.yaml").write_text(
            source.replace("id: 2019-01-sarsar-lake", f"id: copy-{number:02d}"),
            encoding="utf-8")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    command = [sys.executable, "-c", "from briefgen.cli import main; main()", "build",
               "briefs", "-j", "2"]
    subprocess.run(command, cwd=tmp_path, check=True, capture_output=True)
    out = tmp_path / "out"
    good = snapshot(out)
    for path in briefs.iterdir():
        path.write_text(path.read_text(encoding="utf-8").replace(
            "title: ", "title: Revised ", 1), encoding="utf-8")
    process = subprocess.Popen([*command, "--force"], cwd=tmp_path, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and all(
            (out / name).read_bytes() == data for name, data in good.items()):
        time.sleep(0.005)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    after = snapshot(out)
    changed = [name for name in good if after.get(name) != good[name]]
    assert 0 < len(changed) < len(good), "the kill came before or after the build"
    for name in changed:
        data = after[name]
        if name.endswith(".docx"):
            with zipfile.ZipFile(out / name) as package:
                assert package.testzip() is None
                assert b"Revised " in package.read("word/document.xml")
        else:
            assert data.endswith(b"\n") and b"Revised " in data
    # the next build finishes the job and sweeps up the dead build's temporary files
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [
        ".briefgen-state.db"]


def test_temporaries_of_a_zombie_writer_are_swept(tmp_path: Path) -> None:
    """A killed build's workers can stay zombies where nothing reaps orphans (CI containers):
    their pid still answers kill(pid, 0), yet their temporary files are dead and must go,
    while a live writer's stay."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and is_running(child.pid):
        time.sleep(0.01)
    assert not is_running(child.pid)  # exited, not yet waited for: a zombie
    os.kill(child.pid, 0)  # which kill alone takes for alive
    dead = tmp_path / f".brief.docx.{child.pid}.k3x_9q.tmp"
    live = tmp_path / f".brief.md.{os.getpid()}.a1b2c3.tmp"
    dead.write_bytes(b"torn")
    live.write_bytes(b"being written")
    remove_dead_temporaries(tmp_path)
    child.wait()
    assert sorted(path.name for path in tmp_path.iterdir()) == [live.name]


OUTSIDE = ("27:11: sources[0].seed: seed file '{}' is outside seeds (give the name of a file "
           "in seeds/; paths out of it are not followed)")


@pytest.mark.parametrize("seed", ["/etc/passwd", "/proc/self/environ", "/no/such/file",
                                  "../briefs/hostile.yaml", "../../../no/such/file",
                                  "link-out.txt", "link-to-nothing.txt", "zero.txt"])
def test_a_seed_outside_the_seeds_folder_is_refused_without_a_look(project: Path,
                                                                    seed: str) -> None:
    """Absolute paths, climbs out and symlinks out: one message, whether a file is there or
    not, so that the quote check cannot tell what a file outside holds or that it exists."""
    (project / "seeds" / "link-out.txt").symlink_to(project / NAME)
    (project / "seeds" / "link-to-nothing.txt").symlink_to("/no/such/file")
    (project / "seeds" / "zero.txt").symlink_to("/dev/zero")
    before = snapshot(project / "out")
    (project / NAME).write_bytes(edit(SEED, f"seed: {seed}"))
    assert_one_clear_error(run("build", NAME), f"{NAME}:{OUTSIDE.format(seed)}")
    assert snapshot(project / "out") == before


def make_fifo(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def make_sparse(path: Path, size: int) -> None:
    with path.open("wb") as stream:
        stream.truncate(size)


SEED_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "seed-that-is-a-fifo": (make_fifo, "not a regular file but a FIFO (named pipe) (give "
                                       "the name of a text file in seeds/)"),
    "seed-that-is-a-folder": (lambda path: path.mkdir(), "not a regular file but a folder "
                              "(give the name of a text file in seeds/)"),
    "seed-of-5-mb": (lambda path: make_sparse(path, 5 * 2**20),
                     "file is 5,242,880 bytes, more than the 4,194,304 allowed (a seed is the "
                     "text of one article; keep only the article)"),
    "seed-not-utf8": (lambda path: path.write_bytes(b"caf\xe9"),
                      "invalid UTF-8 byte 0xe9 at byte 3 (save it as UTF-8)"),
}


@pytest.mark.parametrize("name", sorted(SEED_FILES))
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_only_regular_seed_files_of_a_sane_size_are_read(project: Path, name: str) -> None:
    make, expected = SEED_FILES[name]
    make(project / "seeds" / "odd.txt")
    before = snapshot(project / "out")
    (project / NAME).write_bytes(edit(SEED, "seed: odd.txt"))
    assert_one_clear_error(run("build", NAME),
                           f"{NAME}:27:11: sources[0].seed: seed file 'odd.txt': {expected}")
    assert snapshot(project / "out") == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
@pytest.mark.parametrize(("kind", "make"), [
    ("a FIFO (named pipe)", make_fifo),
    ("a character device", lambda path: (path.unlink(), path.symlink_to("/dev/zero"))),
])
def test_a_brief_that_is_not_a_regular_file_fails_at_once(project: Path, kind: str,
                                                         make: Callable[[Path], None]) -> None:
    before = snapshot(project / "out")
    make(project / NAME)
    started = time.monotonic()
    assert_one_clear_error(run("build", NAME, "--force"),
                           f"{NAME}:1:1: $: not a regular file but {kind} (give the path of a "
                           "YAML file)")
    result = run("render", NAME)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (f"{NAME}:1:1: $: not a regular file but {kind} "
                                             "(give the path of a YAML file)")
    assert time.monotonic() - started < 10
    assert snapshot(project / "out") == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_a_batch_with_a_fifo_builds_the_rest(project: Path) -> None:
    make_fifo(project / "briefs" / "a-fifo.yaml")
    result = run("build", "briefs", "--force")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == ("briefs/a-fifo.yaml:1:1: $: not a regular file but a FIFO (named "
                        "pipe) (give the path of a YAML file)")
    assert lines[-1].startswith("built 1 of 2 briefs, skipped 0 unchanged, 1 failed, ")


TEMPLATE_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "template-that-is-a-fifo": (make_fifo, "house/bluf.md.j2:1:1: not a regular file but a "
                                "FIFO (named pipe) (a template is a small text file in the "
                                "folder)"),
    "template-linked-out-of-its-folder": (lambda path: path.symlink_to("/etc/passwd"),
                                          "house/bluf.md.j2:1:1: the template leads outside "
                                          "house (copy the file into the folder instead of "
                                          "linking to it)"),
    "template-of-2-mb": (lambda path: make_sparse(path, 2 * 2**20),
                         "house/bluf.md.j2:1:1: file is 2,097,152 bytes, more than the "
                         "1,048,576 allowed (a template is a small text file in the folder)"),
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
@pytest.mark.parametrize("name", sorted(TEMPLATE_FILES))
def test_only_regular_template_files_inside_their_folder_are_read(project: Path,
                                                                   name: str) -> None:
    make, expected = TEMPLATE_FILES[name]
    (project / "house").mkdir()
    make(project / "house" / "bluf.md.j2")
    before = snapshot(project / "out")
    assert_one_clear_error(run("build", NAME, "--templates", "house"), expected)
    assert snapshot(project / "out") == before


def test_a_templates_folder_that_is_a_link_to_a_file_is_refused(project: Path) -> None:
    from briefgen.build import Options, build_briefs
    from briefgen.errors import ValidationError

    (project / "house").symlink_to(project / NAME)
    result = run("build", NAME, "--templates", "house")
    assert result.exit_code == 2
    assert "--templates" in result.stderr and "house" in result.stderr  # in click's words
    with pytest.raises(ValidationError, match=r"^house:1:1: \$: the templates folder is not "
                                              r"a folder \(give --templates a folder of .j2 "
                                              r"files\)$"):
        build_briefs([Path(NAME)], Path("out"), options=Options(templates=Path("house")))


REFERENCES: dict[str, tuple[Callable[[Path], None], str]] = {
    "reference-that-is-a-fifo": (make_fifo, "not a regular file but a FIFO (named pipe)"),
    "reference-linked-to-dev-zero": (lambda path: path.symlink_to("/dev/zero"),
                                     "not a regular file but a character device"),
    "reference-of-30-mb": (lambda path: make_sparse(path, 30 * 2**20),
                           "file is 31,457,280 bytes, more than the 20,971,520 allowed"),
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_a_reference_document_must_be_a_regular_file_of_a_sane_size(project: Path,
                                                                    name: str) -> None:
    make, expected = REFERENCES[name]
    make(project / "house.docx")
    before = snapshot(project / "out")
    for args in (("build", NAME, "--force"), ("render", NAME, "-o", "out/minimal.docx")):
        result = run(*args, "--reference-doc", "house.docx")
        assert result.exit_code == 1
        assert result.stderr.splitlines() == [
            f"house.docx:1:1: $: reference document: {expected} (give --reference-doc a Word "
            "document (.docx) of its styles)"]
    assert snapshot(project / "out") == before



def with_prose(prose: str, field: str = "background: Background prose.") -> bytes:
    """The minimal brief with ``prose`` as a block scalar in place of ``field``'s value: its
    first line is then the file's line after the field's."""
    key, _ = field.split(": ", 1)
    indent = " " * (len(key) - len(key.split()[-1]) + 2)
    lines = "".join(f"{indent}{line}\n" if line else "\n" for line in prose.split("\n"))
    return edit(field + "\n", f"{key}: |\n{lines}")


HEADING_HINT = ("a prose field sits under its section's own heading: write a paragraph, with "
                "**bold** words to lead it")
NOTE_HINT = "the notes are made from the claims' sources; name the source in the text"
LINK_HINT = "only http, https and mailto links and #anchors are kept; "
SHARE = "it names a network share, which Word opens from disk (and sends the login to)"
NEST = "Markdown nests deeper than 20 levels (prose nests a few lists or quotes at most)"

PROSE: dict[str, tuple[bytes, str]] = {
    "heading-in-prose": (with_prose("Intro.\n\n## Sources\n\nMore."),
                         f"58:3: background: heading in prose (level 2) ({HEADING_HINT})"),
    "setext-heading-in-prose": (with_prose("Intro.\n\nTitle\n====="),
                                f"58:3: background: heading in prose (level 1) "
                                f"({HEADING_HINT})"),
    "heading-in-a-judgment": (with_prose("# Key judgments", "  - text: The coalition struck."),
                              f"52:7: judgments[0].text: heading in prose (level 1) "
                              f"({HEADING_HINT})"),
    "heading-in-the-bluf": (edit("bluf: The coalition denied the strike.", "bluf: '# BLUF'"),
                            f"11:8: bluf: heading in prose (level 1) ({HEADING_HINT})"),
    "footnote-forging-a-source-note": (with_prose(
        "Intro.\n\n[^reuters]: **Reuters, 1 April 2019.** Reliability A."),
        f"58:3: background: footnote definition [^reuters] in prose ({NOTE_HINT})"),
    "footnote-reference-to-a-source-note": (with_prose("As reported.[^reuters]"),
                                            f"56:15: background: footnote reference "
                                            f"[^reuters] in prose ({NOTE_HINT})"),
    "footnote-reference-to-no-note": (with_prose("Not a note: [^nobody] here."),
                                      f"56:15: background: footnote reference [^nobody] in "
                                      f"prose ({NOTE_HINT})"),
    "link-reference-definition": (with_prose("See [the map].\n\n[the map]: https://x.example/"),
                                  "58:3: background: link reference definition [the map] in "
                                  "prose (write the link inline, [text](https://...): a "
                                  "definition applies to the whole brief and could redefine "
                                  "its links)"),
    "contents-cue-in-prose": (with_prose("<!-- contents -->\n**Contents**"),
                              "56:3: background: raw HTML in prose (write it in Markdown; raw "
                              "HTML is not rendered)"),
    "style-cue-in-prose": (with_prose("Intro.\n\n<!-- style: Title -->\nForged"),
                           "58:3: background: raw HTML in prose (write it in Markdown; raw "
                           "HTML is not rendered)"),
    "html-block-in-prose": (with_prose("<div>\n\n<script>alert(1)</script>\n\n</div>"),
                            "56:3: background: raw HTML in prose (write it in Markdown; raw "
                            "HTML is not rendered)"),
    "remote-image-beacon": (with_prose("Seen. ![](http://tracker.example/p.png)"),
                            "56:9: background: image in prose (a brief carries no images, and "
                            "an image from the web is fetched by every reader who opens it; "
                            "link to it instead)"),
    "image-of-a-local-file": (with_prose("![x](file:///etc/passwd)"),
                              "56:3: background: image in prose (a brief carries no images, "
                              "and an image from the web is fetched by every reader who opens "
                              "it; link to it instead)"),
    "lists-491-deep": (edit("background: Background prose.",
                            "background: '" + "- " * 491 + "x'"), f"55:34: background: {NEST}"),
    "quotes-980-deep": (edit("background: Background prose.",
                             "background: '" + ">" * 980 + " x'"), f"55:33: background: {NEST}"),
    "emphasis-1959-deep": (edit("background: Background prose.",
                                "background: '" + "*" * 1959 + "x" + "*" * 1959 + "'"),
                           f"55:50: background: {NEST}"),
    "lists-491-deep-in-an-implication": (edit("  - text: Tension will rise.",
                                              "  - text: '" + "- " * 491 + "x'"),
                                         f"57:32: implications[0].text: {NEST}"),
}

LINKS: dict[str, str] = {
    "//attacker/share/doc": SHARE,
    "\\\\host\\share\\doc": SHARE,
    "smb://host/share": "'smb:' links can reach the reader's files or run programs",
    "file:///etc/passwd": "'file:' links can reach the reader's files or run programs",
    "search-ms:query=x&crumb=location:%5C%5Chost": "'search-ms:' links can reach the "
                                                   "reader's files or run programs",
    "ms-msdt:/id": "'ms-msdt:' links can reach the reader's files or run programs",
    "mhtml:http://x.example/a.mht": "'mhtml:' links can reach the reader's files or run "
                                    "programs",
    "ms-word:ofe|u|https://x.example/a.docx": "'ms-word:' links can reach the reader's files "
                                              "or run programs",
    "javascript:alert(1)": "'javascript:' links can reach the reader's files or run programs",
    "JaVaScRiPt:alert(1)": "'JaVaScRiPt:' links can reach the reader's files or run programs",
    "&#106;avascript:alert(1)": "'javascript:' links can reach the reader's files or run "
                                "programs",
    "data:text/html;base64,PHNjcmlwdD4=": "'data:' links can reach the reader's files or run "
                                          "programs",
    "vbscript:msgbox": "'vbscript:' links can reach the reader's files or run programs",
    "ftp://x.example/a": "'ftp:' links can reach the reader's files or run programs",
    "docs/notes.md": "a relative link points at files beside the reader's copy",
    "https:/x.example": "a web address needs its host: https://host/path",
}
"""Link targets refused, with the reason given."""


@pytest.mark.parametrize("name", sorted(PROSE))
def test_prose_that_would_change_the_brief_is_refused_at_its_line(project: Path,
                                                                  name: str) -> None:
    data, expected = PROSE[name]
    before = snapshot(project / "out")
    (project / NAME).write_bytes(data)
    assert_one_clear_error(run("build", NAME), f"{NAME}:{expected}")
    assert snapshot(project / "out") == before


@pytest.mark.parametrize("target", sorted(LINKS))
@pytest.mark.parametrize("form", ["inline", "autolink"])
def test_links_are_only_http_https_mailto_or_anchors(project: Path, target: str,
                                                     form: str) -> None:
    why = LINKS[target]
    if form == "autolink" and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<> ]*$", target):
        pytest.skip("not an autolink: a relative path, or with an entity")
    shown = target.replace("&#106;", "j").replace("\\\\", "\\", 1)  # as Markdown reads it
    prose = f"See [this]({target})." if form == "inline" else f"See <{target}>."
    before = snapshot(project / "out")
    (project / NAME).write_bytes(with_prose(prose))
    assert_one_clear_error(run("build", NAME),
                           f"{NAME}:56:7: background: link to {shown!r} is not allowed "
                           f"({LINK_HINT}{why})")
    assert snapshot(project / "out") == before


def test_a_batch_with_prose_nested_too_deep_builds_the_rest(project: Path) -> None:
    """Every nesting case at once in a batch built by worker processes: each fails alone,
    named and located, and the others are built."""
    names = sorted(name for name in PROSE if "deep" in name)
    for name in names:
        data = PROSE[name][0].decode().replace("id: minimal", f"id: {name}")
        (project / "briefs" / f"{name}.yaml").write_text(data, encoding="utf-8")
    for number in range(8):
        (project / "briefs" / f"good-{number}.yaml").write_text(
            MINIMAL.replace("id: minimal", f"id: good-{number}"), encoding="utf-8")
    result = run("build", "briefs", "-j", "2", "--force")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert sorted(lines[:-1]) == sorted(f"briefs/{name}.yaml:{PROSE[name][1]}"
                                        for name in names)
    assert lines[-1].startswith(f"built 9 of {9 + len(names)} briefs, skipped 0 unchanged, "
                                f"{len(names)} failed, ")
    assert sorted(p.name for p in (project / "out").glob("good-*.docx")) == [
        f"good-{number}.docx" for number in range(8)]



ALLOWED_PROSE = {
    "pandoc-fenced-div": "::: {.contents}\n\nText in a div.\n\n:::",
    "attribute-syntax": "A span{#sources .unnumbered} and [text]{.smallcaps}.",
    "escaped-heading-and-note": "\\## Sources\n\n\\[^reuters]: not a note",
    "heading-and-note-in-code": "```\n## Sources\n[^reuters]: x\n```\n\n    # indented",
    "note-syntax-in-a-code-span": "Write `[^reuters]` and `## x` in code.",
    "inline-html-and-cues": "Bold <b>words</b> and a cue <!-- contents --> mid-line.",
    "table-rule-quote-and-lists": ("| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\n> quoted\n\n"
                                   "- one\n  - two\n    1. three"),
    "nesting-at-the-limit": "- " * 10 + "x",
    "links-that-are-kept": ("[web](https://example.org/a?b=c#d) [mail](mailto:desk@example.org) "
                            "<https://example.org> <desk@example.org> [here](#sources)"),
    "brackets-and-carets": "[^] [^ x] ^[inline note]^ [x] [[y]] ]: z",
}
"""Prose that the parser may misread as structure but that is allowed: each builds, with the
same sections and notes in the .md and the .docx as the plain brief has."""


def markdown_outline(markdown: str) -> tuple[list[tuple[str, str]], list[str], dict[str, str]]:
    """The headings (as the .docx names their styles), the note references in order and the
    note texts by label, as the writers' parser reads the .md."""
    from briefgen.syntax import Block, parse_markdown

    headings: list[tuple[str, str]] = []
    references: list[str] = []
    notes: dict[str, str] = {}

    def text_of(node: Block) -> str:
        return str(node.meta.get("content", "")) + "".join(text_of(c) for c in node.children)

    def walk(node: Block) -> None:
        if node.name == "heading":
            level = node.meta["level"]
            headings.append(("Title" if level == 1 else f"Heading {level - 1}", text_of(node)))
        elif node.name == "footnote_def":
            notes[node.meta["label"]] = " ".join(text_of(node).split())
            return
        elif node.name == "footnote_ref":
            references.append(node.meta["label"])
        for child in node.children:
            walk(child)

    walk(parse_markdown(markdown))
    return headings, references, notes


def docx_outline(data: bytes) -> tuple[list[tuple[str, str]], list[str]]:
    """The headings (style name and text) and the footnotes' texts in order, as python-docx
    and the package's XML give them."""
    import io

    import docx
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    document = docx.Document(io.BytesIO(data))
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style is not None and p.style.name.startswith(("Title", "Heading"))]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/footnotes.xml"))
    notes = [" ".join("".join(t.text or "" for t in note.iter(f"{w}t")).split())
             for note in root.findall(f"{w}footnote") if note.get(f"{w}type") is None]
    return headings, notes


@pytest.mark.parametrize("name", sorted(ALLOWED_PROSE))
def test_allowed_prose_gives_the_same_sections_and_notes_in_md_and_docx(project: Path,
                                                                        name: str) -> None:
    from briefgen.build import Options, Rendering, render_outputs
    from briefgen.load import load_brief

    (project / "briefs" / "plain.yaml").write_text(MINIMAL, encoding="utf-8")
    plain = render_outputs(Rendering(load_brief(Path("briefs/plain.yaml"))), ["md", "docx"],
                           Options())
    expected = markdown_outline(plain["md"].decode("utf-8"))
    (project / NAME).write_bytes(with_prose(ALLOWED_PROSE[name]))
    outputs = render_outputs(Rendering(load_brief(Path(NAME))), ["md", "docx"], Options())
    headings, references, notes = markdown_outline(outputs["md"].decode("utf-8"))
    assert (headings, references, notes) == expected  # prose added no section and no note
    docx_headings, docx_notes = docx_outline(outputs["docx"])
    assert docx_headings == headings
    assert len(docx_notes) == len(references)
    firsts = {label: i for i, label in reversed(list(enumerate(references)))}
    for label, i in firsts.items():  # a source's first note is its full note
        assert docx_notes[i] == notes[label]


LOOK_ALIKES = {
    "cyrillic-o": "pr\u043ebably",
    "cyrillic-a-and-greek-omicron": "pr\u03bfb\u0430bly",
    "capitals-with-cyrillic": "PR\u041eBABLY",
    "full-width": "\uff50\uff52\uff4f\uff42\uff41\uff42\uff4c\uff59",
    "mathematical-bold": "".join(chr(0x1D41A + ord(c) - ord("a")) for c in "probably"),
}


@pytest.mark.parametrize("name", sorted(LOOK_ALIKES))
def test_estimative_words_in_look_alike_letters_are_caught(project: Path, name: str) -> None:
    """The ICD 203 word check reads the word a reader sees, not the code points."""
    text = f"The coalition {LOOK_ALIKES[name]} struck."
    (project / NAME).write_bytes(edit("  - text: The coalition struck.", f"  - text: {text}"))
    result = run("validate", "--strict", NAME)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{NAME}:51:11: judgments[0].text: warning: 'probably' is not on the ICD 203 "
        "likelihood scale (state the judgment plainly and give its likelihood in likelihood:; "
        "for 'probably' the scale says likely)")


def test_paired_bidi_controls_and_arabic_are_fine(project: Path) -> None:
    (project / NAME).write_bytes(edit(KSS, "name: Kataib \u202eSayyid\u202c al-\u2067Shuhada"
                                      "\u2069\n    name_ar: \u0643\u062a\u0627\u0626\u0628"))
    result = run("validate", "--strict", NAME)
    assert result.exit_code == 0, result.stderr
