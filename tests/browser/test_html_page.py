"""The HTML brief in a real browser: axe-core finds no serious or critical violation, the
page requests nothing, and it reads at desktop and phone widths."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefgen.build import build_briefs

BRIEFS = sorted(Path("briefs").glob("*.yaml"))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html")
    report = build_briefs(BRIEFS, out, ["html"])
    assert report.failed == []
    return out


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("brief", [p.stem for p in BRIEFS])
def test_axe_finds_no_serious_violation(page: Any, axe_script: Path, pages: Path, brief: str,
                                        width: int) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_viewport_size({"width": width, "height": 900})
    target = (pages / f"{brief}.html").resolve().as_uri()
    page.goto(target)
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [f"{v['id']} ({v['impact']}): {v['help']}: "
               + "; ".join(node["target"][0] for node in v["nodes"][:3])
               for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    assert [url for url in requests if url != target] == []  # no fonts, images or scripts
    # nothing wider than the window: a wide table scrolls inside its own box
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_notes_link_both_ways_in_the_browser(page: Any, pages: Path) -> None:
    page.goto((pages / "2019-01-sarsar-lake.html").resolve().as_uri())
    first = page.locator("sup.note-ref a").first
    first.click()
    note = page.locator(":target")
    assert note.evaluate("node => node.id").startswith("note-")
    note.locator("[role=doc-backlink]").first.click()
    assert page.locator(":target").evaluate("node => node.id").startswith("ref-")
