"""Two revisions compared: the change list from the data, and the Markdown with its changes
marked (``briefgen diff``)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import cmarkgfm
import cmarkgfm.cmark
import pytest
import yaml
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.diff import compare_briefs, mark_changes
from briefgen.load import load_brief
from briefgen.render.markdown import render_markdown
from conftest import ROOT

BRIEF = "2017-08-al-tanf-kss"


def make_old(data: dict[str, Any]) -> str:
    """An earlier revision of the al-Tanf brief: one figure, one quote and one judgment's
    likelihood differ (the figure's summary with it), the last claim is not there yet,
    and a source since dropped is."""
    figure = next(c for c in data["claims"]
                  if c.get("casualties", {}).get("killed", {}).get("text") == "36")
    figure["casualties"]["killed"] = {"min": 35, "max": 35, "text": "35"}
    figure["summary"] = figure["summary"].replace("36", "35")
    quoted = next(c for c in data["claims"] if c.get("quote") and " " in c["quote"])
    quoted["quote"] = quoted["quote"].rsplit(" ", 1)[0]
    data["judgments"][1]["likelihood"] = "unlikely"
    later = data["claims"].pop()
    for judgment in data["judgments"]:
        judgment["rests_on"] = [r for r in judgment["rests_on"] if r != later["id"]]
    data["sources"].append({"id": "extra-wire", "publisher": "Extra Wire", "reliability": "F",
                            "descriptor": "A wire service dropped since."})
    return quoted["id"]


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path, str]:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "old").mkdir()
    new = tmp_path / f"{BRIEF}.yaml"
    shutil.copy(ROOT / "briefs" / f"{BRIEF}.yaml", new)
    data = yaml.safe_load(new.read_text(encoding="utf-8"))
    quoted = make_old(data)
    old = tmp_path / "old" / f"{BRIEF}.yaml"
    old.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return old, new, quoted


def test_the_change_list_says_each_change_in_words(versions: tuple[Path, Path, str]) -> None:
    old, new, quoted = versions
    texts = [change.text for change in compare_briefs(load_brief(old), load_brief(new))]
    assert texts == [
        "Claim added: Islamic Revolutionary Guard Corps (declines-comment): No spokesman for "
        "the Revolutionary Guards was immediately available to comment.",
        f"Kataib Sayyid al-Shuhada's claim '{quoted}': quote revised.",
        "Kataib Sayyid al-Shuhada's claim 'kss-spokesman-36-killed': summary revised.",
        "KSS fighters killed: 35–41+ to 36–41+.",
        "Judgment 2: likelihood unlikely to roughly even chance.",
        "Source removed: Extra Wire (reliability F).",
    ]


def accept(marked: str) -> str:
    """Every change accepted: deletions dropped, insertions kept, lines deleted whole gone."""
    lines = []
    for line in marked.split("\n"):
        kept = re.sub(r"<del>.*?</del>", "", line).replace("<ins>", "").replace("</ins>", "")
        emptied = kept.strip() in ("", "-", "|") or re.fullmatch(r"\d+\.", kept.strip())
        if emptied and "<del>" in line:
            continue
        lines.append(kept)
    return "\n".join(lines)


def test_accepting_every_mark_gives_the_new_brief(versions: tuple[Path, Path, str]) -> None:
    old, new = (render_markdown(load_brief(path)) for path in versions[:2])
    marked = mark_changes(old, new)
    assert accept(marked) == new
    assert "<del>35</del><ins>36</ins>" in marked
    assert "**<del>Unlikely</del><ins>Roughly even chance</ins>**" in marked


def test_github_shows_the_marks_and_no_stray_markup(versions: tuple[Path, Path, str]) -> None:
    old, new = (render_markdown(load_brief(path)) for path in versions[:2])
    html = cmarkgfm.github_flavored_markdown_to_html(  # GitHub keeps <del> and <ins>
        mark_changes(old, new), options=cmarkgfm.cmark.Options.CMARK_OPT_UNSAFE)
    assert "<strong><del>Unlikely</del><ins>Roughly even chance</ins></strong>" in html
    assert "<del><strong>Extra Wire</strong>, no headline" in html
    assert "**" not in re.sub(r"<code>.*?</code>", "", html)


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def test_diff_prints_the_summary_then_the_marked_brief(versions: tuple[Path, Path, str],
                                                       tmp_path: Path) -> None:
    old, new, _ = versions
    result = run("diff", str(old), str(new))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:3] == [f"# Changes to {BRIEF}", "",
                         "Revision 1 (21 November 2026, briefgen editors) against revision 1 "
                         "(21 November 2026)."]
    assert "- KSS fighters killed: 35–41+ to 36–41+." in lines
    target = tmp_path / "changes.md"
    assert run("diff", str(old), str(new), "-o", str(target)).stdout == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8") == result.stdout


def test_diff_since_a_git_revision(versions: tuple[Path, Path, str], tmp_path: Path) -> None:
    old, new, _ = versions
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    shutil.copy(old, new.with_suffix(".keep"))
    shutil.copy(old, new)
    subprocess.run([*git, "add", new.name], check=True)
    subprocess.run([*git, "commit", "-qm", "old"], check=True)
    shutil.copy(new.with_suffix(".keep"), new)  # back to the same old text: no change
    assert "No change in the data." in run("diff", str(new), "--since", "HEAD").stdout
    shutil.copy(ROOT / "briefs" / f"{BRIEF}.yaml", new)
    since = run("diff", str(new), "--since", "HEAD")
    assert since.exit_code == 0, since.output
    assert since.stdout == run("diff", str(old), str(new)).stdout
    bad = run("diff", str(new), "--since", "no-such-rev")
    assert (bad.exit_code, bad.stderr) == (
        1, "--since no-such-rev: no such revision in this checkout (give a commit, tag or "
           "branch, e.g. HEAD~1)\n")


def test_diff_since_outside_a_checkout_says_so(tmp_path: Path) -> None:
    brief = tmp_path / f"{BRIEF}.yaml"
    shutil.copy(ROOT / "briefs" / f"{BRIEF}.yaml", brief)
    result = run("diff", str(brief), "--since", "HEAD", "--seeds", str(ROOT / "seeds"))
    assert result.exit_code == 1
    assert result.stderr.endswith("not in a git checkout, so --since has no history to read "
                                  "(give the old file: briefgen diff OLD NEW)\n")


def test_diff_wants_two_files_or_since() -> None:
    result = run("diff", f"briefs/{BRIEF}.yaml")
    assert result.exit_code == 2
    assert "give two files, OLD NEW, or one file and --since REV" in result.stderr
