"""The live preview without a browser: pages, problems, source places and the loopback
guards of ``briefgen.serve``."""

from __future__ import annotations

import http.client
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefgen.render import Options
from briefgen.serve import Preview, SourceMap, make_server, normalise
from conftest import ROOT

BRIEF = "2019-01-sarsar-lake"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("briefs", "seeds"):
        shutil.copytree(ROOT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def running(project: Path) -> Iterator[tuple[Preview, int]]:
    preview = Preview([Path("briefs")], Options(), editor="true {file} {line}")
    server = make_server(preview, 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              daemon=True)
    thread.start()
    try:
        yield preview, server.server_address[1]
    finally:
        preview.stop()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def request(port: int, method: str, path: str, headers: dict[str, str] | None = None,
            body: bytes | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8")
    finally:
        connection.close()


def test_pages_carry_source_places_that_the_distributed_page_does_not(
        running: tuple[Preview, int]) -> None:
    _, port = running
    status, html = request(port, "GET", f"/b/{BRIEF}")
    assert status == 200
    assert f'data-source="briefs/{BRIEF}.yaml:7" data-field="title"' in html
    assert "EventSource" in html
    status, index = request(port, "GET", "/")
    assert status == 200 and f'href="/b/{BRIEF}"' in index


def test_a_file_that_does_not_validate_shows_its_problems(project: Path,
                                                          running: tuple[Preview, int]) -> None:
    preview, port = running
    path = project / "briefs" / f"{BRIEF}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("credibility: 5", "credibility: 9"),
                    encoding="utf-8")
    preview.apply([path])
    _, html = request(port, "GET", f"/b/{BRIEF}")
    assert f"<code>briefs/{BRIEF}.yaml:" in html and "claims[0].credibility" in html
    assert "does not validate" in html


def test_other_host_names_and_origins_are_refused(running: tuple[Preview, int]) -> None:
    _, port = running
    assert request(port, "GET", "/", {"Host": "attacker.test"})[0] == 403
    body = json.dumps({"file": f"briefs/{BRIEF}.yaml", "line": 3}).encode()
    for origin in ("https://attacker.test", "null", ""):
        status, _ = request(port, "POST", "/open", {"Origin": origin,
                                                    "Content-Type": "application/json"}, body)
        assert status == 403
    own = {"Origin": f"http://127.0.0.1:{port}", "Content-Type": "application/json"}
    assert request(port, "POST", "/open", own, body)[0] == 200
    outside = json.dumps({"file": "/etc/passwd", "line": 1}).encode()
    assert request(port, "POST", "/open", own, outside)[0] == 400


def test_the_source_map_finds_the_value_a_block_prints_and_the_line_in_prose() -> None:
    from briefgen.load import read_document

    path = Path("briefs") / f"{BRIEF}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    sources = SourceMap([(read_document(path), lines)])
    found = sources.locate("C3 · War media cell: The war media cell of Iraq's defence ministry "
                           "said in a statement that, after investigations, the reports were "
                           "found untrue. Credibility 2.")
    assert found is not None and found["data-field"] == "claims[1].summary"
    number = int(found["data-source"].rsplit(":", 1)[1])
    assert "The war media cell of Iraq's defence ministry" in lines[number - 1]
    # a paragraph of the background, a prose value over many lines: the line it starts on
    second = next(i for i, line in enumerate(lines, 1) if "Relations with the roughly" in line)
    found = sources.locate("Relations with the roughly 5,000 US troops in Iraq were tense")
    assert found == {"data-source": f"briefs/{BRIEF}.yaml:{second}", "data-field": "background"}
    assert normalise("**Likely**, *moderate*") == "likelymoderate"


def test_a_row_that_names_a_claim_points_into_that_claim() -> None:
    from briefgen.load import load_document
    from briefgen.serve import claim_labels

    path = Path("briefs") / "2017-08-al-tanf-kss.yaml"
    brief, doc = load_document(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    labels = claim_labels(brief)
    sources = SourceMap([(doc, lines)], labels)
    found = sources.locate("C2 Kataib Sayyid al-Shuhada KSS fighters 41+ (“more than 40”) 30 "
                           "“US Denies Attacking Iranian-Backed Militia in Iraq”")
    assert found is not None
    assert found["data-field"].startswith(labels["C2"])


def test_a_change_to_a_template_or_seed_renders_every_brief_again(project: Path) -> None:
    from briefgen.build import export_templates

    house = project / "house"
    export_templates(house)
    preview = Preview([Path("briefs")], Options(templates=house))
    before = {stem: item.version for stem, item in preview.renders.items()}
    template = house / "bluf.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "## Bottom line", "## The bottom line, edited"), encoding="utf-8")
    preview.apply([template])
    assert all(item.version > before[stem] for stem, item in preview.renders.items())
    assert ">The bottom line, edited</h2>" in preview.renders[BRIEF].html
    seed = next((project / "seeds").glob("003-*.txt"))
    seed.write_text(seed.read_text(encoding="utf-8").replace("untrue", "not true"),
                    encoding="utf-8")
    preview.apply([seed])
    assert any("claims[1].quote" in line for line in preview.renders[BRIEF].problems)
