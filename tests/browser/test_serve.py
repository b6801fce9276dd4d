"""``briefgen serve`` in a real browser: the page follows the YAML without a manual reload,
shows a broken file's located problems, and points a click back to the YAML line."""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
BRIEF = "2019-01-sarsar-lake"
START_TIMEOUT = 20.0
"""Seconds the server may take to say where it listens."""


class Server:
    """``briefgen serve`` running in a copy of the project's briefing folder."""

    def __init__(self, folder: Path, *args: str) -> None:
        self.folder = folder
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from briefgen.cli import main; main()", "serve",
             "briefs", "--port", "0", *args],
            cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines: queue.Queue[str] = queue.Queue()
        assert self.process.stdout is not None
        stdout = self.process.stdout
        threading.Thread(target=lambda: [lines.put(line) for line in stdout],
                         daemon=True).start()
        try:
            first = lines.get(timeout=START_TIMEOUT)
        except queue.Empty:
            self.stop()
            pytest.fail(f"serve said nothing in {START_TIMEOUT} s")
        self.url = first.split(" at ", 1)[1].split()[0]
        assert self.url.startswith("http://127.0.0.1:")

    def page_url(self, stem: str = BRIEF) -> str:
        return f"{self.url}b/{stem}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("briefs", "seeds"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def server(project: Path) -> Iterator[Server]:
    running = Server(project)
    try:
        yield running
    finally:
        running.stop()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_page_follows_the_yaml_without_a_reload(page: Any, server: Server,
                                                    project: Path) -> None:
    page.goto(server.page_url())
    assert "Sarsar lake" in page.locator("h1").inner_text()
    page.evaluate("window.untouched = true")  # gone only if the page reloads by itself
    edit(project / "briefs" / f"{BRIEF}.yaml", "Reported US strike on",
         "Edited in a test, strike on")
    page.wait_for_function(
        "document.querySelector('h1').textContent.includes('Edited in a test')", timeout=10_000)
    assert page.evaluate("window.untouched === undefined")


def test_an_invalid_file_shows_its_located_problem(page: Any, server: Server,
                                                   project: Path) -> None:
    page.goto(server.page_url())
    path = project / "briefs" / f"{BRIEF}.yaml"
    good = path.read_text(encoding="utf-8")
    line = next(i for i, text in enumerate(good.splitlines(), 1) if "credibility: 5" in text)
    edit(path, "    credibility: 5\n", "    credibility: 9\n")
    page.wait_for_selector("ol.problems li", timeout=10_000)
    problem = page.locator("ol.problems li").first.inner_text()
    assert problem.startswith(f"briefs/{BRIEF}.yaml:{line}:18: claims[0].credibility: ")
    assert "does not validate" in page.locator("h1").inner_text()
    path.write_text(good, encoding="utf-8")  # fixed: the brief comes back
    page.wait_for_selector("nav.contents", timeout=10_000)


def test_a_click_shows_where_in_the_yaml_a_claim_comes_from(page: Any, server: Server,
                                                            project: Path) -> None:
    page.goto(server.page_url())
    lines = (project / "briefs" / f"{BRIEF}.yaml").read_text(encoding="utf-8").splitlines()
    summary = next(i for i, text in enumerate(lines, 1)
                   if "summary: Several Iraqi news channels reported" in text)
    page.locator("li", has_text="C1 · Iraqi news channels").first.click()
    shown = page.locator("#preview-source").inner_text()
    assert f"briefs/{BRIEF}.yaml:{summary} (claims[0].summary)" in shown


def test_the_editor_opens_the_clicked_line_and_only_for_the_page(page: Any,
                                                                 project: Path) -> None:
    opened = project / "opened.txt"
    recorder = (f"{sys.executable} -c \"import sys, pathlib; "
                f"pathlib.Path({str(opened)!r}).write_text(' '.join(sys.argv[1:]))\" "
                "{file} {line}")
    running = Server(project, "--editor", recorder)
    try:
        page.goto(running.page_url())
        page.locator("h1").click()
        for _ in range(100):  # at most 10 s
            if opened.exists():
                break
            time.sleep(0.1)
        assert opened.read_text() == f"briefs/{BRIEF}.yaml 7"
        # another site's page cannot make the preview run the editor
        request = urllib.request.Request(
            f"{running.url}open", data=json.dumps({"file": f"briefs/{BRIEF}.yaml",
                                                   "line": 1}).encode(), method="POST",
            headers={"Content-Type": "application/json", "Origin": "https://elsewhere.test"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 403
    finally:
        running.stop()
